"""drafting: see the pipeline in README.md."""
