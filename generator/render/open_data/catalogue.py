"""What the open data holds, in words: ``README.txt``, the method page's list of files, the
licence statement and the download lines of the pages that offer data."""

from __future__ import annotations

from types import SimpleNamespace

from markupsafe import Markup

from generator.model import Site
from generator.model.words import ui
from generator.render import ledger, markdown_text
from generator.render.open_data.common import FILES, LEDGER_FILES, README, licence
from generator.render.open_data.entries import ENTRY_FILES
from generator.render.open_data.figures import FIGURE_COLUMNS
from generator.render.open_data.updates import PER_LANGUAGE

FIELDS = {
    "claims.csv": ledger.FIELDS,
    "claims.json": (
        "claims[].language",
        "claims[].page",
        "claims[].page_kind",
        "claims[].page_id",
        "claims[].sentence",
        "claims[].editors_own",
        "claims[].certainty",
        "claims[].cites",
        "claims[].last_changed",
    ),
    "figures.json": (
        "licence",
        "figures[].id",
        "figures[].page",
        "figures[].value",
        "figures[].unit",
        "figures[].shown",
        "figures[].label",
        "figures[].note",
        "figures[].source",
        "figures[].quote",
        "figures[].quote_language",
        "figures[].address",
        "charts[]",
    ),
    "timeline.json": (
        "licence",
        "events[].page",
        "events[].anchor",
        "events[].address",
        "events[].date",
        "events[].year",
        "events[].month",
        "events[].day",
        "events[].precision",
        "events[].date_kind",
        "events[].date_label",
        "events[].shown",
        "events[].certainty",
        "events[].text",
        "events[].reasoning",
        "events[].weekday",
        "events[].calendar_years",
        "events[].in_calendar",
    ),
    "entries": (
        "licence",
        "{items}[].id",
        "{items}[].kind",
        "{items}[].category",
        "{items}[].category_label",
        "{items}[].name",
        "{items}[].aliases",
        "{items}[].expansions",
        "{items}[].address",
        "{items}[].{summary}",
        "{items}[].sections",
        "{items}[].quotes",
        "{items}[].related",
        "{items}[].relations",
    ),
}
"""What README.txt describes for each JSON file (described in the locales, ``open_data.fields``)."""


def catalogue(site: Site, lang: str) -> list[SimpleNamespace]:
    """Every file of the open data with what it holds in ``lang``: the ledger's first, then
    this module's, then the README."""
    words = ui(lang)["open_data"]["files"]
    names = [name for name, _ in LEDGER_FILES + FILES] + [README]
    return [SimpleNamespace(name=name, what=words[name]) for name in names]


def field_lines(site: Site, name: str, lang: str) -> list[str]:
    """README lines describing each column or field of the file ``name``."""
    words = ui(lang)["open_data"]
    languages = site.config.languages
    if name == "figures.csv":
        return [
            "  "
            + ", ".join(spec.format(lang=code) for code in languages)
            + ": "
            + words["fields"]["figures.csv"][spec]
            if "{lang}" in spec
            else f"  {spec}: {words['fields']['figures.csv'][spec]}"
            for spec in FIGURE_COLUMNS
        ]
    if name in FIELDS:
        return [f"  {spec}: {words['fields'][name][spec]}" for spec in FIELDS[name]]
    if name in ("updates.json", "updates.csv"):
        said = words["fields"]["updates"]
        if name == "updates.json":
            return [f"  {'' if field == 'licence' else 'updates[].'}{field}: {said[field]}" for field in said]
        in_csv = said | words["fields"]["updates_csv"]  # the CSV's own forms of some fields
        return [
            f"  {', '.join(f'{field}_{code}' for code in languages)}: {in_csv[field]}"
            if field in PER_LANGUAGE
            else f"  {field}: {in_csv[field]}"
            for field in said
            if field != "licence"
        ]
    if name in ("glossary.json", "actors.json"):
        kind = next(k for k, (file, _, _) in ENTRY_FILES.items() if file == name)
        _, items, summary = ENTRY_FILES[kind]
        lines = []
        for spec in FIELDS["entries"]:
            path = spec.format(items=items, summary=summary)
            lines.append(
                f"  {path}: {words['fields']['entries'][spec.format(items='items', summary='summary')]}"
            )
        return lines
    return []


def readme(site: Site, lang: str, left_out: int) -> str:
    """``README.txt`` of the bundle in ``lang``: every file and field, where the data come from,
    the licence (or that none is set) and that quoted words stay their publishers'."""
    words = ui(lang)["open_data"]
    title = f"{site.config.title[lang]}: {words['heading']}"
    found = licence(site)
    parts = [title, "=" * len(title), "", words["readme_intro"], "", words["readme_origin"], ""]
    parts += [words["readme_addresses"], "", words["readme_languages"], ""]
    parts += [words["licence_heading"], "-" * len(words["licence_heading"])]
    parts += [
        words["licence"].format(licence=f"{found['name']} ({found['url']})") if found else words["no_licence"]
    ]
    parts += ["", words["quotes_note"], ""]
    parts += [words["readme_files"], "-" * len(words["readme_files"]), "", words["readme_cites"]]
    parts += ["", words["readme_csv"]]
    for item in catalogue(site, lang):
        parts += ["", f"{item.name}: {item.what}"]
        if item.name == "timeline.ics":
            parts.append("  " + words["readme_ics"].format(count=left_out))
        parts += field_lines(site, item.name, lang)
    parts += ["", words["readme_cite"], ""]
    return "\n".join(parts)


def with_link(sentence: str, slot: str, label: str, url: str) -> Markup:
    """``sentence`` as Markdown with ``{slot}`` a link to ``url``; the words stay escaped."""
    before, _, after = sentence.partition("{" + slot + "}")
    return Markup(markdown_text.escape(before) + markdown_text.link(label, url) + markdown_text.escape(after))


def licence_markdown(site: Site, lang: str) -> Markup:
    """The licence statement of a page: the licence named with its link, or that none is set."""
    words = ui(lang)["open_data"]
    found = licence(site)
    if not found:
        return markdown_text.escape(words["no_licence"])
    return with_link(words["licence"], "licence", found["name"], found["url"])


def download_line(page, names: list[str]) -> Markup:
    """``This page's data for download: CSV, JSON (what each file holds).``"""
    words = page.ui["open_data"]
    links = ", ".join(
        markdown_text.link(name.rsplit(".", 1)[1].upper(), page.data_url(name)) for name in names
    )
    readme = markdown_text.link(words["readme_link"], page.data_url(README))
    return Markup(f"{markdown_text.escape(words['download'])}: {links} ({readme}).")
