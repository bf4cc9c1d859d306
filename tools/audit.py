"""`make audit`: checkers we did not write, run on the built site/ served locally as a static host
would (gzip, 404 pages, at its published path):

- vnu: the Nu Html Checker on every page of both languages;
- links: LinkChecker on every internal link and anchor;
- pa11y: axe and HTML_CodeSniffer (WCAG 2 AA) on each page kind in both languages;
- lighthouse: Lighthouse 12 (mobile) on the same pages, performance the median of three runs.

`--only`, `--kinds` and `--langs` run a part (vnu and LinkChecker always check the whole site). Every
problem found goes to a findings file; a full run also rewrites BENCHMARKS.md between the audit
markers. A checker that cannot run is named with its reason, and the exit status is non-zero."""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import NamedTuple
from urllib.parse import unquote, urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import pipeline  # noqa: E402
from generator.model import INDEX, PageKey, PageKind  # noqa: E402
from generator.model.problems import InputError  # noqa: E402
from generator.render.addresses import url_path  # noqa: E402
from tests.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tools.serve import SiteHandler  # noqa: E402

AUDIT = ROOT / ".build" / "audit"
NODE = AUDIT / "node_modules"
LIGHTHOUSE, PA11Y = NODE / ".bin" / "lighthouse", NODE / ".bin" / "pa11y"
LINKCHECKER = AUDIT / "venv" / "bin" / "linkchecker"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
TOOLS = ("vnu", "links", "pa11y", "lighthouse")
INSTALLED = "`make audit` installs it (into .build/audit, or node_modules/ for vnu)"
NEEDS = {  # what each checker needs, and how to get it
    "vnu": {"java": "install a Java runtime, 11 or newer (Debian: default-jre-headless)", VNU: INSTALLED},
    "links": {LINKCHECKER: INSTALLED},
    "pa11y": {PA11Y: INSTALLED, CHROMIUM: "install Debian's chromium, or set CHROMIUM"},
    "lighthouse": {LIGHTHOUSE: INSTALLED, CHROMIUM: "install Debian's chromium, or set CHROMIUM"},
}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
RUNS = int(os.environ.get("AUDIT_RUNS", "3"))
LAYOUT_NAMES = {
    "article": "overview",
    "timeline": "timeline",
    "figures": "figures",
    "cards": "perspectives",
    "network": "who is who",
    "questions": "questions",
    "method": "method",
}
"""What each story page layout is called in the audit's tables (the first page of each layout)."""


def biggest_part(site) -> str:
    """The part of the claims ledger with the most to show (the heaviest page of that kind)."""
    from generator.render.ledger import claims, parts, size

    rows = claims(site, site.resolver, site.config.default_language)
    weight = {
        part.id: sum(size(r) for r in rows if (r.kind, r.item) in set(part.groups))
        for part in parts(site, site.resolver)
    }
    return max(sorted(weight), key=lambda item: weight[item])


def site_pages() -> tuple[dict[str, str], tuple[str, ...]]:
    """One page of each kind of the collection in sources/ (its first language's address from
    the site's root), and the site's languages: whatever the topic and the language order."""
    try:
        site, _ = pipeline.build(ROOT / "sources")
    except InputError as error:
        raise SystemExit(f"audit: sources/ does not pass make check:\n{error}") from error
    first = site.config.default_language
    kinds = {"home": PageKey(PageKind.home)}
    for page in sorted(site.pages, key=lambda p: (p.order, p.id)):
        kinds.setdefault(LAYOUT_NAMES.get(page.layout, page.layout), PageKey(PageKind.page, page.id))
    size = {e.id: e.path.stat().st_size for e in site.entries}  # the fullest page of each kind
    for name, kind, items in (
        (
            "glossary term",
            PageKind.term,
            sorted((-size[e.id], e.id) for e in site.entries if e.kind == "term"),
        ),
        ("actor", PageKind.actor, sorted((-size[e.id], e.id) for e in site.entries if e.kind == "actor")),
        ("source", PageKind.source, sorted((-len(doc.paragraphs), doc.id) for doc in site.documents)),
    ):
        if items:
            kinds[name] = PageKey(kind, items[0][1])
    kinds |= {
        "glossary index": PageKey(PageKind.term, INDEX),
        "actor index": PageKey(PageKind.actor, INDEX),
        "source index": PageKey(PageKind.source, INDEX),
        "claims ledger": PageKey(PageKind.ledger),
        "claims ledger part": PageKey(PageKind.ledger, biggest_part(site)),
        "updates": PageKey(PageKind.updates),
    }
    return {name: url_path(site, key, first) for name, key in kinds.items()}, site.config.languages


class Failed(Exception):
    """A checker could not run; the message names it and says why."""


class Page(NamedTuple):
    kind: str
    lang: str
    path: str  # from the site's root, e.g. "en/timeline/"


def run(tool: str, command: list, ok=(0,), **kwargs) -> subprocess.CompletedProcess:
    """Run a checker; an exit status not in ``ok`` raises ``Failed`` with the end of its output."""
    try:
        result = subprocess.run([str(part) for part in command], capture_output=True, text=True, **kwargs)
    except OSError as error:
        raise Failed(f"{tool}: cannot run {command[0]}: {error}") from error
    if result.returncode not in ok:
        output = (result.stderr.strip() or result.stdout.strip() or "(no output)")[-2000:]
        raise Failed(f"{tool} exited with status {result.returncode} on {command[-1]}:\n{output}")
    return result


def in_language(site: Path, path: str, lang: str) -> str:
    """The address of the first language's page at ``path`` in ``lang``: where its language menu
    links."""
    page = (site / path / "index.html").read_text(encoding="utf-8")
    found = re.search(rf'<a href="([^"]*)" hreflang="{lang}"', page)
    if not found:
        raise Failed(f"audit: {path or 'the home page'} has no link to its {lang} version")
    return urljoin("/" + path, found[1]).lstrip("/")


def pages(site: Path, kinds: list[str], langs: list[str], page_kinds: dict[str, str]) -> list[Page]:
    """Each chosen page kind (one per address) in each chosen language."""
    first = {}
    for kind, path in page_kinds.items():
        if kind in kinds:
            first.setdefault(path, kind)
    return [Page(kind, lang, in_language(site, path, lang)) for lang in langs for path, kind in first.items()]


def published_path(site: Path) -> str:
    """The path the site is published under (``/explainer/``), from robots.txt's first sitemap."""
    found = re.search(r"^Sitemap: (\S+)sitemap\.xml$", (site / "robots.txt").read_text(), flags=re.M)
    return urlsplit(found[1]).path if found else "/"


class Handler(SiteHandler):
    """serve.py's static host, with the header that lifts LinkChecker's limit of a few requests a
    second per host (with ``maxrequestspersecond`` in its configuration)."""

    def end_headers(self) -> None:
        self.send_header("LinkChecker", "local test server")
        super().end_headers()


class Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        if not isinstance(sys.exception(), ConnectionError):  # a checker that stopped reading: fine
            super().handle_error(request, client_address)


def serve(site: Path, prefix: str) -> tuple[ThreadingHTTPServer, str]:
    """Serve ``site`` at ``prefix`` on a free port; returns the server and the site's URL."""
    handler = partial(type("Served", (Handler,), {"prefix": prefix}), directory=str(site))
    server = Server(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{prefix}"


def vnu(site: Path) -> dict:
    """Nu Html Checker messages for every page (errors, and warnings, which --errors-only drops)."""
    result = run("vnu", ["java", "-jar", VNU, "--format", "json", "--skip-non-html", site], ok=(0, 1))
    try:
        messages = json.loads(result.stderr)["messages"]
    except (json.JSONDecodeError, KeyError) as error:
        raise Failed(f"vnu: unreadable output ({error}):\n{result.stderr[-2000:]}") from error
    if broken := [m for m in messages if m["type"] == "non-document-error"]:
        raise Failed(f"vnu could not read {broken[0].get('url')}: {broken[0]['message']}")
    for m in messages:
        m["page"] = Path(unquote(urlsplit(m["url"]).path)).relative_to(site.resolve()).as_posix()
    return {
        "errors": [m for m in messages if m["type"] == "error"],
        "warnings": [m for m in messages if m.get("subType") == "warning"],
        "pages": sum(1 for _ in site.rglob("*.html")),
    }


def links(base: str) -> dict:
    """LinkChecker on every internal link and anchor reachable from the home page."""
    config = AUDIT / "linkcheckerrc"  # readable by the user LinkChecker drops to when run as root
    config.write_text("[checking]\nmaxrequestspersecond=1000\n\n[AnchorCheck]\n", encoding="utf-8")
    command = [LINKCHECKER, "-f", config, "--no-status", "--verbose", "-o", "csv", base]
    output = run("LinkChecker", command, ok=(0, 1), cwd=AUDIT).stdout
    if "urlname;" not in output:
        raise Failed(f"LinkChecker printed no results:\n{output[-2000:]}")
    rows = csv.DictReader(output[output.index("urlname;") :].splitlines(), delimiter=";")
    checked = [r for r in rows if r["url"] and r["url"].startswith(base)]
    anchor = [r for r in checked if "Anchor `" in (r["warningstring"] or "")]
    return {
        "checked": len(checked),
        "urls": len({r["url"].split("#")[0] for r in checked}),
        "broken": [r for r in checked if r["valid"] != "True"],
        "anchors": anchor,
        "warnings": [r for r in checked if r["warningstring"] and r not in anchor],
    }


def pa11y(url: str) -> list[dict]:
    """pa11y's issues on one page, both runners, WCAG 2 AA, warnings and notices included."""
    config = AUDIT / "pa11y.json"
    config.write_text(json.dumps({"chromeLaunchConfig": {"executablePath": CHROMIUM, "args": CHROMIUM_ARGS}}))
    command = [PA11Y, "--config", config, "--runner", "axe", "--runner", "htmlcs", "--standard", "WCAG2AA"]
    command += ["--reporter", "json", "--include-warnings", "--include-notices", "--timeout", "60000", url]
    result = run("pa11y", command, ok=(0, 2))  # 2: issues found
    try:
        return json.loads(result.stdout)
    except json.JSONDecodeError as error:
        raise Failed(f"pa11y: unreadable output on {url} ({error}):\n{result.stdout[-2000:]}") from error


def lighthouse_run(url: str) -> dict:
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "report.json"
        command = [LIGHTHOUSE, url, "--output=json", f"--output-path={out}", "--quiet"]
        command += [f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={flags}"]
        run("lighthouse", command, env={**os.environ, "CHROME_PATH": CHROMIUM})
        if not out.exists():
            raise Failed(f"lighthouse wrote no report for {url}")
        return json.loads(out.read_text())


def lighthouse(url: str) -> dict:
    """Scores over RUNS runs: the median performance, the lowest of the others."""
    reports = [lighthouse_run(url) for _ in range(RUNS)]
    scores = {c: [round(100 * r["categories"][c]["score"]) for r in reports] for c in CATEGORIES}
    failing = defaultdict(set)  # audit: the elements it names
    for r in reports:
        for c in CATEGORIES[1:]:
            for ref in r["categories"][c]["auditRefs"]:
                if ref["weight"] and (a := r["audits"][ref["id"]])["score"] is not None and a["score"] < 1:
                    items = (a.get("details") or {}).get("items", [])
                    failing[ref["id"]] |= {i["node"].get("snippet", "") for i in items if "node" in i}
    return {
        "performance": statistics.median(scores["performance"]),
        "runs": scores["performance"],
        **{c: min(scores[c]) for c in CATEGORIES[1:]},
        "kb": statistics.median(r["audits"]["total-byte-weight"]["numericValue"] for r in reports) / 1000,
        "failing": dict(sorted(failing.items())),
    }


def versions() -> str:
    """The checkers' versions, as the report names them."""

    def npm(name: str) -> str:
        for folder in (NODE / "pa11y" / "node_modules", NODE):
            if (package := folder / name / "package.json").exists():
                return json.loads(package.read_text())["version"]
        return "?"

    def output(*command) -> str:
        try:
            return run("version", list(command)).stdout.strip().splitlines()[0]
        except (Failed, IndexError):
            return "?"

    return (
        f"Lighthouse {npm('lighthouse')}, pa11y {npm('pa11y')} (axe-core {npm('axe-core')}, "
        f"HTML_CodeSniffer {npm('@pa11y/html_codesniffer')}), "
        f"Nu Html Checker {output('java', '-jar', VNU, '--version')}, "
        f"{output(LINKCHECKER, '--version').replace(' released', ' of')}; {output(CHROMIUM, '--version')}"
    )


def counts(issues: list[dict], runner: str) -> str:
    kinds = Counter(i["type"] for i in issues if i["runner"] == runner)
    return f"{kinds['error']} ({kinds['warning']}, {kinds['notice']})"


def table(results: dict[Page, dict]) -> list[str]:
    lines = [
        "| page | language | performance (mobile, median of runs) | accessibility | best practices | SEO "
        "| transferred | pa11y axe: errors (warnings, notices) | pa11y htmlcs: errors (warnings, notices) "
        "| failing Lighthouse audits |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for page, found in results.items():
        lh, issues = found.get("lighthouse"), found.get("pa11y")
        scores = (
            f"{lh['performance']:.0f} ({', '.join(map(str, lh['runs']))}) | {lh['accessibility']} "
            f"| {lh['best-practices']} | {lh['seo']} | {lh['kb']:.0f} KB"
            if lh
            else "- | - | - | - | -"
        )
        axe, htmlcs = (counts(issues, "axe"), counts(issues, "htmlcs")) if issues is not None else ("-", "-")
        failing = (", ".join(lh["failing"]) or "none") if lh else "-"
        lines.append(f"| {page.kind} | {page.lang} | {scores} | {axe} | {htmlcs} | {failing} |")
    return lines


def summary(site_wide: dict, results: dict[Page, dict]) -> list[str]:
    lines = []
    if v := site_wide.get("vnu"):
        pages = len({m["page"] for m in v["errors"]})
        lines.append(
            f"- **Nu Html Checker**: {len(v['errors'])} errors on {pages} of {v['pages']} pages, "
            f"{len(v['warnings'])} warnings (both languages)."
        )
    if lc := site_wide.get("links"):
        lines.append(
            f"- **LinkChecker**: {lc['checked']:,} internal links and anchors checked ({lc['urls']} URLs), "
            f"{len(lc['broken'])} broken links, {len(lc['anchors'])} broken anchors, "
            f"{len(lc['warnings'])} other warnings."
        )
    ran = {tool for found in results.values() for tool in found}
    if "pa11y" in ran:
        issues = [i for found in results.values() for i in found.get("pa11y", []) if i["type"] == "error"]
        errors = Counter(i["runner"] for i in issues)
        lines.append(
            f"- **pa11y**: {errors['axe']} axe and {errors['htmlcs']} htmlcs errors on {len(results)} pages."
        )
    if "lighthouse" in ran:
        slow = [
            f"{p.kind} ({p.lang})" for p, found in results.items() if found["lighthouse"]["performance"] < 95
        ]
        lines.append(f"- **Lighthouse** mobile performance below 95: {', '.join(slow) or 'none'}.")
    return lines


def escape(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def section(title: str, columns: str, rows: list[str]) -> list[str]:
    """A Markdown section: a table of ``rows`` under ``columns`` (right-aligned if they start with #)."""
    names = columns.split("|")
    rule = "| " + " | ".join("---:" if name.startswith("#") else "---" for name in names) + " |"
    head = "| " + " | ".join(name.lstrip("#") for name in names) + " |"
    return [f"## {title} ({len(rows)})", "", *([head, rule, *rows] if rows else ["None."]), ""]


def findings(header: str, site_wide: dict, results: dict[Page, dict]) -> str:
    """Every problem found, for the people fixing the pages."""
    out = ["# Audit findings", "", header, ""]
    if any("pa11y" in found for found in results.values()):
        errors = [
            (i, p) for p, found in results.items() for i in found.get("pa11y", []) if i["type"] == "error"
        ]
        rows = [
            f"| {i['runner']} | {i['code']} | `{escape(i['selector'])}` | /{p.path} | {p.lang} "
            f"| `{escape(i.get('context') or '')[:100]}` |"
            for i, p in errors
        ]
        out += section("pa11y errors", "runner|code|selector|page|language|element", rows)
        codes = {(i["runner"], i["code"]): i for i, _ in errors}
        out += ["What the codes say:", ""] if codes else []
        review = {(i["runner"], i["code"]) for i, _ in errors if i["runnerExtras"].get("needsFurtherReview")}
        out += [
            f"- {runner} `{code}`: {escape(i['message'])}"
            + (" (axe: needs review)" if (runner, code) in review else "")
            for (runner, code), i in sorted(codes.items())
        ] + ([""] if codes else [])
    if any("lighthouse" in found for found in results.values()):
        rows = [
            f"| {audit} | `{escape(element)[:120]}` | /{p.path} | {p.lang} |"
            for p, found in results.items()
            for audit, elements in found.get("lighthouse", {}).get("failing", {}).items()
            for element in sorted(elements) or ["(the page)"]
        ]
        out += section(
            "Lighthouse audits failed (accessibility, best practices, SEO)",
            "audit|element|page|language",
            rows,
        )
    if v := site_wide.get("vnu"):
        for name in ("errors", "warnings"):
            groups = defaultdict(list)
            for m in v[name]:
                groups[m["message"]].append(m)
            rows = [
                f"| {len(found)} | {len({m['page'] for m in found})} | {escape(message)} "
                f"| {found[0]['page']}:{found[0].get('lastLine', '?')} |"
                for message, found in sorted(groups.items(), key=lambda item: -len(item[1]))
            ]
            out += section(f"Nu Html Checker {name} by message", "#count|#pages|message|first seen", rows)
    if lc := site_wide.get("links"):
        rows = [
            f"| {escape(r['url'])} | {escape(r['parentname'])} | {r['line']} "
            f"| {escape(r['warningstring'] if r['valid'] == 'True' else r['result'])} |"
            for r in lc["broken"] + lc["anchors"] + lc["warnings"]
        ]
        out += section("LinkChecker problems", "link|on page|#line|problem", rows)
    return "\n".join(out)


def listed(value: str, known, what: str) -> list[str]:
    chosen = [
        item.strip().replace("-", " ") if what == "page kind" else item.strip() for item in value.split(",")
    ]
    if unknown := [item for item in chosen if item not in known]:
        raise SystemExit(f"audit: unknown {what} {', '.join(unknown)}; known: {', '.join(known)}")
    return chosen


def write_benchmarks(report: str) -> None:
    path = ROOT / "BENCHMARKS.md"
    text = path.read_text(encoding="utf-8")
    report = f"<!-- audit:start -->\n{report}\n<!-- audit:end -->"
    text = re.sub(r"<!-- audit:start -->.*<!-- audit:end -->", lambda _: report, text, flags=re.S)
    path.write_text(text, encoding="utf-8")


def check(
    site: Path, tools: list[str], kinds: list[str], langs: list[str], page_kinds: dict[str, str]
) -> tuple[dict, dict, list]:
    """Run the chosen checkers on the served site; returns their results and the failures."""
    server, base = serve(site, published_path(site))
    site_wide, failures = {}, []
    try:
        results = {page: {} for page in pages(site, kinds, langs, page_kinds)}
        for tool, checker, target in (("vnu", vnu, site), ("links", links, base)):
            if tool in tools:
                start = time.monotonic()
                try:
                    site_wide[tool] = checker(target)
                except Failed as error:
                    failures.append(str(error))
                print(f"audit: {tool} on the whole site, {time.monotonic() - start:.0f} s", flush=True)
        for tool, checker in (("pa11y", pa11y), ("lighthouse", lighthouse)):
            for page in results if tool in tools else ():
                try:
                    results[page][tool] = checker(base + page.path)
                except Failed as error:
                    failures.append(str(error))
                    break
                print(f"audit: {tool} {page.lang} {page.kind} done", flush=True)
    except Failed as error:
        failures.append(str(error))
        results = {}
    finally:
        server.shutdown()
        server.server_close()
    return site_wide, results, failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--only", default=",".join(TOOLS), help=f"checkers, comma-separated: {','.join(TOOLS)}"
    )
    parser.add_argument("--kinds", help="page kinds for pa11y and Lighthouse, comma-separated (who-is-who)")
    parser.add_argument("--langs", help="languages for pa11y and Lighthouse, comma-separated (all)")
    parser.add_argument("--findings", type=Path, default=AUDIT / "findings.md", help="where to list problems")
    args = parser.parse_args(argv)
    tools = listed(args.only, TOOLS, "checker")
    page_kinds, languages = site_pages()
    kinds = listed(args.kinds, page_kinds, "page kind") if args.kinds else list(page_kinds)
    langs = listed(args.langs, languages, "language") if args.langs else list(languages)
    site = ROOT / "site"
    if not (site / "index.html").exists():
        raise SystemExit("audit: site/ is missing: run make first")
    missing = {
        f"{need} is missing: {hint}"
        for tool in tools
        for need, hint in NEEDS[tool].items()
        if not (Path(need).exists() if isinstance(need, Path) or "/" in need else shutil.which(need))
    }
    if missing:
        raise SystemExit("audit: cannot start:\n  " + "\n  ".join(sorted(missing)))

    site_wide, results, failures = check(site, tools, kinds, langs, page_kinds)
    commit = run("git", ["git", "describe", "--always", "--dirty"], cwd=ROOT).stdout.strip()
    head = f"{versions()}; {time.strftime('%Y-%m-%d')}, site of commit {commit}, served locally with gzip."
    per_page = {"pa11y", "lighthouse"} & set(tools)
    lines = summary(site_wide, results) + ([""] + table(results) if results and per_page else [])
    args.findings.parent.mkdir(parents=True, exist_ok=True)
    rerun = "A part again: `make audit ONLY=pa11y KINDS=claims-ledger LANGUAGES=en` (see `make help`)."
    text = findings("\n\n".join([head, rerun, "\n".join(lines)]), site_wide, results)
    args.findings.write_text(text + "\n", encoding="utf-8")
    print("\n".join(lines) + f"\n\nEvery problem found: {args.findings}")
    if failures:
        print("\naudit FAILED:\n" + "\n".join(failures), file=sys.stderr)
        return 1
    if set(tools) == set(TOOLS) and set(kinds) == set(page_kinds) and set(langs) == set(languages):
        write_benchmarks(head + "\n\n" + "\n".join(lines))
        print("BENCHMARKS.md updated")
    else:
        print("A part of the audit: BENCHMARKS.md left as it was (a full run rewrites it)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
