"""The attribution checks of `make check`: each fails on a planted sentence, naming file:line,
and an acknowledged false alarm (``[!check: why]``) passes without showing on the site."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from tests.test_mistakes import change, check_fails, line_of, run

UMKM = "glossary/umkm.yml"
STORY = "pages/ringkasan.yml"
EN = "001_9325e6259af9a897.en.yml"
FIX_OPINION = (
    "attribute it, e.g. {marker} ...; if the text is right as it is, acknowledge it in the sentence: "
    "[!opinion: why]"
)
FIX_HEDGE = (
    "keep the hedge or say who says it (see checks.kept in generator/locales); if the text is right as it "
    "is, acknowledge it in the sentence: [!hedge: why]"
)


@pytest.fixture
def sources(in_cwd: Path) -> Path:
    return in_cwd


def add_explanation(path: Path, indonesian: str, english: str) -> tuple[int, int]:
    """Append an explanation item to a term; returns the lines of its two texts."""
    change(
        path, "explanation:\n", f"explanation:\n  - id: >-\n      {indonesian}\n    en: >-\n      {english}\n"
    )
    first = line_of(path, indonesian)
    return first, line_of(path, english)


def test_a_sentence_citing_only_an_opinion_piece_must_attribute(sources, capsys):
    id_line, en_line = add_explanation(
        sources / UMKM,
        "UMKM membutuhkan aturan yang tegas tentang social commerce [@002#p14].",
        "UMKM need firm rules on social commerce [@002#p14].",
    )
    check_fails(
        capsys,
        f"sources/{UMKM}:{id_line}: the 'id' sentence cites only opinion pieces but does not say so: "
        '"UMKM membutuhkan aturan yang tegas tentang social commerce." -- '
        + FIX_OPINION.format(marker="tulisan opini"),
        f"sources/{UMKM}:{en_line}: the 'en' sentence cites only opinion pieces but does not say so: "
        '"UMKM need firm rules on social commerce." -- ' + FIX_OPINION.format(marker="opinion piece"),
    )


@pytest.mark.parametrize(
    ("indonesian", "english"),
    [
        (
            "Sebuah tulisan opini menyerukan aturan yang tegas tentang social commerce [@002#p14].",
            "An opinion piece calls for firm rules on social commerce [@002#p14].",
        ),
        (
            "Pemerintah akan membentuk satuan tugas untuk melindungi UMKM [@003#p1].",
            "The government will set up a task force to protect UMKM [@003#p1].",
        ),
    ],
    ids=["opinion-attributed", "hedge-kept"],
)
def test_a_sentence_as_strong_as_its_paragraph_passes(sources, capsys, indonesian, english):
    add_explanation(sources / UMKM, indonesian, english)
    status, _, err = run(capsys, "check")
    assert status == 0, err


def test_a_heading_stating_a_fact_needs_a_citation(sources, capsys):
    path = sources / STORY
    change(path, "id: Kekhawatiran tentang Project S", "id: Project S mengancam UMKM")
    check_fails(
        capsys,
        f"sources/{STORY}:{line_of(path, 'Project S mengancam UMKM')}: the 'id' heading states something "
        'without a citation: "Project S mengancam UMKM" -- cite the paragraph that says it at its end '
        "[@001#p8], or make it a topic (\u201cX and Y\u201d) or a question; if the text is right as it is, "
        "acknowledge it in the sentence: [!heading: why]",
    )


@pytest.mark.parametrize(
    "heading",
    [
        "Project S dan UMKM",
        "Apakah Project S mengancam UMKM?",
        "Project S berpotensi mengancam UMKM [@003#p1]",
    ],
)
def test_a_topic_a_question_or_a_cited_heading_passes(sources, capsys, heading):
    change(sources / STORY, "id: Kekhawatiran tentang Project S", f'id: "{heading}"')
    status, _, err = run(capsys, "check")
    assert status == 0, err


def test_a_sentence_dropping_its_paragraphs_hedge_is_listed(sources, capsys):
    id_line, en_line = add_explanation(
        sources / UMKM,
        "Pemerintah membentuk satuan tugas untuk melindungi UMKM [@003#p1].",
        "The government set up a task force to protect UMKM [@003#p1].",
    )
    err = check_fails_loosely(capsys)
    assert (
        f"sources/{UMKM}:{id_line}: the 'id' sentence states flatly what its paragraph hedges (003#p1 "
        '("\u2026(Kemenkominfo) akan membentuk satu\u2026")): '
        f'"Pemerintah membentuk satuan tugas untuk melindungi UMKM." -- {FIX_HEDGE}'
    ) in err
    assert (
        f"sources/{UMKM}:{en_line}: the 'en' sentence states flatly what its paragraph hedges (003#p1" in err
    )


def check_fails_loosely(capsys) -> str:
    status, _, err = run(capsys, "check")
    assert status == 1, err
    return err


def test_a_translator_addition_must_be_marked(sources, capsys):
    path = sources / EN
    change(path, "text: >-\n      ", "text: >-\n      (A guess.) ")
    check_fails(
        capsys,
        f"sources/{EN}:{line_of(path, '- paragraph:')}: the 'en' translation adds (A guess.) to the "
        "original -- write a translator's addition as [Translator's note: ...]; if the text is right as it "
        "is, acknowledge it in the sentence: [!translator: why]",
    )


def test_a_marked_translator_note_passes(sources, capsys):
    change(sources / EN, "text: >-\n      ", "text: >-\n      [Translator's note: a guess.] ")
    status, _, err = run(capsys, "check")
    assert status == 0, err


def test_an_acknowledged_false_alarm_passes_and_is_not_shown(sources, capsys, tmp_path):
    add_explanation(
        sources / UMKM,
        "UMKM membutuhkan aturan yang tegas [!opinion: diuji] [@002#p14].",
        "UMKM need firm rules [!opinion: tested] [@002#p14].",
    )
    status, _, err = run(capsys, "check")
    assert status == 0, err
    assert main(["--sources", "sources", "generate", "--out", str(tmp_path / "docs")]) == 0
    pages = [p.read_text(encoding="utf-8") for p in (tmp_path / "docs").rglob("umkm*.md")]
    assert pages and any("UMKM need firm rules" in page for page in pages)
    assert not any("[!opinion" in page or "tested" in page for page in pages)


def test_an_acknowledgement_needs_a_known_check_and_a_reason_and_must_silence_something(sources, capsys):
    path = sources / UMKM
    id_line, en_line = add_explanation(
        path,
        "Menurut sebuah tulisan opini, UMKM membutuhkan aturan [!opinion: tidak perlu] [@002#p14].",
        "UMKM need firm rules [!opnion: typo] [!opinion] [@002#p14].",
    )
    status, _, err = run(capsys, "check")
    assert status == 1, err
    assert (
        f"sources/{UMKM}:{id_line}: warning: [!opinion: ...] acknowledges an alarm that is not raised "
        "here -- remove it"
    ) in err
    assert (
        f"sources/{UMKM}:{en_line}: [!opnion: ...] names no check -- use one of: opinion, heading, hedge, "
        "translator" in err
    )
    assert f"sources/{UMKM}:{en_line}: [!opinion] gives no reason -- write [!opinion: why]" in err
