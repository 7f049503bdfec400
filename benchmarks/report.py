"""Wall time of ``newslab report`` on the seed against the naive pipeline, in the same run.

Naive peer: for each notebook the report runs, the ``papermill`` CLI (one process + one kernel),
then ``jupyter nbconvert --to html`` (another process), one notebook after the other.
newslab: one process, kernels in parallel (one per notebook), HTML exported in-process.

    .venv/bin/python benchmarks/report.py [--repeat N] [--jobs N]

Prints both wall times, the ratio (goal <= 0.4) and whether newslab stayed under 15 s.
"""
from __future__ import annotations

import os
import sys


import argparse
import subprocess
import tempfile
import time
from pathlib import Path

import newslab
from newslab.report import discover, run_report

BIN = Path(sys.executable).parent


def naive(out: Path, names: list[str], seed: Path, nbdir: Path) -> float:
    start = time.perf_counter()
    for name in names:
        executed = out / f"{name}.ipynb"
        subprocess.run([str(BIN / "papermill"), str(nbdir / f"{name}.ipynb"), str(executed), "-p", "article",
                        str(seed), "--cwd", str(nbdir), "--no-progress-bar"], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        subprocess.run([str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input", str(executed)],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def ours(out: Path, jobs: int | None) -> tuple[float, list[str]]:
    start = time.perf_counter()
    result = run_report(None, out, progress=False, workers=jobs)
    elapsed = time.perf_counter() - start
    if not result.ok:
        raise SystemExit(f"report failed: {[r.error for r in result.failed]}")
    return elapsed, [r.name for r in result.runs]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="runs of each pipeline; the best is kept")
    parser.add_argument("--jobs", type=int, default=None, help="newslab report workers (default: CPU count)")
    args = parser.parse_args()
    seed = Path(newslab.SEED_PATH)
    nbdir = discover()[0].path.parent
    ours_times, naive_times = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.repeat):
            t, names = ours(Path(tmp) / f"ours{i}", args.jobs)
            ours_times.append(t)
            d = Path(tmp) / f"naive{i}"
            d.mkdir()
            naive_times.append(naive(d, names, seed, nbdir))
    best_ours, best_naive = min(ours_times), min(naive_times)
    print(f"notebooks: {len(names)} ({', '.join(names)}) on {seed.name}; {os.cpu_count()} CPUs")
    print(f"naive (papermill CLI + jupyter nbconvert, sequential): {best_naive:.2f} s")
    print(f"newslab report (parallel kernels, in-process HTML):    {best_ours:.2f} s")
    ratio = best_ours / best_naive
    print(f"ratio newslab/naive: {ratio:.2f} (goal <= 0.40: {'met' if ratio <= 0.4 else 'NOT met'}); "
          f"under 15 s: {'yes' if best_ours < 15 else 'NO'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
