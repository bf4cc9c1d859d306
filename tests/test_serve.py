"""The live preview (`make serve`, `mkdocs serve`): a later `make` builds what was previewed, a bad
edit shows its problems on the pages instead of stalling them, search works, and the log is short.

Each test starts a real server on a free port in a throwaway copy of the project; every wait is
bounded, and the server is always stopped."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import MAKE_STATE, TEST_REPO, project_copy

# MkDocs in copies of the project; on one worker, which starts one preview for the tests that share it.
pytestmark = [pytest.mark.build, pytest.mark.xdist_group("serve")]
WAIT = 60  # seconds: the longest any step may take (a rebuild takes a few)
ENV = {
    **{key: value for key, value in os.environ.items() if key not in MAKE_STATE},
    "REPO_URL": TEST_REPO,
    "NO_MKDOCS_2_WARNING": "1",
    # The sitemap's dates are the build date: fixed, so that two builds can be compared byte for byte.
    "SOURCE_DATE_EPOCH": "1700000000",
}
TERM = Path("sources/glossary/umkm.yml")
ENTRY = "pagefind/pagefind-entry.json"


def make(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["make", *args], cwd=project, capture_output=True, text=True, check=False, env=ENV, timeout=300
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str, timeout: float = WAIT) -> tuple[int, str]:
    """Status and body; a request the server holds longer than ``timeout`` fails the test."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")
    except TimeoutError:
        pytest.fail(f"GET {url} got no answer in {timeout} s: the preview is stuck")


def wait_for(check, what: str, log: Path):
    """Poll ``check`` until it returns something true; fail after WAIT seconds."""
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if result := check():
            return result
        time.sleep(0.3)
    pytest.fail(f"no {what} after {WAIT} s; server log:\n{log.read_text()[-3000:]}")


@contextmanager
def server(command: list[str], project: Path, port: int):
    """Run ``command`` (a preview on ``port``) in ``project`` until the block ends; yield its
    address and log file once it answers."""
    log = project.parent / f"serve-{port}.log"
    with log.open("w") as out:
        # Its own process group, so that SIGINT (Ctrl-C) reaches make and MkDocs alike.
        process = subprocess.Popen(
            command,
            cwd=project,
            env=ENV,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}/"
    try:

        def up() -> bool:
            if process.poll() is not None:
                pytest.fail(f"the preview exited ({process.returncode}):\n{log.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    return response.status == 200
            except OSError:
                return False

        wait_for(up, "answer from the preview", log)
        yield url, log
    finally:
        stop(process)


def stop(process: subprocess.Popen) -> None:
    """Ctrl-C for ``process`` and what it started (`make serve` starts MkDocs); then, for anything
    still running 5 s later (a rebuild the last edit started keeps MkDocs busy), SIGKILL."""
    try:
        os.killpg(process.pid, signal.SIGINT)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        process.poll()
        try:
            os.killpg(process.pid, 0)  # anyone left in the group?
        except ProcessLookupError:
            return
        time.sleep(0.2)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=20)


def mkdocs_serve(project: Path, port: int):
    return server(["make", "serve", f"PORT={port}"], project, port)


def digests(site: Path) -> dict[str, str]:
    return {
        str(p.relative_to(site)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    """`make serve` running in a copy of the project: its address, the copy and the log."""
    project = project_copy(tmp_path_factory.mktemp("serve") / "project")
    with mkdocs_serve(project, free_port()) as (url, log):
        yield url, project, log


def test_make_after_serve_builds_what_was_previewed(tmp_path):
    project = project_copy(tmp_path / "project")
    result = make(project)
    assert result.returncode == 0, result.stderr
    term = project / TERM
    port = free_port()
    with server(["make", "serve", f"PORT={port}"], project, port) as (url, log):
        text = term.read_text(encoding="utf-8")
        assert "UMKM adalah singkatan dari" in text
        term.write_text(text.replace("UMKM adalah singkatan dari", "UMKM adalah kependekan dari"), "utf-8")
        wait_for(lambda: "kependekan" in get(url + "glosarium/umkm/")[1], "edit in the preview", log)
    result = make(project)
    assert result.returncode == 0, result.stderr
    assert "kependekan" in (project / "site/glosarium/umkm/index.html").read_text(encoding="utf-8")
    after_serve = digests(project / "site")
    entry = (project / "site" / ENTRY).read_text(encoding="utf-8")
    assert make(project, "clean").returncode == 0
    result = make(project)
    assert result.returncode == 0, result.stderr
    clean = digests(project / "site")
    assert after_serve.keys() == clean.keys()
    assert [name for name in clean if after_serve[name] != clean[name] and name != ENTRY] == []
    # Pagefind lists the languages in an order of its own, which may differ from one run to the next.
    assert json.loads(entry) == json.loads((project / "site" / ENTRY).read_text(encoding="utf-8"))


def test_a_bad_edit_shows_its_problems_on_every_page_and_a_fix_clears_them(preview):
    url, project, log = preview
    term = project / TERM
    good = term.read_text(encoding="utf-8")
    line = good.splitlines().index("    menengah [@003#p1].") + 1
    where = f"{TERM}:{line}: citation [@003#p999]"
    try:
        term.write_text(good.replace("menengah [@003#p1].", "menengah [@003#p999].", 1), encoding="utf-8")

        def shown() -> str:
            # A request waits while a rebuild runs (a few seconds), never longer.
            body = get(url + "glosarium/umkm/", timeout=20)[1]
            return body if where in body else ""

        page = wait_for(shown, where, log)
        assert '<article class="md-content__inner md-typeset">' in page  # the page itself is still there
        started = time.monotonic()
        assert where in get(url + "en/actors/", timeout=5)[1]  # every page, each language
        assert time.monotonic() - started < 5
        assert "Pratinjau ini belum memuat perubahan terakhir" in page
    finally:
        term.write_text(good, encoding="utf-8")
    wait_for(lambda: where not in get(url + "glosarium/umkm/")[1], "banner gone after the fix", log)
    assert "explainer-problems" not in get(url + "en/actors/")[1]


def test_search_works_in_the_preview(preview):
    url, _, log = preview
    status, _ = get(url + "pagefind/pagefind.js")
    assert status == 200, log.read_text()[-3000:]
    for prefix, lang in (("", "id"), ("en/", "en")):  # a bundle per language, each its own pages
        status, entry = get(url + prefix + "pagefind/pagefind-entry.json")
        assert status == 200
        languages = json.loads(entry)["languages"]
        assert set(languages) == {lang}  # indexed after both languages were built
        assert languages[lang]["page_count"] > 10


def test_the_log_says_only_what_a_contributor_needs(preview):
    url, _, log = preview
    get(url)
    text = log.read_text()
    assert "Serving on" in text
    assert "not included in the" not in text  # MkDocs' list of every page outside the nav
    assert "mkdocs_static_i18n" not in text  # which language the i18n plugin builds, at every rebuild
