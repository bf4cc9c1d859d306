"""Glossary and actor entries: the model, every integrity check, and mention detection."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from generator import pipeline
from generator.check.verbatim import quote_found
from generator.model import BuildFacts
from generator.model.problems import InputError
from generator.render.addresses import stem
from generator.render.formats import case_variants
from generator.render.run import render
from tests.conftest import SOURCES, copy_documents, write_configuration

DOC = "003_5c094b5689ed37a0"

TERM = """\
name: {id: satuan tugas, en: task force}
aliases: {id: [satgas], en: []}
definition:
  id: Satgas adalah satuan tugas [!hedge the paragraph only expands the abbreviation] [@003#p1].
  en: A satgas is a task force [!hedge the paragraph only expands the abbreviation] [@003#p1].
explanation:
  - id: Satgas akan melibatkan [kementerian](actor:kominfo) terkait [@003#p2].
    en: The task force will involve the relevant [ministries](actor:kominfo) [@003#p2].
quotes:
  - source: 003#p4
    speaker: kominfo
    text: "Bukan hanya Kominfo yang mengurusinya, [...] dalam hal ini,”"
    translation: {en: 'It is not only Kominfo that handles it, [...] in this matter,"'}
related: {terms: [], actors: [kominfo]}
"""

ACTOR = """\
name: {id: Kementerian Komunikasi dan Informatika, en: Ministry of Communication and Informatics}
kind: ministry
aliases: {id: [Kemenkominfo, Kominfo], en: []}
summary:
  id: Kementerian ini akan membentuk satgas [@003#p1].
  en: The ministry will set up a task force [@003#p1].
role: []
actions: []
related: {terms: [satgas]}
"""


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A small valid sources folder: one document, one term, one actor."""
    root = tmp_path / "sources"
    (root / "glossary").mkdir(parents=True)
    (root / "actors").mkdir()
    write_configuration(root)
    copy_documents(SOURCES, root, [DOC])
    (root / "glossary/satgas.yml").write_text(TERM)
    (root / "actors/kominfo.yml").write_text(ACTOR)
    return root


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new))


def errors(root: Path) -> list[str]:
    with pytest.raises(InputError) as caught:
        pipeline.build(root)
    return [str(p) for p in caught.value.problems.errors]


def test_valid_entries_load_into_the_model(mini):
    site, problems = pipeline.build(mini)
    assert not problems
    term = site.entry(("term", "satgas"))
    assert term.name == {"id": "satuan tugas", "en": "task force"}
    assert term.summary.text["en"].startswith("A satgas is")
    assert [q.speaker for q in term.quotes] == ["kominfo"]
    actor = site.entry(("actor", "kominfo"))
    assert actor.category == "ministry" and actor.aliases["id"] == ("Kemenkominfo", "Kominfo")
    assert site.related[("term", "satgas")] == [("actor", "kominfo")]
    assert site.related[("actor", "kominfo")] == [("term", "satgas")]
    assert site.cited_by[(DOC, "4")] == [("term", "satgas")]


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        (
            "glossary/satgas.yml",
            "[@003#p1].\n  en",
            "[@009#p1].\n  en",
            "glossary/satgas.yml:4: the citation key '009' names no document",
        ),
        (
            "glossary/satgas.yml",
            "[@003#p2].\n    en",
            "[@003#p7].\n    en",
            f"glossary/satgas.yml:7: citation [@003#p7]: {DOC} has 6 paragraphs, not 7",
        ),
        (
            "glossary/satgas.yml",
            "Bukan hanya Kominfo",
            "Bukan cuma Kominfo",
            f'glossary/satgas.yml:10: the quote "Bukan cuma Kominfo yang mengurusinya, [...] dalam hal '
            f'ini,”" is not in {DOC} paragraph 4',
        ),
        ("glossary/satgas.yml", "source: 003#p4", "source: 003#p3", f"is not in {DOC} paragraph 3"),
        (
            "actors/kominfo.yml",
            "membentuk satgas [@003#p1].",
            "membentuk satgas.",
            "actors/kominfo.yml:5: a sentence in the 'id' text has no citation: "
            '"Kementerian ini akan membentuk satgas."',
        ),
        (
            "actors/kominfo.yml",
            "membentuk satgas [@003#p1].",
            "membentuk satgas. Satgas itu baru [@003#p1].",
            "actors/kominfo.yml:5: a sentence in the 'id' text has no citation: "
            '"Kementerian ini akan membentuk satgas."',
        ),
        (
            "actors/kominfo.yml",
            "  en: The ministry will set up a task force [@003#p1].\n",
            "",
            "actors/kominfo.yml:4: 'summary' has no text in 'en'",
        ),
        (
            "glossary/satgas.yml",
            "(actor:kominfo) terkait",
            "(actor:kominfo-x) terkait",
            "glossary/satgas.yml:7: link to unknown actor 'kominfo-x'",
        ),
        (
            "actors/kominfo.yml",
            "terms: [satgas]",
            "terms: [satgas, tugas]",
            "actors/kominfo.yml:9: related term 'tugas' does not exist",
        ),
        (
            "glossary/satgas.yml",
            "speaker: kominfo",
            "speaker: budi",
            "glossary/satgas.yml:10: speaker 'budi' is not an actor",
        ),
        (
            "glossary/satgas.yml",
            "    translation: {en: 'It is not only Kominfo that handles it, [...] in this matter,\"'}\n",
            "",
            "glossary/satgas.yml:10: the quote has no 'en' translation",
        ),
        (
            "actors/kominfo.yml",
            "[Kemenkominfo, Kominfo]",
            "[Kemenkominfo, Kominfo, Satgas]",
            "the name 'Satgas' is also used by satgas.yml",
        ),
        (
            "actors/kominfo.yml",
            "kind: ministry",
            "kind: ministy",
            "actors/kominfo.yml:2: 'kind' is 'ministy' -- use one of: person, ministry",
        ),
        (
            "actors/kominfo.yml",
            "summary:",
            "sumary:",
            "actors/kominfo.yml:4: unknown field 'sumary' -- did you mean 'summary'?",
        ),
    ],
)
def test_each_check_stops_the_build_naming_file_and_line(mini, file, old, new, expected):
    edit(mini / file, old, new)
    found = errors(mini)
    assert any(expected in message for message in found), found


def test_two_entries_with_one_id(mini):
    (mini / "glossary/satgas.yaml").write_text(TERM)
    found = errors(mini)
    assert any("glossary/satgas.yml:1: two term entries have the id 'satgas'" in m for m in found), found


def test_all_entry_problems_reported_in_one_run(mini):
    edit(mini / "glossary/satgas.yml", "[@003#p1].\n  en", "[@003#p99].\n  en")
    edit(mini / "actors/kominfo.yml", "kind: ministry", "kind: agency")
    assert len(errors(mini)) == 2


def test_quote_comparison_ignores_whitespace_and_quote_marks_only():
    paragraph = "“Saya ingin  mereka berkomitmen,” ujar Teten."
    assert quote_found('"Saya ingin mereka berkomitmen,"', paragraph)
    assert quote_found("Saya ingin [...] berkomitmen", paragraph)
    assert not quote_found("saya ingin mereka", paragraph)
    assert not quote_found("berkomitmen [...] Saya", paragraph)


def test_mentions_found_through_aliases_and_longest_name_first(mini):
    extra = textwrap.dedent("""\
        name: {id: Kementerian Koperasi dan UKM, en: Ministry of Cooperatives and SMEs}
        kind: ministry
        aliases: {id: [Kementerian Koperasi dan Usaha Mikro Kecil Menengah]}
        summary:
          id: Kementerian ini akan terlibat dalam satgas [@003#p2].
          en: The ministry will take part in the task force [@003#p2].
        """)
    (mini / "actors/kemenkop.yml").write_text(extra)
    site, _ = pipeline.build(mini)
    where = {
        key: list(site.mentioned_in(key))
        for key in [("actor", "kominfo"), ("term", "satgas"), ("actor", "kemenkop")]
    }
    assert where[("actor", "kominfo")] == [(DOC, ["1", "3", "4", "6"])]
    assert where[("term", "satgas")] == [(DOC, ["1", "2", "6"])]  # "satuan tugas" in paragraph 6
    assert where[("actor", "kemenkop")] == [(DOC, ["2"])]


def test_a_term_page_does_not_define_its_own_names_as_tooltips(site):
    """A term's own page does not repeat its definition as a tooltip (``*[name]: ...``) for any of
    its names, in any language; the other terms it names keep theirs."""
    pages = {page.path: page.content for page in render(site, BuildFacts(), parallel=False)}
    terms = [entry for entry in site.entries if entry.kind == "term"]
    assert terms
    repeated = []
    for lang in site.config.languages:
        for entry in terms:
            content = pages[f"{lang}/{stem(site, entry.key, lang)}.md"]
            variants = {v for name in entry.names() for v in case_variants(name)} | entry.names()
            repeated += [f"{lang}/{entry.id}: {v}" for v in sorted(variants) if f"\n*[{v}]: " in content]
    assert not repeated, repeated


def test_a_relation_of_an_entry_to_itself_is_refused_with_its_line(sources_copy):
    """``relations: [{type: regulates, target: actor:<itself>}]`` says nothing and has no
    drawing (an edge from a node to itself): the check names the line instead of the build
    failing later."""
    path = sources_copy / "actors/teten-masduki.yml"
    text = path.read_text(encoding="utf-8")
    assert "    target: actor:kementerian-koperasi-dan-ukm\n" in text
    path.write_text(text.replace("actor:kementerian-koperasi-dan-ukm\n", "actor:teten-masduki\n", 1))
    line = text[: text.index("actor:kementerian-koperasi-dan-ukm\n")].count("\n")
    found = errors(sources_copy)
    assert any(
        message.startswith(f"{path}:{line}: ") and "to itself" in message and " -- " in message
        for message in found
    ), found
