"""Names a passage supports through its document: the document's own names, and acronyms it defines.

Two rules, both resolved against the cited document itself, never a hand list:
- **the document's names.** A word the sentence writes capitalised ("GAO's report found",
  "Commerce says") is present for a passage when the passage's document names it in its
  bibliographic data: author, publisher or container-title (the title only for a word the
  sentence writes as a name mid-sentence, since titles capitalise every word). An acronym of
  such a name counts too ("GAO" for "U.S. Government Accountability Office"): who published a
  document is part of what the citation says, though the quote rarely repeats it.
- **acronyms.** An acronym in the sentence ("BIS") is present when the passage writes its
  expansion ("Bureau of Industry and Security"), and an expansion in the sentence is present when
  the passage writes the acronym. The expansion is the one the document defines ("advanced
  computing integrated circuits (ICs)"), or a run of capitalised words whose initials spell it in
  the passage or the bibliographic data.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from briefgen.errors import UserError
from briefgen.text import frames
from briefgen.text import words as w

SMALL = frozenset({"of", "and", "the", "for", "on", "in", "to", "&"})
"""Words an acronym may skip ("Bureau of Industry and Security" → BIS) or take a letter from ("DOD")."""

_ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,6}s?$|^[A-Z]o[A-Z]$")
_DEFINED = re.compile(r"\(([A-Z][A-Z&]{1,6})s?(?=[),;]|\s+or\s)")
_TOKEN = re.compile(r"[A-Za-z][\w’'-]*|&")
_FIELDS = ("author", "publisher", "container-title", "editor")


def is_acronym(text: str) -> bool:
    return bool(_ACRONYM.match(text))


def _letters(acronym: str) -> str:
    return (acronym[:-1] if acronym.endswith("s") else acronym).lower()


def _spells(tokens: Sequence[str], letters: str) -> bool:
    """True when ``tokens`` (all of them) spell ``letters`` by their initials, small words skipped or taken."""
    if not tokens:
        return not letters
    head, rest = tokens[0], tokens[1:]
    low = head.lower()
    if letters and low[0] == letters[0] and _spells(rest, letters[1:]):
        return True
    return low in SMALL and _spells(rest, letters)


def _expansion_before(words_before: list[str], letters: str) -> str:
    """Return the shortest run ending ``words_before`` whose initials spell ``letters`` ("" when none)."""
    for size in range(len(letters), min(len(words_before), 2 * len(letters) + 2) + 1):
        run = words_before[-size:]
        if run[0].lower() not in SMALL and _spells(run, letters):
            return " ".join(run)
    return ""


@lru_cache(maxsize=256)
def definitions(text: str) -> dict[str, str]:
    """Return acronym letters → expansion for every "expansion (ACRONYM)" that ``text`` writes."""
    found: dict[str, str] = {}
    for match in _DEFINED.finditer(text):
        before = _TOKEN.findall(text[max(0, match.start() - 160):match.start()])
        expansion = _expansion_before(before, _letters(match.group(1)))
        if expansion:
            found.setdefault(_letters(match.group(1)), expansion)
    return found


def _capital_runs(text: str) -> list[list[str]]:
    """Return the runs of capitalised words (small words inside a run kept) that ``text`` writes."""
    runs: list[list[str]] = [[]]
    for token in _TOKEN.findall(text):
        if token[0].isupper():
            runs[-1].append(token)
        elif token.lower() in SMALL and runs[-1]:
            runs[-1].append(token)
        elif runs[-1]:
            runs.append([])
    return [r for r in runs if r]


@lru_cache(maxsize=1024)
def spelled(text: str) -> dict[str, str]:
    """Return acronym letters → the run of capitalised words in ``text`` whose initials spell them."""
    found: dict[str, str] = {}
    for run in _capital_runs(text):
        for i in range(len(run)):
            for j in range(i + 2, len(run) + 1):
                part = run[i:j]
                if part[0].lower() in SMALL or part[-1].lower() in SMALL:
                    continue
                found.setdefault("".join(t[0] for t in part).lower(), " ".join(part))
                for letters in _small_spellings(part):
                    found.setdefault(letters, " ".join(part))
    return found


def _small_spellings(part: list[str]) -> set[str]:
    """The initials of ``part`` with its small words left out ("Bureau of Industry and Security" → bis)."""
    return {"".join(t[0] for t in part if t.lower() not in SMALL).lower()}


def bibliographic(csl: dict[str, Any]) -> str:
    """Return the names a source's metadata gives: authors, editors, publisher, container-title."""
    parts: list[str] = []
    for key in _FIELDS:
        value = csl.get(key)
        if isinstance(value, list):
            for person in value:
                if isinstance(person, dict):
                    parts.append(" ".join(str(person.get(k, "")) for k in ("literal", "given", "family") if person.get(k)))
        elif value:
            parts.append(str(value))
    return "\n".join(parts)


def _keys(text: str) -> frozenset[str]:
    return frozenset(x.key for x in w.words(text))


def present(sentence: str, missing: tuple[w.Word, ...], passages: Sequence[str],
            origins: Sequence[Any]) -> tuple[w.Word, ...]:
    """Return ``missing`` without the words that a passage supports through its document (see the module doc).

    ``origins[i]`` is passage i's source (with ``csl`` and ``text``) or None; the passages are the supporting ones.
    """
    if not missing or not any(o is not None for o in origins):
        return missing
    if not any(x.text[:1].isupper() for x in missing) and not any(_acronyms(p) for p in passages):
        return missing
    gone: set[int] = set()
    for text, origin in zip(passages, origins, strict=False):
        if origin is None:
            continue
        meta = bibliographic(origin.csl)
        title = str(origin.csl.get("title", ""))
        known = {**spelled(meta), **spelled(text), **definitions(_document(origin)), **definitions(text)}
        own = _keys(meta)
        here = _keys(text) | own
        for i, word in enumerate(missing):
            if not word.text[:1].isupper():
                continue
            if word.key in own or (word.kind == "name" and not word.text.isupper() and word.key in _keys(title)):
                gone.add(i)
            elif is_acronym(word.text) and _letters(word.text) in known and _keys(known[_letters(word.text)]) <= here:
                gone.add(i)
        gone |= _expanded(sentence, missing, text, known)
    gone |= _speaking(sentence, missing, {missing[i].start for i in gone})
    return tuple(word for i, word in enumerate(missing) if i not in gone)


_HEADED = re.compile(r"^([A-Z])[Oo]([A-Z])$")


@lru_cache(maxsize=1)
def _heads() -> frozenset[str]:
    return frozenset(w.stem(x) for x in w.word_list("bodies"))


def headed(missing: tuple[w.Word, ...], passages: Sequence[str]) -> tuple[w.Word, ...]:
    """Return ``missing`` without the capitalised words that a passage's "<head> of <X>" acronym names.

    An acronym of three letters whose middle one is the O of "of" ("DOD", "DoE") abbreviates
    "<head> of <X>", a body's head noun (``data/bodies.txt``: "Department", "Ministry"):
    a capitalised word of the sentence with X's initial ("Defense" for "DOD") names that body,
    and so does the head noun itself ("the Defense and Energy Departments").
    """
    if not any(x.text[:1].isupper() for x in missing):
        return missing
    found = [m.groups() for p in passages for token in _acronyms(p) if (m := _HEADED.match(token))]
    if not found:
        return missing
    heads = _heads()
    kept = []
    for word in missing:
        initial = word.text[:1]
        named = initial.isupper() and not is_acronym(word.text) and any(
            (initial == x and word.key not in heads) or (initial == head and word.key in heads) for head, x in found)
        if not named:
            kept.append(word)
    return tuple(kept)


def _speaking(sentence: str, missing: tuple[w.Word, ...], named: set[int]) -> set[int]:
    """Indices of reporting verbs whose subject is the document's own name ("CRS notes", "GAO's report describes").

    As after "coverage" or "the bill", the verb then names the source speaking, not what it says.
    """
    if not named:
        return set()
    found = w.tokens(sentence)
    starts = [start for _, start in found]
    found_at = {start: i for i, start in enumerate(starts)}
    verbs: set[int] = set()
    for i, word in enumerate(missing):
        at = found_at.get(word.start)
        if at is None or at == 0 or not frames.reporting(word.key):
            continue
        before = at - 1
        if before > 0 and frames.document_noun(found[before][0]):
            before -= 1  # "GAO's report notes"
        if starts[before] in named or (before > 0 and starts[before - 1] in named and found[before][0][:1].isupper()):
            verbs.add(i)
    return verbs


def _expanded(sentence: str, missing: tuple[w.Word, ...], text: str, known: dict[str, str]) -> set[int]:
    """Indices of ``missing`` inside an expansion the sentence writes whose acronym the passage writes."""
    found: set[int] = set()
    for token in _acronyms(text):
        expansion = known.get(_letters(token))
        if not expansion:
            continue
        pattern = r"\b" + r"\W+".join(re.escape(t) for t in expansion.replace("’", "'").split()) + r"s?\b"
        for match in re.finditer(pattern, sentence.replace("’", "'"), re.IGNORECASE):
            found |= {i for i, x in enumerate(missing) if match.start() <= x.start < match.end()}
    return found


@lru_cache(maxsize=1024)
def _acronyms(text: str) -> frozenset[str]:
    return frozenset(x.text for x in w.words(text) if is_acronym(x.text))


def _document(origin: Any) -> str:
    try:
        return str(origin.text)
    except (UserError, OSError):
        return ""
