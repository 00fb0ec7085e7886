"""``python -m briefgen``."""

from briefgen.cli import main

main()
