"""Shared fixtures: the project's real sources and throwaway copies to break."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from generator import pipeline

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
SEED_IDS = sorted(p.stem for p in SOURCES.glob("*.txt"))
PROJECT_FILES = ["Makefile", "mkdocs.yml", "pyproject.toml", "requirements.lock", "sources", "generator"]


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


TEST_REPO = "https://github.com/example/explainer"
"""The repository the copy's edit links point to (a build needs REPO_URL or a web remote)."""


def make(project: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "REPO_URL": TEST_REPO}
    return subprocess.run(["make", *args], cwd=project, capture_output=True, text=True, check=False, env=env)


@pytest.fixture(scope="session")
def project(tmp_path_factory) -> Path:
    """A copy of the project sharing this checkout's .venv, built with `make`."""
    target = tmp_path_factory.mktemp("project")
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    os.symlink(ROOT / ".venv", target / ".venv")
    result = make(target)
    assert result.returncode == 0, result.stderr
    return target


@pytest.fixture(scope="session")
def built(project) -> Path:
    """The site/ folder built by `make` in the copy."""
    return project / "site"


@pytest.fixture
def scratch(project):
    """The built project copy, whose sources a test may change: they are restored afterwards."""
    sources = project / "sources"
    saved = project.parent / "saved-sources"
    shutil.rmtree(saved, ignore_errors=True)
    shutil.copytree(sources, saved)
    yield project
    shutil.rmtree(sources)
    shutil.copytree(saved, sources)
