"""sovkg: a knowledge graph of digital-sovereignty and AI initiatives from German public-sector documents.

The package is split along one boundary: :mod:`sovkg.extract` turns text into plain
records with spaCy, :mod:`sovkg.graph` turns records into RDF and everything after
(SPARQL, networkx, views) and never imports spaCy. :mod:`sovkg.build` composes the two.
"""

__version__ = "0.1.0"
