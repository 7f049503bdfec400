"""``newslab stance`` on the command line: the stance table, the matrix, Gephi exports, NewsMTSC scores."""
from __future__ import annotations

import sys


def register(subparsers) -> None:
    """Add ``newslab stance ARTICLE`` and ``newslab stance-eval [FOLDER]``."""
    p = subparsers.add_parser("stance", help="speaker x target stance of an article (CSV on stdout)")
    p.add_argument("article", help="path to an article (title line, blank line, paragraphs)")
    p.add_argument("--issues", default=None, help="comma-separated issue terms (default: the bundled list)")
    p.add_argument("--matrix", action="store_true", help="print the speaker x target matrix instead")
    p.add_argument("--min-evidence", type=int, default=1, help="fewest statements per matrix cell")
    p.add_argument("--network", metavar="PATH", help="also write the discourse network (.graphml or .gexf)")
    p.set_defaults(func=_cmd_stance)
    e = subparsers.add_parser("stance-eval", help="NewsMTSC dev macro F1 of the target engine and VADER")
    e.add_argument("folder", nargs="?", default="", help="NewsMTSC folder; default $NEWSLAB_DATA/newsmtsc")
    e.set_defaults(func=_cmd_eval)


def _cmd_stance(args) -> int:
    import newslab as nl

    text = nl.load_article(args.article).text
    table = nl.stance(text, issues=args.issues)
    if args.network:
        nl.write_network(nl.discourse_network(table, min_evidence=args.min_evidence), args.network)
    out = nl.stance_matrix(table, min_evidence=args.min_evidence) if args.matrix else table
    out.to_csv(sys.stdout, index=False)
    return 0


def _cmd_eval(args) -> int:
    import newslab as nl
    from newslab.evaluate import newsmtsc

    data = {name: newsmtsc.read_split(name, args.folder or None) for name in ("rw", "mt")}
    table = newsmtsc.compare({"newslab": nl.target_polarity, "vader_sentence": newsmtsc.vader_sentence}, data)
    print(table.to_string(index=False))
    return 0
