"""Follow-on quotes: the sentence beside a draft's leading sentence that continues its subject. Pure: no files.

An analyst's claim often quotes two adjacent sentences of one source: the second names
again what the first names, or refers back to its person. A draft quotes the sentence
just before or after its leading sentence, in the same paragraph, as a second quote of
that source when the two

- name the same rare proper name (``corpus.Corpus.facts``: a name at most half of the
  documents use; "Acme and Borduria Telecom … presented" and "both Acme and Borduria
  Telecom are under trade sanctions"), one that no other sentence of the document names (a name
  the document keeps repeating, "AI" in a paper on AI, is its subject, not a tie between
  two of its sentences), and state nothing that disagrees (``facts.conflict``: the same
  company in two years is two facts); or
- the later one adds to the earlier one: its first clause says "also" before a verb in the
  past in -ed ("The fair featured Acme and Borduria Telecom." then "Western firms, including
  Zenda, also participated."), and nothing disagrees; or
- the later one refers back to a person named before it: it says "he", "she", "his" or
  "her" before any capitalised word of its own ("During his visit, he met …"), or its
  main clause opens with "he" or "she" after an opening phrase ("Speaking at the Forum
  in Paris, he said …"); a pronoun that points forward to a name ("In his speech,
  Okafor said …") is no reference back.

Both sentences then make the claim's text, in document order, so that the claim says
what each quote supports. A sentence already quoted by another draft, and a pair longer
than ``sentences.MAX_WORDS`` words, are left alone; but a draft whose leading sentence
refers back to the leading sentence of the draft just before it (``joins``) is no draft
of its own, since alone its pronoun names no one: it joins that draft
(``drafting._follow_on``).
"""

from __future__ import annotations

import bisect
import re

from briefgen.drafting import sentences
from briefgen.drafting.corpus import Corpus
from briefgen.drafting.facts import conflict
from briefgen.text.stems import word_list

_PERSONAL = re.compile(r"\b(?:he|she|him|his|her|hers)\b", re.IGNORECASE)
_CAPITALISED = re.compile(r"(?<=\s)[\"“‘(]?([A-Z][\w’'.-]*)")
"""A capitalised word that does not open the sentence."""
_SUBJECT = re.compile(r"^[^,;:]{1,120}, (?:he|she) [a-z]")
"""An opening phrase, then "he" or "she" as the main clause's subject."""
_FORWARD = re.compile(r"^[^,;:]*\b(?:his|her)\b[^,;:]*, [\"“‘]?[A-Z]")
"""An opening phrase with "his"/"her" whose name follows it: "In his speech, Okafor said"."""
_ALSO = re.compile(r"^(?![Aa]lso\b)[^.;:]{0,150}?\balso\s+(?!(?:called|known|named|referred|termed)\b)[a-z]{2,}ed\b")
"""A first clause that says "also" before a verb in the past: the sentence adds to the one before it."""
_WORD = re.compile(r"\w+")
_OPENERS = frozenset(word_list("unnamed_openers"))
"""Words that open a sentence without naming anyone (besides the stop words): ``text/data/unnamed_openers.txt``."""


def beside(corpus: Corpus, lead: int, quoted: set[int]) -> list[int]:
    """Return the sentences to quote for a draft led by sentence ``lead``, in document order (``lead`` among them).

    ``quoted``: the sentences other drafts already quote (a neighbour among them is left alone)."""
    found = [lead]
    words = len(_WORD.findall(_text(corpus, lead)))
    for before, after, other in ((lead - 1, lead, lead - 1), (lead, lead + 1, lead + 1)):
        if other in quoted or not _adjacent(corpus, before, after):
            continue
        extra = len(_WORD.findall(_text(corpus, other)))
        if words + extra <= sentences.MAX_WORDS and continues(corpus, before, after):
            found.append(other)
            words += extra
    return sorted(found)


def continues(corpus: Corpus, first: int, second: int) -> bool:
    """Whether sentence ``second`` (just after ``first``) continues ``first``'s subject (see the module doc)."""
    facts_first, facts_second = corpus.facts(first, False), corpus.facts(second, False)
    shared = facts_first.entities & facts_second.entities
    if shared and not conflict(facts_first, facts_second) and _only_here(corpus, shared, first, second):
        return True
    if adds_to(_text(corpus, second)) and not conflict(facts_first, facts_second):
        return True
    return refers_back(_text(corpus, second))


def adds_to(second: str) -> bool:
    """Whether ``second`` adds to what the sentence before it says: its first clause says "also" before a verb in the
    past in -ed ("Western firms, including Acme and Borduria Telecom, also participated"; "Entities were also added for …"),
    not "also" opening it (a connective: the sentence splitter joins such an opener already) nor naming something
    ("Semiconductors, also called computer chips, …")."""
    return bool(_ALSO.match(second))


def joins(corpus: Corpus, first: int, second: int) -> bool:
    """Whether ``second`` refers back to ``first`` (the sentence just before it in its paragraph): read alone, its
    pronoun names no one."""
    return _adjacent(corpus, first, second) and refers_back(_text(corpus, second))


def refers_back(second: str) -> bool:
    """Whether ``second`` refers back to a person named before it: it says he/she/his/her before any capitalised word
    of its own, or its main clause opens with "he" or "she" after an opening phrase ("Speaking at the Forum in Paris,
    he said"); not when the pronoun points forward to a name, "In his speech, Okafor said"."""
    if _SUBJECT.match(second):
        return True
    pronoun = _PERSONAL.search(second)
    if not pronoun or _FORWARD.match(second):
        return False
    first = _WORD.match(second)
    if first and first.end() <= pronoun.start() and not _function_word(first.group()):
        return False  # "Okafor said his …": the sentence names its person first
    name = _CAPITALISED.search(second)
    return not name or pronoun.start() < name.start(1)


def _function_word(word: str) -> bool:
    """Whether a sentence's first word is no name: a stop word, a participle or adverb ("Speaking", "Notably")."""
    low = word.lower()
    return low in sentences.STOPWORDS or low in _OPENERS or low.endswith(("ing", "ly"))


def _only_here(corpus: Corpus, names: set[str] | frozenset[str], first: int, second: int) -> bool:
    """Whether one of ``names`` is in no other sentence of the document: a name the document keeps repeating is its
    subject, not what ties two of its sentences."""
    doc = corpus.spans[first][0]
    rest = set(names)
    for k in _sentences_of(corpus, doc):
        if k not in (first, second):
            rest.difference_update(corpus.bags[k])
            if not rest:
                return False
    return True


def _sentences_of(corpus: Corpus, doc: int) -> range:
    """The claimable sentences of document ``doc`` (consecutive in the corpus, whose spans are in document order)."""
    return range(bisect.bisect_left(corpus.spans, (doc,)), bisect.bisect_left(corpus.spans, (doc + 1,)))


def _adjacent(corpus: Corpus, first: int, second: int) -> bool:
    """Whether ``first`` and ``second`` are claimable sentences next to each other in one paragraph."""
    if first < 0 or second >= len(corpus.spans):
        return False
    (doc, _, end), (other, start, _) = corpus.spans[first], corpus.spans[second]
    return doc == other and corpus.blocks[first] == corpus.blocks[second] and not corpus.texts[doc][end:start].strip()


def _text(corpus: Corpus, i: int) -> str:
    doc, start, end = corpus.spans[i]
    return corpus.texts[doc][start:end]
