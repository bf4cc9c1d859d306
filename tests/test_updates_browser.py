"""Updates in a real browser (Debian's Chromium), on the English-first test collection, whose two
update records are invented: the filter of the updates page, no accessibility violations there or
on a page with an "Updated" line, a phone-sized page without sideways scrolling, and the feed
linked from the head and read by a feed reader."""

from __future__ import annotations

from urllib.parse import urljoin

import feedparser
import pytest

from tests.conftest import ROOT, serving

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# The English-first collection: English at the root, Indonesian under id/.
PAGES = {
    "en": {"updates": "updates/", "figures": "figures/"},
    "id": {"updates": "id/pembaruan/", "figures": "id/angka/"},
}


@pytest.fixture(scope="module")
def base(english_first):
    with serving(english_first) as url:
        yield url


@pytest.mark.parametrize("lang", PAGES)
def test_the_updates_page_filters_by_kind(page, base, lang):
    page.goto(base + PAGES[lang]["updates"])
    items = page.locator("[data-update-kind]")
    total = items.count()
    assert page.locator("[data-updates-filter]").is_visible() and total == 2
    page.select_option("[data-filter=kind]", "claims-withdrawn")
    shown = page.locator("[data-update-kind]:not([hidden])")
    assert shown.count() == 1 and shown.first.get_attribute("data-update-kind") == "claims-withdrawn"
    assert page.locator(".update-withdrawn").first.is_visible()  # what the withdrawn claim said
    assert page.locator("[data-updates-count]").inner_text().startswith("1")
    page.select_option("[data-filter=kind]", "")
    assert shown.count() == total


@pytest.mark.parametrize("lang", PAGES)
@pytest.mark.parametrize("which", ["updates", "figures"])
def test_axe_finds_no_violations(page, base, lang, which):
    page.goto(base + PAGES[lang][which])
    if which == "figures":
        assert page.locator(".page-updates").is_visible()  # its "Updated" line
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    violations = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
    assert violations == [], violations


@pytest.mark.parametrize("lang", PAGES)
def test_on_a_phone_the_updates_page_does_not_scroll_sideways(browser, base, lang):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(base + PAGES[lang]["updates"])
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    context.close()


@pytest.mark.parametrize("lang", PAGES)
def test_every_page_links_its_language_feed_which_a_feed_reader_reads(page, base, lang):
    page.goto(base + PAGES[lang]["figures"])
    link = page.locator('head link[rel=alternate][type="application/atom+xml"]')
    assert link.count() == 1
    href = urljoin(page.url, link.get_attribute("href"))
    response = page.request.get(href)
    assert response.ok
    parsed = feedparser.parse(response.body())
    assert not parsed.bozo and parsed.feed.language == lang and len(parsed.entries) == 2
