"""One MkDocs configuration per language, made from ``mkdocs.yml`` and the generator's
``docs/<lang>.site.json``: each language is a site of its own (its navigation, interface
language, search index, 404 page and sitemap), the default one at the root, the others under
``/<lang>/``. ``mkdocs.yml`` stays the one file a maintainer edits.

``generator/publish/build.py`` writes them before building; ``python -m generator.publish.builder_config``
writes them and prints the default language's, which ``make serve`` serves.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from generator.read.git import published_address, repository_url

CONFIGS = Path(".build/mkdocs")


class Loader(yaml.SafeLoader):
    """YAML with MkDocs' ``!ENV [NAME, default]`` tag, resolved now."""


def _env(loader: Loader, node: yaml.Node):
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [node.value]
    *variables, default = names if len(names) > 1 else (*names, None)
    return next((os.environ[name] for name in variables if os.environ.get(name)), default)


Loader.add_constructor("!ENV", _env)


def relocate(value: str, base: Path, target: Path) -> str:
    """A path written relative to ``base`` as seen from ``target``."""
    return os.path.relpath((base / value).resolve(), target.resolve())


def language_config(base: dict, root: Path, site: dict, out: Path) -> dict:
    """The configuration of one language, written to ``out`` (paths relative to it)."""
    config = json.loads(json.dumps(base))  # a deep copy
    where = out.parent
    config["docs_dir"] = relocate(f"docs/{site['language']}", root, where)
    config["site_dir"] = relocate(f"site/{site['root']}", root, where)
    theme = config.setdefault("theme", {})
    if isinstance(theme.get("custom_dir"), str):
        theme["custom_dir"] = relocate(theme["custom_dir"], root, where)
    config["hooks"] = [relocate(hook, root, where) for hook in config.get("hooks", [])]
    config["watch"] = [relocate(path, root, where) for path in config.get("watch", [])]
    theme["language"] = site["language"]
    config["site_name"], config["site_description"] = site["title"], site["description"]
    home = published_address(root, config.get("site_url"))
    config.pop("site_url", None)  # no address known: nothing that needs one (never a guessed one)
    if home:
        config["site_url"] = home + site["root"]
    prefix = urlsplit(home).path.rstrip("/") + "/" if home else "/"
    # Titles written out, so that a page's place in the navigation never needs the page itself
    # (a --dirty build reads only the pages that changed).
    config["nav"] = [{item["title"]: item["path"]} for item in site["nav"]]
    config["not_in_nav"] = "\n".join(site["not_in_nav"]) + "\n"
    config["markdown_extensions"] = in_language(config.get("markdown_extensions", []), site["words"])
    extra = config.setdefault("extra", {})
    extra["explainer"] = site["words"]
    extra["feed"] = site.get("feed")  # the updates' Atom feed (generator/render/feeds.py), or None
    extra["repo"] = repository_url(root)  # "edit this page" opens the file in sources/ there
    extra["edit_branch"] = os.environ.get("EDIT_BRANCH", "main")
    extra["root_url"] = home.rstrip("/") + "/" if home else ""
    extra["alternate"] = [
        {"name": other["name"], "link": prefix + other["path"], "lang": other["lang"]}
        for other in site["languages"]
    ]
    return config


def in_language(extensions: list, words: dict) -> list:
    """The Markdown extensions with their own words (a heading's permanent link, a footnote's
    link back) in the page's language instead of Python-Markdown's English."""
    own = {
        name: {option: words[word]}
        for name, option, word in (
            ("toc", "permalink_title", "permalink_title"),
            ("footnotes", "BACKLINK_TITLE", "footnote_backlink"),
        )
        if word in words
    }
    out = []
    for item in extensions:
        name, options = (item, {}) if isinstance(item, str) else next(iter(item.items()))
        if name in own:
            out.append({name: {**(options or {}), **own[name]}})
        else:
            out.append(item)
    return out


def write(root: Path = Path("."), out: Path = CONFIGS) -> list[Path]:
    """Write ``<out>/<lang>.yml`` for every ``docs/<lang>.site.json``; return them, default first."""
    base = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    written: list[Path] = []
    out.mkdir(parents=True, exist_ok=True)
    for description in sorted((root / "docs").glob("*.site.json")):
        site = json.loads(description.read_text(encoding="utf-8"))
        path = out / f"{site['language']}.yml"
        body = yaml.safe_dump(language_config(base, root, site, path), allow_unicode=True, sort_keys=False)
        text = f"# Generated from mkdocs.yml and docs/{description.name}: do not edit.\n{body}"
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        written.insert(0 if site["default"] else len(written), path)
    return written


def zensical(root: Path = Path(".")) -> list[Path]:
    """``.zensical-<lang>.yml`` in the project's folder, for trying Zensical (0.0.73 wants the
    pages and the output inside the configuration's folder): no hooks, its own search off, the
    output in ``.build/zensical/<lang>/``."""
    written = []
    for config in write(root):
        data = yaml.safe_load(config.read_text(encoding="utf-8"))
        data["docs_dir"] = f"docs/{config.stem}"
        data["site_dir"] = f".build/zensical/{config.stem}"
        data["theme"]["custom_dir"] = relocate(data["theme"]["custom_dir"], config.parent, root)
        data["hooks"], data["watch"], data["plugins"] = [], [], [{"search": {"enabled": False}}]
        path = root / f".zensical-{config.stem}.yml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    if sys.argv[1:] == ["--zensical"]:
        print("\n".join(map(str, zensical())))
    else:
        print(write()[0])  # the default language's configuration, which `make serve` serves
