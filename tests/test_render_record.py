"""Rendering only what an edit can change (``generator/render/record.py``, ``reads.py``): after an
edit to any kind of source file, of either test collection, the generated pages equal a clean
generation's byte for byte, and pages that read nothing edited are not rendered again."""

from __future__ import annotations

import os
import pickle
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import pipeline
from generator.model.problems import InputError
from generator.read import memo, yaml_lines
from generator.read.kept import engine
from generator.render import record
from generator.render.reads import Reads, View
from tests.conftest import ENGLISH_FIRST, SOURCES, copy_collection

WORD = re.compile(r"(?<![@\w#:/.-])([a-z]{6,})(?![\w\]#(-])")
"""A word of running text: not a key, a citation, a link target or an address."""


def tree(out: Path) -> dict[str, bytes]:
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in out.rglob("*")
        if p.is_file() and p.name not in (record.NAME, memo.NAME)
    }


def valid(sources: Path) -> bool:
    try:
        pipeline.build(sources)
    except InputError:
        return False
    return True


def mutate(path: Path, sources: Path) -> bool:
    """Change one word of running text in ``path`` so that the collection stays valid (the first
    such word that does); False when none does."""
    original = path.read_text(encoding="utf-8")
    lines = original.splitlines(keepends=True)
    tried = 0
    for number, line in enumerate(lines):
        if line.lstrip().startswith("#") or tried >= 12:
            continue
        match = WORD.search(line, line.find(":") + 1 if ": " in line else 0)
        if not match:
            continue
        tried += 1
        changed = line[: match.start()] + match[1][::-1] + line[match.end() :]
        path.write_text("".join(lines[:number] + [changed] + lines[number + 1 :]), encoding="utf-8")
        if valid(sources):
            return True
    path.write_text(original, encoding="utf-8")
    return False


def generate(sources: Path, out: Path) -> str:
    report, _ = pipeline.generate(sources, out, parallel=False)
    return str(report)


def rendered(said: str) -> tuple[int, int]:
    found = re.search(r"\((\d+) of (\d+) pages rendered\)", said)
    assert found, said
    return int(found[1]), int(found[2])


KINDS = ["translation", "document data", "glossary", "actors", "pages", "site.yml"]


def pick(sources: Path, kind: str) -> list[Path]:
    """The files of one kind in a collection, in a fixed order."""
    docs = sorted(
        p for p in sources.glob("*.yml") if p.name not in ("site.yml", "cleaning.yml", "vocabulary.yml")
    )
    found = {
        "translation": [p for p in docs if p.name.count(".") == 2],
        "document data": [p for p in docs if p.name.count(".") == 1],
        "glossary": sorted((sources / "glossary").glob("*.yml")),
        "actors": sorted((sources / "actors").glob("*.yml")),
        "pages": sorted((sources / "pages").glob("*.yml")),
        "site.yml": [sources / "site.yml"],
        "updates": sorted((sources / "updates").glob("*.yml")),
    }
    return found[kind]


@pytest.mark.parametrize(
    "origin, kind",
    # the frozen collection is larger: its edits run with the whole suite (`make test`), not the edit
    # loop's; it has no update records (the English-first one has)
    [pytest.param(SOURCES, kind, marks=pytest.mark.build) for kind in KINDS]
    + [(ENGLISH_FIRST, kind) for kind in [*KINDS, "updates"]],
    ids=[f"{kind}-indonesian-first" for kind in KINDS]
    + [f"{kind}-english-first" for kind in [*KINDS, "updates"]],
)
def test_after_an_edit_only_what_it_can_change_is_rendered_and_equals_a_clean_generation(
    tmp_path, origin, kind
):
    sources = copy_collection(tmp_path / "sources", origin)
    out, clean = tmp_path / "docs", tmp_path / "clean"
    first = generate(sources, out)
    assert rendered(first)[0] == rendered(first)[1]  # no record yet: every page
    assert rendered(generate(sources, out))[0] == 0  # nothing changed: no page
    before = tree(out)
    edited = [path for path in pick(sources, kind)[:3] if mutate(path, sources)]
    assert edited, f"no valid edit found in the {kind} files of {origin.name}"
    again, total = rendered(generate(sources, out))
    generate(sources, clean)
    assert tree(out) == tree(clean)
    if tree(clean) != before:  # the edit shows somewhere: what shows it was rendered
        assert 0 < again <= total


def test_a_page_whose_files_were_touched_by_hand_is_rendered_again(tmp_path):
    sources = copy_collection(tmp_path / "sources", ENGLISH_FIRST)
    out = tmp_path / "docs"
    generate(sources, out)
    page = next(
        p for p in sorted(out.rglob("*.md")) if "glossary" in p.as_posix() or "istilah" in p.as_posix()
    )
    page.write_text("edited by hand\n", encoding="utf-8")
    assert rendered(generate(sources, out))[0] == 1
    assert page.read_text(encoding="utf-8") != "edited by hand\n"
    clean = tmp_path / "clean"
    generate(sources, clean)
    assert tree(out) == tree(clean)


def test_an_unreadable_record_renders_every_page(tmp_path):
    sources = copy_collection(tmp_path / "sources", ENGLISH_FIRST)
    out = tmp_path / "docs"
    generate(sources, out)
    (out / record.NAME).write_bytes(b"not a record")
    done, total = rendered(generate(sources, out))
    assert done == total


def git(project: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=project,
        check=True,
        capture_output=True,
    )


def test_a_commit_renders_the_pages_whose_permanent_links_it_changes(tmp_path, monkeypatch):
    project = tmp_path / "project"
    sources = copy_collection(project / "sources", ENGLISH_FIRST)
    shutil.copy(Path(__file__).parents[1] / "mkdocs.yml", project / "mkdocs.yml")
    monkeypatch.setenv("REPO_URL", "https://example.org/news/explainer")
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "first")
    out = project / "docs"
    generate(sources, out)
    term = pick(sources, "glossary")[0]
    assert mutate(term, sources)
    generate(sources, out)
    git(project, "commit", "-qam", "second")
    done, total = rendered(generate(sources, out))
    assert 0 < done < total
    clean = project / "clean"
    generate(sources, clean)
    assert tree(out) == tree(clean)


def test_after_an_edit_only_the_edited_file_is_parsed_again(tmp_path, monkeypatch):
    sources = copy_collection(tmp_path / "sources", ENGLISH_FIRST)
    out = tmp_path / "docs"
    generate(sources, out)
    parsed: list[str] = []
    loader = yaml_lines.LOADER

    def counting(text: str):  # noqa: ANN202 - the loader's own type
        parsed.append(text)
        return loader(text)

    monkeypatch.setattr(yaml_lines, "LOADER", counting)
    assert mutate(pick(sources, "glossary")[0], sources)
    monkeypatch.setattr(memo, "_known", {})  # as a new process has it: nothing but the file
    monkeypatch.setattr(memo, "_used", set())
    parsed.clear()
    generate(sources, out)
    assert len(parsed) == 1, f"{len(parsed)} texts parsed again"
    clean = tmp_path / "clean"
    generate(sources, clean)
    assert tree(out) == tree(clean)


def test_a_build_in_another_process_renders_nothing_when_nothing_changed(tmp_path):
    """Digests do not depend on the process (a set's order does: PYTHONHASHSEED differs)."""
    sources = copy_collection(tmp_path / "sources", ENGLISH_FIRST)
    said = []
    for seed in ("1", "2"):
        command = [sys.executable, "-m", "generator", "--sources", str(sources), "generate"]
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(Path(__file__).parents[1])}
        done = subprocess.run(
            [*command, "--out", str(tmp_path / "docs")], env=env, capture_output=True, text=True, check=True
        )
        said.append(done.stdout)
    assert rendered(said[1])[0] == 0, said[1]


class _Trap:
    """Unpickled, it would create a file: a kept file must never run what it names."""

    def __init__(self, target: Path):
        self.target = target

    def __reduce__(self):  # noqa: ANN204 - pickle's protocol
        return (Path.touch, (self.target,))


def test_a_planted_record_or_memo_runs_nothing(tmp_path):
    sources = copy_collection(tmp_path / "sources", ENGLISH_FIRST)
    out = tmp_path / "docs"
    generate(sources, out)
    trap = tmp_path / "trapped"
    (out / record.NAME).write_bytes(pickle.dumps(_Trap(trap)))
    (out / memo.NAME).write_bytes(pickle.dumps((engine(), {b"k": pickle.dumps(_Trap(trap))})))
    done, total = rendered(generate(sources, out))
    assert not trap.exists()
    assert done == total


def test_a_view_prints_and_compares_as_its_value_and_notes_it():
    found = Reads({})
    items = View(["a", "b"], ("site", "list"), found)
    assert str(items) == "['a', 'b']" and f"{items}" == "['a', 'b']" and repr(items) == "['a', 'b']"
    assert items == ["a", "b"] and isinstance(items, list)
    assert [read.path for read in found.result() or ()] == [("site", "list")]
