"""Text to records: reading documents and the spaCy pipeline.

Everything here hands over plain records (:mod:`sovkg.extract.records`) with character
offsets into the source text; nothing here knows RDF.
"""
