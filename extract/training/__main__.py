"""Command line: ``python -m sovkg.extract.training ner --corpora PATH --out DIR`` (the NER
model) or ``… words --corpora PATH --out FILE`` (the common-word list).

A thin wrapper over :func:`sovkg.extract.training.ner.train_ner`; spaCy's own
training log goes to stdout.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sovkg.extract.training.ner import train_ner


def main(argv: list[str] | None = None) -> None:
    """Parses the arguments and trains."""
    parser = argparse.ArgumentParser(prog="python -m sovkg.extract.training",
                                     description="Train sovkg's statistical models from open corpora.")
    sub = parser.add_subparsers(dest="model", required=True)
    ner = sub.add_parser("ner", help="the German NER model (PER, ORG, LOC, LAW)")
    ner.add_argument("--corpora", type=Path, required=True,
                     help="folder holding ler/, germeval2014/, smartdata/, mobie/ (see ner-corpora.tsv)")
    ner.add_argument("--out", type=Path, required=True, help="where the trained model goes (replaced)")
    ner.add_argument("--work", type=Path, help="keep DocBins and spaCy's full output here (default: a temp folder)")
    ner.add_argument("--config", type=Path, help="spaCy config (default: the shipped ner.cfg)")
    ner.add_argument("--plan", type=Path, help="corpus plan TSV (default: the shipped ner-corpora.tsv)")
    ner.add_argument("--max-steps", type=int, help="override training.max_steps")
    words = sub.add_parser("words", help="the list of common German words (data/known_words.txt.gz)")
    words.add_argument("--corpora", type=Path, required=True, help="folder holding ler/, germeval2014/, …")
    words.add_argument("--out", type=Path, required=True, help="the gzip word list to write")
    args = parser.parse_args(argv)
    if args.model == "words":
        from sovkg.extract.training.words import write_words

        print(f"{write_words(args.corpora, args.out):,} words written to {args.out}")
        return

    from sovkg.extract.training.plan import load_plan

    overrides = {} if args.max_steps is None else {"training.max_steps": args.max_steps}
    out = train_ner(args.corpora, args.out, work=args.work, config=args.config,
                    plan=load_plan(args.plan) if args.plan else None, overrides=overrides)
    print(f"model written to {out}")


if __name__ == "__main__":
    main()
