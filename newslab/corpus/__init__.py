"""Corpus runs at scale: every analysis over every article, to Parquet, resumable and parallel.

``newslab run CORPUS --out DIR`` (or :func:`run_corpus`) applies the registered analyses
(:mod:`newslab.corpus.registry`: sentences, timexes, timeline, actors, attributions, stance)
to each article of anything :func:`newslab.load_corpus` reads, and writes one tidy table per
analysis plus ``articles`` and ``errors``, every row keyed by ``article_id``.

Output
    ``DIR/<table>/part-*.parquet`` — a *dataset folder* per table, one part per chunk of
    articles (``pd.read_parquet(DIR / "timexes")`` reads it as one table), parts in corpus
    order; ``DIR/manifest.json`` — newslab version, parameters, the input identity (corpus
    path, metadata table hash, analyses) and, when done, status, counts, rows per table and a
    hash over every article's text hash. :func:`load_run` / :func:`read_table` read a run back
    with the schemas' dtypes, also for empty tables. There is no consolidation step: the
    folder is the table. ``articles`` holds one row per input (also those that failed to
    load) with outlet (``source``), ``date`` (``datetime64[ms]``: Parquet has no seconds
    unit), sizes, text hash, ``status`` and ``n_errors``.
Nothing lost
    An article that cannot be loaded (binary, empty, badly encoded) or whose analysis raises
    or exceeds the per-article time limit (``--timeout``, default 60 s) is recorded in
    ``errors`` (article_id, path, line, stage, error_type, message, traceback) and in
    ``articles.status`` (``ok`` / ``partial`` / ``failed``); the other analyses and articles
    go on. An article that kills its worker process is isolated and recorded as
    ``WorkerCrash``. ``newslab run`` exits 0 when complete, 3 when some articles have errors.
Resumable
    A chunk is committed atomically and durably (temporary files synced to the disk, a commit
    marker renamed into place, then the parts renamed; see :mod:`newslab.corpus.store`).
    Rerunning the same command after an interruption (even ``kill -9`` or a power loss) first
    completes or discards the half-written chunk,
    then processes only the articles not yet committed: no duplicates, no torn files, and the
    tables read back identical to an uninterrupted run's. Articles recorded with errors count
    as done; use a fresh folder to retry them.
Streaming and parallel
    The corpus is read lazily and results are written chunk by chunk (``chunk_size``
    articles, by default about four chunks per worker and at most 32), with at most two chunks
    per worker in flight, so memory does not grow with the corpus. ``--workers N`` uses N
    local processes; ``--scheduler ADDRESS`` sends the chunks to a Dask cluster (``dask
    scheduler``, and ``dask worker ADDRESS`` on machines with newslab installed): workers
    receive the article texts and return Parquet bytes, the client reads and writes the files.
Corpus views
    :mod:`newslab.corpus.summary` turns a run's tables into the ``corpus`` notebook's views:
    :func:`outlet_weeks`, :func:`top_sources`, :func:`stance_by_outlet` / :func:`stance_grid`,
    :func:`merged_timeline`.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as out:  # doctest: +SKIP
...     result = run_corpus("seeds", out, quiet=True)
...     tables = load_run(out)
>>> result.status, len(tables["articles"])  # doctest: +SKIP
('complete', 1)

See Also: :func:`newslab.load_corpus`, :mod:`newslab.tables`.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import pandas as pd

from newslab.corpus.registry import (ARTICLES_SCHEMA, ERRORS_SCHEMA, Analysis, register_analysis,
                                     registered, unregister_analysis)
from newslab.corpus.runner import (EXIT_FAILED, EXIT_PARTIAL, EXIT_USAGE, RunMismatch, RunResult,
                                   run_corpus)
from newslab.corpus.store import RunFolder
from newslab.corpus.summary import (merged_timeline, outlet_weeks, outlets, stance_by_outlet, stance_grid,
                                    top_sources)
from newslab.corpus.worker import ArticleTimeout

__all__ = [
    "Analysis", "ArticleTimeout", "RunMismatch", "RunResult", "run_corpus", "load_run", "read_table",
    "is_run", "register_analysis", "unregister_analysis", "registered", "ARTICLES_SCHEMA",
    "ERRORS_SCHEMA", "EXIT_PARTIAL", "register", "outlets", "outlet_weeks", "top_sources",
    "stance_by_outlet", "stance_grid", "merged_timeline",
]


def is_run(path: str | os.PathLike) -> bool:
    """Whether ``path`` is the output folder of a corpus run (it holds ``manifest.json``)."""
    return RunFolder(path).exists()


def read_table(run: str | os.PathLike, name: str, columns: list[str] | None = None) -> pd.DataFrame:
    """One table of a run, with its schema's dtypes (committed parts only, in corpus order)."""
    folder = RunFolder(run)
    if not folder.exists():
        raise FileNotFoundError(f"{run} is not a newslab run folder (no manifest.json)")
    return folder.read(name, columns)


def load_run(run: str | os.PathLike) -> dict[str, pd.DataFrame]:
    """Every table of a run by name: articles, the analyses' tables, errors."""
    folder = RunFolder(run)
    if not folder.exists():
        raise FileNotFoundError(f"{run} is not a newslab run folder (no manifest.json)")
    return {name: folder.read(name) for name in folder.tables()}


# --- command line ---------------------------------------------------------------------------

def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "run", help="analyse every article of a corpus into Parquet tables",
        description="Apply every analysis to every article of CORPUS and write tidy Parquet "
                    "tables (articles, sentences, timexes, timeline, actors, attributions, stance, "
                    "errors) to --out. Rerun the same command to resume an interrupted run. "
                    "Exit code 0: complete; 3: some articles have errors (see errors table); "
                    "2: bad arguments or --out holds another run.")
    parser.add_argument("corpus", metavar="CORPUS", help="folder, glob or JSONL/CSV/TSV file of articles")
    parser.add_argument("--out", required=True, metavar="DIR", help="output folder (created; reused to resume)")
    parser.add_argument("--metadata", metavar="TABLE", help="CSV/TSV of per-article metadata (id/filename column)")
    parser.add_argument("--workers", type=int, default=1, metavar="N", help="local worker processes (default 1)")
    parser.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address, e.g. tcp://host:8786")
    parser.add_argument("--analyses", metavar="NAMES",
                        help="comma-separated analyses to run (default: all registered defaults)")
    parser.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS",
                        help="per-article time limit (default 60; 0 = none)")
    parser.add_argument("--chunk-size", type=int, metavar="N",
                        help="articles per task and Parquet part (default: about 4 tasks per worker, at most 32)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar or summary")
    parser.set_defaults(func=_cli_run)


def _cli_run(args: argparse.Namespace) -> int:
    analyses = [a.strip() for a in args.analyses.split(",") if a.strip()] if args.analyses else None
    try:
        result = run_corpus(args.corpus, args.out, metadata=args.metadata, workers=args.workers,
                            scheduler=args.scheduler, analyses=analyses, quiet=args.quiet,
                            timeout=args.timeout or None, chunk_size=args.chunk_size)
    except (RunMismatch, ValueError, FileNotFoundError) as exc:
        print(f"newslab run: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:  # e.g. the Dask scheduler cannot be reached, the disk is full
        print(f"newslab run: error: {exc}; run the same command again to resume", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print(f"newslab run: interrupted; run the same command again to resume into {args.out}",
              file=sys.stderr)
        return 130
    if not args.quiet:
        resumed = f", {result.resumed} resumed" if result.resumed else ""
        print(f"newslab run: {result.articles} articles ({result.processed} processed{resumed}), "
              f"{result.errors} with errors, {result.seconds:.1f} s -> {Path(args.out)} [{result.status}]",
              file=sys.stderr)
    return result.exit_code

