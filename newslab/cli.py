"""The ``newslab`` command line.

Each concern owns its sub-commands: a module listed in :data:`COMMAND_MODULES` exposes
``register(subparsers)``, which adds its sub-parsers and sets ``func`` (called with the
parsed namespace, returning the exit code). This file only dispatches.
"""
from __future__ import annotations

import argparse
import importlib
import sys

from newslab import __version__

#: Modules that contribute sub-commands, in the order they appear in ``--help``.
COMMAND_MODULES = [
    "newslab.text",
    "newslab.report",
    "newslab.timeline",
    "newslab.attribution",
    "newslab.stance",
    "newslab.corpus",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newslab", description="Evidence-linked analysis of news articles: who said what, who stands "
        "where toward whom, what happened when.")
    parser.add_argument("--version", action="version", version=f"newslab {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:  # a concern not built yet
            if exc.name != name:
                raise
            continue
        register = getattr(module, "register", None)
        if register is not None:
            register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
