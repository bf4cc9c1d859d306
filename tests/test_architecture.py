"""The architecture holds by test, not by hope: data flows one way through the stage packages, no
package's modules import each other in a circle (both checked by import-linter's contracts in
pyproject.toml), and every module stays short enough to read in one sitting."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GENERATOR = ROOT / "generator"
MAX_LINES = 400
STAGES = ("model", "read", "check", "link", "render", "publish", "maintain")


def lint_imports(project: Path) -> subprocess.CompletedProcess:
    command = [str(Path(sys.executable).parent / "lint-imports"), "--config", str(project / "pyproject.toml")]
    return subprocess.run(command, cwd=project, capture_output=True, text=True, check=False)


def test_the_import_contracts_are_kept():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def lint_with(tmp_path, module: str, imports: str) -> subprocess.CompletedProcess:
    """The contracts checked on a copy of the engine in which ``module`` (a path under
    ``generator/``) also has the lines ``imports``."""
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    shutil.copytree(GENERATOR, tmp_path / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    path = tmp_path / "generator" / module
    path.write_text(path.read_text(encoding="utf-8") + imports)
    return lint_imports(tmp_path)


def test_an_import_against_the_flow_breaks_the_contract(tmp_path):
    result = lint_with(tmp_path, "model/keys.py", "\nimport generator.render.page  # noqa\n")
    assert result.returncode != 0
    assert "generator.model.keys -> generator.render.page" in result.stdout


def test_the_layout_shows_the_stages():
    packages = {path.parent.name for path in GENERATOR.glob("*/__init__.py")}
    assert set(STAGES) <= packages
    loose = {path.stem for path in GENERATOR.glob("*.py")} - {"__init__", "__main__", "cli", "pipeline"}
    assert not loose, f"modules outside the stage packages: {sorted(loose)}"


def test_no_module_is_longer_than_one_sitting():
    long = {
        str(path.relative_to(ROOT)): n
        for path in GENERATOR.rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not long, f"split these modules (over {MAX_LINES} lines): {long}"


def test_only_the_writers_write_the_output_formats(tmp_path):
    result = lint_with(tmp_path, "render/ledger.py", "\nimport csv  # noqa\nimport json  # noqa\n")
    assert result.returncode != 0
    assert "generator.render.ledger -> csv" in result.stdout
    assert "generator.render.ledger -> json" in result.stdout
