"""Training examples with the names of the genre: what a parser must not stumble over.

UD German has few names shaped like the ones sovkg reads: "openDesk", "GovTeuken",
"NRW.Genius", "F13", "InnoLab_bw", "ZenDiS". A parser that never saw such a word in a
noun phrase takes it for a verb or a particle ("GovTeuken/VERB", "openDesk/ADV"), and
the relation patterns then see no subject or object. The augmenter adds, for a share
of the sentences with proper nouns, a copy in which every proper noun is replaced by
a name of such a shape (same tag, features and attachment), so the model learns that
an unknown word of a name's shape in a noun's place is a name.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator

from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import registry

_PARTS = ("Gov", "Open", "Zen", "Dis", "Teuken", "Desk", "Code", "Inno", "Lab", "Genius", "Moin", "Lumi", "Nova",
          "Data", "Port", "Cloud", "Sky", "Hub", "Link", "Sphere", "Star", "Neo", "Kai", "Mint", "Flux", "Bridge")


def name_shape(rng: random.Random) -> str:
    """A made-up name of one of the genre's shapes."""
    a, b = rng.choice(_PARTS), rng.choice(_PARTS)
    acronym = "".join(rng.choice("ABCDEFGHIKLMNOPRSTUVWZ") for _ in range(rng.randint(2, 5)))
    shapes = (a + b, a.lower() + b, acronym, f"{acronym}.{b}", f"{a.lower()}.{acronym}", f"{acronym[0]}{rng.randint(2, 99)}",
              f"{a}{b}_{acronym.lower()[:2]}", f"{a[:3].upper()}{b}", a + b.upper())
    return rng.choice(shapes)


def with_names(nlp: Language, example: Example, rng: random.Random) -> Example:
    """A copy of the example with every proper noun renamed (gold tokens kept)."""
    ref = example.reference
    words = [name_shape(rng) if t.pos_ == "PROPN" and t.is_alpha else t.text for t in ref]
    lemmas = [w if t.pos_ == "PROPN" and t.is_alpha else t.lemma_ for w, t in zip(words, ref)]
    doc = Doc(nlp.vocab, words=words, spaces=[bool(t.whitespace_) for t in ref], heads=[t.head.i for t in ref],
              deps=[t.dep_ for t in ref], pos=[t.pos_ for t in ref], tags=[t.tag_ for t in ref],
              morphs=[str(t.morph) for t in ref], lemmas=lemmas)
    predicted = Doc(nlp.vocab, words=words, spaces=[bool(t.whitespace_) for t in ref])
    return Example(predicted, doc)


@registry.augmenters("sovkg.name_shapes.v1")
def create_name_shapes(level: float = 0.5, seed: int = 0) -> Callable[[Language, Example], Iterator[Example]]:
    """Yields each example, and for ``level`` of those with proper nouns a renamed copy."""
    rng = random.Random(seed)

    def augment(nlp: Language, example: Example) -> Iterator[Example]:
        yield example
        if any(t.pos_ == "PROPN" for t in example.reference) and rng.random() < level:
            yield with_names(nlp, example, rng)

    return augment
