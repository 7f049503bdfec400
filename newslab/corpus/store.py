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

1. every table's part is written to a hidden temporary file ``<table>/.<part>.parquet.tmp``;
2. the marker ``_commits/<part>.json`` is written to a temporary name and renamed — this
   rename is the commit point;
3. the temporary parts are renamed to ``<table>/<part>.parquet``.

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
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression="zstd")
    return sink.getvalue().to_pybytes()


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


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
        """Write one chunk's parts of every table and its marker, atomically (see module doc)."""
        tmps = []
        for table, data in parts.items():
            tmp = self.path / table / f".{part}{SUFFIX}.tmp"
            tmp.write_bytes(data)
            tmps.append((tmp, self.path / table / f"{part}{SUFFIX}"))
        write_json(self.path / COMMITS / f"{part}.json", {**record, "part": part, "tables": sorted(parts)})
        for tmp, final in tmps:
            os.replace(tmp, final)

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
