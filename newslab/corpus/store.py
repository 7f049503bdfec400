"""The run folder: Parquet parts committed atomically, recovery after a crash, reading back.

Layout of ``OUT``::

    manifest.json                 parameters, input hashes, counts, status
    _commits/<part>.json          one marker per committed chunk: its articles and hashes
    articles/<part>.parquet       one part per chunk in every table folder
    sentences/<part>.parquet
    ...
    errors/<part>.parquet

A part is named ``part-<index of its first article, 8 digits>-<hash of its article ids>``,
so that reading the parts in name order gives the rows in corpus order. Committing a chunk
is a small write-ahead protocol:

1. every table's part is written to a hidden temporary file ``<table>/.<part>.parquet.tmp``,
   synced to the disk (fsync of the file, then of its folder);
2. the marker ``_commits/<part>.json`` is written to a temporary name, synced, renamed, and the
   ``_commits`` folder synced — this rename is the commit point;
3. the temporary parts are renamed to ``<table>/<part>.parquet`` (the folders are synced again
   before the manifest says the run is complete).

:func:`recover` (run before a run resumes) finishes step 3 for committed chunks and deletes
the temporary files of chunks that were never committed. So after a ``kill -9`` at any moment
the folder never shows a torn file, and a chunk is either entirely present or absent. Hidden
(``.``) and ``_`` names are also skipped by pyarrow's dataset reader, so
``pd.read_parquet(OUT / "timexes")`` reads a table folder as one table.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from newslab.tables import Schema, empty

MANIFEST = "manifest.json"
COMMITS = "_commits"
SUFFIX = ".parquet"


def part_name(first_index: int, article_ids: Iterable[str]) -> str:
    digest = hashlib.sha1("\n".join(article_ids).encode("utf-8")).hexdigest()[:10]
    return f"part-{first_index:08d}-{digest}"


def arrow_schema(schema: Schema) -> pa.Schema:
    """The Parquet schema of a table (pandas metadata included, so dtypes round-trip)."""
    return _arrow_schema(tuple(schema.items()))


@lru_cache(maxsize=256)
def _arrow_schema(items: tuple[tuple[str, str], ...]) -> pa.Schema:
    return pa.Schema.from_pandas(empty(dict(items)), preserve_index=False)


def to_parquet_bytes(df: pd.DataFrame, schema: Schema) -> bytes:
    table = pa.Table.from_pandas(df, schema=arrow_schema(schema), preserve_index=False)
    return _parquet_bytes(table)


def _parquet_bytes(table: pa.Table) -> bytes:
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression="zstd")
    return sink.getvalue().to_pybytes()


# dtypes whose columns :func:`rows_to_parquet_bytes` builds straight from Python values; the
# flag says whether the column may hold nulls
_DIRECT = {"string": True, "Int64": True, "float64": True, "int64": False, "datetime64[ms]": True}


@lru_cache(maxsize=256)
def _direct_types(items: tuple[tuple[str, str], ...]) -> tuple[tuple, ...] | None:
    if any(dtype not in _DIRECT for _, dtype in items):
        return None
    schema = _arrow_schema(items)
    return tuple((schema.field(name).type, _DIRECT[dtype]) for name, dtype in items)


def rows_to_parquet_bytes(keys: list[str], pieces: list[list[tuple]], schema: Schema) -> bytes | None:
    """Parquet bytes of the table whose rows are ``pieces`` (each keyed by its ``keys`` value, the
    first column), built straight from the tuples with pyarrow — the same bytes as
    :func:`to_parquet_bytes` of the equivalent :func:`newslab.tables.frame`, without the pandas
    round trip. None when the schema has a dtype this path does not build, or a value that
    :func:`~newslab.tables.frame` would not take as is (e.g. a missing value in an ``int64``
    column): the caller then builds the frame, which reports the problem.
    """
    items = tuple(schema.items())
    types = _direct_types(items)
    if types is None:
        return None
    n = len(items) - 1
    rows = [row for piece in pieces for row in piece]
    columns = list(zip(*rows)) if rows else [()] * n
    if len(columns) != n:
        return None
    key_column = [key for key, piece in zip(keys, pieces) for _ in range(len(piece))]
    arrays = []
    try:
        for values, (kind, nullable) in zip([key_column, *columns], types):
            array = pa.array(values, type=kind, from_pandas=True)
            if not nullable and array.null_count:
                return None
            arrays.append(array)
    except (pa.ArrowException, TypeError, ValueError, OverflowError):
        return None
    return _parquet_bytes(pa.Table.from_arrays(arrays, schema=_arrow_schema(items)))


def _write_synced(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` and flush it to the disk (fsync) before returning."""
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def sync_dir(path: Path) -> None:
    """Flush a directory's entries (files created, renamed) to the disk, where the system allows it."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:  # e.g. Windows, where a directory cannot be opened (and need not be synced)
        return
    try:
        os.fsync(fd)
    except OSError:  # a file system without directory sync
        pass
    finally:
        os.close(fd)


def _atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` by ``data`` durably: a synced temporary file renamed over it, then the
    directory synced, so that after a crash (even a power loss) ``path`` is the old or the new data."""
    tmp = path.with_name(f".{path.name}.tmp")
    _write_synced(tmp, data)
    os.replace(tmp, path)
    sync_dir(path.parent)


def write_json(path: Path, obj: Any) -> None:
    _atomic_write(path, (json.dumps(obj, indent=2, default=str) + "\n").encode("utf-8"))


def read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


class RunFolder:
    """The output folder of a corpus run (see the module docstring for the layout)."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)

    @property
    def manifest_path(self) -> Path:
        return self.path / MANIFEST

    def exists(self) -> bool:
        return self.manifest_path.is_file()

    def manifest(self) -> dict:
        return read_json(self.manifest_path)

    def write_manifest(self, manifest: Mapping) -> None:
        write_json(self.manifest_path, manifest)

    def tables(self) -> list[str]:
        """Table names in the folder, in the order of the manifest (else sorted)."""
        if self.exists():
            names = list(self.manifest().get("tables", {}))
            if names:
                return names
        return sorted(p.name for p in self.path.iterdir()
                      if p.is_dir() and not p.name.startswith((".", "_")))

    def prepare(self, tables: Iterable[str]) -> None:
        (self.path / COMMITS).mkdir(parents=True, exist_ok=True)
        for name in tables:
            (self.path / name).mkdir(exist_ok=True)

    # --- committing ---------------------------------------------------------------------

    def commit(self, part: str, parts: Mapping[str, bytes], record: Mapping) -> None:
        """Write one chunk's parts of every table and its marker, atomically and durably (see
        the module docstring): the temporary parts are synced to the disk, with their folders'
        entries, before the marker is, so that a marker that survives a crash (even a power loss)
        always finds its parts."""
        tmps = []
        for table, data in parts.items():
            tmp = self.path / table / f".{part}{SUFFIX}.tmp"
            _write_synced(tmp, data)
            tmps.append((tmp, self.path / table / f"{part}{SUFFIX}"))
        for folder in dict.fromkeys(tmp.parent for tmp, _ in tmps):
            sync_dir(folder)
        write_json(self.path / COMMITS / f"{part}.json", {**record, "part": part, "tables": sorted(parts)})
        for tmp, final in tmps:
            os.replace(tmp, final)

    def sync(self) -> None:
        """Flush every table folder's entries (the renames of committed parts) to the disk."""
        for folder in self.path.iterdir():
            if folder.is_dir() and not folder.name.startswith("."):
                sync_dir(folder)

    def recover(self) -> int:
        """Finish committed chunks and drop uncommitted temporary files; returns files dropped."""
        commits = self.path / COMMITS
        if not commits.is_dir():
            return 0
        committed = {p.stem for p in commits.glob("*.json")}
        dropped = 0
        for tmp in commits.glob(".*.tmp"):
            tmp.unlink()
            dropped += 1
        for folder in self.path.iterdir():
            if not folder.is_dir() or folder.name.startswith((".", "_")):
                continue
            for tmp in folder.glob(f".*{SUFFIX}.tmp"):
                part = tmp.name[1:-len(f"{SUFFIX}.tmp")]
                if part in committed:
                    os.replace(tmp, folder / f"{part}{SUFFIX}")
                else:
                    tmp.unlink()
                    dropped += 1
            for orphan in folder.glob(f"part-*{SUFFIX}"):  # cannot happen by protocol; be safe
                if orphan.name[:-len(SUFFIX)] not in committed:
                    orphan.unlink()
                    dropped += 1
        return dropped

    def commits(self) -> Iterator[dict]:
        """Markers of committed chunks, in part (= corpus) order."""
        folder = self.path / COMMITS
        if folder.is_dir():
            for path in sorted(folder.glob("part-*.json")):
                yield read_json(path)

    # --- reading ------------------------------------------------------------------------

    def part_files(self, table: str) -> list[Path]:
        """Committed part files of ``table``, in corpus order."""
        return [self.path / table / f"{c['part']}{SUFFIX}" for c in self.commits()
                if table in c.get("tables", ())]

    def schema(self, table: str) -> dict[str, str] | None:
        if self.exists():
            return self.manifest().get("tables", {}).get(table, {}).get("schema")
        return None

    def read(self, table: str, columns: list[str] | None = None) -> pd.DataFrame:
        schema = self.schema(table)
        files = [p for p in self.part_files(table) if p.exists()]
        if schema is None and not files:
            raise KeyError(f"{self.path} has no table {table!r}; tables: {', '.join(self.tables())}")
        if not files:
            df = empty(schema)
        else:
            arrow = pa.concat_tables(pq.read_table(p, columns=columns) for p in files)
            df = arrow.to_pandas()
            if schema is not None:
                df = df.astype({c: t for c, t in schema.items() if c in df.columns})
        if columns is not None:
            df = df[columns]
        return df.reset_index(drop=True)

    def iter_read(self, table: str, columns: list[str] | None = None) -> Iterator[pd.DataFrame]:
        """One frame per committed part, for tables too large to hold at once."""
        schema = self.schema(table) or {}
        for path in self.part_files(table):
            df = pq.read_table(path, columns=columns).to_pandas()
            yield df.astype({c: t for c, t in schema.items() if c in df.columns})

    def row_counts(self, table: str) -> int:
        return sum(pq.ParquetFile(p).metadata.num_rows for p in self.part_files(table) if p.exists())


def file_sha256(path: str | os.PathLike) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
