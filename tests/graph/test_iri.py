import re

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS

from sovkg.graph.iri import mint, slug

SAFE = re.compile(r"^https://w3id\.org/sovkg/id/[a-z]+(/[a-z0-9-]+)+$")

KEYS = [
    "Ministerium für Heimat, Kommunales, Bau und Digitalisierung",
    "Straße",
    "Strasse",
    "BÜNDNIS 90/DIE GRÜNEN",
    'Förderprogramm „Digitale Zukunft KI“ "quoted" <b>',
    "18/13128",
    "18-13128",
    "L" * 500,
    "L" * 501,
    "ZaKI.D",
    "zaki-d",
]


@pytest.mark.parametrize("key", KEYS)
def test_minted_iris_are_safe_and_readable(key: str) -> None:
    iri = mint("entity", key)
    assert SAFE.match(str(iri)), iri
    assert len(str(iri)) < 140


def test_umlauts_and_sharp_s_are_transliterated() -> None:
    assert slug("Düsseldorf").startswith("duesseldorf-")
    assert slug("Straße").startswith("strasse-")


def test_distinct_keys_never_share_an_iri() -> None:
    iris = [mint("entity", k) for k in KEYS]
    assert len(set(iris)) == len(KEYS)


def test_minting_is_stable_and_keeps_safe_keys_verbatim() -> None:
    assert mint("entity", "nrw-genius") == URIRef("https://w3id.org/sovkg/id/entity/nrw-genius")
    assert mint("mention", "doc-1", "10-20") == mint("mention", "doc-1", "10-20")
    assert str(mint("mention", "doc-1", "10-20")).endswith("/id/mention/doc-1/10-20")


def test_minted_iris_round_trip_through_turtle() -> None:
    graph = Graph()
    for key in KEYS:
        graph.add((mint("entity", key), RDFS.label, Literal(key)))
    again = Graph().parse(data=graph.serialize(format="turtle"), format="turtle")
    assert set(again) == set(graph)


def test_unknown_kinds_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown IRI kind"):
        mint("thing", "x")
