"""Brief conventions, checked by ``briefgen check`` as warnings (``--strict`` fails on them).

What reviewers of policy briefs ask for, as measurable rules: a bottom line a reader
takes in at once (at most BOTTOM_LINE_WORDS words), three to five key points, and
recommendations that each begin with what to do (a verb). The verbs are data
(``templates/locales/verbs.yaml``, per language; a language without a list is not
checked), so a house can add its own. The page budget is checked where pages are known,
when the brief is built (``max_pages``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from briefgen.errors import Problem
from briefgen.inputs import yamlio
from briefgen.inputs.project import default_dir
from briefgen.inputs.spec import Brief

BOTTOM_LINE_WORDS = 60
KEY_POINTS = (3, 5)
_CITATION = re.compile(r"\[[^\]]*@[^\]]*\]")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@functools.cache
def verbs(lang: str) -> frozenset[str]:
    """Return the verbs a recommendation in ``lang`` may begin with (empty: not checked)."""
    path = default_dir() / "locales" / "verbs.yaml"
    table = yamlio.load(path).data if path.is_file() else {}
    return frozenset(str(v).lower() for v in table.get(lang.split("-")[0].lower()) or ())


def words(markdown: str) -> list[str]:
    """Return the words a reader reads in ``markdown``: citations and markup left out."""
    return _WORD.findall(_CITATION.sub(" ", markdown))


def lint(brief: Brief) -> list[Problem]:
    """Return a warning for each convention ``brief`` breaks."""
    spec, found = brief.spec, []
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


def _warn(brief: Brief, path: tuple, kind: str, message: str, hint: str = "") -> Problem:
    return replace(brief.problem(path, message, hint), severity="warning", code=f"brief.{kind}")
