"""Judging a sentence: why it cannot stand as a claim (``flaw``), its word count, and a claim's clean text.

``text.sentences`` cuts a document into sentences and gives each the flaw found here:
page furniture (bylines, captions, release boilerplate, datelines alone), list fragments
("…; and.", "(36 months)."), headings, questions, a length out of bounds, an opening
pronoun or connective that refers back (``opener``), or a quotation in the first person
with no attribution of its own (``unattributed``). Plain patterns, no segmenter.

``initial`` tells a middle initial's full stop from a sentence end ("Ada Q. Zorn" against "Annex A. The rule"), for
every splitter: the segmenter's line wraps (``text.sentences``), a passage's statements (``drafting.corpus``) and a
brief's free text (``support.freetext``); and for the readers that take a capitalised word after a full stop for a
sentence's first word, not a name (``text.words``' word kinds, ``drafting.facts``' entities).
"""

from __future__ import annotations

import re
from functools import cache

from briefgen.text.stems import phrase_list, word_list

MIN_WORDS, MAX_WORDS = 6, 110
"""A claim candidate has this many words (a joined pair included)."""

_WORDS = re.compile(r"\w+")
_WORD_BYTES = bytes(97 if chr(c).isalnum() or c == 95 else 32 for c in range(128)) + bytes([32] * 128)
"""Per ASCII byte: ``a`` for a character ``\\w`` matches (letters, digits, ``_``), a space for any other."""
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
"""A quoted title: its words ("Advanced Computing", "Manufacturing Items") are not the sentence's verb."""
_FURNITURE_START = re.compile(
    r"(?:By [A-Z][a-z]+ [A-Z]|(?i:written by|reported by|edited by|photo(?:graph)?s? by|images? by|illustration by|credit:|"
    r"source:|(?:updated|published|posted)(?::|\s+(?:on\s+)?(?:\d|[A-Z][a-z]{2,8}\.? \d)|$)|follow us|share this|subscribe|"
    r"sign up|click here|read more|related:|advertisement|jump to|for more information))")
_FURNITURE_MARKS = ("[email", "media contact", "for immediate release", "skip to main content", "all rights reserved", "©",
                    "cookie", "license photo", "getty images", "min read", "comments must be received",
                    "for further information contact")
_FURNITURE_MARK = re.compile("|".join(map(re.escape, _FURNITURE_MARKS)))
"""Any of the marks, in lower-case text: one search instead of one ``in`` per mark."""
_FURNITURE_LATE = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b|\b\d{1,2}:\d{2}\s*[AP]M\b|/(?:AP|AFP|Reuters|UPI|EPA|Xinhua|Bloomberg)\.?$")
_FRAGMENT_END = re.compile(r"""(?:[;,]\s*(?:and|or)\.?|[;,]|\b(?:that|include|includes|including|are|is|follows|following|as)\s*:)["”’]?$""")
_PAREN_END = re.compile(r"\([^()]{1,40}\)[.!]?[\"”’]?$")
"""A list item ending in a parenthesis, like "Obligations for high-risk systems (36 months).", is a fragment unless it has a verb."""
VERB = re.compile(r"\b(?:is|are|was|were|be|been|being|has|have|had|do|does|did|will|would|shall|should|can|could|"
                   r"may|might|must|said|says|\w{3,}ed|\w{3,}ing)\b", re.IGNORECASE)
_DOCUMENT = r"(?:rule|interim final rule|final rule|IFR|report|document|notice|bill|regulation|fact sheet|study|paper|article|release)"
"""What "This …" at the start of a sentence may name without an antecedent: the document itself ("This rule is effective …")."""
_SELF_REFERENCE = re.compile(rf"^This (?={_DOCUMENT}\b)")
CONNECTIVES = ("However", "Moreover", "Furthermore", "Additionally", "Meanwhile", "Also", "But", "And", "Yet", "Still",
               "Nevertheless", "Indeed", "Notably", "In addition", "Similarly", "Finally", "Lastly", "Overall", "In contrast")
"""Connectives that may open a sentence: a claim's text drops them ("However, the rule …" → "The rule …",
``drafting.claim_text``), and before a pronoun or demonstrative they open a sentence that refers back (``_OPENER``)."""
_OPENER = re.compile(
    r"^[“\"‘]?(?:(?:" + "|".join(CONNECTIVES) + r"),?\s+)?(?i:He|She|They|Them|His|Her|Hers|Its|Their|Theirs|Him|"
    r"(?:This|That|These|Those|Such|Both|Neither|Either|The latter|The former|The two|The same)\b(?! (?:year|week|month)\b)"
    r"(?<!This)(?<!this)|This(?! (?:" + _DOCUMENT + r"|year|week|month)\b)|"
    r"It(?! (?:is|was|has been|will be|would be) \w+(?: \w+)? (?:to|that)\b)|"
    r"\w+ of (?:these|those|them)\b|Of (?:these|those|them)\b|"
    r"To (?:counter|address|do|achieve|that|this) (?:that|this|so|it|them)\b|In (?:response|turn|return)\b|"
    r"As a (?:result|consequence)\b|Despite (?:this|that|these|it)\b|For (?:this|that) reason\b|Because of (?:this|that)\b|"
    r"Instead\b|Then\b|Thus\b|Therefore\b|Hence\b|Otherwise\b)(?=[\s,’'])")

_QUOTED_FIRST_PERSON = re.compile(r"^[“\"](?=.*\b(?:I|I’m|I'm|we|We|we’re|we're|our|Our|us|my|My|me)\b)")
"""A quotation speaking in the first person ("“The threat environment is always changing, and we are updating our
policies …”"): without an attribution of its own, its "we" is a speaker some other sentence names (most often the one
before: "“…,” said Under Secretary …"), so it is no claim alone; it is not joined to that sentence either (a quotation
of several sentences is compared sentence by sentence, and a joined passage of a claim is not: measured, joining lost
an export-controls pair)."""
_ATTRIBUTION = re.compile(r"[,!?]?[”\"]\s*(?:\w+\s+){0,2}(?:said|says|told|stated|added|noted|explained|according to)\b|"
                          r"\b(?:said|says|told|stated|added|noted|explained)\s*[,.]?\s*[“\"]|\baccording to\b")
"""An attribution of the quotation's own: "…,” said the minister." / "…,” the minister said." / "He said: “…"."""

_NAME_WORD = r"[^\W\d_](?:[^\W\d_]|[-’'](?=[^\W\d_]))*"
"""A word of letters, perhaps with a hyphen or apostrophe inside ("Jean-Luc", "O’Neil")."""
_GIVEN = re.compile(rf"(?<![\w.’'&-])({_NAME_WORD})((?: [A-Z]\.){{1,2}})$")
"""A capitalised word and one or two single capital letters with full stops, ending where the text is cut ("Ada Q.",
"Ada Q. R."): the word is checked by ``_name_word``."""
_SURNAME = re.compile(rf"\s+(?:[A-Z]\.\s+)?({_NAME_WORD})")
"""What follows an initial in a name: a word (checked by ``_name_word``), perhaps after a second initial."""


def flaw(text: str, listed: bool, ended: bool) -> str:
    """Return why a sentence (``text``; ``listed``: it opens a list item; ``ended``: with . or !) cannot stand as a claim, or ''."""
    words = count_words(text)
    if _furniture(text):
        return "furniture"
    if _fragment_end(text[-40:]) or (listed or words < 12) and _noun_phrase(text) and not VERB.search(_QUOTED.sub("", text)):
        return "fragment"
    if words < 12 and not VERB.search(text):
        if _title_case(text):
            return "heading"  # "Bureau of Industry and Security, Department of Commerce."
        if ";" in text:
            return "fragment"  # "Interim final rule; request for comments."
    if text.endswith("?"):
        return "question"
    lead_in = text.endswith(":") and words >= 12  # "BIS revised two rules released on October 17, 2023:"
    if not (listed or ended or lead_in) or text == text.upper() or text[:1].islower():  # all capitals: no lower-case letter
        return "heading" if not text[:1].islower() else "fragment"
    if not MIN_WORDS <= words <= MAX_WORDS:
        return "length"
    if _OPENER.match(text):
        return "opener"
    if _QUOTED_FIRST_PERSON.match(text) and not _ATTRIBUTION.search(text):
        return "unattributed"
    return ""


def count_words(text: str) -> int:
    """``len(_WORDS.findall(text))``, the runs of word characters, counted without making them strings when ``text`` is
    ASCII (where ``\\w`` is ``[A-Za-z0-9_]``): each run is one ``a`` after a space once every character is mapped."""
    if not text.isascii():
        return len(_WORDS.findall(text))
    mapped = text.encode("ascii").translate(_WORD_BYTES)
    return mapped.count(b" a") + mapped.startswith(b"a")


def _fragment_end(tail: str) -> bool:
    """``_FRAGMENT_END.search(tail)``, asked only of a tail whose end could match (most sentences end "….")."""
    body = tail[:-1] if tail.endswith(('"', "”", "’")) else tail
    return body.endswith((";", ",", ":", "and", "or", "and.", "or.", "\n")) and bool(_FRAGMENT_END.search(tail))


def _noun_phrase(text: str) -> bool:
    """Whether a short verbless ``text`` reads as a noun phrase ("Obligations for high-risk systems (36 months).",
    "Limits on talent exchange between countries."), not an imperative ("Introduce tradable permits.")."""
    first = text.split(" ", 1)[0].strip("“\"‘")
    return bool(_PAREN_END.search(text)) or (len(first) > 3 and first.endswith("s") and not first.endswith("ss"))


def _title_case(text: str) -> bool:
    """Whether every word of ``text`` longer than three letters is capitalised, as in a title or an agency line."""
    long = [w for w in _WORDS.findall(text) if len(w) > 3]
    return bool(long) and all(w[0].isupper() for w in long)


def _furniture(text: str) -> bool:
    """Whether ``text`` is page furniture: a byline, a caption, a release header, a contact line."""
    if _FURNITURE_START.match(text):
        return True
    if _FURNITURE_MARK.search(text.lower()):
        return True
    return ("@" in text or ":" in text or "/" in text) and bool(_FURNITURE_LATE.search(text))


def clean_claim(text: str) -> str:
    """Return ``text`` without unmatched quotation marks, and "This rule …" (the document itself) as "The rule …",
    which the claim's citation then names (a claim's text; never apply to a verbatim quote)."""
    text = _SELF_REFERENCE.sub("The ", text)
    drop: set[int] = set()
    opened: list[int] = []
    for i, c in enumerate(text):
        if c == "“":
            opened.append(i)
        elif c == "”":
            if opened:
                opened.pop()
            else:
                drop.add(i)
    drop.update(opened)
    straight = [i for i, c in enumerate(text) if c == '"']
    if len(straight) % 2:
        drop.add(straight[0] if straight[0] == 0 or len(straight) == 1 and straight[0] < len(text) // 2 else straight[-1])
    if not drop:
        return text
    kept = "".join(c for i, c in enumerate(text) if i not in drop)
    return re.sub(r"\s{2,}", " ", kept).strip()


def initial(text: str, dot: int) -> bool:
    """Whether the full stop at ``text[dot]`` closes a middle initial, not a sentence: a single capital letter between
    a capitalised given name and a capitalised surname ("Ada Q. Zorn said", "Ada Q. R. Zorn"). Neither name is a
    function word, quantifier or connective ("… in Annex A. The rule", "Vitamin D. It", "Plan B. Then"), and the given
    name is no noun that takes a letter (``data/lettered.txt``: "Annex A. Scope …"); "U.S. The" and a list item's
    "A. Scope" have no given name before the letter."""
    if dot < 3 or text[dot] != "." or text[dot - 2] != " " or not "A" <= text[dot - 1] <= "Z":
        return False
    before = _GIVEN.search(text, max(0, dot - 60), dot + 1)
    after = _SURNAME.match(text, dot + 1)
    if not before or not after:
        return False
    given = before.group(1)
    return _name_word(given) and _name_word(after.group(1)) and given.lower() not in _lettered()


def _name_word(word: str) -> bool:
    """Whether ``word`` may be part of a person's name: capitalised, not in capitals only ("BIS", "OK"), and not a
    function word, quantifier or connective capitalised for opening a sentence."""
    return word[:1].isupper() and not word.isupper() and word.lower() not in _function_words()


@cache
def _function_words() -> frozenset[str]:
    """Words capitalised only for opening a sentence: stop words, quantifiers and modals (``literal``), words of
    relative time ("Today", "Now") and connectives."""
    return (frozenset(word_list("stopwords")) | frozenset(word_list("literal"))
            | {w for w in phrase_list("relative_time") if " " not in w}  # "this year" is a phrase: "year" is no function word
            | {c.lower() for c in CONNECTIVES if " " not in c})


@cache
def _lettered() -> frozenset[str]:
    return frozenset(word_list("lettered"))
