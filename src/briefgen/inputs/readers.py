"""Document readers: text and metadata of TXT, Markdown, HTML, PDF and DOCX files.

The one module that reads documents with third-party libraries: charset-normalizer
(encodings), lxml (HTML), pypdf (PDF) and python-docx (DOCX). Each reader takes the
file's bytes and returns its text, with blocks (paragraphs, headings, list items,
table cells) separated by blank lines, or raises UserError naming the file.
ingest.READERS registers them by suffix.

``metadata(path)`` returns the CSL fields the file itself states (HTML <title> and
meta tags, PDF document info, DOCX core properties); ``merge`` lets the metadata
file win over them.
"""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from briefgen.errors import Problem, UserError, display
from briefgen.inputs import limits, paths

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
MAX_MESS = 0.2
"""Largest charset-normalizer "mess ratio" accepted for a cp1252 reading."""


def _fail(path: Path, message: str, hint: str = "") -> UserError:
    return UserError([Problem(display(path), 0, 0, "", message, hint)])


# ---------------------------------------------------------------- text and encodings


def decode(data: bytes, path: Path) -> str:
    """Return ``data`` as text: BOM, else UTF-8, else cp1252, else what charset-normalizer finds."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise _fail(path, f"expected {encoding.upper()} text (it starts with that byte-order mark), found undecodable bytes") from None
    if b"\x00" in data[:4096]:
        raise _fail(path, "expected text, found binary data")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    from charset_normalizer import from_bytes
    from charset_normalizer.md import mess_ratio
    try:
        text = data.decode("cp1252")
        if mess_ratio(text, MAX_MESS) < MAX_MESS:
            return text
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise _fail(path, f"expected text in a known encoding, found undecodable bytes (byte 0x{data[first_bad]:02x} at offset {first_bad})",
                    "save the file as UTF-8")
    return str(best)


def _blocks(chunks: list[str]) -> str:
    """Return the non-empty chunks, inner whitespace folded, separated by blank lines."""
    return "\n\n".join(text for text in (" ".join(chunk.split()) for chunk in chunks) if text)


# ---------------------------------------------------------------- HTML

_BLOCK_TAGS = frozenset("""address article aside blockquote body br caption dd details div dl dt fieldset figcaption
    figure h1 h2 h3 h4 h5 h6 hr li main ol p pre section summary table td th tr ul""".split())
_DROP = "//script|//style|//noscript|//template|//svg|//nav|//header|//footer|//aside|//form|//iframe|//button|//select"
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")


def _html_tree(data: bytes, path: Path) -> Any:
    import lxml.html
    from lxml import etree
    declared = _CHARSET.search(data[:4096])
    text = None
    if declared and not data.startswith(tuple(b for b, _ in _BOMS)):
        try:
            text = data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            text = None
    text = _XML_DECL.sub("", text if text is not None else decode(data, path))
    try:
        return lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise _fail(path, f"expected an HTML document, found {exc}") from None


def read_html(data: bytes, path: Path) -> str:
    """Return the article text of an HTML page: <article> or <main> if any, else <body>; no menus or scripts."""
    from lxml import etree
    root = _html_tree(data, path)
    for element in root.xpath(_DROP):
        element.drop_tree()
    etree.strip_tags(root, etree.Comment, etree.ProcessingInstruction)  # keeps their tails
    candidates = root.xpath("//article|//main|//*[@role='main']")
    main = max(candidates, key=lambda e: len(e.text_content())) if candidates else (root.find("body") if root.find("body") is not None else root)
    chunks: list[str] = []
    current: list[str] = []
    for event, element in etree.iterwalk(main, events=("start", "end")):
        is_tag = isinstance(element.tag, str)
        if is_tag and element.tag in _BLOCK_TAGS:
            chunks.append("".join(current))
            current = []
        if event == "start" and is_tag and element.text:
            current.append(element.text)
        elif event == "end" and element is not main and element.tail:
            current.append(element.tail)
    chunks.append("".join(current))
    return _blocks(chunks)


def _html_metadata(path: Path) -> dict[str, Any]:
    root = _html_tree(_read(path), path)

    def meta(*keys: str) -> str:
        for key in keys:
            for value in root.xpath(f"//meta[@property='{key}' or @name='{key}' or @itemprop='{key}']/@content"):
                if value.strip():
                    return str(value).strip()
        return ""

    title = meta("og:title", "twitter:title", "dc.title", "DC.title") or " ".join((root.findtext(".//title") or "").split())
    found: dict[str, Any] = {
        "title": title,
        "container-title": meta("og:site_name"),
        "URL": meta("og:url") or next(iter(root.xpath("//link[@rel='canonical']/@href")), ""),
        "language": root.get("lang", "") or meta("dc.language", "DC.language"),
        "issued": _date(meta("article:published_time", "datePublished", "date", "dc.date", "DC.date", "pubdate")
                        or next(iter(root.xpath("//time/@datetime")), "")),
        "author": _names(meta("author", "article:author", "dc.creator", "DC.creator")),
    }
    if found["URL"] and not str(found["URL"]).startswith(("http://", "https://")):
        found["URL"] = ""
    return found


# ---------------------------------------------------------------- PDF


def _pdf(data: bytes, path: Path) -> Any:
    from pypdf import PdfReader
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise _fail(path, "expected an unencrypted PDF, found a password-protected one")
        if len(reader.pages) > limits.PDF_PAGES:
            raise _fail(path, f"expected a PDF of at most {limits.PDF_PAGES:,} pages, found {len(reader.pages):,}")
        return reader
    except UserError:
        raise
    except Exception as exc:  # pypdf raises many types on damaged files
        raise _fail(path, f"expected a PDF document, found a damaged or non-PDF file ({type(exc).__name__})") from None


def read_pdf(data: bytes, path: Path) -> str:
    """Return the text layer of every page; words hyphenated across lines are joined."""
    reader = _pdf(data, path)
    try:
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as exc:  # damaged content streams
        raise _fail(path, f"expected a PDF document, found unreadable page content ({type(exc).__name__})") from None
    text = "\n\n".join(pages)
    if not text.strip():
        raise _fail(path, "expected a PDF with a text layer, found no text", "it may be a scan: run OCR on it first")
    return re.sub(r"(\w)-\n(?=[a-z])", r"\1", text)


def _pdf_metadata(path: Path) -> dict[str, Any]:
    """Title and author from the document info; never the creation date, which dates the file, not the text."""
    info = _pdf(_read(path), path).metadata
    if info is None:  # a valid PDF may have no /Info dictionary at all
        return {"title": "", "author": []}
    try:
        title, author = str(info.title or "").strip(), str(info.author or "")
    except Exception:  # an /Info entry that is not a string
        title, author = "", ""
    return {"title": title, "author": _names(author)}


# ---------------------------------------------------------------- DOCX

_TEMPLATE_AUTHOR = "python-docx"
"""The default template's author: its properties describe the template, not the document."""


def check_zip(data: bytes, path: Path) -> None:
    """Raise UserError unless ``data`` is a zip whose entries unpack within the limits (no zip bomb).

    Python's zipfile never inflates an entry past the size its directory states, so the stated sizes bound the work.
    """
    import zipfile
    try:
        entries = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
        raise _fail(path, f"expected a DOCX document (a Word zip package), found a damaged or different file ({type(exc).__name__})") from None
    if len(entries) > limits.ZIP_ENTRIES:
        raise _fail(path, f"expected a DOCX of at most {limits.ZIP_ENTRIES:,} parts, found {len(entries):,}")
    unpacked = sum(e.file_size for e in entries)
    if unpacked > limits.ZIP_UNPACKED_BYTES:
        raise _fail(path, f"expected a DOCX that unpacks to at most {limits.ZIP_UNPACKED_BYTES:,} bytes, found {unpacked:,} bytes",
                    "it may be a zip bomb")


def _docx(data: bytes, path: Path) -> Any:
    import docx
    check_zip(data, path)
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # zipfile, KeyError and ValueError on non-DOCX files
        raise _fail(path, f"expected a DOCX document (a Word zip package), found a damaged or different file ({type(exc).__name__})") from None


def read_docx(data: bytes, path: Path) -> str:
    """Return the paragraphs and table cells of the body, in document order."""
    from docx.table import Table
    chunks: list[str] = []
    for block in _docx(data, path).iter_inner_content():
        if isinstance(block, Table):
            chunks += [p.text for row in block.rows for cell in row.cells for p in cell.paragraphs]
        else:
            chunks.append(block.text)
    return _blocks(chunks)


def _docx_metadata(path: Path) -> dict[str, Any]:
    props = _docx(_read(path), path).core_properties
    if props.author == _TEMPLATE_AUTHOR:
        return {"title": props.title or "", "language": props.language or ""}
    # never props.created or props.modified: they date the file's saves, not the text's publication
    return {"title": props.title or "", "author": _names(props.author or ""), "language": props.language or ""}


# ---------------------------------------------------------------- metadata


def _read(path: Path) -> bytes:
    return paths.read_bytes(path, limits.DOCUMENT_BYTES, "document")

READERS: dict[str, Callable[[bytes, Path], str]] = {
    ".txt": decode, ".md": decode, ".html": read_html, ".htm": read_html, ".pdf": read_pdf, ".docx": read_docx,
}
_METADATA: dict[str, Callable[[Path], dict[str, Any]]] = {
    ".html": _html_metadata, ".htm": _html_metadata, ".pdf": _pdf_metadata, ".docx": _docx_metadata,
}


def metadata(path: Path) -> dict[str, Any]:
    """Return the CSL fields that the document states about itself (none for TXT and Markdown)."""
    reader = _METADATA.get(path.suffix.lower())
    if reader is None:
        return {}
    return {k: v for k, v in reader(path).items() if v not in ("", [], {}, None)}


def merge(declared: dict[str, Any], found: dict[str, Any]) -> dict[str, Any]:
    """Return the CSL item: ``found`` (from the file) filled in, ``declared`` (the metadata file) winning."""
    merged = dict(found)
    merged.update({k: v for k, v in declared.items() if v not in ("", [], {}, None)})
    return merged


_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _date(value: str | datetime | None) -> dict[str, Any]:
    """Return CSL date-parts from an ISO-like string or a datetime; {} if none."""
    if isinstance(value, datetime):
        return {"date-parts": [[value.year, value.month, value.day]]}
    match = _ISO_DATE.match((value or "").strip())
    return {"date-parts": [[int(p) for p in match.groups() if p]]} if match else {}


def _names(value: str) -> list[dict[str, str]]:
    """Return CSL names from a byline; a role or organisation ("Staff Reporter") stays a literal (see ``names``)."""
    from briefgen.inputs.names import csl_names
    return csl_names(value)
