"""Property-based tests of the Atom writer (generator/render/writers/atom.py): any text (every code point,
control characters and lone surrogates among them), any day or time with any UTC offset and any number
of entries go into a feed, and two parsers read it back: ElementTree (strict XML 1.0) and feedparser
(as feed readers do). Text comes back equal except for the documented changes, asserted exactly here
with the rules written out independently: CR LF and a lone CR become LF, then what XML 1.0 cannot hold
(section 2.2, ``Char``) is removed. The feeds are invented: their addresses are under example.invalid.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime, timedelta, timezone
from urllib.parse import unquote

import feedparser
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from generator.render.writers import atom
from tests.test_architecture import lint_with

SETTINGS = settings(max_examples=150, deadline=None)
A = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SITE = "https://example.invalid/"
RFC3339 = re.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2})")

ANY_CHARACTER = st.characters(exclude_categories=())
"""Every code point, surrogates included (``st.text()`` alone leaves them out)."""
HOSTILE = [
    "\r\n",
    "\r",
    "\n",
    "\t",
    " ",
    "\x00",
    "\x08",
    "\x0b",
    "\x0c",
    "\x1f",
    "\x7f",
    "\x85",
    "\u2028",
    "\ud800",
    "\udfff",
    "\ufffe",
    "\uffff",
    "\ufffd",
    "\U0010ffff",
    "<",
    ">",
    "&",
    "&amp;",
    "&#0;",
    "]]>",
    '"',
    "'",
    "<![CDATA[x]]>",
    "<b>x</b>",
    "<!DOCTYPE x>",
    "Ã©",
]
TEXT = st.one_of(
    st.text(ANY_CHARACTER, max_size=30),
    st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(ANY_CHARACTER, max_size=5)), max_size=8).map(
        "".join
    ),
)
OFFSETS = st.integers(-(23 * 60 + 59), 23 * 60 + 59).map(lambda m: timezone(timedelta(minutes=m)))
TIMES = st.datetimes(timezones=st.one_of(st.just(UTC), OFFSETS, st.timezones()))
"""Aware times: fixed offsets, and the time zone database's (whose old local mean times have offsets
of seconds, which RFC 3339 cannot write)."""
MOMENTS = st.one_of(st.dates(), TIMES)
ENTRIES = st.lists(st.tuples(TEXT, TEXT, st.lists(TEXT, max_size=4), MOMENTS, st.booleans()), max_size=5)


# The documented changes, written out independently of the writer ---------------------------------
def xml_char(c: str) -> bool:
    """XML 1.0, section 2.2: ``Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD]
    | [#x10000-#x10FFFF]``."""
    n = ord(c)
    return n in (0x9, 0xA, 0xD) or 0x20 <= n <= 0xD7FF or 0xE000 <= n <= 0xFFFD or 0x10000 <= n <= 0x10FFFF


def shown(text: str) -> str:
    return "".join(c for c in text.replace("\r\n", "\n").replace("\r", "\n") if xml_char(c))


CP1252 = {}
for byte in range(0x80, 0xA0):
    try:
        CP1252[byte] = bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        pass


def feedparser_reads(text: str) -> str:
    """What feedparser makes of an element's text (feedparser/mixin.py, ``pop``): it strips white space,
    undoes what looks like UTF-8 read as Latin-1, and reads C1 controls as Windows-1252."""
    out = text.strip()
    try:
        out = out.encode("iso-8859-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        pass
    return out.translate(CP1252)


def feedparser_terms(categories: list[str]) -> list[str]:
    """feedparser's tags: each term once, an empty one left out."""
    terms: list[str] = []
    for term in map(shown, categories):
        if term and term not in terms:
            terms.append(term)
    return terms


def instant(moment: date) -> datetime:
    """The moment the writer writes: a day's midnight in UTC, a time to the second."""
    if isinstance(moment, datetime):
        return moment.replace(microsecond=0)
    return datetime(moment.year, moment.month, moment.day, tzinfo=UTC)


def writable(moment: date) -> bool:
    """False for a time whose offset is not whole minutes and which is outside years 1 to 9999 in UTC."""
    if not isinstance(moment, datetime) or not moment.utcoffset() % timedelta(minutes=1):
        return True
    try:
        moment.astimezone(UTC)
    except OverflowError:
        return False
    return True


def same_instant(written: str, moment: date) -> bool:
    assert RFC3339.fullmatch(written), written
    return datetime.fromisoformat(written) - instant(moment) == timedelta(0)


# Building invented feeds -------------------------------------------------------------------------
def make_entries(rows) -> list[atom.FeedEntry]:
    return [
        atom.FeedEntry(
            id=atom.tag_uri("example.invalid", date(2026, 1, 1), f"e/{i}") if tagged else f"{SITE}e/{i}",
            title=title,
            updated=updated,
            link=f"{SITE}e/{i}/",
            summary=summary,
            categories=tuple(categories),
        )
        for i, (title, summary, categories, updated, tagged) in enumerate(rows)
    ]


def make_feed(title: str, author: str, updated: date | None = None, lang: str = "xx") -> atom.Feed:
    return atom.Feed(
        id=f"{SITE}updates/",
        title=title,
        link=f"{SITE}updates/",
        self_link=f"{SITE}updates/feed.xml",
        lang=lang,
        author=author,
        updated=updated,
    )


def parse(document: str) -> ET.Element:
    assert document.startswith('<?xml version="1.0" encoding="utf-8"?>\n')
    return ET.fromstring(document.encode("utf-8"))


# Text -----------------------------------------------------------------------------------------------
@SETTINGS
@given(TEXT)
def test_text_removes_only_what_xml_cannot_hold(value):
    assert atom.text(value) == shown(value)
    assert "\r" not in atom.text(value)
    escaped = atom.text(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert (ET.fromstring(f"<a>{escaped}</a>").text or "") == atom.text(value)


@SETTINGS
@given(TEXT, TEXT, ENTRIES, st.one_of(st.none(), MOMENTS))
def test_every_text_reads_back_exactly_with_elementtree(title, author, rows, updated):
    entries = make_entries(rows)
    assume(updated is not None or entries)
    assume(all(writable(m) for m in [updated, *(e.updated for e in entries)] if m is not None))
    root = parse(atom.document(make_feed(title, author, updated, lang="pt-BR"), entries))
    assert root.tag == A + "feed" and root.get(XML_LANG) == "pt-BR"
    assert (root.findtext(A + "title") or "") == shown(title)
    assert (root.findtext(f"{A}author/{A}name") or "") == shown(author)
    read = root.findall(A + "entry")
    assert [e.findtext(A + "id") for e in read] == [entry.id for entry in entries]
    for entry, element in zip(entries, read, strict=True):
        assert (element.findtext(A + "title") or "") == shown(entry.title)
        assert (element.findtext(A + "summary") or "") == shown(entry.summary)
        assert [c.get("term") for c in element.findall(A + "category")] == [
            shown(c) for c in entry.categories
        ]
        assert element.find(A + "link").get("href") == entry.link


@SETTINGS
@given(TEXT, TEXT, ENTRIES, st.one_of(st.none(), MOMENTS))
def test_feedparser_reads_the_feed_without_error(title, author, rows, updated):
    entries = make_entries(rows)
    assume(updated is not None or entries)
    assume(all(writable(m) for m in [updated, *(e.updated for e in entries)] if m is not None))
    read = feedparser.parse(atom.document(make_feed(title, author, updated), entries).encode("utf-8"))
    assert not read.bozo, read.get("bozo_exception")
    assert read.version == "atom10"
    assert read.feed.language == "xx"
    assert read.feed.get("title", "") == feedparser_reads(shown(title))
    assert [e.id for e in read.entries] == [entry.id for entry in entries]
    assert [e.link for e in read.entries] == [entry.link for entry in entries]
    for entry, parsed in zip(entries, read.entries, strict=True):
        assert parsed.get("title", "") == feedparser_reads(shown(entry.title))
        assert parsed.get("summary", "") == feedparser_reads(shown(entry.summary))
        assert [t.term for t in parsed.get("tags", [])] == feedparser_terms(list(entry.categories))


# Times ----------------------------------------------------------------------------------------------
@SETTINGS
@given(MOMENTS)
def test_a_time_is_written_in_rfc_3339(moment):
    if not writable(moment):
        with pytest.raises(ValueError, match="outside the years"):
            atom.timestamp(moment)
        return
    assert same_instant(atom.timestamp(moment), moment)


@SETTINGS
@given(ENTRIES, st.one_of(st.none(), MOMENTS))
def test_the_feed_is_updated_when_its_latest_entry_is(rows, updated):
    entries = make_entries(rows)
    moments = [m for m in [updated, *(e.updated for e in entries)] if m is not None]
    assume(moments and all(writable(m) for m in moments))
    root = parse(atom.document(make_feed("t", "a", updated), entries))
    latest = max(instant(m) for m in moments)
    assert same_instant(root.findtext(A + "updated"), latest)
    for entry, element in zip(entries, root.findall(A + "entry"), strict=True):
        assert same_instant(element.findtext(A + "updated"), entry.updated)


def test_a_time_without_an_offset_is_refused():
    with pytest.raises(ValueError, match="no UTC offset"):
        atom.document(make_feed("t", "a", datetime(2026, 1, 1, 12)), [])


def test_a_time_outside_the_years_in_utc_is_refused():
    local_mean_time = timezone(timedelta(minutes=19, seconds=32))
    assert atom.timestamp(datetime(2026, 1, 1, 12, tzinfo=local_mean_time)) == "2026-01-01T11:40:28Z"
    with pytest.raises(ValueError, match="outside the years"):
        atom.timestamp(datetime(1, 1, 1, tzinfo=local_mean_time))


# The elements RFC 4287 asks for ------------------------------------------------------------------
FEED_ONCE = ("id", "title", "updated", "author")
"""RFC 4287, 4.1.1: a feed has exactly one of each (author, as no entry has its own)."""
ENTRY_ONCE = ("id", "title", "updated", "summary")
"""RFC 4287, 4.1.2: an entry has exactly one id, title and updated, and a summary when it has no
content."""


def links(element: ET.Element) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for link in element.findall(A + "link"):
        found.setdefault(link.get("rel", "alternate"), []).append(link.get("href"))
    return found


def is_uri(value: str) -> bool:
    return bool(re.fullmatch("https://[^\\s]+|tag:[a-z0-9.-]+,[0-9]{4}-[0-9]{2}-[0-9]{2}:[^\\s#]*", value))


@SETTINGS
@given(ENTRIES, MOMENTS)
def test_the_feed_has_the_elements_the_rfc_requires(rows, updated):
    entries = make_entries(rows)
    assume(all(writable(m) for m in [updated, *(e.updated for e in entries)]))
    root = parse(atom.document(make_feed("t", "a", updated), entries))
    for name in FEED_ONCE:
        assert len(root.findall(A + name)) == 1, name
    assert len(root.findall(f"{A}author/{A}name")) == 1
    assert is_uri(root.findtext(A + "id"))
    assert links(root) == {"self": [f"{SITE}updates/feed.xml"], "alternate": [f"{SITE}updates/"]}
    assert root.get(XML_LANG) == "xx"
    allowed = {A + name for name in (*FEED_ONCE, "link", "entry")}
    assert {child.tag for child in root} <= allowed
    read = root.findall(A + "entry")
    assert len(read) == len(entries)
    for entry, element in zip(entries, read, strict=True):
        for name in ENTRY_ONCE:
            assert len(element.findall(A + name)) == 1, name
        assert is_uri(element.findtext(A + "id"))
        assert links(element) == {"alternate": [entry.link]}
        assert element.find(A + "summary").get("type") == "text"
        assert element.find(A + "title").get("type") == "text"
        assert all(c.get("term") is not None for c in element.findall(A + "category"))
        assert {child.tag for child in element} <= {A + n for n in (*ENTRY_ONCE, "link", "category")}


# Ids, addresses and what is refused --------------------------------------------------------------
DOMAINS = st.from_regex("[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?(\\.[a-z0-9]{1,6}){0,2}", fullmatch=True)
RFC4151 = re.compile(
    "tag:([a-z0-9.-]+),([0-9]{4}-[0-9]{2}-[0-9]{2}):((?:[A-Za-z0-9._~!$&'()*+,;=:@/?-]|%[0-9A-F]{2})*)"
)


@SETTINGS
@given(DOMAINS, st.dates(), TEXT)
def test_a_tag_uri_is_rfc_4151_and_keeps_its_parts(domain, day, specific):
    uri = atom.tag_uri(domain.upper(), day, specific)
    found = RFC4151.fullmatch(uri)
    assert found, uri
    assert found[1] == domain and found[2] == day.isoformat()
    assert unquote(found[3], errors="strict") == shown(specific)
    assert atom.tag_uri(domain, day, specific) == uri
    entry = atom.FeedEntry(id=uri, title="t", updated=day, link=SITE, summary="s")
    assert parse(atom.document(make_feed("t", "a"), [entry])).findtext(f"{A}entry/{A}id") == uri


@pytest.mark.parametrize("authority", ["", "example invalid", "-example.invalid", "exam_ple.invalid", "a@"])
def test_a_tag_uri_needs_a_domain_or_an_address(authority):
    with pytest.raises(ValueError, match="domain name"):
        atom.tag_uri(authority, date(2026, 1, 1), "x")


NOT_ADDRESSES = [
    "",
    "e/1",
    "/e/1",
    "//example.invalid/e",
    "https://",
    "https://exa mple.invalid/",
    "ftp://x/",
]


@pytest.mark.parametrize("value", [*NOT_ADDRESSES, "tag:example.invalid,2026-01-01:x y", "tag:x", "urn:x:y"])
def test_an_id_that_is_not_an_address_or_a_tag_uri_is_refused(value):
    entry = atom.FeedEntry(id=value, title="t", updated=date(2026, 1, 1), link=SITE, summary="s")
    with pytest.raises(ValueError, match="the entry id"):
        atom.document(make_feed("t", "a"), [entry])
    with pytest.raises(ValueError, match="the feed id"):
        atom.document(atom.Feed(value, "t", SITE, SITE, "xx", "a", date(2026, 1, 1)), [])


@pytest.mark.parametrize("value", [*NOT_ADDRESSES, "tag:example.invalid,2026-01-01:x"])
def test_a_link_is_an_absolute_address(value):
    entry = atom.FeedEntry(id=SITE, title="t", updated=date(2026, 1, 1), link=value, summary="s")
    with pytest.raises(ValueError, match="the entry link"):
        atom.document(make_feed("t", "a"), [entry])


def test_two_entries_with_one_id_a_bad_language_and_no_time_are_refused():
    entry = atom.FeedEntry(id=SITE, title="t", updated=date(2026, 1, 1), link=SITE, summary="s")
    with pytest.raises(ValueError, match="two entries have the id"):
        atom.document(make_feed("t", "a"), [entry, entry])
    with pytest.raises(ValueError, match="BCP 47"):
        atom.document(make_feed("t", "a", lang="x y"), [entry])
    with pytest.raises(ValueError, match="no updated time"):
        atom.document(make_feed("t", "a"), [])


# The same bytes --------------------------------------------------------------------------------
EXPECTED = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="xx">
  <id>https://example.invalid/updates/</id>
  <title type="text">Invented &lt;feed&gt; &amp; co</title>
  <updated>2026-03-04T05:06:07+07:00</updated>
  <link rel="self" type="application/atom+xml" href="https://example.invalid/updates/feed.xml" />
  <link rel="alternate" type="text/html" href="https://example.invalid/updates/" />
  <author>
    <name>Invented Editor</name>
  </author>
  <entry>
    <id>tag:example.invalid,2026-01-01:e/0</id>
    <title type="text">First</title>
    <updated>2026-03-04T05:06:07+07:00</updated>
    <link rel="alternate" type="text/html" href="https://example.invalid/e/0/" />
    <summary type="text">One
two</summary>
    <category term="b a" />
    <category term="a&#10;b" />
  </entry>
  <entry>
    <id>https://example.invalid/e/1</id>
    <title type="text" />
    <updated>2026-01-01T00:00:00Z</updated>
    <link rel="alternate" type="text/html" href="https://example.invalid/e/1/" />
    <summary type="text">"quoted"</summary>
  </entry>
</feed>
"""


def test_the_same_input_gives_the_same_document():
    """An invented feed, written out whole: the bytes a reader's cache compares stay the same."""
    seven = timezone(timedelta(hours=7))
    rows = [
        ("First", "One\r\ntwo\x00", ["b a", "a\rb"], datetime(2026, 3, 4, 5, 6, 7, 890, tzinfo=seven), True),
        ("\ud800", '"quoted"', [], date(2026, 1, 1), False),
    ]
    feed = make_feed("Invented <feed> & co", "Invented Editor", date(2026, 2, 1))
    assert atom.document(feed, make_entries(rows)) == EXPECTED
    assert atom.document(feed, make_entries(rows)) == atom.document(feed, make_entries(rows))


# Only the writers write XML ----------------------------------------------------------------------
def test_only_the_atom_writer_writes_xml(tmp_path):
    result = lint_with(tmp_path, "render/ledger.py", "\nimport xml.etree.ElementTree  # noqa\n")
    assert result.returncode != 0
    assert "generator.render.ledger -> xml" in result.stdout
