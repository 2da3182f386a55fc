"""The curated knowledge base: known actors of the field with types and aliases.

The knowledge base is Turtle (``ontology/kb.ttl``) so analysts can load it like any
other graph; this module reads it into plain :class:`KBEntry` records for the linker,
which must not depend on RDF. It is optional: ``--kb none`` builds without it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sovkg.errors import ConfigError

KB_NAMESPACE = "https://w3id.org/sovkg/id/entity/"
ONTOLOGY_NAMESPACE = "https://w3id.org/sovkg/ontology#"
ENTITY_TYPES = (
    "Person", "Party", "GovernmentBody", "ResearchOrganization", "Company", "Organization",
    "Initiative", "Infrastructure", "Place", "Policy", "Technology",
)


@dataclass(frozen=True, slots=True)
class KBEntry:
    key: str
    label: str
    type: str
    aliases: tuple[str, ...]
    wikidata: str | None = None
    #: a lexicon term that names one product ("LibreOffice"), not a concept ("KI")
    product: bool = False


def default_kb_path() -> Path:
    from sovkg.ontology import ontology_path

    return ontology_path("kb.ttl")


def resolve_kb(value: str | Path | None) -> Path | None:
    """Turn a ``--kb`` value ("default", "none" or a path) into a path or None."""
    if value is None or str(value).lower() == "none":
        return None
    if str(value) == "default":
        return default_kb_path()
    path = Path(value)
    if not path.is_file():
        raise ConfigError(f"{path}: knowledge base not found (give a Turtle file, 'default' or 'none')")
    return path


def load_kb(path: Path) -> tuple[KBEntry, ...]:
    """Read the entries of a knowledge base file, sorted by key."""
    return _load_kb(path.resolve(), path.stat().st_mtime_ns)


@lru_cache(maxsize=4)
def _load_kb(path: Path, _mtime: int) -> tuple[KBEntry, ...]:
    import rdflib
    from rdflib.namespace import RDF, SKOS

    graph = rdflib.Graph()
    try:
        graph.parse(path, format="turtle")
    except Exception as exc:  # rdflib raises many parser-specific types
        raise ConfigError(f"{path}: knowledge base is not valid Turtle ({exc})") from None
    entries = []
    for subject in sorted(set(graph.subjects(RDF.type, None))):
        if not isinstance(subject, rdflib.URIRef) or not subject.startswith(KB_NAMESPACE):
            continue
        types = sorted(
            str(t)[len(ONTOLOGY_NAMESPACE):]
            for t in graph.objects(subject, RDF.type)
            if str(t).startswith(ONTOLOGY_NAMESPACE)
        )
        types = [t for t in types if t in ENTITY_TYPES]
        labels = sorted(graph.objects(subject, SKOS.prefLabel), key=lambda l: (l.language != "de", str(l)))
        if not types or not labels:
            raise ConfigError(f"{path}: entry <{subject}> needs an entity type and a skos:prefLabel")
        wikidata = next(
            (str(o) for o in sorted(graph.objects(subject, SKOS.exactMatch)) if "wikidata.org" in str(o)),
            None,
        )
        label = str(labels[0])
        aliases = sorted({str(a) for a in graph.objects(subject, SKOS.altLabel)} - {label})
        entries.append(
            KBEntry(
                key=str(subject)[len(KB_NAMESPACE):],
                label=label,
                type=types[0],
                aliases=tuple(aliases),
                wikidata=wikidata,
            )
        )
    return tuple(entries)
