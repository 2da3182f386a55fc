"""Command line: ``python -m sovkg.extract.training ner|syntax --corpora PATH --out DIR``
(the NER or the syntax model), ``… relations --data tests/data --out DIR`` (the relation
model, from the annotated documents), ``… words --corpora PATH --out FILE`` (the
common-word list) or ``… english-words --dict FILE --out FILE`` (English words holding a
ligature).

A thin wrapper over :func:`~.ner.train_ner` and :func:`~.syntax.train_syntax`;
spaCy's own training log goes to stdout.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sovkg.extract.training.ner import train_ner
from sovkg.extract.training.plan import load_plan
from sovkg.extract.training.syntax import train_syntax

TRAINERS = {"ner": train_ner, "syntax": train_syntax}
HELP = {"ner": "the German NER model (PER, ORG, LOC, LAW); plan ner-corpora.tsv, config ner.cfg",
        "syntax": "the German tagger, morphologizer, lemmatizer and parser (UD German); "
                  "plan syntax-corpora.tsv, config syntax.cfg"}


def add_model_parser(sub: argparse._SubParsersAction, name: str) -> None:
    """The arguments every trained model takes."""
    model = sub.add_parser(name, help=HELP[name])
    model.add_argument("--corpora", type=Path, required=True,
                       help="folder holding ler/, germeval2014/, smartdata/, mobie/, ud/ (see the plan)")
    model.add_argument("--out", type=Path, required=True, help="where the trained model goes (replaced)")
    model.add_argument("--work", type=Path, help="keep DocBins and spaCy's full output here (default: a temp folder)")
    model.add_argument("--config", type=Path, help="spaCy config (default: the shipped one)")
    model.add_argument("--plan", type=Path, help="corpus plan TSV (default: the shipped one)")
    model.add_argument("--max-steps", type=int, help="override training.max_steps")


def main(argv: list[str] | None = None) -> None:
    """Parses the arguments and trains."""
    parser = argparse.ArgumentParser(prog="python -m sovkg.extract.training",
                                     description="Train sovkg's statistical models from open corpora.")
    sub = parser.add_subparsers(dest="model", required=True)
    for name in TRAINERS:
        add_model_parser(sub, name)
    relations = sub.add_parser("relations", help="the relation model, from the annotated development sets "
                                                  "(plan relation-sets.tsv)")
    relations.add_argument("--data", type=Path, default=Path("tests/data"),
                           help="folder the plan's gold and corpus folders are in (default: tests/data)")
    relations.add_argument("--out", type=Path, required=True, help="where the trained model goes")
    relations.add_argument("--plan", type=Path, help="annotated-sets TSV (default: the shipped one)")
    relations.add_argument("--epochs", type=int, default=4)
    words = sub.add_parser("words", help="the list of common German words (data/known_words.txt.gz)")
    words.add_argument("--corpora", type=Path, required=True, help="folder holding ler/, germeval2014/, …")
    words.add_argument("--out", type=Path, required=True, help="the gzip word list to write")
    english = sub.add_parser("english-words", help="the English words holding a ligature "
                                                    "(data/english_ligature_words.txt.gz)")
    english.add_argument("--dict", type=Path, required=True, help="a SCOWL word list, e.g. /usr/share/dict/american-english")
    english.add_argument("--out", type=Path, required=True, help="the gzip word list to write")
    args = parser.parse_args(argv)
    if args.model == "relations":
        from sovkg.extract.training.relations import train_relations

        print(f"model written to {train_relations(args.data, args.out, plan=args.plan, epochs=args.epochs)}")
        return
    if args.model == "words":
        from sovkg.extract.training.words import write_words

        print(f"{write_words(args.corpora, args.out):,} words written to {args.out}")
        return
    if args.model == "english-words":
        from sovkg.extract.training.words import ligature_words, write_list

        print(f"{write_list(ligature_words(args.dict), args.out):,} words written to {args.out}")
        return
    overrides = {} if args.max_steps is None else {"training.max_steps": args.max_steps}
    out = TRAINERS[args.model](args.corpora, args.out, work=args.work, config=args.config,
                               plan=load_plan(args.plan) if args.plan else None, overrides=overrides)
    print(f"model written to {out}")


if __name__ == "__main__":
    main()
