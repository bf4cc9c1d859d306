"""English translations: complete in the frozen collection, and stale or missing ones are caught."""

import re

import pytest

from generator import pipeline
from generator.cli import main
from generator.model import fingerprint
from tests.conftest import SEED_IDS, SOURCES, correct_document


def test_fingerprint_ignores_whitespace_but_not_words():
    assert fingerprint("Satu  dua\ntiga") == fingerprint("Satu dua tiga")
    assert fingerprint("Satu dua tiga") != fingerprint("Satu dua empat")
    assert re.fullmatch(r"[0-9a-f]{12}", fingerprint("x"))


@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_every_seed_paragraph_is_translated(site, doc_id):
    statuses = site.translations[doc_id, "en"]
    assert [s.state for s in statuses] == ["done"] * len(statuses)
    assert all(s.text and s.text != s.paragraph.text for s in statuses)


def test_check_reports_zero_missing_zero_stale(capsys):
    assert main(["--sources", str(SOURCES), "check"]) == 0
    out = capsys.readouterr()
    assert "translations (en): 61 done, 0 missing, 0 stale" in out.out
    assert out.err == ""


def test_changed_original_makes_translation_stale(sources_copy, capsys):
    original = sources_copy / "004_b525c05275177155.txt"
    correct_document(sources_copy, original.stem, original.read_bytes().replace(b"15 detik", b"20 detik"))
    site, problems = pipeline.build(sources_copy, with_entries=False)
    states = [s.state for s in site.translations["004_b525c05275177155", "en"]]
    assert states.count("stale") == 1 and states[6] == "stale"
    (warning,) = problems.warnings
    assert warning.file.endswith("004_b525c05275177155.en.yml")
    assert "translation of paragraph 7 is stale" in warning.message


def test_missing_translation_is_listed(sources_copy, capsys):
    path = sources_copy / "003_5c094b5689ed37a0.en.yml"
    text = path.read_text()
    cut = text.index("  - paragraph: 6")
    path.write_text(text[:cut])
    assert main(["--sources", str(sources_copy), "check"]) == 0
    out = capsys.readouterr()
    assert "paragraph 6 has no 'en' translation" in out.err
    assert "translations (en): 60 done, 1 missing, 0 stale" in out.out


def test_translations_stay_with_their_paragraphs_when_one_is_added_before_them(site, sources_copy):
    doc_id = "000_f46436b26b41dcd8"
    correct_document(
        sources_copy, doc_id, b"Paragraf baru di awal.\n" + (sources_copy / f"{doc_id}.txt").read_bytes()
    )
    corrected, _ = pipeline.build(sources_copy, with_entries=False)
    statuses = corrected.translations[doc_id, "en"]
    assert [s.state for s in statuses] == ["missing"] + ["done"] * 10
    assert [s.text for s in statuses[1:]] == [s.text for s in site.translations[doc_id, "en"]]


def test_an_all_digit_fingerprint_without_quotes_is_read(tmp_path):
    from generator.model.problems import Problems
    from generator.read.documents import load_translation

    path = tmp_path / "x.en.yml"
    path.write_text("language: en\nparagraphs:\n- paragraph: 1\n  fingerprint: 758114336498\n  text: Hi.\n")
    problems = Problems()
    (entry,) = load_translation(path, problems, "en")
    assert entry.fingerprint == "758114336498" and not problems
