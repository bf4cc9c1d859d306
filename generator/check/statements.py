"""Checks of a written text in every language: each sentence cited, each citation and link
resolving, and what to suggest for an id that names no entry."""

from __future__ import annotations

import difflib

from generator.check.citations import Citations
from generator.check.verbatim import line_of
from generator.model import inline
from generator.model.problems import Problems
from generator.read.entries import ENTRY_FOLDERS as FOLDER


def check_statement(path, statement, cites: Citations, keys: set, problems: Problems, cited=True) -> None:
    """Every sentence cited (when ``cited``), every citation and link resolving."""
    for lang, text in statement.text.items():
        line = statement.lines[lang]
        for sentence in inline.sentences(text) if cited else ():
            if not inline.supported(sentence) and not miscited(sentence):
                problems.add(
                    path,
                    line,
                    f"a sentence in the '{lang}' text has no citation: \"{inline.plain(sentence)[:70]}\"",
                    "end each factual sentence with a citation such as [@001#p5], or mark what no source "
                    "says as the editors' own with [@editors]",
                )
        for found, problem, fix in inline.malformed(text):
            problems.add(path, line_of(path, line, found[:20]), f'{problem}: "{found}"', fix)
        for token in inline.parse(text):
            if isinstance(token, inline.Cite):
                for ref in token.refs:
                    fixed = inline.repair_ref(ref)
                    cites.resolve(
                        path,
                        line_of(path, line, ref),
                        ref,
                        f"citation [@{ref}]",
                        f"write [@{fixed}]"
                        if fixed
                        else "cite an existing document and paragraph (make paragraphs lists them)",
                    )
            elif isinstance(token, inline.Link) and (token.kind, token.target) not in keys:
                problems.add(
                    path,
                    line_of(path, line, f"{token.kind}:{token.target}"),
                    f"link to unknown {token.kind} '{token.target}'",
                    unknown_entry(token.kind, token.target, keys),
                )


def miscited(sentence: str) -> bool:
    """True when a sentence's citation is written wrongly: that is reported, not a missing one."""
    return any("citation" in problem for _, problem, _ in inline.malformed(sentence))


def unknown_entry(kind: str, name: str, keys: set, prefix: str = "") -> str:
    """What to do about an id that names no entry: the nearest one, or where ids come from."""
    ids = sorted(i for k, i in keys if k == kind)
    close = [i for i in ids if i.startswith(f"{name}-")][:1] or difflib.get_close_matches(str(name), ids, n=1)
    where = f"use the file name of an entry in sources/{FOLDER[kind]}/"
    return f"did you mean '{prefix}{close[0]}'?" if close else where
