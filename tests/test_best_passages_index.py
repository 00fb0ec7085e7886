"""``freetext.best_passages`` finds each passage's covered words through an index of the source's passages:
the same passages, in the same order, as the walk over every passage with ``match.supported``."""

from __future__ import annotations

from pathlib import Path

from briefgen import pipeline
from briefgen.inputs import spec
from briefgen.support import freetext
from briefgen.support.match import needs, passage_keys, supported
from briefgen.text import words as w

ROOT = Path(__file__).resolve().parents[1]


def _walked(sentence: str, text: str, names: frozenset[str]) -> list[str]:
    """best_passages as it was: every passage of the source asked in turn."""
    wanted = needs(w.words(sentence, names))
    covers = []
    for passage in freetext.source_passages(text):
        keys, groups = passage_keys(passage)
        covered = supported(wanted, keys, groups)
        if covered:
            covers.append((passage, covered))
    return freetext.cover(covers)  # the same greedy choice: what is compared is which passages cover which words


def test_the_index_finds_what_the_walk_finds() -> None:
    compared = 0
    for root in (ROOT, ROOT / "examples" / "export-controls"):
        project = pipeline.Project(root)
        corpus = pipeline.load_corpus(project)
        names = frozenset(n for c in corpus.summary.claims.values() for n in w.name_stems(c.text))
        sentences = [s for path in project.specs() for _, text in spec.texts(spec.load_spec(path, corpus.summary, corpus.sources))
                     for _, s in freetext.sentences(text)]
        sentences += [c.text for c in corpus.summary.claims.values()]
        texts = [freetext._text(source) for source in corpus.sources.values()]
        for sentence in sentences:
            for text in texts:
                for known in (frozenset(), names):
                    assert freetext.best_passages(sentence, text, known) == _walked(sentence, text, known)
                    compared += 1
    assert compared > 1000
