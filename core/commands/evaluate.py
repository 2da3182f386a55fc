"""``sovkg evaluate``: precision, recall and F1 against gold annotations."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from sovkg.extract.tasks import DEFAULT_MIN_CONFIDENCE


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "evaluate",
        help="score entities and relations against gold annotations",
        description="Build the documents the gold files name and score them: precision, "
        "recall and F1 of entities and relations, overall and per type, with the misses, "
        "spurious and duplicated entities listed.",
    )
    parser.add_argument("--gold", type=Path, required=True, metavar="FILE_OR_DIR",
                        help="a gold file (JSON, the extraction contract's format) or a folder of them")
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                        help="documents or folders holding the documents the gold files name "
                        "(default: the bundled sample)")
    parser.add_argument("--kb", default="default", metavar="default|none|FILE",
                        help="knowledge base, as for build")
    parser.add_argument("--ner", action="store_true", help="run the learned NER model over the whole text, as for build")
    parser.add_argument("--min-confidence", type=float, default=DEFAULT_MIN_CONFIDENCE, metavar="C",
                        help="leave out relations found with less confidence than C, 0 to 1 "
                        "(default: %(default)s, chosen on the development set)")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from sovkg.evaluate import evaluate

    score = evaluate(args.gold, args.paths, kb=args.kb, ner=args.ner, min_confidence=args.min_confidence)
    if args.json:
        print(json.dumps(score.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(report(score))
    return 0


def report(score) -> str:
    def row(name: str, c) -> str:
        if not (c.tp or c.fp or c.fn):  # no gold and no prediction: nothing to score
            return f"{name:<22} {'–':>6} {'–':>6} {'–':>6} {c.tp:5d} {c.fp:5d} {c.fn:5d}"
        return f"{name:<22} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f} {c.tp:5d} {c.fp:5d} {c.fn:5d}"

    header = f"{'':<22} {'P':>6} {'R':>6} {'F1':>6} {'TP':>5} {'FP':>5} {'FN':>5}"
    lines = [f"documents: {', '.join(score.documents)}", "", header, row("entities", score.entities)]
    lines += [row(f"  {t}", c) for t, c in sorted(score.entities_by_type.items())]
    lines += [row("relations", score.relations)]
    lines += [row(f"  {p}", c) for p, c in sorted(score.relations_by_predicate.items())]
    lines += ["", f"relations by method ({len(score.relations_by_method)}; a relation may have several):",
              f"  {'':<50} {'P':>6} {'TP':>5} {'FP':>5}"]
    lines += [f"  {m:<50} {c.precision:6.3f} {c.tp:5d} {c.fp:5d}"
              for m, c in sorted(score.relations_by_method.items(), key=lambda mc: (mc[1].precision, mc[0]))]
    for title, items in (("missed entities", score.missed), ("spurious entities", score.spurious),
                         ("duplicated entities", score.duplicated),
                         ("missed relations", score.missed_relations),
                         ("spurious relations", score.spurious_relations)):
        lines += ["", f"{title} ({len(items)}):"] + [f"  {item}" for item in items]
    return "\n".join(lines)
