"""Property-based tests: the loader and cleaner meet random and mutated input with a clear
problem report or valid output, never a crash."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.model import DocumentMeta, RawDocument, inline
from generator.model.problems import Problems
from generator.read.clean_text import clean
from generator.read.documents import load_meta, load_site
from generator.read.entries import load_entry
from generator.render import markdown_text
from tests.conftest import SOURCES

SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
META = DocumentMeta(None, {"id": "x", "en": "x"}, None, None, None, "news", "id", {"id": "x", "en": "x"})
SEED_TEXT = (SOURCES / "002_8b216c02d635696e.txt").read_bytes()
SEED_META = (SOURCES / "003_5c094b5689ed37a0.yml").read_text()
SEED_TERM = (SOURCES / "glossary/umkm.yml").read_text()
SITE = load_site(SOURCES / "site.yml", Problems())


def mutated(seed: bytes | str):
    """Seeds with random slices deleted, duplicated or replaced by random bytes or text."""
    is_bytes = isinstance(seed, bytes)
    noise = st.binary(max_size=40) if is_bytes else st.text(max_size=40)

    @st.composite
    def build(draw):
        data = seed
        for _ in range(draw(st.integers(1, 4))):
            start = draw(st.integers(0, len(data)))
            end = draw(st.integers(start, min(len(data), start + 200)))
            data = data[:start] + draw(noise) + data[end:]
        return data

    return build()


@SETTINGS
@given(st.one_of(st.binary(max_size=3000), mutated(SEED_TEXT)))
def test_cleaner_never_crashes_and_leaves_no_damage(data):
    doc = clean(RawDocument("x", Path("x.txt"), Path("x.yml"), data, META))
    for number, para in enumerate(doc.paragraphs, 1):
        assert para.number == number and para.text == para.text.strip() and para.text
        assert "\r" not in para.text and "\ufeff" not in para.text and "\u00a0" not in para.text
        assert "\u00c2 " not in para.text and not para.text.endswith("\u00c2")


@SETTINGS
@given(st.one_of(st.text(max_size=400), mutated(SEED_META)))
def test_metadata_loader_reports_or_loads(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("meta") / "x.yml"
    path.write_bytes(text.encode("utf-8", "replace"))
    problems = Problems()
    meta = load_meta(path, problems, SITE)
    assert (meta is None) == bool(problems.errors)
    for problem in problems:
        assert problem.file.endswith("x.yml") and problem.line >= 1 and problem.message


@SETTINGS
@given(mutated(SEED_TERM))
def test_entry_loader_reports_or_loads(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("term") / "x.yml"
    path.write_bytes(text.encode("utf-8", "replace"))
    problems = Problems()
    load_entry("term", path, problems, SITE)
    for problem in problems:
        assert problem.line >= 1 and problem.message


@SETTINGS
@given(st.text(max_size=300))
def test_inline_syntax_and_escaping_never_crash_nor_leak_markup(text):
    inline.plain(text)
    inline.sentences(text)
    escaped = markdown_text.escape(text)
    assert "<" not in escaped and "\n" not in escaped
    for char in "*_[]{}`#!|\\":
        assert escaped.count(char) == escaped.count("\\" + char) * (1 if char != "\\" else 2) or char == "\\"


SEED_UPDATE = """date: 2024-05-01
kind: claims-withdrawn
sources: [001]
paragraphs: ["001#p8"]
pages: [home, page/angka, term/umkm]
note: {id: Satu kalimat rekaan., en: An invented sentence.}
withdrawn:
  - {id: Klaim rekaan., en: An invented claim.}
"""


@SETTINGS
@given(st.one_of(st.text(max_size=300), mutated(SEED_UPDATE)))
def test_update_loader_reports_or_loads(tmp_path_factory, text):
    """An update record of any text is read or reported at a line, never a crash."""
    from generator.read.updates import load_update

    path = tmp_path_factory.mktemp("update") / "2024-05-01-x.yml"
    path.write_bytes(text.encode("utf-8", "replace"))
    problems = Problems()
    update = load_update(path, SITE, problems)
    assert update is not None or problems.errors
    for problem in problems:
        assert problem.file.endswith("2024-05-01-x.yml") and problem.line >= 1 and problem.message
