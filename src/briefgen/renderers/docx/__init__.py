"""renderers/docx: see the pipeline in README.md."""
