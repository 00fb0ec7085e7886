"""``python -m briefgen``."""

from briefgen.launch import main

main()
