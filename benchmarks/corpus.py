"""Benchmark: full corpus runs on PolNeAR train+dev (924 articles), speed, scaling and memory.

Runs ``newslab.run_corpus`` (every default analysis) over the PolNeAR train+dev texts with
their metadata, and over the same texts repeated k times (symlinks under a temporary folder,
with a matching temporary metadata table), each measurement in a fresh subprocess:

- articles/s and MB/s (UTF-8 text) end to end with 1 and 2 workers, and the 2-worker speed-up;
  on a shared machine wall-clock figures move with the load, so it also prints articles per
  CPU-second (the per-core rate) and the speed-up two free cores would allow, from the CPU
  time of the parent (reading, writing) and of each worker;
- peak RSS (the process plus its worker processes, sampled every 50 ms) at 1x, 4x, 16x;
- the peer: a naive loop that builds every table in memory and writes it with
  ``DataFrame.to_parquet`` at the end (no fault isolation, no resume), at the same sizes;
- where the time goes: milliseconds per article for each analysis (one pass, in process).

Goals (issue 7): >= 100 articles/s per core, >= 1.8x on 2 cores, peak RSS flat and < 1 GB at 16x.

Usage::

    NEWSLAB_DATA=../shared/data python benchmarks/corpus.py [--sizes 1,4,16] [--peer-sizes 1,4]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from _common import data_dir


def _data() -> Path:
    root = data_dir() / "polnear"
    if not (root / "metadata.tsv").is_file():
        sys.exit(f"benchmarks/corpus.py: {root}/metadata.tsv is missing")
    return root


def build_corpus(root: Path, folder: Path, repeat: int) -> tuple[Path, Path, int, int]:
    """Symlink train+dev texts ``repeat`` times into ``folder``; a metadata table to match."""
    import pandas as pd

    texts = sorted((root / "train" / "text").glob("*.txt")) + sorted((root / "dev" / "text").glob("*.txt"))
    meta = pd.read_csv(root / "metadata.tsv", sep="\t", dtype=str, keep_default_na=False)
    meta = meta.drop_duplicates("filename").set_index("filename")
    corpus = folder / f"corpus-{repeat}x"
    corpus.mkdir(parents=True)
    rows, size = [], 0
    for k in range(repeat):
        for path in texts:
            name = f"r{k:02d}_{path.stem}"
            (corpus / f"{name}.txt").symlink_to(path)
            size += len(path.read_text(encoding="utf-8").encode("utf-8"))
            if path.stem in meta.index:
                rows.append({**meta.loc[path.stem].to_dict(), "filename": name})
    metadata = folder / f"metadata-{repeat}x.tsv"
    pd.DataFrame(rows).to_csv(metadata, sep="\t", index=False)
    return corpus, metadata, len(texts) * repeat, size


# --- child: one measured run ----------------------------------------------------------------

class PeakRSS:
    """Peak resident memory of this process plus its children, sampled in a thread (whose own
    CPU time is recorded so that it can be left out of the CPU figures)."""

    def __init__(self, interval: float = 0.05):
        import psutil

        self.process, self.interval, self.peak, self.cpu = psutil.Process(), interval, 0, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        import psutil

        while not self._stop.is_set():
            total = 0
            try:
                total = self.process.memory_info().rss
                for child in self.process.children(recursive=True):
                    try:
                        total += child.memory_info().rss
                    except psutil.Error:
                        pass
            except psutil.Error:
                pass
            self.peak = max(self.peak, total)
            self.cpu = time.thread_time()  # the sampler's own CPU time, left out of the figures
            self._stop.wait(self.interval)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def naive(corpus: str, metadata: str, out: Path) -> int:
    """The peer: every table built in memory, concatenated and written at the end."""
    import pandas as pd

    import newslab as nl
    from newslab.corpus.registry import select

    analyses = select(None)
    tables: dict[str, list] = {a.name: [] for a in analyses}
    n = 0
    for article in nl.load_corpus(corpus, metadata=metadata):
        for analysis in analyses:
            df = analysis.func(article)
            df.insert(0, "article_id", article.id)
            tables[analysis.name].append(df)
        n += 1
    out.mkdir(parents=True, exist_ok=True)
    for name, frames in tables.items():
        pd.concat(frames, ignore_index=True).to_parquet(out / f"{name}.parquet")
    return n


def child(args) -> None:
    import resource

    import newslab as nl
    from newslab.corpus.registry import select

    names = [a.name for a in select(None)]
    usage = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    cpu0 = sum(u.ru_utime + u.ru_stime for u in usage)
    own0 = usage[0].ru_utime + usage[0].ru_stime
    with PeakRSS() as rss:
        start = time.perf_counter()
        if args.peer:
            articles = naive(args.corpus, args.metadata, Path(args.out))
        else:
            result = nl.run_corpus(args.corpus, args.out, metadata=args.metadata, workers=args.workers,
                                   quiet=True)
            articles = result.articles
        seconds = time.perf_counter() - start
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)  # worker processes, once reaped
    cpu = own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime - cpu0
    cpu -= rss.cpu
    parent = own.ru_utime + own.ru_stime - own0 - rss.cpu
    print(json.dumps({"articles": articles, "seconds": seconds, "cpu_seconds": cpu, "parent_cpu_seconds": parent,
                      "peak_rss": max(rss.peak, own.ru_maxrss * 1024), "analyses": names}))


def measure(corpus: Path, metadata: Path, out: Path, *, workers: int = 1, peer: bool = False) -> dict:
    command = [sys.executable, __file__, "--child", "--corpus", str(corpus), "--metadata", str(metadata),
               "--out", str(out), "--workers", str(workers)] + (["--peer"] if peer else [])
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def breakdown(corpus: Path, metadata: Path) -> dict[str, float]:
    """CPU milliseconds per article spent in each analysis (and loading), one pass in process, as
    a run computes them: each analysis's rows where it has a rows function (the run builds its
    Parquet parts from those), in pipeline order, so that per-text caches shared by later
    analyses (timexes, sentences) are charged to the first that needs them. The actor index,
    which timeline, attributions and stance share, is built first and charged to its own line
    ("actor index"); the analyses then find it cached."""
    import newslab as nl
    from newslab.attribution.actors import index
    from newslab.corpus.registry import select

    analyses = select(None)
    spent = {"load": 0.0, "actor index": 0.0, **{a.name: 0.0 for a in analyses}}
    n = 0
    items = iter(nl.load_corpus(corpus, metadata=metadata))
    clock = time.process_time
    while True:
        t0 = clock()
        article = next(items, None)
        spent["load"] += clock() - t0
        if article is None:
            break
        n += 1
        t0 = clock()
        index(article.text)
        spent["actor index"] += clock() - t0
        for analysis in analyses:
            t0 = clock()
            (getattr(analysis, "rows", None) or analysis.func)(article)
            spent[analysis.name] += clock() - t0
    return {name: 1000 * s / n for name, s in spent.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,4,16", help="corpus repetitions for the memory series")
    parser.add_argument("--peer-sizes", default="1,4", help="repetitions the naive peer is run at")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--peer", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    parser.add_argument("--metadata", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    parser.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    root = _data()
    sizes = sorted({1, *(int(s) for s in args.sizes.split(","))})
    peer_sizes = [int(s) for s in args.peer_sizes.split(",") if s]
    mb = 1024 * 1024
    with tempfile.TemporaryDirectory(prefix="newslab-bench-") as tmp:
        tmp = Path(tmp)
        built = {k: build_corpus(root, tmp / f"in{k}", k) for k in sorted({*sizes, *peer_sizes})}
        corpus, metadata, n1, size1 = built[1]
        print(f"PolNeAR train+dev: {n1} articles, {size1 / mb:.2f} MB of text; cores: {os.cpu_count()}")
        parts = breakdown(corpus, metadata)
        total = sum(parts.values())
        print("\nCPU time per article by stage (one pass, in process): "
              + ", ".join(f"{k} {v:.2f} ms" for k, v in parts.items()) + f"; total {total:.2f} ms "
              f"= {1000 / total:.0f} articles/s before any runner overhead")

        print("\nspeed at 1x (end to end: load, analyses, Parquet, commit):")
        runs = {}
        for workers in (1, 2):
            r = measure(corpus, metadata, tmp / f"out-1x-{workers}w", workers=workers)
            runs[workers] = r
            print(f"  newslab run, {workers} worker(s): {r['seconds']:.2f} s, "
                  f"{r['articles'] / r['seconds']:.1f} articles/s, {size1 / mb / r['seconds']:.3f} MB/s, "
                  f"{r['articles'] / r['seconds'] / workers:.1f} articles/s per worker, "
                  f"{r['articles'] / r['cpu_seconds']:.1f} articles per CPU-second, "
                  f"peak RSS {r['peak_rss'] / mb:.0f} MB")
        print(f"  analyses: {', '.join(runs[1]['analyses'])}")
        print(f"  2-worker speed-up: {runs[1]['seconds'] / runs[2]['seconds']:.2f}x (wall clock); "
              f"load average during the runs: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        two = runs[2]
        workers_cpu = (two["cpu_seconds"] - two["parent_cpu_seconds"]) / 2
        bound = runs[1]["cpu_seconds"] / max(workers_cpu, two["parent_cpu_seconds"], two["cpu_seconds"] / 2)
        print(f"  with 2 free cores (from CPU time): workers {workers_cpu:.1f} CPU-s each, parent "
              f"{two['parent_cpu_seconds']:.1f} CPU-s (reading, writing) -> speed-up bound {bound:.2f}x")

        print("\npeak RSS by corpus size (2 workers: the process plus its workers):")
        series = {1: runs[2]}
        for k in sizes:
            if k == 1:
                continue
            series[k] = measure(built[k][0], built[k][1], tmp / f"out-{k}x", workers=2)
        for k in sizes:
            r = series[k]
            print(f"  newslab run {k:>2}x ({r['articles']:>5} articles): peak RSS {r['peak_rss'] / mb:.0f} MB, "
                  f"{r['articles'] / r['seconds']:.1f} articles/s")
        for k in peer_sizes:
            r = measure(built[k][0], built[k][1], tmp / f"peer-{k}x", peer=True)
            ours = series.get(k)
            ratio = f"; newslab run uses {ours['peak_rss'] / r['peak_rss']:.2f}x its memory" if ours else ""
            print(f"  peer (naive in-memory loop + pandas.to_parquet) {k:>2}x ({r['articles']:>5} articles): "
                  f"peak RSS {r['peak_rss'] / mb:.0f} MB, {r['articles'] / r['seconds']:.1f} articles/s, "
                  f"{r['articles'] / r['cpu_seconds']:.1f} articles per CPU-second (1 process){ratio}")
        growth = series[max(sizes)]["peak_rss"] / series[1]["peak_rss"]
        print(f"\nRSS growth 1x -> {max(sizes)}x for newslab run: {growth:.2f}x")
        per_core = runs[1]["articles"] / runs[1]["cpu_seconds"]
        speedup = runs[1]["seconds"] / runs[2]["seconds"]
        top = series[max(sizes)]["peak_rss"] / mb
        print("\ngoals: >= 100 articles/s per core: "
              f"{'met' if per_core >= 100 else 'not met'} ({per_core:.1f} articles per CPU-second); "
              f">= 1.8x on 2 cores: {'met' if speedup >= 1.8 else 'not met'} ({speedup:.2f}x); "
              f"< 1 GB at {max(sizes)}x: {'met' if top < 1024 else 'not met'} ({top:.0f} MB)")


if __name__ == "__main__":
    main()
