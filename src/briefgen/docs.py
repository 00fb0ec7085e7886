"""``python -m briefgen.docs [README.md] [--check]``: regenerate the README's reference tables and the vocabulary page.

The tables sit between ``<!-- generated: NAME -->`` and ``<!-- end -->``;
everything else in the file is left as written. ``docs/vocabularies.md``
(beside the first README's folder) is written whole from the word lists of
``text/data/`` (``briefgen.vocabularies``). ``--check`` only reports whether
the files are current (exit 1 when one is not).
"""

from __future__ import annotations

import sys
from pathlib import Path

from briefgen import vocabularies
from briefgen.inputs import reference


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    check = "--check" in args
    paths = [Path(a) for a in args if a != "--check"] or [Path("README.md")]
    stale = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        current = reference.update(text)
        if current == text:
            continue
        stale.append((path, "the schemas"))
        if not check:
            path.write_text(current, encoding="utf-8")
    page = paths[0].parent / vocabularies.PAGE
    current = vocabularies.render()
    if not page.is_file() or page.read_text(encoding="utf-8") != current:
        stale.append((page, "the word lists of src/briefgen/text/data/"))
        if not check:
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(current, encoding="utf-8")
    for path, source in stale:
        print(f"{path}: {f'out of date with {source}' if check else 'updated'}", file=sys.stderr)
    return 1 if check and stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
