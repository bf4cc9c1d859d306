"""The claims ledger: one row per cited sentence, in both languages, as pages, CSV and JSON."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from generator.cli import main
from generator.model import Statement, inline, site_intro, statements
from generator.pipeline import build
from tests.conftest import build_once, copy_collection


@pytest.fixture(scope="session")
def generated(tmp_path_factory) -> tuple[Path, Path]:
    """The frozen collection's pages, generated once for the whole test run (read, never changed)."""

    def generate(root: Path) -> None:
        sources = copy_collection(root / "sources")
        assert main(["--sources", str(sources), "generate", "--out", str(root / "docs")]) == 0

    root = build_once(tmp_path_factory, "ledger", generate)
    return root / "sources", root / "docs"


def cited_sentences(sources: Path, lang: str) -> list[str]:
    """Every statement of the collection in ``lang``, counted from the model: each sentence that
    cites something or carries the editors' mark (the home page's introduction and chart captions
    included), each relation of the diagram on a page that draws it, each calendar check."""
    site, _ = build(sources)
    texts = [site_intro(site.config)] + [s for entry in site.entries for s in statements(entry)]
    found = []
    for page in site.pages:
        texts += [page.intro] if page.intro else []
        texts += [item for section in page.sections for item in section.items]
        texts += [event.text for event in page.events] + [e.reasoning for e in page.events if e.reasoning]
        texts += [figure.note for figure in page.figures if figure.note]
        texts += [Statement(chart.description, {}) for chart in page.charts]
        found += [f"{edge}" for edge in site.diagram] if page.layout == "network" else []
        found += [f"{e.date}" for e in page.events if e.reasoning and e.weekday and e.between]
    found += [
        sentence
        for text in texts
        for sentence in inline.sentences(text.text[lang])
        if any(isinstance(token, inline.Cite) for token in inline.parse(sentence))
    ]
    found += [
        heading[lang]
        for page in site.pages
        for heading in (s.heading for s in page.sections)
        if "[@" in heading[lang]
    ]
    return found


def table_rows(page: str) -> list[str]:
    return [line for line in page.splitlines() if re.match(r"\| \d+ \|", line)]


def ledger_parts(docs: Path, name: str) -> list[Path]:
    """The ledger's parts in the language tree of ``name`` (``id/klaim.md``), in its index's order."""
    index = (docs / name).read_text(encoding="utf-8")
    links = re.findall(r"^\| \[[^\]]+\]\(([^)]+\.md)\)", index, re.M)
    return [(docs / name).parent / link for link in links]


@pytest.mark.parametrize(("lang", "name"), [("id", "id/klaim.md"), ("en", "en/claims.md")])
def test_the_ledger_page_has_one_row_per_cited_sentence(generated, lang, name):
    """Every statement is a row of one part of the ledger; the index lists every part with its
    count, and no part is heavy."""
    sources, docs = generated
    found = ledger_parts(docs, name)
    folder = (docs / name).with_suffix("")
    assert sorted(found) == sorted(folder.glob("*.md")) and found  # every part listed, none twice
    rows = [row for part in found for row in table_rows(part.read_text(encoding="utf-8"))]
    assert len(rows) == len(cited_sentences(sources, lang)) > 0
    assert all(row.count('class="ledger-cite') >= 1 for row in rows)
    counts = re.findall(r"^\| \[[^\]]+\]\([^)]+\) \| (\d+) \| (\d+) \|", (docs / name).read_text(), re.M)
    assert [int(n) for n, _ in counts] == [len(table_rows(p.read_text(encoding="utf-8"))) for p in found]
    assert all(p.stat().st_size < 100_000 for p in found)  # its page stays far under 150 KB


def test_the_english_ledger_shows_each_translated_paragraph_with_its_original_marked(generated):
    _, docs = generated
    rows = [r for p in ledger_parts(docs, "en/claims.md") for r in table_rows(p.read_text(encoding="utf-8"))]
    assert all('<span lang="id">' in row for row in rows if "data-type" in row and "\u00b6" in row)
    indonesian = [
        r for p in ledger_parts(docs, "id/klaim.md") for r in table_rows(p.read_text(encoding="utf-8"))
    ]
    assert not any('<span lang="id">' in row for row in indonesian)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_csv_and_json_hold_the_same_rows_as_the_page(generated, lang):
    sources, docs = generated
    records = json.loads((docs / lang / "assets/data/claims.json").read_text(encoding="utf-8"))["claims"]
    table = list(
        csv.DictReader(io.StringIO((docs / lang / "assets/data/claims.csv").read_text(encoding="utf-8")))
    )
    assert len(table) == len(records) == len(cited_sentences(sources, lang))
    assert {record["language"] for record in records} == {lang}
    site, _ = build(sources)
    for record, row in zip(records, table, strict=True):
        assert row["sentence"] == record["sentence"] and row["language"] == record["language"]
        assert row["citations"].count(";") == max(len(record["cites"]) - 1, 0)
        assert row["editors_own"] == ("yes" if record["editors_own"] else "no")
        assert record["cites"] or record["editors_own"]  # every row cites or is the editors' own
        for cite in record["cites"]:
            doc = site.document(cite["document"])
            assert cite["document_type"] == doc.meta.type
            if cite["paragraph"]:
                assert cite["original"] == doc.paragraph(cite["paragraph"]).text


def test_the_filter_offers_every_source_and_kind(generated):
    sources, docs = generated
    ids = sorted(path.stem for path in sources.glob("*.txt"))
    for part in ledger_parts(docs, "id/klaim.md"):
        offered = re.findall(r'<option value="([^"]+)">', part.read_text(encoding="utf-8"))
        assert offered == [*ids, "news", "opinion", "editors"], part
