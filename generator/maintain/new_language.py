"""``make new-language LANG=xx``: ``generator/locales/xx.yml`` with every key of ``en.yml``, each
word ``TODO`` under a comment holding the English text; ``make check`` lists what is still TODO."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import yaml

from generator.model.problems import CommandError
from generator.model.words import LOCALES
from generator.read.yaml_lines import YamlDoc, parse_yaml

CODE = re.compile(r"[a-z]{2,3}")
WIDTH = 110


def new_language(lang: str, locales: Path = LOCALES) -> Path:
    """Write ``<locales>/<lang>.yml`` from ``<locales>/en.yml``; refuse one that exists."""
    if not CODE.fullmatch(lang):
        raise CommandError(
            f"'{lang}' is not a language code -- give its two- or three-letter code, e.g. LANG=fr"
        )
    target = locales / f"{lang}.yml"
    if target.exists():
        raise CommandError(
            f"{target} already exists -- translate what is still TODO in it (make check lists it)"
        )
    english = (locales / "en.yml").read_text(encoding="utf-8")
    header = [
        f"# Interface words of the generated pages in '{lang}' (no topic words here), made by",
        f"# `make new-language LANG={lang}` from en.yml. Replace every TODO with the text in this language;",
        "# the English text is in the comment above it (keep {placeholders} as they are). A list is",
        "# written whole, e.g. the twelve month names. `make check` lists every word still TODO.",
    ]
    body = Stubs(parse_yaml(english), english.splitlines())
    body.mapping(body.doc.data, (), 0)
    out = body.out
    names = next(i for i, line in enumerate(out) if line.startswith("languages:"))
    out[names + 1 : names + 1] = [f"  # en: the name of '{lang}' in this language", f"  {lang}: TODO"]
    target.write_text("\n".join(header + out) + "\n", encoding="utf-8")
    for other in sorted(locales.glob("*.yml")):
        if other != target:
            name_language(other, lang)
    return target


def name_language(path: Path, lang: str) -> None:
    """Add ``lang: TODO`` to the ``languages:`` names of the locale at ``path`` (the name a
    source's original language is shown by), unless it names ``lang`` already."""
    text = path.read_text(encoding="utf-8")
    doc = parse_yaml(text)
    names = doc.data.get("languages") if isinstance(doc.data, dict) else None
    if not isinstance(names, dict) or lang in names:
        return
    lines = text.splitlines(keepends=True)
    number = doc.line("languages") - 1
    flow = re.fullmatch(r"(languages:\s*\{.*?)\s*\}(\s*(#.*)?)", lines[number].rstrip("\n"))
    if flow:
        lines[number] = f"{flow[1]}, {lang}: TODO}}{flow[2]}\n"
    else:
        lines.insert(number + 1, f"  {lang}: TODO  # the name of '{lang}' in this file's language\n")
    path.write_text("".join(lines), encoding="utf-8")


class Stubs:
    """The lines of the new file, made from the English file's data and its comments."""

    def __init__(self, doc: YamlDoc, lines: list[str]):
        self.doc, self.lines, self.out = doc, lines, list[str]()

    def mapping(self, data: object, path: tuple, indent: int) -> None:
        assert isinstance(data, dict), "en.yml holds a mapping of words"
        pad = " " * indent
        for key, value in data.items():
            if self.doc.line(*path, key) != self.doc.line(*path):  # not in a {flow: mapping}
                self.out += self.comments_above(self.doc.line(*path, key), pad)
            name = yaml.safe_dump(key).splitlines()[0]
            if isinstance(value, dict):
                self.out.append(f"{pad}{name}:")
                self.mapping(value, (*path, key), indent + 2)
            elif isinstance(value, list):
                shown = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10**6)
                self.out += english(shown.strip(), pad)
                self.out.append(f"{pad}{name}: [TODO]")
            elif value == "":
                self.out.append(f'{pad}{name}: ""  # empty in English too')
            else:
                self.out += english(str(value), pad)
                self.out.append(f"{pad}{name}: TODO")

    def comments_above(self, line: int, pad: str) -> list[str]:
        """The comment lines just above ``line`` (1-based) of the English file, re-indented."""
        found: list[str] = []
        number = line - 1
        while number >= 1 and self.lines[number - 1].lstrip().startswith("#"):
            found.insert(0, pad + self.lines[number - 1].lstrip())
            number -= 1
        return found


def english(text: str, pad: str) -> list[str]:
    """``text`` as comment lines: ``# en: ...``, wrapped without breaking a word or ``{placeholder}``."""
    wrapped = textwrap.wrap(
        text, width=WIDTH - len(pad) - 6, break_long_words=False, break_on_hyphens=False
    ) or [""]
    return [f"{pad}# en: {wrapped[0]}"] + [f"{pad}#     {rest}" for rest in wrapped[1:]]
