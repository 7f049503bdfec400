"""Tidy tables with stable columns and dtypes.

Every table newslab returns is built through :func:`frame` from a *schema* — an ordered
mapping of column name to pandas dtype — so a table with zero rows still has its columns
and dtypes, and the same input always gives byte-identical frames.

Dtype conventions used across the package:

- ``"int64"``   ids and offsets that are always present;
- ``"Int64"``   offsets or counts that may be missing (``pd.NA``), e.g. an attribution with no source;
- ``"string"``  text (pandas' ``StringDtype``, the same under pandas 2 and 3);
- ``"float64"`` scores;
- ``"boolean"`` flags that may be missing, ``"bool"`` flags that may not.

>>> [str(t) for t in frame([(0, "a")], {"id": "int64", "text": "string"}).dtypes]
['int64', 'string']
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

try:
    import pyarrow as pa
    from pandas.arrays import ArrowStringArray
except ImportError:  # pandas without pyarrow stores strings as Python objects
    pa = None
_from_arrays = getattr(pd.DataFrame, "_from_arrays", None)

Schema = Mapping[str, str]

_EXTENSION = ("string", "Int64", "boolean")
_NUMPY = ("int64", "float64", "bool")


def _strings(values: list, dtype):
    """A "string" column; pyarrow-backed strings straight from pyarrow when every value is a str or None
    (what ``pd.array`` would do after checking each value)."""
    if pa is not None and dtype.storage == "pyarrow" and dtype.na_value is pd.NA:
        for v in values:
            if type(v) is not str and v is not None:
                break
        else:
            try:
                return ArrowStringArray(pa.array(values, type=pa.large_string()))
            except (pa.ArrowException, ValueError, TypeError):  # e.g. lone surrogates: let pandas decide
                pass
    return pd.array(values, dtype=dtype)


def _integers(values: list):
    """An "Int64" column; straight from numpy when every value is an int or missing (None, ``pd.NA``)."""
    NA = pd.NA
    for v in values:
        if type(v) is not int and v is not None and v is not NA:
            return pd.array(values, dtype="Int64")
    mask = np.array([v is None or v is NA for v in values], dtype=bool)
    try:
        data = np.array([0 if m else v for v, m in zip(values, mask.tolist())], dtype="int64")
    except OverflowError:  # beyond int64: let pandas raise its own error
        return pd.array(values, dtype="Int64")
    return pd.arrays.IntegerArray(data, mask)


def _column(values: list, dtype: str, string=None):
    """One column with its dtype, built directly (several times faster than DataFrame.astype)."""
    if dtype == "string":
        return _strings(values, string if string is not None else pd.StringDtype())
    if dtype == "Int64":
        return _integers(values)
    if dtype in _EXTENSION:
        return pd.array(values, dtype=dtype)
    if dtype in _NUMPY:
        return np.array(values, dtype=dtype)
    return pd.Series(values, dtype=object).astype(dtype).array


def frame(rows: Iterable[Any], schema: Schema) -> pd.DataFrame:
    """Build a DataFrame from tuples (in schema order) or dicts, with the schema's dtypes."""
    rows = list(rows)
    columns = list(schema)
    if rows and isinstance(rows[0], Mapping):
        data = [[r.get(c) for r in rows] for c in columns]
    else:
        data = [list(column) for column in zip(*rows)] if rows else [[] for _ in columns]
        if len(data) != len(columns):  # rows shorter than the schema: fail as indexing would
            data = [[r[i] for r in rows] for i in range(len(columns))]
    string = pd.StringDtype()  # resolved once per table (it follows pandas' string storage option)
    arrays = [_column(values, schema[c], string) for c, values in zip(columns, data)]
    if _from_arrays is not None:  # the constructor's own path for a dict of arrays, minus its checks
        return _from_arrays(arrays, columns=pd.Index(columns), index=pd.RangeIndex(len(rows)),
                            verify_integrity=False)
    return pd.DataFrame(dict(zip(columns, arrays)), columns=columns)


def empty(schema: Schema) -> pd.DataFrame:
    """A table with the schema's columns and dtypes and no rows."""
    return frame([], schema)
