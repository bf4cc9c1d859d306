"""The key figures as ``figures.csv`` and ``figures.json``."""

from __future__ import annotations

from generator.model import Cited, PageKey, PageKind, Resolver, Site, Statement
from generator.render.formats import format_value
from generator.render.open_data.common import addresses, cite, number, per_language, statement, stories
from generator.render.writers.table import table

FIGURE_COLUMNS = (
    "id",
    "page",
    "value",
    "unit",
    "shown_{lang}",
    "label_{lang}",
    "note_{lang}",
    "document",
    "paragraph",
    "document_type",
    "publisher",
    "address_{lang}",
    "quote",
    "quote_language",
)
"""Columns of ``figures.csv``; ``{lang}`` stands for one column per language of the site."""


def figure_records(site: Site, resolver: Resolver) -> list[dict]:
    """Every figure of every figures page, in the pages' order."""
    out = []
    for story in stories(site, "figures"):
        for figure in story.figures:
            found = resolver.resolve(figure.source)
            source = cite(site, found.document, found.paragraph) if isinstance(found, Cited) else None
            out.append(
                {
                    "id": figure.id,
                    "page": story.id,
                    "value": number(figure.value),
                    "unit": figure.unit,
                    "shown": per_language(
                        site,
                        lambda lang, f=figure: format_value(f.value, f.unit, lang, site.config.vocabulary),
                    ),
                    "label": {lang: figure.label.get(lang, "") for lang in site.config.languages},
                    "note": statement(site, resolver, figure.note) if figure.note else None,
                    "source": source,
                    "quote": figure.quote,
                    "quote_language": found.document.meta.language if isinstance(found, Cited) else None,
                    "address": addresses(site, PageKey(PageKind.page, story.id)),
                }
            )
    return out


def chart_records(site: Site) -> list[dict]:
    return [
        {
            "id": chart.id,
            "page": story.id,
            "title": dict(chart.title),
            "description": statement(site, site.resolver, Statement(dict(chart.description), {})),
            "figures": list(chart.figures),
        }
        for story in stories(site, "figures")
        for chart in story.charts
    ]


def columns(site: Site) -> list[str]:
    """The header of ``figures.csv``, one column per language where a column has ``{lang}``."""
    out = []
    for name in FIGURE_COLUMNS:
        out += [name.format(lang=lang) for lang in site.config.languages] if "{lang}" in name else [name]
    return out


def figures_csv(site: Site, records: list[dict]) -> str:
    rows = []
    for record in records:
        source = record["source"] or {}
        values = {
            "id": record["id"],
            "page": record["page"],
            "value": record["value"],
            "unit": record["unit"],
            "document": source.get("document", ""),
            "paragraph": source.get("paragraph") or "",
            "document_type": source.get("document_type", ""),
            "publisher": source.get("publisher") or "",
            "quote": record["quote"],
            "quote_language": record["quote_language"] or "",
        }
        for lang in site.config.languages:
            values[f"shown_{lang}"] = record["shown"][lang]
            values[f"label_{lang}"] = record["label"][lang]
            values[f"note_{lang}"] = record["note"]["text"][lang] if record["note"] else ""
            values[f"address_{lang}"] = source.get("address", {}).get(lang, "")
        rows.append([values[name] for name in columns(site)])
    return table(columns(site), rows)
