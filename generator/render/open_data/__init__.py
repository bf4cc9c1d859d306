"""Open data: the key figures, the timeline, the glossary and the actors as files to reuse.

Written into each language's tree at ``assets/data/`` beside the claims ledger's files
(``generator/render/ledger.py``). The figures, timeline, glossary and actors files hold every language
at once (names, labels and texts keyed by language code), so they are the same bytes in every
tree; ``timeline.ics`` (a calendar shows one language) and ``README.txt`` are in the tree's
language. Every file is made from the site model alone, so two builds of the same sources give
the same bytes: no clock is read.

The package: ``common`` (names, addresses, citations), ``figures``, ``timeline``, ``entries``
(glossary and actors), ``catalogue`` (README.txt and the words pages show about the files). The
templates reach ``catalogue``, ``licence_markdown`` and ``download_line`` through the global
``opendata`` (``generator/render/run.py``).
"""

from __future__ import annotations

from generator.model import Site
from generator.render.open_data.catalogue import catalogue, download_line, licence_markdown, readme
from generator.render.open_data.common import DATA, FILES, LEDGER_FILES, README, as_json, licence
from generator.render.open_data.entries import ENTRY_FILES, entries_json
from generator.render.open_data.figures import chart_records, figure_records, figures_csv
from generator.render.open_data.timeline import event_records, timeline_ics
from generator.render.open_data.updates import update_records, updates_csv, updates_json

__all__ = [
    "DATA",
    "ENTRY_FILES",
    "FILES",
    "LEDGER_FILES",
    "README",
    "catalogue",
    "download_line",
    "files",
    "licence",
    "licence_markdown",
]


def files(site: Site) -> list[tuple[str, str]]:
    """``(path in the docs tree, text)`` of every open data file in every language."""
    resolver = site.resolver
    figures = figure_records(site, resolver)
    events = event_records(site, resolver)
    updates = update_records(site)
    shared = {
        "figures.csv": figures_csv(site, figures),
        "figures.json": as_json(
            {"licence": licence(site), "figures": figures, "charts": chart_records(site)}
        ),
        "timeline.json": as_json({"licence": licence(site), "events": events}),
        "glossary.json": entries_json(site, resolver, "term"),
        "actors.json": entries_json(site, resolver, "actor"),
        "updates.json": updates_json(site, updates),
        "updates.csv": updates_csv(site, updates),
    }
    left_out = sum(1 for event in events if not event["in_calendar"])
    out = []
    for lang in site.config.languages:
        own = dict(shared) | {
            "timeline.ics": timeline_ics(site, events, lang),
            README: readme(site, lang, left_out),
        }
        out += [(f"{lang}/{DATA}/{name}", own[name]) for name, _ in FILES] + [
            (f"{lang}/{DATA}/{README}", own[README])
        ]
    return out
