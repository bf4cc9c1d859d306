"""`make new-site` starts a new explainer from the engine alone (none of this site's topic comes
along), and `make new-language` makes another language a file to translate."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.maintain.new_language import new_language
from generator.model.problems import CommandError
from generator.model.words import LOCALES
from tests.conftest import ROOT, SOURCES, make

ENGINE_FILES = [
    "generator/__main__.py",
    "generator/locales/en.yml",
    "tests/conftest.py",
    "tools/system-tools.sh",
    ".ci/run",
    ".github/workflows/site.yml",
    "Makefile",
    "mkdocs.yml",
    "pyproject.toml",
    "requirements.lock",
    "requirements-test.lock",
    "package.json",
    "package-lock.json",
    ".gitignore",
    ".pre-commit-config.yaml",
    "docs/.gitignore",
    "README.md",
    "CONTRIBUTING.md",
]
CHECKED = ["sources", "README.md", "mkdocs.yml", "Makefile", "generator", "tools", "docs"]
"""What must hold no word of this site's topic (tests/ keeps the frozen collection, and
CONTRIBUTING.md is copied as it is)."""


def strings(value: object):
    """Every text in a YAML value, however nested."""
    if isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)
    elif isinstance(value, str):
        yield value


def topic_words() -> set[str]:
    """The names of the frozen collection's actors and terms and its site's titles (this site's
    topic), less any the engine's interface words use (a language's name)."""
    names = set(strings(yaml.safe_load((SOURCES / "site.yml").read_text(encoding="utf-8"))["title"]))
    for path in [*SOURCES.glob("actors/*.yml"), *SOURCES.glob("glossary/*.yml")]:
        names |= set(strings(yaml.safe_load(path.read_text(encoding="utf-8"))["name"]))
    interface = " ".join(path.read_text(encoding="utf-8") for path in LOCALES.glob("*.yml")).lower()
    return {name for name in names if name.lower() not in interface}


def topic_found(project: Path) -> dict[str, str]:
    """Each topic word (as written: a name, not a word of code) found in the ``CHECKED`` files, HTML tags
    left out, and where."""
    pattern = re.compile("|".join(rf"(?<!\w){re.escape(w)}(?!\w)" for w in topic_words()))
    found = {}
    for name in CHECKED:
        top = project / name
        for path in [top] if top.is_file() else sorted(p for p in top.rglob("*") if p.is_file()):
            if "__pycache__" in path.parts or path.suffix in (".png", ".svg", ".woff2"):
                continue
            text = re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8", errors="replace"))
            for match in pattern.finditer(text):
                found[match[0]] = str(path.relative_to(project))
    return found


def new_site(target: Path, languages: str, *more: str) -> None:
    assert main(["new-site", str(target), "--languages", languages, *more]) == 0


@pytest.mark.parametrize("languages", ["en,id", "id,en"])
def test_new_site_has_the_engine_and_sources_without_this_sites_content(tmp_path, capsys, languages):
    target = tmp_path / "explainer"
    new_site(target, languages)
    said = capsys.readouterr().out
    for name in ENGINE_FILES:
        assert (target / name).is_file(), f"{name} is missing"
    assert not list(target.rglob("__pycache__"))
    sources = sorted(p.relative_to(target / "sources").as_posix() for p in target.rglob("sources/**/*"))
    assert sources == [
        "SHA256SUMS",
        "actors",
        "actors/.gitkeep",
        "cleaning.yml",
        "glossary",
        "glossary/.gitkeep",
        "pages",
        "pages/home.yml",
        "site.yml",
    ]
    assert yaml.safe_load((target / "sources" / "cleaning.yml").read_text())["rules"] == []
    assert (target / "sources" / "SHA256SUMS").read_text(encoding="utf-8") == ""
    site = yaml.safe_load((target / "sources" / "site.yml").read_text(encoding="utf-8"))
    assert site["languages"] == languages.split(",")
    assert site["home_page"] == "home" and set(site["title"]) == set(site["intro"]) == set(site["languages"])
    assert all("sources/site.yml" in text for text in strings([site["title"], site["description"]]))
    assert not topic_found(target)
    if "first commit" in said:  # git is installed and knows who commits: one commit, no history
        log = subprocess.run(["git", "log", "--oneline"], cwd=target, capture_output=True, text=True)
        assert len(log.stdout.splitlines()) == 1


def test_new_site_takes_the_title_and_refuses_a_folder_in_use(tmp_path, capsys):
    target = tmp_path / "explainer"
    new_site(target, "en", "--title", 'Bike "share" explained')
    assert yaml.safe_load((target / "sources" / "site.yml").read_text(encoding="utf-8"))["title"] == {
        "en": 'Bike "share" explained'
    }
    assert (target / "README.md").read_text(encoding="utf-8").startswith('# Bike "share" explained\n')
    capsys.readouterr()
    assert main(["new-site", str(target), "--languages", "en"]) == 2
    assert "is not empty -- give a new or empty folder" in capsys.readouterr().err
    assert main(["new-site", str(tmp_path / "other"), "--languages", "en,en"]) == 2
    assert "give distinct language codes" in capsys.readouterr().err
    assert not (tmp_path / "other").exists()


def run(project: Path, *args: str) -> subprocess.CompletedProcess:
    """``python -m generator ...`` of the project's own engine, with this checkout's Python."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    command = [sys.executable, "-m", "generator", *args]
    return subprocess.run(command, cwd=project, capture_output=True, text=True, check=False, env=env)


def test_the_new_site_checks_and_generates_english_first(tmp_path):
    target = tmp_path / "explainer"
    new_site(target, "en,id")
    checked = run(target, "check")
    assert checked.returncode == 0, checked.stderr
    generated = run(target, "generate")
    assert generated.returncode == 0, generated.stderr
    docs = target / "docs"
    default = {lang: json.loads((docs / f"{lang}.site.json").read_text())["default"] for lang in ("en", "id")}
    assert default == {"en": True, "id": False}
    assert (docs / "en" / "index.md").is_file() and (docs / "id" / "index.md").is_file()
    assert not topic_found(target)
    english = set(strings(yaml.safe_load((LOCALES / "en.yml").read_text(encoding="utf-8"))))
    indonesian = {
        text
        for text in strings(yaml.safe_load((LOCALES / "id.yml").read_text(encoding="utf-8")))
        if text not in english and len(text.split()) > 2 and "{" not in text
    }
    for page in (docs / "en").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        assert not [words for words in indonesian if words in text], page


def test_new_language_writes_every_english_key_as_todo_under_its_english_text(tmp_path):
    shutil.copy(LOCALES / "en.yml", tmp_path / "en.yml")
    english = yaml.safe_load((tmp_path / "en.yml").read_text(encoding="utf-8"))
    made = new_language("ms", tmp_path)
    text = made.read_text(encoding="utf-8")
    stub = yaml.safe_load(text)
    # The new language's own name comes first among the names; the other locales ask for it too.
    assert list(stub["languages"])[0] == "ms" and stub["languages"].pop("ms") == "TODO"
    assert yaml.safe_load((tmp_path / "en.yml").read_text())["languages"] == {
        **english["languages"],
        "ms": "TODO",
    }

    def same_shape(en: object, ms: object, path: str) -> None:
        if isinstance(en, dict):
            assert isinstance(ms, dict) and list(ms) == list(en), path
            for key in en:
                same_shape(en[key], ms[key], f"{path}.{key}")
        elif isinstance(en, list):
            assert ms == ["TODO"], path
        else:
            assert ms == ("" if en == "" else "TODO"), path

    same_shape(english, stub, "")
    assert "# en: Converted {count} Windows line endings (CRLF)." in text  # placeholders stay visible
    with pytest.raises(CommandError, match="already exists"):
        new_language("ms", tmp_path)
    with pytest.raises(CommandError, match="not a language code"):
        new_language("Malay", tmp_path)


def translate_as_english(path: Path) -> None:
    """Fill every TODO of a file made by new-language with the English text of its comment."""
    out, english = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        comment = line.strip()
        if comment.startswith("# en: "):
            english = [comment.removeprefix("# en: ")]
        elif comment.startswith("#     ") and english:
            english.append(comment.removeprefix("#     "))
        elif re.search(r": (TODO|\[TODO\])$", line):
            words = " ".join(english)
            value = words if line.endswith("[TODO]") else json.dumps(words, ensure_ascii=False)
            line = line[: line.rindex("[TODO]" if line.endswith("[TODO]") else "TODO")] + value
            english = []
        out.append(line)
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def add_language(sources: Path, lang: str) -> None:
    """Add ``lang`` to the site's languages, with a text for each of its placeholders."""
    for name in ("site.yml", "pages/home.yml"):
        path = sources / name
        text = path.read_text(encoding="utf-8").replace("languages: [en, id]", f"languages: [en, id, {lang}]")
        text = re.sub(r"(\n  id: .*)", rf'\1\n  {lang}: "Replace me ({lang})"', text)
        intro = rf'(intro:\n(?:  [a-z]+: .*\n)*?  {lang}: )"Replace me \({lang}\)"'
        text = re.sub(intro, rf'\1"Replace me ({lang}) [@editors]."', text)  # it cites or is marked
        path.write_text(text, encoding="utf-8")


@pytest.mark.build
def test_a_third_language_is_a_file_to_translate_and_builds_at_its_prefix(tmp_path):
    project = tmp_path / "explainer"
    new_site(project, "en,id")
    os.symlink(ROOT / ".venv", project / ".venv")
    add_language(project / "sources", "ms")
    missing = make(project, "check")
    assert missing.returncode != 0 and "Traceback" not in missing.stderr
    message = "sources/site.yml:3: no interface words for language 'ms' -- run make new-language LANG=ms"
    assert message in missing.stderr
    assert make(project, "new-language", "LANG=ms").returncode == 0
    locale = project / "generator" / "locales" / "ms.yml"
    untranslated = make(project, "check")
    assert untranslated.returncode != 0
    line = next(
        n for n, text in enumerate(locale.read_text().splitlines(), 1) if text.startswith("language_name")
    )
    assert (
        f"generator/locales/ms.yml:{line}: 'language_name' is not translated yet -- " in untranslated.stderr
    )
    assert "'slugs.source' is not translated yet" in untranslated.stderr
    english = (project / "generator" / "locales" / "en.yml").read_text(encoding="utf-8").splitlines()
    names = next(n for n, text in enumerate(english, 1) if text.startswith("languages:"))
    assert f"generator/locales/en.yml:{names}: 'languages.ms' is not translated yet" in untranslated.stderr
    translate_as_english(locale)
    for other, name in (("en", "Malay"), ("id", "bahasa Melayu")):
        path = project / "generator" / "locales" / f"{other}.yml"
        path.write_text(path.read_text(encoding="utf-8").replace("ms: TODO", f"ms: {name}"), encoding="utf-8")
    built = make(project, "check", "all")
    assert built.returncode == 0, built.stderr
    site = project / "site"
    for lang, prefix in (("en", ""), ("id", "id/"), ("ms", "ms/")):
        home = (site / prefix / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in home
        assert 'hreflang="ms"' in home and 'hreflang="id"' in home and 'hreflang="en"' in home


def test_a_locale_without_a_name_for_a_site_language_is_reported_at_its_line(tmp_path):
    """A source's original language is shown by its name in the page's language: each site
    language's locale must name every site language."""
    from generator.model.problems import Problems
    from generator.read.locales import check_locale

    problems = Problems()
    assert check_locale("en", problems, tmp_path / "site.yml", 3, ("en", "id", "xx"))
    english = (LOCALES / "en.yml").read_text(encoding="utf-8").splitlines()
    names = next(n for n, text in enumerate(english, 1) if text.startswith("languages:"))
    assert [str(p) for p in problems.errors] == [
        f"generator/locales/en.yml:{names}: no name for language 'xx' under 'languages:' "
        "-- add xx: <its name in this file's language>"
    ]
