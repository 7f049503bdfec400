"""Shared fixtures.

``data_dir`` gives the development corpora from ``$NEWSLAB_DATA``: tests that need it skip
with a reason when the variable is unset and fail when it is set but the data is missing.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from support import ROOT, SEED, require  # noqa: F401  (re-exported for older imports)


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def data_dir() -> Path:
    value = os.environ.get("NEWSLAB_DATA")
    if not value:
        pytest.skip("NEWSLAB_DATA is not set: the development corpora are not available")
    path = Path(value)
    if not path.is_dir():
        pytest.fail(f"NEWSLAB_DATA={value!r} is set but is not a folder")
    return path

