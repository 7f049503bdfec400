"""The worker side of a corpus run: one chunk of articles in, Parquet bytes of every table out.

:func:`process_chunk` is what runs in a worker process or on a Dask worker. It never raises
for a single article: an analysis that raises is recorded in the ``errors`` table (stage =
the analysis) and the article's other analyses still run; an article that exceeds the time
limit is recorded (``ArticleTimeout``) and its remaining analyses are skipped. The result is
small and picklable (bytes per table), so the parent only writes files.
"""
from __future__ import annotations

import ctypes
import signal
import threading
import traceback
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import pandas as pd

from newslab.corpus.registry import ARTICLES_SCHEMA, ERRORS_SCHEMA, Analysis
from newslab.corpus.store import to_parquet_bytes
from newslab.io import Article, ArticleError
from newslab.tables import empty, frame


class ArticleTimeout(BaseException):
    """An article exceeded the per-article time limit.

    A ``BaseException`` (like ``KeyboardInterrupt``) so that an analysis's own
    ``except Exception`` cannot swallow it.
    """


@dataclass(frozen=True)
class LoadFailure:
    """A corpus member that could not be loaded, carried through the run like an article."""

    article_id: str
    path: str
    line: int | None
    message: str
    error_type: str = "ArticleError"


@dataclass(frozen=True)
class ChunkTask:
    part: str
    items: tuple  # Article | LoadFailure, in corpus order
    indexes: tuple[int, ...]  # their positions in the corpus
    analyses: tuple[Analysis, ...]
    timeout: float | None


@dataclass
class ChunkResult:
    part: str
    parts: dict[str, bytes]
    articles: list[tuple[str, str | None, str | None, int]] = field(default_factory=list)
    # (article_id, path, sha256, n_errors) per item

    @property
    def n_errors(self) -> int:
        return sum(1 for a in self.articles if a[3])


def failure_of(exc: ArticleError) -> LoadFailure:
    """A load error as a run item; its id is what the article's id would have been."""
    from pathlib import Path

    stem = Path(exc.path).stem
    article_id = f"{stem}-{exc.line}" if exc.line is not None else stem
    return LoadFailure(article_id, exc.path, exc.line, str(exc))


# --- time limits ----------------------------------------------------------------------------

@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`ArticleTimeout` in this thread after ``seconds`` (None: no limit).

    In the main thread this is ``SIGALRM`` (interval timer); in other threads (Dask workers,
    notebook threads) a watchdog timer raises the exception asynchronously in the thread.
    Neither interrupts a single long-running C call; the limit is seen when it returns.
    """
    if not seconds or seconds <= 0:
        yield
        return
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        def _alarm(signum, frame):
            raise ArticleTimeout(f"exceeded the time limit of {seconds:g} s")

        previous = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        return
    ident = threading.get_ident()
    lock = threading.Lock()
    state = {"active": True}

    def _fire():
        with lock:
            if state["active"]:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(ident),
                                                           ctypes.py_object(ArticleTimeout))

    timer = threading.Timer(seconds, _fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["active"] = False
        timer.cancel()


# --- one chunk ------------------------------------------------------------------------------

def _conform(df: pd.DataFrame, analysis: Analysis) -> pd.DataFrame:
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"analysis {analysis.name!r} returned {type(df).__name__}, not a DataFrame")
    columns = list(analysis.schema)
    if df.columns.tolist() != columns:
        missing = [c for c in columns if c not in df.columns]
        if missing:
            raise ValueError(f"analysis {analysis.name!r} result lacks column(s) {', '.join(missing)}")
        df = df[columns]
    if df.dtypes.tolist() != _dtypes(tuple(analysis.schema.items())):
        df = df.astype(dict(analysis.schema))
    return df


@lru_cache(maxsize=256)
def _dtypes(items: tuple[tuple[str, str], ...]) -> list:
    return empty(dict(items)).dtypes.tolist()


def _error_row(item, stage: str, exc: BaseException) -> tuple:
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    name = "ArticleTimeout" if isinstance(exc, ArticleTimeout) else type(exc).__name__
    message = str(exc) or name
    if isinstance(exc, ArticleTimeout):
        message = f"{message} (during {stage})"
    return (item.id, item.path, item.meta.get("line"), stage, name, message, text)


def _stack(results: list[tuple[str, pd.DataFrame]], schema: dict[str, str]) -> pd.DataFrame:
    """Concatenate per-article frames and prepend their ``article_id`` column."""
    full = {"article_id": "string", **schema}
    if not results:
        return empty(full)
    ids = [aid for aid, _ in results]
    frames = [df for _, df in results]
    lengths = [len(f) for f in frames]
    body = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0].reset_index(drop=True)
    body.insert(0, "article_id", pd.array(np.repeat(np.array(ids, dtype=object), lengths), dtype="string"))
    return body


def process_chunk(task: ChunkTask) -> ChunkResult:
    """Run every analysis over every article of the chunk (see the module docstring)."""
    # one list.append per result, so that a timeout raised asynchronously never tears a pair
    outputs: dict[str, list[tuple[str, pd.DataFrame]]] = {a.name: [] for a in task.analyses}
    article_rows, error_rows, record = [], [], []
    for item in task.items:
        if isinstance(item, LoadFailure):
            error_rows.append((item.article_id, item.path, item.line, "load", item.error_type,
                               item.message, ""))
            article_rows.append((item.article_id, item.path, item.line, None, None, None, None, None,
                                 None, None, None, "failed", 1))
            record.append((item.article_id, item.path, None, 1))
            continue
        n_errors, counts = 0, (None, None)
        stage = "start"
        try:
            with time_limit(task.timeout):
                for analysis in task.analyses:
                    stage = analysis.name
                    try:
                        df = _conform(analysis.func(item), analysis)
                    except Exception as exc:  # one analysis failing never stops the others
                        error_rows.append(_error_row(item, stage, exc))
                        n_errors += 1
                        continue
                    outputs[analysis.name].append((item.id, df))
                    if analysis.name == "sentences":
                        counts = (len(df), int(df["n_tokens"].sum()))
        except ArticleTimeout as exc:
            error_rows.append(_error_row(item, stage, exc))
            n_errors += 1
        except Exception as exc:  # a timeout firing between analyses, or the like
            error_rows.append(_error_row(item, stage, exc))
            n_errors += 1
        sha = item.sha256
        status = "ok" if not n_errors else "partial"
        article_rows.append((item.id, item.path, item.meta.get("line"), item.title,
                             pd.Timestamp(item.date) if item.date else None, item.source,
                             len(item.text), item.meta.get("encoding"), sha, counts[0], counts[1],
                             status, n_errors))
        record.append((item.id, item.path, sha, n_errors))
    parts = {"articles": to_parquet_bytes(frame(article_rows, ARTICLES_SCHEMA), ARTICLES_SCHEMA)}
    for analysis in task.analyses:
        schema = {"article_id": "string", **analysis.schema}
        parts[analysis.name] = to_parquet_bytes(_stack(outputs[analysis.name], dict(analysis.schema)), schema)
    parts["errors"] = to_parquet_bytes(frame(error_rows, ERRORS_SCHEMA), ERRORS_SCHEMA)
    return ChunkResult(task.part, parts, record)


def crashed_result(task: ChunkTask, exc: BaseException, analyses: Sequence[Analysis]) -> ChunkResult:
    """The result of a single-article chunk whose worker died (recorded, not retried again)."""
    error_rows, article_rows, record = [], [], []
    message = f"the worker running this article died: {type(exc).__name__}: {exc}"
    for item in task.items:
        aid = item.article_id if isinstance(item, LoadFailure) else item.id
        line = item.line if isinstance(item, LoadFailure) else item.meta.get("line")
        error_rows.append((aid, item.path, line, "worker", "WorkerCrash", message, ""))
        article_rows.append((aid, item.path, line, None, None, None, None, None, None, None, None,
                             "failed", 1))
        record.append((aid, item.path, None, 1))
    parts = {"articles": to_parquet_bytes(frame(article_rows, ARTICLES_SCHEMA), ARTICLES_SCHEMA)}
    for analysis in analyses:
        schema = {"article_id": "string", **analysis.schema}
        parts[analysis.name] = to_parquet_bytes(empty(schema), schema)
    parts["errors"] = to_parquet_bytes(frame(error_rows, ERRORS_SCHEMA), ERRORS_SCHEMA)
    return ChunkResult(task.part, parts, record)


def warm_up(analyses: Sequence[Analysis]) -> None:
    """Run each analysis once on a tiny article so lazy word lists load before forking."""
    from newslab.corpus.registry import _PROBE
    from newslab.io import article_from_text

    probe = article_from_text(_PROBE, id="probe", date="2022-01-21")
    for analysis in analyses:
        try:
            analysis.func(probe)
        except Exception:  # errors surface (and are recorded) during the run proper
            pass
