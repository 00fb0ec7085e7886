"""Fit the support check's score (src/briefgen/support/score.py) on the labelled pairs, and measure it honestly.

    python benchmarks/fit_support.py            # cross-validated figures, and the weights a fit on all pairs gives
    python benchmarks/fit_support.py --write    # … and write them to src/briefgen/text/data/support_weights.txt
    python benchmarks/fit_support.py --misses dev   # the dev folds' false flags and missed overreaches, with their words
    python benchmarks/fit_support.py --misses lobo  # … on every fold, each judged by a model fitted without it

What is fitted: a logistic regression (plain Python, Newton's method, L2 penalty ``PENALTY`` on every
weight but the intercept) of "the pair is truly overreaching or padding" on ``score.features``, over the
pairs whose verdict the score decides: those with ordinary unsupported words and no finding that is never
scored (a number, date or name, padding, a dropped hedge, one source as many, a strong word). The
threshold is the highest probability at which the score still finds ``RECALL_TARGET`` of the training
pairs' scored overreaches (those it decides), moved halfway down to the next lower score of a training
pair, so that no pair sits on it.

How it is measured: leave one batch out. The pairs' ``origin`` names their batch ("batch N"); the older
un-numbered pairs form two folds, "dev" and "held-out". For each fold the model and its threshold are fitted
on all the other folds and the held-out fold is judged; precision and recall are counted over the held-out
verdicts, per fold and pooled, beside today's check without the score (every unsupported word a warning).
Candidate feature sets are compared the same way; ``CHOSEN`` is the one used.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import test_support_labels as labels  # noqa: E402  (the check as the labelled-pairs test runs it)
from briefgen.support import score  # noqa: E402

PENALTY = 1.0
"""L2 penalty on each feature's weight (the features are all of order 0 … 1)."""
RECALL_TARGET = 0.95
"""The share of the training pairs' *scored* overreaches (those only the score decides) the threshold keeps. Session 9:
0.98, the share session 8's threshold kept (79 of 80 on the 677 pairs), so that a new rule that finds overreaches
without the score no longer raises the threshold by itself. Session 10, once the Moby thesaurus excuses a word in its
slot (``support/slots.py``): 0.95 (dev 67%, 40/60, at 91%; 0.98 gives 63%, 40/63, at 91%). The dev rule
(``DEV_RECALL``) picks 0.90 (67%, 37/55, at 82%) by less than one flag's worth of precision and nine points of recall;
blind recall ran six points below dev recall in session 9 (85% against 91%), so 0.90 would likely put it under the
80% goal: 0.95 is shipped, a judgement stated here rather than a rule. Session 11, with batches 22 and 23 in ``DEV``:
the dev rule picks 0.95 itself (76%, 93/122, at 89%; 0.90 gives 77%, 86/111, at 80%: one point of precision for nine of recall). Session 7 had 96% of all overreaches, the
check's recall without the score: at 87% the blind batches 17 and 18 found only 59% of their overreaches (README,
"What traced means"): unseen recall runs far below training recall."""
CANDIDATES = (("share",), ("share", "count"), ("share", "common"), ("share", "verbs", "modifiers"),
              ("share", "closeness"), ("share", "count", "verbs", "modifiers", "common", "closeness"),
              ("share_ordinary",), ("share", "supported"), ("share", "several"), ("share", "any_verb"), ("share", "unknown"),
              ("supported", "several"), ("share", "supported", "copied"), ("share", "supported", "edited"))
"""Every feature set compared (in the order they were tried: six, six more, then two in session 8 on how near verbatim
the sentence is: ``copied``, ``edited``)."""
CHOSEN = ("share", "supported", "edited")
"""The set the dev rule chose (``--dev``, session 8; session 7 chose share + supported by pooled leave-one-batch-out
precision, which flattered it: ``--nested`` measures what choosing so costs)."""
WEIGHTS = ROOT / "src" / "briefgen" / "text" / "data" / "support_weights.txt"


def rows() -> list[dict]:
    """One row per labelled pair: its fold, whether it is truly flagged-worthy, and what the check finds."""
    found = []
    for pair in yaml.safe_load(labels.LABELS.read_text(encoding="utf-8")):
        batch = re.search(r"batch \d+$", pair["origin"])
        facts = labels.facts(pair)
        found.append({"fold": batch.group() if batch else pair["split"], "label": pair["label"],
                      "fixed": facts["padding"] or facts["strong"], "scored": bool(facts["soft"]) and not (facts["padding"] or facts["strong"]),
                      "features": score.features(facts["found"], facts["soft"], facts["passages"]) if facts["soft"] else {}})
    return found


def fit(xs: list[list[float]], ys: list[bool], penalty: float = PENALTY) -> list[float]:
    """Return [intercept, *weights] of the L2-penalised logistic regression of ``ys`` on ``xs`` (Newton's method)."""
    k = len(xs[0]) + 1
    beta = [0.0] * k
    for _ in range(50):
        grad = [0.0] * k
        hess = [[0.0] * k for _ in range(k)]
        for x, y in zip(xs, ys, strict=True):
            xx = [1.0, *x]
            p = 1 / (1 + math.exp(-sum(b * v for b, v in zip(beta, xx, strict=True))))
            for i in range(k):
                grad[i] += (p - y) * xx[i]
                for j in range(k):
                    hess[i][j] += p * (1 - p) * xx[i] * xx[j]
        for i in range(1, k):
            grad[i] += penalty * beta[i]
            hess[i][i] += penalty
        step = _solve(hess, grad)
        beta = [b - s for b, s in zip(beta, step, strict=True)]
        if max(abs(s) for s in step) < 1e-10:
            break
    return beta


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Solve a x = b (Gauss-Jordan with partial pivoting; a is small and positive definite)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        pivot = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[pivot] = m[pivot], m[c]
        for r in range(n):
            if r != c:
                f = m[r][c] / m[c][c]
                m[r] = [v - f * u for v, u in zip(m[r], m[c], strict=True)]
    return [m[i][n] / m[i][i] for i in range(n)]


class Model:
    def __init__(self, names: tuple[str, ...], train: list[dict], target: float = RECALL_TARGET) -> None:
        self.names = names
        scored = [r for r in train if r["scored"]]
        beta = fit([[r["features"][n] for n in names] for r in scored], [r["label"] != "supported" for r in scored])
        self.intercept, self.weights = beta[0], dict(zip(names, beta[1:], strict=True))
        ranked = sorted((self.p(r) for r in scored if r["label"] == "overreaching"), reverse=True)
        # the highest threshold that still finds ``target`` of the scored overreaches (the pairs the score decides; the
        # never-scored findings do not move it), set halfway to the next lower score of any scored pair, so that no
        # pair sits on it
        if not ranked:
            self.threshold = 0.0
        else:
            at = ranked[min(math.ceil(target * len(ranked)), len(ranked)) - 1]
            below = [p for p in (self.p(r) for r in scored) if p < at]
            self.threshold = (at + max(below)) / 2 if below else at / 2

    def p(self, row: dict) -> float:
        return score.probability(row["features"], self.weights, self.intercept)

    def flags(self, row: dict) -> bool:
        return row["fixed"] or (row["scored"] and self.p(row) >= self.threshold)


def figures(judged: list[tuple[dict, bool]]) -> tuple[int, int, int, int]:
    """(true flags, flags, overreaches found, overreaches)."""
    flagged = [r for r, f in judged if f]
    over = [f for r, f in judged if r["label"] == "overreaching"]
    return sum(r["label"] != "supported" for r in flagged), len(flagged), sum(over), len(over)


def cross_validate(data: list[dict], names: tuple[str, ...], target: float = RECALL_TARGET) -> dict[str, list[tuple[dict, bool]]]:
    folds = sorted({r["fold"] for r in data}, key=_fold_order)
    judged = {}
    for fold in folds:
        model = Model(names, [r for r in data if r["fold"] != fold], target)
        judged[fold] = [(r, model.flags(r)) for r in data if r["fold"] == fold]
    return judged


def _fold_order(fold: str) -> tuple[int, str]:
    return (int(fold.split()[1]), "") if fold.startswith("batch") else (0, fold)


def _pct(a: int, b: int) -> str:
    return f"{a / b:.0%} ({a}/{b})" if b else "-"


def report(data: list[dict]) -> None:
    today = [(r, r["fixed"] or r["scored"]) for r in data]
    t = figures(today)
    print(f"today's check (every unsupported word a warning), all {len(data)} pairs: precision {_pct(t[0], t[1])}, recall {_pct(t[2], t[3])}")
    print(f"\ncandidate feature sets, leave one batch out, threshold at {RECALL_TARGET:.0%} scored training recall (pooled):")
    for names in CANDIDATES:
        pooled = [x for judged in cross_validate(data, names).values() for x in judged]
        f = figures(pooled)
        print(f"  {' + '.join(names):55s} precision {_pct(f[0], f[1]):15s} recall {_pct(f[2], f[3])}")
    print(f"\nthe trade-off, {' + '.join(CHOSEN)}, leave one batch out (pooled), by the training recall the threshold keeps:")
    for target in (0.85, 0.90, 0.95, 0.98):
        f = figures([x for judged in cross_validate(data, CHOSEN, target).values() for x in judged])
        print(f"  scored training recall {target:.0%}: unseen precision {_pct(f[0], f[1]):15s} recall {_pct(f[2], f[3])}")
    print(f"\nper fold, {' + '.join(CHOSEN)} (each fold judged by a model fitted without it) beside today's check:")
    print(f"  {'fold':9s} {'precision, scored':20s} {'recall, scored':17s} {'precision, today':20s} recall, today")
    judged = cross_validate(data, CHOSEN)
    for fold, rows_ in judged.items():
        s = figures(rows_)
        b = figures([(r, r["fixed"] or r["scored"]) for r, _ in rows_])
        print(f"  {fold:9s} {_pct(s[0], s[1]):20s} {_pct(s[2], s[3]):17s} {_pct(b[0], b[1]):20s} {_pct(b[2], b[3])}")
    numbered = [x for fold, rows_ in judged.items() if fold.startswith("batch") and int(fold.split()[1]) >= 5 for x in rows_]
    s, b = figures(numbered), figures([(r, r["fixed"] or r["scored"]) for r, _ in numbered])
    print(f"  {'5+':9s} {_pct(s[0], s[1]):20s} {_pct(s[2], s[3]):17s} {_pct(b[0], b[1]):20s} {_pct(b[2], b[3])}")
    s = figures([x for rows_ in judged.values() for x in rows_])
    print(f"  {'all':9s} {_pct(s[0], s[1]):20s} {_pct(s[2], s[3]):17s} {_pct(t[0], t[1]):20s} {_pct(t[2], t[3])}")


def nested(data: list[dict]) -> None:
    """Leave one batch out with the choice of feature set inside it: for each held-out fold, the set is chosen
    by leave-one-batch-out precision on the other folds alone, then fitted on them and judged on the fold.
    This measures the whole procedure (choosing among ``CANDIDATES`` included), not one set chosen after
    looking at every fold."""
    folds = sorted({r["fold"] for r in data}, key=_fold_order)
    judged: list[tuple[dict, bool]] = []
    print("\nnested (the feature set chosen without the held-out fold):")
    for fold in folds:
        inner = [r for r in data if r["fold"] != fold]
        best = max(CANDIDATES, key=lambda names: (_precision(inner, names), -len(names)))
        model = Model(best, inner)
        rows_ = [(r, model.flags(r)) for r in data if r["fold"] == fold]
        judged += rows_
        f = figures(rows_)
        print(f"  {fold:9s} {' + '.join(best):22s} precision {_pct(f[0], f[1]):15s} recall {_pct(f[2], f[3])}")
    f = figures(judged)
    print(f"  {'all':9s} {'':22s} precision {_pct(f[0], f[1]):15s} recall {_pct(f[2], f[3])}")


def _precision(data: list[dict], names: tuple[str, ...]) -> float:
    f = figures([x for judged in cross_validate(data, names).values() for x in judged])
    return f[0] / f[1] if f[1] else 0.0


DEV = ("batch 17", "batch 18", "batch 22", "batch 23")
"""The dev folds: the best stand-in for unseen text (17 and 18 written blind in session 7, 22 and 23 in session 11,
unlike the earlier batches, which resemble one another). ``--dev`` fits on every other fold and judges these: the
figure configurations are chosen by. Session 11 added 22 and 23 (120 pairs); the fit is still on the 677 others."""


DEV_TARGETS = (0.99, 0.98, 0.95, 0.90)
"""The scored training recalls the dev comparison tries for the threshold (session 8 tried 96 … 90% of all
overreaches; session 9 counts the scored ones: 98% is session 8's choice restated)."""
DEV_RECALL = 0.80
"""The rule, stated before the choice was made: the configuration with the best dev precision at this dev recall
or more (ties: the higher recall), among no score and every candidate set at every ``DEV_TARGETS`` threshold."""


def dev(data: list[dict]) -> tuple[tuple[str, ...], float]:
    """Fit on every fold but ``DEV``, judge ``DEV``: no score, and each candidate set at each target; return the
    configuration the rule (``DEV_RECALL``) picks: (feature set, target), ((), 1.0) for no score."""
    train = [r for r in data if r["fold"] not in DEV]
    test = [r for r in data if r["fold"] in DEV]
    print(f"dev: fitted on {len(train)} pairs (every fold but {' and '.join(DEV)}), judged on {len(test)}:")
    f = figures([(r, r["fixed"] or r["scored"]) for r in test])
    print(f"  {'no score':55s} {'':6s} precision {_pct(f[0], f[1]):15s} recall {_pct(f[2], f[3])}")
    found = [(f, (), 1.0)]
    for target in DEV_TARGETS:
        for names in CANDIDATES:
            model = Model(names, train, target)
            f = figures([(r, model.flags(r)) for r in test])
            found.append((f, names, target))
            print(f"  {' + '.join(names):55s} {target:5.0%} precision {_pct(f[0], f[1]):15s} recall {_pct(f[2], f[3])}")
    eligible = [x for x in found if x[0][3] and x[0][2] / x[0][3] >= DEV_RECALL]
    f, names, target = max(eligible, key=lambda x: (x[0][0] / max(x[0][1], 1), x[0][2]))
    print(f"chosen by the rule: {' + '.join(names) or 'no score'}" + (f" at {target:.0%} scored training recall" if names else "")
          + f": precision {_pct(f[0], f[1])}, recall {_pct(f[2], f[3])}")
    return names, target


def shipped(data: list[dict]) -> Model:
    """The model the check uses: ``CHOSEN`` at ``RECALL_TARGET``, fitted on every fold but ``DEV``, so that what
    ships is what the dev figure measured (fitted on all pairs, the threshold sinks to reach the dev batches'
    low-scored overreaches and the score trims almost nothing: session 8, 327/505 flags true against 327/506)."""
    return Model(CHOSEN, [r for r in data if r["fold"] not in DEV])


def sweep(data: list[dict]) -> None:
    """The operating point: the shipped model's dev figure at every threshold a dev pair's score gives (is there a
    threshold with more precision at >= 80% recall?), beside leave one batch out at scored training recalls 85 ... 99%."""
    model = shipped(data)
    test = [r for r in data if r["fold"] in DEV]
    print(f"dev ({' and '.join(DEV)}), the shipped model (threshold {model.threshold:.3f}), at each threshold:")
    for at in [0.0, *sorted({model.p(r) for r in test if r["scored"]})]:
        f = figures([(r, r["fixed"] or (r["scored"] and model.p(r) >= at)) for r in test])
        print(f"  {at:.3f}: precision {_pct(f[0], f[1]):15s} recall {_pct(f[2], f[3])}")
    print("leave one batch out (pooled), by the scored training recall the threshold keeps:")
    for target in (0.85, 0.90, 0.95, 0.98, 0.99):
        f = figures([x for judged in cross_validate(data, CHOSEN, target).values() for x in judged])
        print(f"  {target:.0%}: precision {_pct(f[0], f[1]):15s} recall {_pct(f[2], f[3])}")


def misses(data: list[dict], lobo: bool) -> None:
    """Print the false flags and the missed overreaches, with the words the check found: on the dev folds as shipped
    (default), or on every fold judged by a model fitted without it (``lobo``)."""
    pairs = yaml.safe_load(labels.LABELS.read_text(encoding="utf-8"))
    if lobo:
        judged = [x for rows_ in cross_validate(data, CHOSEN).values() for x in rows_]
    else:
        model = shipped(data)
        judged = [(r, model.flags(r)) for r in data if r["fold"] in DEV]
    index = {id(r): i for i, r in enumerate(data)}
    for row, flagged in judged:
        if flagged == (row["label"] != "supported") or (not flagged and row["label"] == "padding"):
            continue
        pair = pairs[index[id(row)]]
        found = labels.facts(pair)
        print(f"{'false flag' if flagged else 'miss'} #{index[id(row)]} {row['fold']} {row['label']}"
              f"{' (never scored)' if row['fixed'] else ''}: {pair['claim']}")
        print(f"    quote: {' | '.join([pair['quote'], *pair.get('with', [])])[:300]}")
        print(f"    unsupported ordinary words: {', '.join(x.text for x in found['soft']) or '-'}"
              + (f"; note: {pair['note']}" if pair.get("note") else ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help=f"write the fit on all pairs to {WEIGHTS.relative_to(ROOT)}")
    parser.add_argument("--dev", action="store_true", help=f"only the dev figure: fit without {' and '.join(DEV)}, judge them")
    parser.add_argument("--nested", action="store_true", help="also choose the feature set inside each fold (a few minutes)")
    parser.add_argument("--sweep", action="store_true", help="only the operating point: the dev figure at every threshold")
    parser.add_argument("--misses", choices=("dev", "lobo"), help="only the false flags and missed overreaches, with their words")
    args = parser.parse_args()
    data = rows()
    if args.misses:
        misses(data, args.misses == "lobo")
        return
    if args.dev or args.sweep:
        (dev if args.dev else sweep)(data)
        return
    report(data)
    if args.nested:
        nested(data)
    model = shipped(data)
    train = [r for r in data if r["fold"] not in DEV]
    f = figures([(r, model.flags(r)) for r in train])
    d = figures([(r, model.flags(r)) for r in data if r["fold"] in DEV])
    print(f"\nfitted on {len(train)} pairs (all but {' and '.join(DEV)}): intercept {model.intercept:.4f}, "
          + ", ".join(f"{n} {v:.4f}" for n, v in model.weights.items())
          + f", threshold {model.threshold:.4f}; training precision {_pct(f[0], f[1])}, recall {_pct(f[2], f[3])}; "
          f"dev precision {_pct(d[0], d[1])}, recall {_pct(d[2], d[3])}")
    if args.write:
        lines = ["# The support check's score (support/score.py): a logistic model's intercept and weights, and the",
                 "# probability at or above which unsupported ordinary words are warnings (below it: notes).",
                 f"# Written by `python benchmarks/fit_support.py --write` on {len(train)} labelled pairs",
                 f"# (tests/data/support-labels.yaml, all but the dev {' and '.join(DEV)}), L2 penalty {PENALTY},",
                 f"# threshold at {RECALL_TARGET:.0%} of the scored training overreaches.",
                 f"intercept {model.intercept:.6f}", *(f"{n} {v:.6f}" for n, v in model.weights.items()),
                 f"threshold {model.threshold:.6f}"]
        WEIGHTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"written: {WEIGHTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
