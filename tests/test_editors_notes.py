"""What the site says beyond its sources is marked as the editors' own: a sentence ends with a
citation or with the editors' mark ``[@editors]``, on every kind of page, unless the whole page
declares itself the editors' own (``voice: editors``). Marked sentences are shown as editors'
notes and listed in the claims ledger, with the diagram's relations and the calendar checks.

Runs on a copy of the invented English-first collection, with pages of the other layouts added
here (all of it invented)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator import pipeline
from generator.model import PageKey, PageKind, inline
from generator.model.problems import InputError
from generator.render import ledger
from generator.render.addresses import stem
from tests.conftest import ENGLISH_FIRST, render_pages

METHOD = """\
# Invented test page.
layout: method
{voice}
title: {{en: How this site is made, id: Cara situs ini dibuat}}
description: {{en: The method., id: Metodenya.}}
sections:
  - heading: {{en: Sources, id: Sumber}}
    items:
      - en: The editors read two invented articles.
        id: Penyunting membaca dua artikel rekaan.
"""
TIMELINE = """\
# Invented test page.
layout: timeline
title: {en: Timeline, id: Linimasa}
description: {en: Dates., id: Tanggal.}
events:
  - date: 2025-03
    text:
      en: The council planned more stations [@001#p4].
      id: Dewan kota berencana menambah stasiun [@001#p4].
    inferred:
      reasoning:
        en: The plan is dated by the report [@001#p4]. March comes before April.
        id: Rencana itu bertanggal menurut berita [@001#p4]. Maret datang sebelum April.
"""
NETWORK = """\
# Invented test page.
layout: network
title: {en: Who is who, id: Siapa-siapa}
description: {en: Who is who., id: Siapa-siapa.}
intro:
  en: The diagram shows who is who. It is drawn from the sources [@001#p1].
  id: Diagram ini menunjukkan siapa-siapa. Diagram ini disusun dari sumber [@001#p1].
"""

MARKED_TIMELINE = TIMELINE.replace("before April.", "before April [@editors].").replace(
    "sebelum April.", "sebelum April [@editors]."
)


def copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(ENGLISH_FIRST, tmp_path / "sources"))


def errors(sources: Path) -> list[str]:
    with pytest.raises(InputError) as caught:
        pipeline.build(sources)
    return [str(problem) for problem in caught.value.problems.errors]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def uncited(found: list[str], name: str, words: str) -> bool:
    return any(f"{name}:" in p and "has no citation" in p and words in p and "[@editors]" in p for p in found)


@pytest.mark.parametrize(
    ("file", "old", "new", "words"),
    [  # a story page's text, the home page's introduction, a chart caption
        (
            "pages/overview.yml",
            "next year [@001#p4].",
            "next year [@001#p4]. Bikes are green.",
            "Bikes are green",
        ),
        ("site.yml", "city of Riverton [@editors].", "city of Riverton.", "This invented site explains"),
        ("pages/figures.yml", "piece give it [@001#p4; @002#p3].", "piece give it.", "The scheme's cost"),
    ],
)
def test_every_text_refuses_a_sentence_without_citation_or_mark(tmp_path, file, old, new, words):
    sources = copy(tmp_path)
    edit(sources / file, old, new)
    assert uncited(errors(sources), file.rsplit("/", 1)[-1], words)


def test_a_method_page_cites_unless_it_declares_itself_the_editors_own(tmp_path):
    sources = copy(tmp_path)
    (sources / "pages/method.yml").write_text(METHOD.format(voice=""), encoding="utf-8")
    assert uncited(errors(sources), "method.yml", "The editors read two invented articles")
    (sources / "pages/method.yml").write_text(METHOD.format(voice="voice: editors"), encoding="utf-8")
    pipeline.build(sources)
    (sources / "pages/method.yml").write_text(METHOD.format(voice="voice: mine"), encoding="utf-8")
    assert any("method.yml:3: 'voice' is 'mine'" in p for p in errors(sources))


def test_timeline_reasoning_and_diagram_text_refuse_unmarked_sentences(tmp_path):
    sources = copy(tmp_path)
    (sources / "pages/timeline.yml").write_text(TIMELINE, encoding="utf-8")
    (sources / "pages/who.yml").write_text(NETWORK, encoding="utf-8")
    found = errors(sources)
    assert uncited(found, "timeline.yml", "March comes before April")
    assert uncited(found, "who.yml", "The diagram shows who is who")
    relation = sources / "actors/riverton-transport-authority.yml"
    edit(relation, "relations: []", "relations:\n  - {type: regulates, target: term:bike-share}")
    assert any("a relation needs a 'source' citation" in p for p in errors(sources))


def test_an_editors_sentence_is_shown_as_an_editors_note_and_listed_in_the_ledger(tmp_path):
    sources = copy(tmp_path)
    (sources / "pages/method.yml").write_text(METHOD.format(voice="voice: editors"), encoding="utf-8")
    (sources / "pages/timeline.yml").write_text(
        MARKED_TIMELINE,
        encoding="utf-8",
    )
    edit(
        sources / "pages/overview.yml",
        "next year [@001#p4].",
        "next year [@001#p4]. Bikes are green [@editors].",
    )
    model, _ = pipeline.build(sources)
    home, method = (
        f"en/{stem(model, key, 'en')}.md"
        for key in (PageKey(PageKind.home), PageKey(PageKind.page, "method"))
    )
    pages = render_pages(model, home, method)
    mark = re.search(
        r'Bikes are green<sup class="editors-mark">\[\\\[editors\' note\\\]\]\(([^ )]+)', str(pages[home])
    )
    assert mark and mark[1].endswith("method.md#editors-notes"), str(pages[home])[:2000]
    shown = str(pages[method])
    assert "{ #editors-notes }" in shown and "This page is the editors' own words" in shown
    rows = ledger.claims(model, model.resolver, "en")
    own = [row for row in rows if row.own]
    assert [row.sentence for row in own] == [
        "This invented site explains a made-up bike-sharing scheme in the city of Riverton [@editors].",
        "Everything here is drawn from the two source documents listed below [@editors].",
        "Bikes are green [@editors].",
        "March comes before April [@editors].",
    ]
    assert re.search(r"In this language the site has 4 such sentences", shown)
    sentences = [inline.plain(row.sentence) for row in rows]
    assert "The editors read two invented articles." not in sentences  # the editors' page: not a claim


CALENDAR = """\
  - date: 2025-03-03
    text:
      en: The council met [@001#p4].
      id: Dewan bertemu [@001#p4].
    inferred:
      weekday: monday
      between: [2024, 2026]
      reasoning:
        en: The report says Monday 3/3 [@001#p4].
        id: Berita itu menyebut Senin 3/3 [@001#p4].
"""


def test_the_ledger_lists_relations_with_their_certainty_and_the_calendar_checks(tmp_path):
    sources = copy(tmp_path)
    (sources / "pages/timeline.yml").write_text(MARKED_TIMELINE + CALENDAR)
    (sources / "pages/who.yml").write_text(
        NETWORK.replace("who is who. It", "who is who [@editors]. It").replace(
            "siapa-siapa. Diagram", "siapa-siapa [@editors]. Diagram"
        )
    )
    assert "[@editors]" in (sources / "pages/who.yml").read_text()
    edit(
        sources / "actors/riverton-transport-authority.yml",
        "relations: []",
        "relations:\n  - {type: regulates, target: term:bike-share, source: 001#p1, certainty: planned}",
    )
    model, _ = pipeline.build(sources)
    rows = ledger.claims(model, model.resolver, "en")
    relation = [row for row in rows if row.item == "who" and row.certainty == "planned"]
    assert len(relation) == 1 and relation[0].cited[0].paragraph.key == "1"
    assert relation[0].sentence.startswith(
        model.entry(PageKey(PageKind.actor, "riverton-transport-authority")).name["en"]
    )
    assert len([row for row in rows if row.item == "who"]) == 2 + len(model.diagram)
    calendar = [row for row in rows if row.item == "timeline" and row.own and not row.cited]
    assert [row.sentence for row in calendar] == [
        "March comes before April [@editors].",
        "By the calendar, from 2024 to 2026, 3 March fell on a Monday only in 2025.",
    ]
