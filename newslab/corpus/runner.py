"""Driving a corpus run: chunking, resuming, executing (inline, processes, Dask), the manifest."""
from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import os
import platform
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newslab import __version__
from newslab.corpus.registry import ARTICLES_SCHEMA, ERRORS_SCHEMA, Analysis, select
from newslab.corpus.store import RunFolder, file_sha256, part_name
from newslab.corpus.worker import (ChunkResult, ChunkTask, LoadFailure, crashed_result, failure_of,
                                   process_chunk, warm_up)
from newslab.io import Article, ArticleError, load_corpus

#: Exit codes of ``newslab run``.
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_PARTIAL = 0, 1, 2, 3
FORMAT = 1
#: Largest default chunk (articles per task and per Parquet part).
MAX_CHUNK = 32


class RunMismatch(ValueError):
    """The output folder holds a run made with other inputs or parameters."""


@dataclass
class RunResult:
    """What a run did. ``exit_code`` is 0 when complete, 3 when some articles have errors."""

    out: Path
    status: str  # "complete" | "partial"
    articles: int  # articles in the run folder (this and earlier attempts)
    processed: int  # articles processed by this call
    resumed: int  # articles found done and skipped
    errors: int  # articles with at least one error
    seconds: float
    tables: dict[str, int] = field(default_factory=dict)  # rows per table

    @property
    def exit_code(self) -> int:
        return EXIT_OK if self.status == "complete" else EXIT_PARTIAL

    def read(self, table: str):
        """The table as a DataFrame (see :func:`newslab.corpus.read_table`)."""
        return RunFolder(self.out).read(table)


# --- the stream of tasks --------------------------------------------------------------------

def _items(corpus: Any) -> Iterator[Article | LoadFailure]:
    if hasattr(corpus, "iter_results"):
        for item in corpus.iter_results():
            yield failure_of(item) if isinstance(item, ArticleError) else item
    else:
        for item in corpus:
            if not isinstance(item, Article):
                raise TypeError(f"a corpus yields Article objects, got {type(item).__name__}")
            yield item


def _item_id(item: Article | LoadFailure) -> str:
    return item.article_id if isinstance(item, LoadFailure) else item.id


def _tasks(items: Iterable, done: dict[str, str | None], analyses: tuple[Analysis, ...],
           timeout: float | None, chunk_size: int) -> Iterator[ChunkTask]:
    """Chunks of not-yet-done items; a chunk never spans a done item, so parts stay in order."""
    seen: dict[str, int] = {}
    batch: list = []
    indexes: list[int] = []

    def flush():
        ids = [_item_id(i) for i in batch]
        task = ChunkTask(part_name(indexes[0], ids), tuple(batch), tuple(indexes), analyses, timeout)
        batch.clear()
        indexes.clear()
        return task

    for index, item in enumerate(items):
        aid = _item_id(item)
        if aid in seen:
            seen[aid] += 1
            line = item.line if isinstance(item, LoadFailure) else item.meta.get("line")
            new_id = f"{aid}~{seen[aid]}"
            item = LoadFailure(new_id, item.path, line, f"{item.path}: duplicate article id "
                               f"{aid!r} (recorded as {new_id!r})", "DuplicateArticleId")
            aid = new_id
        seen.setdefault(aid, 1)
        if aid in done:
            if isinstance(item, Article) and done[aid] is not None and item.sha256 != done[aid]:
                raise RunMismatch(f"article {aid!r} ({item.path}) changed since it was processed "
                                  "in this run folder; use a fresh --out folder")
            if batch:
                yield flush()
            continue
        batch.append(item)
        indexes.append(index)
        if len(batch) >= chunk_size:
            yield flush()
    if batch:
        yield flush()


def _singles(task: ChunkTask) -> list[ChunkTask]:
    return [ChunkTask(part_name(i, [_item_id(item)]), (item,), (i,), task.analyses, task.timeout)
            for item, i in zip(task.items, task.indexes)]


# --- executors --------------------------------------------------------------------------------

class _Inline:
    capacity, isolates, slots = 1, True, 1

    def submit(self, task):
        future = cf.Future()
        try:
            future.set_result(process_chunk(task))
        except Exception as exc:
            future.set_exception(exc)
        return future

    def wait(self, futures):
        return set(futures)

    def restart(self):
        pass

    def close(self):
        pass


def _worker_started() -> None:
    """In a new worker process: leave what it inherited (modules, word lists) out of garbage
    collection, so that collections neither walk those objects nor copy their memory pages."""
    import gc

    gc.freeze()


class _Processes:
    isolates = False  # a dying worker breaks every running task of the pool

    def __init__(self, workers: int, analyses: Sequence[Analysis]):
        self.workers = self.slots = workers
        self.capacity = 2 * workers
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
        self.context = multiprocessing.get_context(method)
        warm_up(analyses)  # forked workers inherit loaded word lists
        self.pool = self._new()

    def _new(self):
        return cf.ProcessPoolExecutor(self.workers, mp_context=self.context, initializer=_worker_started)

    def submit(self, task):
        return self.pool.submit(process_chunk, task)

    def wait(self, futures):
        return cf.wait(futures, return_when=cf.FIRST_COMPLETED).done

    def restart(self):
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = self._new()

    def close(self):
        self.pool.shutdown(wait=True, cancel_futures=True)


class _Dask:
    # a dying worker takes down every task assigned to it: Dask retries them (up to
    # distributed.scheduler.allowed-failures times), then raises KilledWorker for each, guilty or not
    isolates = False

    def __init__(self, scheduler: Any):
        from distributed import Client, as_completed

        if isinstance(scheduler, Client):
            self.client, self.own = scheduler, False
        else:
            self.client, self.own = Client(scheduler, set_as_default=False), True
        self.slots = max(1, sum(self.client.nthreads().values()))
        self.capacity = 2 * self.slots
        self.completed = as_completed([], loop=self.client.loop)

    def submit(self, task):
        future = self.client.submit(process_chunk, task, pure=False)
        self.completed.add(future)
        return future

    def wait(self, futures):
        return set(self.completed.next_batch(block=True))

    def restart(self):
        pass

    def close(self):
        if self.own:
            self.client.close()


def _execute(tasks: Iterator[ChunkTask], backend, on_result: Callable[[ChunkResult], None],
             analyses: Sequence[Analysis]) -> None:
    """Keep ``backend.capacity`` chunks in flight; isolate the article that kills a worker.

    A chunk that fails as a whole (its worker died, or its result could not be sent) is split
    into single articles; a single article that fails alone is recorded as ``WorkerCrash``.
    With a process pool or Dask a crash fails every chunk running (or queued) on the worker, so
    suspects run one at a time, with nothing else in flight.
    """
    pending: dict = {}
    suspects: deque[ChunkTask] = deque()
    exhausted = False
    while True:
        if suspects and not backend.isolates:
            if not pending:
                task = suspects.popleft()
                pending[backend.submit(task)] = (task, True)
        else:
            while suspects and len(pending) < backend.capacity:
                task = suspects.popleft()
                pending[backend.submit(task)] = (task, True)
            while not exhausted and len(pending) < backend.capacity:
                task = next(tasks, None)
                if task is None:
                    exhausted = True
                    break
                pending[backend.submit(task)] = (task, False)
        if not pending:
            if suspects:
                continue
            return
        broken = False
        for future in backend.wait(pending):
            task, alone = pending.pop(future)
            try:
                result = future.result()
            except Exception as exc:
                broken = broken or isinstance(exc, cf.process.BrokenProcessPool)
                if len(task.items) == 1 and (alone or backend.isolates):
                    on_result(crashed_result(task, exc, analyses))
                else:
                    suspects.extend(_singles(task))
                continue
            on_result(result)
        if broken:
            for task, _alone in pending.values():
                suspects.extend(_singles(task))
            pending.clear()
            backend.restart()


# --- the run ----------------------------------------------------------------------------------

def _schemas(analyses: Sequence[Analysis]) -> dict[str, dict[str, str]]:
    tables = {"articles": dict(ARTICLES_SCHEMA)}
    for analysis in analyses:
        tables[analysis.name] = {"article_id": "string", **analysis.schema}
    tables["errors"] = dict(ERRORS_SCHEMA)
    return tables


def _identity(source: Any, metadata: Any) -> tuple[str, str | None, str | None]:
    if isinstance(source, (str, os.PathLike)):
        corpus = os.fspath(source)
        if not any(ch in corpus for ch in "*?["):
            corpus = str(Path(corpus).resolve())
    else:
        corpus = f"<{type(source).__name__}>"
    if metadata is None:
        return corpus, None, None
    return corpus, str(Path(metadata).resolve()), file_sha256(metadata)


def _versions() -> dict[str, str]:
    import pandas
    import pyarrow

    return {"python": platform.python_version(), "pandas": pandas.__version__,
            "pyarrow": pyarrow.__version__}


class _Bar:
    """tqdm on stderr (no monitor thread, so forking workers stays safe), or nothing."""

    def __init__(self, total: int | None, initial: int, quiet: bool):
        self.bar = None
        if not quiet:
            from tqdm import tqdm

            class _Tqdm(tqdm):
                monitor_interval = 0

            self.bar = _Tqdm(total=total, initial=initial, unit="article", file=sys.stderr,
                             desc="newslab run", dynamic_ncols=True, smoothing=0.1)

    def update(self, n: int, errors: int) -> None:
        if self.bar is not None:
            self.bar.set_postfix(errors=errors, refresh=False)
            self.bar.update(n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def run_corpus(source: Any, out: str | os.PathLike, *, metadata: str | os.PathLike | None = None,
               workers: int = 1, scheduler: Any = None, analyses: Iterable[str] | None = None,
               quiet: bool = False, timeout: float | None = 60.0, chunk_size: int | None = None) -> RunResult:
    """Apply the analyses to every article of ``source`` and write the tables to ``out``.

    ``source`` is anything :func:`newslab.load_corpus` reads (a folder, a glob, a JSONL/CSV/TSV
    file) or an iterable of :class:`~newslab.Article`. ``metadata`` is joined by
    ``load_corpus``. ``workers > 1`` runs chunks of ``chunk_size`` articles in that many local
    processes; ``scheduler`` (a Dask scheduler address such as ``"tcp://host:8786"``, a
    ``distributed.Client`` or a ``LocalCluster``) runs them on a Dask cluster instead.
    ``analyses`` names the analyses to run (default: every default analysis registered).
    ``timeout`` is the per-article time limit in seconds (``None``: no limit). ``chunk_size``
    is the number of articles per task and Parquet part (default: about four tasks per worker,
    at most :data:`MAX_CHUNK`).

    Rerunning into the same ``out`` resumes: committed articles are skipped. A folder holding
    a run of another corpus, metadata table, analysis set or newslab version raises
    :class:`RunMismatch`.
    """
    started = time.perf_counter()
    if workers < 1:
        raise ValueError(f"workers must be at least 1, got {workers}")
    if chunk_size is not None and chunk_size < 1:
        raise ValueError(f"chunk_size must be at least 1, got {chunk_size}")
    selected = tuple(select(analyses))
    tables = _schemas(selected)
    corpus_id, metadata_path, metadata_sha = _identity(source, metadata)
    identity = {"corpus": corpus_id, "metadata": metadata_path, "metadata_sha256": metadata_sha,
                "analyses": [a.name for a in selected], "newslab_version": __version__}
    folder = RunFolder(out)
    attempts = 1
    if folder.exists():
        previous = folder.manifest()
        old = {k: previous.get("identity", {}).get(k) for k in identity}
        changed = [k for k in identity if old[k] != identity[k]]
        if previous.get("tables") and {k: v["schema"] for k, v in previous["tables"].items()} != tables:
            changed.append("table schemas")
        if changed:
            raise RunMismatch(f"{out} holds a run with a different {', '.join(changed)}; "
                              "use a fresh --out folder")
        folder.recover()
        attempts = int(previous.get("attempts", 0)) + 1
    elif folder.path.exists() and any(folder.path.iterdir()):
        raise RunMismatch(f"{out} exists, is not empty and holds no newslab run (no {folder.manifest_path.name})")
    corpus = load_corpus(source, metadata=metadata) if isinstance(source, (str, os.PathLike)) else source
    total = None
    files = getattr(corpus, "files", None)
    if files is not None and all(Path(f).suffix.lower() == ".txt" for f in files):
        total = len(files)
    elif hasattr(source, "__len__"):
        total = len(source)
    manifest = {
        "format": FORMAT, "newslab_version": __version__, "identity": identity,
        "parameters": {"workers": workers, "scheduler": None if scheduler is None else str(scheduler),
                       "timeout": timeout, "chunk_size": chunk_size, "quiet": quiet},
        "versions": _versions(), "status": "running", "attempts": attempts,
        "tables": {name: {"schema": schema} for name, schema in tables.items()},
    }
    folder.path.mkdir(parents=True, exist_ok=True)
    folder.write_manifest(manifest)  # first, so that an interrupted start is still resumable
    folder.prepare(tables)
    if scheduler is not None:
        backend = _Dask(scheduler)
    elif workers > 1:
        backend = _Processes(workers, selected)
    else:
        backend = _Inline()
    if chunk_size is None:
        chunk_size = MAX_CHUNK if total is None else max(1, min(MAX_CHUNK, -(-total // (4 * backend.slots))))
        manifest["parameters"]["chunk_size"] = chunk_size
        folder.write_manifest(manifest)

    committed = [a for c in folder.commits() for a in c["articles"]]  # (id, path, sha256, n_errors)
    done = {aid: sha for aid, _path, sha, _n in committed}
    bar = _Bar(total, len(done), quiet)
    counts = {"processed": 0, "errors": sum(1 for a in committed if a[3])}

    def on_result(result: ChunkResult) -> None:
        folder.commit(result.part, result.parts, {"articles": result.articles})
        counts["processed"] += len(result.articles)
        counts["errors"] += result.n_errors
        bar.update(len(result.articles), counts["errors"])

    tasks = _tasks(_items(corpus), done, selected, timeout, chunk_size)
    try:
        _execute(tasks, backend, on_result, selected)
    finally:
        backend.close()
        bar.close()
    return _finish(folder, manifest, started, counts["processed"], len(done))


def _finish(folder: RunFolder, manifest: dict, started: float, processed: int, resumed: int) -> RunResult:
    import hashlib

    records = sorted((a for c in folder.commits() for a in c["articles"]), key=lambda a: a[0])
    digest = hashlib.sha256("".join(f"{aid}\t{sha or ''}\n" for aid, _p, sha, _n in records).encode("utf-8"))
    errors = sum(1 for a in records if a[3])
    rows = {name: folder.row_counts(name) for name in manifest["tables"]}
    folder.sync()  # the committed parts' renames reach the disk before the manifest does
    seconds = time.perf_counter() - started
    status = "complete" if not errors else "partial"
    manifest = {**manifest, "status": status,
                "inputs": {"articles": len(records), "articles_sha256": digest.hexdigest()},
                "counts": {"articles": len(records), "with_errors": errors, "processed": processed,
                           "resumed": resumed, "seconds": round(seconds, 3)},
                "tables": {name: {**info, "rows": rows[name]} for name, info in manifest["tables"].items()}}
    folder.write_manifest(manifest)
    return RunResult(folder.path, status, len(records), processed, resumed, errors, seconds, rows)
