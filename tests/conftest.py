"""Shared fixtures: the project's real sources and throwaway copies to break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import pipeline

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
SEED_IDS = sorted(p.stem for p in SOURCES.glob("*.txt"))


@pytest.fixture(scope="session")
def site():
    """The site model built from the real ``sources/``."""
    built, _ = pipeline.build(SOURCES)
    return built


@pytest.fixture
def sources_copy(tmp_path: Path) -> Path:
    """A writable copy of ``sources/`` to damage in a test."""
    target = tmp_path / "sources"
    shutil.copytree(SOURCES, target)
    return target


def document(site, doc_id: str):
    return next(doc for doc in site.documents if doc.id == doc_id)
