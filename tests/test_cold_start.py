"""A cold build loads only what building needs (issue #13: one brief, cold, against the pandoc route)."""

from __future__ import annotations

import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

PROBE = """
import sys

from hypothesis import given, settings
from hypothesis import strategies as st
from briefgen import batch, pipeline
from briefgen.renderers.pdf import fonts
book = fonts.FontBook()
plain = book.markup("Reservoirs fell by a third (R&D)", book.family("serif"))
print(sorted(m for m in sys.modules if m.startswith("briefgen.drafting")), fonts.fallbacks.cache_info().currsize)
wide = book.markup("\\u2713", book.family("serif"))
print(wide, fonts.fallbacks.cache_info().currsize)
"""


def test_build_path_loads_no_drafting_and_fallback_fonts_on_first_need() -> None:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True).stdout.splitlines()
    assert out[0] == "[] 0"  # nothing of `summarize`; DejaVu not parsed for text the house font covers
    assert out[1].endswith('Wide">\u2713</font> 1')  # a character only DejaVu has: registered then


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab &<>\"'\n\r\t\u00e9\u6c34"), max_size=20))
def test_pdf_markup_escapes_as_saxutils_does(text: str) -> None:
    from xml.sax import saxutils

    from briefgen.renderers.pdf import fonts
    assert fonts.escape(text) == saxutils.escape(text)
    assert fonts.quoteattr(text) == saxutils.quoteattr(text)


def test_build_path_imports_no_urllib() -> None:
    code = "import sys; from briefgen import batch; from briefgen.renderers.pdf import render; print('urllib.request' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "False"


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=64))
def test_docx_font_key_is_uuids_text(font: bytes) -> None:
    import hashlib
    import uuid

    from briefgen.renderers.docx import embed
    assert embed.font_key(font) == "{" + str(uuid.UUID(bytes=hashlib.sha256(font).digest()[:16])).upper() + "}"


LIBRARIES = ("markdown_it", "mdurl", "jinja2")
RE_CALL = r"\bre\.(?:sub|subn|match|fullmatch|search|split|findall|finditer)\(\s*(?![rbuf]*[\"'])"


def test_deferred_library_patterns_are_used_only_through_their_methods() -> None:
    """A deferred pattern is a stand-in (``briefgen.lazyre``): no ``re.sub(PATTERN, …)`` nor type test may see it."""
    import importlib.util
    import re
    from pathlib import Path

    from briefgen.compose import markup, templates
    assert {m.split(".")[0] for m in markup.DEFERRED | templates.DEFERRED} <= set(LIBRARIES)
    for library in LIBRARIES:
        spec = importlib.util.find_spec(library)
        assert spec is not None and spec.submodule_search_locations
        for path in Path(spec.submodule_search_locations[0]).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            assert not re.search(RE_CALL, text), f"{path}: a pattern passed to a function of re"
            assert not re.search(r"isinstance\([^)]*Pattern", text), f"{path}: a type test of a pattern"


SAMPLES = [
    "Plain text with a citation [@a; @b, p. 3] and *emphasis*, **strong**, `code`.",
    "<b>raw</b> &amp; &#x41; &copy; &bogus; <!-- c --> <?php ?> <![CDATA[x]]>\n\n<div>\nblock\n</div>\n",
    "<https://example.org/a?b=c> <me@example.org> www.example.org http://x.y (c) (tm) +- ... ?!?!? ,, -- ---",
    "| a | b |\n|:-|-:|\n| 1 | 2 |\n| 3 |\n\n> quote\n> more\n\n- one\n- two\n\n1. x\n2. y\n",
    "[link](http://ex.am/ple \"t\") ![img](data:image/png;base64,xx) [bad](javascript:alert(1)) [x](http://xn--d1acufc.xn--p1ai)",
    "\\*escaped\\* \\[@not\\] line  \nbreak\r\nwindows\0null \"quotes\" 'single'",
    "Ünïcödé “quotes” — dashes – and ellipsis… [http://bücher.de](http://bücher.de/ü?x=1#f)",
]

TOKENS = """
import json, sys
{first}
from briefgen.compose import markup, templates
out = [[(t.type, t.tag, t.content, t.attrs, t.markup) for t in markup._MD.parse(s)] for s in json.loads(sys.argv[1])]
env = templates.SandboxedEnvironment()
out.append(env.from_string("{{{{ s | urlize }}}} {{{{ s | wordcount }}}} {{{{ s | title }}}} {{{{ d | xmlattr }}}}").render(
    s="see www.example.org and me@ex.org -- x", d={{"a": "b"}}))
print(json.dumps(out, default=repr))
"""


def test_deferred_library_patterns_parse_and_render_alike() -> None:
    import json
    runs = [subprocess.run([sys.executable, "-c", TOKENS.format(first=first), json.dumps(SAMPLES)],
                           capture_output=True, text=True, check=True).stdout
            for first in ("", "import markdown_it, jinja2  # imported first: nothing deferred")]
    assert runs[0] == runs[1] and len(json.loads(runs[0])) == len(SAMPLES) + 1
