"""Evidence that survives change: corrected, renamed and removed sources keep every citation,
paragraph link and translation on the text it was made for."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from generator import pipeline
from generator.cli import main as run_command
from generator.model import BuildFacts, Record, Slot
from generator.model.problems import InputError
from generator.read.records import align, letters, new_key
from generator.render.run import render
from tests.conftest import copy_collection, render_pages, write_notes


def main(args: list[str]) -> int:
    """The command line, then the note of any draft update record it wrote, written as a
    contributor would (tests/conftest.py, ``write_notes``): a draft's empty note fails make check."""
    status = run_command(args)
    write_notes(Path(args[args.index("--sources") + 1]))
    return status


DOC = "001_9325e6259af9a897"
TODAY = "2026-11-29"


@pytest.fixture
def sources(tmp_path: Path, monkeypatch) -> Path:
    """A copy of the frozen collection; messages name its files as ``sources/...``."""
    monkeypatch.chdir(tmp_path)
    return copy_collection(tmp_path / "sources")


def paragraphs_of(text: bytes) -> list[str]:
    return text.decode("utf-8").split("\n\n")


def corrected(sources: Path, doc_id: str, change, tmp_path: Path) -> Path:
    """A corrected version of a document: ``change`` edits its list of blank-line blocks."""
    blocks = paragraphs_of((sources / f"{doc_id}.txt").read_bytes())
    change(blocks)
    path = tmp_path / f"{doc_id}-corrected.txt"
    path.write_bytes("\n\n".join(blocks).encode("utf-8"))
    return path


def update(sources: Path, doc: str, file: Path | None, *extra: str) -> int:
    args = ["--sources", str(sources), "update-source", doc, "--date", TODAY, *extra]
    return main(args + (["--file", str(file)] if file else []))


def pages(sources: Path, *only: str) -> dict[str, str]:
    """Every generated page, or ``only`` these."""
    site, _ = pipeline.build(sources)
    if only:
        return render_pages(site, *only)
    return {page.path: page.content for page in render(site, BuildFacts(), parallel=False)}


def document(sources: Path, doc_id: str):
    site, _ = pipeline.build(sources)
    return site, next(d for d in site.documents if d.id == doc_id)


def errors(sources: Path) -> list[str]:
    with pytest.raises(InputError) as caught:
        pipeline.build(sources)
    return [str(p) for p in caught.value.problems.errors]


# Keys and alignment ----------------------------------------------------------------------------
def test_inserted_keys_take_the_number_before_them_and_a_letter():
    assert [letters(n) for n in (0, 1, 25, 26, 27)] == ["a", "b", "z", "aa", "ab"]
    assert new_key("5", {"5", "6"}) == "5a"
    assert new_key("5a", {"5", "5a", "6"}) == "5b"
    assert new_key("5", {"5", "5a", "6"}) == "5b"  # keys are never reused
    assert new_key("0", set()) == "0a"  # before the first paragraph


def record(*texts: str) -> tuple[Record, dict[str, str]]:
    from generator.model import fingerprint

    keys = [str(n) for n in range(1, len(texts) + 1)]
    return Record([Slot(k, fingerprint(t)) for k, t in zip(keys, texts, strict=True)]), dict(
        zip(keys, texts, strict=True)
    )


def test_alignment_keeps_keys_of_moved_and_changed_paragraphs():
    old, texts = record("satu dua tiga", "empat lima enam tujuh", "delapan sembilan", "sepuluh sebelas")
    new = [
        "delapan sembilan",
        "satu dua tiga",
        "empat lima enam tujuh delapan",
        "baru sekali",
        "sepuluh sebelas",
    ]
    result = align(old, texts, new)
    assert result.keys == ["3", "1", "2", "2a", "4"]
    assert result.moved == ["3"] and result.added == ["2a"] and not result.removed
    assert result.changed == [("2", "empat lima enam tujuh")]


def test_a_removed_place_stays_where_it_was_and_its_key_is_never_given_again():
    old, texts = record("satu dua", "tiga empat", "lima enam")
    first = align(old, texts, ["satu dua", "lima enam"])
    assert first.removed == [("2", "tiga empat")]
    assert [(s.key, bool(s.fingerprint)) for s in first.slots] == [("1", True), ("2", False), ("3", True)]
    again = align(Record(first.slots), {"1": "satu dua", "3": "lima enam"}, ["satu dua", "baru", "lima enam"])
    assert again.keys == ["1", "2a", "3"]  # after the note on removed paragraph 2
    assert [s.key for s in again.slots] == ["1", "2", "2a", "3"]


# Correcting a source ---------------------------------------------------------------------------
def test_an_inserted_paragraph_changes_no_footnote_and_no_anchor(sources, tmp_path, capsys):
    before_pages = pages(sources)
    _, before = document(sources, DOC)
    new = corrected(sources, DOC, lambda b: b.insert(6, "Paragraf baru yang disisipkan penerbit."), tmp_path)
    assert update(sources, "001", new, "--reason", "Penerbit menambah paragraf") == 0
    assert (sources / f"{DOC}.txt").read_bytes() == new.read_bytes()
    digest = hashlib.sha256(new.read_bytes()).hexdigest()
    assert f"{digest}  {DOC}.txt" in (sources / "SHA256SUMS").read_text()
    shutil.rmtree(sources / "updates")  # its update record changes other pages (tests/test_updates.py)
    after_pages = pages(sources)
    own = {f"id/sumber/{DOC}.md", f"en/sources/{DOC}.md"}
    changed = {p for p in after_pages if after_pages[p] != before_pages.get(p)}
    # Besides the source's own pages, only data about the source changes: its citation files (one
    # entry per paragraph) and the calendar, stamped with the newest date the sources record.
    data = {p for p in changed if "/assets/cite/" in p and DOC in p or p.endswith("/timeline.ics")}
    assert changed - data == own  # every footnote as it was
    site, after = document(sources, DOC)
    assert [p.key for p in after.paragraphs] == ["1", "2", "3", "4", "5", "5a", *map(str, range(6, 20))]
    for para in before.paragraphs:  # every old anchor still on its own text, in both languages
        assert after.paragraph(para.key).text == para.text
        for page in own:
            assert f"{{ #p{para.key} .src-para" in after_pages[page]
    states = {s.paragraph.key: s.state for s in site.translations[DOC, "en"]}
    assert [k for k, state in states.items() if state != "done"] == ["5a"]
    assert states["5a"] == "missing"
    assert "Paragraph [5a](#p5a) added" in after_pages[f"en/sources/{DOC}.md"]
    assert 'Reason: <span lang="id">Penerbit menambah paragraf</span>' in after_pages[f"en/sources/{DOC}.md"]


def test_changed_words_of_a_cited_paragraph_name_every_citation_until_confirmed(sources, tmp_path, capsys):
    doc = "004_b525c05275177155"
    new = tmp_path / "004.txt"
    new.write_bytes((sources / f"{doc}.txt").read_bytes().replace(b"15 detik", b"20 detik"))
    citing = [
        (path, n)
        for path in sorted(sources.rglob("*.yml"))
        for n, line in enumerate(path.read_text().splitlines(), 1)
        if "@004#p7" in line
    ]
    assert citing
    assert update(sources, "004", new) == 1
    err = capsys.readouterr().err
    for path, line in citing:
        where = f"{path.relative_to(sources.parent)}:{line}: "
        assert any(m.startswith(where) and "rests on paragraph 7" in m for m in err.splitlines()), where
    assert (
        'was "…membuat video pendek berdurasi 15 detik' in err
        and 'now "…membuat video pendek berdurasi 20' in err
    )
    assert f"make confirm-paragraph ID={doc} PARAGRAPH=7" in err
    assert any("rests on paragraph 7" in m for m in errors(sources))  # make check refuses too
    stale = [s for s in document_statuses(sources, doc) if s.state == "stale"]
    assert [s.paragraph.key for s in stale] == ["7"]
    assert (
        "15 seconds" in (sources / f"{doc}.en.yml").read_text()
    )  # the earlier translation stays, as a draft
    assert (
        main(["--sources", str(sources), "confirm-paragraph", "004", "7"]) == 1
    )  # the figure quote is wrong now
    left = [m for m in errors(sources) if "rests on" in m or "paragraph 7" in m]
    assert left == [m for m in left if 'the words "video pendek berdurasi 15 detik"' in m] and len(left) == 1


def document_statuses(sources: Path, doc_id: str):
    site, _ = pipeline.build(sources, with_entries=False)
    return site.translations[doc_id, "en"]


def test_a_removed_paragraph_leaves_a_note_and_its_citations_are_reported(sources, tmp_path, capsys):
    new = corrected(sources, DOC, lambda b: b.pop(13), tmp_path)  # paragraph 13 of 001
    update(sources, "001", new)
    assert any(
        "citation [@001#p13]: paragraph 13 of 001_9325e6259af9a897 was removed in the correction of "
        "2026-11-29" in m
        for m in errors(sources)
    )
    text = (sources / f"{DOC}.record.yml").read_text()
    assert "- {key: '13', removed: true}" in text and "before:" in text


def test_a_source_edited_by_hand_is_refused_with_the_command_to_use(sources):
    path = sources / "003_5c094b5689ed37a0.txt"
    path.write_bytes(path.read_bytes() + b"\n\nTambahan.\n")
    (problem,) = [m for m in errors(sources) if "SHA256SUMS" in m]
    assert problem.startswith("sources/003_5c094b5689ed37a0.txt:1: the file differs from the checksum")
    assert "make update-source ID=003_5c094b5689ed37a0 FILE=sources/003_5c094b5689ed37a0.txt" in problem


def test_a_hand_edit_is_recorded_from_git_when_the_earlier_version_is_committed(sources, capsys):
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "init", "-q"], cwd=sources, check=True)
    subprocess.run([*git, "add", "."], cwd=sources, check=True)
    subprocess.run([*git, "commit", "-qm", "seed"], cwd=sources, check=True)
    path = sources / "003_5c094b5689ed37a0.txt"
    path.write_bytes(path.read_bytes().replace(b"JAKARTA,", b"Jakarta,", 1))
    assert update(sources, "003", None) == 1  # recorded; citations of paragraph 1 now await review
    text = (sources / "003_5c094b5689ed37a0.record.yml").read_text()
    assert "changed:\n  - key: '1'\n    before: JAKARTA, Tabukanews.com" in text


def test_without_git_a_hand_edit_cannot_be_compared_and_nothing_changes(sources, capsys):
    path = sources / "003_5c094b5689ed37a0.txt"
    path.write_bytes(path.read_bytes() + b"\n\nTambahan.\n")
    sums = (sources / "SHA256SUMS").read_text()
    assert update(sources, "003", None) == 2
    assert "cannot tell what changed" in capsys.readouterr().err
    assert (sources / "SHA256SUMS").read_text() == sums and not (
        sources / "003_5c094b5689ed37a0.record.yml"
    ).exists()


@pytest.mark.parametrize(
    ("name", "file", "message"),
    [
        ("999", b"x", "no document '999'"),
        ("001", None, "is not a file"),
        ("001", b"\x00\x01binary", "is not a text file"),
        ("001", b"  \n", "is empty"),
    ],
)
def test_update_source_refuses_bad_requests_and_changes_nothing(
    sources, tmp_path, capsys, name, file, message
):
    before = {p.name: p.read_bytes() for p in sources.iterdir() if p.is_file()}
    path = tmp_path / "new.txt"
    if file is not None:
        path.write_bytes(file)
    assert update(sources, name, path) == 2
    assert message in capsys.readouterr().err
    assert {p.name: p.read_bytes() for p in sources.iterdir() if p.is_file()} == before


def test_cleaning_that_no_longer_gives_the_recorded_paragraphs_is_reported(sources, tmp_path):
    new = corrected(sources, DOC, lambda b: b.insert(6, "Paragraf baru."), tmp_path)
    update(sources, "001", new)
    record_path = sources / f"{DOC}.record.yml"
    record_path.write_text(
        record_path.read_text().replace("- {key: '2', fingerprint: '", "- {key: '2', fingerprint: 'f")
    )
    assert any(
        m.startswith(f"sources/{DOC}.txt:1: the paragraphs differ from those recorded")
        for m in errors(sources)
    )


# Keys, renaming, removing ----------------------------------------------------------------------
def add_copy(sources: Path, new_id: str, of: str = "003_5c094b5689ed37a0") -> None:
    for suffix in (".txt", ".yml"):
        (sources / f"{new_id}{suffix}").write_bytes((sources / f"{of}{suffix}").read_bytes())
    digest = hashlib.sha256((sources / f"{new_id}.txt").read_bytes()).hexdigest()
    with (sources / "SHA256SUMS").open("a") as sums:
        sums.write(f"{digest}  {new_id}.txt\n")


def test_a_new_file_that_makes_a_key_ambiguous_is_one_message_naming_both_files(sources):
    add_copy(sources, "003-copy")
    found = errors(sources)
    about = [m for m in found if "'003'" in m]
    assert len(about) == 1, found
    (message,) = about
    assert message.startswith("sources/003-copy.txt:1: the citation key '003' names 2 documents")
    assert "003-copy.txt, 003_5c094b5689ed37a0.txt" in message and "citations use it:" in message
    assert "make rename-source ID=003-copy TO=<new id>" in message


def test_a_key_that_names_no_document_is_one_message_for_all_its_citations(sources):
    for path in (sources / "glossary").glob("*.yml"):
        path.write_text(path.read_text().replace("[@003#p", "[@009#p"))
    about = [m for m in errors(sources) if "'009'" in m]
    assert len(about) == 1 and "names no document in sources/" in about[0] and "citations use it:" in about[0]


def test_rename_moves_files_rewrites_citations_and_leaves_redirects(sources, capsys):
    old = "002_8b216c02d635696e"
    cited = sum(
        len(re.findall(r"@002(#p|[\];])|source:\s*[\"']?002#p", p.read_text()))
        for p in sources.rglob("*.yml")
    )
    assert main(["--sources", str(sources), "rename-source", "002", "020_kompasiana"]) == 0
    assert f"{cited}" in capsys.readouterr().out.split(" citation(s)")[0].split("\n")[-1]
    assert not list(sources.glob(f"{old}.*"))
    assert {p.name for p in sources.glob("020_kompasiana.*")} == {
        f"020_kompasiana.{s}" for s in ("txt", "yml", "en.yml", "record.yml")
    }
    assert (
        "020_kompasiana.txt" in (sources / "SHA256SUMS").read_text()
        and old not in (sources / "SHA256SUMS").read_text()
    )
    assert not any("@002#p" in p.read_text() for p in sources.rglob("*.yml"))
    built = pages(sources)
    for name in (f"id/sumber/{old}/index.html", f"en/sources/{old}/index.html"):
        assert 'location.replace("../020_kompasiana/" + location.hash)' in built[name]
        assert 'content="0; url=../020_kompasiana/"' in built[name]


def test_rename_refuses_a_key_another_document_uses(sources, capsys):
    assert main(["--sources", str(sources), "rename-source", "002", "003_x"]) == 2
    assert "the key '003' of '003_x' is already used" in capsys.readouterr().err
    assert (sources / "002_8b216c02d635696e.txt").exists()


def test_removal_keeps_a_notice_and_leftovers_are_reported(sources, tmp_path, capsys):
    add_copy(sources, "900_salinan")
    assert (
        main(
            ["--sources", str(sources), "remove-source", "900", "--reason", "Salinan ganda", "--date", TODAY]
        )
        == 0
    )
    assert [p.name for p in sources.glob("900_salinan.*")] == ["900_salinan.record.yml"]
    assert "900_salinan.txt" not in (sources / "SHA256SUMS").read_text()
    built = pages(sources, "id/sumber/900_salinan.md", "en/sources/900_salinan.md")
    assert "Dokumen ini dihapus dari koleksi pada 29 November 2026" in built["id/sumber/900_salinan.md"]
    assert 'Reason: <span lang="id">Salinan ganda</span>' in built["en/sources/900_salinan.md"]
    (sources / "003_5c094b5689ed37a0.txt").unlink()
    found = errors(sources)
    for leftover in ("003_5c094b5689ed37a0.yml", "003_5c094b5689ed37a0.en.yml"):
        assert any(m.startswith(f"sources/{leftover}:1: belongs to the document") for m in found), leftover
    assert any(
        m.startswith("sources/SHA256SUMS:") and "003_5c094b5689ed37a0.txt is listed" in m for m in found
    )


def test_new_source_takes_a_file_already_in_sources(sources):
    (sources / "900_pindahan.txt").write_bytes(b"Paragraf satu.\n\nParagraf dua.\n")
    assert any("900_pindahan.txt is not listed in SHA256SUMS" in m for m in errors(sources))
    assert main(["--sources", str(sources), "new", "source", str(sources / "900_pindahan.txt")]) == 0
    assert "900_pindahan.txt" in (sources / "SHA256SUMS").read_text()
    assert (sources / "900_pindahan.yml").exists() and (sources / "900_pindahan.en.yml").exists()


def test_paragraphs_lists_the_keys_to_cite(sources, tmp_path, capsys):
    new = corrected(sources, DOC, lambda b: b.insert(6, "Paragraf baru."), tmp_path)
    update(sources, "001", new)
    capsys.readouterr()
    assert main(["--sources", str(sources), "paragraphs", "001"]) == 0
    lines = [
        line.split("]")[0] + "]" for line in capsys.readouterr().out.splitlines() if line.startswith("[@")
    ]
    assert lines[4:7] == ["[@001#p5]", "[@001#p5a]", "[@001#p6]"]


def test_correction_dates_default_to_today(sources, tmp_path):
    new = corrected(sources, DOC, lambda b: b.insert(6, "Paragraf baru."), tmp_path)
    main(["--sources", str(sources), "update-source", "001", "--file", str(new)])
    assert f"date: {date.today().isoformat()}" in (sources / f"{DOC}.record.yml").read_text()


def test_a_removed_paragraph_keeps_its_address_with_a_note_in_both_languages(sources, tmp_path):
    doc = "002_8b216c02d635696e"
    _, before = document(sources, doc)
    gone = before.paragraph("13").text
    new = tmp_path / "002.txt"
    text = (sources / f"{doc}.txt").read_bytes()
    new.write_bytes(text.replace(gone.encode() + b"\n", b"", 1))  # one paragraph per line here
    assert update(sources, "002", new) == 0
    built = pages(sources, f"id/sumber/{doc}.md", f"en/sources/{doc}.md")
    for page, note in (
        (f"id/sumber/{doc}.md", "Paragraf ini dihapus"),
        (f"en/sources/{doc}.md", "This paragraph was removed"),
    ):
        text = built[page]
        assert "[¶ 13](#p13)" in text and "{ #p13 .src-para .src-removed }" in text and note in text
        assert text.index("#p12 ") < text.index("#p13 .src-para .src-removed") < text.index("#p14 ")
        assert gone in text  # the earlier wording, in the corrections log
    _, after = document(sources, doc)
    assert all(after.paragraph(p.key).text == p.text for p in before.paragraphs if p.key != "13")


def test_a_source_renamed_by_hand_is_named_with_the_command_to_use(sources):
    old, new = "003_5c094b5689ed37a0", "003_tabuka"
    for path in sources.glob(f"{old}.*"):
        path.rename(path.with_name(new + path.name[len(old) :]))
    found = errors(sources)
    (message,) = [m for m in found if m.startswith(f"sources/{new}.txt:1:")]
    assert f"is {old}.txt renamed by hand" in message
    assert f"make rename-source ID={old} TO={new}" in message
    assert not any(m.startswith("sources/SHA256SUMS") for m in found)


def test_remove_source_takes_out_what_a_deleted_text_left_behind(sources, capsys):
    doc = "003_5c094b5689ed37a0"
    (sources / f"{doc}.txt").unlink()
    assert any(f"make remove-source ID={doc}" in m for m in errors(sources))
    assert main(["--sources", str(sources), "remove-source", doc]) == 1  # its citations remain to fix
    assert [p.name for p in sources.glob(f"{doc}.*")] == [f"{doc}.record.yml"]
    found = errors(sources)
    assert not any("belongs to the document" in m or m.startswith("sources/SHA256SUMS") for m in found)
    assert any("the citation key '003' names no document" in m and "was removed" in m for m in found)


def test_a_reason_in_a_language_the_site_lacks_is_refused(sources, tmp_path, capsys):
    new = corrected(sources, DOC, lambda b: b.insert(6, "Paragraf baru."), tmp_path)
    assert update(sources, "001", new, "--reason", "fr=Un paragraphe") == 2
    assert "REASON_fr: 'fr' is not a language of the site -- use one of id, en" in capsys.readouterr().err
    assert not (sources / f"{DOC}.record.yml").exists()


def test_a_title_that_now_drops_the_first_paragraph_is_caught_and_recorded(sources, capsys):
    doc = "000_f46436b26b41dcd8"
    _, before = document(sources, doc)
    headline = before.paragraph("1").text
    meta = sources / f"{doc}.yml"
    text = meta.read_text()
    title = f"title:\n  id: {json.dumps(headline)}\n  en: {json.dumps(headline)}\n"
    meta.write_text(re.sub(r"^title: null.*\n", title, text, count=1, flags=re.M))
    found = errors(sources)
    (shift,) = [m for m in found if "numbered differently from when they were translated" in m]
    assert shift.startswith(f"sources/{doc}.txt:1:") and "paragraph 2 is now 1" in shift
    assert f"make update-source ID={doc} REASON=..." in shift
    assert update(sources, "000", None, "--reason", "Judul kini tercetak") == 1  # citations of p1 remain
    _, after = document_model(sources, doc)
    assert [p.key for p in after.paragraphs] == [p.key for p in before.paragraphs[1:]]
    assert all(after.paragraph(p.key).text == p.text for p in before.paragraphs[1:])
    remaining = errors(sources)
    assert remaining and all("[@000#p1]" in m or "000#p1" in m for m in remaining if "000" in m)
    assert not any("numbered differently" in m for m in remaining)


def document_model(sources: Path, doc_id: str):
    site, _ = pipeline.build(sources, with_entries=False)
    return site, next(d for d in site.documents if d.id == doc_id)


def test_renaming_a_newcomer_that_shares_a_key_leaves_the_other_documents_citations(sources, capsys):
    original = "003_5c094b5689ed37a0"
    (sources / "003-copy.txt").write_bytes((sources / f"{original}.txt").read_bytes())
    before = {p: p.read_text() for p in sources.rglob("*.yml")}
    assert (
        main(["--sources", str(sources), "rename-source", "003-copy", "030_salinan"]) == 1
    )  # still unregistered
    assert "never published" in capsys.readouterr().out
    assert {p: p.read_text() for p in sources.rglob("*.yml")} == before  # no citation rewritten
    found = errors(sources)
    assert not any("names 2 documents" in m for m in found)
    assert all(m.startswith("sources/030_salinan.txt:1:") for m in found), found
