"""Training sovkg's statistical models from open German corpora.

The corpora are read from a path given on the command line (users' clones do not
have them); readers turn each corpus format into :class:`~.corpus.Sentence` records,
``labels.tsv`` maps their fine labels to the project's coarse classes, and
:mod:`.ner` writes spaCy ``DocBin`` files and trains with ``ner.cfg``. Run::

    python -m sovkg.extract.training ner --corpora /path/to/nlpdata --out extract/models/ner
"""
