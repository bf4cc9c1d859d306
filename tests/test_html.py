"""The Nu Html Checker (vnu-jar, from npm, run on the system's Java) finds no error on any page of
the built sites, in every language: the frozen collection's and the real one's."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def vnu_errors(site: Path) -> list[str]:
    """Every error the checker reports for the HTML files under ``site``, as ``file:line: message``."""
    java = shutil.which("java")
    assert java, "java is missing: install a Java runtime (make test installs default-jre-headless)"
    assert VNU.is_file(), f"{VNU} is missing: run `npm ci` (make test does)"
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html", str(site)],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr)["messages"]
    assert result.returncode == 0 or messages, result.stderr
    return [
        f"{Path(m['url'].removeprefix('file:')).relative_to(site.resolve())}:{m.get('lastLine', '?')}: "
        f"{m['message']}"
        for m in messages
    ]


@pytest.mark.build
@pytest.mark.java
@pytest.mark.parametrize("which", ["built", "real_site", "english_first"])
def test_the_nu_html_checker_finds_no_error(which, request):
    site = request.getfixturevalue(which)
    assert any(site.rglob("*.html"))
    errors = vnu_errors(site)
    assert errors == [], "\n".join(errors[:40])


@pytest.mark.java
def test_the_checker_reports_errors(tmp_path):
    """The test above can fail: a page with the errors the theme used to make is reported."""
    (tmp_path / "page.html").write_text(
        '<!doctype html><html lang="en"><title>t</title>'
        '<input type="checkbox" id="x" autocomplete="off"><a href="#"><abbr tabindex="0">A</abbr></a>',
        encoding="utf-8",
    )
    errors = vnu_errors(tmp_path)
    assert len(errors) == 2 and all(e.startswith("page.html:1: ") for e in errors)


@pytest.mark.build
@pytest.mark.parametrize("which", ["built", "real_site", "english_first"])
def test_every_table_has_a_caption(which, request):
    site = request.getfixturevalue(which)
    tables = 0
    for path in site.rglob("*.html"):
        for table in re.findall(r"<table\b.*?</table>", path.read_text(encoding="utf-8"), re.DOTALL):
            tables += 1
            caption = re.match(r"<table[^>]*>\s*<caption>(.*?)</caption>", table, re.DOTALL)
            assert caption and caption[1].strip(), f"{path.relative_to(site)}: a table without a caption"
    assert tables
