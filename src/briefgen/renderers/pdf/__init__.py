"""renderers/pdf: see the pipeline in README.md."""
