"""``python -m briefgen.docs [README.md] [--check]``: regenerate the README's reference tables from the schemas.

The tables sit between ``<!-- generated: NAME -->`` and ``<!-- end -->``;
everything else in the file is left as written. ``--check`` only reports
whether the file is current (exit 1 when it is not).
"""

from __future__ import annotations

import sys
from pathlib import Path

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
        stale.append(path)
        if not check:
            path.write_text(current, encoding="utf-8")
    for path in stale:
        print(f"{path}: {'out of date with the schemas' if check else 'updated'}", file=sys.stderr)
    return 1 if check and stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
