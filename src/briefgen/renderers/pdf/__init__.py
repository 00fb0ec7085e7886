"""renderers/pdf: see the pipeline in README.md."""

from briefgen.renderers.pdf.lazyre import import_reportlab

import_reportlab()  # first, before any module here imports reportlab: its unused patterns stay uncompiled
