"""README and CONTRIBUTING stay true to the code: every command they show exists, takes the
variables they give it, and does what they say when a contributor runs it."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT, make

DOCS = ["README.md", "CONTRIBUTING.md"]
COMMAND = re.compile(r"\bmake ([a-z][a-z-]*)((?: [A-Za-z_]+=(?:\"[^\"]*\"?|[^ `|]*))*)")


def shown() -> dict[str, set[str]]:
    """Each make target the docs show -> the variables they give it."""
    found: dict[str, set[str]] = {}
    for name in DOCS:
        for target, args in COMMAND.findall((ROOT / name).read_text(encoding="utf-8")):
            found.setdefault(target, set()).update(re.findall(r"([A-Za-z_]+)=", args))
    return found


def recipes() -> dict[str, str]:
    """Each target of the Makefile -> its recipe and prerequisites, as text."""
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    found = {}
    for match in re.finditer(r"^([a-z][a-z-]*):(.*?)(?=^\S|\Z)", text, re.M | re.S):
        found[match[1]] = match[2]
    return found


def test_the_docs_show_commands():
    assert {"check", "test", "new-source", "update-source", "paragraphs"} <= set(shown())


@pytest.mark.parametrize("target", sorted(shown()))
def test_every_command_shown_exists_and_reads_its_variables(target):
    recipe = recipes().get(target)
    assert recipe is not None, f"the docs show `make {target}`, which the Makefile does not have"
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    for variable in shown()[target]:
        uses = f"$({variable})" in recipe or (variable.startswith("REASON") and "$(REASONS)" in recipe)
        assert uses or re.match(r"REASON_[a-z]+$", variable) and "REASON_%" in text, (target, variable)


def test_make_help_lists_every_command_shown():
    listed = make(ROOT, "help").stdout
    for target in shown():
        assert f"make {target} " in listed, target


def test_the_contributor_commands_do_what_the_docs_say(scratch, tmp_path):
    """The loop of CONTRIBUTING.md, in a copy of the project: check, look up paragraphs, start a
    term, start a source, correct one, rename one."""
    assert make(scratch, "check").returncode == 0
    paragraphs = make(scratch, "paragraphs", "ID=001")
    assert paragraphs.returncode == 0 and paragraphs.stdout.startswith("[@001#p1] ")
    assert "translations (en):" in make(scratch, "translations").stdout

    created = make(scratch, "new-term", "ID=live-shopping")
    assert created.returncode == 0 and "sources/glossary/live-shopping.yml" in created.stdout
    refused = make(scratch, "check")
    assert refused.returncode != 0 and "is still a TODO" in refused.stderr  # refused until filled in
    (scratch / "sources/glossary/live-shopping.yml").unlink()

    article = tmp_path / "pasar.txt"
    article.write_text("Pasar Desa Ramai\n\nPasar desa ramai pengunjung.\nPedagang menambah stok.\n")
    assert make(scratch, "new-source", f"FILE={article}").returncode == 0
    assert 'id: "Pasar Desa Ramai"' in (scratch / "sources/pasar.yml").read_text()  # the headline guess
    for name in ("pasar.txt", "pasar.yml", "pasar.en.yml"):
        (scratch / "sources" / name).unlink()
    sums = scratch / "sources/SHA256SUMS"
    sums.write_text("".join(line for line in sums.read_text().splitlines(True) if "pasar.txt" not in line))

    source = scratch / "sources/001_9325e6259af9a897.txt"
    corrected = tmp_path / "corrected.txt"
    blocks = source.read_text(encoding="utf-8").split("\n\n")
    corrected.write_text("\n\n".join([*blocks[:6], "Paragraf baru.", *blocks[6:]]), encoding="utf-8")
    update = make(scratch, "update-source", "ID=001", f"FILE={corrected}", "REASON=Uji", "REASON_en=Test")
    assert update.returncode == 0, update.stderr
    assert "paragraph(s) added 5a" in update.stdout
    assert make(scratch, "rename-source", "ID=003", "TO=003_tabuka-news").returncode == 0
    assert make(scratch, "check").returncode == 0
