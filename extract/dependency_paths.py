"""A small path language over dependency trees: where a relation pattern finds its ends.

A path is steps joined by ``.``, read from the cue token outwards:

* ``self``: the cue itself (a path of no steps);
* ``context``: what the text is about where the cue stands, the compatible named thing
  of the last sentences (a path of its own, no steps);
* ``head``: the token the current one depends on;
* ``*`` or ``*:<cases>``: every word below the current one (its subtree), e.g. the
  "durch" phrase of a nominalisation wherever the parser attached it inside the phrase;
* ``<deps>`` or ``<deps>:<cases>``: the children whose relation is one of ``deps``
  (comma-separated UD labels or the aliases in :data:`ALIASES`), and, with
  ``cases``, whose own ``case`` child is one of those lemmas (``|``-separated;
  ``-`` means "no preposition", a genitive or a bare noun phrase; ``gen`` a genitive
  the morphology confirms, which a list of names parsed as a modifier is not).

``subj`` is the cue's subjects; ``obl:von|durch`` the ``von``/``durch`` phrases
attached to it; ``head.subj`` the subjects of the word the cue depends on
("Zusammenarbeit" in "X vertieft die Zusammenarbeit mit Y"). Paths are parsed once,
when the pattern file is loaded, so a typo fails there and not on the first document.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from sovkg.extract.morphology import morph_values

#: Short names for groups of UD relations.
ALIASES: dict[str, frozenset[str]] = {
    "subj": frozenset({"nsubj", "nsubj:pass", "csubj"}),
    "obj": frozenset({"obj", "iobj"}),
    "obl": frozenset({"obl", "obl:agent", "obl:arg", "nmod"}),
    "nmod": frozenset({"nmod", "obl", "obl:arg"}),
    "name": frozenset({"appos", "flat", "flat:name", "compound", "nmod"}),
}
#: Every dependency label the shipped parser predicts (UD German; spaCy calls the root
#: "ROOT"), to check paths and patterns against.
LABELS = frozenset({
    "acl", "acl:relcl", "advcl", "advmod", "amod", "appos", "aux", "aux:pass", "case", "cc", "ccomp",
    "compound", "compound:prt", "conj", "cop", "csubj", "dep", "det", "det:poss", "expl", "expl:pv", "fixed",
    "flat", "flat:name", "iobj", "mark", "nmod", "nmod:poss", "nsubj", "nsubj:pass", "nummod", "obj", "obl",
    "obl:agent", "obl:arg", "parataxis", "punct", "ROOT", "xcomp",
})
NO_CASE = "-"
CONTEXT = "context"
GENITIVE = "gen"


class PathError(ValueError):
    """A path names a relation or step the language does not know."""


@dataclass(frozen=True, slots=True)
class Step:
    """One step: to the head, or to children with one of ``deps`` (and one of ``cases``)."""

    deps: frozenset[str] | None
    cases: frozenset[str] | None = None
    below: bool = False

    def follow(self, token: Token) -> list[Token]:
        if self.below:
            return [t for t in token.subtree if t.i != token.i and t.dep_ != "case" and self._case_fits(t)]
        if self.deps is None:
            return [token.head] if token.head.i != token.i else []
        found = [child for child in token.children if child.dep_ in self.deps and self._case_fits(child)]
        if not found and self.deps & ALIASES["subj"] and _shares_subject(token):
            return self.follow(token.head)  # "Es ist Teil von X und wird von Y finanziert"
        if not found and self.cases is None:
            found = _relative_argument(token, self.deps)
        return found

    def _case_fits(self, token: Token) -> bool:
        if self.cases is None:
            return True
        cases = [c.text.lower() for c in token.children if c.dep_ == "case"]
        edge = token.left_edge  # "von der Technischen Universität": "von" hung on the adjective
        if not cases and edge.dep_ == "case" and edge.i < token.i:
            cases = [edge.text.lower()]
        if not cases:
            return NO_CASE in self.cases or GENITIVE in self.cases and _genitive(token)
        return any(case in self.cases for case in cases)


#: the case a relative pronoun has as the clause's subject or object
_ROLE_CASES = (("subj", frozenset({"Nom"})), ("obj", frozenset({"Acc", "Dat"})))


def _relative_argument(verb: Token, deps: frozenset[str]) -> list[Token]:
    """The relative pronoun of a clause the parser gave no role ("…, den das LRZ betreibt"
    with "den" as a marker): the subject or object its case says it is."""
    for role, cases in _ROLE_CASES:
        if deps & ALIASES[role]:
            return [c for c in verb.children if c.dep_ not in ALIASES["subj"] | ALIASES["obj"]
                    and "Rel" in morph_values(c, "PronType") and cases & set(morph_values(c, "Case"))]
    return []


def _shares_subject(token: Token) -> bool:
    """A verb (or a copula's noun) coordinated with the one before, which has the subject
    both share: "… ist Teil des Netzwerks und wird von der Stiftung finanziert"."""
    head = token.head
    if token.dep_ != "conj" or head.i == token.i:
        return False
    clause = token.pos_ in ("VERB", "AUX") or any(c.dep_ == "cop" for c in head.children)
    # "…, um den Aufbau von X zu fördern" is an aim (marked), whatever the parser calls it
    return clause and not any(c.dep_ in ("nsubj", "nsubj:pass", "mark") for c in token.children)


def _genitive(token: Token) -> bool:
    """The noun or its article is in the genitive ("des Zentrums", "der Universität")."""
    return any("Gen" in morph_values(t, "Case") for t in (token, *(c for c in token.children if c.dep_ == "det")))


@dataclass(frozen=True, slots=True)
class Path:
    """A parsed path; :meth:`follow` gives the tokens it reaches from a cue."""

    text: str
    steps: tuple[Step, ...]
    context: bool = False
    """``context``: the cue itself, standing for what the text is about there (see
    :meth:`sovkg.extract.coreference.MentionIndex.context`): "Zu den Partnern zählen …"."""

    def follow(self, token: Token) -> list[Token]:
        tokens = [token]
        for step in self.steps:
            tokens = [reached for t in tokens for reached in step.follow(t)]
        return tokens


def parse_path(text: str) -> Path:
    """The :class:`Path` of ``text``; raises :class:`PathError` naming the bad step."""
    if text == CONTEXT:
        return Path(text, (), context=True)
    steps: list[Step] = []
    for raw in ([] if text == "self" else text.split(".")):
        if raw == "head":
            steps.append(Step(None))
            continue
        if raw == "*" or raw.startswith("*:"):
            steps.append(Step(None, frozenset(raw[2:].split("|")) if raw[2:] else None, below=True))
            continue
        deps_text, cases_text = _split_cases(raw)
        deps: set[str] = set()
        for dep in deps_text.split(","):
            if dep in ALIASES:
                deps |= ALIASES[dep]
            elif dep in LABELS:
                deps.add(dep)
            else:
                raise PathError(f"path {text!r}: unknown step {dep!r} (a UD label, an alias "
                                f"{sorted(ALIASES)} or 'head')")
        cases = frozenset(cases_text.split("|")) if cases_text else None
        steps.append(Step(frozenset(deps), cases))
    return Path(text, tuple(steps))


def _split_cases(step: str) -> tuple[str, str]:
    """``obl:von|durch`` → (``obl``, ``von|durch``); ``nsubj:pass`` and ``appos,flat:name``
    are labels with a subtype, no cases: only the last item of a step may carry cases."""
    *items, last = step.split(",")
    if last in LABELS or ":" not in last:
        return step, ""
    dep, _, cases = last.partition(":")
    return ",".join([*items, dep]), cases
