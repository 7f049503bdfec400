"""Paths and helpers shared by the tests (imported as ``support``; conftest holds the fixtures)."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_0c9859ee3d48e6bf.txt"


def require(data_dir: Path, *parts: str) -> Path:
    """A path under the data folder, failing loudly when it is missing."""
    path = data_dir.joinpath(*parts)
    if not path.exists():
        pytest.fail(f"NEWSLAB_DATA is set but {path} is missing")
    return path
