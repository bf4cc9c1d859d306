"""Bad input gets a clear message and loses nothing: each case names file, line, problem and
fix, exits non-zero without a traceback, and leaves docs/ and site/ exactly as they were."""

from __future__ import annotations

import hashlib
import resource
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, SOURCES, add_document, copy_collection, make, write_configuration

META = (SOURCES / "000_f46436b26b41dcd8.yml").read_text()


def snapshot(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def broken(scratch):
    """Yields the copy's sources to damage and a `make` that must fail changing nothing."""
    project, sources = scratch, scratch / "sources"
    before = snapshot(project / "docs"), snapshot(project / "site")

    def failing_make(expected: str) -> str:
        result = make(project)
        assert result.returncode != 0, result.stdout
        assert "Traceback" not in result.stderr
        assert expected in result.stderr, result.stderr
        assert (snapshot(project / "docs"), snapshot(project / "site")) == before
        return result.stderr

    yield sources, failing_make


def test_empty_file(broken):
    sources, failing_make = broken
    add_document(sources, "900_empty", b"", META)
    failing_make("sources/900_empty.txt:1: the file is empty -- paste the article's text into it")


def test_binary_file(broken):
    sources, failing_make = broken
    add_document(sources, "901_binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), META)
    failing_make(
        "sources/901_binary.txt:1: this is not a text file (it holds NUL or other control bytes) "
        "-- save the article as plain text, UTF-8 encoded"
    )


def test_invalid_yaml(broken):
    sources, failing_make = broken
    path = sources / "002_8b216c02d635696e.yml"
    path.write_text(path.read_text().replace("type: opinion", "type: [opinion"))
    failing_make("sources/002_8b216c02d635696e.yml:9: invalid YAML: the '[' opened on line 9 is never closed")


def test_repeated_key_in_yaml(broken):
    sources, failing_make = broken
    path = sources / "002_8b216c02d635696e.yml"
    path.write_text(path.read_text() + "type: news\n")
    failing_make("invalid YAML: the key 'type' appears twice -- fix the syntax")


def test_unknown_field(broken):
    sources, failing_make = broken
    path = sources / "glossary/umkm.yml"
    path.write_text(path.read_text().replace("definition:", "defnition:"))
    failing_make("unknown field 'defnition' -- did you mean 'definition'?")


def test_duplicate_ids(broken):
    sources, failing_make = broken
    shutil.copy(sources / "actors/tiktok.yml", sources / "actors/tiktok.yaml")
    failing_make("sources/actors/tiktok.yml:1: two actor entries have the id 'tiktok'")


@pytest.mark.parametrize("name", ["..hidden", "bad name", "UPPER"])
def test_ids_that_are_not_safe_file_names(broken, name):
    sources, failing_make = broken
    shutil.copy(sources / "glossary/umkm.yml", sources / f"glossary/{name}.yml")
    failing_make(f"sources/glossary/{name}.yml:1: '{name}' is not a usable id -- rename it")


@pytest.mark.parametrize("target", ["../../etc/passwd", "actor/../../x"])
def test_path_like_references_are_only_unknown_ids(broken, target):
    sources, failing_make = broken
    path = sources / "glossary/umkm.yml"
    path.write_text(path.read_text().replace("terms: [project-s", f"terms: ['{target}', project-s"))
    failing_make(f"related term '{target}' does not exist")


def test_citation_to_nothing(broken):
    sources, failing_make = broken
    path = sources / "actors/tiktok.yml"
    path.write_text(path.read_text().replace("[@004#p7]", "[@007#p1]", 1))
    failing_make("sources/actors/tiktok.yml:21: the citation key '007' names no document")


def test_all_problems_in_one_run(broken):
    sources, failing_make = broken
    add_document(sources, "900_empty", b"", META)
    path = sources / "glossary/umkm.yml"
    path.write_text(path.read_text().replace("definition:", "defnition:"))
    stderr = failing_make("problems found; nothing was written.")
    assert "900_empty.txt" in stderr and "defnition" in stderr


def test_failed_mkdocs_build_keeps_the_previous_site(broken, scratch):
    _, _ = broken
    hand_written = scratch / "docs" / "id" / "catatan.md"
    hand_written.write_text("# Catatan\n\n[rusak](tidak-ada.md)\n")
    before = snapshot(scratch / "site")
    try:
        (scratch / ".build/site").unlink()  # the site stamp gone: make runs MkDocs again
        result = make(scratch, ".build/site")
    finally:
        hand_written.unlink()
        (scratch / ".build/site").touch()  # site/ is as it was, and so is its stamp
    assert result.returncode != 0
    assert "mkdocs build failed; the previous site/ is unchanged." in result.stderr
    assert snapshot(scratch / "site") == before


@pytest.mark.parametrize(
    ("encoding", "prefix", "newline", "removal"),
    [
        ("cp1252", b"", b"\n", "decoded-cp1252"),
        ("latin-1", b"", b"\n", "decoded-cp1252"),
        ("utf-8", b"\xef\xbb\xbf", b"\r\n", "byte-order-mark"),
    ],
)
def test_other_encodings_and_line_endings_are_cleaned(tmp_path, encoding, prefix, newline, removal):
    from generator import pipeline

    root = copy_collection(tmp_path / "sources")
    text = "Kafe “Baru” di Jakarta menjual kopi.\nHarga naik 5 persen."
    if encoding == "latin-1":
        text = "Café Baru di Jakarta menjual kopi.\nHarga naik 5 persen."
    data = prefix + newline.join(line.encode(encoding) for line in text.split("\n"))
    add_document(root, "905_encoding", data, META)
    site, problems = pipeline.build(root, with_entries=False)
    doc = site.document("905_encoding")
    assert [p.text for p in doc.paragraphs] == text.split("\n")
    assert removal in {r.kind for r in doc.removals}
    if encoding != "utf-8":
        assert any("905_encoding.txt:1: warning: the file is not UTF-8" in str(p) for p in problems)


BIG = 3_000_000
"""Bytes of text in the large document: about 300 times the largest real source. At 10 MB the build
takes minutes, most of it in Python-Markdown's md_in_html, which copies the rest of the page at every
closing tag of a top-level ``markdown`` block (one per paragraph): quadratic in the page's length."""


@pytest.mark.build
def test_a_large_document_builds_with_bounded_memory(tmp_path):
    """About 3 MB of text in one document: generation and the MkDocs build finish; peak memory
    stays bounded."""
    import subprocess
    import sys

    project = tmp_path / "big"
    (project / "sources").mkdir(parents=True)
    write_configuration(project / "sources")
    words = (SOURCES / "004_b525c05275177155.txt").read_text().split()
    paragraph = " ".join(words[:90])
    count = BIG // (len(paragraph) + 2)
    data = "\n\n".join(f"{n} {paragraph}" for n in range(count)).encode()
    add_document(project / "sources", "999_big", data, META)
    (project / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text().split("\nnav:")[0] + "\n")
    (project / "generator").symlink_to(ROOT / "generator")
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    for command in (["-m", "generator", "generate"], ["-m", "generator.publish.build"]):
        result = subprocess.run([sys.executable, *command], cwd=project, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr[-2000:]
    peak_mb = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    assert (project / "site/sumber/999_big/index.html").stat().st_size > BIG
    assert peak_mb < 1024, f"peak memory {peak_mb:.0f} MB"
