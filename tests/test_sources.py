"""The frozen collection holds the seed documents byte for byte, each with its metadata."""

import hashlib

from tests.conftest import SEED_IDS, SOURCES, checksums


def test_documents_match_sha256sums():
    listed = checksums(SOURCES)
    assert sorted(listed) == sorted(f"{i}.txt" for i in SEED_IDS)
    for name, digest in listed.items():
        assert hashlib.sha256((SOURCES / name).read_bytes()).hexdigest() == digest, name


def test_every_document_has_metadata_and_translation():
    assert SEED_IDS
    for doc_id in SEED_IDS:
        assert (SOURCES / f"{doc_id}.yml").is_file()
        assert (SOURCES / f"{doc_id}.en.yml").is_file()
