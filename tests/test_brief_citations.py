"""``Brief.citations`` reads a text's citations once per brief, with ``citation_syntax.check``'s answers."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from briefgen import pipeline
from briefgen.inputs import citation_syntax, spec

ROOT = Path(__file__).resolve().parents[1]


def _seen(answer: tuple[list, list]) -> tuple[list, list]:
    found, errors = answer
    return found, [(e.offset, e.message, e.hint) for e in errors]  # an error is an exception: compared by its content


def test_the_same_answers_kept_for_one_brief_only() -> None:
    project = pipeline.Project(ROOT)
    corpus = pipeline.load_corpus(project)
    path = project.specs()[0]
    brief = spec.load_spec(path, corpus.summary, corpus.sources)
    texts = [text for _, text in spec.texts(brief)] + ["see [@nowhere, p. 3", "no citation", "[@a; @b, ch. 2]"]
    for text in texts:
        assert _seen(brief.citations(text)) == _seen(citation_syntax.check(text))
        first = brief.citations(text)
        first[0].append("changed by a caller")  # a caller's list is its own
        assert _seen(brief.citations(text)) == _seen(citation_syntax.check(text))
    assert set(texts) <= set(brief.cited)
    again = spec.load_spec(path, corpus.summary, corpus.sources)
    assert again.cited is not brief.cited and not set(texts[-3:]) & set(again.cited)  # another brief starts afresh
    assert dataclasses.replace(brief, path=path).cited is brief.cited  # the brief made from it (claim citations resolved)
    assert again == dataclasses.replace(again, cited={}) and hash(again.path)  # the memo is no part of a brief's value
