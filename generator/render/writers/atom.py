"""Atom (RFC 4287) written by the standard library's ``xml.etree.ElementTree``, which escapes every text
and attribute value. Each text is changed in two ways only, so that the document always parses and
reads back as :func:`text` gives it: CR LF and a lone CR become LF (an XML parser would read a raw CR
as LF anyway), then what XML 1.0 cannot hold is removed, not replaced: control characters other than
tab, LF and CR, lone surrogates, U+FFFE and U+FFFF.

The document is UTF-8 with an XML declaration, its bytes the same for the same input: elements and
attributes in a fixed order, entries in the order given, times as RFC 3339 to the second.

Ids are URIs that never change (RFC 4287, 4.2.6): an absolute ``http``/``https`` address, or, when the
site's address is not known, a ``tag:`` URI (RFC 4151) made with :func:`tag_uri`."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from urllib.parse import quote, urlsplit

NAMESPACE = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""What XML 1.0 (section 2.2, ``Char``) cannot hold: removed."""
NOT_IN_URI = re.compile('[\\s\x00-\x1f\x7f<>"{}|\\\\^`]')
TAG = re.compile("tag:[^,:]+,[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?:[^#]*(#.*)?")
DOMAIN = re.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*")
EMAIL = re.compile("[a-z0-9!#$%&'*+/=?^_`{|}~.-]+@" + DOMAIN.pattern)
LANGUAGE = re.compile("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")
SPECIFIC_SAFE = "-._~!$&'()*+,;=:@/?"
"""RFC 4151's ``specific`` (``pchar``, ``/`` and ``?``): any other character is percent-encoded."""

Moment = datetime | date
"""A time with its UTC offset, or a day (written as its midnight in UTC)."""


@dataclass(frozen=True)
class FeedEntry:
    """One ``<entry>``: an item readers are told of."""

    id: str
    """A URI that stays the same for this item (an absolute address, or :func:`tag_uri`)."""
    title: str
    updated: Moment
    link: str
    """The address of the page the item is about (``rel="alternate"``)."""
    summary: str
    """Plain text (``type="text"``): line breaks kept, no markup read."""
    categories: tuple[str, ...] = ()
    """One ``<category term=...>`` each, in this order."""


@dataclass(frozen=True)
class Feed:
    """The ``<feed>`` element's own values."""

    id: str
    """A URI that stays the same for this feed (an absolute address, or :func:`tag_uri`)."""
    title: str
    link: str
    """The address of the site or page the feed follows (``rel="alternate"``)."""
    self_link: str
    """The feed's own address (``rel="self"``)."""
    lang: str
    """A BCP 47 tag (``en``, ``pt-BR``): the feed's ``xml:lang``."""
    author: str
    """The name of the author of the feed and, by inheritance, of every entry."""
    updated: Moment | None = None
    """When the feed last changed: written unless an entry's ``updated`` is later (then that one)."""


def text(value: str) -> str:
    """``value`` as the document holds it: CR LF and CR as LF, what XML 1.0 cannot hold removed."""
    return NOT_XML.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))


def timestamp(moment: Moment) -> str:
    """An RFC 3339 date-time to the second (a fraction of a second is dropped): a day as its midnight
    in UTC (``2026-12-07T00:00:00Z``), a time with its own offset (``Z`` for UTC), or in UTC when the
    offset is not whole minutes. ValueError for a time without an offset, and for one whose offset is
    not whole minutes when it falls outside the years 1 to 9999 in UTC."""
    if not isinstance(moment, datetime):
        return f"{moment.isoformat()}T00:00:00Z"
    offset = moment.utcoffset()
    if offset is None:
        raise ValueError(f"{moment!r} has no UTC offset -- give the time with tzinfo (e.g. UTC)")
    if offset % timedelta(minutes=1):
        try:
            moment, offset = moment.astimezone(UTC), timedelta(0)
        except OverflowError:
            raise ValueError(
                f"{moment!r} is outside the years 1 to 9999 in UTC -- give the time in UTC"
            ) from None
    local = moment.replace(tzinfo=None, microsecond=0).isoformat()
    if not offset:
        return local + "Z"
    minutes = abs(offset) // timedelta(minutes=1)
    return f"{local}{'-' if offset < timedelta(0) else '+'}{minutes // 60:02d}:{minutes % 60:02d}"


def instant(moment: Moment) -> datetime:
    """The moment as an aware datetime, a day as its midnight in UTC (for comparing the two kinds)."""
    if isinstance(moment, datetime):
        return moment
    return datetime(moment.year, moment.month, moment.day, tzinfo=UTC)


def _authority(name: str) -> bool:
    return bool(DOMAIN.fullmatch(name) or EMAIL.fullmatch(name))


def tag_uri(authority: str, day: date, specific: str) -> str:
    """An RFC 4151 ``tag:`` URI for an id when the site's address is not known: ``authority`` a domain
    name or an e-mail address its owner held on ``day`` (lower-cased), ``specific`` the item's own part
    (as :func:`text` gives it, then percent-encoded where RFC 4151 asks). The same arguments always
    give the same URI: ``tag_uri("example.org", date(2026, 12, 7), "updates/a b")`` is
    ``tag:example.org,2026-12-07:updates/a%20b``."""
    name = authority.lower()
    if not _authority(name):
        raise ValueError(f"{authority!r} is not a domain name or an e-mail address -- give e.g. example.org")
    return f"tag:{name},{day.isoformat()}:{quote(text(specific), safe=SPECIFIC_SAFE)}"


def _uri(value: str, what: str, tag_allowed: bool) -> str:
    if not NOT_IN_URI.search(value):
        parts = urlsplit(value)
        if parts.scheme in ("http", "https") and parts.netloc:
            return value
        if tag_allowed and TAG.fullmatch(value) and _authority(value[4 : value.index(",")]):
            return value
    hint = "an absolute https:// address" + (" or a tag: URI (atom.tag_uri)" if tag_allowed else "")
    raise ValueError(f"{what} {value!r} is not {hint} -- give one")


def _add(parent: ET.Element, tag: str, value: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {name: text(v) for name, v in attributes.items()})
    if value is not None:
        element.text = text(value)
    return element


def _entry(parent: ET.Element, item: FeedEntry) -> None:
    element = _add(parent, "entry")
    _add(element, "id", _uri(item.id, "the entry id", tag_allowed=True))
    _add(element, "title", item.title, type="text")
    _add(element, "updated", timestamp(item.updated))
    _add(element, "link", rel="alternate", type="text/html", href=_uri(item.link, "the entry link", False))
    _add(element, "summary", item.summary, type="text")
    for term in item.categories:
        _add(element, "category", term=term)


def document(feed: Feed, entries: Sequence[FeedEntry]) -> str:
    """The Atom document of ``feed`` with ``entries`` in their order. The feed's ``updated`` is the
    latest of ``feed.updated`` and the entries' (ValueError if there is none). ValueError also for an
    id or link that is not an absolute address (an id may be a ``tag:`` URI), an entry id given
    twice, a language that is not a BCP 47 tag, or a time without a UTC offset."""
    if not LANGUAGE.fullmatch(feed.lang):
        raise ValueError(f"the feed language {feed.lang!r} is not a BCP 47 tag -- give e.g. en or pt-BR")
    seen: set[str] = set()
    for item in entries:
        if item.id in seen:
            raise ValueError(f"two entries have the id {item.id!r} -- give each entry its own id")
        seen.add(item.id)
    moments = [m for m in (feed.updated, *(item.updated for item in entries)) if m is not None]
    if not moments:
        raise ValueError("the feed has no updated time and no entries -- give Feed.updated")
    for moment in moments:
        timestamp(moment)  # refuses a time without a UTC offset before times are compared
    root = ET.Element("feed", {"xmlns": NAMESPACE, XML_LANG: feed.lang})
    _add(root, "id", _uri(feed.id, "the feed id", tag_allowed=True))
    _add(root, "title", feed.title, type="text")
    _add(root, "updated", timestamp(max(moments, key=instant)))
    self_link = _uri(feed.self_link, "the feed's self link", tag_allowed=False)
    _add(root, "link", rel="self", type="application/atom+xml", href=self_link)
    _add(root, "link", rel="alternate", type="text/html", href=_uri(feed.link, "the feed's link", False))
    _add(_add(root, "author"), "name", feed.author)
    for item in entries:
        _entry(root, item)
    ET.indent(root, "  ")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
