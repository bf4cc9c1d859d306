"""No dead code: vulture finds nothing unused in the generator, counting as used what the tests,
the tools and the templates call (a template calls ``page.badge(...)``: ``badge`` is used)."""

from __future__ import annotations

import keyword
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = [
    *(ROOT / "generator").rglob("*.j2"),
    *(ROOT / "generator" / "publish" / "overrides").rglob("*.html"),
]


def template_names() -> set[str]:
    """Every attribute a template reads (``x.name``) and every name it calls."""
    found: set[str] = set()
    for path in TEMPLATES:
        for block in re.findall(r"{[{%](.*?)[}%]}", path.read_text(encoding="utf-8"), re.DOTALL):
            found |= set(re.findall(r"\.(\w+)", block)) | set(re.findall(r"(\w+)\s*\(", block))
    return {name for name in found if not keyword.iskeyword(name) and not name[0].isdigit()}


def framework_names() -> set[str]:
    """The names of ``tests/vulture_whitelist.txt``: what only a framework calls."""
    lines = (ROOT / "tests" / "vulture_whitelist.txt").read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def vulture(*paths: Path) -> subprocess.CompletedProcess:
    command = [str(Path(sys.executable).parent / "vulture"), *map(str, paths), "--min-confidence", "60"]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


def test_nothing_is_unused(tmp_path):
    used = tmp_path / "templates_whitelist.py"
    lines = [f"_.{name}" for name in sorted(template_names())] + sorted(framework_names())
    used.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = vulture(ROOT / "generator", ROOT / "tests", ROOT / "tools", used)
    assert found.returncode == 0, found.stdout + found.stderr


def test_the_check_finds_unused_code(tmp_path):
    dead = tmp_path / "dead.py"
    dead.write_text("def never_called():\n    return 1\n", encoding="utf-8")
    found = vulture(dead)
    assert found.returncode != 0 and "never_called" in found.stdout
