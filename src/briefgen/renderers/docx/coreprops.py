"""The brief's core properties (``docProps/core.xml``: title, author, dates…), written as text.

python-docx sets each property on the parsed part (find or add the element, set its text), and the
part is serialised again at save. What that gives depends only on the part the brief starts from
(the styled base's, the same brief after brief) and on the values, which fill the elements' text:
so the part is made once per process by python-docx's own setters with a marker in place of
each value (``_skeleton``), and each brief's values are put where the markers are, escaped as
libxml2 escapes text. Values python-docx would refuse (over 255 characters) or that could escape
otherwise (anything not printable) take python-docx's way, as does a part that was already parsed.
tests/test_docx_coreprops.py compares the two ways.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from docx.opc.coreprops import CoreProperties
from docx.opc.oxml import serialize_part_xml
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from briefgen.renderers.docx import xmltext

TEXTS = ("title", "subject", "author", "last_modified_by", "keywords", "language", "category", "comments")
"""The text properties, in the order they are set (after them: revision, content status, created, modified)."""
STATUS = "content_status"
DATES = ("created", "modified")
_MARK = re.compile(rb"\xee\x80\x80(\d+)\xee\x80\x81")
"""A marker in the serialised skeleton: U+E000, the slot's number, U+E001 (never printable, so never a value)."""
_SKELETONS: dict[bytes, list[bytes | int]] = {}
"""The part's pieces (bytes) and slots (numbers) by the bytes of the part it starts from; this process's."""


def fill(props: CoreProperties, values: dict[str, str], when: dt.datetime) -> None:
    """Set the properties the python-docx way: each text of ``TEXTS``, the revision, the status, the dates."""
    for name in TEXTS:
        setattr(props, name, values[name])
    props.revision = 1
    props.content_status = values[STATUS]
    props.created = props.modified = when


def written(blob: bytes, values: dict[str, str], when: dt.datetime) -> bytes | None:
    """Return the part ``blob`` would be once ``fill`` set ``values`` and ``when`` on it and it was serialised;
    None where python-docx's way must answer (a value it refuses or one this does not write)."""
    texts = [values[name] for name in (*TEXTS, STATUS)]
    if not all(isinstance(t, str) and len(t) <= 255 and t.isprintable() for t in texts):
        return None
    skeleton = _SKELETONS.get(blob)
    if skeleton is None:
        skeleton = _skeleton(blob)
        if len(_SKELETONS) >= 8:
            _SKELETONS.clear()
        _SKELETONS[blob] = skeleton
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")  # as python-docx writes a date
    # as libxml2 writes an element's text in UTF-8: a printable text has only & < > escaped
    slots = [xmltext.text(t).encode() for t in texts] + [stamp.encode(), stamp.encode()]
    return b"".join(piece if isinstance(piece, bytes) else slots[piece] for piece in skeleton)


def _skeleton(blob: bytes) -> list[bytes | int]:
    """The part made from ``blob`` by ``fill`` with a marker for each value, cut at the markers."""
    element: Any = parse_xml(blob)  # a CT_CoreProperties
    marks = [f"\ue000{i}\ue001" for i in range(len(TEXTS) + 3)]
    fill(CoreProperties(element), dict(zip((*TEXTS, STATUS), marks, strict=False)), dt.datetime(2000, 1, 1))
    for i, name in enumerate(DATES, len(TEXTS) + 1):
        date = element.find(qn(f"dcterms:{name}"))
        date.text = marks[i]  # the date's element and its xsi:type are the setter's; its text a marker
    pieces: list[bytes | int] = []
    text, at = serialize_part_xml(element), 0
    for found in _MARK.finditer(text):
        pieces += [text[at:found.start()], int(found.group(1))]
        at = found.end()
    return pieces + [text[at:]]


def write(part: Any, values: dict[str, str], when: dt.datetime, properties: Callable[[], CoreProperties]) -> None:
    """Give ``part`` (the brief's core properties part) ``values`` and ``when``: as text where it is still
    the bytes it was read from (``package._Unparsed``), else through ``properties()`` and python-docx."""
    blob = getattr(part, "_blob", None) if getattr(part, "unparsed", False) else None
    made = written(blob, values, when) if blob is not None else None
    if made is None:
        fill(properties(), values, when)
        return
    part._blob, part.written = made, True
