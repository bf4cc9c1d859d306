"""`make audit`: Lighthouse 12 (with Debian's Chromium) on each page kind in both languages, the
site served with gzip as a static host would. Writes the table into BENCHMARKS.md (between the
audit markers). Mobile performance is the median of three runs."""

from __future__ import annotations

import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.serve import serve  # noqa: E402

LIGHTHOUSE = ROOT / ".build" / "audit" / "node_modules" / ".bin" / "lighthouse"
CHROME = os.environ.get("CHROMIUM", "/usr/bin/chromium")
FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking "
    "--disable-component-update --disable-sync --disable-quic"
)
PAGES = {
    "home": "",
    "glossary term": "glosarium/umkm/",
    "actor": "aktor/teten-masduki/",
    "source": "sumber/001_9325e6259af9a897/",
    "timeline": "linimasa/",
    "figures": "angka/",
    "who is who": "siapa-siapa/",
}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
RUNS = int(os.environ.get("AUDIT_RUNS", "3"))


def in_language(site: Path, path: str, lang: str) -> str:
    """The address of the page at ``path`` (an Indonesian page) in ``lang``: its hreflang link."""
    page = (site / path / "index.html").read_text(encoding="utf-8")
    found = re.search(rf'<link rel="alternate" href="https?://[^/]+/([^"]*)" hreflang="{lang}">', page)
    return found[1] if found else path


def lighthouse(url: str) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "report.json"
        command = [
            str(LIGHTHOUSE),
            url,
            "--output=json",
            f"--output-path={out}",
            "--quiet",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={FLAGS}",
        ]
        result = subprocess.run(
            command, env={**os.environ, "CHROME_PATH": CHROME}, capture_output=True, text=True
        )
        if result.returncode != 0 or not out.exists():
            raise SystemExit(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
        return json.loads(out.read_text())


def audit(url: str) -> dict:
    reports = [lighthouse(url) for _ in range(RUNS)]
    scores = {c: [round(100 * r["categories"][c]["score"]) for r in reports] for c in CATEGORIES}
    failing = sorted(
        {
            audit_id
            for r in reports
            for c in CATEGORIES[1:]
            for ref in r["categories"][c]["auditRefs"]
            if ref["weight"] and (a := r["audits"][ref["id"]])["score"] is not None and a["score"] < 1
            for audit_id in [ref["id"]]
        }
    )
    return {
        "performance": statistics.median(scores["performance"]),
        "performance_runs": scores["performance"],
        **{c: min(scores[c]) for c in CATEGORIES[1:]},
        "kb": statistics.median(r["audits"]["total-byte-weight"]["numericValue"] for r in reports) / 1000,
        "failing": failing,
    }


def main() -> None:
    site = ROOT / "site"
    if not (site / "index.html").exists():
        raise SystemExit("site/ is missing: run make first")
    server, base = serve(site, port=8000)  # the site_url of a local build: canonical links match
    rows = []
    try:
        for lang in ("id", "en"):
            for kind, path in PAGES.items():
                result = audit(base + in_language(site, path, lang))
                rows.append((kind, lang, result))
                print(f"audit: {lang} {kind}: {result}", flush=True)
    finally:
        server.shutdown()
        server.server_close()
    lines = [
        "| page | language | performance (mobile, median of runs) | accessibility | best practices | SEO "
        "| transferred | failing audits |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ] + [
        f"| {kind} | {lang} | {r['performance']:.0f} ({', '.join(map(str, r['performance_runs']))}) "
        f"| {r['accessibility']} | {r['best-practices']} | {r['seo']} | {r['kb']:.0f} KB "
        f"| {', '.join(r['failing']) or 'none'} |"
        for kind, lang, r in rows
    ]
    version = subprocess.run([str(LIGHTHOUSE), "--version"], capture_output=True, text=True).stdout.strip()
    chrome = subprocess.run([CHROME, "--version"], capture_output=True, text=True).stdout.strip()
    report = (
        f"<!-- audit:start -->\nLighthouse {version} with {chrome}, {time.strftime('%Y-%m-%d')}; "
        "site served locally with gzip.\n\n" + "\n".join(lines) + "\n<!-- audit:end -->"
    )
    path = ROOT / "BENCHMARKS.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        re.sub(r"<!-- audit:start -->.*<!-- audit:end -->", lambda _: report, text, flags=re.S),
        encoding="utf-8",
    )
    print("\n".join(lines))


if __name__ == "__main__":
    main()
