"""Deterministic Turtle and TriG, written atomically.

rdflib's serialisers order triples by hash-dependent set iteration, so two builds of
the same input could differ byte for byte. This writer sorts everything (subjects,
then ``rdf:type`` first and other predicates, then objects) and writes blank nodes
that are used once as nested ``[ … ]``, so the same graph always gives the same bytes
and diffs between builds mean something.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

Triple = tuple[Node, Node, Node]

_LOCAL = re.compile(r"^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?$")


class TermWriter:
    """Writes terms in Turtle syntax, compacting IRIs with the given prefixes."""

    def __init__(self, prefixes: Mapping[str, str]) -> None:
        # Longest namespace first, so "…/id/entity/" wins over "…/".
        self.prefixes = dict(sorted(prefixes.items()))
        self._by_length = sorted(self.prefixes.items(), key=lambda kv: -len(kv[1]))

    def header(self) -> str:
        return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in self.prefixes.items()) + "\n"

    def iri(self, iri: str) -> str:
        for prefix, namespace in self._by_length:
            if iri.startswith(namespace):
                local = iri[len(namespace):]
                if _LOCAL.match(local):
                    return f"{prefix}:{local}"
        return "<" + _escape_iri(iri) + ">"

    def term(self, term: Node) -> str:
        if isinstance(term, URIRef):
            return self.iri(str(term))
        if isinstance(term, Literal):
            lexical = quote_string(str(term))
            if term.language:
                return f"{lexical}@{term.language}"
            if term.datatype is not None and term.datatype != XSD.string:
                return f"{lexical}^^{self.iri(str(term.datatype))}"
            return lexical
        raise TypeError(f"cannot write {term!r} as a plain term")


def quote_string(text: str) -> str:
    """A string literal's lexical form quoted for Turtle, TriG and SPARQL alike."""
    for char, escaped in _STRING_ESCAPES:
        text = text.replace(char, escaped)
    return f'"{text}"'


_STRING_ESCAPES = (("\\", "\\\\"), ('"', '\\"'), ("\n", "\\n"), ("\r", "\\r"),
                   ("\t", "\\t"), ("\b", "\\b"), ("\f", "\\f"))


def _escape_iri(iri: str) -> str:
    return "".join(ch if ch not in '<>"{}|^`\\ ' and ord(ch) > 0x20 else f"\\u{ord(ch):04X}" for ch in iri)


def statements(triples: Iterable[Triple], writer: TermWriter, indent: str) -> str:
    """Turtle statements for a set of triples, deterministically ordered."""
    by_subject: dict[Node, list[tuple[Node, Node]]] = defaultdict(list)
    object_uses: dict[BNode, int] = defaultdict(int)
    for s, p, o in triples:
        by_subject[s].append((p, o))
        if isinstance(o, BNode):
            object_uses[o] += 1
    inline = {b for b, n in object_uses.items() if n == 1 and b in by_subject}

    def objects(node: Node, depth: int) -> str:
        if isinstance(node, BNode):
            if node in inline:
                return "[ " + body(node, depth + 1, " ; ") + " ]"
            raise ValueError("blank nodes shared by several triples are not supported; use IRIs")
        return writer.term(node)

    def body(subject: Node, depth: int, separator: str) -> str:
        groups: dict[Node, list[str]] = defaultdict(list)
        for p, o in by_subject[subject]:
            groups[p].append(objects(o, depth))
        ordered = sorted(groups, key=lambda p: (p != RDF.type, str(p)))
        parts = []
        for p in ordered:
            verb = "a" if p == RDF.type else writer.iri(str(p))
            values = sorted(set(groups[p]))
            # Long object lists get one object per line, so diffs stay readable.
            joiner = " , " if len(values) <= 3 or depth else " ,\n" + " " * (len(indent) + 8)
            parts.append(f"{verb} " + joiner.join(values))
        return separator.join(parts)

    blocks = []
    for subject in sorted(by_subject, key=lambda s: writer.term(s) if not isinstance(s, BNode) else ""):
        if isinstance(subject, BNode):
            if subject in inline:
                continue
            raise ValueError("top-level blank nodes are not supported; use IRIs")
        separator = f" ;\n{indent}    "
        blocks.append(f"{indent}{writer.term(subject)} " + body(subject, 0, separator) + " .\n")
    return "\n".join(blocks)


def turtle(triples: Iterable[Triple], prefixes: Mapping[str, str]) -> str:
    writer = TermWriter(prefixes)
    return writer.header() + statements(triples, writer, "")


def trig(graphs: Mapping[URIRef, Iterable[Triple]], prefixes: Mapping[str, str]) -> str:
    writer = TermWriter(prefixes)
    out = [writer.header()]
    for name in sorted(graphs, key=str):
        out.append(f"{writer.iri(str(name))} {{\n")
        out.append(statements(graphs[name], writer, "    "))
        out.append("}\n\n")
    return "".join(out).rstrip("\n") + "\n"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, text: str) -> None:
    """Write UTF-8 text to ``path`` via a temporary file and a rename.

    A crash or an error never leaves a half-written file where the old one was.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp creates 0600; give the usual mode
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
