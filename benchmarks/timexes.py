"""Throughput of the timex tagger against dateparser.search_dates on the TimeML dev corpus.

Usage: NEWSLAB_DATA=../shared/data python benchmarks/timexes.py [--limit N]

Both taggers see the same texts with the document creation time as the relative base;
newslab is timed twice (the list primitive ``timex_spans`` and the table ``timexes``),
dateparser once (it is much slower; ``--limit`` caps its share of documents). Times are the
process's CPU time (``time.process_time``), so that other load on the machine does not count.
The first pass is also reported alone: it fills the tagger's caches (rule dispatch, one-off
tables), as a corpus run's single pass over new texts does.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import warnings
from pathlib import Path

from _common import best_of
from newslab.evaluate.timeml import read_timeml_dir  # noqa: E402
from newslab.timeline import timex_spans, timexes


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=0, help="documents given to dateparser (default 0 = all)")
    ap.add_argument("--repeat", type=int, default=3, help="newslab passes over the corpus (best kept)")
    args = ap.parse_args(argv)
    root = os.environ.get("NEWSLAB_DATA")
    if not root:
        print("NEWSLAB_DATA is not set", file=sys.stderr)
        return 2
    docs = []
    for corpus in ("timebank", "aquaint"):
        docs += read_timeml_dir(Path(root) / "timeml" / corpus)
    texts = [(d.text, d.dct) for d in docs]
    mb = sum(len(t.encode("utf-8")) for t, _ in texts) / 1e6
    print(f"corpus: {len(texts)} documents, {mb:.3f} MB (TimeBank + AQUAINT dev)")

    def bench(fn, items, repeat):
        # CPU time of this process: both taggers are single-threaded, and on a shared, loaded
        # machine wall-clock time mostly measures the other processes
        def one_pass():
            for text, dct in items:
                fn(text, dct)
        return best_of(one_pass, repeat, cpu=True)

    t_first = bench(timex_spans, texts, 1)  # the first pass in this process: cold caches
    t_spans = bench(timex_spans, texts, args.repeat)
    t_table = bench(timexes, texts, args.repeat)
    print(f"newslab.timex_spans   {mb / t_first:7.2f} MB/s (first pass, cold caches)")
    print(f"newslab.timex_spans   {mb / t_spans:7.2f} MB/s")
    print(f"newslab.timexes       {mb / t_table:7.2f} MB/s (DataFrame per document)")

    from dateparser.search import search_dates
    sub = texts[: args.limit] if args.limit else texts
    sub_mb = sum(len(t.encode("utf-8")) for t, _ in sub) / 1e6

    def dp(text, dct):
        base = dt.datetime.combine(dct, dt.time()) if dct else None
        return search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base} if base else None)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        dp(*sub[0])  # warm-up (dateparser loads its language data lazily)
        t_dp = bench(dp, sub, 1)
        ours_sub = bench(timex_spans, sub, args.repeat)
    print(f"dateparser.search_dates {sub_mb / t_dp:5.3f} MB/s on the first {len(sub)} documents "
          f"({sub_mb:.3f} MB); newslab on the same texts {sub_mb / ours_sub:.2f} MB/s")
    print(f"ratio newslab/dateparser (same texts): {t_dp / ours_sub:.1f}x (timex_spans), goal >= 30x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
