"""The custom ``Doc``/``Span`` attributes of the pipeline, registered once.

They hold plain data (strings, tuples of frozen records) so that docs survive
``DocBin`` and multiprocessing.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span


def register_extensions() -> None:
    """Register the extensions if they are not there yet (never with ``force``)."""
    if not Span.has_extension("sovkg_method"):
        # The component (and rule) that found a span: the provenance of a mention.
        Span.set_extension("sovkg_method", default=None)
    if not Span.has_extension("sovkg_name"):
        # A canonical name for a span found in a structural role ("Ministerium für …").
        Span.set_extension("sovkg_name", default=None)
    if not Doc.has_extension("sovkg_parts"):
        # The documents in the text with their structure (sovkg.extract.records.DocumentPart).
        Doc.set_extension("sovkg_parts", default=())
