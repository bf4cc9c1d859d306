"""The timeline as ``timeline.json`` records and as the calendar ``timeline.ics``."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from generator.link.graph import event_certainty
from generator.model import Event, PageKey, PageKind, Resolver, Site, StoryPage, inline
from generator.model.words import ui
from generator.render.formats import calendar_check
from generator.render.open_data.common import addresses, per_language, statement, stories
from generator.render.writers import ics


def anchors(story: StoryPage) -> list[tuple[Event, str]]:
    """The page's events in the order the timeline shows them, each with its anchor there
    (``d-2023-10``, a second event of that date ``d-2023-10-2``), as the template gives them."""
    taken, out = set(), []
    for event in sorted(story.events, key=lambda e: e.sort_key):
        wanted = name = f"d-{event.date.iso()}"
        n = 1
        while name in taken:
            n += 1
            name = f"{wanted}-{n}"
        taken.add(name)
        out.append((event, name))
    return out


def date_kind(event: Event) -> str:
    """``inferred`` when the date was worked out (the page says how), ``stated`` when printed."""
    return "inferred" if event.reasoning else "stated"


def event_records(site: Site, resolver: Resolver) -> list[dict]:
    """Every event of every timeline page, in the order the pages show them."""
    out = []
    for story in stories(site, "timeline"):
        for event, anchor in anchors(story):
            kind = date_kind(event)
            out.append(
                {
                    "page": story.id,
                    "anchor": anchor,
                    "address": addresses(site, PageKey(PageKind.page, story.id), anchor),
                    "date": event.date.iso(),
                    "year": event.date.year,
                    "month": event.date.month or None,
                    "day": event.date.day or None,
                    "precision": event.date.precision,
                    "date_kind": kind,
                    "date_label": per_language(
                        site, lambda lang, k=kind, e=event: ui(lang)[f"date_{k}"][e.date.precision]
                    ),
                    "shown": per_language(site, lambda lang, e=event: e.date.format(ui(lang)["months"])),
                    "certainty": event_certainty(event, resolver),
                    "text": statement(site, resolver, event.text),
                    "reasoning": (
                        statement(site, resolver, event.reasoning)
                        | {
                            "calendar_check": per_language(
                                site, lambda lang, e=event: calendar_check(e, lang)
                            )
                        }
                        if event.reasoning
                        else None
                    ),
                    "weekday": event.weekday,
                    "calendar_years": event.candidate_years(),
                    "in_calendar": event.date.precision == "day",
                }
            )
    return out


def stamp(site: Site, records: list[dict]) -> datetime:
    """DTSTAMP of every calendar event: not the time of the build (two builds must give the same
    bytes) but the newest date the collection itself records, a publication, correction or
    removal date, else the latest event; midnight UTC."""
    dates = [doc.meta.date for doc in site.documents if doc.meta.date]
    dates += [c.date for doc in site.documents if doc.record for c in doc.record.corrections]
    dates += [record.removed.date for record in site.removed.values() if record.removed]
    dates = dates or [date(r["year"], r["month"], r["day"]) for r in records if r["in_calendar"]]
    newest = max(dates, default=date(1970, 1, 1))
    return datetime(newest.year, newest.month, newest.day, tzinfo=UTC)


def first_sentence(text: str) -> str:
    parts = inline.sentences(text)
    return parts[0] if parts else text


def timeline_ics(site: Site, records: list[dict], lang: str) -> str:
    """The events dated to the day as all-day calendar events in ``lang``. An event dated only to
    a month or a year has no day to put in a calendar: it is left out (README.txt says so),
    never given a day of our making. Inferred dates say so in SUMMARY, DESCRIPTION and
    ``X-EXPLAINER-DATE-KIND``."""
    words = site.config.vocabulary.words(lang)
    pages = {p.id: p for p in site.pages}
    names = sorted({pages[r["page"]].title[lang] for r in records})
    properties = [
        ("prodid", f"-//{site.config.title[lang]}//{words['open_data']['heading']}//{lang.upper()}"),
        ("version", "2.0"),
        ("calscale", "GREGORIAN"),
        ("x-wr-calname", " \u00b7 ".join([*names, site.config.title[lang]])),
    ]
    dtstamp = stamp(site, records)
    events = []
    for record in records:
        if not record["in_calendar"]:
            continue
        day = date(record["year"], record["month"], record["day"])
        markers = [record["date_label"][lang]] if record["date_kind"] == "inferred" else []
        markers += (
            [words["certainty"][record["certainty"]]] if record["certainty"] in words["certainty"] else []
        )
        text = record["text"]["text"][lang]
        summary = first_sentence(text)
        if markers:
            summary = f"[{', '.join(markers)}] {summary}"
        label = record["date_label"][lang]
        lines = [text, "", f"{label[:1].upper()}{label[1:]}: {record['shown'][lang]}."]
        if record["reasoning"]:
            check = record["reasoning"]["calendar_check"][lang]
            lines.append(
                " ".join(p for p in (words["inferred_how"], record["reasoning"]["text"][lang], check) if p)
            )
        sources = record["text"]["cites"] + (record["reasoning"]["cites"] if record["reasoning"] else [])
        sources = [c for i, c in enumerate(sources) if c not in sources[:i]]
        if sources:
            lines += ["", words["open_data"]["ics_sources"]]
            lines += [f"- {c['address'][lang]}" for c in sources]
        lines += ["", f"{words['open_data']['ics_page']}: {record['address'][lang]}"]
        events.append(
            [
                ("uid", f"{record['page']}-{record['anchor']}"),
                ("dtstamp", dtstamp),
                ("dtstart", day),
                ("dtend", day + timedelta(days=1)),
                ("summary", summary),
                ("description", "\n".join(lines)),
                ("x-explainer-date-kind", record["date_kind"]),
                ("x-explainer-certainty", record["certainty"]),
            ]
        )
    return ics.calendar(properties, events)
