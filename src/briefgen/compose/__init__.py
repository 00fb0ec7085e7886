"""compose: see the pipeline in README.md."""
