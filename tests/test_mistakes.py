"""Every mistake a contributor can make ends in `file:line: what is wrong -- how to fix it`.

Each case makes one slip in a copy of the frozen collection, or runs a documented command with a
wrong argument, and asserts the whole report: the exact message (at the line computed from the
file as edited), every problem found in one run and nothing else (no cascade of consequences),
exit status 1 for problems in sources/ and 2 for command-line misuse, no traceback and no
"internal error", and nothing written. Most cases call the command line in-process; a few run
`make` in the built project copy to show that docs/ and site/ stay as they were and that make's
own usage checks answer too.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import SEED_IDS, copy_collection, make

META = "001_9325e6259af9a897.yml"
DATED = "003_5c094b5689ed37a0.yml"
TEXT = "001_9325e6259af9a897.txt"
EN = "001_9325e6259af9a897.en.yml"
UMKM = "glossary/umkm.yml"
TETEN = "actors/teten-masduki.yml"
TIMELINE = "pages/linimasa.yml"
FIGURES = "pages/angka.yml"
CLEANING = "cleaning.yml"
ALL_IDS = ", ".join(SEED_IDS)
BINARY = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))


# Helpers ---------------------------------------------------------------------------------------
@pytest.fixture
def sources(tmp_path: Path, monkeypatch) -> Path:
    """A copy of the frozen collection in the working directory: messages name `sources/...`."""
    monkeypatch.chdir(tmp_path)
    return copy_collection(tmp_path / "sources")


def change(path: Path, old: str | None, new: str) -> None:
    """Replace the first ``old`` in ``path`` by ``new``; ``old`` "" appends, None writes the file."""
    if old is None:
        path.write_text(new, encoding="utf-8")
        return
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1) if old else text + new, encoding="utf-8")


def line_of(path: Path, needle: str | None, after: int = 0) -> int:
    """The number of the first line after line ``after`` of ``path`` that contains ``needle``
    (None: the first line)."""
    if needle is None:
        return 1
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if number > after and needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def run(capsys, *args: str) -> tuple[int, str, str]:
    """``python -m generator --sources sources ARGS``, in-process: exit status, stdout, stderr."""
    status = main(["--sources", "sources", *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "internal error" not in err, err
    return status, out, err


def errors(stderr: str) -> list[str]:
    """The error lines of a report, without warnings and the closing count."""
    return [line for line in stderr.splitlines() if re.match(r"\S+:\d+: (?!warning: )", line)]


def snapshot(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def check_fails(capsys, *expected: str) -> None:
    """`make check` reports exactly ``expected``, all in one run, and exits 1."""
    status, _, err = run(capsys, "check")
    assert status == 1, err
    assert errors(err) == list(expected), err
    assert all(re.match(r"\S+:(\d+: | \d+ more warnings)", line) for line in err.splitlines()[:-1]), err
    count = len(expected)
    assert err.endswith(f"{count} problem{'s' if count != 1 else ''} found; nothing was written.\n"), err


# One slip in a file of sources/: one message, at its line ----------------------------------------
def slip(file: str, old: str | None, new: str, at: str | None, message: str, name: str, after: str = ""):
    """A case: replace ``old`` by ``new`` in ``file``; the message names the line holding ``at``
    (after the line holding ``after``, if given); ``{line}`` in the message is that line."""
    return pytest.param(file, old, new, at, after, message, id=name)


SLIPS = [
    # Metadata and dates
    slip(
        META,
        "date: null ",
        "date: 2023-02-30 ",
        "date:",
        "'date' is '2023-02-30': February 2023 has no day 30 -- write the date as printed, YYYY-MM-DD, "
        "or null when unknown",
        "metadata-date-february-30",
    ),
    slip(
        META,
        "date: null ",
        "date: 2023-13-01 ",
        "date:",
        "'date' is '2023-13-01': there is no month 13 -- write the date as printed, YYYY-MM-DD, or null "
        "when unknown",
        "metadata-date-month-13",
    ),
    slip(
        DATED,
        "date: 2023-07-31",
        "date: 31-07-2023",
        "date:",
        "'date' is '31-07-2023' -- write the date as printed, YYYY-MM-DD, or null when unknown",
        "metadata-date-in-another-order",
    ),
    slip(
        DATED,
        "type: news",
        "type: berita",
        "type:",
        "'type' is 'berita' -- use one of: news, opinion",
        "metadata-type-not-news-or-opinion",
    ),
    slip(
        DATED,
        "description:",
        "desription:",
        "desription:",
        "unknown field 'desription' -- did you mean 'description'?",
        "metadata-misspelt-field-is-not-also-missing",
    ),
    slip(
        TIMELINE,
        "  - date: 2021-04-17",
        "  - date: 2023-02-30",
        "2023-02-30",
        "'date' is '2023-02-30': February 2023 has no day 30 -- write YYYY, YYYY-MM or YYYY-MM-DD",
        "timeline-date-february-30",
    ),
    slip(
        TIMELINE,
        "  - date: 2023-10\n",
        "  - date: 2023-13\n",
        "2023-13",
        "'date' is '2023-13': there is no month 13 -- write YYYY, YYYY-MM or YYYY-MM-DD",
        "timeline-date-month-13",
    ),
    slip(
        TIMELINE,
        "  - date: 2021-04-17",
        "  - date: 2021-04-18",
        "2021-04-18",
        "the date 2021-04-18 is not printed in the paragraphs this event cites -- cite the paragraph "
        "that prints it, or mark the date as inferred and give the reasoning",
        "timeline-stated-date-not-printed",
    ),
    slip(
        TIMELINE,
        "      weekday: monday",
        "      weekday: tuesday",
        "  - date: 2023-11-13",
        "2023-11-13 was a monday, not a tuesday -- check the inferred date",
        "timeline-inferred-weekday-wrong",
    ),
    slip(
        TIMELINE,
        "    inferred:\n      reasoning:\n        id: >-\n          Teten",
        "    inferred:\n      reasonin:\n        id: >-\n          Teten",
        "reasonin:",
        "unknown field 'reasonin' -- did you mean 'reasoning'?",
        "timeline-reasoning-misspelt-is-not-taken-for-a-stated-date",
    ),
    slip(
        TIMELINE,
        "  - date: 2021-04-17\n",
        "  - date: 2021-04-16\n    inferred: {between: [2021, 2026]}\n",
        "inferred: {between",
        "'reasoning' is missing -- give it in 'id:', 'en:'",
        "timeline-inferred-without-reasoning-is-not-taken-for-a-stated-date",
    ),
    # YAML syntax
    slip(
        UMKM,
        "  id: UMKM\n",
        '  id: "UMKM\n',
        '"UMKM',
        "invalid YAML: the quote opened on line {line} is not closed on that line, so the lines after "
        "it are read as part of it until line 7 -- add the closing quote mark on line {line}",
        "unclosed-double-quote",
    ),
    slip(
        UMKM,
        "  id: UMKM\n",
        "\tid: UMKM\n",
        "\tid",
        "invalid YAML: a tab character: YAML indents with spaces only -- replace the tab with spaces",
        "tab-for-indentation",
    ),
    slip(
        UMKM,
        "  en: UMKM\n",
        "\ten: UMKM\n",
        "\ten",
        "invalid YAML: a tab character: YAML indents with spaces only -- replace the tab with spaces",
        "tab-after-a-plain-text",
    ),
    slip(
        UMKM,
        "  en: UMKM\n",
        "  en: UMKM\n  id: UKM\n",
        "id: UKM",
        "invalid YAML: the key 'id' appears twice -- fix the syntax",
        "repeated-key",
    ),
    slip(
        UMKM,
        "  terms: [project-s, social-commerce, satgas]",
        "  terms: [project-s, social-commerce, satgas",
        "terms:",
        "invalid YAML: the '[' opened on line {line} is never closed -- close it with ']'",
        "unclosed-bracket",
    ),
    slip(
        UMKM,
        "  id: UMKM\n",
        "  id: [UMKM](term:umkm) adalah singkatan\n",
        "[UMKM]",
        "invalid YAML: a text that starts with '[' is read as YAML syntax -- write it on the next lines "
        "after '>-' (as the other texts are), or put it in double quotes",
        "text-starting-with-a-link",
    ),
    slip(
        UMKM,
        "  id: UMKM\n",
        "  id: *UMKM* saja\n",
        "*UMKM*",
        "invalid YAML: a text that starts with '*' is read as YAML syntax -- write it on the next lines "
        "after '>-' (as the other texts are), or put it in double quotes",
        "text-starting-with-emphasis",
    ),
    slip(
        UMKM,
        "  id: UMKM\n",
        "  id: UMKM: usaha kecil\n",
        "UMKM: usaha",
        "invalid YAML: the text contains ': ', which YAML reads as the start of a field -- put the text "
        "in double quotes, or write it on the next lines after '>-'",
        "colon-inside-a-plain-text",
    ),
    slip(
        UMKM,
        "  id: UMKM\n",
        '  id: "UMKM" (usaha kecil)\n',
        '"UMKM"',
        "invalid YAML: text follows the closing quote -- put the whole text in quotes, or write it on "
        "the next lines after '>-'",
        "text-after-a-closing-quote",
    ),
    slip(
        UMKM,
        "  id: UMKM\n",
        "  id UMKM\n",
        "id UMKM",
        "invalid YAML: there is no ':' after the field name -- write it as 'name: value'",
        "field-name-without-colon",
    ),
    slip(
        UMKM,
        "dan\n    menengah [@003#p1].",
        "dan\n  menengah [@003#p1].",
        "  menengah [@003#p1]",
        "invalid YAML: line {line} is indented less than the text it belongs to, so YAML reads it as a "
        "field without its ':' -- indent it like the lines of that text (or, if it is a field, add the ':')",
        "text-line-indented-too-little",
    ),
    slip(
        "glossary/flash-sale.yml",
        None,
        "- id: Flash sale\n  en: Flash sale\n",
        "- id",
        "expected a mapping of fields -- see CONTRIBUTING.md",
        "entry-file-that-is-a-list",
    ),
    # Fields of entries
    slip(
        UMKM,
        "definition:",
        "defnition:",
        "defnition:",
        "unknown field 'defnition' -- did you mean 'definition'?",
        "misspelt-field-is-not-also-missing",
    ),
    slip(
        UMKM,
        "  terms: [project-s, social-commerce, satgas]",
        "  terms: project-s",
        "terms:",
        "'terms' must be a list of ids -- write [project-s]",
        "related-ids-given-as-text",
    ),
    slip(
        UMKM,
        '  id: [Usaha Mikro Kecil dan Menengah, UKM, "usaha mikro, kecil, dan menengah"]',
        "  id: Usaha Mikro Kecil dan Menengah",
        "id: Usaha Mikro",
        "aliases in 'id' must be a list of names -- e.g. id: [J. Doe, WHO]",
        "aliases-given-as-text",
    ),
    slip(
        UMKM,
        "  en: UMKM\n",
        "  en: UMKM [@003#p1]\n",
        "en: UMKM",
        "the name 'UMKM [@003#p1]' contains one of [ ] * \\ -- remove it",
        "name-with-a-citation",
    ),
    slip(
        UMKM,
        "  en: >-\n    [!hedge: snapshot of the collection from before the attribution checks]\n"
        "    UMKM is the Indonesian abbreviation of Usaha Mikro Kecil dan Menengah: micro, "
        "small and medium\n    enterprises [@003#p1].\n",
        "",
        "definition:",
        "'definition' has no text in 'en' -- write the 'en' text",
        "text-missing-in-one-language",
    ),
    slip(
        UMKM,
        "speaker: teten-masduki",
        "speaker: teten",
        "- source: 001#p15",
        "speaker 'teten' is not an actor -- did you mean 'teten-masduki'?",
        "speaker-not-an-actor",
    ),
    slip(
        UMKM,
        "speaker: teten-masduki",
        "speaker: [teten-masduki, budi-arie-setiadi]",
        "speaker:",
        "'speaker' must be the id of one actor -- e.g. speaker: jane-doe",
        "two-speakers",
    ),
    slip(
        UMKM,
        "“Saya ingin mereka",
        "“Saya mau mereka",
        "- source: 001#p15",
        'the quote "“Saya mau mereka berkomitmen untuk memiliki bisnis berkelanj" is not in '
        "001_9325e6259af9a897 paragraph 15 -- copy the words exactly from that paragraph; mark omissions "
        "with [...]",
        "quote-not-in-its-paragraph",
    ),
    slip(
        UMKM,
        "  terms: [project-s,",
        "  terms: [projek-s,",
        "projek-s",
        "related term 'projek-s' does not exist -- did you mean 'project-s'?",
        "related-id-that-does-not-exist",
    ),
    slip(
        UMKM,
        "(actor:budi-arie-setiadi) menilai",
        "(actor:budi-setiadi) menilai",
        "actor:budi-setiadi",
        "link to unknown actor 'budi-setiadi' -- did you mean 'budi-arie-setiadi'?",
        "link-to-an-unknown-id",
    ),
    slip(
        UMKM,
        "",
        "relations:\n  - {type: funds, target: actor:tiktok, source: 001#p12}\n",
        "type: funds",
        "relation type 'funds' is unknown -- use one of: leads, part-of, owns, founded, regulates, "
        "assigns, forms, talks-with, meets, criticises, warns-about, blocks, competes-with, publishes, "
        "reports-on; or add it to relations: in sources/vocabulary.yml",
        "relation-of-an-unknown-type",
    ),
    slip(
        UMKM,
        "",
        "relations:\n  - {type: owns, target: tiktok, source: 001#p12}\n",
        "type: owns",
        "target 'tiktok' is not term:<id> or actor:<id> -- write actor:tiktok or term:tiktok",
        "relation-target-without-its-kind",
    ),
    slip(
        UMKM,
        "",
        "relations:\n  - {type: owns, target: actor:tiktoq, source: 001#p12}\n",
        "type: owns",
        "relation target 'actor:tiktoq' does not exist -- did you mean 'actor:tiktok'?",
        "relation-to-an-unknown-entry",
    ),
    slip(
        "actors/tiktok.yml",
        "name:\n  id: TikTok",
        "name:\n  id: Shopee",
        None,
        "the name 'Shopee' is also used by shopee.yml -- keep each name or alias in one entry",
        "name-claimed-by-two-entries",
    ),
    # Citations and inline syntax
    slip(
        UMKM,
        "[Budi Arie Setiadi](actor:budi-arie-setiadi) menilai",
        "[Budi Arie Setiadi](actor:budi-arie-setiadi menilai",
        "[Budi Arie Setiadi]",
        "a link is not closed: \"[Budi Arie Setiadi](actor:budi-arie-setiadi\" -- end it with ')' right "
        "after the id: [words](term:id)",
        "link-not-closed",
    ),
    slip(
        UMKM,
        "menengah [@003#p1].",
        "menengah [@003#p1.",
        "[@003#p1.",
        "a citation is not closed: \"[@003#p1.\" -- end it with ']': [@001#p5]",
        "citation-not-closed-is-not-also-missing",
    ),
    slip(
        UMKM,
        "[satuan tugas](term:satgas)",
        "[satuan tugas](https://example.org)",
        "example.org",
        'a link to something that is neither a term nor an actor: "[satuan tugas](https://example.org)" '
        "-- write (term:<id>) or (actor:<id>)",
        "link-to-a-web-address",
    ),
    slip(
        UMKM,
        "[satuan tugas](term:satgas)",
        "[satuan tugas] (term:satgas)",
        "(term:satgas)",
        'a link without its words in [ ] right before it: "(term:satgas)" -- write [words](term:id), '
        "with nothing between ']' and '('",
        "link-with-a-space-before-its-id",
    ),
    slip(
        UMKM,
        "menengah [@003#p1].",
        "menengah [003#p1].",
        "[003#p1]",
        "a citation not written as [@...]: \"[003#p1]\" -- write it in square brackets with '@': [@001#p5]",
        "citation-without-at-sign",
    ),
    slip(
        UMKM,
        "[@003#p1; @003#p6]",
        "[@003#p1, @003#p6]",
        "[@003#p1, @003#p6]",
        "citation [@003#p1, @003#p6]: '003#p1, @003#p6' is not a citation of the form <document>#p<number> "
        "or <document> -- write [@003#p1; @003#p6]",
        "two-citations-separated-by-a-comma",
    ),
    slip(
        UMKM,
        "menengah [@003#p1].",
        "menengah [@003#1].",
        "[@003#1]",
        "citation [@003#1]: '003#1' is not a citation of the form <document>#p<number> or <document> -- "
        "write [@003#p1]",
        "citation-without-p",
    ),
    slip(
        UMKM,
        "[@003#p5]",
        "[@003#p99]",
        "[@003#p99]",
        "citation [@003#p99]: 003_5c094b5689ed37a0 has 6 paragraphs, not 99 -- cite an existing document "
        "and paragraph (make paragraphs lists them)",
        "citation-of-a-paragraph-that-does-not-exist",
    ),
    slip(
        TIMELINE,
        "        *social commerce* asing [@003#p1].",
        "        *social commerce asing [@003#p1].",
        "*social commerce asing",
        "an emphasis is not closed: \"*social commerce asing \" -- end it with '*': *words* (or remove "
        "the '*')",
        "emphasis-not-closed",
    ),
    # Figures
    slip(
        FIGURES,
        "    value: 3000000\n",
        "    value: 4000000\n",
        "  - id: parcels-per-day",
        '"sekitar tiga juta paket setiap hari" does not give the value 4e+06 -- the numbers in it, read as '
        "'id' writes them, are 3e+06",
        "figure-whose-quote-does-not-give-its-value",
    ),
    slip(
        FIGURES,
        "figures: [market-now, market-2030]",
        "figures: [market-now, market-2031]",
        "  - id: e-commerce-market",
        "chart 'e-commerce-market' names unknown figures: market-2031 -- use the ids of figures on this page",
        "chart-naming-an-unknown-figure",
    ),
    slip(
        FIGURES,
        "    quote: sekitar tiga juta paket setiap hari",
        "    quote: sekitar empat juta paket setiap hari",
        "  - id: parcels-per-day",
        'the words "sekitar empat juta paket setiap hari" are not in 001_9325e6259af9a897 paragraph 17 -- '
        "copy them exactly from that paragraph",
        "figure-quote-not-in-its-paragraph",
    ),
    # Translations
    slip(
        EN,
        "fingerprint: 23d202aa283c",
        "fingerprint: 23d202aa283",
        "fingerprint: 23d202aa283",
        "'fingerprint' must be 12 hex digits -- copy it from make check, in quotes: \"0123abcd4567\"",
        "translation-fingerprint-too-short",
    ),
    slip(
        EN,
        "  - paragraph: 2\n",
        "  - paragraph: p2\n",
        "paragraph: p2",
        "'paragraph' is 'p2' -- write the key alone: paragraph: 2",
        "translation-paragraph-key-with-p",
    ),
    slip(
        EN,
        "      The report was delivered by Reuters",
        "      TODO The report was delivered by Reuters",
        "    text: >-",
        "paragraph 2 is still a TODO stub -- translate it (and delete the word TODO), or delete the entry "
        "to leave it missing",
        "translation-todo-left-before-the-text",
        after="- paragraph: 2",
    ),
    # The collection's configuration
    slip(
        "site.yml",
        "home_page: ringkasan",
        "home_page: ringkas",
        None,
        "home_page 'ringkas' is not in sources/pages/ -- create the page or remove home_page",
        "home-page-that-does-not-exist",
    ),
    slip(
        CLEANING,
        "'^(baca juga|baca pula",
        "'^(baca juga|baca pula(",
        "baca pula(",
        "pattern 1 of rule 'read-also' is not a valid regular expression: missing ), unterminated "
        "subpattern at position 1 -- fix it (Python syntax); a \\ before ( ) [ ] . * + ? matches that "
        "character itself",
        "cleaning-pattern-not-a-regular-expression",
    ),
    slip(
        CLEANING,
        "where: anywhere",
        "where: everywhere",
        "everywhere",
        "'where' is 'everywhere' -- use one of: end, anywhere",
        "cleaning-unknown-where",
    ),
    slip(
        CLEANING,
        "    patterns:\n      - '^(baca juga",
        "    pattern:\n      - '^(baca juga",
        "pattern:",
        "unknown field 'pattern' -- did you mean 'patterns'?",
        "cleaning-misspelt-patterns",
    ),
    slip(
        CLEANING,
        "newsletter sign-up}\n    patterns:\n      - '",
        "newsletter sign-up}\n    patterns: []\n      # '",
        "patterns: []",
        "rule 'newsletter' needs a list of patterns -- e.g. ['^baca juga:']",
        "cleaning-rule-without-patterns",
    ),
    slip(
        CLEANING,
        "  - id: read-also",
        "  - id: share-buttons",
        "  - id: share-buttons",
        "two rules have the id 'share-buttons' -- give this one an id of its own",
        "cleaning-rule-id-used-twice",
        after="  - id: share-buttons",
    ),
]


@pytest.mark.parametrize(("file", "old", "new", "at", "after", "message"), SLIPS)
def test_a_slip_in_sources_is_one_message_at_its_line(sources, capsys, file, old, new, at, after, message):
    path = sources / file
    change(path, old, new)
    line = line_of(path, at, line_of(path, after) if after else 0)
    before = snapshot(sources)
    check_fails(capsys, f"sources/{file}:{line}: {message.replace('{line}', str(line))}")
    assert snapshot(sources) == before


@pytest.mark.parametrize(("file", "field"), [(UMKM, "explanation"), (TETEN, "role")])
def test_a_list_item_without_its_dash_is_named_at_its_first_line(sources, capsys, file, field):
    path = sources / file
    change(path, f"{field}:\n  - id: >-", f"{field}:\n    id: >-")
    first = line_of(path, f"{field}:") + 1
    check_fails(
        capsys,
        f"sources/{file}:{first}: invalid YAML: this list item does not start with '- ', unlike the one on "
        f"line {line_of(path, '  - id:', first)} -- write '- ' before its first field",
    )


# Mistakes with files, and several in one run -----------------------------------------------------
def impossible_dates(sources: Path) -> list[str]:
    """Write impossible dates into two documents' metadata and two timeline events, and a typo
    elsewhere; returns the messages expected, in report order."""
    change(sources / META, "date: null ", "date: 2023-02-30 ")
    change(sources / DATED, "date: 2023-07-31", "date: 2023-13-01")
    change(sources / TIMELINE, "  - date: 2021-04-17", "  - date: 2023-02-30")
    change(sources / TIMELINE, "  - date: 2023-10\n", "  - date: 2023-13\n")
    change(sources / UMKM, "definition:", "defnition:")
    hint = "write the date as printed, YYYY-MM-DD, or null when unknown"
    timeline = f"sources/{TIMELINE}"
    return [
        f"sources/{META}:8: 'date' is '2023-02-30': February 2023 has no day 30 -- {hint}",
        f"sources/{DATED}:8: 'date' is '2023-13-01': there is no month 13 -- {hint}",
        f"sources/{UMKM}:9: unknown field 'defnition' -- did you mean 'definition'?",
        f"{timeline}:{line_of(sources / TIMELINE, 'date: 2023-02-30')}: 'date' is '2023-02-30': February "
        "2023 has no day 30 -- write YYYY, YYYY-MM or YYYY-MM-DD",
        f"{timeline}:{line_of(sources / TIMELINE, 'date: 2023-13')}: 'date' is '2023-13': there is no month "
        "13 -- write YYYY, YYYY-MM or YYYY-MM-DD",
    ]


def test_impossible_dates_are_named_and_other_problems_still_reported(sources, capsys):
    check_fails(capsys, *impossible_dates(sources))


def test_a_stub_from_new_term_filled_in_without_citations_is_refused(sources, capsys):
    status, out, _ = run(capsys, "new", "term", "flash-sale")
    assert status == 0 and "created: " in out
    path = sources / "glossary/flash-sale.yml"
    assert "[@" not in path.read_text().replace("[@001#p5]", "")  # the stub holds no citation to keep
    text = path.read_text()
    text = text.replace("  id: TODO\n  en: TODO", "  id: Flash sale\n  en: Flash sale", 1)
    text = text.replace(
        "  id: >-\n    TODO\n  en: >-\n    TODO",
        "  id: >-\n    Penjualan kilat.\n  en: >-\n    A quick sale.",
        1,
    )
    text = text.replace(
        "  - id: >-\n      TODO\n    en: >-\n      TODO",
        "  - id: >-\n      Diskon besar. Waktunya singkat.\n    en: >-\n      Big discounts.",
    )
    path.write_text(text)
    assert ": TODO" not in text  # every stub filled in, without a citation

    def uncited(at: str, lang: str, sentence: str) -> str:  # at the line of the '>-' above the text
        return (
            f"sources/glossary/flash-sale.yml:{line_of(path, at) - 1}: a sentence in the '{lang}' text has "
            f'no citation: "{sentence}" -- end each factual sentence with a citation such as [@001#p5], '
            "or mark what no source says as the editors' own with [@editors]"
        )

    check_fails(
        capsys,
        uncited("Penjualan kilat.", "id", "Penjualan kilat."),
        uncited("A quick sale.", "en", "A quick sale."),
        uncited("Diskon besar.", "id", "Diskon besar."),
        uncited("Diskon besar.", "id", "Waktunya singkat."),
        uncited("Big discounts.", "en", "Big discounts."),
    )


def test_a_stub_left_as_it_is_names_every_todo(sources, capsys):
    assert run(capsys, "new", "actor", "budi")[0] == 0
    path = sources / "actors/budi.yml"
    todo = "is still a TODO -- write the '{0}' text"
    check_fails(
        capsys,
        f"sources/actors/budi.yml:{line_of(path, 'id: TODO')}: 'name' in 'id' {todo.format('id')}",
        f"sources/actors/budi.yml:{line_of(path, 'en: TODO')}: 'name' in 'en' {todo.format('en')}",
        f"sources/actors/budi.yml:{line_of(path, 'kind:')}: 'kind' is 'TODO' -- use one of: person, "
        "ministry, state, company, platform, media, report; or add it to actor_kinds: in "
        "sources/vocabulary.yml",
        f"sources/actors/budi.yml:{line_of(path, 'id: >-', line_of(path, 'summary:'))}: 'summary' in "
        f"'id' {todo.format('id')}",
        f"sources/actors/budi.yml:{line_of(path, 'en: >-', line_of(path, 'summary:'))}: 'summary' in "
        f"'en' {todo.format('en')}",
    )


def test_a_citation_key_that_names_no_document_is_one_message_for_all_its_citations(sources, capsys):
    change(sources / UMKM, "[@003#p1].", "[@009#p1].")
    change(sources / TETEN, "[@001#p2].", "[@009#p2].")
    check_fails(
        capsys,
        f"sources/{TETEN}:{line_of(sources / TETEN, '@009')}: the citation key '009' names no document in "
        f"sources/; 2 citations use it: sources/{TETEN}:{line_of(sources / TETEN, '@009')}, "
        f"sources/{UMKM}:{line_of(sources / UMKM, '@009')} -- cite a document by its key; make paragraphs "
        "lists them all",
    )


def test_a_document_added_by_hand_is_one_message_naming_make_new_source(sources, capsys):
    (sources / "900_baru.txt").write_text("Paragraf satu.\n\nParagraf dua.\n")
    check_fails(
        capsys,
        "sources/900_baru.txt:1: 900_baru.txt is not listed in SHA256SUMS -- add a new article with "
        "make new-source FILE=sources/900_baru.txt",
    )


def test_a_source_edited_by_hand_names_make_update_source(sources, capsys):
    with (sources / TEXT).open("a") as text:
        text.write("Paragraf tambahan.\n")
    check_fails(
        capsys,
        f"sources/{TEXT}:1: the file differs from the checksum recorded in SHA256SUMS: sources are not "
        "edited by hand -- record the new version as a correction: make update-source "
        f"ID=001_9325e6259af9a897 FILE=sources/{TEXT} (or undo the edit: git checkout sources/{TEXT})",
    )


def test_a_source_deleted_by_hand_with_all_its_files_is_named_in_sha256sums(sources, capsys):
    for path in sources.glob("002_8b216c02d635696e.*"):
        path.unlink()
    listed = line_of(sources / "SHA256SUMS", "002_8b216c02d635696e.txt")
    _, _, err = run(capsys, "check")
    listing, citations = errors(err)  # and one message for all the citations left to fix
    assert listing == (
        f"sources/SHA256SUMS:{listed}: 002_8b216c02d635696e.txt is listed but not in sources/ -- restore "
        "the file; make remove-source and make rename-source keep this list right"
    )
    assert "the citation key '002' names no document in sources/; 168 citations use it: " in citations


def test_metadata_left_behind_names_the_missing_text(sources, capsys):
    doc = "002_8b216c02d635696e"
    (sources / f"{doc}.txt").unlink()
    (sources / f"{doc}.en.yml").unlink()
    _, _, err = run(capsys, "check")
    leftover, listing, citations = errors(err)  # each file to deal with, and the citations to fix
    assert leftover == (
        f"sources/{doc}.yml:1: belongs to the document {doc}.txt, which is not in sources/ -- restore "
        f"{doc}.txt; or take the document out with make remove-source ID={doc}"
    )
    assert listing.startswith(
        f"sources/SHA256SUMS:{line_of(sources / 'SHA256SUMS', doc)}: {doc}.txt is listed"
    )
    assert "the citation key '002' names no document in sources/; 168 citations use it: " in citations


def test_two_files_with_one_id(sources, capsys):
    shutil.copy(sources / UMKM, sources / "glossary/umkm.yaml")
    check_fails(
        capsys,
        f"sources/{UMKM}:1: two term entries have the id 'umkm' (also umkm.yaml) -- keep one file per id",
    )


def test_a_missing_site_yml(sources, capsys):
    (sources / "site.yml").unlink()
    check_fails(capsys, "sources/site.yml:1: the file is missing -- restore it from git, or create it")


# Command-line misuse: one line, exit 2, nothing changed ---------------------------------------------
COMMANDS = [
    pytest.param(
        ["new", "term", "Live-Selling"],
        "'Live-Selling' is not a usable id (lower-case letters, digits, '-', '_') -- try ID=live-selling",
        id="new-term-with-capitals",
    ),
    pytest.param(
        ["new", "actor", "tiktok"],
        "sources/actors/tiktok.yml already exists -- edit it, or choose another id",
        id="new-actor-that-exists",
    ),
    pytest.param(
        ["new", "source", "sources/glossary"],
        "sources/glossary is not a file but a folder -- give FILE=<path of the article's text>",
        id="new-source-folder",
    ),
    pytest.param(
        ["new", "source", "nowhere.txt"],
        "nowhere.txt is not a file: nothing is at that path -- give FILE=<path of the article's text>",
        id="new-source-missing-file",
    ),
    pytest.param(
        ["new", "source", f"sources/{TEXT}"],
        f"sources/{TEXT} is already a source -- to record a corrected version of it, run make update-source "
        "ID=001_9325e6259af9a897 FILE=<corrected text>",
        id="new-source-existing-source",
    ),
    pytest.param(
        ["new", "source", "copy.txt"],
        f"copy.txt is already in sources/ as {TEXT} -- nothing to add",
        id="new-source-copy-of-a-source",
    ),
    pytest.param(
        ["new", "source", "picture.txt"],
        "picture.txt is not a text file (it holds NUL or other control bytes) -- save the article as plain "
        "text, UTF-8 encoded",
        id="new-source-binary-file",
    ),
    pytest.param(
        ["new", "source", "empty.txt"],
        "empty.txt is empty -- give the article's text",
        id="new-source-empty-file",
    ),
    pytest.param(
        ["new", "source", "Éé.txt"],
        "cannot make an id from 'Éé.txt' -- rename the file using a-z, 0-9, '-' and '_'",
        id="new-source-name-without-an-id",
    ),
    pytest.param(
        ["update-source", "999", "--file", "article.txt"],
        f"no document '999' in sources/ -- give an id or key: {ALL_IDS}",
        id="update-source-unknown-id",
    ),
    pytest.param(
        ["update-source", "001", "--file", "nowhere.txt"],
        "nowhere.txt is not a file: nothing is at that path -- give FILE=<path of the corrected article's "
        "text>",
        id="update-source-missing-file",
    ),
    pytest.param(
        ["update-source", "001", "--file", "picture.txt"],
        "picture.txt is not a text file (it holds NUL or other control bytes) -- save the article as plain "
        "text, UTF-8 encoded",
        id="update-source-binary-file",
    ),
    pytest.param(
        ["update-source", "001", "--file", "article.txt", "--reason", "fr=Le texte a changé"],
        "REASON_fr: 'fr' is not a language of the site -- use one of id, en",
        id="update-source-reason-in-a-language-the-site-lacks",
    ),
    pytest.param(
        ["rename-source", "001", "002_baru"],
        "the key '002' of '002_baru' is already used by another document -- choose an id whose part before "
        "the first '_' or '-' is unique",
        id="rename-source-to-a-key-taken",
    ),
    pytest.param(
        ["rename-source", "001", "First Indonesia"],
        "'First Indonesia' is not a usable id -- use a-z, 0-9, '-' and '_'",
        id="rename-source-to-an-unusable-id",
    ),
    pytest.param(
        ["confirm-paragraph", "001", "5"],
        "001_9325e6259af9a897 has no changed paragraph awaiting review -- nothing to confirm",
        id="confirm-paragraph-without-a-correction",
    ),
    pytest.param(
        ["remove-source", "999"],
        f"no document '999' in sources/ -- give an id or key: {ALL_IDS}",
        id="remove-source-unknown-id",
    ),
    pytest.param(
        ["remove-source", "001", "--reason", "fr=Doublon"],
        "REASON_fr: 'fr' is not a language of the site -- use one of id, en",
        id="remove-source-reason-in-a-language-the-site-lacks",
    ),
    pytest.param(
        ["paragraphs", "999"],
        f"no document's id starts with '999' -- give an id or key: {ALL_IDS}",
        id="paragraphs-of-an-unknown-document",
    ),
]


@pytest.fixture
def files(sources: Path) -> Path:
    """Files a contributor might give as FILE=, next to sources/."""
    folder = sources.parent
    (folder / "article.txt").write_text("Paragraf yang sudah dikoreksi.\n\nParagraf kedua.\n")
    (folder / "picture.txt").write_bytes(BINARY)
    (folder / "empty.txt").write_bytes(b"  \n")
    (folder / "Éé.txt").write_text("Paragraf.\n")
    shutil.copy(sources / TEXT, folder / "copy.txt")
    return folder


@pytest.mark.parametrize(("args", "message"), COMMANDS)
def test_command_line_misuse_is_one_line_and_changes_nothing(sources, files, capsys, args, message):
    before = snapshot(sources)
    status, _, err = run(capsys, *args)
    assert (status, err) == (2, message + "\n")
    assert snapshot(sources) == before


def test_confirming_a_paragraph_that_awaits_no_review_names_those_that_do(sources, files, capsys):
    text = (sources / TEXT).read_text()
    (files / "corrected.txt").write_text(text.replace("Teten Masduki.", "Teten Masduki, Senin.", 1))
    status, _, err = run(capsys, "update-source", "001", "--file", "corrected.txt", "--reason", "Uji")
    assert status == 1 and "rests on paragraph 2 of 001_9325e6259af9a897" in err  # awaits review
    before = snapshot(sources)
    status, _, err = run(capsys, "confirm-paragraph", "001", "7")
    assert (status, err) == (
        2,
        "paragraph(s) 7 of 001_9325e6259af9a897 await no review -- those that do: 2\n",
    )
    assert snapshot(sources) == before


@pytest.mark.parametrize(
    "args",
    [["new", "source", "article.txt"], ["update-source", "001", "--file", "article.txt"]],
    ids=["new-source", "update-source"],
)
def test_a_command_waits_for_the_cleaning_rules_to_be_fixed(sources, files, capsys, args):
    """Paragraphs cleaned by other rules than the site's must not be stubbed or recorded."""
    change(sources / CLEANING, "where: anywhere", "where: everywhere")
    before = snapshot(sources)
    status, _, err = run(capsys, *args)
    line = line_of(sources / CLEANING, "everywhere")
    assert (status, err) == (
        1,
        f"sources/{CLEANING}:{line}: 'where' is 'everywhere' -- use one of: end, anywhere\n"
        "1 problem found; nothing was written.\n",
    )
    assert snapshot(sources) == before


# Through make, in the built project: docs/ and site/ stay as they were -------------------------------
@pytest.fixture
def project_make(scratch):
    """Runs `make` in the built project copy and checks that it failed cleanly, leaving docs/ and
    site/ (and, for a command that was refused, sources/) exactly as they were."""
    project = scratch
    before = {name: snapshot(project / name) for name in ("docs", "site", "sources")}

    def failing(*args: str, status: int, sources_unchanged: bool = True):
        result = make(project, *args)
        assert result.returncode != 0, result.stdout
        assert "Traceback" not in result.stderr and "internal error" not in result.stderr, result.stderr
        assert result.stderr.rstrip().endswith(f"Error {status}"), result.stderr  # the command's status
        kept = ("docs", "site", "sources") if sources_unchanged else ("docs", "site")
        assert {name: snapshot(project / name) for name in kept} == {name: before[name] for name in kept}
        return result

    return project, failing


def test_make_reports_impossible_dates_with_every_other_problem(project_make):
    project, failing = project_make
    expected = impossible_dates(project / "sources")
    result = failing(status=1, sources_unchanged=False)
    assert errors(result.stderr) == expected
    assert "5 problems found; nothing was written." in result.stderr.splitlines()


def test_make_check_names_an_unclosed_quote_once(project_make):
    project, failing = project_make
    change(project / "sources" / UMKM, "  id: UMKM\n", '  id: "UMKM\n')
    result = failing("check", status=1, sources_unchanged=False)
    assert errors(result.stderr) == [
        f"sources/{UMKM}:4: invalid YAML: the quote opened on line 4 is not closed on that line, so the "
        "lines after it are read as part of it until line 7 -- add the closing quote mark on line 4"
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(
            ["new-term", "ID=Live-Selling"],
            "'Live-Selling' is not a usable id (lower-case letters, digits, '-', '_') -- try ID=live-selling",
            id="new-term-with-capitals",
        ),
        pytest.param(
            ["new-source", "FILE=sources/glossary"],
            "sources/glossary is not a file but a folder -- give FILE=<path of the article's text>",
            id="new-source-folder",
        ),
        pytest.param(
            ["paragraphs", "ID=999"],
            f"no document's id starts with '999' -- give an id or key: {ALL_IDS}",
            id="paragraphs-of-an-unknown-document",
        ),
        pytest.param(
            ["update-source", "ID=001", f"FILE=sources/{TEXT}", "REASON_fr=Le texte"],
            "REASON_fr: 'fr' is not a language of the site -- use one of id, en",
            id="reason-in-a-language-the-site-lacks",
        ),
    ],
)
def test_make_refuses_a_wrong_argument(project_make, args, message):
    _, failing = project_make
    assert message in failing(*args, status=2).stderr.splitlines()


@pytest.mark.parametrize(
    ("args", "usage"),
    [
        pytest.param(
            ["new-source"], "usage: make new-source FILE=path/to/article.txt [LANGUAGE=xx]", id="new-source"
        ),
        pytest.param(["new-term"], "usage: make new-term ID=<id>", id="new-term"),
        pytest.param(
            ["update-source"],
            'usage: make update-source ID=<document> FILE=<corrected text> [REASON="..."]',
            id="update-source",
        ),
        pytest.param(
            ["confirm-paragraph", "ID=001"],
            "usage: make confirm-paragraph ID=<document> PARAGRAPH=<key ...|all>",
            id="confirm-paragraph-without-paragraph",
        ),
        pytest.param(
            ["rename-source", "ID=001"],
            "usage: make rename-source ID=<document> TO=<new id>",
            id="rename-source",
        ),
    ],
)
def test_make_gives_its_usage_line_when_an_argument_is_missing(project_make, args, usage):
    _, failing = project_make
    assert failing(*args, status=2).stdout.strip() == usage
