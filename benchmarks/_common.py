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


def best_of(fn, repeat: int = 3, *, cpu: bool = False) -> float:
    """Best time of ``repeat`` runs (seconds): wall time, or with ``cpu`` this process's own CPU
    time, which holds better on a machine shared with other work."""
    clock = time.process_time if cpu else time.perf_counter
    times = []
    for _ in range(repeat):
        t = clock()
        fn()
        times.append(clock() - t)
    return min(times)


def compare(what: str, count: int, unit: str, ours, peer, peer_name: str, *, goal: str = "",
            repeat: int = 2, cpu: bool = False) -> float:
    """Time ``ours`` and ``peer`` over the same ``count`` items; print both rates and the ratio."""
    rate = count / best_of(ours, repeat, cpu=cpu)
    peer_rate = count / best_of(peer, repeat, cpu=cpu)
    clock = "CPU" if cpu else "wall"
    print(f"newslab {what}: {rate:12,.1f} {unit}/s ({clock} time){f'  (goal {goal})' if goal else ''}")
    print(f"{peer_name}: {peer_rate:12,.1f} {unit}/s")
    print(f"ratio newslab / {peer_name}: {rate / peer_rate:.2f}")
    return rate


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
