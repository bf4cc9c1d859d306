"""BibTeX (biblatex ``@online`` entries) written by bibtexparser, each value escaped first so that
no text can end a field or start an entry: a backslash, a brace, ``@`` and the LaTeX specials become
LaTeX commands (``\\textbackslash{}``, ``\\textbraceleft{}``, ``\\symbol{64}``, ``\\&`` ...), and a line
break or tab, which BibTeX reads as a space, is written as one. A name that is not a person's is
braced whole; an address is percent-encoded where BibTeX would read it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import bibtexparser

LATEX = {
    "\\": "\\textbackslash{}",
    "{": "\\textbraceleft{}",
    "}": "\\textbraceright{}",
    "@": "\\symbol{64}",
    "&": "\\&",
    "%": "\\%",
    "$": "\\$",
    "#": "\\#",
    "_": "\\_",
    "~": "\\textasciitilde{}",
    "^": "\\textasciicircum{}",
}
BREAKS = re.compile("\r\n|[\t\n\v\f\r\x1c\x1d\x1e\x85\u2028\u2029]")
"""Line breaks (as ``str.splitlines`` knows them, CR LF one) and tabs: each written as a space."""
SPECIAL = re.compile("[" + re.escape("".join(LATEX)) + "]")
URL_UNSAFE = {"{": "%7B", "}": "%7D", "\\": "%5C", "@": "%40", " ": "%20"}
KEY_UNSAFE = re.compile("[\\s,{}()\\\\\"#%'=@~]")
"""What would end or break an entry's key (BibTeX's own rule): written as ``-``."""
ORDER = ["title", "author", "organization", "date", "year", "url", "language", "note"]


def text(value: str) -> str:
    """A field's text as BibTeX reads it back to ``value`` (line breaks and tabs as spaces)."""
    return SPECIAL.sub(lambda m: LATEX[m[0]], BREAKS.sub(" ", value))


def url(value: str) -> str:
    """An address (a verbatim field): the characters BibTeX would read percent-encoded."""
    return "".join(URL_UNSAFE.get(c, c) for c in BREAKS.sub(" ", value))


@dataclass(frozen=True)
class Online:
    """A biblatex ``@online`` entry: what is known of a web page or an article."""

    key: str
    title: str
    authors: Sequence[str] = ()
    """Names that are not a person's: each braced whole."""
    organization: str | None = None
    date: str | None = None
    year: str | None = None
    url: str | None = None
    language: str | None = None
    note: str | None = None


def entry(online: Online) -> dict[str, str]:
    fields = {"ENTRYTYPE": "online", "ID": KEY_UNSAFE.sub("-", online.key), "title": text(online.title)}
    if online.authors:
        fields["author"] = " and ".join("{" + text(name) + "}" for name in online.authors)
    known = {
        "organization": online.organization,
        "date": online.date,
        "year": online.year,
        "language": online.language,
        "note": online.note,
    }
    for name, value in known.items():
        if value is not None:
            fields[name] = text(value)
    if online.url is not None:
        fields["url"] = url(online.url)
    return fields


def entries(items: Sequence[Online]) -> str:
    """The text of a ``.bib`` file with ``items`` in their order."""
    database = bibtexparser.bibdatabase.BibDatabase()
    database.entries = [entry(item) for item in items]
    writer = bibtexparser.bwriter.BibTexWriter()
    writer.indent = "  "
    writer.order_entries_by = None
    writer.display_order = ORDER
    return writer.write(database)
