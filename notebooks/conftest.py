"""nbval configuration for the committed notebooks.

Run with (from the repository root)::

    pytest tests notebooks --nbval --nbval-current-env --nbval-sanitize-with notebooks/nbval_sanitize.cfg

- Evaluation notebooks (``"newslab": {"kind": "evaluation"}`` in their metadata) need the
  development corpora: they are skipped, with the reason shown, when ``$NEWSLAB_DATA`` is unset.
- Matplotlib's font cache is built here, once, before any kernel starts, so that no notebook
  prints "building the font cache" on stderr on a fresh machine (nbval compares stderr too).
Without ``--nbval`` nothing here collects anything: ``pytest tests`` ignores ``*.ipynb``.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest


def _kind(path: Path) -> str | None:
    try:
        meta = json.loads(path.read_text(encoding="utf-8")).get("metadata", {})
    except (OSError, ValueError):
        return None
    return (meta.get("newslab") or {}).get("kind")


def pytest_configure(config):
    if config.getoption("--nbval", default=False) or config.getoption("--nbval-lax", default=False):
        import matplotlib.font_manager  # noqa: F401  - builds the cache in MPLCONFIGDIR


def pytest_ignore_collect(collection_path, config):
    # papermill outputs and checkpoints are not committed notebooks
    name = collection_path.name
    if name.endswith(".out.ipynb") or ".ipynb_checkpoints" in collection_path.parts:
        return True
    return None


def pytest_collection_modifyitems(config, items):
    if os.environ.get("NEWSLAB_DATA"):
        return
    skip = pytest.mark.skip(reason="evaluation notebook: NEWSLAB_DATA is not set, the development corpora "
                                   "are not available")
    kinds: dict[Path, str | None] = {}
    for item in items:
        path = Path(str(item.fspath))
        if path.suffix != ".ipynb":
            continue
        if path not in kinds:
            kinds[path] = _kind(path)
        if kinds[path] == "evaluation":
            item.add_marker(skip)
