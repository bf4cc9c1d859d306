"""`make changes`: what a change to sources/ does to the site, reported against a git ref."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from generator import pipeline
from generator.cli import main
from generator.maintain import change_words
from generator.maintain.change_words import rewording
from generator.model import BuildFacts
from generator.render.run import render
from tests.conftest import copy_collection

GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]
UMKM = "glossary/umkm.yml"
TRANSLATION = "001_9325e6259af9a897.en.yml"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch) -> Path:
    """A git repository whose one commit holds the frozen collection as sources/; the cwd."""
    root = tmp_path / "repo"
    root.mkdir()
    copy_collection(root / "sources")
    subprocess.run([*GIT, "-C", str(root), "init", "-q"], check=True)
    subprocess.run([*GIT, "-C", str(root), "add", "sources"], check=True)
    subprocess.run([*GIT, "-C", str(root), "commit", "-q", "-m", "collection"], check=True)
    monkeypatch.chdir(root)
    return root


def changes(capsys, sources: Path, base: str = "HEAD") -> tuple[int, str, str]:
    status = main(["--sources", str(sources), "changes", "--base", base])
    out, err = capsys.readouterr()
    return status, out, err


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def pages(sources: Path) -> dict[str, str]:
    site, _ = pipeline.build(sources)
    return {
        page.path: page.content
        for page in render(site, BuildFacts(), parallel=False)
        if page.path.endswith(".md")
    }


def part(report: str, heading: str) -> str:
    """The section of ``report`` under ``### heading``."""
    return report.split(f"### {heading}", 1)[1].split("\n### ", 1)[0]


def test_one_word_lists_exactly_the_changed_pages(repo: Path, tmp_path: Path, capsys):
    before = pages(copy_collection(tmp_path / "before" / "sources"))
    sources = repo / "sources"
    edit(sources / UMKM, "Berita itu melaporkan adanya", "Berita itu menyebutkan adanya")
    edit(sources / UMKM, "The report says there are", "The report states there are")
    after = pages(sources)
    expected = {path for path in before if before[path] != after[path]}
    assert expected and before.keys() == after.keys()

    status, report, _ = changes(capsys, sources)

    assert status == 0
    listed = set(re.findall(r"`([^`]+\.md)`", report))
    assert listed == expected
    assert (
        f"**{len(expected)} pages changed, 0 added, 0 removed; 2 texts reworded, 0 added, 0 removed; "
        "0 citations added, 0 removed;" in report
    )
    assert part(report, "Citations added or removed").strip() == "None."
    assert "| changed | en | `en/glossary/umkm.md` | UMKM |" in report


def test_a_translation_edit_shows_its_words_before_and_after(repo: Path, capsys):
    sources = repo / "sources"
    edit(sources / TRANSLATION, "is now in talks with", "is currently in talks with")

    status, report, _ = changes(capsys, sources)

    assert status == 0
    assert "1 text reworded, 0 added, 0 removed" in report
    words = part(report, "Words changed").strip().splitlines()
    assert words[0] == f"- `sources/{TRANSLATION}`" and len(words) == 2
    assert words[1].startswith("  - changed (paragraph 1, en): ")
    assert " TikTok is ~~now~~ **currently** in talks with an Indonesian e-commerce company " in words[1]
    assert report.index("### Words changed") < report.index("### Pages added, removed or changed")


def test_only_the_changed_sentences_are_shown():
    before = "First one stays. The second is said to change. Third stays! Fourth goes."
    after = "First one stays. The second is known to change. Third stays! Fourth went."
    assert (
        rewording(before, after)
        == "… The second is ~~said~~ **known** to change. … Fourth ~~goes.~~ **went.**"
    )
    assert rewording("Only one.", "Only one?") == "Only ~~one.~~ **one?**"


def test_a_glossary_edit_shows_its_words_and_nothing_typed_becomes_markup(repo: Path, capsys):
    sources = repo / "sources"
    term = sources / UMKM
    edit(term, "The report says there are", "The report says <b>there</b> are ~~such~~ `x` | _y_")
    edit(term, "Berita itu melaporkan adanya", "Berita itu menyebutkan adanya")

    status, report, _ = changes(capsys, sources)

    assert status == 0
    words = part(report, "Words changed")
    assert f"- `sources/{UMKM}`" in words
    assert "  - changed (explanation, id): Berita itu ~~melaporkan~~ **menyebutkan** adanya " in words
    assert (
        "The report says ~~there~~ **&lt;b&gt;there&lt;/b&gt;** are **\\~\\~such\\~\\~ \\`x\\` \\| \\_y\\_** "
        "concerns" in words
    )
    assert "<b>" not in words and "~~such" not in words


def test_a_text_added_is_shown_whole_and_new_line_breaks_are_no_change(repo: Path, capsys):
    sources = repo / "sources"
    path = sources / UMKM
    text = path.read_text(encoding="utf-8")
    edit(
        path,
        "quotes:\n",
        "  - id: >-\n      Menurut berita Tabuka News, kerja sama antarinstansi diperlukan [@003#p3].\n"
        "    en: >-\n      According to Tabuka News, inter-agency cooperation is needed [@003#p3].\n"
        "quotes:\n",
    )
    assert path.read_text(encoding="utf-8") != text

    status, report, _ = changes(capsys, sources)

    assert status == 0
    assert "0 texts reworded, 2 added, 0 removed" in report
    words = part(report, "Words changed")
    assert (
        "  - added (explanation, en): **According to Tabuka News, inter-agency cooperation is needed "
        "\\[@003\\#p3\\].**" in words
    )

    path.write_text(text.replace("\n      pertumbuhan", "\n          pertumbuhan"), encoding="utf-8")
    assert part(changes(capsys, sources)[1], "Words changed").strip() == "None."


NEW_TERM = """\
# Invented for a test: a term that no source names.
name: {id: istilah uji, en: test term}
aliases: {id: [], en: []}
definition:
  id: Menurut berita Tabuka News, Menkominfo menilai Project S berpotensi mengancam UMKM [@003#p1].
  en: According to Tabuka News, the minister considers that Project S could threaten UMKM [@003#p1].
explanation: []
quotes: []
related: {terms: [], actors: []}
"""


def test_a_new_term_is_shown_text_by_text_and_a_long_new_file_in_one_line(repo: Path, capsys, monkeypatch):
    sources = repo / "sources"
    (sources / "glossary/istilah-uji.yml").write_text(NEW_TERM, encoding="utf-8")

    status, report, _ = changes(capsys, sources)

    assert status == 0 and "0 texts reworded, 4 added, 0 removed" in report
    assert part(report, "Words changed").strip().splitlines() == [
        "- `sources/glossary/istilah-uji.yml` (new file)",
        "  - added (name, id): **istilah uji**",
        "  - added (name, en): **test term**",
        "  - added (definition, id): **Menurut berita Tabuka News, Menkominfo menilai Project S berpotensi "
        "mengancam UMKM \\[@003\\#p1\\].**",
        "  - added (definition, en): **According to Tabuka News, the minister considers that Project S could "
        "threaten UMKM \\[@003\\#p1\\].**",
    ]

    monkeypatch.setattr(change_words, "WHOLE", 3)
    status, report, _ = changes(capsys, sources)
    assert part(report, "Words changed").strip() == (
        "- `sources/glossary/istilah-uji.yml` (new file: 4 texts added, to read on the site)"
    )


def test_new_citation_is_listed_with_its_paragraph(repo: Path, capsys):
    sources = repo / "sources"
    edit(
        sources / UMKM,
        "quotes:\n",
        "  - id: >-\n      Menurut berita Tabuka News, kerja sama antarinstansi diperlukan [@003#p3].\n"
        "    en: >-\n      According to Tabuka News, inter-agency cooperation is needed [@003#p3].\n"
        "quotes:\n",
    )

    status, report, _ = changes(capsys, sources)

    assert status == 0
    assert "1 citation added, 0 removed" in report
    cited = part(report, "Citations added or removed")
    assert f"- `sources/{UMKM}`" in cited
    assert (
        "  - added: `[@003#p3]` “Menurut Menkominfo Budi Arie Setiadi, kemajuan teknologi saat ini" in cited
    )
    assert cited.count("added") == 1 and "removed" not in cited


def test_changed_quote_translation_is_listed_with_its_paragraph(repo: Path, capsys):
    sources = repo / "sources"
    edit(sources / UMKM, '"I want them to commit', '"I would like them to commit')

    status, report, _ = changes(capsys, sources)

    assert status == 0
    assert "0 quotes added, 0 removed, 1 changed" in report
    quoted = part(report, "Quotes added, removed or changed")
    assert f"- `sources/{UMKM}`\n  - changed: teten-masduki, en: “I want them to commit" in quoted
    assert "” → “I would like them to commit" in quoted
    assert "; from `[@001#p15]` ““Saya ingin mereka berkomitmen" in quoted


def test_deleted_translation_is_listed_as_missing(repo: Path, capsys):
    sources = repo / "sources"
    path = sources / TRANSLATION
    entries = re.split(r"(?m)^(?=  - paragraph: )", path.read_text(encoding="utf-8"))
    third = next(e for e in entries if e.startswith("  - paragraph: 3\n"))
    path.write_text("".join(e for e in entries if e is not third), encoding="utf-8")

    status, report, _ = changes(capsys, sources)

    assert status == 0
    assert "1 translation now missing, 0 now stale" in report
    missing = part(report, "Translations now missing or stale")
    assert f"- `sources/{TRANSLATION}`\n  - missing: `[@001#p3]` “" in missing
    assert "no 'en' translation" in part(report, "New problems")


def test_a_change_that_does_not_build_says_so_first(repo: Path, capsys):
    sources = repo / "sources"
    edit(
        sources / UMKM, "pertumbuhan UMKM di Indonesia [@003#p1]", "pertumbuhan UMKM di Indonesia [@003#p99]"
    )
    line = next(
        n
        for n, text in enumerate((sources / UMKM).read_text(encoding="utf-8").splitlines(), 1)
        if "[@003#p99]" in text
    )

    status, report, _ = changes(capsys, sources)

    assert status == 0
    summary = report.splitlines()[2]
    assert summary.startswith("**The change does not build: 1 error.**")
    listed = [text for text in report.splitlines() if text.startswith(f"- `sources/{UMKM}:{line}`: ")]
    assert len(listed) == 1 and "has 6 paragraphs, not 99 -- " in listed[0], report


@pytest.mark.parametrize(
    ("base", "message"),
    [
        ("no-such-branch", "'no-such-branch' is not a commit, branch or tag of this repository -- "),
        ("", "no base given -- "),
    ],
)
def test_a_wrong_base_is_one_line(repo: Path, capsys, base: str, message: str):
    status, out, err = changes(capsys, repo / "sources", base)
    assert status == 2 and not out
    assert err.startswith(message) and err.count("\n") == 1 and "Traceback" not in err


def test_outside_a_git_checkout_is_one_line(tmp_path: Path, capsys, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    sources = copy_collection(tmp_path / "sources")

    status, out, err = changes(capsys, sources)

    assert status == 2 and not out
    assert " is not in a git checkout" in err and " -- " in err
    assert err.count("\n") == 1 and "Traceback" not in err
