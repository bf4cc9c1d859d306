"""Command line: ``python -m generator {generate,check,paragraphs,new,translations,clean}``, the
maintainer commands ``update-source``, ``confirm-paragraph``, ``rename-source``, ``remove-source``,
``new-site`` and ``new-language``, and ``changes`` (what a change does to the site, for reviewers)."""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from generator import pipeline
from generator.maintain import change_report, corrections, scaffold, updates
from generator.maintain.new_language import new_language
from generator.maintain.new_site import new_site
from generator.model import Site
from generator.model.problems import CommandError, InputError, Problems, display_path
from generator.publish.write import write
from generator.read import memo
from generator.read.documents import load_site
from generator.render import record


def report(problems: Problems, limit: int = 10) -> None:
    """Print errors, then warnings; a file's warnings beyond ``limit`` are counted, not listed."""
    for problem in problems.errors:
        print(problem, file=sys.stderr)
    shown: Counter = Counter()
    for problem in problems.warnings:
        shown[problem.file] += 1
        if shown[problem.file] <= limit:
            print(problem, file=sys.stderr)
    for file, count in shown.items():
        if count > limit:
            print(
                f"{file}: {count - limit} more warnings (make translations lists them all)", file=sys.stderr
            )


def translation_summary(site: Site) -> str:
    """One line per language: how many paragraphs are translated, missing, stale."""
    counts: dict[str, Counter] = {}
    for (_, lang), statuses in site.translations.items():
        counts.setdefault(lang, Counter()).update(s.state for s in statuses)
    return "\n".join(
        f"translations ({lang}): {c['done']} done, {c['missing']} missing, {c['stale']} stale"
        for lang, c in sorted(counts.items())
    )


def list_paragraphs(site: Site, prefix: str) -> str:
    """Each paragraph as ``[@<key>#p<paragraph>]`` and its text, then its translations."""
    lines = []
    resolver = site.resolver
    for doc in site.documents:
        if not doc.id.startswith(prefix):
            continue
        key = resolver.key(doc.id)
        for para in doc.paragraphs:
            lines.append(f"[@{key}#p{para.key}] {para.text}")
            for lang in site.config.languages:
                statuses = site.translations.get((doc.id, lang)) or []
                done = [s.text for s in statuses if s.paragraph is para and s.text]
                lines += [f"    {lang}: {text}" for text in done]
    if prefix and not lines:
        ids = ", ".join(doc.id for doc in site.documents)
        raise CommandError(f"no document's id starts with '{prefix}' -- give an id or key: {ids}")
    return "\n".join(lines)


def reasons(values: list[str], sources: Path) -> dict[str, str]:
    """``--reason TEXT`` (the site's default language) and ``--reason en=TEXT``, as one text."""
    problems = Problems()
    site = load_site(sources / "site.yml", problems)
    if site is None:
        raise InputError(problems)
    found = {}
    for value in values:
        lang, _, text = value.partition("=")
        if text and re.fullmatch(r"[a-z]{2,3}", lang) and lang not in site.languages:
            raise CommandError(
                f"REASON_{lang}: '{lang}' is not a language of the site -- "
                f"use one of {', '.join(site.languages)}"
            )
        if text and lang in site.languages:
            found[lang] = text.strip()
        elif value.strip():
            found[site.default_language] = value.strip()
    return found


MAINTENANCE = {
    "update-source": lambda a: updates.update_source(
        a.sources, a.document, a.file, reasons(a.reason, a.sources), a.date
    ),
    "confirm-paragraph": lambda a: corrections.confirm_paragraphs(a.sources, a.document, a.paragraphs),
    "rename-source": lambda a: updates.rename_source(a.sources, a.document, a.new_id, a.date),
    "remove-source": lambda a: updates.remove_source(
        a.sources, a.document, reasons(a.reason, a.sources), a.date
    ),
}


def drafts(sources: Path) -> set[Path]:
    """The update records in ``sources/updates/`` (a maintenance command may write a draft)."""
    return set((sources / "updates").glob("*.yml"))


def follow_up(sources: Path, drafted: set[Path] | None = None) -> int:
    """After a maintenance command: check the collection and say what must follow. What is
    missing in a draft the command has just written (``drafted``: its note) is reported with the
    rest, but it is the step the command asked for next, not a failure of the command."""
    try:
        site, problems = pipeline.build(sources)
    except InputError as exc:
        report(exc.problems)
        written = {display_path(path) for path in drafted or ()}
        others = [p for p in exc.problems.errors if p.file not in written]
        if not others:
            return 0
        count = len(others)
        print(
            f"{count} problem{'s' if count != 1 else ''} must be fixed before the site builds "
            "(make check lists them again).",
            file=sys.stderr,
        )
        return 1
    report(problems)
    print(translation_summary(site))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    parser.add_argument("--sources", type=Path, default=Path("sources"), help="input folder")
    commands = parser.add_subparsers(dest="command", required=True)
    gen = commands.add_parser("generate", help="write the Markdown pages for MkDocs")
    gen.add_argument("--out", type=Path, default=Path("docs"), help="output folder")
    gen.add_argument("--stamp", type=Path, help="touch this file when any page was written or removed")
    commands.add_parser("check", help="validate sources/ without writing anything")
    para = commands.add_parser("paragraphs", help="print every paragraph with its citation key")
    para.add_argument("document", nargs="?", default="", help="only documents whose id starts so")
    new = commands.add_parser("new", help="start a source, term or actor with TODO markers")
    new.add_argument("kind", choices=["source", "term", "actor"])
    new.add_argument("name", help="the article's text file (source) or the new id (term, actor)")
    new.add_argument("--language", help="a source's own language (default: the site's default)")
    new.add_argument("--date", type=date.fromisoformat, default=date.today(), help=argparse.SUPPRESS)
    update = commands.add_parser("update-source", help="replace a source with a corrected version")
    update.add_argument("document", help="the document's id or key")
    update.add_argument("--file", type=Path, help="the corrected text (default: the file as it now is)")
    update.add_argument("--reason", action="append", default=[], help="why: TEXT, or LANG=TEXT per language")
    update.add_argument("--date", type=date.fromisoformat, default=date.today(), help=argparse.SUPPRESS)
    confirm = commands.add_parser("confirm-paragraph", help="confirm what cites a changed paragraph")
    confirm.add_argument("document", help="the document's id or key")
    confirm.add_argument("paragraphs", nargs="+", help="paragraph keys, or 'all'")
    rename = commands.add_parser("rename-source", help="give a source a new id; citations follow it")
    rename.add_argument("document", help="the document's id or key")
    rename.add_argument("new_id")
    rename.add_argument("--date", type=date.fromisoformat, default=date.today(), help=argparse.SUPPRESS)
    remove = commands.add_parser("remove-source", help="take a source out; a notice stays at its address")
    remove.add_argument("document", help="the document's id or key")
    remove.add_argument("--reason", action="append", default=[], help="why: TEXT, or LANG=TEXT per language")
    remove.add_argument("--date", type=date.fromisoformat, default=date.today(), help=argparse.SUPPRESS)
    translations = commands.add_parser("translations", help="list missing and stale translations")
    translations.add_argument("--update", action="store_true", help="add TODO entries for missing ones")
    clean = commands.add_parser("clean", help="remove the generated pages (hand-written files stay)")
    clean.add_argument("--out", type=Path, default=Path("docs"), help="output folder")
    compare = commands.add_parser("changes", help="what the working tree changes on the site, as Markdown")
    compare.add_argument("--base", default="", help="the git ref to compare with, e.g. origin/main")
    starter = commands.add_parser("new-site", help="start a new explainer project in an empty folder")
    starter.add_argument("folder", type=Path)
    starter.add_argument("--languages", default="en", help="language codes, the default first: en,id")
    starter.add_argument("--title", default="", help="the site's title (the same in every language)")
    language = commands.add_parser("new-language", help="write generator/locales/<lang>.yml to translate")
    language.add_argument("lang", help="the language's two- or three-letter code")
    args = parser.parse_args(argv)

    try:
        if args.command in MAINTENANCE:
            before = drafts(args.sources)
            print("\n".join(MAINTENANCE[args.command](args)))
            return follow_up(args.sources, drafts(args.sources) - before)
        if args.command == "new-site":
            languages = [code.strip() for code in args.languages.split(",") if code.strip()]
            print("\n".join(new_site(args.folder, languages, args.title.strip())))
            print(f"next: cd {args.folder} && make")
        elif args.command == "new-language":
            print(
                f"created: {display_path(new_language(args.lang))}\n"
                f"translate every TODO in it, add {args.lang} to languages: in sources/site.yml, "
                "then run: make check"
            )
        elif args.command == "new":
            if args.kind == "source":
                *made, drafted = updates.new_source(args.sources, Path(args.name), args.language, args.date)
            else:
                made, drafted = [scaffold.new_entry(args.sources, args.kind, args.name)], None
            print("created: " + ", ".join(map(str, made)) + "\nfill in every TODO, then run: make check")
            if drafted:
                print("\n".join(updates.told(args.sources, drafted)))
        elif args.command == "translations":
            if args.update:
                for path in scaffold.update_translations(args.sources):
                    print(f"added TODO entries to {path}")
            site, problems = pipeline.build(args.sources, with_entries=False)
            report(Problems(p for p in problems if "translation" in p.message), limit=sys.maxsize)
            print(translation_summary(site))
        elif args.command == "clean":
            print(f"clean: {write([], args.out)}")
            for kept in (record.NAME, memo.NAME):
                (args.out / kept).unlink(missing_ok=True)
        elif args.command == "changes":
            print(change_report.report(args.sources, args.base), end="")
        elif args.command == "paragraphs":
            site, _ = pipeline.build(args.sources, with_entries=False)
            print(list_paragraphs(site, args.document))
        elif args.command == "generate":
            result, problems = pipeline.generate(args.sources, args.out)
            report(problems)
            print(f"generate: {result}")
            if args.stamp and (result.changed or not args.stamp.exists()):
                args.stamp.parent.mkdir(parents=True, exist_ok=True)
                args.stamp.touch()
        else:
            site, problems = pipeline.build(args.sources)
            report(problems)
            print(f"check: sources are valid ({len(problems.warnings)} warning(s))")
            print(translation_summary(site))
    except BrokenPipeError:  # the output was piped into a command that stopped reading
        sys.stderr.close()
        return 0
    except CommandError as exc:
        print(exc, file=sys.stderr)
        return 2
    except InputError as exc:
        report(exc.problems)
        count = len(exc.problems.errors)
        print(f"{count} problem{'s' if count != 1 else ''} found; nothing was written.", file=sys.stderr)
        return 1
    except OSError as exc:
        print(
            f"{exc.filename or ''}: {exc.strerror or exc} -- check the path and its permissions",
            file=sys.stderr,
        )
        return 1
    except Exception as exc:
        if os.environ.get("GENERATOR_DEBUG"):
            raise
        print(
            f"internal error: {type(exc).__name__}: {exc} -- this is a bug in the generator, not in "
            "your files; rerun with GENERATOR_DEBUG=1 for details and report it",
            file=sys.stderr,
        )
        return 3
    return 0
