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

>>> frame([(0, "a")], {"id": "int64", "text": "string"}).dtypes.tolist()
[dtype('int64'), string[python]]
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

Schema = Mapping[str, str]

_EXTENSION = ("string", "Int64", "boolean")
_NUMPY = ("int64", "float64", "bool")


def _column(values: list, dtype: str):
    """One column with its dtype, built directly (several times faster than DataFrame.astype)."""
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
        data = {c: [r.get(c) for r in rows] for c in columns}
    else:
        data = {c: [r[i] for r in rows] for i, c in enumerate(columns)}
    return pd.DataFrame({c: _column(data[c], schema[c]) for c in columns}, columns=columns)


def empty(schema: Schema) -> pd.DataFrame:
    """A table with the schema's columns and dtypes and no rows."""
    return frame([], schema)
