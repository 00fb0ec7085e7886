"""How far word vectors tell gold pairs from look-alike pairs, inside corroboration's blocking (a script, not a test).

    python benchmarks/pair_vectors.py            # the idf-weighted centroid cosine of each pair of passages
    python benchmarks/pair_vectors.py --center   # the same, each centroid's corpus mean taken off first

For each corpus of ``summarize_quality.py``: every pair of passages of different documents issued in one month
(``Corpus.same_month``) with no conflict (``facts.conflict``: a number, year, person or swapped name), labelled
*gold* when both overlap an anchor of one key fact, *look-alike* when they overlap anchors of different key facts only
(the pairs a merge would count as false), *other* when either overlaps none; the *block* is the subset that also
names a speaker in common (``Corpus.voices``, ``speech.same``) or an act of one kind by one actor
(``Corpus.acts``). The score is the cosine of the two passages' centroids of word vectors (``text/vectors.py``,
words lower-cased, each weighted by its idf over the corpus's documents). Printed: the top scores of each label, the
block's pairs best first, and for each gold pair how many look-alike pairs score at least as high (month / block).
"""

from __future__ import annotations

import math
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import summarize_quality as sq  # noqa: E402

from briefgen.drafting import facts, speech  # noqa: E402
from briefgen.text import vectors  # noqa: E402

_WORD = re.compile(r"[A-Za-z]+")


def run(name: str, root: Path, center: bool) -> None:
    gold, corpus, flat, anchors, of = sq.sentences_of_facts(root)
    documents = len(corpus.texts)
    df: Counter[str] = Counter()
    for text in corpus.texts:
        df.update({w.lower() for w in _WORD.findall(text)})

    def centroid(i: int) -> list[float]:
        doc, start, end = corpus.spans[i]
        total = [0.0] * vectors.DIMENSIONS
        for word in (w.lower() for w in _WORD.findall(corpus.texts[doc][start:end])):
            vector = vectors.vector(word)
            if vector is not None:
                weight = math.log((documents + 1) / df[word])
                total = [t + weight * x for t, x in zip(total, vector, strict=True)]
        return total

    def unit(v: list[float]) -> list[float]:
        norm = math.sqrt(sum(x * x for x in v)) or 1.0
        return [x / norm for x in v]

    cents = {i: unit(centroid(i)) for i in range(len(corpus.spans))}
    if center:
        mean = [sum(v[d] for v in cents.values()) / len(cents) for d in range(vectors.DIMENSIONS)]
        cents = {i: unit([x - m for x, m in zip(v, mean, strict=True)]) for i, v in cents.items()}
    rows = []
    for i in range(len(corpus.spans)):
        for j in range(i + 1, len(corpus.spans)):
            di, dj = corpus.spans[i][0], corpus.spans[j][0]
            if di == dj or not corpus.same_month(di, dj) or facts.conflict(corpus.facts(i), corpus.facts(j)):
                continue
            both = of[i] & of[j]
            label = "gold" if both else "look-alike" if of[i] and of[j] else "other"
            block = (any(speech.same(a[0], b[0]) for a in corpus.voices(i) for b in corpus.voices(j))
                     or bool(corpus.acts(i)[0] & corpus.acts(j)[0]))
            score = sum(x * y for x, y in zip(cents[i], cents[j], strict=True))
            rows.append((label, score, block, i, j, ",".join(sorted(both))))
    print(f"== {name}: {documents} documents, {len(corpus.spans)} passages, {len(rows)} pairs of one month, no conflict")
    for where, chosen in (("month", rows), ("block", [r for r in rows if r[2]])):
        for label in ("gold", "look-alike", "other"):
            scores = sorted((r[1] for r in chosen if r[0] == label), reverse=True)
            print(f"  {where} {label}: {len(scores)}: " + ", ".join(f"{s:.3f}" for s in scores[:12]))
    for r in sorted((r for r in rows if r[2]), key=lambda r: -r[1]):
        print(f"   {r[0]:10s} {r[1]:.3f} | {corpus.passage(r[3]).quote[:70]} || {corpus.passage(r[4]).quote[:70]}")
    print("  gold pairs: score, look-alike pairs scoring as high (month / block), fact, in the block")
    for r in sorted((r for r in rows if r[0] == "gold"), key=lambda r: -r[1]):
        month = sum(q[0] == "look-alike" and q[1] >= r[1] for q in rows)
        block = sum(q[0] == "look-alike" and q[2] and q[1] >= r[1] for q in rows)
        print(f"   {r[1]:.3f} {month:4d} / {block:3d} {r[5]} {'block' if r[2] else ''}")


def main(argv: list[str]) -> int:
    for name, root in sq.CORPORA.items():
        run(name, root, "--center" in argv)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
