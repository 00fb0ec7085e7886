"""Stems and word lists: the leaf under ``words`` (standard library only).

``stem`` gives the light stem every comparison keys on (``restrictions``,
``restricted`` → ``restrict``); ``word_list`` and ``phrase_list`` read the
generic-English data in ``data/`` (one item or phrase a line, ``#`` comments).
``words`` re-exports all three.
"""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources


def data_lines(name: str) -> list[str]:
    """Return the non-empty, non-comment lines of ``data/<name>`` (the file name with its extension)."""
    text = resources.files("briefgen.text").joinpath("data", name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


@cache
def word_list(name: str) -> tuple[str, ...]:
    """Return the items of ``data/<name>.txt`` (one a line, ``#`` comments)."""
    return tuple(item for line in data_lines(name + ".txt") for item in line.split())


@cache
def phrase_list(name: str) -> tuple[str, ...]:
    """Return the lines of ``data/<name>.txt`` as phrases, lower-case."""
    return tuple(line.lower() for line in data_lines(name + ".txt"))


_SUFFIXES = (
    "isations", "izations", "isation", "ization", "ational", "fulness", "iveness", "ically", "ements",
    "ations", "ement", "ation", "ions", "ion", "ments", "ities", "ness", "ment", "ical", "ings", "ance",
    "ence", "ity", "ability", "ibility", "able", "ible", "ive", "ing", "ise", "ize", "ist", "ism", "ful",
    "ous", "ally", "al", "ly", "ic", "er", "or", "ed", "es", "s", "e", "y",
)


@lru_cache(maxsize=1)
def irregular() -> dict[str, str]:
    """Return irregular form → base form (``data/irregular.txt``: "went go")."""
    return {parts[0]: parts[1] for parts in (line.split() for line in data_lines("irregular.txt"))}


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """Return a light stem of ``word``: lower-case, inflections and common derivations removed."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s") or w.endswith("s'"):
        w = w[:-2] if w.endswith("'s") else w[:-1]
    w = irregular().get(w, w)
    if len(w) <= 3:
        return w
    if w.endswith("acy") and len(w) > 5:
        w = w[:-2] + "t"  # "diplomacy" → "diplomat", like "diplomatic"; "democracy", "privacy" alike
    if w.endswith("ies") and len(w) > 4 or w.endswith("ied") and len(w) > 4:
        w = w[:-3] + "y"
    for _ in range(2):  # at most two suffixes: "restrictions" → "restriction" → "restrict"
        for suffix in _SUFFIXES:
            least = 3 if suffix in ("s", "es", "ed", "e", "ing") else 4
            if suffix == "es" and not w.endswith(("sses", "xes", "zes", "ches", "shes")):
                continue  # "notes" → "note" (then "not", like "noted"); "boxes" → "box"
            if w.endswith(suffix) and len(w) - len(suffix) >= least and not (suffix == "s" and w.endswith(("ss", "us", "is"))):
                w = w[: -len(suffix)]
                if len(w) > 4 and w[-1] == w[-2] and (w[-1] not in "aeiouls" or (w[-1] == "l" and len(w) > 5)):
                    w = w[:-1]  # "stopp(ed)" → "stop", "signall(ed)" → "signal"
                break
        else:
            break
    if len(w) > 5 and w.endswith(("is", "iz")):
        w = w[:-2]  # "democratis(ing)" and "democratiz(e)" alike
    return w


