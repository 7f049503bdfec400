"""Shared fixtures.

``data_dir`` gives the development corpora from ``$NEWSLAB_DATA``: tests that need it skip
with a reason when the variable is unset and fail when it is set but the data is missing.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_0c9859ee3d48e6bf.txt"


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


def require(data_dir: Path, *parts: str) -> Path:
    """A path under the data folder, failing loudly when it is missing."""
    path = data_dir.joinpath(*parts)
    if not path.exists():
        pytest.fail(f"NEWSLAB_DATA is set but {path} is missing")
    return path
