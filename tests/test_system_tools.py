"""`make test` checks the system's tools first (tools/system-tools.sh): a missing tool it cannot
install, or a CHROMIUM that names no file, stops it within seconds with what to do, before any test
runs and without touching the system."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.conftest import ROOT

SCRIPT = ROOT / "tools" / "system-tools.sh"


def fake_commands(folder: Path, **commands: str) -> Path:
    """A folder of stand-in commands, each a shell script with the given body; every call of one is
    recorded in ``folder/calls``."""
    folder.mkdir()
    for name, body in commands.items():
        path = folder / name
        path.write_text(f'#!/bin/sh\necho "{name} $*" >> "{folder}/calls"\n{body}\n')
        path.chmod(0o755)
    return folder


def check(env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["/bin/bash", str(SCRIPT)], env=env, capture_output=True, text=True, timeout=10, check=False
    )


def test_a_chromium_that_does_not_exist_stops_at_once(tmp_path):
    bin_ = fake_commands(tmp_path / "bin", **{"apt-get": "exit 0", "sudo": "exit 0"})
    result = check({"PATH": f"{bin_}:/usr/bin:/bin", "CHROMIUM": "/nonexistent"})
    assert result.returncode == 1
    assert "CHROMIUM=/nonexistent does not exist" in result.stderr
    assert "or unset it to use /usr/bin/chromium" in result.stderr
    assert not (bin_ / "calls").exists()  # nothing installed, nothing asked


def test_without_root_or_sudo_it_stops_with_the_command_to_run(tmp_path):
    # No java and no npm on this PATH; not root; sudo wants a password.
    bin_ = fake_commands(tmp_path / "bin", **{"id": "echo 1000", "sudo": "exit 1", "apt-get": "exit 0"})
    result = check({"PATH": str(bin_)})
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert "default-jre-headless nodejs npm. Install them, then run make test again:" in lines[0]
    assert lines[1].strip().startswith("sudo apt-get update && sudo apt-get install -y")
    assert lines[1].endswith("default-jre-headless nodejs npm")
    assert "apt-get" not in (bin_ / "calls").read_text()
