"""Shared helpers for the benchmark scripts: finding the corpora, timing, peak memory."""
from __future__ import annotations

import os
import resource
import sys
import time
from pathlib import Path


def data_dir() -> Path:
    value = os.environ.get("NEWSLAB_DATA")
    if not value or not Path(value).is_dir():
        sys.exit("set NEWSLAB_DATA to the folder holding the development corpora (e.g. ../shared/data)")
    return Path(value)


def polnear_texts(folder: str | None = None) -> list[str]:
    root = Path(folder) if folder else data_dir() / "polnear"
    paths = sorted(root.rglob("*.txt"))
    if not paths:
        sys.exit(f"no .txt files under {root}")
    return [p.read_text(encoding="utf-8") for p in paths]


def best_of(fn, repeat: int = 3) -> float:
    """Best wall time of ``repeat`` runs (seconds)."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
