"""The print version (generator/render/print_version.py): one page per language with the story, the glossary,
the actors and every footnote of their pages, whose links lead somewhere, linked from the method
page, readable without JavaScript and laid out for paper."""

from __future__ import annotations

import gzip
import json
import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from generator.model.words import ui
from generator.render.addresses import root, stem, url_path
from generator.render.kinds.entries import alphabetical, by_kind
from generator.render.site_files import navigation
from tests.conftest import ROOT, render_pages

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
LANGS = ["id", "en"]


class Page(HTMLParser):
    """What the tests read in a built page: headings, links, ids and footnotes."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.headings: list[tuple[int, str, str]] = []
        """``(level, id, text)`` of each heading in the article, in order."""
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.notes: dict[str, str] = {}
        """Footnote id -> its text (without the links back)."""
        self.note_links: list[str] = []
        """The links in the footnotes (not the links back)."""
        self.attributes: list[tuple[str, dict]] = []
        self._heading: list | None = None
        self._note: list | None = None
        self._skip = 0
        self._depth = 0
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.attributes.append((tag, attrs))
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and "href" in attrs:
            self.links.append(attrs["href"])
        if tag in ("img", "script") and attrs.get("src"):
            self.links.append(attrs["src"])
        classes = (attrs.get("class") or "").split()
        if self._skip or "headerlink" in classes or "footnote-backref" in classes:
            self._skip += tag not in ("img", "br")
            return
        if self._note is not None and tag == "a" and "href" in attrs:
            self.note_links.append(attrs["href"])
        if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            self._heading = [int(tag[1]), attrs.get("id", ""), ""]
        if tag == "li" and attrs.get("id", "").startswith("fn:"):
            self._note, self._depth = [attrs["id"], ""], 0
        if self._note is not None:
            self._depth += 1

    def handle_endtag(self, tag):
        if self._skip:
            self._skip -= 1
            return
        if self._heading and tag == f"h{self._heading[0]}":
            level, anchor, text = self._heading
            self.headings.append((level, anchor, " ".join(text.split())))
            self._heading = None
        if self._note is not None:
            self._depth -= 1
            if self._depth == 0:
                self.notes[self._note[0]] = " ".join(self._note[1].split())
                self._note = None

    def handle_data(self, data):
        if self._skip:
            return
        if self._heading:
            self._heading[2] += data
        if self._note is not None:
            self._note[1] += data


def built_page(built: Path, address: str) -> Path:
    return built / address / "index.html"


def read(built: Path, address: str) -> Page:
    return Page(built_page(built, address).read_text(encoding="utf-8"))


def print_address(site, lang: str) -> str:
    return url_path(site, ("print", ""), lang)


def story_keys(site) -> list[tuple[str, str]]:
    """The story pages in navigation order: the home page, the story, the method (not the ledger)."""
    return [key for key in navigation(site) if key[0] in ("home", "page")]


def parts(site, lang: str) -> tuple[list[str], list[str], list[str]]:
    """The titles of the story pages in navigation order, the terms A-Z and the actors by kind."""
    pages = {story.id: story for story in site.pages}
    stories = [
        pages[site.config.home_page if kind == "home" else item].title[lang]
        for kind, item in story_keys(site)
    ]
    terms = [e.name[lang] for _, entries in alphabetical(site.entries, lang) for e in entries]
    actors = [
        e.name[lang]
        for _, entries in by_kind(site.entries, lang, site.config.vocabulary.ids("actor_kinds"))
        for e in entries
    ]
    return stories, terms, actors


def resolve(built: Path, here: str, link: str) -> tuple[Path, str] | None:
    """The built file and the fragment a link of the page at address ``here`` leads to; None for a
    link to another site."""
    parts_ = urlsplit(link)
    if parts_.scheme or link.startswith("//"):
        return None
    path = unquote(parts_.path)
    target = posixpath.normpath(posixpath.join("/" + here, path)).lstrip("/") if path else here
    file = built / target
    return (file / "index.html" if file.is_dir() else file), unquote(parts_.fragment)


# The page ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_each_language_has_its_print_page_in_its_language_and_words(built, site, lang):
    address = print_address(site, lang)
    assert address.rstrip("/").rsplit("/", 1)[-1] == ui(lang)["slugs"]["print"]
    text = built_page(built, address).read_text(encoding="utf-8")
    assert f'<html lang="{lang}"' in text
    page = Page(text)
    assert page.headings[0][0] == 1 and page.headings[0][2] == site.config.title[lang]


@pytest.mark.parametrize("lang", LANGS)
def test_it_holds_every_story_page_term_and_actor_in_order_under_its_part(built, site, lang):
    words = ui(lang)
    stories, terms, actors = parts(site, lang)
    assert stories and terms and actors
    headings = read(built, print_address(site, lang)).headings
    titles = [text for level, _, text in headings if level == 3]
    assert titles == stories + terms + actors
    # Each page sits under its part's heading, and the parts come in order.
    level_two = [text for level, _, text in headings if level == 2]
    order = [words["print"]["story"], words["glossary_title"], words["actors_title"], words["print"]["notes"]]
    assert [t for t in level_two if t in order] == order
    part, seen = None, {}
    for level, _, text in headings:
        if level == 2:
            part = text
        elif level == 3:
            seen.setdefault(part, []).append(text)
    assert seen == {order[0]: stories, order[1]: terms, order[2]: actors}
    # Only the document has a first-level heading: each page's own title moved down.
    assert [level for level, _, _ in headings].count(1) == 1


@pytest.mark.parametrize("lang", LANGS)
def test_the_ledger_and_the_sources_are_not_in_it(built, site, lang):
    titles = {text for _, _, text in read(built, print_address(site, lang)).headings}
    assert ui(lang)["ledger_title"] not in titles
    assert not {doc.meta.title[lang] for doc in site.documents if doc.meta.title} & titles


def footnotes(page: Page) -> set[str]:
    return set(page.notes.values())


@pytest.mark.parametrize("lang", LANGS)
def test_it_has_every_footnote_of_its_pages_once(built, site, lang):
    keys = story_keys(site) + [entry.key for entry in site.entries]
    union: set[str] = set()
    cited: set[tuple[Path, str]] = set()
    for key in keys:
        address = url_path(site, key, lang)
        page = read(built, address)
        union |= footnotes(page)
        cited |= citations(built, address, page)
    assert union and cited
    address = print_address(site, lang)
    page = read(built, address)
    assert footnotes(page) == union
    assert citations(built, address, page) == cited
    # Each cited paragraph once: numbered through the document, not once per part.
    assert len(page.notes) == len(footnotes(page))


def citations(built: Path, address: str, page: Page) -> set[tuple[Path, str]]:
    """``(source page, paragraph anchor)`` of every link in the page's footnotes."""
    out = set()
    for link in page.note_links:
        file, fragment = resolve(built, address, link)
        out.add((file.resolve(), fragment))
    return out


@pytest.mark.parametrize("lang", LANGS)
def test_every_link_and_anchor_of_the_print_page_resolves(built, site, lang):
    address = print_address(site, lang)
    page = read(built, address)
    ids: dict[Path, set[str]] = {}
    checked = 0
    for link in page.links:
        target = resolve(built, address, link)
        if target is None:
            continue
        file, fragment = target
        assert file.is_file(), (link, file)
        if fragment:
            if file not in ids:
                ids[file] = (
                    read(built, str(file.parent.relative_to(built))).ids if file.suffix == ".html" else set()
                )
            assert fragment in ids[file], (link, fragment)
        checked += 1
    assert checked > 100
    # Its contents lead to every part and every page in it.
    contents = {link[1:] for link in page.links if link.startswith("#")}
    wanted = {
        anchor
        for level, anchor, text in page.headings
        if level == 3 or (level == 2 and text != ui(lang)["print"]["contents"])
    }
    assert wanted and wanted <= contents
    # Ids are unique.
    every = [a["id"] for _, a in page.attributes if "id" in a]
    assert len(every) == len(set(every))


@pytest.mark.parametrize("lang", LANGS)
def test_the_method_page_and_the_home_page_link_to_it(built, site, lang):
    target = built_page(built, print_address(site, lang)).resolve()
    method = next(p for p in site.pages if p.layout == "method")
    for key in (("page", method.id), ("home", "")):
        address = url_path(site, key, lang)
        linked = {resolve(built, address, link) for link in read(built, address).links}
        assert (target, "") in {(t[0].resolve(), t[1]) for t in linked if t}, key


@pytest.mark.parametrize("lang", LANGS)
def test_it_is_not_in_the_navigation_nor_the_search_index(project, built, site, lang):
    description = json.loads((project / "docs" / f"{lang}.site.json").read_text(encoding="utf-8"))
    file = stem(site, ("print", ""), lang) + ".md"
    assert file not in {item["path"] for item in description["nav"]}
    assert f"/{file}" in description["not_in_nav"]
    indexed = {
        json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))["url"]
        for path in (built / root(site, lang) / "pagefind" / "fragment").iterdir()  # its language's bundle
    }
    method = next(p for p in site.pages if p.layout == "method")
    assert "/" + url_path(site, ("page", method.id), lang) in indexed
    assert "/" + print_address(site, lang) not in indexed


# In a browser ------------------------------------------------------------------------------------


def open_page(browser, built: Path, address: str, **options):
    context = browser.new_context(**options)
    page = context.new_page()
    page.goto(built_page(built, address).as_uri())
    return context, page


@pytest.mark.parametrize("lang", LANGS)
def test_without_javascript_everything_shows(browser, built, site, lang):
    context, page = open_page(browser, built, print_address(site, lang), java_script_enabled=False)
    try:
        stories, terms, actors = parts(site, lang)
        for title in stories + terms + actors:
            assert page.locator("article h3", has_text=title).first.is_visible(), title
        assert page.locator(".footnote li").count() > 0
        assert page.locator(".footnote li").last.is_visible()
        assert page.locator(".print-toc a").first.is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_on_paper_only_the_document_shows_each_part_on_a_new_sheet(browser, built, site, lang):
    context, page = open_page(browser, built, print_address(site, lang))
    try:
        page.emulate_media(media="print")
        # Navigation, header (and its search), the report and cite widgets, the links back from
        # the footnotes: on the screen, not on paper.
        for hidden in (
            ".md-header",
            ".md-sidebar--primary",
            ".md-footer",
            ".page-report",
            ".footnote-backref",
        ):
            assert page.locator(hidden).count(), hidden
            for i in range(page.locator(hidden).count()):
                assert not page.locator(hidden).nth(i).is_visible(), hidden
        for hidden in (".cite", ".md-content__button", ".explainer-search-open"):
            for i in range(page.locator(hidden).count()):
                assert not page.locator(hidden).nth(i).is_visible(), hidden
        assert page.locator(".footnote").is_visible()
        breaks = page.eval_on_selector_all(
            ".print-part", "els => els.map(e => getComputedStyle(e).breakBefore)"
        )
        assert breaks and set(breaks) == {"page"}
        shown = page.evaluate(
            """() => [...document.querySelectorAll('.md-typeset a[href^="http"]:not(.headerlink)')]
                .filter(a => a.offsetParent)
                .map(a => [a.href, getComputedStyle(a, '::after').content])"""
        )
        assert shown, "no link to another site to check"
        for href, content in shown:
            assert href.rstrip("/") in content, (href, content)
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_axe_finds_no_violations_on_the_print_page(browser, built, site, lang):
    assert AXE.is_file(), f"{AXE} is missing: run `npm ci` (make test does)"
    context, page = open_page(browser, built, print_address(site, lang))
    try:
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        violations = [
            (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]
        ]
        assert violations == [], violations
    finally:
        context.close()


# Generation --------------------------------------------------------------------------------------


def test_the_print_pages_are_the_same_bytes_every_time(site):
    paths = {f"{lang}/{stem(site, ('print', ''), lang)}.md" for lang in site.config.languages}
    first, second = render_pages(site, *paths), render_pages(site, *paths)
    assert set(first) == paths and first == second


def test_an_entry_named_in_many_documents_lists_the_first_few_and_links_the_rest(site, monkeypatch):
    from generator.render import print_version

    named = [(entry, site.mentioned_in(entry.key)) for entry in site.entries]
    entry, mentioned = max(named, key=lambda pair: len(pair[1]))
    assert len(mentioned) >= 2, "the test collection has an entry named in two documents"
    monkeypatch.setattr(print_version, "MENTIONS", 1)
    for lang in site.config.languages:
        path = f"{lang}/{stem(site, ('print', ''), lang)}.md"
        text = render_pages(site, path)[path]
        own = stem(site, (entry.kind, entry.id), lang)
        more = ui(lang)["print"]["mentions_more"].format(count=len(mentioned) - 1)
        assert f"- [{more}]({own}.md)" in text.splitlines()
        # the entry's own page still lists every document
        page_path = f"{lang}/{own}.md"
        page = render_pages(site, page_path)[page_path]
        assert more not in page
        for doc_id, _ in mentioned:
            assert f"{doc_id}.md)" in page
