"""Timeline reconstruction: temporal expressions, normalization and event anchoring.

- :func:`timexes` tags TimeML TIMEX3 expressions and normalizes them against the DCT;
- :func:`timeline` places each event clause of an article on the calendar, with evidence.

Command line::

    newslab timeml tag IN_DIR OUT_DIR          # system .tml files, TEXT kept byte-identical
    newslab timeml score SYSTEM_DIR GOLD_DIR   # TempEval-3 Task A figures
"""
from __future__ import annotations

from newslab.timeline.events import timeline
from newslab.timeline.timexes import parse_dct, timex_spans, timexes

__all__ = ["timexes", "timex_spans", "timeline", "parse_dct", "register"]


def _cmd_tag(args) -> int:
    from newslab.evaluate.timeml import tag_timeml
    written = tag_timeml(args.in_dir, args.out_dir)
    print(f"tagged {len(written)} documents into {args.out_dir}")
    return 0


def _cmd_score(args) -> int:
    from newslab.evaluate.timeml import score_timeml
    scores = score_timeml(args.system_dir, args.gold_dir)
    o = scores.overall
    print(f"documents {len(scores.per_document)}  gold {int(o['gold'])}  system {int(o['system'])}")
    for name in ("strict", "relaxed"):
        print(f"{name:8s} P {o[name + '_p'] * 100:5.1f}  R {o[name + '_r'] * 100:5.1f}  "
              f"F1 {o[name + '_f1'] * 100:5.1f}")
    print(f"type F1  {o['type_f1'] * 100:5.1f}")
    print(f"value F1 {o['value_f1'] * 100:5.1f}")
    return 0


def register(subparsers) -> None:
    """Add ``newslab timeml tag|score`` to the command line."""
    p = subparsers.add_parser("timeml", help="tag TimeML folders and score them (TempEval-3 Task A)")
    sub = p.add_subparsers(dest="timeml_command", metavar="SUBCOMMAND", required=True)
    tag = sub.add_parser("tag", help="tag every .tml file of IN_DIR into OUT_DIR")
    tag.add_argument("in_dir")
    tag.add_argument("out_dir")
    tag.set_defaults(func=_cmd_tag)
    score = sub.add_parser("score", help="score SYSTEM_DIR against GOLD_DIR")
    score.add_argument("system_dir")
    score.add_argument("gold_dir")
    score.set_defaults(func=_cmd_score)
