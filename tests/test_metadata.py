"""Metadata says only what the documents establish; unknowns stay unknown."""

from datetime import date

import pytest

from generator import pipeline
from generator.model.problems import InputError
from tests.conftest import document


@pytest.mark.parametrize(
    ("doc_id", "publisher", "when", "kind"),
    [
        ("000_f46436b26b41dcd8", None, None, "opinion"),
        ("001_9325e6259af9a897", "FirstIndonesiaMagz.id", None, "news"),
        ("002_8b216c02d635696e", "Kompasiana", None, "opinion"),
        ("003_5c094b5689ed37a0", "Tabuka News", date(2023, 7, 31), "news"),
        ("004_b525c05275177155", None, None, "opinion"),
    ],
)
def test_seed_metadata(site, doc_id, publisher, when, kind):
    meta = document(site, doc_id).meta
    assert (meta.publisher, meta.date, meta.type, meta.language) == (publisher, when, kind, "id")
    assert set(meta.description) == {"id", "en"}


def test_untitled_documents_have_a_label_not_a_title(site):
    for doc_id in ("000_f46436b26b41dcd8", "002_8b216c02d635696e", "004_b525c05275177155"):
        meta = document(site, doc_id).meta
        assert meta.title is None and set(meta.label) == {"id", "en"}


def test_byline_must_agree_with_metadata(sources_copy):
    meta = sources_copy / "003_5c094b5689ed37a0.yml"
    meta.write_text(meta.read_text().replace("date: 2023-07-31", "date: 2023-08-01"))
    with pytest.raises(InputError) as caught:
        pipeline.build(sources_copy)
    (problem,) = [p for p in caught.value.problems.errors if p.file.endswith("003_5c094b5689ed37a0.yml")]
    assert "byline on line 1" in problem.message and "2023-07-31" in problem.hint


def test_unknown_field_suggests_the_nearest(sources_copy):
    meta = sources_copy / "000_f46436b26b41dcd8.yml"
    meta.write_text(meta.read_text().replace("publisher: null", "publsher: null"))
    with pytest.raises(InputError) as caught:
        pipeline.build(sources_copy)
    (problem,) = caught.value.problems.errors
    assert problem.line == 6
    assert str(problem).endswith("unknown field 'publsher' -- did you mean 'publisher'?")


def test_all_problems_are_reported_in_one_run(sources_copy):
    for name, old, new in [
        ("000_f46436b26b41dcd8.yml", "type: opinion", "type: essay"),
        ("001_9325e6259af9a897.yml", "date: null", "date: 13/11"),
        ("004_b525c05275177155.yml", "language: id", "language: fr"),
    ]:
        path = sources_copy / name
        path.write_text(path.read_text().replace(old, new))
    with pytest.raises(InputError) as caught:
        pipeline.build(sources_copy)
    messages = [str(p) for p in caught.value.problems.errors]
    assert len(messages) == 3
    assert any("'type' is 'essay'" in m for m in messages)
    assert any("'date' is '13/11'" in m and "YYYY-MM-DD" in m for m in messages)
    assert any("'language' is 'fr'" in m for m in messages)
