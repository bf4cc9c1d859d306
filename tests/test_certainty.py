"""Certainty of relations and events (reported, planned, claimed, opinion) and aliases with their
own expansion, from the model to the diagram, its list, the timeline and the tooltips."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.cli import main
from generator.pipeline import build
from tests.conftest import render_pages
from tests.test_mistakes import change, check_fails, line_of

BUDI = "actors/budi-arie-setiadi.yml"
LEADS = "  - type: leads\n    target: actor:kementerian-komunikasi-dan-informatika\n    source: 003#p1\n"


@pytest.fixture
def sources(in_cwd: Path) -> Path:
    return in_cwd


def generate(sources: Path) -> Path:
    out = sources.parent / "docs"
    assert main(["--sources", str(sources), "generate", "--out", str(out)]) == 0
    return out


def edges(sources: Path) -> dict[tuple, str]:
    site, _ = build(sources)
    return {(e.source[1], e.type, e.target[1]): e.certainty for e in site.diagram}


def test_certainty_follows_the_cited_documents_unless_written(sources):
    found = edges(sources)
    assert found["budi-arie-setiadi", "leads", "kementerian-komunikasi-dan-informatika"] == "reported"  # news
    assert found["tiongkok", "blocks", "google"] == "opinion"  # an opinion piece
    change(sources / BUDI, LEADS, LEADS + "    certainty: planned\n")
    assert edges(sources)["budi-arie-setiadi", "leads", "kementerian-komunikasi-dan-informatika"] == "planned"


def test_the_diagram_its_list_and_its_legend_show_certainty(sources):
    change(sources / BUDI, LEADS, LEADS + "    certainty: planned\n")
    pages = render_pages(
        build(sources)[0], "en/assets/charts/network-en.svg", "en/who-is-who.md", "id/siapa-siapa.md"
    )
    svg = pages["en/assets/charts/network-en.svg"]
    assert re.search(r"stroke-dasharray='7 4'", svg) and re.search(r"stroke-dasharray='2 3'", svg)
    assert ">leads (planned)</text>" in svg and ">blocks (opinion)</text>" in svg
    assert "Dashed line, \u201cplanned\u201d" in svg and "Dotted line, \u201copinion\u201d" in svg
    listing = pages["en/who-is-who.md"]
    assert re.search(
        r"- leads \[Ministry of Communication and Informatics\]\([^)]*\) \*\(planned\)\*\[\^", listing
    )
    assert "Dotted line, \u201copinion\u201d: argued by the writer of an opinion piece." in listing
    indonesian = pages["id/siapa-siapa.md"]
    assert "*(rencana)*" in indonesian and "*(opini)*" in indonesian


def test_an_unknown_certainty_is_named_at_its_line(sources, capsys):
    path = sources / BUDI
    change(path, LEADS, LEADS + "    certainty: sure\n")
    check_fails(
        capsys,
        f"sources/{BUDI}:{line_of(path, 'certainty: sure')}: certainty 'sure' is unknown -- use one of: "
        "reported, planned, claimed, opinion (or leave it out); or add it to certainties: in "
        "sources/vocabulary.yml",
    )


def test_a_planned_event_is_labelled_on_the_timeline(sources):
    path = sources / "pages/linimasa.yml"
    change(path, "  - date: 2016\n", "  - date: 2016\n    certainty: planned\n")
    pages = render_pages(build(sources)[0], "en/timeline.md", "id/linimasa.md")
    assert re.search(
        r"\*\*2016\*\* \u00b7 year stated in the source \u00b7 \*planned\*\n",
        pages["en/timeline.md"],
    )
    assert "\u00b7 *opini*" in pages["id/linimasa.md"]  # other opinion-only events keep their default


def test_an_alias_with_its_own_expansion_has_its_own_tooltip(sources):
    change(
        sources / "glossary/umkm.yml",
        "UKM, ",
        "{name: UKM, expansion: {id: Usaha Kecil Menengah, "
        "en: Usaha Kecil Menengah (small and medium enterprises)}}, ",
    )
    docs = generate(sources)
    pages = {p: p.read_text(encoding="utf-8") for p in docs.rglob("*.md")}
    ukm = {line for text in pages.values() for line in text.splitlines() if line.startswith("*[UKM]:")}
    assert ukm == {
        "*[UKM]: Usaha Kecil Menengah",
        "*[UKM]: Usaha Kecil Menengah (small and medium enterprises)",
    }
    assert any(
        line.startswith("*[UMKM]: UMKM adalah") for text in pages.values() for line in text.splitlines()
    )


def test_speaks_about_only_from_a_quote_that_names_the_term(sources):
    site, _ = build(sources)
    assert ("budi-arie-setiadi", "speaks-about", "satgas") not in edges(sources)  # 003#p4 names no task force
    assert any(edge.type == "speaks-about" for edge in site.diagram)
    for edge in site.diagram:
        if edge.type == "speaks-about":
            term = site.entry(edge.target)
            quote_texts = [
                q.text + " " + " ".join(q.translation.values()) for q in term.quotes if q.source == edge.cite
            ]
            names = [n.casefold() for n in term.names()]
            assert any(name in text.casefold() for text in quote_texts for name in names), edge
