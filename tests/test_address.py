"""The published address: configured, derived from a GitHub origin, or unknown (never guessed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.publish import builder_config as config
from generator.read import git


@pytest.mark.parametrize(
    ("site_url", "configured", "repo", "expected"),
    [
        ("https://example.org/explainer", None, "https://github.com/a/b", "https://example.org/explainer/"),
        (None, "https://example.net/", "https://github.com/a/b", "https://example.net/"),
        (None, None, "https://github.com/Owner/explainer", "https://owner.github.io/explainer/"),
        (None, None, "https://github.com/owner/owner.github.io", "https://owner.github.io/"),
        (None, None, "https://gitlab.com/owner/explainer", ""),
        (None, None, None, ""),
    ],
)
def test_published_address(monkeypatch, site_url, configured, repo, expected):
    monkeypatch.delenv("SITE_URL", raising=False)
    if site_url:
        monkeypatch.setenv("SITE_URL", site_url)
    monkeypatch.setattr(git, "repository_url", lambda root: repo)
    assert git.published_address(Path("."), configured) == expected


def test_with_no_address_known_nothing_names_one(monkeypatch, tmp_path):
    monkeypatch.delenv("SITE_URL", raising=False)
    monkeypatch.setattr(config, "repository_url", lambda root: None)
    monkeypatch.setattr(git, "repository_url", lambda root: None)
    site = {
        "language": "en",
        "root": "en/",
        "title": "T",
        "description": "D",
        "nav": [],
        "not_in_nav": [],
        "languages": [{"lang": "id", "name": "Bahasa Indonesia", "path": ""}],
        "words": {},
        "default": False,
    }
    made = config.language_config({"site_url": None, "theme": {}}, Path("."), site, tmp_path / "en.yml")
    assert "site_url" not in made and made["extra"]["root_url"] == ""
