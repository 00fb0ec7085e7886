"""briefgen: cited policy briefs, in DOCX and PDF, from sources, a structured summary and YAML specs."""

__version__ = "0.1.0"
