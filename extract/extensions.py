"""The custom ``Doc``/``Span`` attributes of the pipeline, registered once.

They hold plain strings so that docs survive ``DocBin`` and multiprocessing.
"""

from __future__ import annotations

from spacy.tokens import Span


def register_extensions() -> None:
    """Register the extensions if they are not there yet (never with ``force``)."""
    if not Span.has_extension("sovkg_method"):
        # The component (and rule) that found a span: the provenance of a mention.
        Span.set_extension("sovkg_method", default=None)
