"""Brief conventions, checked by ``briefgen check`` as warnings (``--strict`` fails on them).

What reviewers of policy briefs ask for, as measurable rules: a bottom line a reader
takes in at once (at most BOTTOM_LINE_WORDS words), three to five key points, and
recommendations that each begin with what to do (a verb), and at least two options
when the brief's template shows options (an option alone is a decision already taken).
The verbs are data (``templates/locales/verbs.yaml``, per language; a language without a
list is not checked), so a house can add its own.

The page budget (``max_pages``) is checked exactly where pages are known, when the brief
is built; ``check`` estimates it from the words the finished document holds
(``WORDS_PER_PAGE``, measured on the example briefs), so an analyst hears early that a
brief will not fit.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from pathlib import Path

from briefgen.compose.numbering import FIGURE_LINK
from briefgen.compose.templates import variables
from briefgen.errors import Problem
from briefgen.inputs import yamlio
from briefgen.inputs.project import default_dir
from briefgen.inputs.spec import Brief, texts
from briefgen.model import (
    FIGURE_KINDS,
    Block,
    BulletList,
    Callout,
    Document,
    Figure,
    Footnote,
    Heading,
    Inline,
    NoteList,
    Paragraph,
    Quote,
    Table,
    TableOfContents,
    plain_text,
)

BOTTOM_LINE_WORDS = 60
KEY_POINTS = (3, 5)
MIN_OPTIONS = 2
WORDS_PER_PAGE = 450
"""Words of a document (notes and sources included) that one page holds, at most: the example
briefs print 280 to 330 words a page with the default house style (measured 2026-11-27), so
a brief estimated over its budget at 450 is over it for certain."""
_CITATION = re.compile(r"\[[^\]]*@[^\]]*\]")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_FIGURE_LINK = re.compile(r"\]\(\s*" + re.escape(FIGURE_LINK) + r"([^)\s]*)\s*\)")


@functools.cache
def verbs(lang: str) -> frozenset[str]:
    """Return the verbs a recommendation in ``lang`` may begin with (empty: not checked)."""
    path = default_dir() / "locales" / "verbs.yaml"
    table = yamlio.load(path).data if path.is_file() else {}
    return frozenset(str(v).lower() for v in table.get(lang.split("-")[0].lower()) or ())


def words(markdown: str) -> list[str]:
    """Return the words a reader reads in ``markdown``: citations and markup left out."""
    return _WORD.findall(_CITATION.sub(" ", markdown))


def lint(brief: Brief, project_templates: Path | None = None, document: Document | None = None) -> list[Problem]:
    """Return a warning for each convention ``brief`` breaks.

    ``project_templates`` lets the lint see whether the brief's template shows options;
    ``document`` (the finished model) lets it estimate the pages.
    """
    spec, found = brief.spec, []
    found += _options(brief, project_templates) + _budget(brief, document) + _figure_links(brief, document)
    count = len(words(spec.bottom_line))
    if count > BOTTOM_LINE_WORDS:
        found.append(_warn(brief, ("bottom_line",), "bottom-line",
                           f"expected a bottom line of at most {BOTTOM_LINE_WORDS} words, found {count}",
                           "say the one thing the reader must take away; move the rest to key points"))
    low, high = KEY_POINTS
    if spec.key_points and not low <= len(spec.key_points) <= high:
        found.append(_warn(brief, ("key_points",), "key-points",
                           f"expected {low} to {high} key points, found {len(spec.key_points)}"))
    allowed = verbs(spec.lang)
    for n, text in enumerate(spec.recommendations):
        first = next(iter(words(text)), "")
        if allowed and first.lower() not in allowed:
            found.append(_warn(brief, ("recommendations", n), "recommendation-verb",
                               f"expected a recommendation that begins with a verb, found {first!r}",
                               "begin with what to do: 'Seek…', 'Consult…', 'Prepare…' "
                               "(add house verbs to templates/locales/verbs.yaml)"))
    return found


def _options(brief: Brief, project_templates: Path | None) -> list[Problem]:
    """Warn when the brief's template shows options and the spec gives fewer than MIN_OPTIONS."""
    given = len(brief.spec.options)
    if project_templates is None or given >= MIN_OPTIONS or "options" not in variables(project_templates, brief.spec.template):
        return []
    return [_warn(brief, ("options",) if given else ("template",), "options",
                  f"expected at least {MIN_OPTIONS} options (template {brief.spec.template} shows options), found {given}",
                  "weigh at least two courses of action, each with its benefits, costs and risks; doing nothing can be one")]


def _budget(brief: Brief, document: Document | None) -> list[Problem]:
    """Warn when the document holds more words than ``max_pages`` pages take (an estimate; build counts pages)."""
    limit = brief.spec.max_pages
    if not limit or document is None:
        return []
    count = len(words(" ".join(_texts(document.body))))
    if count <= limit * WORDS_PER_PAGE:
        return []
    return [_warn(brief, ("max_pages",), "page-budget",
                  f"expected at most {limit} pages (about {limit * WORDS_PER_PAGE} words), found {count} words, "
                  f"about {-(-count // WORDS_PER_PAGE)} pages",
                  "shorten the brief (limit, fewer sections, no annex), or raise max_pages")]


def _figure_links(brief: Brief, document: Document | None) -> list[Problem]:
    """Warn about a ``[](#figure:KIND)`` link to a kind that does not exist or that the brief does not draw.

    Such a link prints only its own text ("as [](#figure:coverage) shows" would read "as  shows").
    """
    if document is None:
        return []
    drawn = {block.kind for block in document.body if isinstance(block, Figure)}
    found = []
    for path, text in texts(brief):
        for kind in dict.fromkeys(_FIGURE_LINK.findall(text or "")):
            if kind not in FIGURE_KINDS:
                message = f"expected a link to {' or '.join(FIGURE_LINK + k for k in FIGURE_KINDS)}, found {FIGURE_LINK}{kind}"
            elif kind in drawn:
                continue
            else:
                message = f"expected the brief to draw the {kind} figure this text refers to, found no {kind} figure"
            found.append(_warn(brief, path, "figure-link", message,
                               f"add {kind!r} to `figures:`, or reword the sentence without the link"
                               if kind in FIGURE_KINDS else "name a figure kind the brief draws"))
    return found


def _texts(blocks: tuple[Block, ...]) -> list[str]:
    """Return the text of every block and note a reader reads (figures by their data)."""
    out: list[str] = []
    for block in blocks:
        match block:
            case Heading(content=content) | Paragraph(content=content) | Quote(content=content):
                out.append(plain_text(content))
                out += _notes(content)
            case BulletList(items=items):
                out += [plain_text(item) for item in items] + [n for item in items for n in _notes(item)]
            case Table(header=header, rows=rows) | Figure(data=Table(header=header, rows=rows)):
                out += [plain_text(cell) for row in (header, *rows) for cell in row]
            case Callout(title=title, content=content):
                out += [title, *_texts(content)]
            case NoteList(entries=entries):
                out += [plain_text(e.content) for e in entries]
            case TableOfContents():
                pass
    return out


def _notes(content: tuple[Inline, ...]) -> list[str]:
    return [plain_text(n.content) for n in content if isinstance(n, Footnote)]


def _warn(brief: Brief, path: tuple, kind: str, message: str, hint: str = "") -> Problem:
    return replace(brief.problem(path, message, hint), severity="warning", code=f"brief.{kind}")
