"""The worker side of a corpus run: one chunk of articles in, Parquet bytes of every table out.

:func:`process_chunk` is what runs in a worker process or on a Dask worker. It never raises
for a single article: an analysis that raises is recorded in the ``errors`` table (stage =
the analysis) and the article's other analyses still run; an article that exceeds the time
limit is recorded (``ArticleTimeout``) and its remaining analyses are skipped. The result is
small and picklable (bytes per table), so the parent only writes files.

Each table's part is built once per chunk: an analysis with a ``rows`` function (every built-in
one) gives plain tuples, which go straight into one Arrow table per chunk
(:func:`~newslab.corpus.store.rows_to_parquet_bytes`, the same bytes as the DataFrame route);
an analysis that returns a DataFrame is conformed to its schema and concatenated as before.
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
from newslab.corpus.store import rows_to_parquet_bytes, to_parquet_bytes
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


def _table(results: list[tuple[int, str, object]], analysis: Analysis) -> tuple[bytes, list]:
    """Parquet bytes of one analysis's table over the chunk, and the results that failed to
    become a table as ``(position, article_id, exception)``.

    ``results`` holds ``(position, article_id, rows or DataFrame)`` per article. Rows (from
    :attr:`Analysis.rows`) go straight to Arrow; when they cannot (a value the schema's dtype
    does not take), every article's rows are built into a frame as :func:`newslab.tables.frame`
    does, so a bad result is recorded against its own article, as if the analysis had raised.
    """
    schema = {"article_id": "string", **analysis.schema}
    if not any(isinstance(r, pd.DataFrame) for _, _, r in results):
        data = rows_to_parquet_bytes([aid for _, aid, _ in results], [r for _, _, r in results], schema)
        if data is not None:
            return data, []
    frames, failed = [], []
    for position, aid, result in results:
        if not isinstance(result, pd.DataFrame):
            try:
                result = frame(result, analysis.schema)
            except Exception as exc:
                failed.append((position, aid, exc))
                continue
        frames.append((aid, result))
    return to_parquet_bytes(_stack(frames, dict(analysis.schema)), schema), failed


def process_chunk(task: ChunkTask) -> ChunkResult:
    """Run every analysis over every article of the chunk (see the module docstring)."""
    # one list.append per result, so that a timeout raised asynchronously never tears a pair
    outputs: dict[str, list[tuple[int, str, object]]] = {a.name: [] for a in task.analyses}
    order = {a.name: k for k, a in enumerate(task.analyses)}
    errors: list[tuple[int, int, tuple]] = []  # (position, analysis index, row): sorted at the end
    states: list[list] = []  # per article: [item, n_errors, (n_sentences, n_tokens)]
    for position, item in enumerate(task.items):
        if isinstance(item, LoadFailure):
            errors.append((position, -1, (item.article_id, item.path, item.line, "load", item.error_type,
                                          item.message, "")))
            states.append([item, 1, None])
            continue
        state = [item, 0, (None, None)]
        states.append(state)
        stage = "start"
        try:
            with time_limit(task.timeout):
                for analysis in task.analyses:
                    stage = analysis.name
                    try:
                        if analysis.rows is not None:
                            result = analysis.rows(item)
                            if type(result) is not list:
                                result = list(result)
                        else:
                            result = _conform(analysis.func(item), analysis)
                    except Exception as exc:  # one analysis failing never stops the others
                        errors.append((position, order[stage], _error_row(item, stage, exc)))
                        state[1] += 1
                        continue
                    outputs[analysis.name].append((position, item.id, result))
                    if analysis.name == "sentences":
                        state[2] = _sentence_counts(result, analysis)
        except ArticleTimeout as exc:
            errors.append((position, order.get(stage, -1), _error_row(item, stage, exc)))
            state[1] += 1
        except Exception as exc:  # a timeout firing between analyses, or the like
            errors.append((position, order.get(stage, -1), _error_row(item, stage, exc)))
            state[1] += 1
    tables = {}
    for analysis in task.analyses:
        tables[analysis.name], failed = _table(outputs[analysis.name], analysis)
        for position, _aid, exc in failed:
            state = states[position]
            errors.append((position, order[analysis.name], _error_row(state[0], analysis.name, exc)))
            state[1] += 1
            if analysis.name == "sentences":
                state[2] = (None, None)
    article_rows, record = [], []
    for item, n_errors, counts in states:
        if isinstance(item, LoadFailure):
            article_rows.append(_failed_article_row(item.article_id, item.path, item.line))
            record.append((item.article_id, item.path, None, 1))
            continue
        sha = item.sha256
        article_rows.append((item.id, item.path, item.meta.get("line"), item.title,
                             pd.Timestamp(item.date) if item.date else None, item.source,
                             len(item.text), item.meta.get("encoding"), sha, counts[0], counts[1],
                             "ok" if not n_errors else "partial", n_errors))
        record.append((item.id, item.path, sha, n_errors))
    errors.sort(key=lambda e: (e[0], e[1]))  # stable: an article's errors in pipeline order
    parts = {"articles": _rows_table(article_rows, ARTICLES_SCHEMA), **tables,
             "errors": _rows_table([e[2] for e in errors], ERRORS_SCHEMA)}
    return ChunkResult(task.part, parts, record)


def _failed_article_row(article_id: str, path: str, line: int | None) -> tuple:
    """The ``articles`` row of an item with no analysis results (not loaded, or its worker died)."""
    return (article_id, path, line, None, None, None, None, None, None, None, None, "failed", 1)


def _rows_table(rows: list[tuple], schema) -> bytes:
    """Parquet bytes of a table of whole rows (the first column is the key)."""
    data = rows_to_parquet_bytes([r[0] for r in rows], [[r[1:]] for r in rows], schema)
    return data if data is not None else to_parquet_bytes(frame(rows, schema), schema)


def _sentence_counts(result, analysis: Analysis) -> tuple[int, int]:
    """(sentences, tokens) of an article from its ``sentences`` result (rows or a frame)."""
    if isinstance(result, pd.DataFrame):
        return len(result), int(result["n_tokens"].sum())
    k = list(analysis.schema).index("n_tokens")
    return len(result), sum(row[k] for row in result)


def crashed_result(task: ChunkTask, exc: BaseException, analyses: Sequence[Analysis]) -> ChunkResult:
    """The result of a single-article chunk whose worker died (recorded, not retried again)."""
    error_rows, article_rows, record = [], [], []
    message = f"the worker running this article died: {type(exc).__name__}: {exc}"
    for item in task.items:
        aid = item.article_id if isinstance(item, LoadFailure) else item.id
        line = item.line if isinstance(item, LoadFailure) else item.meta.get("line")
        error_rows.append((aid, item.path, line, "worker", "WorkerCrash", message, ""))
        article_rows.append(_failed_article_row(aid, item.path, line))
        record.append((aid, item.path, None, 1))
    parts = {"articles": _rows_table(article_rows, ARTICLES_SCHEMA)}
    for analysis in analyses:
        schema = {"article_id": "string", **analysis.schema}
        parts[analysis.name] = to_parquet_bytes(empty(schema), schema)
    parts["errors"] = _rows_table(error_rows, ERRORS_SCHEMA)
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
