"""Corpus runs: fault isolation, resume after kill -9, processes and Dask, stable Parquet dtypes."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

import newslab as nl
from newslab.cli import main
from newslab.corpus import (ARTICLES_SCHEMA, ERRORS_SCHEMA, RunMismatch, register_analysis,
                            registered, unregister_analysis)
from newslab.corpus.store import RunFolder, to_parquet_bytes
from newslab.tables import frame

from support import ROOT, require

PROBE = {"probe_id": "int64", "n_words": "int64", "word": "string"}


def _article(i: int) -> str:
    # Synthetic text written for these tests (no corpus text is copied).
    return (f"Report number {i} on the talks\n\n"
            f"Officials met in Geneva on Friday for round {i} of the talks. "
            f"The minister said progress was slow.\n\n"
            f"A spokesman said on Monday that another meeting would follow in {2020 + i % 5}.\n")


def _corpus(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"a{i:03d}.txt").write_text(_article(i), encoding="utf-8")
    return folder


def _words(article) -> pd.DataFrame:
    words = article.text.split()
    return frame([(0, len(words), words[0])], PROBE)


def _buggy(article) -> pd.DataFrame:
    if article.id == "a001":
        return 1 / 0
    return _words(article)


def _busy(article) -> pd.DataFrame:
    if article.id == "a002":  # busy loop: interruptible by the signal and by the watchdog
        end = time.monotonic() + 30
        while time.monotonic() < end:
            pass
    return _words(article)


def _crash(article) -> pd.DataFrame:
    if article.id == "a003":
        os._exit(7)
    return _words(article)


@pytest.fixture
def extra_analyses():
    for name, func in (("probe", _words), ("buggy", _buggy), ("busy", _busy), ("crash", _crash)):
        register_analysis(name, func, PROBE, default=False)
    yield
    for name in ("probe", "buggy", "busy", "crash"):
        unregister_analysis(name)


@pytest.fixture
def bad_corpus(tmp_path) -> Path:
    folder = _corpus(tmp_path / "corpus", 4)
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "empty.txt").write_bytes(b"")
    # 0x81 is undefined in cp1252 too, so the file cannot be decoded at all
    (folder / "encoding.txt").write_bytes("Headline\n\nCaf\u00e9 talks ".encode("latin-1") + b"\x81\x81 end.\n")
    return folder


def _no_duplicates(tables: dict[str, pd.DataFrame]) -> None:
    assert tables["articles"]["article_id"].is_unique
    keys = {"sentences": ["article_id", "sentence_id"], "probe": ["article_id", "probe_id"]}
    for name, key in keys.items():
        if name in tables:
            assert not tables[name].duplicated(key).any(), name


# --- fault isolation ------------------------------------------------------------------------

def test_bad_files_and_failing_analyses_are_recorded_and_the_rest_completes(bad_corpus, tmp_path, extra_analyses):
    out = tmp_path / "run"
    result = nl.run_corpus(bad_corpus, out, analyses=["sentences", "probe", "buggy", "busy"],
                           timeout=1.0, quiet=True)
    assert result.status == "partial" and result.exit_code == 3
    tables = nl.load_run(out)
    articles = tables["articles"].set_index("article_id")
    assert sorted(articles.index) == ["a000", "a001", "a002", "a003", "binary", "empty", "encoding"]
    assert articles.loc[["binary", "empty", "encoding"], "status"].tolist() == ["failed"] * 3
    assert articles.loc[["a000", "a003"], "status"].tolist() == ["ok", "ok"]
    assert articles.loc[["a001", "a002"], "status"].tolist() == ["partial", "partial"]

    errors = tables["errors"].set_index("article_id")
    assert sorted(errors.index) == ["a001", "a002", "binary", "empty", "encoding"]
    assert errors.loc["binary", "stage"] == "load" and ": binary:" in errors.loc["binary", "message"]
    assert ": empty:" in errors.loc["empty", "message"]
    assert ": encoding:" in errors.loc["encoding", "message"]
    assert errors.loc["a001", "stage"] == "buggy"
    assert errors.loc["a001", "error_type"] == "ZeroDivisionError"
    assert "1 / 0" in errors.loc["a001", "traceback"]
    assert errors.loc["a002", "stage"] == "busy"
    assert errors.loc["a002", "error_type"] == "ArticleTimeout"

    # the failing analysis lost only its own row; everything else is there
    assert sorted(tables["probe"]["article_id"]) == ["a000", "a001", "a002", "a003"]
    assert sorted(tables["buggy"]["article_id"]) == ["a000", "a002", "a003"]
    assert sorted(tables["busy"]["article_id"]) == ["a000", "a001", "a003"]
    assert set(tables["sentences"]["article_id"]) == {"a000", "a001", "a002", "a003"}
    _no_duplicates(tables)


def test_cli_exit_codes(bad_corpus, tmp_path, capsys):
    good = _corpus(tmp_path / "good", 3)
    assert main(["run", str(good), "--out", str(tmp_path / "ok"), "--analyses", "sentences", "--quiet"]) == 0
    assert main(["run", str(bad_corpus), "--out", str(tmp_path / "bad"), "--analyses", "sentences",
                 "--quiet"]) == 3
    # the same folder with other analyses is refused, not mixed
    assert main(["run", str(good), "--out", str(tmp_path / "ok"), "--quiet"]) == 2
    assert "different analyses" in capsys.readouterr().err
    assert main(["run", str(tmp_path / "missing"), "--out", str(tmp_path / "x"), "--quiet"]) == 2
    assert not (tmp_path / "x").exists()  # nothing written, so a corrected command can use it


def test_worker_crash_is_isolated_to_its_article(tmp_path, extra_analyses):
    corpus = _corpus(tmp_path / "corpus", 8)
    result = nl.run_corpus(corpus, tmp_path / "run", analyses=["probe", "crash"], workers=2,
                           chunk_size=3, quiet=True)
    tables = nl.load_run(tmp_path / "run")
    assert result.status == "partial"
    errors = tables["errors"]
    assert errors["article_id"].tolist() == ["a003"]
    assert errors["error_type"].tolist() == ["WorkerCrash"]
    assert tables["articles"]["article_id"].tolist() == [f"a{i:03d}" for i in range(8)]
    assert sorted(tables["probe"]["article_id"]) == [f"a{i:03d}" for i in range(8) if i != 3]


def test_duplicate_ids_are_recorded_once_each(tmp_path):
    (tmp_path / "c" / "x").mkdir(parents=True)
    (tmp_path / "c" / "y").mkdir()
    (tmp_path / "c" / "x" / "same.txt").write_text(_article(1), encoding="utf-8")
    (tmp_path / "c" / "y" / "same.txt").write_text(_article(2), encoding="utf-8")
    nl.run_corpus(tmp_path / "c", tmp_path / "run", analyses=["sentences"], quiet=True)
    tables = nl.load_run(tmp_path / "run")
    assert tables["articles"]["article_id"].tolist() == ["same", "same~2"]
    assert tables["errors"]["message"].str.contains("duplicate article id 'same'").tolist() == [True]
    assert tables["errors"]["error_type"].tolist() == ["DuplicateArticleId"]


# --- resume -----------------------------------------------------------------------------------

SLOW_SCHEMA = {"probe_id": "int64", "n_chars": "int64"}
SLOW_RUN = """
import sys, time
import newslab.corpus as c
from newslab.tables import frame

def slow(article):
    time.sleep(0.04)
    return frame([(0, len(article.text))], {"probe_id": "int64", "n_chars": "int64"})

c.register_analysis("slow", slow, {"probe_id": "int64", "n_chars": "int64"})
from newslab.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _fast(article) -> pd.DataFrame:  # what the subprocess's slow analysis returns, at once
    return frame([(0, len(article.text))], SLOW_SCHEMA)


def test_resume_after_kill_9_has_every_article_once(tmp_path):
    corpus = _corpus(tmp_path / "corpus", 24)
    out = tmp_path / "run"
    command = [sys.executable, "-c", SLOW_RUN, "run", str(corpus), "--out", str(out),
               "--analyses", "sentences,slow", "--chunk-size", "2", "--quiet"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(command, env=env)
    deadline = time.monotonic() + 60
    while len(list((out / "_commits").glob("part-*.json"))) < 3:
        assert proc.poll() is None, "the run ended before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    done_before = sum(len(c["articles"]) for c in RunFolder(out).commits())
    assert 0 < done_before < 24

    assert subprocess.run(command, env=env).returncode == 0  # the same command again
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["status"] == "complete" and manifest["attempts"] == 2
    assert manifest["counts"]["resumed"] == done_before
    assert manifest["counts"]["processed"] == 24 - done_before
    assert not [p for p in out.rglob(".*") if p.is_file()], "temporary files left behind"

    tables = nl.load_run(out)
    assert tables["articles"]["article_id"].tolist() == [f"a{i:03d}" for i in range(24)]
    assert tables["slow"]["article_id"].tolist() == [f"a{i:03d}" for i in range(24)]
    _no_duplicates(tables)
    register_analysis("slow", _fast, SLOW_SCHEMA, default=False)
    try:
        # identical to an uninterrupted run
        nl.run_corpus(corpus, tmp_path / "fresh", analyses=["sentences", "slow"], chunk_size=2, quiet=True)
        for name, table in nl.load_run(tmp_path / "fresh").items():
            pd.testing.assert_frame_equal(table, tables[name], obj=name)
        # and running once more has nothing left to do
        again = nl.run_corpus(corpus, out, analyses=["sentences", "slow"], chunk_size=2, quiet=True)
        assert (again.processed, again.resumed, again.articles) == (0, 24, 24)
    finally:
        unregister_analysis("slow")


def test_recover_finishes_committed_chunks_and_drops_uncommitted(tmp_path):
    folder = RunFolder(tmp_path)
    folder.prepare(["articles", "errors"])
    data = to_parquet_bytes(frame([], ERRORS_SCHEMA), ERRORS_SCHEMA)
    # a chunk killed after its commit marker, before its parts were renamed
    (tmp_path / "articles" / ".part-00000000-aaaa.parquet.tmp").write_bytes(data)
    (tmp_path / "_commits" / "part-00000000-aaaa.json").write_text(
        json.dumps({"part": "part-00000000-aaaa", "tables": ["articles"], "articles": []}))
    # a chunk killed before its marker, and a torn marker
    (tmp_path / "errors" / ".part-00000005-bbbb.parquet.tmp").write_bytes(data[:10])
    (tmp_path / "_commits" / ".part-00000005-bbbb.json.tmp").write_text("{")
    assert folder.recover() == 2
    assert [p.name for p in (tmp_path / "articles").iterdir()] == ["part-00000000-aaaa.parquet"]
    assert list((tmp_path / "errors").iterdir()) == []
    assert [p.name for p in (tmp_path / "_commits").iterdir()] == ["part-00000000-aaaa.json"]


@pytest.mark.skipif(os.name == "nt", reason="directories cannot be synced on Windows")
def test_commit_syncs_parts_and_their_folders_to_disk_before_the_marker(tmp_path, monkeypatch):
    folder = RunFolder(tmp_path)
    folder.prepare(["articles", "errors"])
    data = to_parquet_bytes(frame([], ERRORS_SCHEMA), ERRORS_SCHEMA)
    events = []
    fsync, replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd: (events.append(("fsync", os.fstat(fd).st_ino)), fsync(fd)))
    monkeypatch.setattr(os, "replace", lambda a, b: (events.append(("replace", Path(b).name)), replace(a, b)))
    part = "part-00000000-abcd"
    folder.commit(part, {"articles": data, "errors": data}, {"articles": []})
    commit_point = events.index(("replace", f"{part}.json"))
    before = {x for kind, x in events[:commit_point] if kind == "fsync"}
    after = {x for kind, x in events[commit_point:] if kind == "fsync"}
    for table in ("articles", "errors"):
        assert os.stat(tmp_path / table / f"{part}.parquet").st_ino in before  # the data
        assert os.stat(tmp_path / table).st_ino in before  # its name
        assert events.index(("replace", f"{part}.parquet")) > commit_point
    assert os.stat(tmp_path / "_commits" / f"{part}.json").st_ino in before
    assert os.stat(tmp_path / "_commits").st_ino in after  # the commit point itself


def test_out_folder_that_is_not_a_run_is_refused(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(RunMismatch, match="holds no newslab run"):
        nl.run_corpus(ROOT / "seeds", tmp_path, quiet=True)


# --- parallel ---------------------------------------------------------------------------------

def test_processes_give_the_same_tables_as_one_process(tmp_path, extra_analyses):
    corpus = _corpus(tmp_path / "corpus", 10)
    nl.run_corpus(corpus, tmp_path / "one", analyses=["sentences", "probe"], chunk_size=3, quiet=True)
    nl.run_corpus(corpus, tmp_path / "two", analyses=["sentences", "probe"], chunk_size=3, workers=2,
                  quiet=True)
    one, two = nl.load_run(tmp_path / "one"), nl.load_run(tmp_path / "two")
    assert len(one["articles"]) == 10
    for name in one:
        pd.testing.assert_frame_equal(one[name], two[name], obj=name)


def test_dask_local_cluster(tmp_path, extra_analyses):
    distributed = pytest.importorskip("distributed")
    corpus = _corpus(tmp_path / "corpus", 6)
    nl.run_corpus(corpus, tmp_path / "local", analyses=["sentences", "probe"], chunk_size=2, quiet=True)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None) as cluster:
        result = nl.run_corpus(corpus, tmp_path / "dask", analyses=["sentences", "probe", "busy"],
                               chunk_size=2, scheduler=cluster.scheduler_address, timeout=1.0, quiet=True)
    assert result.status == "partial"
    local, dask = nl.load_run(tmp_path / "local"), nl.load_run(tmp_path / "dask")
    for name in ("sentences", "probe"):
        pd.testing.assert_frame_equal(local[name], dask[name], obj=name)
    # the time limit also holds in a Dask worker thread (watchdog, no signals there)
    errors = dask["errors"]
    assert errors[["article_id", "stage", "error_type"]].values.tolist() == [["a002", "busy", "ArticleTimeout"]]


def test_dask_worker_crash_is_isolated_to_its_article(tmp_path):
    distributed = pytest.importorskip("distributed")
    import dask

    def crash(article):  # nested, so that Dask sends it by value to its worker processes
        import os

        from newslab.tables import frame

        if article.id == "a002":
            os._exit(7)  # the worker process dies
        return frame([(0, len(article.text.split()), "x")],
                     {"probe_id": "int64", "n_words": "int64", "word": "string"})

    register_analysis("crash_dask", crash, PROBE, default=False)
    corpus = _corpus(tmp_path / "corpus", 5)
    try:
        # the scheduler gives up on a task at the first worker it kills (default: retry 3 times)
        with dask.config.set({"distributed.scheduler.allowed-failures": 0}), \
                distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                                         dashboard_address=None) as cluster:
            result = nl.run_corpus(corpus, tmp_path / "run", analyses=["sentences", "crash_dask"],
                                   chunk_size=2, scheduler=cluster.scheduler_address, quiet=True)
    finally:
        unregister_analysis("crash_dask")
    assert result.status == "partial" and result.errors == 1
    tables = nl.load_run(tmp_path / "run")
    assert tables["errors"][["article_id", "stage", "error_type"]].values.tolist() == [
        ["a002", "worker", "WorkerCrash"]]
    articles = tables["articles"]
    assert articles["article_id"].tolist() == [f"a{i:03d}" for i in range(5)]
    assert articles["status"].tolist() == ["ok", "ok", "failed", "ok", "ok"]
    # a003 shared its chunk with a002: it was run again on its own and completed
    assert tables["crash_dask"]["article_id"].tolist() == ["a000", "a001", "a003", "a004"]
    assert sorted(set(tables["sentences"]["article_id"])) == ["a000", "a001", "a003", "a004"]


# --- schemas ----------------------------------------------------------------------------------

def test_dtypes_are_stable_when_every_table_is_empty(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    out = tmp_path / "run"
    nl.run_corpus(corpus, out, quiet=True)
    expected = {"articles": ARTICLES_SCHEMA, "errors": ERRORS_SCHEMA}
    for name, analysis in registered().items():
        if analysis.default:
            expected[name] = {"article_id": "string", **analysis.schema}
    tables = nl.load_run(out)
    assert list(tables) == ["articles", *[n for n in expected if n not in ("articles", "errors")], "errors"]
    for name, schema in expected.items():
        assert {c: str(t) for c, t in tables[name].dtypes.items()} == dict(schema), name
        # and read directly with pandas from the dataset folder
        direct = pd.read_parquet(out / name)
        assert {c: str(t) for c, t in direct.dtypes.items()} == dict(schema), name
    assert len(tables["articles"]) == 1 and len(tables["sentences"]) == 0


def test_dtypes_are_the_same_with_rows(tmp_path):
    nl.run_corpus(ROOT / "seeds", tmp_path, quiet=True)
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    for name, table in nl.load_run(tmp_path).items():
        assert {c: str(t) for c, t in table.dtypes.items()} == manifest["tables"][name]["schema"], name
        assert pq.read_schema(next((tmp_path / name).glob("*.parquet"))).names == list(table.columns)


def test_sentences_table_matches_newslab_sentences(tmp_path, seed_path):
    nl.run_corpus(seed_path, tmp_path, analyses=["sentences"], quiet=True)
    table = nl.read_table(tmp_path, "sentences")
    text = nl.load_article(seed_path).text
    expected = nl.sentences(text)
    pd.testing.assert_frame_equal(table[list(expected.columns)], expected)
    assert table["n_tokens"].tolist() == nl.tokens(text).groupby("sentence_id").size().tolist()
    article = nl.read_table(tmp_path, "articles").iloc[0]
    assert article["n_sentences"] == len(expected) and article["date"] == pd.Timestamp("2022-01-21")


# --- rows straight to Arrow ---------------------------------------------------------------------

def _builtins_with_rows() -> list:
    return [a for a in registered().values() if a.rows is not None]


def _check_rows_match_functions(articles) -> int:
    checked = 0
    for article in articles:
        for analysis in _builtins_with_rows():
            expected = analysis.func(article)
            got = frame(analysis.rows(article), analysis.schema)
            pd.testing.assert_frame_equal(got, expected, check_exact=True, obj=f"{analysis.name} {article.id}")
            checked += len(expected)
    return checked


def test_builtin_rows_are_the_rows_of_the_public_tables(seed_path, tmp_path):
    names = {a.name for a in _builtins_with_rows()}
    assert {"sentences", "tokens", "timexes", "timeline", "actors", "attributions", "stance"} <= names
    articles = [nl.load_article(seed_path), *nl.load_corpus(_corpus(tmp_path / "c", 3))]
    assert _check_rows_match_functions(articles) > 100


@pytest.mark.data
def test_builtin_rows_are_the_rows_of_the_public_tables_on_polnear(data_dir):
    text = require(data_dir, "polnear", "dev", "text")
    metadata = require(data_dir, "polnear", "metadata.tsv")
    articles = list(nl.load_corpus(text, metadata=metadata))[::6]
    assert len(articles) == 14 and all(a.date for a in articles)
    assert _check_rows_match_functions(articles) > 1000


def _parts(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*.parquet"))}


def test_rows_and_frames_write_byte_identical_parts(tmp_path, seed_path):
    corpus = _corpus(tmp_path / "corpus", 5)
    (corpus / "seed.txt").write_bytes(seed_path.read_bytes())
    (corpus / "binary.txt").write_bytes(b"\x00\x01" * 50)
    analyses = ["sentences", "tokens", "timexes", "timeline", "actors", "attributions", "stance"]
    nl.run_corpus(corpus, tmp_path / "rows", analyses=analyses, chunk_size=3, quiet=True)
    fast = _parts(tmp_path / "rows")
    assert len(fast) == 3 * (len(analyses) + 2)
    saved = [registered()[n] for n in analyses]  # the same analyses, registered without rows
    for a in saved:
        register_analysis(a.name, a.func, a.schema, default=a.default)
    try:
        nl.run_corpus(corpus, tmp_path / "frames", analyses=analyses, chunk_size=3, quiet=True)
    finally:
        for a in saved:
            register_analysis(a.name, a.func, a.schema, default=a.default, rows=a.rows)
    assert _parts(tmp_path / "frames") == fast


MIXED = {"n": "int64", "maybe": "Int64", "score": "float64", "text": "string"}


def test_rows_to_parquet_bytes_is_to_parquet_bytes_of_the_frame():
    from newslab.corpus.store import rows_to_parquet_bytes

    schema = {"article_id": "string", **MIXED}
    pieces = [[(0, None, 0.5, "a"), (1, 7, float("nan"), None)], [], [(0, pd.NA, -1.25, "é ’ “x”")]]
    keys = ["x", "y", "z"]
    expected = frame([(k, *row) for k, piece in zip(keys, pieces) for row in piece], schema)
    assert rows_to_parquet_bytes(keys, pieces, schema) == to_parquet_bytes(expected, schema)
    assert rows_to_parquet_bytes([], [], schema) == to_parquet_bytes(frame([], schema), schema)
    # what frame() would refuse or change is left to it: None in an int64 column, another dtype
    assert rows_to_parquet_bytes(["x"], [[(None, 1, 0.5, "a")]], schema) is None
    assert rows_to_parquet_bytes(["x"], [[(0, 1, 0.5, 3)]], schema) is None
    assert rows_to_parquet_bytes(["x"], [[(0, 1)]], schema) is None
    assert rows_to_parquet_bytes(["x"], [[(True,)]], {"article_id": "string", "flag": "bool"}) is None


def test_token_counts_leave_out_only_alternatives_that_cannot_match(seed_path):
    from newslab.text import _token_pattern, count_words, sentence_spans, word_spans

    text = (nl.load_article(seed_path).text
            + "\n\nThey don't agree; it isn’t over. CAN'T stop, won't stop (see https://x.org/a).\n")
    full = _token_pattern(True)  # with the n't alternatives, tried everywhere
    n = 0
    for s, e, _ in sentence_spans(text):
        expected = [m.span() for m in full.finditer(text, s, e)]
        assert word_spans(text, s, e) == expected and count_words(text, s, e) == len(expected)
        n += len(expected)
    assert n == len(nl.tokens(text)) > 500
    words = [text[a:b] for a, b in word_spans(text)]
    assert words[-21:-18] == ["do", "n't", "agree"] and words[-12:-10] == ["CA", "N'T"]


def test_articles_and_errors_parts_are_those_of_their_frames():
    from newslab.corpus.worker import _rows_table

    articles = [("a", "p/a.txt", None, "Title", pd.Timestamp("2022-01-21"), "outlet", 10, "utf-8", "ab12", 2, 9,
                 "ok", 0),
                ("b", "p/b.txt", 3, None, None, None, None, None, None, None, None, "failed", 1)]
    errors = [("b", "p/b.txt", 3, "load", "ArticleError", "p/b.txt:3: empty: the article has no text", ""),
              ("c", None, None, "stance", "ZeroDivisionError", "division by zero", "Traceback …\n  1 / 0\n")]
    for rows, schema in ((articles, ARTICLES_SCHEMA), (errors, ERRORS_SCHEMA), ([], ERRORS_SCHEMA)):
        assert _rows_table(rows, schema) == to_parquet_bytes(frame(rows, schema), schema)


def _odd_rows(article) -> list[tuple]:
    # a000's first column is missing, which an int64 column cannot hold
    return [(None if article.id == "a000" else 1, 2, 0.5, article.id)]


def _odd_frame(article) -> pd.DataFrame:
    return frame(_odd_rows(article), MIXED)


def test_rows_that_do_not_fit_their_schema_are_an_error_of_their_article(tmp_path):
    register_analysis("odd", _odd_frame, MIXED, default=False, rows=_odd_rows)
    try:
        result = nl.run_corpus(_corpus(tmp_path / "corpus", 3), tmp_path / "run",
                               analyses=["sentences", "odd"], quiet=True)
    finally:
        unregister_analysis("odd")
    assert result.status == "partial" and result.errors == 1
    tables = nl.load_run(tmp_path / "run")
    errors = tables["errors"]
    assert errors[["article_id", "stage"]].values.tolist() == [["a000", "odd"]]
    assert tables["odd"]["article_id"].tolist() == ["a001", "a002"]
    articles = tables["articles"]
    assert articles["status"].tolist() == ["partial", "ok", "ok"]
    assert articles["n_errors"].tolist() == [1, 0, 0]
    assert articles["n_sentences"].notna().all()


# --- the corpus notebook on real data -----------------------------------------------------------

@pytest.mark.data
def test_corpus_notebook_on_polnear_dev(data_dir, tmp_path):
    papermill = pytest.importorskip("papermill")
    text = require(data_dir, "polnear", "dev", "text")
    metadata = require(data_dir, "polnear", "metadata.tsv")
    out = tmp_path / "run"
    result = nl.run_corpus(text, out, metadata=metadata, workers=2, quiet=True)
    assert result.articles == 84 and result.status == "complete"
    articles = nl.read_table(out, "articles")
    assert articles["source"].nunique() >= 5 and articles["date"].notna().all()
    executed = tmp_path / "corpus.ipynb"
    papermill.execute_notebook(str(ROOT / "notebooks" / "corpus.ipynb"), str(executed),
                               parameters={"corpus": str(out)}, cwd=str(ROOT / "notebooks"),
                               kernel_name="python3", progress_bar=False)
    results = nl.read_results(executed)
    assert results["articles"] == 84
    assert results["outlets"] == articles["source"].nunique()


# --- corpus summaries (hand-built tables) -------------------------------------------------------

def _tables() -> dict[str, pd.DataFrame]:
    articles = frame([
        ("x1", "ok", "2016-09-12", "nyt"), ("x2", "ok", "2016-09-14", "nyt"),
        ("x3", "ok", "2016-09-19", "breitbart"), ("x4", "ok", None, None), ("x5", "failed", None, None),
    ], {"article_id": "string", "status": "string", "date": "string", "source": "string"})
    articles["date"] = pd.to_datetime(articles["date"]).astype("datetime64[ms]")
    attributions = frame([
        ("x1", "Hillary Clinton", "Clinton"), ("x1", "", "officials"), ("x2", "Hillary Clinton", "she"),
        ("x2", "Donald Trump", "Trump"), ("x3", "Donald Trump", "Trump"), ("x3", "", ""),
    ], {"article_id": "string", "speaker": "string", "source_text": "string"})
    stance = frame([
        ("x1", "(narrator)", "Russia", "negative", -1.0), ("x2", "Hillary Clinton", "Russia", "positive", 0.5),
        ("x2", "(narrator)", "Russia", "negative", -2.0), ("x3", "Donald Trump", "NATO", "neutral", 0.0),
    ], {"article_id": "string", "speaker": "string", "target": "string", "polarity": "string", "score": "float64"})
    timeline = frame([
        ("x2", 1, 10, 20, "talks began", "2016-09-12", "day", 3),
        ("x1", 2, 30, 40, "vote held", "2016-09-12", "day", 5),
        ("x3", 1, 0, 9, "said", "2016-09-19", "day", None),  # only the publication date: left out
        ("x3", 2, 50, 60, "war ended", "1945", "year", 1),
    ], {"article_id": "string", "event_id": "int64", "start": "int64", "end": "int64", "event_text": "string",
        "date": "string", "granularity": "string", "timex_id": "Int64"})
    for column in ("date_end", "actors", "timex_text", "anchor_rule"):
        timeline[column] = pd.array([""] * len(timeline), dtype="string")
    return {"articles": articles, "attributions": attributions, "stance": stance, "timeline": timeline}


def test_outlet_weeks_counts_iso_weeks_and_unknowns():
    weeks = nl.outlet_weeks(_tables())
    assert weeks.values.tolist() == [["(unknown)", "(undated)", 1], ["breitbart", "2016-W38", 1],
                                     ["nyt", "2016-W37", 2]]


def test_top_sources_rank_speakers_then_source_words():
    sources = nl.top_sources(_tables(), top=2)
    assert sources[["outlet", "source", "attributions", "articles", "rank"]].values.tolist() == [
        ["breitbart", "Donald Trump", 1, 1, 1],
        ["nyt", "Hillary Clinton", 2, 2, 1], ["nyt", "Donald Trump", 1, 1, 2]]


def test_stance_by_outlet_pools_speakers():
    matrix = nl.stance_by_outlet(_tables())
    rows = matrix[["outlet", "target", "n", "n_negative", "n_positive", "mean_polarity", "articles"]]
    assert rows.values.tolist() == [["breitbart", "NATO", 1, 0, 0, 0.0, 1],
                                    ["nyt", "Russia", 3, 2, 1, round(-1 / 3, 4), 2]]
    grid = nl.stance_grid(matrix, top=1)
    assert grid.columns.tolist() == ["Russia"] and grid.loc["nyt", "Russia"] == round(-1 / 3, 4)
    assert pd.isna(grid.loc["breitbart", "Russia"])


def test_merged_timeline_keeps_anchored_events_in_date_order():
    timeline = nl.merged_timeline(_tables())
    assert timeline[["date", "outlet", "article_id", "event_text"]].values.tolist() == [
        ["1945", "breitbart", "x3", "war ended"], ["2016-09-12", "nyt", "x1", "vote held"],
        ["2016-09-12", "nyt", "x2", "talks began"]]


def test_summaries_of_empty_tables_keep_their_columns(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "empty.txt").write_bytes(b"")
    nl.run_corpus(corpus, tmp_path / "run", quiet=True)
    tables = nl.load_run(tmp_path / "run")
    for function in (nl.outlet_weeks, nl.top_sources, nl.stance_by_outlet, nl.merged_timeline):
        result = function(tables)
        assert result.empty and len(result.columns) > 2, function.__name__
    assert nl.stance_grid(nl.stance_by_outlet(tables)).shape == (0, 0)


def test_jsonl_corpus_rows_and_a_malformed_line(tmp_path):
    rows = [json.dumps({"id": "first", "text": _article(1), "source": "wire", "date": "2016-09-12"}),
            '{"id": "broken", "text": ',
            json.dumps({"id": "second", "text": _article(2)})]
    (tmp_path / "articles.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = nl.run_corpus(tmp_path / "articles.jsonl", tmp_path / "run", analyses=["sentences"], quiet=True)
    assert (result.articles, result.errors, result.exit_code) == (3, 1, 3)
    articles = nl.read_table(tmp_path / "run", "articles")
    assert articles[["article_id", "line", "status"]].values.tolist() == [
        ["first", 1, "ok"], ["articles-2", 2, "failed"], ["second", 3, "ok"]]
    assert articles["source"].tolist()[0] == "wire"
    errors = nl.read_table(tmp_path / "run", "errors")
    assert errors[["article_id", "line", "stage"]].values.tolist() == [["articles-2", 2, "load"]]


def test_opt_in_tokens_table_matches_newslab_tokens(tmp_path, seed_path):
    assert "tokens" not in nl.load_run(nl.run_corpus(seed_path, tmp_path / "a", quiet=True).out)
    nl.run_corpus(seed_path, tmp_path / "b", analyses=["tokens"], quiet=True)
    table = nl.read_table(tmp_path / "b", "tokens")
    expected = nl.tokens(nl.load_article(seed_path).text)
    pd.testing.assert_frame_equal(table.drop(columns="article_id"), expected)
