"""The updates (``sources/updates/``) as open data: ``updates.json`` and ``updates.csv``, the same
fields as the updates page shows, every language's words in one file."""

from __future__ import annotations

from generator.model import PageKey, PageKind, Site
from generator.model.updates import Update
from generator.render.open_data.common import addresses, as_json, licence
from generator.render.writers.table import table


def update_records(site: Site) -> list[dict]:
    """One record per update, the newest first."""
    return [record(site, update) for update in site.updates]


def record(site: Site, update: Update) -> dict:
    languages = site.config.languages
    return {
        "id": update.id,
        "date": update.date.isoformat(),
        "kind": update.kind,
        "kind_label": {
            lang: str(site.config.vocabulary.words(lang)["update_kinds"][update.kind]) for lang in languages
        },
        "note": dict(update.note),
        "sources": list(update.sources),
        "paragraphs": [
            {
                "document": doc_id,
                "paragraph": key,
                "address": addresses(site, PageKey(PageKind.source, doc_id), f"p{key}"),
            }
            for doc_id, key in update.paragraphs
        ],
        "pages": [
            {"kind": str(key.kind), "id": key.item, "address": addresses(site, key)} for key in update.pages
        ],
        "renamed_from": update.renamed_from,
        "withdrawn": [dict(text) for text in update.withdrawn],
        "address": addresses(site, PageKey(PageKind.updates), update.id),
    }


def updates_json(site: Site, records: list[dict]) -> str:
    return as_json({"licence": licence(site), "updates": records})


PER_LANGUAGE = ("kind_label", "note", "withdrawn", "address")
"""The fields of ``updates.csv`` that have a column per language (``note_en``)."""


def columns(site: Site) -> list[str]:
    return ["id", "date", "kind", "sources", "paragraphs", "pages", "renamed_from"] + [
        f"{name}_{lang}" for lang in site.config.languages for name in PER_LANGUAGE
    ]


def updates_csv(site: Site, records: list[dict]) -> str:
    """One row per update; lists are joined with ``; `` (ids and addresses hold none)."""
    rows = []
    for item in records:
        values = {
            "id": item["id"],
            "date": item["date"],
            "kind": item["kind"],
            "sources": "; ".join(item["sources"]),
            "paragraphs": "; ".join(f"{p['document']}#p{p['paragraph']}" for p in item["paragraphs"]),
            "pages": "; ".join(f"{p['kind']}/{p['id']}" if p["id"] else p["kind"] for p in item["pages"]),
            "renamed_from": item["renamed_from"] or "",
        }
        for lang in site.config.languages:
            values[f"kind_label_{lang}"] = item["kind_label"][lang]
            values[f"note_{lang}"] = item["note"][lang]
            values[f"withdrawn_{lang}"] = "\n\n".join(text[lang] for text in item["withdrawn"])
            values[f"address_{lang}"] = item["address"][lang]
        rows.append([values[name] for name in columns(site)])
    return table(columns(site), rows)


__all__ = ["update_records", "updates_csv", "updates_json"]
