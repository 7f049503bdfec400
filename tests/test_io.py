"""Loading articles and corpora, including every kind of bad input."""
from __future__ import annotations

import datetime as dt
import json

import pytest

import newslab as nl
from newslab.io import ArticleError

from support import require


def write(path, data: bytes):
    path.write_bytes(data)
    return path


def test_seed_loads_with_sidecar_metadata(seed_path):
    article = nl.load_article(seed_path)
    assert article.id == "000_0c9859ee3d48e6bf"
    assert article.title == "Blinken, Lavrov, do not expect progress in Ukraine"
    assert article.date == dt.date(2022, 1, 21)
    assert article.source is None
    assert article.text == seed_path.read_text(encoding="utf-8")
    assert article.meta["encoding"] == "utf-8"


def test_title_is_first_non_empty_line(tmp_path):
    a = nl.load_article(write(tmp_path / "a.txt", b"\n\n  Headline here \n\nBody text.\n"))
    assert a.title == "Headline here"


def test_bom_is_removed_and_offsets_stay_on_text(tmp_path):
    a = nl.load_article(write(tmp_path / "a.txt", "\ufeffTitle\n\nBody “quoted”.".encode("utf-8")))
    assert a.text.startswith("Title") and a.meta.get("bom") is True


def test_crlf_text_is_unaltered_and_offsets_valid(tmp_path):
    raw = "Title\r\n\r\nFirst sentence. Second one.\r\n\r\nNew paragraph.\r\n"
    a = nl.load_article(write(tmp_path / "a.txt", raw.encode()))
    assert a.text == raw
    sents = nl.sentences(a.text)
    assert [a.text[s:e] for s, e in zip(sents.start, sents.end)] == sents.text.tolist()
    assert sents.text.tolist() == ["Title", "First sentence.", "Second one.", "New paragraph."]
    assert sents.paragraph_id.tolist() == [0, 1, 1, 2]


def test_cp1252_is_decoded_with_a_recorded_warning(tmp_path):
    a = nl.load_article(write(tmp_path / "a.txt", "Title\n\nHe said \u201cno\u201d \u2014 caf\u00e9.".encode("cp1252")))
    assert "\u201cno\u201d" in a.text and "caf\u00e9" in a.text
    assert a.meta["encoding"] == "cp1252"
    assert "cp1252" in a.meta["warnings"][0]


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"  \n\n \t\n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (b"Title\n\nbad \x81\x8d\x8f bytes", "encoding"),
])
def test_bad_files_raise_errors_naming_the_file(tmp_path, data, reason):
    path = write(tmp_path / "bad.txt", data)
    with pytest.raises(ArticleError) as info:
        nl.load_article(path)
    assert info.value.reason == reason
    assert str(path) in str(info.value)


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(ArticleError, match="missing"):
        nl.load_article(tmp_path / "nope.txt")
    with pytest.raises(ArticleError, match="no such file"):
        nl.load_corpus(tmp_path / "nowhere")


def test_bad_sidecar_date_names_the_file(tmp_path):
    write(tmp_path / "a.txt", b"Title\n\nBody.")
    (tmp_path / "a.meta.json").write_text(json.dumps({"date": "21/01/2022"}))
    with pytest.raises(ArticleError, match="date"):
        nl.load_article(tmp_path / "a.txt")


def test_corpus_folder_isolates_bad_files(tmp_path):
    write(tmp_path / "good1.txt", b"One\n\nFirst article.")
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub" / "good2.txt", b"Two\n\nSecond article.")
    write(tmp_path / "empty.txt", b"")
    write(tmp_path / "binary.txt", b"\x00\x01\x02\x03")
    corpus = nl.load_corpus(tmp_path)
    ids = [a.id for a in corpus]
    assert ids == ["good1", "good2"]
    assert sorted(e.reason for e in corpus.errors) == ["binary", "empty"]
    errors = corpus.errors_frame()
    assert list(errors.columns) == ["path", "line", "reason", "message"]
    assert errors.path.str.endswith(("empty.txt", "binary.txt")).all()


def test_jsonl_rows_with_errors_named_by_line(tmp_path):
    lines = [
        json.dumps({"id": "a", "title": "A", "text": "Alpha text.", "date": "2022-01-20", "source": "AP"}),
        "{not json",
        json.dumps({"body_missing": "x"}),
        json.dumps({"id": "d", "text": "Delta text."}),
    ]
    path = write(tmp_path / "c.jsonl", "\n".join(lines).encode())
    corpus = nl.load_corpus(path)
    articles = list(corpus)
    assert [a.id for a in articles] == ["a", "d"]
    assert articles[0].date == dt.date(2022, 1, 20) and articles[0].source == "AP"
    assert [(e.line, e.reason) for e in corpus.errors] == [(2, "malformed"), (3, "column")]
    assert f"{path}:2" in corpus.errors[0].message


def test_csv_rows_and_missing_text_column(tmp_path):
    ok = write(tmp_path / "ok.csv", b'id,title,text\nx,X,"Some text, with a comma."\ny,Y,\n')
    corpus = nl.load_corpus(ok)
    assert [a.text for a in corpus] == ["Some text, with a comma."]
    assert corpus.errors[0].line == 3 and corpus.errors[0].reason == "empty"
    bad = write(tmp_path / "bad.csv", b"id,headline\n1,Hello\n")
    corpus = nl.load_corpus(bad)
    assert list(corpus) == [] and corpus.errors[0].reason == "column"
    assert "bad.csv:2" in corpus.errors[0].message


def test_corpus_is_lazy(tmp_path):
    for i in range(3):
        write(tmp_path / f"{i}.txt", f"T{i}\n\nBody {i}.".encode())
    corpus = nl.load_corpus(tmp_path)
    it = iter(corpus)
    first = next(it)
    (tmp_path / "2.txt").unlink()  # not read yet: the stream reports it when it gets there
    rest = list(it)
    assert first.id == "0" and [a.id for a in rest] == ["1"]
    assert corpus.errors[0].reason == "missing"


def test_glob_and_metadata_join(tmp_path):
    write(tmp_path / "a.txt", b"A\n\nAlpha.")
    write(tmp_path / "b.txt", b"B\n\nBeta.")
    meta = tmp_path / "meta.tsv"
    meta.write_text("filename\tpublisher\tpublication_date\na\tbreitbart\t2016-03-11\n")
    corpus = nl.load_corpus(str(tmp_path / "*.txt"), metadata=meta)
    table = corpus.to_frame()
    assert table.article_id.tolist() == ["a", "b"]
    assert table.source.tolist()[0] == "breitbart" and table.source.isna().tolist() == [False, True]
    assert str(table.date[0].date()) == "2016-03-11"


def test_empty_corpus_frame_keeps_columns(tmp_path):
    table = nl.load_corpus(str(tmp_path / "*.txt")).to_frame()
    assert table.empty and list(table.columns)[:3] == ["article_id", "title", "date"]
    assert str(table.n_chars.dtype) == "int64"


def test_polnear_dev_with_metadata(data_dir):
    root = require(data_dir, "polnear")
    corpus = nl.load_corpus(root / "dev" / "text", metadata=root / "metadata.tsv")
    table = corpus.to_frame()
    assert len(table) == 84 and not corpus.errors
    assert table.source.notna().all() and table.date.notna().all()
