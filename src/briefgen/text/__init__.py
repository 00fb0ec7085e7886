"""Leaf text helpers shared by every stage: words (tokens, stems, kinds) and sentences."""
