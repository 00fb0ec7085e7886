"""Leaf text helpers (sentences, words): they import nothing from later stages."""
