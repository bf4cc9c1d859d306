"""README and CONTRIBUTING stay true to the code: every command they show exists, takes the
variables they give it, and does what they say when a contributor runs it."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT, make, write_notes

DOCS = ["README.md", "CONTRIBUTING.md", ".github/pull_request_template.md"]
COMMAND = re.compile(r"\bmake ([a-z][a-z-]*)((?: [A-Za-z_]+=(?:\"[^\"]*\"?|[^ `|]*))*)")


def shown() -> dict[str, set[str]]:
    """Each make target the docs show -> the variables they give it."""
    found: dict[str, set[str]] = {}
    for name in DOCS:
        for target, args in COMMAND.findall((ROOT / name).read_text(encoding="utf-8")):
            found.setdefault(target, set()).update(re.findall(r"([A-Za-z_]+)=", args))
    return found


def recipes() -> dict[str, str]:
    """Each target of the Makefile -> its recipe and prerequisites, as text."""
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    found = {}
    for match in re.finditer(r"^([a-z][a-z-]*):(.*?)(?=^\S|\Z)", text, re.M | re.S):
        found[match[1]] = match[2]
    return found


def test_the_docs_show_commands():
    assert {"check", "test", "new-source", "update-source", "paragraphs"} <= set(shown())


@pytest.mark.parametrize("target", sorted(shown()))
def test_every_command_shown_exists_and_reads_its_variables(target):
    recipe = recipes().get(target)
    assert recipe is not None, f"the docs show `make {target}`, which the Makefile does not have"
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    for variable in shown()[target]:
        uses = f"$({variable})" in recipe or (variable.startswith("REASON") and "$(REASONS)" in recipe)
        assert uses or re.match(r"REASON_[a-z]+$", variable) and "REASON_%" in text, (target, variable)


def test_make_help_lists_every_command_shown():
    listed = make(ROOT, "help").stdout
    for target in shown():
        assert f"make {target} " in listed, target


def anchor(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation other than ``-`` and ``_``
    dropped, each space a ``-``."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def text(name: str) -> str:
    return (ROOT / name).read_text(encoding="utf-8")


def halves() -> dict[str, str]:
    """CONTRIBUTING.md's halves, by their ``## `` heading."""
    parts = re.split(r"(?m)^## ", text("CONTRIBUTING.md"))[1:]
    return {part.split("\n", 1)[0].strip(): part for part in parts}


@pytest.mark.parametrize("half", ["English", "Bahasa Indonesia"])
def test_each_half_of_contributing_opens_with_contents_listing_its_sections(half):
    part = halves()[half]
    contents = part.split("\n### ", 1)[0]
    sections = re.findall(r"(?m)^### (.+)$", part)
    assert len(sections) > 5
    assert re.findall(r"\]\(#([^)]+)\)", contents) == [anchor(s) for s in sections]


@pytest.mark.parametrize(
    ("half", "first", "words"),
    [
        ("English", "Your first contribution", ["term", "translation", "source", "pull request"]),
        ("Bahasa Indonesia", "Kontribusi pertama Anda", ["istilah", "terjemahan", "sumber", "pull request"]),
    ],
)
def test_the_first_contribution_comes_first_is_short_and_gives_the_commands(half, first, words):
    part = halves()[half]
    sections = re.split(r"(?m)^### ", part)[1:]
    assert sections[0].startswith(first + "\n")
    assert len(sections[0].rstrip("\n").splitlines()) < 60
    for command in (
        "make new-term ID=",
        "make new-source FILE=",
        "make paragraphs",
        "make check",
        "make serve",
    ):
        assert command in sections[0], command
    assert "make changes BASE=origin/main" in sections[0]
    for word in words:
        assert word in sections[0].lower(), word


@pytest.mark.parametrize("name", DOCS)
def test_every_link_in_the_docs_leads_somewhere(name):
    """Relative links name files of the project; ``#anchors`` name a heading of the file."""
    body = text(name)
    anchors = {anchor(h) for h in re.findall(r"(?m)^#+ (.+)$", body)}
    for target in re.findall(r"\]\(([^)\s]+)\)", body):
        if target.startswith(("http://", "https://")) or ":" in target.split("/")[0]:
            continue  # a web address, or an inline link of the sources' syntax (term:umkm)
        path, _, fragment = target.partition("#")
        if path:
            assert (ROOT / name).parent.joinpath(path).exists(), (name, target)
        else:
            assert fragment in anchors, (name, target)


MADE_LATER = {
    "sources/glossary/flash-sale.yml": "made by the example `make new-term ID=flash-sale`",
    "generator/locales/xx.yml": "made by the example `make new-language LANG=xx`",
    "generator/locales/ms.yml": "made by the example `make new-language LANG=ms`",
    "sources/vocabulary.yml": "optional: a site's own vocabularies",
    "sources/updates/": "made with the first update record (make update-source and the others write one)",
}


@pytest.mark.parametrize("name", DOCS)
def test_every_path_the_docs_name_exists(name):
    folders = ("sources/", "generator/", "tests/", "tools/", ".github/", ".ci/")
    named = {code for code in re.findall(r"`([^`\s]+)`", text(name)) if code.startswith(folders)}
    assert named or name == ".github/pull_request_template.md"
    for path in sorted(named):
        if not re.search(r"[<*…]", path) and path not in MADE_LATER:
            assert (ROOT / path).exists(), f"{name} names {path}, which does not exist"


def test_the_readme_says_what_where_and_how_on_its_first_screen():
    readme = text("README.md")
    first = readme.split("\n## Reference", 1)[0]
    assert len(first.splitlines()) <= 46 and "\n| " not in first  # no table before the reference
    for needed in (
        "make test",
        "make serve",
        "CONTRIBUTING.md",
        "make new-site DIR=",
        "sources/",
        "generator/",
    ):
        assert needed in first, needed
    assert "site.yml" in first and "mkdocs.yml" not in first  # the site's name is in sources/site.yml


def test_the_pull_request_template_points_to_the_change_report():
    template = text(".github/pull_request_template.md")
    workflow = text(".github/workflows/site.yml")
    assert "make changes BASE=origin/main" in template
    assert "make changes" in workflow and "GITHUB_STEP_SUMMARY" in workflow  # where the report goes
    assert template.count("**Summary**") == 2  # in both languages
    assert len(template.splitlines()) < 40


def test_the_contributor_commands_do_what_the_docs_say(scratch, tmp_path):
    """The loop of CONTRIBUTING.md, in a copy of the project: check, look up paragraphs, start a
    term, start a source, correct one, rename one."""
    assert make(scratch, "check").returncode == 0
    paragraphs = make(scratch, "paragraphs", "ID=001")
    assert paragraphs.returncode == 0 and paragraphs.stdout.startswith("[@001#p1] ")
    assert "translations (en):" in make(scratch, "translations").stdout

    created = make(scratch, "new-term", "ID=live-shopping")
    assert created.returncode == 0 and "sources/glossary/live-shopping.yml" in created.stdout
    refused = make(scratch, "check")
    assert refused.returncode != 0 and "is still a TODO" in refused.stderr  # refused until filled in
    (scratch / "sources/glossary/live-shopping.yml").unlink()

    article = tmp_path / "pasar.txt"
    article.write_text("Pasar Desa Ramai\n\nPasar desa ramai pengunjung.\nPedagang menambah stok.\n")
    assert make(scratch, "new-source", f"FILE={article}").returncode == 0
    assert 'id: "Pasar Desa Ramai"' in (scratch / "sources/pasar.yml").read_text()  # the headline guess
    for name in ("pasar.txt", "pasar.yml", "pasar.en.yml"):
        (scratch / "sources" / name).unlink()
    for draft in (scratch / "sources/updates").glob("*pasar*"):  # its draft update record goes with it
        draft.unlink()
    sums = scratch / "sources/SHA256SUMS"
    sums.write_text("".join(line for line in sums.read_text().splitlines(True) if "pasar.txt" not in line))

    source = scratch / "sources/001_9325e6259af9a897.txt"
    corrected = tmp_path / "corrected.txt"
    blocks = source.read_text(encoding="utf-8").split("\n\n")
    corrected.write_text("\n\n".join([*blocks[:6], "Paragraf baru.", *blocks[6:]]), encoding="utf-8")
    update = make(scratch, "update-source", "ID=001", f"FILE={corrected}", "REASON=Uji", "REASON_en=Test")
    assert update.returncode == 0, update.stderr
    assert "paragraph(s) added 5a" in update.stdout
    assert len(write_notes(scratch / "sources")) == 1  # the correction's draft update record
    assert make(scratch, "rename-source", "ID=003", "TO=003_tabuka-news").returncode == 0
    assert len(write_notes(scratch / "sources")) == 1  # the rename's
    assert make(scratch, "check").returncode == 0
