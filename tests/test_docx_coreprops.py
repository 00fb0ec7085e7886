"""The core properties written as text (``coreprops.written``) are the bytes python-docx's setters give."""

from __future__ import annotations

import datetime as dt

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.oxml import serialize_part_xml
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.model import Meta, Style
from briefgen.renderers.docx import coreprops, package, styles


def _base_blob() -> bytes:
    doc = docx.Document()
    return bytes(doc.part.package.part_related_by(RT.CORE_PROPERTIES).blob)


def _by_setters(blob: bytes, values: dict[str, str], when: dt.datetime) -> bytes:
    element = docx.oxml.parse_xml(blob)
    coreprops.fill(docx.opc.coreprops.CoreProperties(element), values, when)
    return serialize_part_xml(element)


def _values(texts: list[str]) -> dict[str, str]:
    return dict(zip((*coreprops.TEXTS, coreprops.STATUS), texts, strict=True))


TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)


@settings(max_examples=300, deadline=None)
@given(st.lists(TEXT, min_size=9, max_size=9), st.dates(min_value=dt.date(1, 1, 1)))
def test_written_as_the_setters_write(texts: list[str], day: dt.date) -> None:
    blob, values, when = _base_blob(), _values(texts), dt.datetime(day.year, day.month, day.day)
    made = coreprops.written(blob, values, when)
    try:
        expected = _by_setters(blob, values, when)
    except ValueError:  # over 255 characters, or a character XML cannot hold: python-docx's way raises it
        assert made is None
        return
    assert made is None or made == expected


@pytest.mark.parametrize("texts", [
    ["A & B <c> \"d\" 'e'", "Sub > ject", "Ana Ruiz; Li Wei", "Ana Ruiz; Li Wei", "k1; k2", "en-GB", "TLP:AMBER+STRICT", "", "Draft"],
    ["中文标题", "", "", "", "", "zh", "", "", ""],
    ["x" * 255, "é" * 255, "", "", "", "fr", "TLP:RED", "", ""],
])
def test_written_and_saved_as_before(texts: list[str]) -> None:
    blob, values, when = _base_blob(), _values(texts), dt.datetime(2025, 8, 15)
    assert coreprops.written(blob, values, when) == _by_setters(blob, values, when)


def test_a_brief_part_takes_the_text_way_and_is_never_kept() -> None:
    meta = Meta("Title & <more>", author=("A", "B"), keywords=("k",), lang="en-GB", marking="TLP:GREEN", draft=True,
                issued=dt.date(2024, 2, 29))
    house = styles.prepare(Style(), meta)
    part = house.doc.part.package._core_properties_part
    assert isinstance(part, package._ReadCore) and part.written and part.unparsed
    items, kept = package._members(house.doc)
    assert id(part._blob) not in kept
    base = styles._styled_base(Style(), meta)[0]  # python-docx's way on the same base
    slow = package.open_document(base)
    slow.part.package._core_properties_part.element  # noqa: B018 - parsed: the setters' way
    styles._properties(slow, meta)
    assert dict(items)["docProps/core.xml"] == slow.part.package._core_properties_part.blob
