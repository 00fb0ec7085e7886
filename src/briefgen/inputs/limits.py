"""Every resource limit briefgen enforces, declared once.

Each limit is a module constant, read at the moment it is checked (so a test can
lower one), and a row of ``LIMITS``, which the README's "Limits" table is
generated from (``markdown_table()``; a test keeps the two equal). Going over a
limit is a user error (exit 2) that names the file and the limit, never a hang,
a crash or a half-written file.
"""

from __future__ import annotations

from dataclasses import dataclass

YAML_BYTES = 2_000_000
YAML_VALUES = 200_000
YAML_DEPTH = 64
DOCUMENT_BYTES = 20_000_000
ZIP_UNPACKED_BYTES = 100_000_000
ZIP_ENTRIES = 2_000
PDF_PAGES = 2_000
TEXT_CHARS = 20_000_000
TEMPLATE_BYTES = 1_000_000
TEMPLATE_SECONDS = 20.0
TEMPLATE_OUTPUT_CHARS = 5_000_000
TEMPLATE_LOOP_ITEMS = 1_000_000
TEMPLATE_NUMBER = 1_000_000
MARKDOWN_NESTING = 16
TABLE_COLUMNS = 20
IMAGE_BYTES = 5_000_000
IMAGE_PIXELS = 25_000_000
METADATA_CHARS = 255
OUTPUT_NAME_CHARS = 120


@dataclass(frozen=True)
class Limit:
    """One row of the limits table."""

    name: str
    """The constant's name in this module."""
    unit: str
    what: str

    @property
    def value(self) -> int | float:
        value: int | float = globals()[self.name]
        return value


LIMITS: tuple[Limit, ...] = (
    Limit("YAML_BYTES", "bytes", "size of one YAML or JSON file (spec, summary, sources metadata, house style)"),
    Limit("YAML_VALUES", "values", "values (scalars, lists, mappings) in one YAML or JSON file"),
    Limit("YAML_DEPTH", "levels", "nesting of lists and mappings in one YAML or JSON file"),
    Limit("DOCUMENT_BYTES", "bytes", "size of one source document (txt, md, html, pdf, docx)"),
    Limit("ZIP_UNPACKED_BYTES", "bytes", "unpacked size of a DOCX: a source, or a house style's reference_docx"),
    Limit("ZIP_ENTRIES", "entries", "files inside one DOCX"),
    Limit("PDF_PAGES", "pages", "pages of one source PDF"),
    Limit("TEXT_CHARS", "characters", "text extracted from one source document"),
    Limit("TEMPLATE_BYTES", "bytes", "size of one template file"),
    Limit("TEMPLATE_SECONDS", "seconds", "time to render one brief's template (a deadline)"),
    Limit("TEMPLATE_OUTPUT_CHARS", "characters", "template output of one brief, and any string or list a template builds (repeats, joins and %-widths included)"),
    Limit("TEMPLATE_LOOP_ITEMS", "items", "items all range() calls of one render may yield"),
    Limit("TEMPLATE_NUMBER", "", "largest number a template may pass to a function or filter or use as an exponent; "
          "also the most bits a product or power of whole numbers may have"),
    Limit("MARKDOWN_NESTING", "levels", "nesting of emphasis, lists and block quotes in Markdown text"),
    Limit("TABLE_COLUMNS", "columns", "columns of a Markdown table"),
    Limit("IMAGE_BYTES", "bytes", "size of a house style's logo"),
    Limit("IMAGE_PIXELS", "pixels", "width × height of a house style's logo (read from its PNG header)"),
    Limit("METADATA_CHARS", "characters", "title, subtitle, author(s), keywords and lang, as stored in the document "
          "properties"),
    Limit("OUTPUT_NAME_CHARS", "characters", "an output file name taken from a spec file name"),
)


def markdown_table() -> str:
    """Return the README's limits table."""
    rows = ["| limit | value | applies to |", "|---|---|---|"]
    for limit in LIMITS:
        value = f"{limit.value:,}".removesuffix(".0") + (f" {limit.unit}" if limit.unit else "")
        rows.append(f"| `{limit.name}` | {value} | {limit.what} |")
    return "\n".join(rows)
