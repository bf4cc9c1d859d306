"""` #` after an unquoted text starts a YAML comment: the words after it (and their citation) would
vanish from the page. `make check` names the line of every text cut that way; a comment after a value
that is not a text (a date, a type, a kind) stays silent, as the scaffolds write them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.cli import main
from generator.model.problems import Problems
from generator.model.words import LOCALES
from generator.read import locales
from generator.read.yaml_lines import parse_yaml
from tests.conftest import copy_collection

TERM = "glossary/umkm.yml"
DATED = "003_5c094b5689ed37a0.yml"
ACTOR = "actors/teten-masduki.yml"
HINT = "put the text in double quotes, or write it on the next lines after '>-'"


def cut(file: str, line: int, label: str) -> str:
    return (
        f"sources/{file}:{line}: the text of '{label}' stops at ' #': YAML reads the rest of the line as a "
        f"comment -- {HINT}"
    )


@pytest.fixture
def sources(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return copy_collection(tmp_path / "sources")


def check(capsys) -> tuple[int, list[str]]:
    status = main(["--sources", "sources", "check"])
    err = capsys.readouterr().err
    assert "Traceback" not in err, err
    return status, [line for line in err.splitlines() if ": warning: " not in line]


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    return next(
        n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line
    )


def test_parse_yaml_marks_plain_texts_followed_by_a_comment():
    doc = parse_yaml(
        "a: one line # gone\n"
        "b:\n  - first\n    second line # gone\n"
        "c: 'quoted # kept'\n"
        'd: "quoted" # a comment after a quoted text is a comment by choice\n'
        "e: >-\n  block # kept\n"
        "f: 2023-07-31  # a date\n"
        "g: 12 # a number\n"
        "h: no#comment\n"
    )
    assert doc.cut == {("a",): 1, ("b", 0): 4}
    assert doc.data["c"] == "quoted # kept" and doc.data["e"] == "block # kept"


def test_a_one_line_text_cut_by_a_comment_is_named_at_its_line(sources, capsys):
    # Invented wording; the citation before the ' #' keeps the rest of the check quiet.
    path = sources / TERM
    text = path.read_text(encoding="utf-8")
    start = text.index("  en: >-\n", text.index("definition:"))
    one_line = "  en: An invented definition [@003#p1] # lost words [@003#p2]\n"
    path.write_text(text[:start] + one_line + text[text.index("explanation:") :], encoding="utf-8")
    status, lines = check(capsys)
    assert status == 1
    assert lines[:-1] == [cut(TERM, line_of(path, "# lost words"), "definition")], lines


def test_a_text_over_several_lines_is_named_at_the_line_of_the_comment(sources, capsys):
    path = sources / TERM
    replace(path, "    en: >-\n      According to Tabuka News", "    en:\n      According to Tabuka News")
    replace(path, "UMKM in Indonesia [@003#p1].\n", "UMKM in Indonesia [@003#p1]. # and more\n")
    status, lines = check(capsys)
    assert status == 1
    assert lines[:-1] == [cut(TERM, line_of(path, "# and more"), "explanation item 1")], lines


def test_a_comment_after_a_value_that_is_no_text_stays_silent(sources, capsys):
    replace(sources / DATED, "type: news", "type: news  # news or opinion")
    replace(sources / ACTOR, "kind: person", "kind: person # person or organisation")
    replace(sources / TERM, "  en: UMKM\n", '  en: "UMKM" # the name as the sources write it\n')
    status, lines = check(capsys)
    assert status == 0, lines


@pytest.mark.parametrize(
    ("file", "old", "new", "label"),
    [
        (
            "pages/angka.yml",
            "quote: diperkirakan telah memiliki sedikitnya 125 juta pengguna di Indonesia\n",
            "quote: diperkirakan telah memiliki sedikitnya 125 juta # pengguna di Indonesia\n",
            "quote",
        ),
        (
            "cleaning.yml",
            "      - '^(tinggalkan (balasan|komentar)|(tulis|kirim) komentar)'\n",
            "      - ^tinggalkan balasan # komentar\n",
            "patterns",
        ),
    ],
    ids=["figure-quote", "cleaning-pattern"],
)
def test_other_texts_cut_by_a_comment_are_named(sources, capsys, file, old, new, label):
    path = sources / file
    replace(path, old, new)
    _, lines = check(capsys)
    assert cut(file, line_of(path, new.strip()), label) in lines, lines


def test_a_quotes_translation_cut_by_a_comment_is_named(sources, capsys):
    path = sources / "actors/budi-arie-setiadi.yml"
    text = path.read_text(encoding="utf-8")
    one_line = r"\1In dealing with things like this (invented wording) # the rest\n"
    path.write_text(re.sub(r"(    translation:\n      en: )>-\n(?:        .*\n)+", one_line, text, count=1))
    _, lines = check(capsys)
    assert cut("actors/budi-arie-setiadi.yml", line_of(path, "# the rest"), "translation") in lines, lines


def test_an_interface_word_cut_by_a_comment_is_named_and_a_codes_comment_is_not(tmp_path, monkeypatch):
    english = (LOCALES / "en.yml").read_text(encoding="utf-8")
    assert "csl_locale: en-US  # " in english  # a code with a comment: silent
    (tmp_path / "en.yml").write_text(
        english.replace("  page: Cite this page\n", "  page: Cite this # page\n")
    )
    monkeypatch.setattr(locales, "LOCALES", tmp_path)
    problems = Problems()
    assert locales.check_locale("en", problems, tmp_path / "site.yml", 1, ("en",))
    line = line_of(tmp_path / "en.yml", "Cite this # page")
    assert [(p.line, p.message) for p in problems.errors] == [
        (line, "the text of 'cite.page' stops at ' #': YAML reads the rest of the line as a comment")
    ]


def test_a_comment_inside_a_text_of_several_lines_is_named_at_its_line(sources, capsys):
    path = sources / TERM
    replace(path, "    en: >-\n      According to Tabuka News", "    en:\n      According to Tabuka News")
    replace(path, "considers that TikTok's\n", "considers # that TikTok's\n")
    status, lines = check(capsys)
    at = line_of(path, "considers # that")
    assert status == 1
    assert lines[:-1] == [
        f"sources/{TERM}:{at}: invalid YAML: the text on line {at} stops at ' #': YAML reads the rest of "
        f"that line as a comment, so line {at + 1} continues nothing -- {HINT}"
    ], lines
