"""Read built briefs back as a reader would: DOCX via python-docx and its XML parts, PDF via pypdf."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pypdf
from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def flat(text: str) -> str:
    """Fold whitespace, so layout line breaks do not matter."""
    return re.sub(r"\s+", " ", text).strip()


def docx_body(path: Path) -> list[etree._Element]:
    """Return the body's w:p elements in reading order (table cells included)."""
    return list(docx.Document(str(path)).element.body.iter(f"{W}p"))


def para_text(p: etree._Element) -> str:
    """Return a paragraph's text as a reader sees it (tabs and breaks as spaces)."""
    return "".join(" " if e.tag in (f"{W}tab", f"{W}br") else e.text or "" for e in p.iter(f"{W}t", f"{W}tab", f"{W}br"))


def docx_footnotes(path: Path) -> dict[str, str]:
    """Return footnote id → text, from word/footnotes.xml (separators left out)."""
    with zipfile.ZipFile(path) as z:
        if "word/footnotes.xml" not in z.namelist():
            return {}
        root = etree.fromstring(z.read("word/footnotes.xml"))
    return {n.get(f"{W}id"): flat("".join(t.text or "" for t in n.iter(f"{W}t")))
            for n in root.iter(f"{W}footnote") if int(n.get(f"{W}id")) > 0}


def footnote_ids(p: etree._Element) -> list[str]:
    return [r.get(f"{W}id") for r in p.iter(f"{W}footnoteReference")]


def pdf_pages(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in pypdf.PdfReader(str(path)).pages]


def pdf_body_text(path: Path, furniture: list[str]) -> str:
    """Return the PDF's text with page furniture (header/footer strings, "Page X of Y") removed, flattened."""
    text = flat(" ".join(pdf_pages(path)))
    text = re.sub(r"Page \d+ of \d+", " ", text)
    for item in furniture:
        if item:
            text = text.replace(item, " ")
    return flat(text)
