"""The code passes ruff's lint rules and formatting (configured in pyproject.toml)."""

import subprocess
import sys

from tests.conftest import ROOT


def ruff(*args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "ruff", *args, "generator", "tests", "tools"]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


def test_ruff_check():
    result = ruff("check")
    assert result.returncode == 0, result.stdout


def test_ruff_format():
    result = ruff("format", "--check")
    assert result.returncode == 0, result.stdout
