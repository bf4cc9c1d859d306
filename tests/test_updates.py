"""Updates (issue 24): records in ``sources/updates/`` are read and checked (a note in every
language, what they name exists), and shown where readers look: the updates page, an "Updated"
line on each page an update changed and on no other, the home page's latest, the open data.
Every test runs on both test collections (Indonesian first and English first)."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import pipeline
from generator.model import PageKey, PageKind
from generator.model.problems import InputError
from generator.model.words import ui
from generator.render.addresses import stem
from generator.render.open_data import files as open_data_files
from generator.render.writers import table
from tests.conftest import ENGLISH_FIRST, SOURCES, copy_collection, render_pages

COLLECTIONS = {"indonesian-first": SOURCES, "english-first": ENGLISH_FIRST}


@pytest.fixture(params=list(COLLECTIONS))
def sources(request, tmp_path) -> Path:
    """A copy of a test collection without update records: each test writes its own."""
    copied = copy_collection(tmp_path / "sources", COLLECTIONS[request.param])
    shutil.rmtree(copied / "updates", ignore_errors=True)
    return copied


def languages(sources: Path) -> list[str]:
    return yaml.safe_load((sources / "site.yml").read_text(encoding="utf-8"))["languages"]


def write(sources: Path, name: str, record: dict) -> Path:
    folder = sources / "updates"
    folder.mkdir(exist_ok=True)
    path = folder / f"{name}.yml"
    path.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def note(sources: Path, words: str) -> dict[str, str]:
    return {lang: f"{words} ({lang})." for lang in languages(sources)}


def targets(sources: Path) -> tuple[PageKey, PageKey, tuple[str, str]]:
    """A story page that is not the home page, an entry, and a paragraph of a document: the
    first of each in the collection, whatever it holds."""
    site, _ = pipeline.build(sources)
    story = next(p for p in site.pages if p.id != site.config.home_page)
    doc = site.documents[0]
    return PageKey(PageKind.page, story.id), site.entries[0].key, (doc.id, doc.paragraphs[0].key)


def problems_of(sources: Path) -> list[str]:
    with pytest.raises(InputError) as caught:
        pipeline.build(sources)
    return [str(problem) for problem in caught.value.problems.errors]


# Reading and checking ----------------------------------------------------------------------------


def test_a_record_without_its_note_in_a_language_is_refused_at_its_line(sources):
    for lang in languages(sources):
        words = note(sources, "A change") | {lang: ""}
        path = write(
            sources, "2024-05-01-a-change", {"date": "2024-05-01", "kind": "source-added", "note": words}
        )
        found = problems_of(sources)
        line = next(
            n
            for n, text in enumerate(path.read_text().splitlines(), 1)
            if text.strip().startswith(f"{lang}:")
        )
        assert any(f"updates/2024-05-01-a-change.yml:{line}:" in p and f"'{lang}'" in p for p in found), found


def test_what_a_record_names_must_exist_each_problem_at_its_line(sources):
    path = write(
        sources,
        "2024-05-01-wrong",
        {
            "date": "2024-05-01",
            "kind": "no-such-kind",
            "sources": ["no-such-document"],
            "paragraphs": ["no-such-document#p1"],
            "pages": ["term/no-such-term", "nonsense"],
            "note": note(sources, "Wrong"),
        },
    )
    lines = path.read_text().splitlines()

    def line_of(value: str) -> int:
        return next(n for n, text in enumerate(lines, 1) if value in text)

    found = problems_of(sources)
    name = "updates/2024-05-01-wrong.yml"
    for value in ("no-such-kind", "no-such-document#p1", "no-such-term", "nonsense"):
        where = f"{name}:{line_of(value)}:"
        assert any(where in p and value.split("#")[0] in p for p in found), (value, found)
    assert any(f"{name}:{line_of('- no-such-document')}:" in p for p in found), found


def test_the_names_and_dates_of_records_are_checked(sources):
    write(sources, "not-dated", {"date": "2024-05-01", "kind": "source-added", "note": note(sources, "x")})
    write(
        sources,
        "2024-05-02-bad-day",
        {"date": "2024-02-30", "kind": "source-added", "note": note(sources, "x")},
    )
    found = problems_of(sources)
    assert any("not-dated.yml:1:" in p for p in found)
    assert any("2024-05-02-bad-day.yml:1:" in p and "has no day 30" in p for p in found), found


def test_a_valid_record_is_read_and_its_documents_named_by_their_ids(sources):
    page, entry, (doc_id, key) = targets(sources)
    short = doc_id.split("_")[0]
    write(
        sources,
        "2024-05-01-valid",
        {
            "date": "2024-05-01",
            "kind": "source-corrected",
            "sources": [short],
            "paragraphs": [f"{short}#p{key}"],
            "pages": [f"{page.kind}/{page.item}", f"{entry.kind}/{entry.item}", "home"],
            "note": note(sources, "Corrected"),
        },
    )
    site, _ = pipeline.build(sources)
    (update,) = site.updates
    assert update.sources == (doc_id,) and update.paragraphs == ((doc_id, key),)
    assert set(update.pages) == {page, entry, PageKey(PageKind.home)}
    assert site.updates_of(PageKey(PageKind.source, doc_id)) == [update]


# Where readers see them -----------------------------------------------------------------------------


def page_path(site, key: PageKey, lang: str) -> str:
    return f"{lang}/{stem(site, key, lang)}.md"


def test_only_the_pages_an_update_changed_say_so_under_their_title(sources):
    page, entry, (doc_id, _) = targets(sources)
    write(
        sources,
        "2024-05-01-touched",
        {
            "date": "2024-05-01",
            "kind": "claims-reworded",
            "sources": [doc_id],
            "pages": [f"{page.kind}/{page.item}", f"{entry.kind}/{entry.item}"],
            "note": note(sources, "Reworded a claim"),
        },
    )
    site, _ = pipeline.build(sources)
    untouched_entry = next(e.key for e in site.entries if e.key != entry)
    untouched_doc = next(d.id for d in site.documents if d.id != doc_id)
    for lang in site.config.languages:
        touched = [page, entry, PageKey(PageKind.source, doc_id)]
        untouched = [untouched_entry, PageKey(PageKind.source, untouched_doc), PageKey(PageKind.home)]
        paths = {key: page_path(site, key, lang) for key in touched + untouched}
        pages = render_pages(site, *paths.values())
        said = f"Reworded a claim ({lang})."
        for key in touched:
            text = str(pages[paths[key]])
            title_line = next(n for n, line in enumerate(text.splitlines()) if line.startswith("# "))
            assert said in text and text.index(said) > text.index("\n# "), key
            assert "#2024-05-01-touched)" in text, key
            assert (
                text.splitlines().index(next(line for line in text.splitlines() if said in line)) > title_line
            )
        for key in untouched:
            if key.kind == PageKind.home:  # it lists the latest updates, but has no "Updated" line
                assert "page-updates" not in str(pages[paths[key]])
            else:
                assert said not in str(pages[paths[key]]), key


def test_the_updates_page_lists_every_update_newest_first_withdrawn_claims_included(sources):
    page, _, (doc_id, key) = targets(sources)
    langs = languages(sources)
    write(
        sources,
        "2024-01-02-older",
        {"date": "2024-01-02", "kind": "source-added", "sources": [doc_id], "note": note(sources, "Older")},
    )
    write(
        sources,
        "2024-03-04-newer",
        {
            "date": "2024-03-04",
            "kind": "claims-withdrawn",
            "pages": [f"{page.kind}/{page.item}"],
            "paragraphs": [f"{doc_id}#p{key}"],
            "withdrawn": [{lang: f"What the claim said <b>[x](y)</b> ({lang})" for lang in langs}],
            "note": note(sources, "Newer"),
        },
    )
    site, _ = pipeline.build(sources)
    for lang in langs:
        path = page_path(site, PageKey(PageKind.updates), lang)
        text = str(render_pages(site, path)[path])
        assert text.index("Newer") < text.index("Older")
        assert "{ #2024-03-04-newer }" in text and "{ #2024-01-02-older }" in text
        assert str(ui(lang)["update_kinds"]["claims-withdrawn"]) in text
        assert "What the claim said" in text and "<b>" not in text  # quoted as text, never as markup
        assert f"#p{key})" in text  # the paragraph, linked


def test_the_home_page_lists_the_latest_three(sources):
    for day in range(1, 5):
        write(
            sources,
            f"2024-05-0{day}-day-{day}",
            {"date": f"2024-05-0{day}", "kind": "source-added", "note": note(sources, f"Day {day}")},
        )
    site, _ = pipeline.build(sources)
    for lang in site.config.languages:
        path = page_path(site, PageKey(PageKind.home), lang)
        text = str(render_pages(site, path)[path])
        latest = text[text.index(str(ui(lang)["updates"]["latest"])) :]
        assert [f"Day {d} ({lang})" in latest for d in (4, 3, 2, 1)] == [True, True, True, False]


def test_without_updates_the_page_says_so_and_no_page_has_a_line(sources):
    site, _ = pipeline.build(sources)
    for lang in site.config.languages:
        paths = [
            page_path(site, PageKey(PageKind.updates), lang),
            page_path(site, PageKey(PageKind.home), lang),
        ]
        pages = render_pages(site, *paths)
        assert str(ui(lang)["updates"]["none"]) in str(pages[paths[0]])
        assert "page-updates" not in str(pages[paths[1]])
        assert str(ui(lang)["updates"]["latest"]) not in str(pages[paths[1]])


# Open data -------------------------------------------------------------------------------------------


TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from(["\n", "\t", "#", ":", '"', ","]),
    min_size=1,
    max_size=40,
).filter(lambda text: text.strip() and "TODO" not in text)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=TEXT)
def test_the_open_data_holds_each_update_as_written(tmp_path_factory, words):
    sources = copy_collection(tmp_path_factory.mktemp("data") / "sources", ENGLISH_FIRST)
    shutil.rmtree(sources / "updates")
    langs = languages(sources)
    write(
        sources,
        "2024-05-01-any-text",
        {"date": "2024-05-01", "kind": "source-added", "note": {lang: words for lang in langs}},
    )
    site, _ = pipeline.build(sources)
    expected = site.updates[0].note  # as read: the reader trims the text
    found = dict(open_data_files(site))
    for lang in langs:
        data = json.loads(found[f"{lang}/assets/data/updates.json"])
        (record,) = data["updates"]
        assert (
            record["note"] == expected and record["date"] == "2024-05-01" and record["kind"] == "source-added"
        )
        rows = list(csv.DictReader(io.StringIO(found[f"{lang}/assets/data/updates.csv"], newline="")))
        assert len(rows) == 1 and rows[0]["id"] == "2024-05-01-any-text"
        # as written, a text a spreadsheet would run as a formula neutralised (writers/table.py)
        assert all(rows[0][f"note_{code}"] == table.cell(expected[code]) for code in langs)


# Merging -------------------------------------------------------------------------------------------


def git(folder: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )


def test_two_pull_requests_that_each_add_an_update_merge_without_conflict(sources):
    project = sources.parent
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "collection")
    for branch, day in (("one", "01"), ("two", "02")):
        git(project, "checkout", "-qb", branch, "main")
        write(
            sources,
            f"2024-05-{day}-change",
            {"date": f"2024-05-{day}", "kind": "source-added", "note": note(sources, branch)},
        )
        git(project, "add", "-A")
        git(project, "commit", "-qm", branch)
    git(project, "checkout", "-q", "main")
    assert git(project, "merge", "-q", "one").returncode == 0
    merged = git(project, "merge", "-q", "--no-edit", "two")
    assert merged.returncode == 0, merged.stdout + merged.stderr
    site, _ = pipeline.build(sources)
    assert [update.id for update in site.updates] == ["2024-05-02-change", "2024-05-01-change"]


# The feed -------------------------------------------------------------------------------------------


def test_each_language_has_a_feed_that_feed_readers_read_newest_first(sources):
    import feedparser

    from generator.model import BuildFacts
    from generator.render.feeds import feeds

    for day in ("01", "03", "02"):
        write(
            sources,
            f"2024-05-{day}-day",
            {"date": f"2024-05-{day}", "kind": "source-added", "note": note(sources, day)},
        )
    site, _ = pipeline.build(sources)
    made = {
        page.path: str(page.content) for page in feeds(site, BuildFacts(address="https://example.org/x/"))
    }
    assert len(made) == len(site.config.languages)
    for lang in site.config.languages:
        (path,) = [p for p in made if p.startswith(f"{lang}/")]
        parsed = feedparser.parse(made[path])
        assert not parsed.bozo, parsed.bozo_exception
        assert parsed.feed.language == lang
        assert [entry.summary for entry in parsed.entries] == [f"{d} ({lang})." for d in ("03", "02", "01")]
        assert all(entry.link.startswith("https://example.org/x/") for entry in parsed.entries)
        assert parsed.feed.links[0].href.endswith("atom.xml") or any(
            link.rel == "self" and link.href.endswith("atom.xml") for link in parsed.feed.links
        )


def test_no_feed_without_a_published_address_or_without_updates(sources):
    from generator.model import BuildFacts
    from generator.render.feeds import feeds

    site, _ = pipeline.build(sources)
    assert feeds(site, BuildFacts(address="https://example.org/x/")) == []  # nothing to tell of yet
    write(
        sources, "2024-05-01-day", {"date": "2024-05-01", "kind": "source-added", "note": note(sources, "x")}
    )
    site, _ = pipeline.build(sources)
    assert feeds(site, BuildFacts()) == []  # a feed reader needs absolute addresses


def test_the_cite_block_and_the_ledger_give_the_latest_update_as_the_last_change(sources):
    """Without git history (as here), a page's last change is its latest update: the cite block
    says so, and the claims ledger's rows of that page carry the same day."""
    from generator.model import BuildFacts
    from generator.render.ledger import records

    page, _, _ = targets(sources)
    for day in ("2024-05-01", "2024-06-02"):
        write(
            sources,
            f"{day}-x",
            {
                "date": day,
                "kind": "claims-reworded",
                "pages": [f"page/{page.item}"],
                "note": note(sources, day),
            },
        )
    site, _ = pipeline.build(sources)
    rows = [row for row in records(site, site.resolver, BuildFacts()) if row["page_id"] == page.item]
    assert rows and {row["last_changed"] for row in rows} == {"2024-06-02"}
    untouched = [row for row in records(site, site.resolver, BuildFacts()) if row["page_kind"] == "term"]
    assert untouched and {row["last_changed"] for row in untouched} == {None}
    for lang in site.config.languages:
        path = page_path(site, page, lang)
        text = str(render_pages(site, path)[path])
        said = ui(lang)["cite"]["changed"].format(date=f"2 {ui(lang)['months'][5]} 2024")
        assert said in text


def test_a_record_naming_the_story_page_shown_as_the_home_page_changes_the_home_page(sources):
    site, _ = pipeline.build(sources)
    home_story = site.config.home_page
    assert home_story, "both test collections show a story page as their home page"
    write(
        sources,
        "2024-05-01-home",
        {
            "date": "2024-05-01",
            "kind": "claims-reworded",
            "pages": [f"page/{home_story}"],
            "note": note(sources, "Home story"),
        },
    )
    site, _ = pipeline.build(sources)
    assert site.updates[0].pages == (PageKey(PageKind.home),)
    for lang in site.config.languages:
        path = page_path(site, PageKey(PageKind.home), lang)
        assert "page-updates" in str(render_pages(site, path)[path])


def test_an_unquoted_numeric_id_is_reported_with_how_to_quote_it(sources):
    path = sources / "updates" / "2024-05-01-numbers.yml"
    path.parent.mkdir(exist_ok=True)
    langs = languages(sources)
    notes = ", ".join(f"{lang}: A note" for lang in langs)
    path.write_text(
        f"date: 2024-05-01\nkind: source-added\nsources: [001]\nnote: {{{notes}}}\n", encoding="utf-8"
    )
    found = problems_of(sources)
    assert any("2024-05-01-numbers.yml:3:" in p and '["001", "002"]' in p for p in found), found
