"""Author strings → CSL names, without turning a byline into a person who does not exist.

"Jane Smith; Lee, Ann" gives two persons. "Staff Reporter", "Newsroom", "Editorial
Board", an agency acronym such as "AFP", or "Microsoft Office User" stay *literal*
names (an organisation or a role), because a reference list that prints
"Reporter, S." invents a person. The test is generic: the shape of a personal name
and a list of words that name roles and organisations, never a list of outlets.
"""

from __future__ import annotations

import re

ROLE_WORDS = frozenset("""
    staff reporter reporters writer writers correspondent correspondents desk editor editors editorial
    board team newsroom agency agencies press wire wires service services bureau office department
    ministry government institute university council committee association foundation center centre
    group inc ltd llc plc corp corporation company media news online network admin administrator
    user owner unknown anonymous contributor contributors guest author authors web digital daily weekly
    times post journal herald tribune gazette review magazine radio television tv channel report
    secretariat commission authority unit division
""".split())
"""Words that make a byline a role or an organisation rather than a person's name."""

_WORD = re.compile(r"^(?:[A-Z][a-z]*\.|[A-Z][\w'’-]*[a-z][\w'’-]*|(?:van|von|de|der|den|da|di|du|del|la|le|bin|al|ibn)|[A-Z])$")
_PARTICLES = ("van", "von", "de", "der", "den", "da", "di", "du", "del", "la", "le", "bin", "al", "ibn")


def is_person(name: str) -> bool:
    """Whether ``name`` ("Jane Smith", "J. R. Smith", "Ludwig van Beethoven") looks like one person's name."""
    words = name.split()
    if not 2 <= len(words) <= 5 or any(ch.isdigit() or ch in "@/&()" for ch in name):
        return False
    if any(w.lower().strip(".,") in ROLE_WORDS for w in words):
        return False
    if all(w.isupper() and len(w) > 1 for w in words):  # "AFP NEWS", acronyms
        return False
    return all(_WORD.match(w) for w in words) and not words[-1].endswith(".") and words[-1].lower() not in _PARTICLES


def csl_names(value: str) -> list[dict[str, str]]:
    """Return CSL names from a byline: persons as family/given, anything else as a literal."""
    value = re.sub(r"^\s*by\s+", "", value.strip(), flags=re.I)
    names: list[dict[str, str]] = []
    for part in re.split(r"\s*(?:;|&|\band\b|\|)\s*", value):
        part = part.strip(" ,")
        if not part or part.startswith(("http://", "https://")):
            continue
        if part.count(",") == 1:
            family, given = (s.strip() for s in part.split(","))
            if is_person(f"{given} {family}"):
                names.append({"family": family, "given": given})
                continue
        elif is_person(part):
            given, family = _split(part)
            names.append({"family": family, "given": given})
            continue
        names.append({"literal": part})
    return names


def _split(name: str) -> tuple[str, str]:
    """Return (given, family), keeping particles with the family name: "Ludwig", "van Beethoven"."""
    words = name.split()
    cut = len(words) - 1
    while cut > 1 and words[cut - 1].lower() in _PARTICLES:
        cut -= 1
    return " ".join(words[:cut]), " ".join(words[cut:])
