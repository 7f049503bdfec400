"""Articles in, one way: files on disk become :class:`Article` records.

An :class:`Article`'s ``text`` is the file's full decoded text, unaltered — every offset
anywhere in newslab indexes into it. Loaders never guess silently: a file that cannot be
read as news text raises :class:`ArticleError`, whose message names the file (and the line
for JSON Lines / CSV rows) and whose ``reason`` is one of :data:`REASONS`.

Formats
-------
``.txt``
    The title on the first non-empty line, paragraphs separated by blank lines. Metadata may
    sit beside it in a sidecar ``<stem>.meta.json`` (``{"date": "2022-01-21", "source": ...}``;
    any other keys go to ``Article.meta``).
``.jsonl`` / ``.csv`` / ``.tsv``
    One article per row: a ``text`` column (required) and optional ``id``, ``title``, ``date``,
    ``source`` columns; other columns go to ``meta``.

>>> article = load_article(SEED_PATH)
>>> article.title, article.date.isoformat()
('Blinken, Lavrov, do not expect progress in Ukraine', '2022-01-21')

See Also: :func:`load_corpus` for folders, globs and metadata tables.
"""
from __future__ import annotations

import csv
import datetime as dt
import glob as globlib
import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from newslab.tables import frame

SEED_PATH = Path(__file__).resolve().parent.parent / "seeds" / "000_0c9859ee3d48e6bf.txt"

#: Why an article could not be loaded.
REASONS = ("missing", "empty", "binary", "encoding", "malformed", "column", "date", "unsupported")

ARTICLE_FORMATS = (".txt",)
TABLE_FORMATS = (".jsonl", ".csv", ".tsv")

_TEXT_COLUMNS = ("text", "body", "content")
_ID_COLUMNS = ("id", "article_id", "filename", "file", "name")
_DATE_COLUMNS = ("date", "publication_date", "published", "pub_date")
_SOURCE_COLUMNS = ("source", "publisher", "outlet")


class ArticleError(ValueError):
    """An input that cannot be loaded as an article; says which file (and line) and why."""

    def __init__(self, path: str | os.PathLike, reason: str, detail: str, line: int | None = None):
        self.path = str(path)
        self.reason = reason
        self.detail = detail
        self.line = line
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {reason}: {detail}")


@dataclass(frozen=True)
class Article:
    """One news article. ``text`` is unaltered; ``title`` is its first non-empty line."""

    id: str
    title: str
    text: str
    date: dt.date | None = None
    source: str | None = None
    path: str | None = None
    meta: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


# --- decoding ---------------------------------------------------------------------------

# control bytes other than tab, line feed, form feed and carriage return
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    control = len(sample) - len(sample.translate(None, _CONTROL))
    return control > max(8, len(sample) // 100)


def decode(data: bytes, path: str | os.PathLike = "<bytes>", line: int | None = None) -> tuple[str, dict]:
    """Decode article bytes: UTF-8 (BOM stripped), UTF-16 with a BOM, or cp1252 with a warning.

    Returns the text and the metadata recording how it was decoded.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), {"encoding": "utf-16"}
        except UnicodeDecodeError as exc:
            raise ArticleError(path, "encoding", f"invalid UTF-16 at byte {exc.start}", line) from None
    if _looks_binary(data):
        raise ArticleError(path, "binary", "this looks like a binary file, not text", line)
    if data.startswith(b"\xef\xbb\xbf"):
        data, info = data[3:], {"encoding": "utf-8", "bom": True}
    else:
        info = {"encoding": "utf-8"}
    try:
        return data.decode("utf-8"), info
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise ArticleError(
            path, "encoding",
            f"not UTF-8 (bad byte 0x{data[first_bad]:02x} at offset {first_bad}) "
            f"and not cp1252 (byte 0x{data[exc.start]:02x} at offset {exc.start})", line) from None
    warning = (f"not valid UTF-8 (byte 0x{data[first_bad]:02x} at offset {first_bad}); "
               "decoded as cp1252 (Windows Latin-1)")
    return text, {"encoding": "cp1252", "warnings": [warning]}


def _parse_date(value: Any, path, line=None) -> dt.date | None:
    if value is None or value == "" or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if text.lower() in ("none", "null", "nan", "unknown"):
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise ArticleError(path, "date", f"date {text!r} is not an ISO date (YYYY-MM-DD)", line) from None


def _title_of(text: str) -> str:
    for raw in text.splitlines():
        if raw.strip():
            return raw.strip()
    return ""


def _clean(value: Any) -> Any:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, str) and value.strip().lower() in ("", "none", "null", "nan"):
        return None
    return value


def _pick(row: dict, names: tuple[str, ...]) -> tuple[str | None, Any]:
    for name in names:
        if name in row:
            return name, row[name]
    return None, None


def article_from_text(text: str, *, id: str | None = None, date: dt.date | str | None = None,
                      source: str | None = None, title: str | None = None, path: str | None = None,
                      meta: dict | None = None) -> Article:
    """Wrap a string as an :class:`Article` (id defaults to a hash of the text)."""
    if not isinstance(text, str):
        raise TypeError(f"text must be str, got {type(text).__name__}")
    where = path or "<text>"
    if not text.strip():
        raise ArticleError(where, "empty", "the article has no text")
    return Article(
        id=id or hashlib.sha256(text.encode("utf-8")).hexdigest()[:16],
        title=title if title is not None else _title_of(text),
        text=text,
        date=_parse_date(date, where),
        source=_clean(source),
        path=path,
        meta=dict(meta or {}),
    )


def _sidecar(path: Path) -> dict:
    side = path.with_name(path.stem + ".meta.json")
    if not side.exists():
        return {}
    try:
        data = json.loads(side.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise ArticleError(side, "malformed", f"sidecar is not valid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise ArticleError(side, "malformed", "sidecar must hold a JSON object")
    return data


def load_article(path: str | os.PathLike, *, date: dt.date | str | None = None,
                 source: str | None = None) -> Article:
    """Load one ``.txt`` article (and its ``.meta.json`` sidecar, if any).

    ``date`` and ``source`` override what the sidecar says.
    """
    path = Path(path)
    if not path.exists():
        raise ArticleError(path, "missing", "no such file")
    if path.is_dir():
        raise ArticleError(path, "unsupported", "is a folder; use load_corpus for folders")
    data = path.read_bytes()
    if not data.strip():
        raise ArticleError(path, "empty", "the file is empty" if not data else "the file holds only white space")
    text, info = decode(data, path)
    if not text.strip():
        raise ArticleError(path, "empty", "the file holds only white space")
    side = _sidecar(path)
    meta = {k: v for k, v in side.items() if k not in ("date", "source", "title", "id")}
    meta.update(info)
    return Article(
        id=str(side.get("id") or path.stem),
        title=str(side.get("title") or _title_of(text)),
        text=text,
        date=_parse_date(date if date is not None else side.get("date"), path),
        source=_clean(source if source is not None else side.get("source")),
        path=str(path),
        meta=meta,
    )


# --- tables of articles (JSONL / CSV / TSV) ----------------------------------------------

def _rows(path: Path) -> Iterator[tuple[int, dict | ArticleError]]:
    """(line number, row dict or error) for every record of a JSONL/CSV/TSV file."""
    data = path.read_bytes()
    if not data.strip():
        raise ArticleError(path, "empty", "the file is empty")
    text, _info = decode(data, path)
    if path.suffix.lower() == ".jsonl":
        for number, raw in enumerate(text.splitlines(), start=1):
            if not raw.strip():
                continue
            try:
                row = json.loads(raw)
            except ValueError as exc:
                yield number, ArticleError(path, "malformed", f"not valid JSON ({exc.msg} at column {exc.colno})", number)
                continue
            if not isinstance(row, dict):
                yield number, ArticleError(path, "malformed", "a JSON line must hold an object", number)
                continue
            yield number, row
        return
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    reader = csv.DictReader(text.splitlines(keepends=True), delimiter=delimiter)
    if not reader.fieldnames:
        raise ArticleError(path, "malformed", "no header row", 1)
    for row in reader:
        number = reader.line_num
        if None in row:
            yield number, ArticleError(path, "malformed", f"{len(row[None]) + len(reader.fieldnames)} fields where the header has {len(reader.fieldnames)}", number)
            continue
        yield number, row


def _article_from_row(row: dict, path: Path, line: int) -> Article:
    column, text = _pick(row, _TEXT_COLUMNS)
    if column is None:
        raise ArticleError(path, "column", f"no text column (expected one of {', '.join(_TEXT_COLUMNS)}; found {', '.join(map(str, row))})", line)
    if not isinstance(text, str) or not text.strip():
        raise ArticleError(path, "empty", f"column {column!r} is empty", line)
    id_col, ident = _pick(row, _ID_COLUMNS)
    date_col, date = _pick(row, _DATE_COLUMNS)
    src_col, source = _pick(row, _SOURCE_COLUMNS)
    used = {column, id_col, date_col, src_col, "title"}
    meta = {k: v for k, v in row.items() if k not in used}
    meta["line"] = line
    return Article(
        id=str(_clean(ident) or f"{path.stem}-{line}"),
        title=str(_clean(row.get("title")) or _title_of(text)),
        text=text,
        date=_parse_date(date, path, line),
        source=_clean(source),
        path=str(path),
        meta=meta,
    )


# --- corpora ---------------------------------------------------------------------------

def _expand(source: str | os.PathLike) -> list[Path]:
    text = os.fspath(source)
    path = Path(text)
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_FORMATS
                      and not p.name.endswith(".meta.json"))
    if path.is_file():
        return [path]
    if any(ch in text for ch in "*?["):
        matches = sorted(Path(p) for p in globlib.glob(text, recursive=True))
        return [p for p in matches if p.is_file() and not p.name.endswith(".meta.json")]
    raise ArticleError(text, "missing", "no such file, folder or glob match")


def read_metadata(path: str | os.PathLike) -> dict[str, dict]:
    """A CSV/TSV metadata table as {key: row}; keys are the ``id``/``filename`` column values."""
    path = Path(path)
    if not path.exists():
        raise ArticleError(path, "missing", "no such metadata table")
    sep = "\t" if path.suffix.lower() in (".tsv", ".tab") else ","
    try:
        table = pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise ArticleError(path, "malformed", str(exc).strip()) from None
    key = next((c for c in _ID_COLUMNS if c in table.columns), None)
    if key is None:
        raise ArticleError(path, "column", f"no key column (expected one of {', '.join(_ID_COLUMNS)})", 1)
    out = {}
    for row in table.to_dict("records"):
        name = row[key]
        out[name] = row
        out[Path(name).stem] = row
    return out


@dataclass(frozen=True)
class LoadError:
    """A corpus member that could not be loaded."""

    path: str
    line: int | None
    reason: str
    message: str


ARTICLE_SCHEMA = {"article_id": "string", "title": "string", "date": "datetime64[s]", "source": "string",
                  "path": "string", "n_chars": "int64", "encoding": "string"}
ERROR_SCHEMA = {"path": "string", "line": "Int64", "reason": "string", "message": "string"}


class Corpus:
    """A lazy collection of articles: files are read only while iterating.

    Iterating yields :class:`Article` objects and records what could not be loaded in
    :attr:`errors` (one bad file never stops the others). :meth:`iter_results` yields the
    errors in stream order too, for batch runners.
    """

    def __init__(self, source: str | os.PathLike, *, metadata: str | os.PathLike | None = None):
        self.source = os.fspath(source)
        self.metadata = os.fspath(metadata) if metadata is not None else None
        self.files = _expand(source)
        self._meta = read_metadata(metadata) if metadata is not None else None
        self.errors: list[LoadError] = []

    def __repr__(self) -> str:
        return f"Corpus({self.source!r}, files={len(self.files)})"

    def _join(self, article: Article) -> Article:
        if not self._meta:
            return article
        row = self._meta.get(article.id) or (self._meta.get(Path(article.path).stem) if article.path else None)
        if row is None:
            return article
        _, date = _pick(row, _DATE_COLUMNS)
        _, source = _pick(row, _SOURCE_COLUMNS)
        meta = {**{k: v for k, v in row.items() if v not in ("", None)}, **article.meta}
        return Article(
            id=article.id, title=article.title, text=article.text,
            date=article.date or _parse_date(date, self.metadata),
            source=article.source or _clean(source), path=article.path, meta=meta)

    def iter_results(self) -> Iterator[Article | ArticleError]:
        """Every member in order: an :class:`Article`, or the :class:`ArticleError` it raised."""
        for path in self.files:
            if path.suffix.lower() in TABLE_FORMATS:
                try:
                    for line, row in _rows(path):
                        if isinstance(row, ArticleError):
                            yield row
                            continue
                        try:
                            yield self._join(_article_from_row(row, path, line))
                        except ArticleError as exc:
                            yield exc
                except ArticleError as exc:
                    yield exc
                continue
            try:
                yield self._join(load_article(path))
            except ArticleError as exc:
                yield exc

    def __iter__(self) -> Iterator[Article]:
        self.errors = []
        for item in self.iter_results():
            if isinstance(item, ArticleError):
                self.errors.append(LoadError(item.path, item.line, item.reason, str(item)))
            else:
                yield item

    def to_frame(self) -> pd.DataFrame:
        """One row per loaded article (texts are not kept); errors are in :meth:`errors_frame`."""
        return frame(((a.id, a.title, pd.Timestamp(a.date) if a.date else pd.NaT, a.source, a.path,
                       len(a.text), a.meta.get("encoding")) for a in self), ARTICLE_SCHEMA)

    def errors_frame(self) -> pd.DataFrame:
        return frame(((e.path, e.line, e.reason, e.message) for e in self.errors), ERROR_SCHEMA)


def load_corpus(source: str | os.PathLike, *, metadata: str | os.PathLike | None = None) -> Corpus:
    """A lazy :class:`Corpus` from a folder (recursive ``.txt``), a glob, or a JSONL/CSV/TSV file.

    ``metadata`` is a CSV/TSV table joined on its ``id``/``filename`` column with the article
    id (the file stem), e.g. PolNeAR's ``metadata.tsv`` (publisher, publication_date).
    """
    return Corpus(source, metadata=metadata)
