"""Writing: atomic, only when changed, and only inside the generated set."""

from generator.publish.write import MANIFEST, write
from generator.render.output import Page


def test_writes_only_changed_files(tmp_path):
    first = write([Page("a.md", "A"), Page("sub/b.md", "B")], tmp_path)
    assert sorted(first.written) == ["a.md", "sub/b.md"]
    before = (tmp_path / "a.md").stat().st_mtime_ns
    second = write([Page("a.md", "A"), Page("sub/b.md", "B2")], tmp_path)
    assert second.written == ["sub/b.md"] and second.unchanged == 1
    assert (tmp_path / "a.md").stat().st_mtime_ns == before


def test_removes_pages_it_no_longer_makes_but_never_hand_written_files(tmp_path):
    write([Page("a.md", "A"), Page("old/b.md", "B")], tmp_path)
    (tmp_path / "notes.md").write_text("hand-written")
    report = write([Page("a.md", "A")], tmp_path)
    assert report.removed == ["old/b.md"]
    assert not (tmp_path / "old").exists()
    assert (tmp_path / "notes.md").read_text() == "hand-written"
    assert (tmp_path / MANIFEST).read_text() == "a.md\n"


def test_no_temporary_files_left(tmp_path):
    write([Page("a.md", "A")], tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [MANIFEST, "a.md"]


def test_refuses_paths_outside_the_output(tmp_path):
    import pytest

    for bad in ("../x.md", "/etc/x.md"):
        with pytest.raises(ValueError):
            write([Page(bad, "x")], tmp_path / "out")
