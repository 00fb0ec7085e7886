"""The default brief templates and house styles, shipped inside briefgen as ``briefgen.defaults``.

This folder is both the example project's templates and the defaults every project falls back to.
"""
