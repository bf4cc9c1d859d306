"""Text from sources can never become markup or code: every trick below shows as plain text."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import ROOT, add_document, build_once, write_configuration

HOSTILE = """\
<script>alert("skrip")</script> Paragraf pertama dengan <b>tebal</b>.

<img src=x onerror=alert(1)> gambar, [klik](javascript:alert(2)), <a href="javascript:alert(3)">a</a>.

Templat {{ config.site_name }} dan {% include "x" %} dan ${HOME}.

--8<-- "/etc/passwd"

;--8<-- "/etc/hostname"

*[Paragraf]: singkatan palsu

[^1]: catatan kaki palsu dan rujukan[^1]

Teks dengan atribut { #jahat .kelas onclick="alert(4)" }

!!! danger "Peringatan palsu"

    isi peringatan

<!-- komentar --> dan &lt;script&gt; yang sudah di-escape.
"""

META = """\
title:
  id: <script>alert("judul")</script> Judul
  en: <img src=x onerror=alert(5)> Title
label: null
publisher: <b onmouseover=alert(6)>Penerbit</b>
author: "{{ 7*7 }}"
date: null
type: news
language: id
description:
  id: "[x](javascript:alert(8)) deskripsi"
  en: "*[Title]: abbr palsu"
"""

TERM = """\
name: {id: Istilah jahat, en: Evil term}
aliases: {id: [Paragraf pertama], en: []}
definition:
  id: "<script>alert(9)</script> definisi <img src=x onerror=alert(10)> [@900#p1]."
  en: "{{ secret }} definition [@900#p1]."
explanation:
  - id: "--8<-- \\"/etc/passwd\\" [@900#p2]."
    en: "!!! note [@900#p2]."
"""


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory) -> Path:
    """Built once for the whole test run, whichever worker asks first."""
    return build_once(tmp_path_factory, "hostile", build_hostile) / "site"


def build_hostile(project: Path) -> None:
    sources = project / "sources"
    (sources / "glossary").mkdir(parents=True)
    write_configuration(sources)
    add_document(sources, "900_jahat", HOSTILE.encode(), META)
    (sources / "glossary/jahat.yml").write_text(TERM)
    (project / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text().split("\nnav:")[0] + "\n")
    (project / "generator").symlink_to(ROOT / "generator")
    for command in (["-m", "generator", "generate"], ["-m", "generator.publish.build"]):
        result = subprocess.run([sys.executable, *command], cwd=project, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr


PAGES = ["sumber/900_jahat", "en/sumber/900_jahat", "glosarium/jahat", "en/glosarium/jahat", "", "en"]


@pytest.mark.build
@pytest.mark.parametrize("path", PAGES)
def test_no_live_markup_from_sources(hostile_site, path):
    html = (hostile_site / path / "index.html").read_text()
    parser = Tags()
    parser.feed(html)
    for tag, attrs in parser.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert not attrs.get("href", "").lower().startswith("javascript"), (tag, attrs)
        assert tag not in ("img",) or attrs.get("src") != "x"
        assert attrs.get("id") != "jahat"
        assert "danger" not in attrs.get("class", "") and "admonition" not in attrs.get("class", "")
    # Inline scripts hold no source text, except the JSON-LD data blocks: text there stays data
    # (valid JSON, and no "<" that could close the block).
    scripts = [
        (m[0], html[m.end() : html.find("</script>", m.end())])
        for m in re.finditer(r"<script(?![^>]*src)[^>]*>", html)
    ]
    data = [text for tag, text in scripts if 'type="application/ld+json"' in tag]
    assert "alert(" not in "".join(text for tag, text in scripts if "ld+json" not in tag)
    assert all(json.loads(text) and "<" not in text for text in data)
    assert "<b>" not in html and "<b " not in html
    assert 'title="singkatan palsu"' not in html and 'title="abbr palsu"' not in html
    assert 'id="fn:1"' not in html


@pytest.mark.build
def test_source_text_shows_as_plain_text(hostile_site):
    parser = Tags()
    parser.feed((hostile_site / "sumber/900_jahat/index.html").read_text())
    text = " ".join("".join(parser.text).split())
    for visible in [
        '<script>alert("skrip")</script>',
        "<img src=x onerror=alert(1)>",
        "[klik](javascript:alert(2))",
        "{{ config.site_name }}",
        '{% include "x" %}',
        '--8<-- "/etc/passwd"',
        "*[Paragraf]: singkatan palsu",
        "[^1]: catatan kaki palsu",
        '{ #jahat .kelas onclick="alert(4)" }',
        '!!! danger "Peringatan palsu"',
    ]:
        assert visible in text, visible


@pytest.mark.build
def test_no_content_from_the_building_machine(hostile_site):
    machine = [Path("/etc/passwd").read_text().splitlines()[0]]
    if Path("/etc/hostname").exists():
        machine.append(Path("/etc/hostname").read_text().strip())
    for page in hostile_site.rglob("*.html"):
        html = page.read_text()
        for line in machine:
            assert not line or line not in html.replace('"/etc/hostname"', ""), (page, line)
