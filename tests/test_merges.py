"""When two pull requests meet: merges of sources/ in a temporary git repository.

Two branches that each add a source merge without a conflict (``sources/SHA256SUMS merge=union`` in
``.gitattributes``) and ``make check`` verifies the merged list; conflict markers left in any file of
``sources/`` are named at their line, before anything else; two corrections of one source follow the
way out that CONTRIBUTING.md gives to a passing ``make check``. The articles added here are invented."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from generator.cli import main as run_command
from tests.conftest import ROOT, copy_collection, write_notes


def main(args: list[str]) -> int:
    """The command line, then the note of any draft update record it wrote, written as a
    contributor would (tests/conftest.py, ``write_notes``): a draft's empty note fails make check."""
    status = run_command(args)
    write_notes(Path(args[args.index("--sources") + 1]))
    return status


GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]
DOC = "003_5c094b5689ed37a0"
TERM = "glossary/umkm.yml"
CONFLICT = (
    "unresolved merge conflict -- keep one side (or both), delete the marker lines, then run make check"
)


def git(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run([*GIT, *args], capture_output=True, text=True, check=check)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch) -> str:
    """A repository holding the frozen collection as sources/ and the project's .gitattributes, in
    one commit; the working directory. Returns the name of its branch."""
    monkeypatch.chdir(tmp_path)
    copy_collection(tmp_path / "sources")
    if (ROOT / ".gitattributes").exists():
        shutil.copy(ROOT / ".gitattributes", tmp_path / ".gitattributes")
    git("init", "-q")
    git("add", "-A")
    git("commit", "-qm", "collection")
    return git("branch", "--show-current").stdout.strip()


def check(capsys) -> tuple[int, list[str]]:
    status = main(["--sources", "sources", "check"])
    err = capsys.readouterr().err
    assert "Traceback" not in err, err
    return status, [line for line in err.splitlines() if ": warning: " not in line]


def on_branch(name: str, base: str) -> None:
    git("checkout", "-q", base)
    git("checkout", "-qb", name)


def commit(message: str) -> None:
    git("add", "-A")
    git("commit", "-qm", message)


def add_source(capsys, name: str, title: str) -> None:
    """``make new-source`` of an invented English article, its metadata filled in as a contributor
    would and its translation stub left out (a missing translation is allowed)."""
    article = Path("..") / f"{name}.txt"
    article.write_text(f"{title}\n\nAn invented first paragraph about {name}.\n\nAn invented second one.\n")
    assert main(["--sources", "sources", "new", "source", str(article), "--language", "en"]) == 0
    Path(f"sources/{name}.yml").write_text(
        f"title: {{en: {title}, id: {title} (rekaan)}}\nlabel: null\npublisher: null\nauthor: null\n"
        "date: null\ntype: news\nlanguage: en\n"
        "description: {en: An invented article., id: Artikel rekaan.}\n",
        encoding="utf-8",
    )
    Path(f"sources/{name}.id.yml").unlink()
    capsys.readouterr()


def test_the_project_merges_sha256sums_as_a_union():
    attribute = subprocess.run(
        ["git", "check-attr", "merge", "sources/SHA256SUMS"], cwd=ROOT, capture_output=True, text=True
    )
    assert attribute.stdout.strip() == "sources/SHA256SUMS: merge: union"


def test_two_branches_that_each_add_a_source_merge_and_check(repo, capsys):
    on_branch("bikes", repo)
    add_source(capsys, "bike-lanes", "Bike Lanes Open")
    commit("a source about bike lanes")
    on_branch("trams", repo)
    add_source(capsys, "tram-line", "Tram Line Extended")
    commit("a source about a tram line")
    merged = git("merge", "-q", "--no-edit", "bikes", check=False)
    assert merged.returncode == 0, merged.stdout + merged.stderr
    names = [line.split("  ", 1)[1] for line in Path("sources/SHA256SUMS").read_text().splitlines()]
    assert "bike-lanes.txt" in names and "tram-line.txt" in names and len(names) == len(set(names))
    assert check(capsys)[0] == 0


def test_the_merged_sha256sums_is_verified(repo, capsys):
    sums = Path("sources/SHA256SUMS")
    lines = sums.read_text().splitlines()
    name = f"{DOC}.txt"
    other = next(line for line in lines if line.endswith(name)).replace(name, "000_f46436b26b41dcd8.txt")
    sums.write_text("\n".join([*lines, other]) + "\n")  # a file listed twice with another's checksum
    status, lines_out = check(capsys)
    assert status == 1
    assert lines_out[:-1] == [
        f"sources/SHA256SUMS:{len(lines) + 1}: 000_f46436b26b41dcd8.txt is listed twice, with different "
        "checksums (also on line 1) -- two changes of one source met in a merge: keep the line whose "
        "checksum is the file's and delete the other (CONTRIBUTING.md, 'When two pull requests meet')"
    ], lines_out


def test_conflict_markers_are_named_first_and_alone(repo, capsys):
    path = Path("sources") / TERM
    on_branch("one", repo)
    path.write_text(path.read_text().replace("  en: UMKM\n", "  en: UMKM (one)\n"))
    commit("one name")
    on_branch("two", repo)
    path.write_text(path.read_text().replace("  en: UMKM\n", "  en: UMKM (two)\n"))
    commit("another name")
    assert git("merge", "-q", "--no-edit", "one", check=False).returncode != 0
    opened = next(n for n, line in enumerate(path.read_text().splitlines(), 1) if line.startswith("<<<<<<< "))
    status, lines = check(capsys)
    assert status == 1
    assert lines == [f"sources/{TERM}:{opened}: {CONFLICT}", "1 problem found; nothing was written."]


@pytest.mark.parametrize("file", [f"{DOC}.txt", "SHA256SUMS", f"{DOC}.en.yml", "pages/linimasa.yml"])
def test_conflict_markers_in_any_file_of_sources_are_named(repo, capsys, file):
    path = Path("sources") / file
    lines = path.read_text().splitlines()
    lines[1:1] = ["<<<<<<< HEAD", lines[1], "=======", lines[1] + " (theirs)", ">>>>>>> theirs"]
    path.write_text("\n".join(lines) + "\n")
    status, out = check(capsys)
    assert status == 1
    assert out == [f"sources/{file}:2: {CONFLICT}", "1 problem found; nothing was written."]


def test_a_line_of_equals_signs_alone_is_text(repo, capsys):
    path = Path("sources") / f"{DOC}.txt"
    text = path.read_bytes() + b"\n=======\n"
    path.write_bytes(text)
    _, lines = check(capsys)
    assert not any("merge conflict" in line for line in lines), lines


def correct(capsys, text: str, reason: str) -> None:
    article = Path("..") / "corrected.txt"
    article.write_text(text, encoding="utf-8")
    assert (
        main(["--sources", "sources", "update-source", DOC, "--file", str(article), "--reason", reason]) == 0
    )
    capsys.readouterr()


def test_two_corrections_of_one_source_meet_and_the_documented_way_out_passes(repo, capsys, tmp_path):
    text = Path(f"sources/{DOC}.txt").read_text(encoding="utf-8")
    paragraphs = text.split("\n\n")
    on_branch("first", repo)  # an invented paragraph after the second, as a correction adds it
    correct(
        capsys, "\n\n".join([*paragraphs[:4], "An invented paragraph A.", *paragraphs[4:]]), "first reason"
    )
    commit("first correction")
    on_branch("second", repo)  # and another at the end
    correct(capsys, text.rstrip("\n") + "\n\nAn invented paragraph B.\n", "second reason")
    commit("second correction")
    assert git("merge", "-q", "--no-edit", "first", check=False).returncode != 0  # the records conflict
    assert check(capsys)[0] == 1
    # The way out (CONTRIBUTING.md, "When two pull requests meet"): keep the text git merged, take
    # one side's text and record, record the merged text again with the other side's reason.
    both = tmp_path / "both.txt"
    shutil.copy(f"sources/{DOC}.txt", both)
    assert "paragraph A" in both.read_text() and "paragraph B" in both.read_text()
    git("checkout", "HEAD", "--", f"sources/{DOC}.txt", f"sources/{DOC}.record.yml")
    command = ["--sources", "sources", "update-source", DOC, "--file", str(both), "--reason", "first reason"]
    assert main(command) == 0
    capsys.readouterr()
    assert check(capsys)[0] == 0
    record = Path(f"sources/{DOC}.record.yml").read_text()
    assert "second reason" in record and "first reason" in record
    assert (
        sum(line.endswith(f"{DOC}.txt") for line in Path("sources/SHA256SUMS").read_text().splitlines()) == 1
    )
    commit("both corrections")
    assert check(capsys)[0] == 0
