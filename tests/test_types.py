"""The generator type-checks: mypy, configured in pyproject.toml ([tool.mypy]), reports nothing.

Fast tier: no MkDocs, no browser, only the type checker over ``generator/``."""

import subprocess
import sys

from tests.conftest import ROOT


def test_mypy_reports_nothing():
    command = [
        sys.executable,
        "-m",
        "mypy",
        "--cache-dir=/dev/null",
        "--no-error-summary",
        "--hide-error-context",
    ]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.stdout == "" and result.returncode == 0, result.stdout + result.stderr
