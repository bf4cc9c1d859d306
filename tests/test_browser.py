"""In a real browser (Debian's Chromium): language switching, tooltips on hover and keyboard focus,
phone-sized layout, a clean console, search per language, accessibility and privacy."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from tests.conftest import ROOT, address, serving

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGE_KINDS = {
    "home": "",
    "overview": "",
    "glossary term": "glosarium/umkm/",
    "actor": "aktor/teten-masduki/",
    "source": "sumber/001_9325e6259af9a897/",
    "timeline": "linimasa/",
    "figures": "angka/",
    "perspectives": "perspektif/",
    "who is who": "siapa-siapa/",
    "questions": "tanya-jawab/",
    "method": "metode/",
    "glossary index": "glosarium/",
    "actor index": "aktor/",
    "source index": "sumber/",
    "claims ledger": "klaim/",
    "claims ledger part": "klaim/linimasa/",
}
PATHS = sorted(set(PAGE_KINDS.values()))
LANGS = {"id": "", "en": "en/"}


def at(lang: str, path: str) -> str:
    """The address of the page at Indonesian address ``path`` in ``lang``, from the site root."""
    return LANGS[lang] + (address(lang, path.rstrip("/")) + "/" if path else "")


@pytest.fixture(scope="module")
def base(built):
    with serving(built) as url:
        yield url


def watch(page) -> dict[str, list[str]]:
    """Record console errors, failed requests and every requested URL."""
    seen: dict[str, list[str]] = {"errors": [], "requests": []}
    page.on("console", lambda m: m.type == "error" and seen["errors"].append(m.text))
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.on("request", lambda r: seen["requests"].append(r.url))
    page.on("response", lambda r: r.status >= 400 and seen["errors"].append(f"{r.status} {r.url}"))
    return seen


@pytest.mark.parametrize("path", ["", "glosarium/umkm/", "sumber/003_5c094b5689ed37a0/", "linimasa/"])
def test_language_switcher_leads_to_the_same_page(page, base, path):
    seen = watch(page)
    for start, target in (("id", "en"), ("en", "id")):
        page.goto(base + at(start, path))
        page.hover(".md-header__option .md-select")
        page.click(f".md-select__link[hreflang={target}]")
        page.wait_for_load_state("load")
        assert urlsplit(page.url).path == "/" + at(target, path)
        assert page.get_attribute("html", "lang") == target
    sitemaps = [url for url in seen["requests"] if "sitemap" in url and url.startswith("http")]
    assert sitemaps == []  # the language menu links to the same page: no sitemap is downloaded


TOOLTIP = "#explainer-tooltip"


def tooltip_text(page) -> str:
    page.wait_for_selector(f"{TOOLTIP}:not([hidden])", timeout=5000)
    return page.inner_text(TOOLTIP)


def tooltip_closed(page) -> None:
    page.wait_for_selector(f"{TOOLTIP}:not([hidden])", state="detached", timeout=5000)


@pytest.mark.parametrize("lang", LANGS)
def test_footnote_tooltip_on_hover_and_on_keyboard_focus(page, base, lang):
    page.goto(base + at(lang, "glosarium/umkm/"))
    ref = page.locator(".footnote-ref").first
    ref.hover()
    shown = tooltip_text(page)
    assert ("Paragraf" if lang == "id" else "Paragraph") in shown and "Tabuka News" in shown
    page.mouse.move(0, 0)
    tooltip_closed(page)
    ref.focus()
    assert "Tabuka News" in tooltip_text(page)


@pytest.mark.parametrize(
    ("lang", "definition"),
    [
        ("id", "UMKM adalah singkatan dari Usaha Mikro Kecil dan Menengah"),
        ("en", "UMKM is the Indonesian abbreviation of Usaha Mikro Kecil dan Menengah"),
    ],
)
def test_glossary_tooltip_in_the_page_language_on_hover_and_focus(page, base, lang, definition):
    page.goto(base + at(lang, "aktor/teten-masduki/"))
    term = page.locator("article abbr", has_text=re.compile(r"^UMKM$")).first
    term.hover()
    assert definition in tooltip_text(page)
    page.mouse.move(0, 0)
    tooltip_closed(page)
    term.focus()
    assert definition in tooltip_text(page)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("trigger", ["article abbr[title]", "article .footnote-ref"])
def test_tooltips_are_tied_to_their_trigger_stay_under_the_pointer_and_close_with_escape(
    page, base, lang, trigger
):
    page.goto(base + at(lang, "aktor/teten-masduki/"))
    target = page.locator(trigger).first.element_handle()  # the term's title moves to the tooltip
    target.focus()
    text = tooltip_text(page)
    assert target.get_attribute("aria-describedby") == "explainer-tooltip"
    assert page.get_attribute(TOOLTIP, "role") == "tooltip"
    page.keyboard.press("Escape")
    tooltip_closed(page)
    assert target.get_attribute("aria-describedby") is None
    assert target.evaluate("e => e === document.activeElement")  # focus stays
    target.hover()
    assert tooltip_text(page) == text
    page.hover(TOOLTIP)  # moving onto the tooltip keeps it open (WCAG 1.4.13)
    page.wait_for_timeout(400)
    assert page.is_visible(TOOLTIP)
    page.keyboard.press("Escape")
    tooltip_closed(page)


WIDTHS = {"desktop": 1280, "phone": 390}
STOP = """() => {
  const e = document.activeElement, r = e.getBoundingClientRect(), s = getComputedStyle(e);
  return {html: e.outerHTML.slice(0, 120), left: r.left, right: r.right, width: r.width,
          visible: s.visibility === "visible" && r.width > 0 && r.height > 0,
          ring: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0,
          nested: !!(e.parentElement && e.parentElement.closest("a[href], button, [tabindex]")),
          body: e === document.body, drawer: e.matches("[data-drawer-open]")};
}"""


def tab_stops(page, limit: int = 600) -> list[dict]:
    """Every element the Tab key reaches, from the top of the page until focus leaves it."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = page.evaluate(STOP)
        if stop["body"] or (stops and stop["html"] == stops[0]["html"]):
            return stops
        stops.append(stop)
    raise AssertionError(f"more than {limit} tab stops")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", ["aktor/lazada/", "glosarium/umkm/", ""])
def test_keyboard_walk_one_stop_per_term_visible_focus_nothing_hidden(browser, base, lang, width, path):
    context = browser.new_context(viewport={"width": WIDTHS[width], "height": 800})
    page = context.new_page()
    page.goto(base + at(lang, path))
    assert page.locator("article a abbr").count() > 0 or path != "aktor/lazada/"  # linked terms
    stops = tab_stops(page)
    assert stops
    for stop in stops:
        assert not stop["nested"], f"two tab stops, one inside the other: {stop['html']}"
        assert stop["ring"], f"no visible focus style: {stop['html']}"
        assert stop["visible"] and stop["right"] > 0 and stop["left"] < WIDTHS[width], (
            f"focus on something off screen or hidden: {stop['html']} at x={stop['left']}"
        )
    assert any(stop["drawer"] for stop in stops) == (width == "phone")  # the menu button
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_phone_menu_opens_from_the_keyboard_and_closes_with_escape(browser, base, lang):
    context = browser.new_context(viewport={"width": 390, "height": 800}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(base + at(lang, "glosarium/umkm/"))
    button = page.locator("[data-drawer-open]")
    assert button.get_attribute("aria-expanded") == "false"
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.closest('.md-sidebar--primary')")
    assert button.get_attribute("aria-expanded") == "true"
    assert page.evaluate("document.getElementById('__drawer').checked")
    page.keyboard.press("Escape")
    page.wait_for_function("document.activeElement.matches('[data-drawer-open]')")
    assert not page.evaluate("document.getElementById('__drawer').checked")
    assert button.get_attribute("aria-expanded") == "false"
    context.close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", PATHS)
def test_phone_viewport_has_no_horizontal_scrolling(browser, base, lang, path):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(base + at(lang, path))
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"{lang}/{path} is {width}px wide"
    context.close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", PATHS + ["does-not-exist/"])
def test_console_is_clean_and_nothing_leaves_the_site(page, base, lang, path):
    seen = watch(page)
    page.goto(base + at(lang, path), wait_until="networkidle")
    page.hover(".md-header__option .md-select")
    page.wait_for_timeout(300)
    expected_404 = [e for e in seen["errors"] if "does-not-exist" in e]
    errors = [
        e for e in seen["errors"] if e not in expected_404 and "404 (Not Found)" not in e or "sitemap" in e
    ]
    assert errors == [], errors
    host = urlsplit(base).netloc
    foreign = [url for url in seen["requests"] if urlsplit(url).netloc not in (host, "")]
    assert foreign == [], foreign


def search(page, base, lang: str, query: str) -> list[tuple[str, str]]:
    page.goto(base + LANGS[lang])
    page.click("[data-search-open]")
    page.fill(".pagefind-ui__search-input", query)
    page.wait_for_selector(".pagefind-ui__result", timeout=10000)
    page.wait_for_timeout(500)
    results = page.locator(".pagefind-ui__result")
    return [
        (results.nth(i).locator("a").first.get_attribute("href"), results.nth(i).inner_text())
        for i in range(results.count())
    ]


def test_indonesian_search_finds_other_forms_of_the_word(page, base):
    results = search(page, base, "id", "dagang")
    assert results
    assert all(not urlsplit(href).path.startswith("/en/") for href, _ in results)
    assert any(re.search(r"pedagang|perdagangan|Perdagangan", text) for _, text in results)
    found = search(page, base, "id", "jual")
    assert any(re.search(r"[Pp]enjual", text) for _, text in found)


def test_search_on_english_pages_returns_only_english_pages(page, base):
    results = search(page, base, "en", "ban")
    assert results
    assert all(urlsplit(href).path.startswith("/en/") for href, _ in results)


@pytest.mark.parametrize("lang", LANGS)
def test_search_announces_the_number_of_results(page, base, lang):
    search(page, base, lang, "TikTok")
    status = page.locator("[data-search-status]")
    assert status.get_attribute("role") == "status"
    page.wait_for_function("/\\d/.test(document.querySelector('[data-search-status]').textContent)")
    shown = page.locator(".pagefind-ui__message").inner_text().strip()
    assert status.inner_text().strip() == shown


def test_search_dialog_opens_and_closes_with_the_keyboard(page, base):
    page.goto(base)
    page.keyboard.press("/")
    page.wait_for_selector("dialog[open] .pagefind-ui__search-input")
    assert page.evaluate("document.activeElement.classList.contains('pagefind-ui__search-input')")
    page.keyboard.press("Escape")
    page.wait_for_selector("dialog[open]", state="detached")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_axe_finds_no_violations(page, base, lang, kind):
    page.goto(base + at(lang, PAGE_KINDS[kind]))
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    violations = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
    assert violations == [], violations


@pytest.mark.parametrize("lang", LANGS)
def test_axe_finds_no_violations_in_the_open_search_dialog(page, base, lang):
    page.goto(base + LANGS[lang])
    page.click("[data-search-open]")
    page.fill(".pagefind-ui__search-input", "TikTok")
    page.wait_for_selector(".pagefind-ui__result")
    # the results are drawn first as loading placeholders (grey bars, not text to read): judge the
    # dialog once they are filled in, not while the machine is still loading them
    page.wait_for_function("!document.querySelector('.pagefind-ui__loading')")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    violations = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
    assert violations == [], violations


@pytest.mark.parametrize("lang", LANGS)
def test_the_claims_ledger_filters_by_source_and_kind(page, base, lang):
    page.goto(base + at(lang, "klaim/"))
    page.locator("article table a").first.click()  # the ledger's first part
    page.wait_for_load_state()
    rows = page.locator("article tbody tr")
    total = rows.count()
    form = page.locator("[data-ledger-filter]")
    assert form.is_visible() and total > 0
    page.select_option("[data-filter=type]", "opinion")
    shown = page.locator("article tbody tr:not([hidden])")
    assert 0 < shown.count() < total
    assert all(
        "opinion"
        in row.evaluate("r => [...r.querySelectorAll('.ledger-cite')].map(c => c.dataset.type).join()")
        for row in shown.all()
    )
    assert re.match(rf"{shown.count()}\D+{total}\D", page.locator("[data-ledger-count]").inner_text())
    page.select_option("[data-filter=type]", "")
    page.select_option("[data-filter=doc]", index=1)
    doc = page.locator("[data-filter=doc]").input_value()
    assert all(row.locator(f'.ledger-cite[data-doc="{doc}"]').count() for row in shown.all())
    page.select_option("[data-filter=doc]", "")
    assert shown.count() == total
