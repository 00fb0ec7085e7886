"""A spec's own sentences (bottom line, key points, section text, recommendations) against what they cite.

Each sentence that cites a source is judged, by the claims' rules, against that
source's best-matching passages; a sentence that cites a claim (``[@claim:ID]``)
is judged against the claim's supporting quotes, the evidence it inherits. An
uncited sentence that states a number, date or proper name gets a warning; plain
judgement ("We recommend …") needs no source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache, partial

from briefgen.errors import Problem
from briefgen.inputs import citation_syntax
from briefgen.inputs.sources import Source
from briefgen.inputs.spec import Brief, texts
from briefgen.inputs.summary import Summary
from briefgen.support import position
from briefgen.support.claims import NOTE_CODE, CorpusReport, is_attribution, paraphrase, plural, shorten, unsupported
from briefgen.support.match import judge, needs, passage_keys
from briefgen.text import frames
from briefgen.text import sentences as segmenter
from briefgen.text import words as w
from briefgen.text.flaws import initial

PASSAGES_PER_SOURCE = 4
"""At most how many of a cited source's best-matching sentences a free-text sentence is judged against."""

_SENTENCE_END = re.compile(r"""[.!?](["”’)\]*_]*\s+)(?=["“‘(*_]*[A-Z0-9])""")
"""A sentence's end: its full stop, question or exclamation mark, then (group 1, the cut) closing quotes or brackets and
spaces before what starts a sentence. The mark is matched, not looked behind for (the same cuts, found without trying
a lookbehind at every character: tests/test_sentence_end.py)."""
_SHORT_WORD = re.compile(r"(?:^|(?<=[\s(\[“\"]))[\w.]{1,4}$")
"""A word of at most four letters or full stops just before a sentence mark: perhaps an abbreviation ("Dr", "Jan", "p",
"al", "U.S"), which the abbreviation-aware segmenter (``text.sentences.ends``) tells from a sentence's last word."""
_MARKUP = re.compile(r"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|`")
_LINK = re.compile(r"\[([^\]@]*)\]\([^)]*\)")
_SPACE_BEFORE = re.compile(r"\s+([.,;:!?])")
_TRAILING_REFERENCES = re.compile(r"(?:\[\d{1,3}\])+[.,;:]?$")
"""Numbered reference markers closing a web page's sentence, as copied: "…restrictions[2][3]."."""
_BLOCK_LINE = re.compile(r"^[ \t]*(?:[-*+•◦‣▪][ \t]+|\d{1,3}[.)][ \t]+|#{1,6}[ \t]+|>[ \t]?|\|)")
"""A line that starts a block of its own: a list item (Markdown's markers, or a typographic bullet as plain-text
sources write them), a heading, a quotation or a table row."""


@dataclass(frozen=True)
class Traced:
    """One cited free-text sentence, with the passages that support it (for the annex)."""

    where: str
    """The spec key path, e.g. ``bottom_line`` or ``sections.1.text``."""
    path: tuple
    """The same key path as a tuple."""
    text: str
    """The sentence as printed (citations removed)."""
    passages: tuple[tuple[str, str], ...]
    """(source id, passage) pairs that support it, best first."""
    unconfirmed: tuple[str, ...] = ()
    """Its words the support check's score takes for a paraphrase the passages do not confirm (notes)."""


def sentences(text: str) -> list[tuple[int, str]]:
    """Return (offset, sentence) for each sentence of Markdown ``text``.

    Paragraphs end at blank lines; list items, headings, block-quote lines and table rows
    are units of their own even without a blank line or a full stop (so two cited items
    are never judged as one sentence against both items' sources); markers are left out,
    and headings (topics, not statements) are not sentences.
    """
    found: list[tuple[int, str]] = []
    for offset, unit in _units(text):
        begin, ends = 0, None
        for match in _SENTENCE_END.finditer(unit):
            if _inside_citation(unit, match.start(1)) or initial(unit, match.start()):
                continue
            if _SHORT_WORD.search(unit, max(0, match.start() - 8), match.start()):  # "Dr.", "Jan.", "p.", "al.": ask the segmenter
                ends = segmenter.ends(unit) if ends is None else ends
                if not any(match.start() < end <= match.end() for end in ends):
                    continue
            found.append((offset + begin, unit[begin:match.start(1)].strip()))
            begin = match.end()
        if unit[begin:].strip():
            found.append((offset + begin, unit[begin:].strip()))
    return [(o, s) for o, s in found if s]


def _units(text: str) -> list[tuple[int, str]]:
    """Return (offset, text) of each paragraph, list item, quotation line and table row, markers cut off."""
    units: list[tuple[int, str]] = []
    at, closed = 0, True  # closed: the next line starts a unit (after a blank line, a heading or a table row)
    for line in text.splitlines(keepends=True):
        marker = _BLOCK_LINE.match(line)
        if not line.strip():
            closed = True
        elif marker or closed:
            cut = marker.end() if marker else 0
            kind = marker.group().lstrip()[:1] if marker else ""
            units.append((at + cut, "" if kind == "#" else line[cut:]))  # a heading names a topic: no statement to judge
            closed = kind in ("#", "|")
        else:
            units[-1] = (units[-1][0], units[-1][1] + line)
        at += len(line)
    return [(offset, unit) for offset, unit in units if unit.strip()]


def _inside_citation(text: str, pos: int) -> bool:
    return text.rfind("[", 0, pos) > text.rfind("]", 0, pos)


def plain(sentence: str, citations: list[citation_syntax.Citation]) -> str:
    """Return ``sentence`` as read: citations and Markdown markup removed."""
    for cite in sorted(citations, key=lambda c: -c.start):
        sentence = sentence[:cite.start] + sentence[cite.end:]
    if "](" in sentence:  # what a link needs (else the pattern finds nothing: the same text, sooner)
        sentence = _LINK.sub(r"\1", sentence)
    if "*" in sentence or "_" in sentence or "`" in sentence:  # what the markup needs
        sentence = _MARKUP.sub("", sentence)
    sentence = sentence.strip()
    if not _space_before(sentence):  # what the pattern needs (else it finds nothing: the same text, sooner)
        return sentence
    return _SPACE_BEFORE.sub(r"\1", sentence)  # no space left where a citation stood before punctuation


def _space_before(text: str) -> bool:
    """True when a mark of ``_SPACE_BEFORE`` follows a space (``str.isspace``: what ``\\s`` matches in a text pattern)."""
    for mark in ".,;:!?":
        at = text.find(mark, 1)
        while at > 0:
            if text[at - 1].isspace():
                return True
            at = text.find(mark, at + 1)
    return False


@lru_cache(maxsize=64)
def source_passages(text: str) -> tuple[str, ...]:
    """Return a source text's sentences (line breaks end a sentence too).

    Each is a verbatim stretch of the source, printed in the annex as the free text's evidence:
    a list marker before it and reference markers closing it ("…restrictions[2][3].") are left
    out, which keeps it verbatim (they are cut only at its ends).
    """
    found: list[str] = []
    for line in text.splitlines():
        found += [_TRAILING_REFERENCES.sub("", s).rstrip() for _, s in sentences(line)]
    return tuple(s for s in found if len(s) > 1)


@lru_cache(maxsize=64)
def _passage_index(text: str) -> tuple[tuple[str, ...], dict[str, list[int]], dict[int, list[int]]]:
    """A source text's passages (``source_passages``), and the numbers of those each word key and each synonym
    group is in (``passage_keys``): kept per source text, so a sentence looks up its words, not every passage."""
    passages = source_passages(text)
    by_key: dict[str, list[int]] = {}
    by_group: dict[int, list[int]] = {}
    for n, passage in enumerate(passages):
        keys, groups = passage_keys(passage)
        for key in keys:
            by_key.setdefault(key, []).append(n)
        for group in groups:
            by_group.setdefault(group, []).append(n)
    return passages, by_key, by_group


def best_passages(sentence: str, text: str, names: frozenset[str]) -> list[str]:
    """Return the sentences of ``text`` that together support most of ``sentence``'s words (greedy cover)."""
    wanted = needs(w.words(sentence, names))
    passages, by_key, by_group = _passage_index(text)
    found: dict[int, set[int]] = {}  # passage number -> what ``supported`` gives it, for every passage that supports a word
    for i, (key, mine) in enumerate(wanted):
        for n in by_key.get(key, ()):
            found.setdefault(n, set()).add(i)
        for group in mine:
            for n in by_group.get(group, ()):
                found.setdefault(n, set()).add(i)
    return cover([(passages[n], found[n]) for n in sorted(found)])  # in the source's order, as a walk over its passages


def cover(covers: list[tuple[str, set[int]]]) -> list[str]:
    """The greedy cover: up to ``PASSAGES_PER_SOURCE`` passages, each the one adding most words not yet covered
    (the first of equals), until none adds any; ``covers`` holds each passage with the words it supports."""
    chosen: list[str] = []
    seen: set[int] = set()
    for _ in range(PASSAGES_PER_SOURCE):
        best = max(covers, key=lambda pc: len(pc[1] - seen), default=None)
        if best is None or not best[1] - seen:
            break
        chosen.append(best[0])
        seen |= best[1]
    return chosen


def free_texts(brief: Brief) -> list[tuple[tuple, str]]:
    """Return (key path, Markdown) of every piece of the spec's own text (``spec.texts``, in reading order)."""
    order = {"bottom_line": 0, "key_points": 1, "sections": 2, "recommendations": 3}
    found = sorted(texts(brief), key=lambda item: order.get(item[0][0], len(order)))
    return [(path, text) for path, text in found if text.strip()]


def check_free_text(brief: Brief, summary: Summary, sources: dict[str, Source],
                    corpus: CorpusReport, names: frozenset[str]) -> tuple[list[Problem], list[Traced], list[Problem]]:
    """Return the findings about the spec's own sentences, the cited sentences with their passages, and the notes
    (unsupported words the score takes for a paraphrase: ``claims.unsupported``)."""
    problems: list[Problem] = []
    notes: list[Problem] = []
    traced: list[Traced] = []
    claims = summary.claims
    for path, text in free_texts(brief):
        where = ".".join(str(p) for p in path)
        for _, sentence in sentences(text):
            cites, errors = citation_syntax.check(sentence)
            if errors:
                continue  # spec.cross_check reports malformed citations
            shown = plain(sentence, cites)
            keys = [k for c in cites for k in c.keys]
            if not keys:
                problems += _uncited(brief, path, where, shown, names, sentence)
                continue
            passages: list[tuple[str, str]] = []
            for key in dict.fromkeys(keys):
                if key.startswith(citation_syntax.CLAIM_PREFIX):
                    claim = claims.get(key[len(citation_syntax.CLAIM_PREFIX):])
                    if claim is not None:
                        passages += [(claim.evidence[k].source, claim.evidence[k].quote) for k in corpus.supporting(claim)]
                elif key in sources:
                    passages += [(key, p) for p in best_passages(shown, _text(sources[key]), names)]
            verdict = judge(shown, [p for _, p in passages], names, [sources.get(k) for k, _ in passages])
            closest = shorten(passages[verdict.closest][1]) if verdict.closest is not None else ""
            # a recommendation's action is the analyst's judgement; its facts must be cited
            left = [word for word in verdict.missing
                    if not (is_attribution(word, [passages[i][1] for i in verdict.supporting])
                            or (path[0] == "recommendations" and word.kind not in w.HARD_KINDS))]
            problem = partial(_unsupported, brief, path, where, closest, sentence)
            found, noted = unsupported(left, verdict, [passages[i][1] for i in verdict.supporting], problem)
            problems += found
            notes += [problem(word, "note") for word in noted]
            if verdict.dropped and path[0] != "recommendations":
                problems.append(position.problem(
                    brief.loaded, path, "", f'{where}: the passages it cites say "{verdict.dropped}", the sentence states it as done',
                    f"closest passage: “{closest}”; keep the source's hedge (could, plans, aims …)", "warning", "support.hedge",
                    sentence))
            supporting = [passages[i] for i in verdict.supporting]
            problems += plural(brief.loaded, path, shown, supporting, where)
            traced.append(Traced(where, path, shown, tuple(supporting), tuple(word.text for word in noted)))
    return problems, traced, notes


def _unsupported(brief: Brief, path: tuple, where: str, closest: str, sentence: str, word: w.Word, severity: str) -> Problem:
    """Return the finding (or note) that ``word`` of the free-text ``sentence`` is in no passage it cites."""
    return position.problem(
        brief.loaded, path, word.text, f'{where}: "{word.text}" is not in any passage it cites' + paraphrase(severity, "passages"),
        f"closest passage: “{closest}”" + ("" if word.kind in w.HARD_KINDS else "; reword it, or cite a source or claim that says it"),
        severity, f"support.{word.kind}" if severity != "note" else NOTE_CODE, sentence)


def _uncited(brief: Brief, path: tuple, where: str, shown: str, names: frozenset[str], sentence: str) -> list[Problem]:
    framed = frames.frame_words(shown)
    hard = [x for x in w.words(shown, names) if x.kind in w.HARD_KINDS and x.start not in framed]
    if not hard:
        return []
    return [position.problem(brief.loaded, path, hard[0].text,
                             f'{where}: "{hard[0].text}" is stated without a citation',
                             "cite the source or claim that says it ([@source] or [@claim:ID]), or leave the fact out",
                             "warning", "support.uncited", sentence)]


def _text(source: Source) -> str:
    try:
        return source.text
    except Exception:  # noqa: BLE001 - a source without a document: nothing to match, verify reports it
        return ""


def expand_claim_citations(text: str, summary: Summary, corpus: CorpusReport) -> str:
    """Return ``text`` with each ``@claim:ID`` replaced by the keys of the claim's supporting sources."""
    claims = summary.claims

    def keys(match: re.Match[str]) -> str:
        claim = claims.get(match.group(1))
        if claim is None:
            return match.group()
        ids = dict.fromkeys(claim.evidence[k].source for k in corpus.supporting(claim))
        return "; ".join("@" + k for k in ids) or match.group()

    return _CLAIM_KEY.sub(keys, text)


_CLAIM_KEY = re.compile(r"@" + re.escape(citation_syntax.CLAIM_PREFIX) + r"([\w](?:[\w]|[:.#$%&\-+?<>~/](?=[\w]))*)")
