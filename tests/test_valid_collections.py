"""Property-based tests of whole collections: generated collections of documents, translations,
glossary terms, actors, quotes, relations and story pages of every layout meet the check with a
verdict (never an internal error), and whenever the check accepts one, the generator writes a page
for every document, entry and story page in every language without an internal error."""

from __future__ import annotations

import hashlib
import re
import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, Phase, event, given, settings
from hypothesis import strategies as st

from generator import pipeline
from generator.cli import main
from generator.model import DocumentMeta, RawDocument, fingerprint
from generator.model.problems import InputError, Problems
from generator.read.clean_text import clean
from generator.read.vocabulary import load_vocabulary
from generator.render.addresses import stem
from tests.conftest import SOURCES

LOCALES = sorted(p.stem for p in (Path(__file__).parent.parent / "generator" / "locales").glob("*.yml"))
"""The languages the generator has interface words for: a site may use any of them."""
META = DocumentMeta(None, {"id": "x", "en": "x"}, None, None, None, "news", "id", {"id": "x", "en": "x"})
OPINION = {"id": "Menurut tulisan opini, ", "en": "An opinion piece argues that "}
"""Words that say a sentence draws on an opinion piece (the attribution check asks for them)."""

letters = st.characters(categories=("Lu", "Ll", "Lo"), exclude_characters="\u0130\u0131")
word = st.text(letters, min_size=2, max_size=10)
words = st.lists(word, min_size=1, max_size=4).map(" ".join)
text = st.text(st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=100)
UNIQUE = [
    f"{a} {b}".strip()
    for a in ("", "Alfa", "Bravo", "Charlie", "Delta")
    for b in ("Echo", "Foxtrot", "Golf", "Hotel", "India", "Juliett", "Kilo", "Lima", "Mike", "Oscar")
]
"""Words that make each name and alias of a collection its own (one entry per name)."""
paragraph = st.lists(text | st.sampled_from(UNIQUE[:10]), min_size=1, max_size=4).map(" ".join)
"""Any Unicode text on one line (letters, digits, marks, symbols, punctuation, spaces), which
may name entries (their aliases may be words of ``UNIQUE``)."""
ADDRESS = r"[a-z0-9][a-z0-9-]{0,8}"
SITE_ADDRESSES = ["glossary", "glosarium", "sources", "sumber", "actors", "aktor", "claims", "klaim"]
SITE_ADDRESSES += ["print", "cetak", "assets", "index", "en", "id", "search", "404"]
address = st.one_of(*[st.from_regex(ADDRESS, fullmatch=True)] * 5, st.sampled_from(SITE_ADDRESSES))
"""A page's address in a language: any, including the names of the site's own sections."""
slug = st.from_regex(r"[a-z][a-z0-9-]{0,12}", fullmatch=True)


def config(languages: list[str]) -> str:
    """The frozen collection's ``site.yml`` without its home page, for ``languages``."""
    data = yaml.safe_load((SOURCES / "site.yml").read_text(encoding="utf-8"))
    data.pop("home_page", None)
    data["languages"] = languages
    for key in ("title", "description", "intro"):
        data[key] = {lang: data[key].get(lang) or data[key]["en"] for lang in languages}
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def cleaning(languages: list[str]) -> str:
    """The frozen collection's cleaning rules, their labels in ``languages``."""
    data = yaml.safe_load((SOURCES / "cleaning.yml").read_text(encoding="utf-8"))
    for rule in data["rules"]:
        rule["label"] = {lang: rule["label"].get(lang) or rule["label"]["en"] for lang in languages}
    return dump(data)


DEFAULTS = load_vocabulary(Path("/nonexistent"), tuple(LOCALES), Problems())
"""The engine's default vocabularies."""


def site_vocabulary(draw, languages: list[str], files: dict) -> dict[str, list[str]]:
    """Sometimes a ``vocabulary.yml`` of the site's own actor kind, relation verb, unit and
    certainty, each section added to the engine's defaults or replacing them; the ids a
    collection may then use, by section."""
    usable = {
        section: list(DEFAULTS.ids(section))
        for section in ("actor_kinds", "relations", "units", "certainties")
    }
    if not draw(st.booleans()):
        return usable
    labels = {lang: draw(words) for lang in languages}
    own = {
        "actor_kinds": ("bureau", {"label": labels, "plural": labels, "schema": "Organization"}),
        "relations": ("funds", {"label": labels}),
        "units": ("trips", {"label": {lang: f"{{n}} {labels[lang]}" for lang in languages}}),
        "certainties": ("rumoured", {"label": labels, "legend": labels, "line": "dotted"}),
    }
    data: dict = {}
    for section, (item, entry) in own.items():
        if not draw(st.booleans()):
            continue
        replace = section != "certainties" and draw(st.booleans())  # certainties keep reported, opinion
        data[section] = {"replace": True, item: entry} if replace else {item: entry}
        usable[section] = [item] if replace else [*usable[section], item]
    files["vocabulary.yml"] = dump(data)
    return usable


def dump(data: object) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


@st.composite
def collections(draw) -> dict[str, str | bytes]:
    """The files of a collection (``{relative path: content}``) that is valid by construction,
    as far as random text allows: whatever the check says of it is the verdict under test."""
    languages = draw(st.lists(st.sampled_from(LOCALES), min_size=1, max_size=len(LOCALES), unique=True))
    files: dict[str, str | bytes] = {"site.yml": config(languages), "cleaning.yml": cleaning(languages)}
    vocabulary = site_vocabulary(draw, languages, files)
    # Documents: paragraphs of any text and one that gives a number, with metadata and translations.
    docs = []  # (key, type, [(paragraph key, text)], number paragraph key, number)
    sums = []
    for n in range(draw(st.integers(1, 3))):
        doc_id, key = f"9{n}{n}_{draw(slug)}", f"9{n}{n}"
        number = draw(st.integers(2, 999))
        texts = draw(st.lists(paragraph, min_size=1, max_size=5))
        texts.insert(draw(st.integers(0, len(texts))), f"Tercatat {number} orang.")
        data = "\n\n".join(texts).encode("utf-8")
        kind, original = draw(st.sampled_from(("news", "opinion"))), draw(st.sampled_from(languages))
        files[f"{doc_id}.txt"] = data
        sums.append(f"{hashlib.sha256(data).hexdigest()}  {doc_id}.txt\n")
        files[f"{doc_id}.yml"] = dump(
            {
                "title": {lang: draw(words) for lang in languages} if draw(st.booleans()) else None,
                "label": {lang: draw(words) for lang in languages},
                "publisher": draw(st.none() | words),
                "author": draw(st.none() | words),
                "date": draw(st.none() | st.dates().map(str)),
                "type": kind,
                "language": original,
                "description": {lang: draw(paragraph) for lang in languages},
            }
        )
        cleaned = clean(RawDocument(doc_id, Path("x.txt"), Path("x.yml"), data, META)).paragraphs
        paras = [(p.key or str(p.number), p.text) for p in cleaned]
        counted = next((k for k, text in paras if f"Tercatat {number} orang." in text), None)
        for lang in languages:
            if lang != original and draw(st.booleans()):
                done = [p for p in paras if draw(st.booleans())]
                entries = [
                    {"paragraph": k, "fingerprint": fingerprint(t), "text": draw(paragraph)} for k, t in done
                ]
                files[f"{doc_id}.{lang}.yml"] = dump({"language": lang, "paragraphs": entries})
        docs.append((key, kind, paras, counted, number))
    files["SHA256SUMS"] = "".join(sums)

    def cite() -> tuple[str, str, str]:
        """A citation of an existing paragraph: ``(key#pN, document type, paragraph text)``."""
        key, kind, paras, _, _ = draw(st.sampled_from(docs))
        para, text = draw(st.sampled_from(paras))
        return f"{key}#p{para}", kind, text

    def sentence() -> dict[str, str]:
        """One cited sentence per language, which may link to an entry."""
        ref, kind, _ = cite()
        link = (
            f"[{draw(words)}]({draw(st.sampled_from(targets))}) " if targets and draw(st.booleans()) else ""
        )
        return {
            lang: f"{OPINION[lang] if kind == 'opinion' else ''}{link}{draw(words)} [@{ref}]."
            for lang in languages
        }

    # Entries: terms and actors with aliases, quotes by any actor, relations between them.
    ids = {"term": draw(st.lists(slug, max_size=3, unique=True)), "actor": []}
    ids["actor"] = draw(st.lists(slug.filter(lambda s: s not in ids["term"]), max_size=4, unique=True))
    unique = iter(UNIQUE)

    def alias() -> str | dict:
        """A name of its own, sometimes with what it stands for (``{name: UKM, expansion: ...}``)."""
        name = f"{draw(words)} {next(unique)}" if draw(st.booleans()) else next(unique)
        if draw(st.booleans()):
            return name
        expansion = draw(words | st.fixed_dictionaries({lang: words for lang in languages}))
        return {"name": name, "expansion": expansion}

    targets = [f"{kind}:{i}" for kind in ids for i in ids[kind]]
    for kind, folder in (("term", "glossary"), ("actor", "actors")):
        for entry_id in ids[kind]:
            entry = {"name": {lang: f"{draw(words)} {next(unique)}" for lang in languages}}
            if kind == "actor":
                entry["kind"] = draw(st.sampled_from(vocabulary["actor_kinds"]))
            entry["aliases"] = {lang: [alias() for _ in range(draw(st.integers(0, 2)))] for lang in languages}
            entry["definition" if kind == "term" else "summary"] = sentence()
            for section in ("explanation",) if kind == "term" else ("role", "actions"):
                entry[section] = [sentence() for _ in range(draw(st.integers(0, 2)))]
            quotes = []
            for _ in range(draw(st.integers(0, 2))):
                ref, _, text = cite()
                start = draw(st.integers(0, len(text) - 1))
                quote = text[start : start + draw(st.integers(1, 40))].strip() or text.strip()
                quotes.append(
                    {
                        "source": ref,
                        "speaker": draw(st.sampled_from([None, *ids["actor"]])),
                        "text": quote,
                        "translation": {lang: draw(words) for lang in languages},
                    }
                )
            if quotes:
                entry["quotes"] = quotes
            relations = []
            others = [target for target in targets if target != f"{kind}:{entry_id}"]
            for _ in range(draw(st.integers(0, 3)) if others else 0):
                ref, _, _ = cite()
                relation = {
                    "type": draw(st.sampled_from(vocabulary["relations"])),
                    "target": draw(st.sampled_from(others)),
                }
                relation["source"] = ref
                if draw(st.booleans()):
                    relation["certainty"] = draw(st.sampled_from(vocabulary["certainties"]))
                relations.append(relation)
            if relations:
                entry["relations"] = relations
            if others and draw(st.booleans()):
                related = draw(st.lists(st.sampled_from(others), min_size=1, unique=True))
                entry["related"] = {
                    f"{kind}s": [target.partition(":")[2] for target in related if target.startswith(kind)]
                    for kind in ("term", "actor")
                }
            files[f"{folder}/{entry_id}.yml"] = dump(entry)
    # Story pages of every layout.
    pages = []
    for page_id in draw(st.lists(slug, max_size=4, unique=True)):
        layout = draw(
            st.sampled_from(("article", "cards", "questions", "timeline", "figures", "network", "method"))
        )
        pages.append((page_id, layout))
        page = {"layout": layout, "title": {lang: draw(words) for lang in languages}}
        page["description"] = {lang: draw(words) for lang in languages}
        if draw(st.booleans()):
            page["slug"] = {lang: draw(address) for lang in languages}
        if draw(st.booleans()):
            page["order"] = draw(st.integers(-5, 200))
        if draw(st.booleans()):
            page["intro"] = sentence()
        if layout in ("article", "cards", "questions", "method"):
            page["sections"] = [
                {
                    "heading": {
                        lang: draw(words) + ("?" if layout == "questions" else "") for lang in languages
                    },
                    "items": [sentence() for _ in range(draw(st.integers(1, 2)))],
                }
                for _ in range(draw(st.integers(1, 2)))
            ]
        if layout == "timeline":
            page["events"] = [
                {
                    "date": draw(
                        st.from_regex(r"(19[5-9][0-9]|20[0-2][0-9])(-0[1-9](-1[0-9])?)?", fullmatch=True)
                    ),
                    "text": sentence(),
                    "inferred": {"reasoning": sentence()},
                }
                for _ in range(draw(st.integers(1, 3)))
            ]
        if layout == "figures":
            counted = [d for d in docs if d[3] is not None]
            figures = []
            counts = [u for u in vocabulary["units"] if DEFAULTS.word("units", u) is None or u == "count"]
            unit = draw(st.sampled_from(counts))  # a plain number: the count, or the site's own unit
            for n in range(draw(st.integers(1, 3)) if counted else 0):
                key, _, _, para, number = draw(st.sampled_from(counted))
                figures.append(
                    {
                        "id": f"f{n}",
                        "value": number,
                        "unit": unit,
                        "label": {lang: draw(words) for lang in languages},
                        "source": f"{key}#p{para}",
                        "quote": str(number),
                    }
                )
            page["figures"] = figures
            if len(figures) > 1:
                page["charts"] = [
                    {
                        "id": "c",
                        "title": {lang: draw(words) for lang in languages},
                        "description": {lang: draw(words) for lang in languages},
                        "figures": [f["id"] for f in figures],
                    }
                ]
        files[f"pages/{page_id}.yml"] = dump(page)
    home = [p for p in pages if p[1] in ("article", "cards", "questions", "method")]
    if home and draw(st.booleans()):
        files["site.yml"] += f"home_page: {draw(st.sampled_from(home))[0]}\n"
    # Update records (sources/updates/): any day, any kind, what they name drawn from the above.
    kinds = ["source-added", "source-corrected", "claims-reworded", "claims-withdrawn"]
    for n in range(draw(st.integers(0, 3))):
        key, _, paras, _, _ = draw(st.sampled_from(docs))
        kind = draw(st.sampled_from(kinds))
        record: dict = {"date": str(draw(st.dates())), "kind": kind, "sources": [key]}
        record["paragraphs"] = [f"{key}#p{para}" for para, _ in paras[: draw(st.integers(0, len(paras)))]]
        record["pages"] = ["home"] + [f"page/{p[0]}" for p in pages[: draw(st.integers(0, len(pages)))]]
        record["note"] = {lang: draw(words) for lang in languages}
        if kind == "claims-withdrawn":
            record["withdrawn"] = [{lang: draw(words) for lang in languages}]
        files[f"updates/2024-01-0{n + 1}-{draw(slug)}.yml"] = dump(record)
    return files


def write(root: Path, files: dict[str, str | bytes]) -> Path:
    sources = root / "sources"
    for name, content in files.items():
        path = sources / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return sources


@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    phases=(Phase.explicit, Phase.generate),
    database=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)
@given(collections())
def test_a_valid_collection_is_checked_and_generated_without_an_internal_error(monkeypatch, files):
    monkeypatch.setenv("GENERATOR_DEBUG", "1")  # an internal error raises, with its traceback
    root = Path(tempfile.mkdtemp(prefix="collection-"))
    try:
        sources = write(root, files)
        verdict = main(["--sources", str(sources), "check"])
        event(f"check {verdict}")
        assert verdict in (0, 1)
        try:
            site, _ = pipeline.build(sources)
        except InputError:
            assert verdict == 1, "the check accepted what the build refuses"
            return
        assert main(["--sources", str(sources), "generate", "--out", str(root / "docs")]) == 0
        keys = [("source", doc.id) for doc in site.documents]
        keys += [entry.key for entry in site.entries] + [("home", "")]
        keys += [("page", page.id) for page in site.pages if page.id != site.config.home_page]
        assert len(site.documents) == files["SHA256SUMS"].count("\n")
        written = [path.relative_to(root / "docs").as_posix() for path in (root / "docs").rglob("*.md")]
        addresses = [re.sub(r"(^|/)index$", "", name[: -len(".md")]) for name in written]
        assert len(set(addresses)) == len(addresses), "two pages at one address"
        for lang in site.config.languages:
            for key in keys:
                assert (root / "docs" / lang / f"{stem(site, key, lang)}.md").is_file(), (lang, key)
    finally:
        shutil.rmtree(root)
