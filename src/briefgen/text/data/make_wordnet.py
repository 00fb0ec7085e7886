"""Write ``wordnet.txt``: the part of WordNet 3.0 the support check reads (run by hand, not at build time).

    apt-get install wordnet-base      # Princeton WordNet 3.0 database files in /usr/share/wordnet
    python src/briefgen/text/data/make_wordnet.py [/usr/share/wordnet] [--drop WORD,WORD]

``--drop`` leaves lemmas out by name (README, "What traced means", gives the words dropped and why).

Kept: every single-word lemma, and every phrasal verb of a verb and one particle or preposition
("look_into", "leave_out": ``PARTICLES``), with at least one sense tagged in the SemCor corpus (the
database's own frequency guard: rare lemmas are left out), all its senses, and for each
sense the senses one derivational (``+``), similar-to (``&``), verb-group (``$``) or
pertainym (``\\``: "legislative" → "legislation") pointer away, and the senses of the word a
sense's gloss defines it by when the definition is that word alone ("talk": "discussion; …";
"close": "finish or terminate (meetings, speeches, etc.)"; parentheses dropped). Synset
offsets are renumbered (base 36) to keep the file small. Lines, sorted (the
reader bisects rather than parse them all): ``lemma pos senses related`` (comma-separated
ids), and ``= form pos lemma`` for the irregular forms of kept lemmas (WordNet's exception lists).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}
RELATIONS = frozenset("+&$\\")
NOTICE = """# Derived from WordNet 3.0 by make_wordnet.py (see there for what is kept). WordNet's licence:
#
# WordNet Release 3.0 This software and database is being provided to you, the LICENSEE, by Princeton
# University under the following license. By obtaining, using and/or copying this software and database,
# you agree that you have read, understood, and will comply with these terms and conditions.: Permission
# to use, copy, modify and distribute this software and database and its documentation for any purpose
# and without fee or royalty is hereby granted, provided that you agree to comply with the following
# copyright notice and statements, including the disclaimer, and that the same appear on ALL copies of
# the software, database and documentation, including modifications that you make for internal use or
# for distribution. WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. THIS
# SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR
# WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT LIMITATION, PRINCETON UNIVERSITY MAKES NO
# REPRESENTATIONS OR WARRANTIES OF MERCHANT- ABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE
# USE OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY PATENTS,
# COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS. The name of Princeton University or Princeton may not be used
# in advertising or publicity pertaining to distribution of the software and/or database. Title to
# copyright in this software, database and any associated documentation shall at all times remain with
# Princeton University and LICENSEE agrees to preserve same.
"""


def _base36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
        if not number:
            return out


PARTICLES = frozenset("up out off in into on onto over down back away through to for with about around along across".split())
"""The second words of the phrasal verbs kept ("look_into", "leave_out", "belong_to")."""


def _phrasal(lemma: str, pos: str) -> bool:
    """True for a phrasal verb: a verb and one particle or preposition ("look_into")."""
    head, _, particle = lemma.partition("_")
    return pos == "v" and head.isalpha() and particle in PARTICLES


def main(folder: Path, drop: frozenset[str] = frozenset()) -> str:
    pointers: dict[tuple[str, str], set[tuple[str, str]]] = {}
    defined: dict[tuple[str, str], list[str]] = {}
    for name, pos in POS.items():
        for line in (folder / f"data.{name}").read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue
            fields = line.split(" | ")[0].split()
            at = 4 + 2 * int(fields[3], 16)
            found = set()
            definition = re.sub(r"\([^)]*\)", "", line.split(" | ", 1)[1].split(";")[0]).strip()
            if re.fullmatch(r"[a-z]+( or [a-z]+)?", definition):  # defined by one word alone ("discussion")
                defined[(pos, fields[0])] = definition.split(" or ")
            for k in range(int(fields[at])):
                symbol, offset, target_pos = fields[at + 1 + 4 * k: at + 4 + 4 * k]
                if symbol in RELATIONS:
                    found.add((target_pos.replace("s", "a"), offset))
            pointers[(pos, fields[0])] = found
    kept: dict[tuple[str, str], list[tuple[str, str]]] = {}
    every: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for name, pos in POS.items():
        for line in (folder / f"index.{name}").read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue
            fields = line.split()
            lemma, count, pointer_count = fields[0], int(fields[2]), int(fields[3])
            rest = fields[4 + pointer_count:]
            every[(lemma, pos)] = [(pos, offset) for offset in rest[2:2 + count]]
            if int(rest[1]) > 0 and (lemma.isalpha() or _phrasal(lemma, pos)) and lemma not in drop:  # tagged in SemCor
                kept[(lemma, pos)] = [(pos, offset) for offset in rest[2:2 + count]]
    for (pos, offset), words in defined.items():
        pointers[(pos, offset)] |= {target for word in words for target in every.get((word, pos), ())}
    ids: dict[tuple[str, str], str] = {}
    lines: list[str] = []
    for (lemma, pos), senses in sorted(kept.items()):
        related = sorted({t for s in senses for t in pointers.get(s, ())} - set(senses))
        lines.append(f"{lemma} {pos} " + ",".join(ids.setdefault(s, _base36(len(ids))) for s in senses)
                     + " " + (",".join(ids.setdefault(s, _base36(len(ids))) for s in related) or "-"))
    for name, pos in POS.items():
        for line in (folder / f"{name}.exc").read_text(encoding="latin-1").splitlines():
            form, *bases = line.split()
            lines += [f"= {form} {pos} {base}" for base in bases if (base, pos) in kept and form.isalpha() and form not in drop]
    return NOTICE + "\n".join(sorted(lines)) + "\n"  # sorted: the reader bisects


if __name__ == "__main__":
    args = sys.argv[1:]
    dropped = frozenset(args[args.index("--drop") + 1].split(",")) if "--drop" in args else frozenset()
    folders = [a for i, a in enumerate(args) if a != "--drop" and (i == 0 or args[i - 1] != "--drop")]
    source = Path(folders[0] if folders else "/usr/share/wordnet")
    (Path(__file__).parent / "wordnet.txt").write_text(main(source, dropped), encoding="utf-8")
