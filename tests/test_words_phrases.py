"""Synonym phrases are found as their patterns find them (``phrases.phrase_at`` against ``phrases.pattern``).

``canonical`` rewrites a synonym phrase ("taking part" → its group's first item). An ASCII stretch is
compared with the phrase forms directly, without compiling the patterns; the answer must be the
pattern's at every word start: of the example corpora, of every form written in odd cases and
followed by odd characters, and of text the direct comparison must leave to the pattern.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from briefgen.text import phrases, words

ROOT = Path(__file__).parents[1]


def _texts() -> list[str]:
    found = [p.read_text(encoding="utf-8", errors="replace") for folder in (ROOT / "sources", ROOT / "examples" / "export-controls" / "sources")
             for p in sorted(folder.rglob("*")) if p.is_file() and p.suffix in (".md", ".txt", ".html", ".yaml")]
    found += [p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("**/summary/*.yaml"))]
    return found


def _odd_texts() -> list[str]:
    """Every form in several cases, followed by each kind of character, and with non-ASCII letters mixed in."""
    rng = random.Random(13)
    after = ["", " ", "s", "_", "1", ".", "-", "é", "ſ", "\u212a", "’", "\u0301", " and"]
    texts = []
    for tried in phrases.table()[1].values():
        for form, _ in tried:
            for case in (form, form.upper(), form.title(), "".join(c.upper() if rng.random() < 0.5 else c for c in form)):
                texts += [case + tail for tail in after]
                texts.append("In " + case + " ")
            cut = rng.randrange(1, len(form) + 1)
            texts.append(form[:cut])
            texts.append(form.replace("s", "ſ").replace("k", "\u212a").replace("i", "\u0130"))
    return texts


def _starts_in(text: str) -> list[tuple[int, str]]:
    tried = phrases.table()[1]
    return [(m.start(), text[m.start():m.start() + 2].lower()) for m in words._starts().finditer(text)
            if text[m.start():m.start() + 2].lower() in tried]


def test_the_forms_are_found_as_the_patterns_find_them() -> None:
    names = phrases.phrase_names()
    checked = found = 0
    for text in _texts() + _odd_texts():
        for pos, first in _starts_in(text):
            match = phrases.pattern(first).match(text, pos)
            expected = (match.end(), names[match.lastgroup or ""]) if match else None
            assert phrases.phrase_at(text, pos, first) == expected, (text[pos:pos + 40], first)
            checked += 1
            found += expected is not None
    assert checked > 20_000 and found > 1_000, (checked, found)


def test_the_patterns_are_those_compiled_before() -> None:
    """Each start's pattern is the one ``_synonyms`` compiled at once before: the same phrases and forms, in the same order."""
    firsts = phrases.table()[2]
    starts: dict[str, dict[str, list[str]]] = {}
    for phrase in firsts:
        for form, rest in phrases.inflected(phrase):
            starts.setdefault(form[:2], {}).setdefault(phrase, []).append(form + rest)
    assert sorted(starts) == sorted(phrases.table()[1])
    for start, found in starts.items():
        ordered = sorted(found.items(), key=lambda pf: -max(map(len, pf[1])))
        alternatives = ["(?P<p" + phrases.group_key(phrase) + ">" + "|".join(re.escape(f) for f in sorted(forms, key=lambda f: -len(f))) + ")"
                        for phrase, forms in ordered]
        assert phrases.pattern(start).pattern == "(?:" + "|".join(alternatives) + r")(?!\w)", start


def _old_canonical(text: str) -> str:
    """``canonical`` as it was: one pattern per start, compiled at once."""
    out, last = [], 0
    for start in words._starts().finditer(text):
        pos = start.start()
        if pos < last:
            continue
        first = text[pos:pos + 2].lower()
        match = phrases.pattern(first).match(text, pos) if first in phrases.table()[1] else None
        if match is not None:
            new = phrases.table()[2][phrases.phrase_names()[match.lastgroup or ""]]
        else:
            match = words._DOTTED.match(text, pos) or words._COMPOUND_NUMBER.match(text, pos)
            if match is None:
                continue
            new = words._canonical(match.group())[0]
        out += [text[last:pos], new]
        last = match.end()
    return "".join(out) + text[last:]


def test_canonical_text_is_unchanged() -> None:
    for text in _texts():
        for line in text.splitlines():
            assert words.canonical(line) == _old_canonical(line), line


def test_a_form_reaching_into_other_letters_goes_to_the_pattern(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Text is compared directly only where it is ASCII (the pattern folds case by Unicode's rules: ſ is s, K is k)."""
    asked = []
    real = phrases.pattern

    def pattern(first: str) -> re.Pattern[str]:
        asked.append(first)
        return real(first)

    monkeypatch.setattr(phrases, "pattern", pattern)
    first, tried = next(iter(phrases.table()[1].items()))
    form = tried[0][0]
    assert phrases.phrase_at(form + " ", 0, first) is not None and asked == []
    phrases.phrase_at(form + "é", 0, first)
    assert asked == []  # a letter after it: decided here
    phrases.phrase_at(form[:-1] + "é", 0, first)
    assert asked == [first]
