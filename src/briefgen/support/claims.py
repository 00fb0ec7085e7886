"""Claims against their quotes: overreach (errors and warnings), padding, plural attribution."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from briefgen.errors import Problem
from briefgen.inputs.summary import Summary
from briefgen.support import position, score
from briefgen.support.match import Verdict, judge, reportable, sentence_names
from briefgen.text import frames
from briefgen.text import words as w

if TYPE_CHECKING:
    from briefgen.inputs.schemas import Claim

SKIPPED_STATUSES = ("stale", "rejected")
"""Claims in these states never print, so they are not judged."""


@dataclass
class CorpusReport:
    """The support check of every claim in the summary."""

    verdicts: dict[str, Verdict] = field(default_factory=dict)
    """Claim id → how its quotes support it."""
    problems: dict[str, list[Problem]] = field(default_factory=dict)
    """Claim id → its findings."""
    notes: dict[str, list[Problem]] = field(default_factory=dict)
    """Claim id → its notes: unsupported words the score takes for a paraphrase (``score``); never warnings."""
    unconfirmed: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Claim id → the words of its notes, as written (the evidence annex shows them)."""
    padding: set[tuple[str, int]] = field(default_factory=set)
    """(claim id, evidence index) of every padding quote."""
    sources: list[Problem] = field(default_factory=list)
    """Findings about the sources' metadata (see ``sourcecheck``)."""
    names: frozenset[str] = frozenset()
    """Stems the claims and quotes write as proper names mid-sentence (for opening words of free text)."""

    def supporting(self, claim: Claim) -> list[int]:
        """Return the indices of the claim's evidence that supports it (padding left out)."""
        return [k for k in range(len(claim.evidence)) if (claim.id, k) not in self.padding]

    def all_problems(self) -> list[Problem]:
        return [p for found in self.problems.values() for p in found] + self.sources

    def all_notes(self) -> list[Problem]:
        return [p for found in self.notes.values() for p in found]


def check_claims(summary: Summary, sources: Mapping[str, Any] | None = None) -> CorpusReport:
    """Return the support check of every claim in ``summary`` (``sources``: id → Source, for ``aliases``)."""
    report = CorpusReport()
    for theme in summary.themes:
        for claim in theme.claims:
            if claim.status in SKIPPED_STATUSES:
                continue
            verdict = judge(claim.text, [e.quote for e in claim.evidence],
                            sentence_names(claim.text, *(e.quote for e in claim.evidence)),
                            [sources.get(e.source) for e in claim.evidence] if sources else ())
            report.verdicts[claim.id] = verdict
            report.padding |= {(claim.id, k) for k in verdict.padding}
            report.problems[claim.id], noted = _findings(summary, claim, verdict)
            if noted:
                report.notes[claim.id] = [note for note, _ in noted]
                report.unconfirmed[claim.id] = tuple(word.text for _, word in noted)
    return report


def _findings(summary: Summary, claim: Claim, verdict: Verdict) -> tuple[list[Problem], list[tuple[Problem, w.Word]]]:
    """Return the claim's findings (errors and warnings) and its notes with their words (see ``unsupported``)."""
    loaded, path = summary.where[f"claim:{claim.id}"]
    text_path = path + ("text",)
    accepted = {w.stem(a) for a in claim.accepted.words} if claim.accepted else set()
    closest = shorten(claim.evidence[verdict.closest].quote) if verdict.closest is not None else ""
    left = [word for word in verdict.missing
            if not (word.key in accepted or w.stem(word.text) in accepted
                    or is_attribution(word, [claim.evidence[k].quote for k in verdict.supporting]))]

    def problem(word: w.Word, severity: str) -> Problem:
        return position.problem(
            loaded, text_path, word.text, f'claim {claim.id}: "{word.text}" is not in any of its quotes' + paraphrase(severity),
            f"closest passage: “{closest}”; a {word.kind} must appear in a quote" if word.kind in w.HARD_KINDS else
            f"closest passage: “{closest}”; reword the claim, add a quote that says it, or record `accepted:`",
            severity, f"support.{word.kind}" if severity != "note" else NOTE_CODE)

    found, noted = unsupported(left, verdict, [claim.evidence[k].quote for k in verdict.supporting], problem)
    notes = [(problem(word, "note"), word) for word in noted]
    if verdict.dropped and verdict.dropped not in {a.lower() for a in (claim.accepted.words if claim.accepted else ())}:
        found.append(position.problem(
            loaded, text_path, "", f'claim {claim.id}: its quotes say "{verdict.dropped}", the claim states it as done',
            f"closest passage: “{closest}”; keep the source's hedge (could, plans, aims …) or record `accepted:`",
            "warning", "support.hedge"))
    for k in verdict.padding:
        evidence = claim.evidence[k]
        found.append(position.problem(
            loaded, path + ("evidence", k, "quote"), evidence.quote[:20],
            f"claim {claim.id}: quote {k + 1} ({evidence.source}) is padding: it adds no support the other quotes lack",
            "remove it, or quote the passage that supports the claim; padding counts toward no corroboration or coverage",
            "warning", "support.padding"))
    if claim.accepted:
        for given in claim.accepted.words:
            if given.lower() == verdict.dropped:
                continue  # an accepted hedge: the quotes' word, not the claim's
            if not any(x.text.lower() == given.lower() or x.key == w.stem(given) for x in verdict.words):
                found.append(position.problem(loaded, path + ("accepted", "words"), given,
                                              f'claim {claim.id}: accepted word "{given}" is not in the claim', "remove it",
                                              "warning", "support.accepted"))
        if not claim.accepted.reason.strip():
            found.append(position.problem(loaded, path + ("accepted",), "", f"claim {claim.id}: an acceptance without a reason",
                                          "say why the paraphrase is faithful in `reason:`", "warning", "support.accepted"))
    supporting = [(claim.evidence[k].source, claim.evidence[k].quote) for k in verdict.supporting]
    found += plural(loaded, text_path, claim.text, supporting, f"claim {claim.id}")
    return found, notes


NOTE_CODE = "support.paraphrase"
"""The code of a note: an unsupported ordinary word the score takes for a paraphrase."""


def paraphrase(severity: str, evidence: str = "quotes") -> str:
    """Return what a note's message adds to the warning's: what the score made of the word."""
    return f": taken for a paraphrase, not confirmed by the {evidence}" if severity == "note" else ""


def unsupported(left: list[w.Word], verdict: Verdict, passages: list[str],
                problem: Callable[[w.Word, str], Problem]) -> tuple[list[Problem], list[w.Word]]:
    """Return the findings for the unsupported words ``left`` (after the caller's excuses) of a sentence judged
    by ``verdict`` against its supporting ``passages``, and the words left as notes: a number, date or name is
    an error; the ordinary words are warnings when the score confirms them (``score.confirmed``), else notes.
    ``problem(word, severity)`` makes one finding."""
    reported = reportable(left)
    soft = [word for word in reported if word.kind not in w.HARD_KINDS]
    warned = not soft or score.confirmed(verdict.words, soft, passages)[0]
    found = [problem(word, "error" if word.kind in w.HARD_KINDS else "warning")
             for word in reported if word.kind in w.HARD_KINDS or warned]
    return found, ([] if warned else soft)


def is_attribution(word: w.Word, passages: Sequence[str] = ()) -> bool:
    """True for a plural attribution word ("analysts") or a relative time word ("now"): their own checks judge them.
    A relative time word is left to the time check only while no passage dates what it says: beside a passage that
    states a date ("1.4 billion in 2019"), "today" re-dates the passage's fact, and needs a passage that says it."""
    low = word.text.lower()
    if low in w.phrase_list("plural_attribution"):
        return True
    return low in w.phrase_list("relative_time") and not any(x.kind == "date" for text in passages for x in w.words(text))


def plural(loaded, path: tuple, text: str, passages: list[tuple[str, str]], who: str) -> list[Problem]:  # type: ignore[no-untyped-def]
    """Return a warning for each plural attribution word in ``text`` that rests on one source (see ``one_as_many``)."""
    return [position.problem(loaded, path, written, f'{who}: "{written}" presents one source as many',
                             "name the source (\"One report says…\"), or cite more sources that say it",
                             "warning", "support.plural", text)
            for written in one_as_many(text, passages)]


def one_as_many(text: str, passages: list[tuple[str, str]]) -> list[str]:
    """Return the plural attribution words of ``text`` (as written) that rest on one source.

    ``passages`` are the (source id, passage) pairs that support ``text``. What a word such
    as "analysts" attributes is its clause; the sources counted are those of the passages
    that support a word of that clause, one per source however many quotes it gives. A
    passage that itself says "analysts" reports several voices, so the word is its own.
    """
    found = []
    for phrase in w.contains_phrase(text, w.phrase_list("plural_attribution")):
        if any(w.contains_phrase(p, (phrase,)) for _, p in passages) or _only_as_verb(text, phrase):
            continue
        written = _as_written(text, phrase)
        verdict = judge(_clause(text, text.lower().find(phrase)), [p for _, p in passages])
        if len({source for (source, _), share in zip(passages, verdict.shares, strict=True) if share > 0}) == 1:
            found.append(written)
    return found


_SUBJECT_PRONOUNS = frozenset({"it", "he", "she", "this", "which", "who"})
_COMPLEMENTS = frozenset({"that", "on", "how", "what", "whether", "a", "an", "the", "its", "his", "her", "their"})
_NOT_SUBJECTS = frozenset(w.word_list("reports_not_subjects"))
"""Words before a plural "reports" ("press reports", "several reports", "according to reports"): not one subject
(``text/data/reports_not_subjects.txt``)."""


def _only_as_verb(text: str, phrase: str) -> bool:
    """True when every occurrence of the one-word ``phrase`` in ``text`` is a verb ("GAO reports that …",
    "the digest reports that …"): one subject before it (a name, a pronoun, a singular noun) and what it
    reports after it. One source then speaks; "reports say", "recent reports" and "GAO reports show" stay
    plural nouns."""
    if " " in phrase or not frames.reporting(w.stem(phrase)):
        return False
    found = w.tokens(text)
    at = [i for i, (token, _) in enumerate(found) if token.lower() == phrase]
    return bool(at) and all(_verb_at(found, i) for i in at)


def _verb_at(found: list[tuple[str, int]], i: int) -> bool:
    """True when the token ``found[i]`` (a word that is a plural noun or a verb: "reports") is a verb."""
    if i == 0 or i + 1 >= len(found):
        return False
    before, after = found[i - 1][0], found[i + 1][0]
    if not (after.lower() in _COMPLEMENTS or after[:1].isupper()):
        return False  # "GAO reports show …": a compound noun, then its verb
    low = before.lower()
    if low in _SUBJECT_PRONOUNS:
        return True
    if low in _NOT_SUBJECTS or w.number_key(before) or (low.endswith("s") and not before.isupper() and not low.endswith("ss")):
        return False  # "the reports that …", "several reports", "analysts' reports": not one subject
    return True


def _clause(text: str, at: int) -> str:
    """Return the clause of ``text`` around offset ``at`` (cut at ";", ":" and sentence ends)."""
    start = max(text.rfind(c, 0, max(at, 0)) for c in ";:.!?") + 1
    ends = [i for i in (text.find(c, max(at, 0)) for c in ";:.!?") if i >= 0]
    return text[start:min(ends, default=len(text))]


def _as_written(text: str, phrase: str) -> str:
    index = text.lower().find(phrase)
    return text[index:index + len(phrase)] if index >= 0 else phrase


def shorten(text: str, limit: int = 160) -> str:
    """Return ``text`` on one line, cut at a word near ``limit`` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit].rsplit(" ", 1)[0] + " …"


