"""reportlab's import-time patterns are compiled on first use, and then behave as compiled ones."""

from __future__ import annotations

import re
import subprocess
import sys

from briefgen.renderers.pdf.lazyre import LazyPattern


def test_a_lazy_pattern_compiles_on_first_use_and_behaves_alike() -> None:
    lazy = LazyPattern(r"(?P<a>[a-z\xa1-\uffff]+)-(\d+)", re.I)
    assert lazy._compiled is None
    real = re.compile(r"(?P<a>[a-z\xa1-\uffff]+)-(\d+)", re.I)
    for text in ("Éclair-42", "x-1 y-2", "none", ""):
        mine, theirs = lazy.match(text), real.match(text)
        assert (mine is None) == (theirs is None) and (mine is None or mine.groups() == theirs.groups())
        assert lazy.findall(text) == real.findall(text)
        assert lazy.sub(r"\2", text) == real.sub(r"\2", text)
        assert lazy.split(text) == real.split(text)
    assert lazy._compiled is not None and lazy.pattern == real.pattern and lazy.flags == real.flags


def test_only_reportlab_paragraph_patterns_are_deferred_in_a_fresh_process() -> None:
    code = """
import re
compile_before = re.compile
import briefgen.renderers.pdf
import reportlab.platypus.paragraph as p, reportlab.lib.textsplit as ts, html.parser
assert re.compile is compile_before, "re.compile restored"
assert type(p.uri_pat).__name__ == "LazyPattern" and type(ts.rx).__name__ == "LazyPattern"
assert isinstance(html.parser.interesting_normal, re.Pattern), "other modules compile as usual"
assert p._uri_split_pairs("https://example.org/a/b") == [("https://example.org/a/", "b"), ("https://example.org/", "a/b"), ("https://", "example.org/a/b")]
assert p._uri_split_pairs("not a uri") is None
print("ok")
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout == "ok\n", done.stderr


def test_compiled_patterns_take_their_stand_ins_places() -> None:
    """Once compiled (at first use, or all at once ahead of a batch's briefs), a module's name holds the compiled pattern."""
    code = """
import re
import briefgen.renderers.pdf
import reportlab.platypus.paragraph as p, reportlab.lib.textsplit as ts
from briefgen.renderers import get
from briefgen.renderers.pdf import lazyre
stand_in = p.uri_pat
assert p._uri_split_pairs("https://example.org/a") == [("https://example.org/", "a"), ("https://", "example.org/a")]
assert isinstance(p.uri_pat, re.Pattern) and p.uri_pat is stand_in.compiled(), "first use puts it in place"
assert type(ts.rx).__name__ == "LazyPattern"
[step() for step in get("pdf").warm_steps(every=True)]
assert isinstance(ts.rx, re.Pattern) and lazyre._MADE and all(x._compiled is not None for x in lazyre._MADE)
assert not [n for n, v in vars(p).items() if isinstance(v, lazyre.LazyPattern)]
print("ok")
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout == "ok\n", done.stderr
