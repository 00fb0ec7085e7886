"""The fuzzer's generator and target, shared by tests/test_fuzz.py (hypothesis, a small CI budget)
and benchmarks/fuzz.py (a long run that counts runs and crashes).

Each run takes a copy of the example project, mutates one of its four kinds of
input file (a spec, the summary, the sources metadata, a house style) with
hostile values and byte edits, and runs the input stages: load the corpus, verify
the quotes, load the spec and compose + finish its document model; one run in
``render_every`` also renders the DOCX and the PDF. A run passes when it
succeeds or raises a BriefgenError; anything else is a crash.
"""

from __future__ import annotations

import json
import random
import shutil
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]

HOSTILE_SCALARS = [
    "0", "-1", "1e308", ".nan", "-.inf", "9" * 5000, "!!int abc", "!!float abc", "!!binary abc", "!!timestamp x",
    '"\\ud800"', '"\\udc80x"', '"' + "A" * 300 + '"', "''", "~", "yes", "NO", "&a x", "*a", "!!python/object:os.system x",
    '"2026-13-01"', '"2026-00-05"', '"2024-02-30"', '"not-a-date"', '"2023-13-45"', "2026", '"2026-1-1"',
    '"[@nobody]"', '"[@"', '"@"', '"[-@x; @y, p. 3]"', '"::: toc abc"', '"::: figure pie"', '"::: callout"', '"::: nope x"',
    '"' + "* " * 300 + 'x"', '"' + "*" * 200 + "x" + "*" * 200 + '"', '"' + "> " * 500 + 'x"', '"{{ 1/0 }}"', '"<b>x</b>"',
    '"|' + "c|" * 60 + '\\n|' + "-|" * 60 + '"', "[[[[[[[[]]]]]]]]", "{a: [1, {b: 2}]}", '"\\x00"', '"\\t\\r"', '"日本語テキスト"',
    '"' + "\\u202e" + 'rtl"', "'a\nb'", '"' + "x" * 3000 + '"', "[]", "{}", "- a", "-1.5", "0x1F", "0o17", "+12", ".5",
]
KEYS = ["title", "subtitle", "author", "date", "lang", "audience", "marking", "draft", "keywords", "formats", "citations",
        "style", "page_size", "max_pages", "toc", "annex", "figures", "template", "bottom_line", "key_points",
        "sections", "recommendations", "a[0]", "x[str]", "heading", "text", "themes", "claims", "limit", "quotes",
        "since", "until", "min_sources", "include_sources", "margins_mm", "heading_sizes", "body_size", "logo",
        "reference_docx", "header_text", "issued", "accessed", "file", "id", "type", "date-parts", "quote", "source", "evidence"]
BYTES = [b"\xff", b"\xe9", b"\x00", b"\xef\xbb\xbf", b"\t", b"\r\n", b"{", b"[", b"]", b"}", b",", b":", b"- ", b"  ",
         b"\"", b"'", b"&", b"*", b"!", b"%", b"@", b"#", b"|", b">", b"\n", b"\\u", b"\xf0\x9f", b"\xed\xa0\x80"]
STYLE_KEYS = {"page_size": ["A4", "Letter", "A5"], "margins_mm": ["[22, 20, 22, 20]", "[0, 0, 0, 0]", "[90, 90, 90, 90]", "[-1, 2, 3, 4]", "[.nan, 1, 1, 1]", "[1, 2]"],
              "body_font": ["serif", "sans", "mono"], "body_size": ["10.5", "0", "-3", ".nan", "1e9"],
              "heading_sizes": ["[14, 12, 11]", "[0, 0, 0]", "[-1, 12, 11]", "[.inf, 1, 1]"], "title_size": ["22", "0", ".nan"],
              "accent": ['"#1F3A5F"', '"red"', '"#GGGGGG"'], "header_text": ['"Unit"', '"\\ud800"', '"' + "H" * 2000 + '"', '"[@x] **b**"'],
              "footer_text": ['""', '"{{ x }}"'], "logo": ['"nope.png"', '"../../../etc/passwd"', '"/etc/passwd"', '"."', '"default.yaml"'],
              "reference_docx": ['"x.docx"', '"/etc/hostname"', '"plain.yaml"']}


def project(tmp: Path) -> Path:
    """Copy the example project into ``tmp`` (once per worker) and return it."""
    if not (tmp / "briefs").exists():
        for name in ("sources", "summary", "briefs", "templates"):
            shutil.copytree(ROOT / name, tmp / name)
    return tmp


def _mutate_bytes(rng: random.Random, data: bytes, edits: int) -> bytes:
    out = bytearray(data)
    for _ in range(edits):
        pos = rng.randrange(len(out) + 1)
        kind = rng.random()
        if kind < 0.4:
            out[pos:pos] = rng.choice(BYTES)
        elif kind < 0.7 and out:
            del out[pos:pos + rng.randrange(1, 8)]
        else:
            out[pos:pos] = rng.choice(HOSTILE_SCALARS).encode("utf-8", "surrogatepass")
    return bytes(out)


def _mutate_values(rng: random.Random, text: str, edits: int) -> str:
    """Replace the values of some ``key: value`` lines with hostile scalars, and add hostile keys."""
    lines = text.splitlines()
    for _ in range(edits):
        candidates = [i for i, line in enumerate(lines) if ": " in line and not line.lstrip().startswith("#")]
        if candidates and rng.random() < 0.75:
            i = rng.choice(candidates)
            key, _, _ = lines[i].partition(": ")
            lines[i] = f"{key}: {rng.choice(HOSTILE_SCALARS)}"
        else:
            indent = rng.choice(["", "  ", "    ", "      "])
            lines.insert(rng.randrange(len(lines) + 1), f"{indent}{rng.choice(KEYS)}: {rng.choice(HOSTILE_SCALARS)}")
    return "\n".join(lines) + "\n"


def _text(rng: random.Random, text: str) -> bytes:
    mutated = _mutate_values(rng, text, rng.randrange(1, 4))
    data = mutated.encode("utf-8", "surrogatepass")
    return _mutate_bytes(rng, data, rng.randrange(0, 3)) if rng.random() < 0.3 else data


def _spec(rng: random.Random, root: Path) -> dict[str, bytes]:
    base = rng.choice(sorted((ROOT / "briefs").glob("*.yaml")))
    return {"briefs/fuzz.yaml": _text(rng, base.read_text(encoding="utf-8"))}


def _summary(rng: random.Random, root: Path) -> dict[str, bytes]:
    text = (ROOT / "summary" / "summary.yaml").read_text(encoding="utf-8")
    return {"summary/summary.yaml": _text(rng, text)}


def _sources(rng: random.Random, root: Path) -> dict[str, bytes]:
    if rng.random() < 0.5:
        return {"sources/sources.yaml": _text(rng, (ROOT / "sources" / "sources.yaml").read_text(encoding="utf-8"))}
    item: dict = {"id": rng.choice(["x", "musk-ai-framework", "", "http://zotero.org/users/1/items/ABCD1234"]),
                  "type": rng.choice(["report", "webpage", "nope"])}
    for key in rng.sample(["title", "issued", "accessed", "author", "file", "URL", "a[0]", "citation-key"], rng.randrange(1, 5)):
        item[key] = rng.choice([{"date-parts": [[rng.choice([2023, "x", 0, 13])]]}, "2023-13-45", [{"family": "F"}], "x" * 300,
                                "../../etc/passwd", "000_8e494d123ed6724e.txt", 1e308, None, [[[[]]]]])
    data = json.dumps([item], ensure_ascii=rng.random() < 0.5).encode()
    if rng.random() < 0.5:
        data = _mutate_bytes(rng, data, rng.randrange(1, 4))
    return {"sources/fuzz.json": data}


def _style(rng: random.Random, root: Path) -> dict[str, bytes]:
    lines = [f"{k}: {rng.choice(v)}" for k, v in STYLE_KEYS.items() if rng.random() < 0.5]
    spec = (ROOT / "briefs" / "global-ai-organisation.yaml").read_text(encoding="utf-8").replace('marking: "TLP:GREEN"', 'marking: "TLP:GREEN"\nstyle: fuzz', 1)
    data = ("\n".join(lines) + "\n").encode("utf-8", "surrogatepass")
    return {"templates/styles/fuzz.yaml": _mutate_bytes(rng, data, 1) if rng.random() < 0.2 else data, "briefs/fuzz.yaml": spec.encode()}


KINDS: dict[str, Callable[[random.Random, Path], dict[str, bytes]]] = {"spec": _spec, "summary": _summary, "sources": _sources, "style": _style}


def generate(rng: random.Random, root: Path) -> tuple[str, dict[str, bytes]]:
    """Return the kind of file fuzzed and the files to write (project-relative path → bytes)."""
    kind = rng.choice(sorted(KINDS))
    return kind, KINDS[kind](rng, root)


_LOADED: dict[tuple[str, int], object] = {}
_PRISTINE = {hash(p.read_bytes()) for folder in ("sources", "summary", "briefs", "templates") for p in (ROOT / folder).rglob("*.yaml")}
"""The example project's own YAML files: only these are memoised, so memory stays flat over a long run."""


def _memoised_yaml() -> None:
    """Parse each unchanged YAML file once per process (PyYAML is slow; the fuzzed file is always parsed afresh)."""
    from briefgen.inputs import paths, yamlio
    if getattr(yamlio.load, "memoised", False):
        return
    real = yamlio.load

    def load(path: Path) -> yamlio.Loaded:
        if not paths.is_regular(path):
            return real(path)
        key = (str(path), hash(path.read_bytes()))
        if key[1] not in _PRISTINE:
            return real(path)
        if key not in _LOADED:
            _LOADED[key] = real(path)
        return _LOADED[key]  # type: ignore[return-value]
    load.memoised = True  # type: ignore[attr-defined]
    yamlio.load = load  # type: ignore[assignment]


def run(root: Path, files: dict[str, bytes], render: bool) -> str:
    """Write ``files`` into the project, run the input stages, restore the files; return 'ok' or 'user error'.

    Any exception other than a BriefgenError propagates: that is a crash.
    """
    from briefgen import pipeline, renderers
    from briefgen.errors import BriefgenError
    from briefgen.inputs import spec, summary
    _memoised_yaml()
    saved = {name: (root / name).read_bytes() if (root / name).exists() else None for name in files}
    try:
        for name, data in files.items():
            (root / name).write_bytes(data)
        project = pipeline.Project(root)
        try:
            corpus = pipeline.load_corpus(project)
            summary.verify(corpus.summary, corpus.sources)
            brief = spec.load_spec(root / "briefs" / "fuzz.yaml", corpus.summary, corpus.sources) if "briefs/fuzz.yaml" in files else \
                spec.load_spec(root / "briefs" / "global-ai-organisation.yaml", corpus.summary, corpus.sources)
            model = pipeline.document(project, corpus, brief)
            if render:
                for name in ("docx", "pdf"):
                    renderers.get(name).render(model)
            return "ok"
        except BriefgenError:
            return "user error"
    finally:
        for name, data in saved.items():
            if data is None:
                (root / name).unlink(missing_ok=True)
            else:
                (root / name).write_bytes(data)


def dump(files: dict[str, bytes]) -> str:
    """Return the files as YAML-ish text for a crash report."""
    return yaml.safe_dump({k: v.decode("utf-8", "backslashreplace") for k, v in files.items()}, allow_unicode=True, width=200)
