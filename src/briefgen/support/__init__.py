"""The support check: every sentence a brief prints is compared with the passages it cites.

A stage between the inputs (sources, summary, specs) and compose. ``claims``
judges the summary's claims against their quotes; ``freetext`` judges a spec's
own sentences against the passages of the sources (or claims) they cite;
``sourcecheck`` asks that every source be checkable; ``timecheck`` makes time
explicit. Every finding is a ``briefgen.errors.Problem``.
"""
