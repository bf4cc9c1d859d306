"""Draft update records: the maintenance commands and `make changes` prefill a record of
sources/updates/ (CONTRIBUTING.md, "Updates") so that a contributor only writes its note."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import pipeline
from generator.cli import main
from generator.maintain import corrections
from generator.maintain.updates import citing_pages, draft, dumps, scanned, slug, write_draft
from tests.conftest import ENGLISH_FIRST, SOURCES, copy_collection

DAY = "2026-12-07"
COLLECTIONS = [pytest.param(SOURCES, id="indonesian-first"), pytest.param(ENGLISH_FIRST, id="english-first")]
GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]


@pytest.fixture(params=COLLECTIONS)
def sources(request, tmp_path: Path, monkeypatch) -> Path:
    """A copy of a test collection (each language order in turn) as ``sources/`` in the cwd."""
    monkeypatch.chdir(tmp_path)
    return copy_collection(tmp_path / "sources", request.param)


def languages(sources: Path) -> list[str]:
    return yaml.safe_load((sources / "site.yml").read_text(encoding="utf-8"))["languages"]


def first_document(sources: Path) -> str:
    return sorted(p.stem for p in sources.glob("*.txt"))[0]


def cited_in_files(sources: Path, doc_id: str, keys: set[str] | None = None) -> set[str]:
    """The pages whose files cite the document (or these paragraphs of it), read with a regular
    expression: what the draft's pages must be, found without the generator."""
    site = yaml.safe_load((sources / "site.yml").read_text(encoding="utf-8"))
    names = "|".join(sorted({re.escape(doc_id), re.escape(doc_id.split("_")[0])}, key=len, reverse=True))
    pattern = re.compile(rf"(?:@|source:\s*)(?:{names})(?:#p(\w+))?(?![\w-])")
    files = {sources / "site.yml": "home"}
    for folder, kind in (("pages", "page"), ("glossary", "term"), ("actors", "actor")):
        for path in (sources / folder).glob("*.yml"):
            home = kind == "page" and path.stem == site.get("home_page")
            files[path] = "home" if home else f"{kind}/{path.stem}"
    return {
        ref
        for path, ref in files.items()
        if any(keys is None or m[1] in keys for m in pattern.finditer(path.read_text(encoding="utf-8")))
    }


def drafted(out: str, sources: Path) -> dict:
    """The draft the command printed the path of, read with yaml.safe_load."""
    found = re.findall(r"draft update record: (\S+)", out)
    assert len(found) == 1, out
    assert "write its note in every language" in out
    path = sources.parent / found[0]
    assert path.parent == sources / "updates" and path.name.startswith(f"{DAY}-")
    assert re.fullmatch(r"\d{4}-\d\d-\d\d-[a-z0-9-]+\.yml", path.name)
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert record["date"] == date.fromisoformat(DAY)
    assert list(record["note"]) == languages(sources), "a note per language, in site.yml's order"
    assert set(record["note"].values()) == {""}
    return record


def test_update_source_drafts_a_correction_with_its_paragraphs_and_pages(sources, tmp_path, capsys):
    doc_id = first_document(sources)
    site, _ = pipeline.build(sources)
    text = (sources / f"{doc_id}.txt").read_text(encoding="utf-8")
    paragraphs = site.document(doc_id).paragraphs
    cited = next(
        p
        for p in paragraphs
        if text.count(p.text[:60]) == 1
        and sum(p.text[:60] in q.text for q in paragraphs) == 1
        and cited_in_files(sources, doc_id, {p.key})
    )
    text = text.replace(cited.text[:60], f"{cited.text[:60]} (corrected)")
    text += "\n\nAn invented paragraph the correction adds, for this test.\n"
    corrected = tmp_path / "corrected.txt"
    corrected.write_text(text, encoding="utf-8")
    main(["--sources", "sources", "update-source", doc_id, "--file", str(corrected), "--date", DAY])
    record = drafted(capsys.readouterr().out, sources)
    correction = corrections.read_record(sources, doc_id).corrections[-1]
    assert cited.key in [c.key for c in correction.changed] and correction.added
    keys = {*correction.added, *(c.key for c in correction.changed), *(c.key for c in correction.removed)}
    assert record["kind"] == "source-corrected"
    assert record["sources"] == [doc_id]
    assert sorted(record["paragraphs"]) == sorted(f"{doc_id}#p{key}" for key in keys)
    assert set(record["pages"]) == cited_in_files(sources, doc_id, keys) | {f"source/{doc_id}"}
    assert record["pages"][-1] == f"source/{doc_id}"
    # A second correction the same day (as on another branch) gets a name of its own, not a "-2".
    corrected.write_text(text + "\nAnother invented paragraph.\n", encoding="utf-8")
    main(["--sources", "sources", "update-source", doc_id, "--file", str(corrected), "--date", DAY])
    names = sorted(p.stem for p in (sources / "updates").glob("*.yml") if "source-corrected" in p.stem)
    assert len(names) == 2 and not any(name.endswith("-2") for name in names)
    assert [name.rsplit("-", 1)[0] for name in names] == [f"{DAY}-source-corrected-{slug(doc_id)}"] * 2


def test_new_source_drafts_an_added_source(sources, tmp_path, capsys):
    article = tmp_path / "999_invented-article.txt"
    article.write_text(
        "An invented headline for a test\n\nThis invented article exists only for a test.\n\n"
        "Its second paragraph is invented too.\n",
        encoding="utf-8",
    )
    main(["--sources", "sources", "new", "source", str(article), "--date", DAY])
    record = drafted(capsys.readouterr().out, sources)
    assert record["kind"] == "source-added"
    assert record["sources"] == ["999_invented-article"]
    assert record["pages"] == ["source/999_invented-article"]
    assert "paragraphs" not in record and "renamed_from" not in record


def test_rename_source_drafts_a_rename_with_the_pages_whose_citations_changed(sources, capsys):
    doc_id = first_document(sources)
    citing = cited_in_files(sources, doc_id)
    assert citing, "the test needs a cited document"
    main(["--sources", "sources", "rename-source", doc_id, "998_renamed", "--date", DAY])
    record = drafted(capsys.readouterr().out, sources)
    assert record["kind"] == "source-renamed"
    assert record["sources"] == ["998_renamed"] and record["renamed_from"] == doc_id
    assert set(record["pages"]) == citing | {"source/998_renamed"}
    assert cited_in_files(sources, "998_renamed") == citing, "the citations followed the rename"


def test_remove_source_drafts_a_removal_with_the_pages_that_cited_it(sources, capsys):
    doc_id = first_document(sources)
    citing = cited_in_files(sources, doc_id)
    main(["--sources", "sources", "remove-source", doc_id, "--reason", "test", "--date", DAY])
    record = drafted(capsys.readouterr().out, sources)
    assert record["kind"] == "source-removed"
    assert record["sources"] == [doc_id]
    assert set(record["pages"]) == citing | {f"source/{doc_id}"}


def test_remove_source_finds_the_citing_pages_when_the_sources_do_not_build(sources, capsys):
    doc_id = first_document(sources)
    citing = cited_in_files(sources, doc_id)
    (sources / "glossary" / "broken.yml").write_text("name: [unclosed\n", encoding="utf-8")
    main(["--sources", "sources", "remove-source", doc_id, "--date", DAY])
    record = drafted(capsys.readouterr().out, sources)
    assert set(record["pages"]) == citing | {f"source/{doc_id}"}


@pytest.mark.parametrize("collection", COLLECTIONS)
def test_the_files_read_without_a_build_agree_with_the_site(collection):
    site, _ = pipeline.build(collection)
    for doc in site.documents:
        assert scanned(collection, doc.id) == citing_pages(site, doc.id)
        for para in doc.paragraphs:
            assert scanned(collection, doc.id, [para.key]) == citing_pages(site, doc.id, [para.key])


def test_names_never_collide(tmp_path):
    record = draft("source-corrected", date(2026, 12, 7), ["en", "id"], sources=["001_Ünïcode Id"])
    assert record.name == "2026-12-07-source-corrected-001-unicode-id.yml"
    first = tmp_path / "updates" / record.name
    first.parent.mkdir()
    first.write_text("kept\n", encoding="utf-8")
    paths = [write_draft(tmp_path, record) for _ in range(3)]
    assert [p.name for p in paths] == [record.name.replace(".yml", f"-{n}.yml") for n in (2, 3, 4)]
    assert first.read_text(encoding="utf-8") == "kept\n", "an existing record is never overwritten"
    assert all(yaml.safe_load(p.read_text(encoding="utf-8"))["kind"] == "source-corrected" for p in paths)


TEXT = st.text()
IDS = st.lists(TEXT, max_size=4, unique=True)
CODES = st.lists(st.from_regex(r"[a-z]{2,3}", fullmatch=True), min_size=1, max_size=4, unique=True)


@settings(max_examples=300, deadline=None)
@given(
    kind=TEXT,
    codes=CODES,
    sources=IDS,
    paragraphs=IDS,
    pages=IDS,
    renamed=TEXT,
    claims=st.lists(TEXT, max_size=3),
)
def test_any_text_reads_back_as_written(kind, codes, sources, paragraphs, pages, renamed, claims):
    withdrawn = [dict.fromkeys(codes, claim) for claim in claims]
    record = draft(kind, date(2026, 12, 7), codes, sources, paragraphs, pages, renamed, withdrawn)
    read = yaml.safe_load(dumps(record))
    assert read["kind"] == kind and read["note"] == dict.fromkeys(codes, "")
    assert list(read["note"]) == codes
    assert read.get("sources", []) == [s for s in sources if s]
    assert read.get("paragraphs", []) == [p for p in paragraphs if p]
    assert read.get("pages", []) == [p for p in pages if p]
    assert read.get("renamed_from", "") == renamed
    assert read.get("withdrawn", []) == withdrawn
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", record.slug) and record.slug.isascii()
    assert slug(record.slug) == record.slug


@pytest.fixture
def repo(tmp_path: Path, monkeypatch) -> Path:
    """A git repository whose one commit holds the frozen collection as sources/; the cwd."""
    copy_collection(tmp_path / "sources")
    for args in (["init", "-q"], ["add", "sources"], ["commit", "-q", "-m", "collection"]):
        subprocess.run([*GIT, "-C", str(tmp_path), *args], check=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path / "sources"


def reported(capsys) -> str:
    main(["--sources", "sources", "changes", "--base", "HEAD"])
    return capsys.readouterr().out


def proposed(report: str) -> dict:
    block = re.search(r"### Update record for readers\n.*?\n```yaml\n(.*?)\n```", report, re.S)
    assert block, report
    return yaml.safe_load(block[1])


def test_make_changes_proposes_a_record_that_parses(repo, capsys):
    term = repo / "glossary" / "umkm.yml"
    text = term.read_text(encoding="utf-8")
    term.write_text(text.replace("berpotensi mengancam", "dapat mengancam", 1), encoding="utf-8")
    record = proposed(reported(capsys))
    assert record["kind"] == "claims-reworded"
    assert "term/umkm" in record["pages"]
    assert record["note"] == {"id": "", "en": ""}
    assert record["date"] == date.today()


def test_make_changes_guesses_a_withdrawal_and_keeps_what_it_said(repo, capsys):
    term = repo / "glossary" / "umkm.yml"
    text = term.read_text(encoding="utf-8")
    start = text.index("  - id: >-\n      Berita itu")
    end = text.index("  - id: >-", start + 1)
    term.write_text(text[:start] + text[end:], encoding="utf-8")
    record = proposed(reported(capsys))
    assert record["kind"] == "claims-withdrawn"
    said = yaml.safe_load(text[start:end])[0]
    assert record["withdrawn"] == [{lang: " ".join(words.split()) for lang, words in said.items()}]


def test_make_changes_proposes_nothing_when_a_record_is_added_or_readers_see_no_change(repo, capsys):
    (repo / "site.yml").write_text(
        (repo / "site.yml").read_text(encoding="utf-8") + "# a comment\n", encoding="utf-8"
    )
    assert "### Update record" not in reported(capsys)
    term = repo / "glossary" / "umkm.yml"
    text = term.read_text(encoding="utf-8")
    term.write_text(text.replace("berpotensi mengancam", "dapat mengancam", 1), encoding="utf-8")
    assert "### Update record" in reported(capsys)
    (repo / "updates").mkdir()
    (repo / "updates" / f"{DAY}-claims-reworded-term-umkm.yml").write_text(
        f"date: {DAY}\nkind: claims-reworded\npages: [term/umkm]\n"
        'note: {id: "Kalimat tentang UMKM diubah.", en: "A sentence on UMKM was reworded."}\n',
        encoding="utf-8",
    )
    assert "### Update record" not in reported(capsys)
