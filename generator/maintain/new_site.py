"""``make new-site DIR=<dir> LANGUAGES=en,id [TITLE=...]``: a new explainer project with this
engine, its build files, CI and tests, and a ``sources/`` holding only a ``site.yml`` for those
languages and a home page: none of this site's documents, entries, rules, records or history."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from generator.maintain.new_language import CODE, new_language
from generator.model.problems import CommandError

ROOT = Path(__file__).resolve().parent.parent.parent
"""The project this engine belongs to: what is copied comes from here."""
ENGINE = [
    "generator",
    "tests",
    "tools",
    ".ci",
    ".github",
    "Makefile",
    "mkdocs.yml",
    "pyproject.toml",
    "requirements.lock",
    "requirements-test.lock",
    "package.json",
    "package-lock.json",
    ".gitignore",
    ".pre-commit-config.yaml",
    "CONTRIBUTING.md",
    "docs/.gitignore",
]
LEFT_OUT = shutil.ignore_patterns("__pycache__", "*.pyc", ".pytest_cache", ".mypy_cache", ".ruff_cache")
HOME = "home"

SITE_YML = """\
# The site's own words. Languages: the first is the default (served at /), the others at /<code>/.
# Replace the placeholders below with this site's own words, in every language.
languages: [{languages}]
title:
{title}
description:
{description}
intro:
{intro}
home_page: {home}
"""
DESCRIPTION = "Replace this description in sources/site.yml: one or two sentences on what this site explains."
INTRO = (
    "Replace this introduction in sources/site.yml: what this site explains, for whom, and which source "
    "documents it is drawn from [@editors]. End each sentence with its citation, or with [@editors] "
    "when it is the editors' own [@editors]."
)
HOME_YML = """\
# The home page's story (site.yml: home_page: {home}). Write what happened, in plain language, every
# factual sentence ending with its citation ([@<document>#p<paragraph>]), or with [@editors] when no
# source says it (the editors' own words, shown as such); see CONTRIBUTING.md.
layout: article
order: 1
title:
{title}
description:
{description}
sections: []
"""
CLEANING_YML = """\
# Site furniture that scrapers carry along with an article. A paragraph that a rule matches is
# removed before the paragraphs are numbered, and each source page says what was removed, by which
# rule. When a new article brings furniture of its own, add a rule here (no code needed), run
# `make check`, then look at the source pages (`make serve`): each lists what the rules removed.
#
#   - id:       a name for the rule (a-z, 0-9, '-')
#     where:    end (only paragraphs at the end of the text) or anywhere
#     label:    what it removes, in each language, as the source page names it
#     patterns: regular expressions (Python syntax, case-insensitive) searched in each paragraph
#
# A paragraph longer than max_length characters is never removed: it is text, not furniture.
max_length: 400
rules: []
"""
KEEP = "# Kept so that git keeps this folder: {what} go here, one YAML file each (see CONTRIBUTING.md).\n"
README = """\
# {title}

An explainer site built from source documents: every statement about what the sources say points to
the source paragraph it comes from, in {names}. It was started with `make new-site` from an
explainer generator: the engine is in `generator/`, this site's own words are in `sources/`.

- `make` sets up `.venv`, generates `docs/` from `sources/` and builds `site/` (`{first}` at `/`,
  the other languages at `/<code>/`); `make serve` previews it at http://127.0.0.1:8000/.
- `make check` validates `sources/` without building; `make test` runs the engine's tests.
- `make help` lists every command.

Where to go next: replace the placeholders in `sources/site.yml` and `sources/pages/{home}.yml`, add
a first source with `make new-source FILE=article.txt`, and read CONTRIBUTING.md. Another language:
`make new-language LANG=xx`, then add it to `languages:` in `sources/site.yml`. Another explainer:
`make new-site DIR=../another LANGUAGES=en,id`.
"""


def new_site(target: Path, languages: list[str], title: str = "") -> list[str]:
    """Create the project in ``target`` (new or empty); return what was done, one line each."""
    if not languages or len(set(languages)) != len(languages) or not all(map(CODE.fullmatch, languages)):
        raise CommandError(
            f"LANGUAGES={','.join(languages)} -- give distinct language codes, the default first, e.g. en,id"
        )
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise CommandError(f"{target} is not empty -- give a new or empty folder, e.g. DIR=../my-explainer")
    target.mkdir(parents=True, exist_ok=True)
    for name in ENGINE:
        source, copy = ROOT / name, target / name
        if source.is_dir():
            shutil.copytree(source, copy, ignore=LEFT_OUT)
        elif source.is_file():
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy)
    done = [f"created {target}: the engine, build files, CI and tests"]
    for lang in languages:
        if not (target / "generator" / "locales" / f"{lang}.yml").exists():
            made = new_language(lang, target / "generator" / "locales").relative_to(target)
            done.append(f"created {made}: translate every TODO in it (make check lists them)")
    write_sources(target / "sources", languages, title)
    names = ", ".join(languages)
    readme = README.format(title=title or "A new explainer", names=names, first=languages[0], home=HOME)
    (target / "README.md").write_text(readme, encoding="utf-8")
    done.append(f"created sources/ for {names}: replace the placeholders in sources/site.yml")
    return done + [commit(target)]


def write_sources(sources: Path, languages: list[str], title: str) -> None:
    """``site.yml``, an empty ``SHA256SUMS``, cleaning rules without a rule, the home page, and
    the (empty) folders of the glossary and the actors."""
    (sources / "pages").mkdir(parents=True)
    (sources / "cleaning.yml").write_text(CLEANING_YML, encoding="utf-8")
    for folder, what in (("glossary", "glossary terms"), ("actors", "actor profiles")):
        (sources / folder).mkdir()
        (sources / folder / ".gitkeep").write_text(KEEP.format(what=what), encoding="utf-8")

    def each(text: str) -> str:
        return "\n".join(f"  {lang}: {json.dumps(text, ensure_ascii=False)}" for lang in languages)

    site = SITE_YML.format(
        languages=", ".join(languages),
        title=each(title or "New explainer (replace this title in sources/site.yml)"),
        description=each(DESCRIPTION),
        intro=each(INTRO),
        home=HOME,
    )
    (sources / "site.yml").write_text(site, encoding="utf-8")
    (sources / "SHA256SUMS").write_text("", encoding="utf-8")
    home = HOME_YML.format(
        home=HOME,
        title=each("Replace this heading in sources/pages/home.yml"),
        description=each("Replace this description of the home page in sources/pages/home.yml."),
    )
    (sources / "pages" / f"{HOME}.yml").write_text(home, encoding="utf-8")


def commit(target: Path) -> str:
    """``git init`` and a first commit, when git is installed and knows who commits."""
    if shutil.which("git") is None:
        return "git is not installed: no repository was made"

    def git(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(["git", *args], cwd=target, capture_output=True, text=True, check=False)

    if git("init", "-q", "-b", "main").returncode != 0 and git("init", "-q").returncode != 0:
        return "git init failed: no repository was made"
    git("add", "-A")
    made = git("commit", "-q", "-m", "A new explainer, started with make new-site")
    if made.returncode != 0:
        return "git repository made, nothing committed: set git's user.name and user.email, then commit"
    return "git repository made, with a first commit"
