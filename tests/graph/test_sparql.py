"""The query library and its runner on a small hand-written build, on every embedded backend.

``tests/data/sparql/fixture.trig`` plus the ontology is a build in miniature; each
library query is checked against the rows it must give there, on rdflib's memory
store, on Oxigraph with its merged default graph, and on Oxigraph querying the union
of the named graphs (which keeps duplicate triples, as an Oxigraph server does).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from sovkg.graph import sparql
from sovkg.graph.sparql import (
    ParameterError,
    QueryError,
    Results,
    format_results,
    library,
    load_query,
    parse_query,
    parse_value,
    results_from_json,
    run,
    term_n3,
    to_dataframe,
    values_clause,
)
from sovkg.graph.store import load_store
from sovkg.ontology import ontology_path

FIXTURE = Path(__file__).parents[1] / "data" / "sparql" / "fixture.trig"
E = "https://w3id.org/sovkg/id/entity/"
DOC = "https://w3id.org/sovkg/id/doc/"
SOVKG = "https://w3id.org/sovkg/ontology#"
BACKENDS = ("rdflib", "oxigraph", "oxigraph-union")


@pytest.fixture(scope="module")
def build_dir(tmp_path_factory) -> Path:
    """The fixture with the ontology graph added, as a build folder."""
    from rdflib import Dataset

    dataset = Dataset()
    dataset.parse(FIXTURE, format="trig")
    dataset.graph(URIRef("https://w3id.org/sovkg/id/graph/ontology")).parse(
        ontology_path("sovkg.ttl"), format="turtle")
    out = tmp_path_factory.mktemp("sparql-fixture")
    dataset.serialize(out / "graph.trig", format="trig")
    return out


@pytest.fixture(scope="module")
def stores(build_dir: Path) -> dict[str, object]:
    import pyoxigraph as ox

    union = ox.Store()
    union.load(path=str(build_dir / "graph.trig"), format=ox.RdfFormat.TRIG)
    return {
        "rdflib": load_store(build_dir, backend="rdflib"),
        "oxigraph": load_store(build_dir, backend="oxigraph"),
        "oxigraph-union": union,
    }


@pytest.fixture(params=BACKENDS)
def store(request, stores):
    return stores[request.param]


def rows(results: Results, *names: str) -> list[tuple]:
    """The named columns as Python values, sorted: the same whatever the backend's order."""
    columns = [results.vars.index(n) for n in names]
    values = [
        tuple(None if row[i] is None else row[i].toPython() if isinstance(row[i], Literal) else str(row[i])
              for i in columns)
        for row in results.rows
    ]
    return sorted(values, key=lambda row: tuple((v is not None, str(v)) for v in row))


# -- headers and the library -------------------------------------------------------


def test_header_fields_and_params_are_read() -> None:
    query = parse_query("# title: T\n# description: first\n#   continued\n"
                        "# param: a — the a\n# param: b - the b\nSELECT ?a ?b WHERE {}", name="q")
    assert (query.title, query.description) == ("T", "first continued")
    assert [(p.name, p.meaning) for p in query.params] == [("a", "the a"), ("b", "the b")]


def test_a_param_line_without_meaning_is_an_error_naming_the_query() -> None:
    with pytest.raises(QueryError, match="query 'q'.*name — meaning"):
        parse_query("# param: a\nSELECT ?a WHERE {}", name="q")


def test_the_library_has_its_queries_each_with_title_description_and_used_params() -> None:
    from rdflib.plugins.sparql.parser import parseQuery

    queries = library()
    assert len(queries) >= 15
    for query in queries:
        assert query.title and query.description, query.name
        parsed = parseQuery(query.text)[1]
        projected = {str(p["var"] if "var" in p.keys() else p["evar"]) for p in parsed["projection"]}
        for param in query.param_names:
            # portability: a trailing VALUES block binds only projected variables
            assert param in projected, (query.name, param)


def test_load_query_takes_names_files_and_text(tmp_path: Path) -> None:
    assert load_query("initiatives").title == "Initiatives with who runs and funds them"
    path = tmp_path / "mine.rq"
    path.write_text("# title: Mine\nSELECT ?x WHERE { }", encoding="utf-8")
    assert load_query(str(path)).title == "Mine"
    assert load_query("SELECT ?x WHERE { }").name == "inline query"
    with pytest.raises(QueryError, match="no query named 'nonesuch'.*sovkg queries"):
        load_query("nonesuch")
    with pytest.raises(QueryError, match="missing.rq: cannot be read"):
        load_query(str(tmp_path / "missing.rq"))


# -- parameters ---------------------------------------------------------------------


@pytest.mark.parametrize(("text", "term"), [
    ("e:alpha", URIRef(E + "alpha")),
    ("<https://example.org/x>", URIRef("https://example.org/x")),
    ("https://example.org/x", URIRef("https://example.org/x")),
    ("doc:one/antwort", URIRef(DOC + "one/antwort")),
    ("sovkg:uses", URIRef(SOVKG + "uses")),
    ('"Alpha.NRW"@de', Literal("Alpha.NRW", lang="de")),
    ('"5"^^xsd:integer', Literal(5)),
    ('"a \\"quoted\\" word"', Literal('a "quoted" word')),
    ("18/1", Literal("18/1")),
    ("Open Source", Literal("Open Source")),
    ("unknown:prefix", Literal("unknown:prefix")),
])
def test_parse_value(text: str, term) -> None:
    assert parse_value(text) == term


@pytest.mark.parametrize("text", [
    "<https://x.org/a> } UNION { ?s ?p ?o",
    "<https://x.org/a b>",
    "<no-scheme>",
    '"x"@not a tag',
    '"unterminated',
])
def test_invalid_iris_and_literals_are_refused(text: str) -> None:
    with pytest.raises(ParameterError):
        parse_value(text)


def test_unknown_and_missing_parameters_are_errors_naming_the_query(stores) -> None:
    with pytest.raises(ParameterError, match="query 'entity' has no parameter 'entiti'.*takes: entity"):
        run("entity", stores["oxigraph"], params={"entity": "e:alpha", "entiti": "x"})
    with pytest.raises(ParameterError, match="query 'entity' needs --param entity=VALUE"):
        run("entity", stores["rdflib"])
    with pytest.raises(ParameterError, match="query 'initiatives' has no parameter 'x'.*takes: none"):
        run("initiatives", stores["rdflib"], params={"x": "1"})
    with pytest.raises(ParameterError, match="query 'entity', parameter 'entity'.*not an absolute IRI"):
        run("entity", stores["rdflib"], params={"entity": URIRef("https://x.org/a> } {")})
    assert issubclass(ParameterError, sparql.SovkgError)


def test_literals_are_escaped_so_that_no_value_ends_its_string() -> None:
    evil = 'x" } UNION { ?s ?p ?o } #\\\n\t\\u0022'
    text = term_n3(Literal(evil))
    assert text.startswith('"') and text.endswith('"') and "\n" not in text
    # the value parses back to itself: it stayed one token
    from rdflib.plugins.sparql import prepareQuery

    query = prepareQuery(f"SELECT ?v WHERE {{ }} VALUES ?v {{ {text} }}")
    assert query.algebra is not None
    assert values_clause({"v": Literal(evil)}).count("VALUES") == 1


def test_values_clause_binds_iris_and_typed_literals() -> None:
    clause = values_clause({"s": URIRef(E + "alpha"), "n": Literal(5)})
    assert clause == f'\nVALUES (?n ?s) {{ ("5"^^<{XSD.integer}> <{E}alpha>) }}\n'


@pytest.mark.parametrize("evil", [
    'x" } UNION { ?s ?p ?o } #',
    "e:alpha> } UNION { ?entity ?property ?value",
    "SELECT * WHERE { ?s ?p ?o }",
    '"}) . ?entity ?property ?value . FILTER("',
])
def test_an_injection_through_a_parameter_finds_nothing(store, evil: str) -> None:
    results = run("entity", store, params={"entity": evil})
    assert results.rows == ()


def test_an_injection_finds_nothing_through_a_values_block(stores) -> None:
    """What an endpoint gets: the query text plus a VALUES block built here."""
    query = load_query("entity")
    body = "\n".join(line for line in query.text.splitlines() if not line.startswith("#"))
    for evil in ('x" } UNION { ?s ?p ?o } #', "a\\\" } UNION {"):
        text = body + values_clause({"entity": Literal(evil)})
        assert run(text, stores["rdflib"]).rows == ()
        assert run(text, stores["oxigraph"]).rows == ()


def test_updates_are_refused(stores) -> None:
    for store in stores.values():
        with pytest.raises(QueryError, match="is an update; sovkg only reads"):
            run("PREFIX a: <https://x.org/>\nINSERT DATA { a:b a:c a:d }", store)


# -- the library's queries on the fixture, on every backend ----------------------------


def test_initiatives(store) -> None:
    results = run("initiatives", store)
    assert rows(results, "label", "operatedBy", "fundedBy", "locatedIn", "documents") == [
        ("Alpha.NRW", "Ministerium Y", "Ministerium X", "Köln", 3),
        ("Beta", None, None, None, 1),
    ]


def test_entity(store) -> None:
    results = run("entity", store, params={"entity": "e:alpha"})
    found = set(rows(results, "direction", "property", "valueLabel"))
    assert ("out", SOVKG + "fundedBy", "Ministerium X") in found
    assert ("in", SOVKG + "cooperatesWith", "Beta") in found
    assert ("in", SOVKG + "mentions", "Alpha und Beta") in found
    assert ("out", "http://www.w3.org/2004/02/skos/core#altLabel", None) in found
    assert not any(p == SOVKG + "refersTo" for _, p, _ in found)


def test_initiative_places(store) -> None:
    assert rows(run("initiative-places", store), "label", "placeLabel", "direct") == [
        ("Alpha.NRW", "Köln", True)]


def test_funding(store) -> None:
    results = run("funding", store)
    assert rows(results, "funderLabel", "fundedLabel", "amount", "currency", "document") == [
        ("Ministerium X", "Alpha.NRW", 5000000.0, "EUR", DOC + "one/antwort")]


def test_entity_mentions(store) -> None:
    results = run("entity-mentions", store, params={"entity": "e:alpha"})
    assert rows(results, "document", "start", "surfaceForm") == [
        (DOC + "one/antwort", 0, "Alpha"), (DOC + "one/antwort", 63, "Alpha"),
        (DOC + "one/kleine-anfrage", 81, "Alpha"), (DOC + "two/kleine-anfrage", 0, "Projekt Alpha")]


def test_co_mentions(store) -> None:
    results = run("co-mentions", store)
    pairs = {(a, b): n for a, b, n in rows(results, "aLabel", "bLabel", "sentences")}
    assert pairs[("Alpha.NRW", "Open Source")] == 1
    assert pairs[("Alpha.NRW", "Ministerium X")] == 1
    assert pairs[("Alpha.NRW", "Beta")] == 1
    assert len(pairs) == 6  # alpha–oss, alpha–köln, köln–oss, alpha–mwx, alpha–beta, alpha–ki


def test_entities_by_type(store) -> None:
    results = run("entities-by-type", store)
    assert ("Initiative", "Alpha.NRW", 4, 3) in rows(results, "type", "label", "mentions", "documents")
    assert "Nie Erwähnt GmbH" not in {r[0] for r in rows(results, "label")}


def test_mentions_over_time(store) -> None:
    results = run("mentions-over-time", store)
    assert [r for r in rows(results, "month", "label", "mentions") if r[1] == "Alpha.NRW"] == [
        ("2025-01", "Alpha.NRW", 1), ("2025-02", "Alpha.NRW", 2), ("2025-03", "Alpha.NRW", 1)]


def test_questions_by_party(store) -> None:
    assert rows(run("questions-by-party", store), "partyLabel", "kleineAnfragen", "questions",
                "answered", "declined") == [("Partei Eins", 2, 4, 4, 1), ("Partei Zwei", 1, 2, 2, 0)]


def test_documents_by_party(store) -> None:
    assert rows(run("documents-by-party", store), "party", "drucksache", "members") == [
        ("Partei Eins", "18/1", 1), ("Partei Eins", "18/3", 1), ("Partei Zwei", "18/3", 1)]


def test_initiatives_by_parliament(store) -> None:
    assert rows(run("initiatives-by-parliament", store), "parliament", "label", "papers") == [
        ("Landtag Eins", "Alpha.NRW", 2), ("Landtag Eins", "Beta", 1), ("Landtag Zwei", "Alpha.NRW", 1)]


def test_declined_answers(store) -> None:
    assert rows(run("declined-answers", store), "number", "cue", "ministry") == [
        ("2", "nicht möglich", "Ministerium X")]


def test_ministries_by_answers(store) -> None:
    assert rows(run("ministries-by-answers", store), "ministry", "antworten", "inAgreement", "declined") == [
        ("Ministerium X", 1, 0, 1), ("Ministerium Y", 1, 1, 0)]


@pytest.mark.parametrize("document", ["doc:one/kleine-anfrage", "doc:one/antwort"])
def test_questions_and_answers(store, document: str) -> None:
    results = run("questions-and-answers", store, params={"document": document})
    assert rows(results, "number", "declined", "ministry") == [
        ("1", False, "Ministerium X"), ("2", True, "Ministerium X")]


def test_a_joint_answer_answers_both_questions(store) -> None:
    results = run("questions-and-answers", store, params={"document": "doc:two/antwort"})
    assert [a[:40] for _, a in rows(results, "number", "answer")] == [
        "Die Fragen 1 und 2 werden zusammen beant"] * 2


def test_entity_in_answers(store) -> None:
    results = run("entity-in-answers", store, params={"entity": "e:alpha"})
    assert rows(results, "antwort", "number", "ministry") == [
        (DOC + "one/antwort", "1", "Ministerium X"), (DOC + "two/antwort", "1,2", "Ministerium Y"),
        (DOC + "two/antwort", "1,2", "Ministerium Y")]  # once per question it answers


def test_open_source_users(store) -> None:
    assert rows(run("open-source-users", store), "userLabel", "userType", "documents") == [
        ("Alpha.NRW", "Initiative", 1)]


def test_evidence(store) -> None:
    results = run("evidence", store, params={"s": "e:alpha", "p": "sovkg:fundedBy", "o": "e:mwx"})
    assert rows(results, "document", "sentence", "start", "end", "method", "confidence", "amount") == [
        (DOC + "one/antwort", "Ministerium X fördert Alpha mit 5 Mio. Euro.", 41, 80,
         "sovkg_relations:funding", 0.75, 5000000.0)]


def test_evidence_of_a_symmetric_relation_counts_either_way(store) -> None:
    forward = run("evidence", store, params={"s": "e:beta", "p": "sovkg:cooperatesWith", "o": "e:alpha"})
    backward = run("evidence", store, params={"s": "e:alpha", "p": "sovkg:cooperatesWith", "o": "e:beta"})
    assert rows(forward, "sentence") == rows(backward, "sentence") == [("Alpha und Beta kooperieren.",)]
    assert run("evidence", store, params={"s": "e:oss", "p": "sovkg:uses", "o": "e:alpha"}).rows == ()


def test_unrelated_entities(store) -> None:
    # every other mentioned entity takes part in a relation, in one direction or the other
    assert rows(run("unrelated-entities", store), "label", "type", "mentions") == [
        ("Künstliche Intelligenz", "Technology", 1)]


def test_multi_document_entities(store) -> None:
    assert rows(run("multi-document-entities", store), "label", "documents", "mentions") == [
        ("Alpha.NRW", 3, 4)]


def test_documents(store) -> None:
    results = run("documents", store)
    assert rows(results, "document", "type", "drucksache", "entities") == [
        (DOC + "one/antwort", "Antwort", "18/2", 4), (DOC + "one/kleine-anfrage", "KleineAnfrage", "18/1", 2),
        (DOC + "two/antwort", "Antwort", None, 0), (DOC + "two/kleine-anfrage", "KleineAnfrage", "18/3", 2)]


def test_document_entities(store) -> None:
    results = run("document-entities", store, params={"document": "doc:one/antwort"})
    assert rows(results, "label", "type", "mentions", "firstAt") == [
        ("Alpha.NRW", "Initiative", 2, 0), ("Köln", "Place", 1, 36), ("Ministerium X", "GovernmentBody", 1, 41),
        ("Open Source", "Technology", 1, 12)]


def test_surface_forms(store) -> None:
    assert [r for r in rows(run("surface-forms", store), "label", "surfaceForm", "mentions")
            if r[0] == "Alpha.NRW"] == [("Alpha.NRW", "Alpha", 3), ("Alpha.NRW", "Projekt Alpha", 1)]


def test_relations(store) -> None:
    results = run("relations", store)
    assert rows(results, "sLabel", "p", "oLabel", "evidence") == [
        ("Alpha.NRW", SOVKG + "fundedBy", "Ministerium X", 1),
        ("Alpha.NRW", SOVKG + "locatedIn", "Köln", 0),
        ("Alpha.NRW", SOVKG + "operatedBy", "Ministerium Y", 0),
        ("Alpha.NRW", SOVKG + "uses", "Open Source", 1),
        ("Anna Asker", SOVKG + "memberOf", "Partei Eins", 0),
        ("Bernd Frager", SOVKG + "memberOf", "Partei Zwei", 0),
        ("Beta", SOVKG + "cooperatesWith", "Alpha.NRW", 1),
    ]


def test_askers(store) -> None:
    assert rows(run("askers", store), "name", "party", "kleineAnfragen", "questions", "first", "latest") == [
        ("Anna Asker", "Partei Eins", 2, 4, __import__("datetime").date(2025, 1, 10),
         __import__("datetime").date(2025, 3, 5)),
        ("Bernd Frager", "Partei Zwei", 1, 2, __import__("datetime").date(2025, 3, 5),
         __import__("datetime").date(2025, 3, 5)),
    ]


def test_extraction_methods(store) -> None:
    results = rows(run("extraction-methods", store), "kind", "method", "found")
    assert ("mention", "sovkg_gazetteer:kb-alias", 8) in results
    assert ("relation", "sovkg_relations:funding", 1) in results


def test_unmentioned_kb_entries(store) -> None:
    assert rows(run("unmentioned-kb-entries", store), "type", "label") == [("Company", "Nie Erwähnt GmbH")]


def test_every_library_query_is_tested_here() -> None:
    tested = {name.removeprefix("test_").replace("_", "-") for name in globals() if name.startswith("test_")}
    tested |= {"questions-and-answers", "evidence"}
    missing = [q.name for q in library() if q.name not in tested and q.name.replace("-", "_") not in tested]
    assert not missing, f"add a fixture test for {missing}"


# -- results ------------------------------------------------------------------------


def test_ask_and_construct(store) -> None:
    assert run("ASK { ?s a <https://w3id.org/sovkg/ontology#Initiative> }", store).boolean is True
    graph = run("CONSTRUCT { ?s ?p ?o } WHERE { BIND(<https://x.org/s> AS ?s) BIND(<https://x.org/p> AS ?p) "
                "BIND(\"o\" AS ?o) }", store)
    assert graph.kind == "graph"
    assert graph.triples == ((URIRef("https://x.org/s"), URIRef("https://x.org/p"), Literal("o")),)
    assert "<https://x.org/s> <https://x.org/p> \"o\" ." in format_results(graph, "nt")


def test_max_rows_marks_results_truncated(store) -> None:
    results = run("SELECT ?s WHERE { ?s ?p ?o }", store, max_rows=3)
    assert len(results.rows) == 3 and results.truncated


def test_a_syntax_error_is_one_line_naming_the_query(store) -> None:
    with pytest.raises(QueryError, match="query 'inline query' is not valid SPARQL") as info:
        run("SELECT ?x WHERE { ?x", store)
    assert "\n" not in str(info.value)


SAMPLE = Results("select", vars=("iri", "lit", "lang", "num", "blank", "none"), rows=(
    (URIRef(E + "alpha"), Literal('say "hi",\tthen\nbye'), Literal("Köln", lang="de"), Literal(5),
     BNode("b0"), None),
))


def test_json_results_round_trip() -> None:
    text = format_results(SAMPLE, "json")
    assert results_from_json(json.loads(text)) == SAMPLE
    assert json.loads(text)["results"]["bindings"][0]["lang"] == {
        "type": "literal", "value": "Köln", "xml:lang": "de"}


def test_csv_tsv_xml_and_table() -> None:
    csv_text = format_results(SAMPLE, "csv")
    assert csv_text.startswith("iri,lit,lang,num,blank,none\r\n")
    assert f'{E}alpha,"say ""hi"",\tthen\nbye",Köln,5,_:b0,' in csv_text
    tsv = format_results(SAMPLE, "tsv").splitlines()
    assert tsv[0] == "?iri\t?lit\t?lang\t?num\t?blank\t?none"
    assert tsv[1].split("\t") == [f"<{E}alpha>", '"say \\"hi\\",\\tthen\\nbye"', '"Köln"@de',
                                  f'"5"^^<{XSD.integer}>', "_:b0", ""]
    import xml.dom.minidom

    xml.dom.minidom.parseString(format_results(SAMPLE, "xml"))
    table = format_results(SAMPLE, "table", width=10)
    assert "e:alpha" in table and "say \"hi\",…" in table and "(1 row)" in table


def test_a_graph_format_for_select_results_is_an_error() -> None:
    with pytest.raises(QueryError, match="for graphs"):
        format_results(SAMPLE, "turtle")


def test_dataframe(stores) -> None:
    frame = to_dataframe(run("document-entities", stores["oxigraph"], params={"document": "doc:one/antwort"}))
    assert list(frame.columns) == ["document", "entity", "label", "type", "mentions", "firstAt"]
    assert frame.loc[frame.label == "Alpha.NRW", "mentions"].tolist() == [2]
    assert frame["mentions"].dtype.kind == "i"
    frame = sparql.query_dataframe("funding", stores["rdflib"])
    assert frame["amount"].tolist() == [5000000.0]


def test_doctests_run() -> None:
    import doctest

    from sovkg.graph import store

    for module in (sparql, store):
        result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
        assert result.failed == 0, module.__name__
        assert result.attempted > 0, module.__name__


def test_entity_table(store) -> None:
    results = rows(run("entity-table", store), "label", "type", "mentions", "documents")
    assert ("Alpha.NRW", "Initiative", 4, 3) in results and ("Köln", "Place", 1, 1) in results
    assert all(row[2] >= row[3] >= 1 for row in results)


def test_entity_aliases(store) -> None:
    assert rows(run("entity-aliases", store), "entity", "alias") == [
        ("https://w3id.org/sovkg/id/entity/alpha", "Projekt Alpha")]


def test_relation_evidence(store) -> None:
    assert rows(run("relation-evidence", store), "subjectLabel", "predicate", "objectLabel", "start", "end") == [
        ("Alpha.NRW", "fundedBy", "Ministerium X", 41, 80), ("Alpha.NRW", "uses", "Open Source", 0, 40),
        ("Beta", "cooperatesWith", "Alpha.NRW", 81, 99)]


def test_questions(store) -> None:
    assert rows(run("questions", store), "anfrage", "number", "text") == [
        (DOC + "one/kleine-anfrage", "1", "1. Was ist Alpha?"), (DOC + "one/kleine-anfrage", "2", "2. Was kostet Alpha?"),
        (DOC + "two/kleine-anfrage", "1", "1. Wer betreibt Alpha?"), (DOC + "two/kleine-anfrage", "2", "2. Wo ist Alpha?")]


def test_answers(store) -> None:
    assert rows(run("answers", store), "antwort", "number", "declined", "cue") == [
        (DOC + "one/antwort", "1", False, None), (DOC + "one/antwort", "2", True, "nicht möglich"),
        (DOC + "two/antwort", "1,2", False, None)]


def test_no_library_query_looks_like_an_update_to_sparqlwrapper() -> None:
    """SPARQLWrapper guesses a query's form from its words, comments included: a
    description saying "adds" made it refuse a query on every endpoint."""
    from SPARQLWrapper import SPARQLWrapper

    for query in library():
        client = SPARQLWrapper("http://127.0.0.1:9/sparql")
        client.setQuery(query.text)
        assert not client.isSparqlUpdateRequest(), query.name
