"""Cleaning: every seed's damage is repaired by general rules, and nothing else changes."""

from datetime import date
from pathlib import Path

import pytest

from generator.model import DocumentMeta, RawDocument
from generator.model.problems import Problems
from generator.read.clean_text import clean, read_byline, split_blocks
from generator.read.cleaning_rules import load_cleaning
from tests.conftest import SEED_IDS, SOURCES, document

A_CIRCUMFLEX = "\u00c2"
RULES = load_cleaning(SOURCES, ("id", "en"), Problems())
"""The frozen collection's rules for site furniture (sources/cleaning.yml)."""


def raw(data: bytes, title: str | None = None) -> RawDocument:
    meta = DocumentMeta(
        title={"id": title, "en": title} if title else None,
        label=None if title else {"id": "x", "en": "x"},
        publisher=None,
        author=None,
        date=None,
        type="news",
        language="id",
        description={"id": "x", "en": "x"},
    )
    return RawDocument("test", Path("test.txt"), Path("test.yml"), data, meta)


def kinds(doc) -> dict[str, int]:
    return {r.kind: r.count for r in doc.removals}


@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_no_stray_characters_or_boilerplate_left(site, doc_id):
    text = "\n".join(p.text for p in document(site, doc_id).paragraphs)
    assert A_CIRCUMFLEX not in text and "\u00a0" not in text
    for line in ("LEAVE A REPLY", "Please enter", "whatsapp.com", "Follow channel"):
        assert line not in text


@pytest.mark.parametrize(
    ("doc_id", "paragraphs", "removed"),
    [
        ("000_f46436b26b41dcd8", 10, {"stray-a-circumflex": 7}),
        ("001_9325e6259af9a897", 19, {"headline": 1, "comment-form": 3}),
        ("002_8b216c02d635696e", 16, {"stray-a-circumflex": 4, "promotion": 1}),
        ("003_5c094b5689ed37a0", 6, {"byline": 1, "headline": 2}),
        ("004_b525c05275177155", 10, {}),
    ],
)
def test_each_seed(site, doc_id, paragraphs, removed):
    doc = document(site, doc_id)
    assert len(doc.paragraphs) == paragraphs
    assert kinds(doc) == removed


def test_seed_003_byline_becomes_metadata(site):
    doc = document(site, "003_5c094b5689ed37a0")
    assert (doc.byline.name, doc.byline.date) == ("Redaksi Tabuka News", date(2023, 7, 31))
    assert doc.paragraphs[0].text.startswith("JAKARTA, Tabukanews.com")
    assert doc.paragraphs[0].line == 7


def test_seed_001_keeps_text_and_curly_quotes(site):
    doc = document(site, "001_9325e6259af9a897")
    assert doc.paragraphs[0].text.startswith("FirstIndonesiaMagz.id\u2013 Sebuah laporan")
    assert doc.paragraphs[3].text.startswith("\u201cBeberapa perusahaan e-commerce")
    assert doc.paragraphs[-1].text.startswith("Pemain e-commerce besar lainnya")
    assert "Namun, Tetan belum" in doc.paragraphs[15].text  # misspelling kept: it is evidence


def test_a_seventh_document_with_the_same_damage_is_cleaned():
    text = (
        "\ufeffRedaksi Contoh Pos | 5 Agustus 2024\r\n\r\n"
        "Judul Berita Contoh\r\n\r\nJudul Berita Contoh\r\n\r\n"
        "Paragraf pertama.\u00c2\r\nmasih paragraf pertama.\r\n\r\n"
        "Paragraf kedua,\u00c2 dengan\u00c2\u00a0spasi.\u00c2\r\n\r\n"
        "Leave a Reply\r\n\r\nPlease enter your comment!\r\nPlease enter your name here\r\n\r\n"
        "Ikuti saluran WhatsApp kami: https://whatsapp.com/channel/ABC123\r\n"
    )
    doc = clean(raw(text.encode("utf-8"), title="Judul Berita Contoh"), RULES)
    assert [p.text for p in doc.paragraphs] == [
        "Paragraf pertama. masih paragraf pertama.",
        "Paragraf kedua, dengan spasi.",
    ]
    assert doc.byline.date == date(2024, 8, 5)
    assert kinds(doc) == {
        # ftfy repairs the intact "Â" + no-break space pair; the explicit rule takes the other two
        "byte-order-mark": 1,
        "line-endings": 17,
        "mojibake": 1,
        "stray-a-circumflex": 2,
        "byline": 1,
        "headline": 2,
        "comment-form": 3,
        "promotion": 1,
    }


def test_one_paragraph_per_line_without_blank_lines():
    assert split_blocks("satu\ndua\n\ntiga") == [(1, "satu dua"), (4, "tiga")]
    assert split_blocks("satu\ndua\ntiga\n") == [(1, "satu"), (2, "dua"), (3, "tiga")]


def test_each_block_follows_its_own_convention():
    # A headline set off by a blank line, then paragraphs separated by single line breaks.
    text = 'Judul Berita\n\nParagraf satu selesai.\nParagraf dua juga.\n"Kutipan tiga."\nEmpat.\n'
    assert split_blocks(text) == [
        (1, "Judul Berita"),
        (3, "Paragraf satu selesai."),
        (4, "Paragraf dua juga."),
        (5, '"Kutipan tiga."'),
        (6, "Empat."),
    ]
    # Hard-wrapped paragraphs: line breaks inside sentences join.
    wrapped = "Kalimat yang panjang\nberlanjut di sini. Lalu\nselesai.\n\nParagraf berikut.\n"
    assert split_blocks(wrapped) == [
        (1, "Kalimat yang panjang berlanjut di sini. Lalu selesai."),
        (5, "Paragraf berikut."),
    ]


def test_a_circumflex_inside_a_word_is_kept():
    doc = clean(raw("Âge d'or.\nPARIS Â\n".encode()))
    assert [p.text for p in doc.paragraphs] == ["Âge d'or.", "PARIS"]


def test_windows_1252_text_is_decoded():
    doc = clean(raw("Caf\u00e9 \u201cbaru\u201d".encode("cp1252")))
    assert doc.paragraphs[0].text == "Caf\u00e9 \u201cbaru\u201d"
    assert "decoded-cp1252" in kinds(doc)


def test_long_final_paragraph_mentioning_a_channel_is_not_boilerplate():
    long = "Pemerintah meminta warga mengikuti saluran resmi. " * 10
    doc = clean(raw(f"Paragraf.\n{long}".encode()), RULES)
    assert len(doc.paragraphs) == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("31 July 2023", date(2023, 7, 31)),
        ("Senin, 13 November 2023", date(2023, 11, 13)),
        ("31 Juli 2023", date(2023, 7, 31)),
        ("31 Foo 2023", None),
        ("31 Feb 2023", None),
    ],
)
def test_an_indonesian_byline_reads_its_date(text, expected):
    found = read_byline(f"Redaksi Contoh | {text}", "id")
    assert (found[1] if found else None) == expected


def test_site_furniture_is_removed_by_the_collections_rules_wherever_they_allow():
    text = (
        "Pasar Desa Ramai\n\n"
        "Bagikan artikel ini: Facebook Twitter WhatsApp\n\n"
        "Pedagang di pasar desa menambah stok menjelang hari raya.\n\n"
        "Baca juga: Harga cabai naik lagi\n\n"
        "(Foto: Istimewa)\n\n"
        "Pengunjung datang sejak pagi.\n\n"
        "Berlangganan newsletter kami setiap pekan\n"
    )
    doc = clean(raw(text.encode(), title="Pasar Desa Ramai"), RULES)
    assert [p.text for p in doc.paragraphs] == [
        "Pedagang di pasar desa menambah stok menjelang hari raya.",
        "Pengunjung datang sejak pagi.",
    ]
    removed = {r.kind: (r.count, r.lines, r.rule.where) for r in doc.removals if r.rule}
    assert removed == {
        "share-buttons": (1, (3,), "anywhere"),
        "read-also": (1, (7,), "anywhere"),
        "photo-credit": (1, (9,), "anywhere"),
        "newsletter": (1, (13,), "end"),
    }


def test_a_rule_added_to_cleaning_yml_applies_without_code(tmp_path):
    (tmp_path / "cleaning.yml").write_text(
        "rules:\n"
        "  - id: sponsor\n"
        "    where: anywhere\n"
        "    label: {id: pesan sponsor, en: a sponsor message}\n"
        "    patterns: ['^disponsori oleh']\n"
    )
    rules = load_cleaning(tmp_path, ("id", "en"), Problems())
    doc = clean(raw(b"Disponsori oleh Toko Maju\n\nIsi berita yang sebenarnya.\n"), rules)
    assert [p.text for p in doc.paragraphs] == ["Isi berita yang sebenarnya."]
    assert [(r.kind, r.rule.label["en"]) for r in doc.removals] == [("sponsor", "a sponsor message")]


def test_a_paragraph_of_text_is_never_taken_for_furniture():
    long = "Bagikan artikel ini: Facebook Twitter WhatsApp " + "dan kalimat panjang lainnya " * 20
    doc = clean(raw(f"Paragraf.\n\n{long}\n".encode()), RULES)
    assert len(doc.paragraphs) == 2
