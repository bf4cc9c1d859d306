"""Command line: ``python -m generator {generate,check,clean}``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator import pipeline
from generator.problems import InputError, Problems
from generator.write import write


def report(problems: Problems) -> None:
    for problem in problems.errors + problems.warnings:
        print(problem, file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    parser.add_argument("--sources", type=Path, default=Path("sources"), help="input folder")
    commands = parser.add_subparsers(dest="command", required=True)
    gen = commands.add_parser("generate", help="write the Markdown pages for MkDocs")
    gen.add_argument("--out", type=Path, default=Path("docs"), help="output folder")
    commands.add_parser("check", help="validate sources/ without writing anything")
    clean = commands.add_parser("clean", help="remove the generated pages (hand-written files stay)")
    clean.add_argument("--out", type=Path, default=Path("docs"), help="output folder")
    args = parser.parse_args(argv)

    try:
        if args.command == "clean":
            print(f"clean: {write([], args.out)}")
        elif args.command == "generate":
            result, problems = pipeline.generate(args.sources, args.out)
            report(problems)
            print(f"generate: {result}")
        else:
            _, problems = pipeline.build(args.sources)
            report(problems)
            print(f"check: sources are valid ({len(problems.warnings)} warning(s))")
    except InputError as exc:
        report(exc.problems)
        count = len(exc.problems.errors)
        print(f"{count} problem{'s' if count != 1 else ''} found; nothing was written.", file=sys.stderr)
        return 1
    return 0
