"""inputs: see the pipeline in README.md."""
