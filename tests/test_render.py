"""Rendering: escaping of source text and pages awaiting translation."""

from generator import pipeline
from generator.model import BuildFacts
from generator.render.markdown_text import escape
from generator.render.run import render


def test_escape_makes_markup_inert():
    assert escape("<b>x</b> *y* [^1] {#id}") == "&lt;b&gt;x&lt;/b&gt; \\*y\\* \\[^1\\] \\{\\#id\\}"
    assert escape("- item") == "\\- item"
    assert escape("2023. Tahun") == "2023\\. Tahun"
    assert escape("e-commerce") == "e-commerce"


def test_untranslated_paragraph_is_marked_awaiting_and_shows_the_original(sources_copy):
    path = sources_copy / "003_5c094b5689ed37a0.en.yml"
    path.write_text(path.read_text()[: path.read_text().index("  - paragraph: 6")])
    site, _ = pipeline.build(sources_copy)
    pages = {p.path: p.content for p in render(site, BuildFacts())}
    english = pages["en/sources/003_5c094b5689ed37a0.md"]
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
