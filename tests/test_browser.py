"""In a real browser (Debian's Chromium): language switching, tooltips on hover and keyboard focus,
phone-sized layout, a clean console, search per language, accessibility and privacy."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

from tests.browser import CHROMIUM, CHROMIUM_ARGS
from tests.conftest import PUBLISHED, ROOT, address
from tools.serve import serve

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
}
PATHS = sorted(set(PAGE_KINDS.values()))
LANGS = {"id": "", "en": "en/"}


def at(lang: str, path: str) -> str:
    """The address of the page at Indonesian address ``path`` in ``lang``, from the site root."""
    return LANGS[lang] + (address(lang, path.rstrip("/")) + "/" if path else "")


@pytest.fixture(scope="module")
def base(built):
    server, url = serve(built, prefix=urlsplit(PUBLISHED).path)
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser():
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: install Debian's chromium (.ci/run does)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


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


def tooltip_text(page) -> str:
    page.wait_for_selector(".md-tooltip2--active", timeout=5000)
    return page.inner_text(".md-tooltip2--active")


@pytest.mark.parametrize("lang", LANGS)
def test_footnote_tooltip_on_hover_and_on_keyboard_focus(page, base, lang):
    page.goto(base + at(lang, "glosarium/umkm/"))
    ref = page.locator(".footnote-ref").first
    ref.hover()
    shown = tooltip_text(page)
    assert ("Paragraf" if lang == "id" else "Paragraph") in shown and "Tabuka News" in shown
    page.mouse.move(0, 0)
    page.wait_for_selector(".md-tooltip2--active", state="detached", timeout=5000)
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
    page.wait_for_selector(".md-tooltip2--active", state="detached", timeout=5000)
    term.focus()
    assert definition in tooltip_text(page)


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
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    violations = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
    assert violations == [], violations


@pytest.mark.parametrize("lang", LANGS)
def test_the_claims_ledger_filters_by_source_and_kind(page, base, lang):
    page.goto(base + at(lang, "klaim/"))
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
