"""Every library query on the bundled sample's build: it parses, runs, agrees across backends,
and the ones that need no parameter find what the sample says."""

from __future__ import annotations

import pytest
from rdflib import Literal

from sovkg.graph.sparql import library, run
from sovkg.graph.store import count_quads, load_store

pytestmark = pytest.mark.slow



@pytest.fixture(scope="module")
def stores(sample_build) -> dict[str, object]:
    return {backend: load_store(sample_build.out, backend=backend) for backend in ("oxigraph", "rdflib")}


def _values(results, name: str) -> list[str]:
    return [str(term) for term in results.column(name)]


def test_the_store_holds_the_build(stores, sample_build) -> None:
    assert count_quads(stores["oxigraph"]) == count_quads(stores["rdflib"]) > 4000


@pytest.mark.parametrize("query", library(), ids=lambda q: q.name)
def test_each_query_runs_with_the_same_rows_on_both_backends(stores, query, comparable_rows) -> None:
    params = query.examples
    assert set(params) == set(query.param_names), "give each # param: an example (e.g. …)"
    oxigraph = run(query, stores["oxigraph"], params=params)
    rdflib = run(query, stores["rdflib"], params=params)
    assert oxigraph.vars == rdflib.vars
    assert comparable_rows(oxigraph) == comparable_rows(rdflib)
    if params:
        assert oxigraph.rows, f"{query.name} finds nothing for {params}"


def test_at_least_twelve_parameterless_queries_return_rows(stores) -> None:
    plain = [q for q in library() if not q.params]
    with_rows = [q.name for q in plain if run(q, stores["oxigraph"]).rows]
    assert len(with_rows) >= 12, sorted(set(q.name for q in plain) - set(with_rows))


def test_initiatives_of_the_sample(stores) -> None:
    results = run("initiatives", stores["oxigraph"])
    labels = _values(results, "label")
    for name in ("NRW.Genius", "KI.NRW", "AI Village", "ZaKI.D", "NEXT.IN.NRW"):
        assert name in labels
    rows = {str(r[1]): r for r in results.rows}
    assert str(rows["Digitale Zukunft KI"][results.vars.index("operatedBy")]).startswith("Ministerium für Wirtschaft")
    assert str(rows["KI.NRW Flagships"][results.vars.index("partOf")]) == "KI.NRW"


def test_who_uses_open_source_in_the_sample(stores) -> None:
    users = _values(run("open-source-users", stores["oxigraph"]), "userLabel")
    assert "NRW.Genius" in users


def test_the_sample_has_two_documents_a_day_apart_in_time(stores) -> None:
    results = run("documents", stores["oxigraph"])
    assert _values(results, "type") == ["KleineAnfrage", "Antwort"]
    assert _values(results, "drucksache")[0] == "18/13128"
    assert results.column("date") == [Literal("2025-03-17", datatype=results.column("date")[0].datatype),
                                      Literal("2025-04-24", datatype=results.column("date")[0].datatype)]


def test_entities_by_type_counts_mentions(stores) -> None:
    results = run("entities-by-type", stores["oxigraph"])
    rows = {(str(r[0]), str(r[2])): int(r[3]) for r in results.rows}
    assert rows[("Initiative", "NRW.Genius")] >= 3
    assert rows[("Technology", "Open Source")] >= 5


def test_declined_answer_and_asking_party_of_the_sample(stores) -> None:
    assert _values(run("declined-answers", stores["oxigraph"]), "number") == ["3"]
    parties = run("questions-by-party", stores["oxigraph"])
    assert [(str(r[1]), int(r[3])) for r in parties.rows] == [("Freie Demokratische Partei", 5)]


def test_evidence_cuts_the_sentence_out_of_the_sample(stores) -> None:
    from importlib.resources import files

    source = files("sovkg").joinpath("data", "sample", "nrw-18-13128-kleine-anfrage-5276.txt").read_text(
        encoding="utf-8")
    params = {"s": "e:nrw-genius", "p": "sovkg:uses", "o": "e:open-source"}
    results = run("evidence", stores["oxigraph"], params=params)
    for row in results.dicts():
        assert source[int(row["start"]):int(row["end"])] == str(row["sentence"])
    assert any("Open-Source-Komponenten" in str(r["sentence"]) for r in results.dicts())


def test_entity_mentions_point_at_the_words_in_the_source(stores) -> None:
    from importlib.resources import files

    source = files("sovkg").joinpath("data", "sample", "nrw-18-13128-kleine-anfrage-5276.txt").read_text(
        encoding="utf-8")
    results = run("entity-mentions", stores["rdflib"], params={"entity": "e:jupiter"})
    assert results.rows
    for row in results.dicts():
        assert source[int(row["start"]):int(row["end"])] == str(row["surfaceForm"])
