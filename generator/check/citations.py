"""Resolve the citations of ``sources/`` for the checks, reporting each problem where it belongs.

A key that names no document, or several, is one message for all the citations that use it. A
citation of a paragraph whose words a correction changed is reported at its own line, with the
old and the new wording, until someone confirms that it still holds (``make confirm-paragraph``)
or cites another paragraph.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Set
from pathlib import Path

from generator.model import Cited, Document, Paragraph, Resolver, Unresolved
from generator.model.problems import Problems, display_path
from generator.read.records import RECORD_SUFFIX

CONTEXT = 4
"""Words shown either side of a change."""


def word_changes(before: str | None, after: str) -> str:
    """``was "… 15 detik …", now "… 20 detik …"``: only the words that changed, with context."""
    if before is None:
        return "its earlier wording was not recorded"
    old, new = before.split(), after.split()
    parts = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        a, b = max(i1 - CONTEXT, 0), max(j1 - CONTEXT, 0)
        was = " ".join(old[a : i2 + CONTEXT]) or "(nothing)"
        now = " ".join(new[b : j2 + CONTEXT]) or "(nothing)"
        parts.append(f'was "…{was}…", now "…{now}…"')
    return "; ".join(parts) or "only its spacing changed"


class Citations:
    """Resolves citations for the checks and reports what is wrong with them."""

    def __init__(self, resolver: Resolver, problems: Problems, unlisted: Set[str] = frozenset()) -> None:
        self.resolver, self.problems = resolver, problems
        self.unlisted = unlisted
        """Ids not in SHA256SUMS: the likely newcomers when two documents share a key."""
        self.bad_names: dict[str, list[tuple[Path, int]]] = defaultdict(list)

    def resolve(self, path: Path, line: int, ref: str, label: str, hint: str) -> Cited | None:
        """The document and paragraph ``ref`` names, or None after reporting why not.

        ``label`` introduces the citation in messages (``citation [@001#p5]``)."""
        result = self.resolver.resolve(ref)
        if isinstance(result, Unresolved):
            if result.name is not None:
                self.bad_names[result.name].append((path, line))
            else:
                self.problems.add(path, line, f"{label}: {result.message}", hint)
            return None
        if result is not None and result.paragraph is not None:
            self.check_review(path, line, label, result.document, result.paragraph)
        return result

    def check_review(self, path: Path, line: int, label: str, doc: Document, para: Paragraph) -> None:
        pending = doc.record.pending(para.key) if doc.record else None
        if pending is None:
            return
        correction, change = pending
        self.problems.add(
            path,
            line,
            f"{label} rests on paragraph {para.key} of {doc.id}, whose words changed in the correction "
            f"of {correction.date}: {word_changes(change.before, para.text)}",
            f"if it still holds, run make confirm-paragraph ID={doc.id} PARAGRAPH={para.key}; "
            "otherwise correct it or cite another paragraph",
        )

    def finish(self) -> None:
        """Report each wrong document key once, with the citations that use it."""
        ambiguous = self.resolver.ambiguous()
        for name in sorted(set(self.bad_names) | set(ambiguous)):
            sites = self.bad_names.get(name, [])
            used = self._sites(sites)
            if name in ambiguous:
                ids = ambiguous[name]
                newcomer = self.newcomer(ids)
                files = ", ".join(f"{i}.txt" for i in ids)
                self.problems.add(
                    self.resolver.path(newcomer),
                    1,
                    f"the citation key '{name}' names {len(ids)} documents ({files}){used}",
                    f"give each document a key of its own: make rename-source ID={newcomer} TO=<new id> "
                    "(a key is the id up to the first '_' or '-'), or cite by the full id",
                )
            else:
                path, line = min(sites, key=lambda site: (display_path(site[0]), site[1]))
                self.problems.add(
                    path,
                    line,
                    f"the citation key '{name}' names no document in sources/{used}",
                    self.resolver.hint(name),
                )

    def newcomer(self, ids: list[str]) -> str:
        """Of documents sharing a key, the likely new one: not in SHA256SUMS, else untranslated,
        else the most recently changed file."""
        path = self.resolver.path

        def age(doc_id: str) -> tuple:
            files = path(doc_id).parent.glob(f"{doc_id}.*.yml")
            translated = any(not p.name.endswith(RECORD_SUFFIX) for p in files)
            mtime = path(doc_id).stat().st_mtime if path(doc_id).exists() else 0
            return (doc_id not in self.unlisted, translated, -mtime)

        return min(ids, key=age)

    @staticmethod
    def _sites(sites: list[tuple[Path, int]]) -> str:
        """``; 3 citations use it: a.yml:4, b.yml:9`` (the first line in each file)."""
        if not sites:
            return ""
        first: dict[str, int] = {}
        for path, line in sorted(sites, key=lambda site: (display_path(site[0]), site[1])):
            first.setdefault(display_path(path), line)
        count = f"{len(sites)} citation{'s use' if len(sites) != 1 else ' uses'} it"
        return f"; {count}: " + ", ".join(f"{path}:{line}" for path, line in first.items())
