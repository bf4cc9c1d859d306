"""What a change to ``sources/`` does to the site, as Markdown for a pull request's reviewer.

``python -m generator changes --base REF`` builds ``sources/`` as it is in the git ref ``REF`` and
as it is in the working tree, renders both, and reports the pages added, removed and changed, the
citations and quotes added, removed and changed, the translations now missing or stale, and the
problems that are new.
"""

from __future__ import annotations

import dataclasses
import html
import io
import re
import tarfile
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from generator import pipeline
from generator.link.resolve import Resolver, page_statements, refs_in, statements
from generator.model.problems import CommandError, InputError, Problem
from generator.model.site import Site, Statement
from generator.read.git import GitMissing
from generator.read.git import run as run_git
from generator.render.core import front_title, render
from generator.render.markdown_text import escape

SHORT = 160
"""Characters of a paragraph or quote shown in the report."""
QUOTE_MARKS = "\"'“”‘’"


@dataclass
class Side:
    """One version of the collection: its site (None when it does not build), its Markdown pages
    by path, and its problems, with every file named relative to the repository's root."""

    folder: Path
    prefix: Path
    site: Site | None = None
    pages: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def where(self, path: Path | str) -> str:
        """A file of this version as the repository names it (``sources/glossary/umkm.yml``)."""
        try:
            inner = Path(path).resolve().relative_to(self.folder.resolve())
        except ValueError:
            return str(path)
        return (self.prefix / inner).as_posix()

    @cached_property
    def resolver(self) -> Resolver:
        return Resolver(self.site.documents)

    def canonical(self, ref: str) -> str:
        """``001_9325e6259af9a897#p5`` for ``001#p5``: one name per cited paragraph."""
        doc, para = self.resolver.resolve(ref)
        return f"{doc.id}#p{para.key}" if para else doc.id

    def paragraph(self, ref: str, near: str = "") -> str:
        """``[@001#p5] “Paragraph text …”``, in the paragraph's own language (around ``near``)."""
        doc, para = self.resolver.resolve(ref)
        if para is None:
            return f"`[@{self.resolver.key(doc)}]` the document's own data (publisher, author, date)"
        return f"`[@{self.resolver.key(doc)}#p{para.key}]` {said(para.text, near)}"


@dataclass(frozen=True)
class Quoted:
    """A verbatim quote (of an entry, or the words that give a figure) and what it cites."""

    source: str
    who: str
    text: str
    translation: tuple[tuple[str, str], ...]


def git(root: Path, *args: str, problem: str, fix: str) -> bytes:
    """Run git in ``root``; a failure is a :class:`CommandError` saying ``problem -- fix``."""
    try:
        done = run_git(root, *args)
    except GitMissing:
        raise CommandError("git is not installed -- install git to compare with a git ref") from None
    if done.returncode:
        detail = done.stderr.decode(errors="replace").strip().splitlines()
        raise CommandError(f"{problem}{f' ({detail[-1]})' if detail else ''} -- {fix}")
    return done.stdout


def checkout(sources: Path) -> tuple[Path, Path]:
    """The root of the git checkout holding ``sources``, and the path of ``sources`` inside it."""
    if not sources.is_dir():
        raise CommandError(f"{sources}: no such folder -- run from the project's root or pass --sources")
    root, prefix = (
        git(
            sources,
            "rev-parse",
            "--show-toplevel",
            "--show-prefix",
            problem=f"{sources} is not in a git checkout",
            fix="run the command in a clone of the project's repository",
        )
        .decode()
        .split("\n")[:2]
    )
    return Path(root), Path(prefix or ".")


def extract(root: Path, base: str, prefix: Path, target: Path) -> Path:
    """Write the sources of ``base`` into ``target``; return their folder there."""
    commit = (
        git(
            root,
            "rev-parse",
            "--verify",
            "--quiet",
            "--end-of-options",
            f"{base}^{{commit}}",
            problem=f"'{base}' is not a commit, branch or tag of this repository",
            fix="name an existing ref (git fetch origin brings the remote branches, e.g. origin/main)",
        )
        .decode()
        .strip()
    )
    archive = git(
        root,
        "archive",
        "--format=tar",
        commit,
        "--",
        prefix.as_posix(),
        problem=f"{base} has no {prefix.as_posix()}/ folder",
        fix="compare with a ref that has one",
    )
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")
    return target / prefix


def build(folder: Path, prefix: Path) -> Side:
    """Build and render one version; of a version that does not build only its problems remain."""
    side = Side(folder, prefix)
    try:
        side.site, problems = pipeline.build(folder)
    except InputError as exc:
        problems = exc.problems
    else:
        side.pages = {p.path: p for p in render(side.site, parallel=False) if p.path.endswith(".md")}
    shown, inside = f"{folder.absolute()}/", "" if prefix == Path(".") else f"{prefix.as_posix()}/"
    side.problems = [
        dataclasses.replace(
            p,
            file=side.where(p.file),
            message=p.message.replace(shown, inside),
            hint=p.hint.replace(shown, inside),
        )
        for p in problems
    ]
    return side


def shorten(text: str, near: str = "") -> str:
    """``text`` on one line, cut at whole words to about ``SHORT`` characters; when it holds the
    first words of ``near`` (a quote in its paragraph), from a few words before them."""
    text = " ".join(text.split())
    at = text.find(" ".join(near.strip(QUOTE_MARKS).split()[:4]))
    if at > SHORT // 2:
        text = "… " + text[text.find(" ", at - SHORT // 4) + 1 :]
    return text if len(text) <= SHORT else text[:SHORT].rsplit(" ", 1)[0] + " …"


def said(text: str, near: str = "") -> str:
    """In quotation marks (instead of its own), shortened around ``near``, inert in Markdown."""
    text = text.strip()
    if len(text) > 1 and text[0] in QUOTE_MARKS and text[-1] in QUOTE_MARKS:
        text = text[1:-1]
    return f"“{escape(shorten(text, near))}”"


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def title(content: str) -> str:
    """The ``title`` of a page's front matter, as the reader sees it."""
    return html.unescape(front_title(content))


def page_changes(old: Side, new: Side) -> list[tuple[str, str, str, str]]:
    """``(change, language, path, title)`` of each page added, removed or changed; a page's
    languages side by side."""
    languages = new.site.config.languages

    def order(path: str) -> tuple[str, int]:
        page = new.pages.get(path) or old.pages[path]
        return page.group, languages.index(path.split("/", 1)[0])

    rows = []
    for path in sorted(old.pages.keys() | new.pages.keys(), key=order):
        before, after = old.pages.get(path), new.pages.get(path)
        if getattr(before, "content", None) != getattr(after, "content", None):
            change = "added" if before is None else "removed" if after is None else "changed"
            rows.append((change, path.split("/", 1)[0], path, title((after or before).content)))
    return rows


Citation = tuple[str, str]
"""``(paragraph, note)``: a paragraph cited in a text (no note) or as a relation's source."""


def cited(side: Side, texts: list[Statement]) -> Counter[Citation]:
    """How often ``texts`` cite each paragraph; a text cites in every language, counted once."""
    counts: Counter[Citation] = Counter()
    for lang in side.site.config.languages:
        refs = (ref for text in texts for ref in refs_in(text.text.get(lang, "")))
        counts |= Counter((side.canonical(ref), "") for ref in refs)
    return counts


def citations(side: Side) -> dict[str, Counter[Citation]]:
    """Per entry or story-page file: the paragraphs it cites and how often."""
    found = {}
    for entry in side.site.entries:
        found[side.where(entry.path)] = cited(side, list(statements(entry))) + Counter(
            (side.canonical(r.cite), f"relation: {r.type} {':'.join(r.target)}") for r in entry.relations
        )
    for page in side.site.pages:
        found[side.where(page.path)] = cited(side, page_statements(page))
    return found


def paragraph_order(citation: Citation) -> tuple:
    """``001#p2`` before ``001#p10``."""
    doc, _, key = citation[0].partition("#p")
    number = re.match(r"\d*", key)[0]
    return doc, int(number or 0), key, citation[1]


def citation_lines(old: Side, new: Side) -> tuple[list[str], int, int]:
    """Markdown lines of the citations added and removed per file, and how many of each."""
    before, after = citations(old), citations(new)
    lines, added, removed = [], 0, 0
    for file in sorted(before.keys() | after.keys()):
        plus = after.get(file, Counter()) - before.get(file, Counter())
        minus = before.get(file, Counter()) - after.get(file, Counter())
        lines += [f"- `{file}`"] if plus or minus else []
        for change, counts, side in (("added", plus, new), ("removed", minus, old)):
            for (ref, note), count in sorted(counts.items(), key=lambda item: paragraph_order(item[0])):
                times = f" ({count}×)" if count > 1 else ""
                lines.append(
                    f"  - {change}{times}{f' ({escape(note)})' if note else ''}: {side.paragraph(ref)}"
                )
        added, removed = added + plus.total(), removed + minus.total()
    return lines, added, removed


def quotes(side: Side) -> dict[str, set[Quoted]]:
    """Per entry or story-page file: its quotes, and the words that give its figures."""
    found = {}
    for entry in side.site.entries:
        found[side.where(entry.path)] = {
            Quoted(
                side.canonical(q.source),
                q.speaker or "",
                " ".join(q.text.split()),
                tuple(sorted((lang, " ".join(text.split())) for lang, text in q.translation.items())),
            )
            for q in entry.quotes
        }
    for page in side.site.pages:
        found[side.where(page.path)] = {
            Quoted(side.canonical(f.source), f"figure {f.id}", " ".join(f.quote.split()), ())
            for f in page.figures
        }
    return found


def quote_text(quote: Quoted) -> str:
    """``speaker: “words”; en: “translation”``."""
    translations = "".join(f"; {lang}: {said(text)}" for lang, text in quote.translation)
    return f"{escape(quote.who or 'no speaker')}: {said(quote.text)}{translations}"


def quote_change(before: Quoted, after: Quoted) -> str:
    """``speaker, en: “words before” → “words after”``, for each language whose words changed."""
    was, now = dict(before.translation, **{"": before.text}), dict(after.translation, **{"": after.text})
    parts = [
        f"{f'{lang}: ' if lang else ''}{said(was.get(lang, ''))} → {said(now.get(lang, ''))}"
        for lang in sorted(was.keys() | now.keys())
        if was.get(lang) != now.get(lang)
    ]
    return f"{escape(after.who or 'no speaker')}, {'; '.join(parts)}"


def quote_lines(old: Side, new: Side) -> tuple[list[str], Counter]:
    """Markdown lines of the quotes added, removed and changed per file, and how many of each.

    A quote removed and one added in the same file, citing the same paragraph for the same
    speaker (or figure), count as one quote changed."""
    before, after = quotes(old), quotes(new)
    lines, counts = [], Counter()
    for file in sorted(before.keys() | after.keys()):
        gone = sorted(before.get(file, set()) - after.get(file, set()), key=str)
        came = sorted(after.get(file, set()) - before.get(file, set()), key=str)
        items = []
        for quote in gone:
            match = next((q for q in came if (q.source, q.who) == (quote.source, quote.who)), None)
            if match is None:
                items.append(("removed", quote_text(quote), old.paragraph(quote.source, quote.text)))
            else:
                came.remove(match)
                items.append(("changed", quote_change(quote, match), new.paragraph(match.source, match.text)))
        items += [("added", quote_text(q), new.paragraph(q.source, q.text)) for q in came]
        lines += [f"- `{file}`"] if items else []
        for change, text, source in items:
            lines.append(f"  - {change}: {text}; from {source}")
            counts[change] += 1
    return lines, counts


def translation_lines(old: Side, new: Side) -> tuple[list[str], Counter]:
    """Markdown lines of the translations now missing or stale per translation file, and how many."""
    earlier = {
        (doc_id, lang, status.paragraph.key): status.state
        for (doc_id, lang), statuses in old.site.translations.items()
        for status in statuses
    }
    lines, counts = [], Counter()
    for (doc_id, lang), statuses in sorted(new.site.translations.items()):
        gaps = [
            s
            for s in statuses
            if s.state != "done" and earlier.get((doc_id, lang, s.paragraph.key)) != s.state
        ]
        if not gaps:
            continue
        raw = new.site.document(doc_id).raw
        lines.append(
            f"- `{new.where(raw.translation_paths.get(lang, raw.path.with_suffix(f'.{lang}.yml')))}`"
        )
        for status in gaps:
            lines.append(f"  - {status.state}: {new.paragraph(f'{doc_id}#p{status.paragraph.key}')}")
            counts[status.state] += 1
    return lines, counts


def new_problems(old: Side, new: Side) -> list[str]:
    """Markdown lines of the problems ``new`` has and ``old`` has not (on whatever line)."""
    known = {(p.file, p.message, p.hint, p.warning) for p in old.problems}
    fresh = [p for p in sorted(new.problems) if (p.file, p.message, p.hint, p.warning) not in known]
    return [problem_line(p) for p in fresh]


def problem_line(problem: Problem) -> str:
    """``- `file:line`: what is wrong -- how to fix it``."""
    where = f"{problem.file}:{problem.line}"
    return f"- `{where}`: {escape(str(problem).removeprefix(f'{where}: '))}"


def section(heading: str, lines: list[str]) -> list[str]:
    return [f"### {heading}", "", *(lines or ["None."]), ""]


def page_table(rows: list[tuple[str, str, str, str]]) -> list[str]:
    if not rows:
        return []
    head = ["| change | language | page | title |", "| --- | --- | --- | --- |"]
    return head + [f"| {change} | {lang} | `{path}` | {escape(name)} |" for change, lang, path, name in rows]


def compose(base: str, old: Side, new: Side) -> list[str]:
    """The report's lines: a one-line summary, then each kind of change."""
    if new.site is None:
        errors = [p for p in new.problems if not p.warning]
        return [
            f"**The change does not build: {plural(len(errors), 'error')}.** Pages, citations, quotes "
            "and translations are compared once it builds.",
            "",
            *map(problem_line, errors),
        ]
    fresh = new_problems(old, new)
    if old.site is None:
        summary = (
            f"`{base}` does not build, so only problems are compared: {plural(len(fresh), 'new problem')}"
        )
        return [f"**{summary}.**", "", *section("New problems", fresh)]
    pages = page_changes(old, new)
    cites, added, removed = citation_lines(old, new)
    quoted, quote_counts = quote_lines(old, new)
    gaps, gap_counts = translation_lines(old, new)
    kinds = Counter(change for change, *_ in pages)
    summary = [
        f"{plural(kinds['changed'], 'page')} changed, {kinds['added']} added, {kinds['removed']} removed",
        f"{plural(added, 'citation')} added, {removed} removed",
        f"{plural(quote_counts['added'], 'quote')} added, {quote_counts['removed']} removed, "
        f"{quote_counts['changed']} changed",
        f"{plural(gap_counts['missing'], 'translation')} now missing, {gap_counts['stale']} now stale",
        plural(len(fresh), "new problem"),
    ]
    return [
        f"**{'; '.join(summary)}.**",
        "",
        *section("Pages added, removed or changed", page_table(pages)),
        *section("Citations added or removed", cites),
        *section("Quotes added, removed or changed", quoted),
        *section("Translations now missing or stale", gaps),
        *section("New problems", fresh),
    ]


def report(sources: Path, base: str) -> str:
    """What the working tree's ``sources`` change on the site against the git ref ``base``, as Markdown."""
    if not base:
        raise CommandError("no base given -- name the git ref to compare with: --base origin/main")
    root, prefix = checkout(sources)
    with tempfile.TemporaryDirectory() as tmp:
        old = build(extract(root, base, prefix, Path(tmp)), prefix)
        new = build(sources, prefix)
        lines = compose(base, old, new)
    heading = f"## What this change does to the site (against `{base}`)"
    return "\n".join([heading, "", *lines]).rstrip("\n") + "\n"
