"""Rendering: escaping of source text and pages awaiting translation."""

from generator import pipeline
from generator.model import BuildFacts
from generator.render.markdown_text import escape
from generator.render.run import render
from tests.conftest import render_pages


def test_escape_makes_markup_inert():
    assert escape("<b>x</b> *y* [^1] {#id}") == "&lt;b&gt;x&lt;/b&gt; \\*y\\* \\[^1\\] \\{\\#id\\}"
    assert escape("- item") == "\\- item"
    assert escape("2023. Tahun") == "2023\\. Tahun"
    assert escape("e-commerce") == "e-commerce"


def test_untranslated_paragraph_is_marked_awaiting_and_shows_the_original(sources_copy):
    path = sources_copy / "003_5c094b5689ed37a0.en.yml"
    path.write_text(path.read_text()[: path.read_text().index("  - paragraph: 6")])
    site, _ = pipeline.build(sources_copy)
    english = render_pages(site, "en/sources/003_5c094b5689ed37a0.md")["en/sources/003_5c094b5689ed37a0.md"]
    block = english[english.index("[¶ 6]") :]
    assert "*Awaiting translation: this paragraph has not been translated yet.*" in block
    assert "{ #p6 .src-para .src-pending }" in block
    assert "Dengan dibentuknya satuan tugas" in block and 'lang="id"' in block


def test_sentences_split_on_full_stops_but_not_abbreviations():
    from generator.model.inline import sentences

    text = 'Satu [@001#p1]. "Dua" kata. *E-commerce* tiga. Bain & Co. dan empat [@001#p2].'
    assert sentences(text) == [
        "Satu [@001#p1].",
        '"Dua" kata.',
        "*E-commerce* tiga.",
        "Bain & Co. dan empat [@001#p2].",
    ]


def test_render_pages_makes_each_page_as_render_does(site):
    """The tests' helper that renders a few pages gives them byte for byte as the whole site's render."""
    whole = {page.path: page.content for page in render(site, BuildFacts(), parallel=False)}
    wanted = [
        "id/index.md",
        "en/sources/index.md",
        "en/sources/003_5c094b5689ed37a0.md",
        "id/glosarium/umkm.md",
        "en/actors/teten-masduki.md",
        "en/timeline.md",
        "id/siapa-siapa.md",
        "en/assets/charts/network-en.svg",
    ]
    assert render_pages(site, *wanted) == {path: whole[path] for path in wanted}
