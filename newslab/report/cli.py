"""``newslab report`` and ``python -m newslab.report refresh``."""
from __future__ import annotations

import argparse
import sys


def _add_report_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("source", nargs="?", default=None, metavar="ARTICLE_OR_CORPUS",
                   help="an article file, a folder, a glob or a JSONL/CSV/TSV table (default: the bundled seed)")
    p.add_argument("--out", "-o", default="reports", metavar="DIR", help="output folder (default: reports)")
    p.add_argument("-p", "--parameter", nargs=2, action="append", default=[], metavar=("NAME", "VALUE"),
                   help="set a notebook parameter (repeatable); converted to the type of its default")
    p.add_argument("-f", "--parameters-file", default=None, metavar="PARAMS.yaml",
                   help="YAML mapping of parameters; a key naming a notebook holds that notebook's own")
    p.add_argument("--notebooks", default=None, metavar="NAMES",
                   help="comma-separated notebook names to run (default: all that accept the input)")
    p.add_argument("--notebook-dir", default=None, metavar="DIR", help="where the notebooks are "
                   "(default: the repository's notebooks/)")
    p.add_argument("--evaluation", action="store_true",
                   help="also run the evaluation notebooks (needs NEWSLAB_DATA)")
    p.add_argument("--jobs", "-j", type=int, default=None, help="notebooks run at once (default: CPU count)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument("--timeout", type=int, default=600, help="seconds per cell before a notebook fails")


def _report(args: argparse.Namespace) -> int:
    from newslab.report.run import ReportError, run_report

    names = [n.strip() for n in args.notebooks.split(",") if n.strip()] if args.notebooks else None
    try:
        result = run_report(args.source, args.out, parameters=[tuple(p) for p in args.parameter],
                            params_file=args.parameters_file, notebooks=names, notebook_dir=args.notebook_dir,
                            evaluation=args.evaluation, workers=args.jobs, progress=not args.no_progress,
                            timeout=args.timeout)
    except (ReportError, ValueError, OSError) as exc:
        print(f"newslab report: error: {exc}", file=sys.stderr)
        return 2
    for run in result.runs:
        if run.status != "ok":
            print(f"newslab report: {run.error}", file=sys.stderr)
            print(f"newslab report: the partially executed notebook is kept at {run.notebook}", file=sys.stderr)
    ok = len(result.runs) - len(result.failed)
    print(f"{ok}/{len(result.runs)} reports in {result.seconds:.1f} s: {result.index}")
    return 0 if result.ok else 1


def register(subparsers) -> None:
    """Add ``newslab report``."""
    p = subparsers.add_parser("report", help="run the notebooks on an article or corpus and write HTML reports",
                              description="Execute the notebooks with papermill (in parallel) and write "
                                          "executed notebooks, HTML reports and index.html to --out.")
    _add_report_arguments(p)
    p.set_defaults(func=_report)


def main(argv: list[str] | None = None) -> int:
    """``python -m newslab.report refresh [NOTEBOOK...]`` or ``python -m newslab.report run ...``."""
    parser = argparse.ArgumentParser(prog="python -m newslab.report")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    r = sub.add_parser("refresh", help="re-execute notebooks in place with their defaults (make notebooks)")
    r.add_argument("notebooks", nargs="*", metavar="NOTEBOOK", help="paths or names (default: all in notebooks/)")
    r.add_argument("--jobs", "-j", type=int, default=None)
    r.add_argument("--no-progress", action="store_true")
    r.add_argument("--timeout", type=int, default=600)
    run = sub.add_parser("run", help="the same as `newslab report`")
    _add_report_arguments(run)
    args = parser.parse_args(argv)
    if args.command == "refresh":
        from newslab.report.refresh import refresh

        return refresh(args.notebooks or None, workers=args.jobs, progress=not args.no_progress,
                       timeout=args.timeout)
    if args.command == "run":
        return _report(args)
    parser.print_help()
    return 2
