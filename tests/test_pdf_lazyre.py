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


ALL = "".join(map(chr, range(0x110000)))
"""Every code point, surrogates included."""


def test_unfolded_classes_match_the_same_code_points_as_reportlabs_folded_ones() -> None:
    from briefgen.renderers.pdf.lazyre import UNFOLDED
    assert len(UNFOLDED) == 3
    for folded, unfolded in UNFOLDED.items():
        theirs = re.findall(folded, ALL, re.IGNORECASE)
        ours = re.findall(unfolded, ALL, re.IGNORECASE)
        assert len(theirs) > 60_000 and ours == theirs, folded


def _reportlabs_uri_pat() -> str:
    """``uri_pat``'s pattern as reportlab's source writes it."""
    import ast
    import importlib.util
    spec = importlib.util.find_spec("reportlab.platypus.paragraph")
    assert spec is not None and spec.origin is not None
    tree = ast.parse(open(spec.origin, encoding="utf-8").read())
    found = [node.value for node in tree.body if isinstance(node, ast.Assign)
             and [getattr(t, "id", "") for t in node.targets] == ["uri_pat"]]
    assert len(found) == 1 and isinstance(found[0], ast.Call)
    literal = found[0].args[0]
    assert isinstance(literal, ast.Constant) and isinstance(literal.value, str)
    return literal.value


def test_the_unfolded_uri_pattern_matches_as_reportlabs_does() -> None:
    # In a fresh interpreter: a test that imported reportlab before this one leaves this one's uri_pat unpatched.
    import ast
    shown = subprocess.run([sys.executable, "-c", (
        "from briefgen.renderers.pdf import lazyre\n"
        "lazyre.import_reportlab()\n"
        "import reportlab.platypus.paragraph as p\n"
        "pat = p.uri_pat.compiled() if isinstance(p.uri_pat, lazyre.LazyPattern) else p.uri_pat\n"
        "print(ascii(pat.pattern), pat.flags)\n")], capture_output=True, text=True, check=True).stdout.split()
    ours = re.compile(ast.literal_eval(shown[0]), int(shown[1]))
    assert ours.flags & re.IGNORECASE
    assert "(?-i:" in ours.pattern, "reportlab's uri_pat changed: UNFOLDED no longer applies"
    theirs = re.compile(_reportlabs_uri_pat(), re.IGNORECASE)
    assert theirs.pattern != ours.pattern
    hosts = ["example.org", "EXAMPLE.ORG", "exa-mple.co.uk", "-bad.org", "bad-.org", "xn--bcher-kva.example", "XN--BCHER-KVA.EX",
             "bücher.de", "BÜCHER.DE", "例え.テスト", "\u212aelvin.org", "\u0130stanbul.tr", "a.b", "a.1b", "ab.c-", "localhost",
             "LOCALHOST", "loca\u212ahost", "127.0.0.1", "256.1.1.1", "[::1]", "[FE80::1]", "under_score.org", "x.\U00010400\U00010428",
             "a" * 64 + ".org", "a" * 63 + ".org", "org", "a..b", ".", "", "éé.éé", "ÿ.ÿÿ", "\xa0a.org", "a.b\xa1"]
    tails = ["", "/", "/path?q=1#f", ":8080/x", ":80", ":123456", " trailing", "\\\\win\\share"]
    for scheme in ["", "https://", "HTTP://", "ftp+x://", "://", "mailto:u@"]:
        for host in hosts:
            for tail in tails:
                for user in ("", "user:pw@", "u@"):
                    text = scheme + user + host + tail
                    mine, real = ours.match(text), theirs.match(text)
                    assert (mine is None) == (real is None), text
                    assert mine is None or real is None or (mine.span(), mine.groups()) == (real.span(), real.groups()), text


def test_pillow_loads_when_a_picture_first_needs_it() -> None:
    """reportlab imports ``PIL.Image`` at import; the PDF renderer's import leaves it unloaded until a name of it is read."""
    code = """
import sys
import briefgen.renderers.pdf.render
import reportlab.lib.utils as utils
before = type(sys.modules["PIL.Image"]).__name__
from PIL import Image
picture = Image.new("RGB", (2, 1), "red")
print(before, type(sys.modules["PIL.Image"]).__name__, utils.Image is sys.modules["PIL.Image"], utils.haveImages,
      picture.getpixel((1, 0)), utils._isPILImage(picture))
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.split() == ["_LazyModule", "module", "True", "True", "(255,", "0,", "0)", "True"], done.stderr
