"""Headless notebook runs (papermill), the report command, refresh, and escaping in a real browser."""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

import newslab as nl
from newslab.cli import main as cli_main
from newslab.report import browser, discover, notebook_spec, read_results, run_report, strip_volatile
from newslab.report.html import clean_html, sanitize_outputs
from newslab.report.notebooks import coerce, parse_parameters
from newslab.report.refresh import refresh
from newslab.report.run import ReportError, input_kind, select

# Written for these tests (not from any corpus). Hand counts: 6 sentences (the title is one),
# "ferry" 6 times, "ferry route" 3 times, "harbour council" twice.
FERRY = """Harbour council approves new ferry route

The Lindholm harbour council approved a new ferry route on Tuesday. The ferry will connect Lindholm with the island of Varo twice a day.

Council member Ada Brandt said the ferry route would cut travel time in half. Local fishermen worry that the ferry traffic will disturb the harbour.

The first ferry is expected to sail in May.
"""

SECOND = """Library opens on Sundays

The city library will open on Sundays from March. The library board said the ferry timetable was not a factor.
"""

# The payloads would change the page title if they ran. Each stays under pandas' 50-character
# cell display limit, so that it appears whole in the concordance's context columns.
ALERT = "<script>alert(1)</script>"
SCRIPT = "<script>document.title='PWNED'</script>"
IMG = "<img src=x onerror=\"document.title='PWNED'\">"
XSS = f"""Harbour news {ALERT}

marker {SCRIPT} end of the first test.

marker {IMG} end of the second test.

marker </table></td></tr></tbody> end of the third test.

marker {ALERT} end of the fourth test.
"""



def require_browser():
    if browser.find_chromium() is None:
        if os.environ.get("NEWSLAB_REQUIRE_BROWSER") == "1":
            pytest.fail("NEWSLAB_REQUIRE_BROWSER=1 but headless Chromium is not installed (apt-get install chromium)")
        pytest.skip("headless Chromium is not installed (apt-get install chromium); CI requires it")


def write_notebook(path: Path, cells: list, *, kind: str = "article", input_parameter: str = "article") -> Path:
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["newslab"] = {"kind": kind, "input_parameter": input_parameter}
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i}"
    nbformat.write(nb, path)
    return path


def params_cell(source: str):
    return new_code_cell(source, metadata={"tags": ["parameters"]})


# --- pure parts ------------------------------------------------------------------------------

def test_parse_parameters_reads_defaults_types_and_help():
    params = parse_parameters('article = ""  # help: path to an article\ntop: int = 5  # how many\n'
                              'ratio = 0.5\nwords = ["a", "b"]  # help: words\nnow = compute()  # not a literal\n')
    assert params["article"].default == "" and params["article"].help == "path to an article"
    assert params["top"].default == 5 and params["top"].help == "how many"
    assert params["ratio"].default == 0.5 and params["ratio"].help == ""
    assert params["words"].default == ["a", "b"]
    assert params["now"].literal is False and params["now"].default == "compute()"


@pytest.mark.parametrize("text, default, expected", [
    ("5", 10, 5), ("2022", "Ukraine", "2022"), ("0.25", 1.0, 0.25), ("false", True, False),
    ("yes", False, True), ("a, b", ["x"], ["a", "b"]), ("[1, 2]", [], [1, 2]), ("3", None, 3), ("x", None, "x"),
])
def test_coerce_follows_the_default_type(text, default, expected):
    assert coerce(text, default) == expected


def test_coerce_rejects_a_bad_boolean():
    with pytest.raises(ValueError):
        coerce("maybe", True)


def test_input_kind(tmp_path, seed_path):
    assert input_kind(seed_path) == "article"
    assert input_kind(tmp_path) == "corpus"
    (tmp_path / "rows.jsonl").write_text('{"text": "x"}\n')
    assert input_kind(tmp_path / "rows.jsonl") == "corpus"
    assert input_kind(str(tmp_path / "*.txt")) == "corpus"
    with pytest.raises(ReportError):
        input_kind(tmp_path / "missing.txt")


def test_notebook_metadata_convention(tmp_path):
    good = write_notebook(tmp_path / "a.ipynb", [params_cell('article = ""  # help: x')], kind="corpus")
    spec = notebook_spec(good)
    assert spec.kind == "corpus" and spec.accepts == ("article", "corpus") and spec.title == "a"
    bad = write_notebook(tmp_path / "b.ipynb", [params_cell('x = 1')])
    with pytest.raises(ValueError, match="input parameter 'article'"):
        notebook_spec(bad)
    plain = tmp_path / "c.ipynb"
    nbformat.write(new_notebook(cells=[new_code_cell("1")]), plain)
    assert notebook_spec(plain) is None
    bad.unlink()
    assert [s.name for s in discover(tmp_path)] == ["a"]


def test_selection_by_kind(tmp_path, monkeypatch):
    write_notebook(tmp_path / "art.ipynb", [params_cell('article = ""')])
    write_notebook(tmp_path / "corp.ipynb", [params_cell('corpus = ""')], kind="corpus", input_parameter="corpus")
    write_notebook(tmp_path / "ev.ipynb", [params_cell('data = ""')], kind="evaluation")
    specs = discover(tmp_path)
    monkeypatch.delenv("NEWSLAB_DATA", raising=False)
    chosen, skipped = select(specs, "article")
    assert [s.name for s in chosen] == ["art", "corp"] and [n for n, _ in skipped] == ["ev"]
    chosen, skipped = select(specs, "corpus")
    assert [s.name for s in chosen] == ["corp"] and sorted(n for n, _ in skipped) == ["art", "ev"]
    with pytest.raises(ReportError, match="NEWSLAB_DATA"):
        select(specs, "article", evaluation=True)
    with pytest.raises(ReportError, match="no notebook named"):
        select(specs, "article", names=["nope"])
    monkeypatch.setenv("NEWSLAB_DATA", str(tmp_path))
    chosen, _ = select(specs, "article", evaluation=True)
    assert [s.name for s in chosen] == ["art", "corp", "ev"]


def test_unknown_parameter_is_an_error(tmp_path, capsys):
    article = tmp_path / "ferry.txt"
    article.write_text(FERRY)
    code = cli_main(["report", str(article), "--out", str(tmp_path / "out"), "--notebooks", "explore",
                     "-p", "wrod", "ferry", "--no-progress"])
    assert code == 2
    assert "unknown parameter(s) wrod" in capsys.readouterr().err
    assert not (tmp_path / "out" / "index.html").exists()


def test_clean_html_keeps_tables_and_drops_scripts():
    cleaned = clean_html('<style>td{color:red}</style><table class="dataframe"><tr><td onclick="x()">a</td></tr>'
                         '</table><script>alert(1)</script><img src=x onerror=alert(1)><a href="javascript:x">l</a>')
    assert '<table class="dataframe">' in cleaned and "<td>a</td>" in cleaned
    assert "script" not in cleaned and "onerror" not in cleaned and "onclick" not in cleaned
    assert "color:red" not in cleaned and "javascript" not in cleaned and "<img" not in cleaned


def test_sanitize_outputs_renders_markdown_safely_and_drops_javascript():
    nb = new_notebook(cells=[new_code_cell("x", outputs=[
        nbformat.v4.new_output("display_data", data={"text/markdown": "**bold** <script>alert(1)</script>"}),
        nbformat.v4.new_output("display_data", data={"application/javascript": "alert(1)", "text/plain": "js"}),
    ])])
    sanitize_outputs(nb)
    first, second = nb.cells[0].outputs
    assert "<strong>bold</strong>" in first["data"]["text/html"] and "script" not in first["data"]["text/html"]
    assert list(second["data"]) == ["text/plain"]


def test_strip_volatile_removes_run_metadata_and_numbers_cells():
    nb = new_notebook(cells=[new_markdown_cell("m"), new_code_cell("1", execution_count=7), new_code_cell("2")])
    nb.metadata["papermill"] = {"start_time": "2024-01-01T00:00:00"}
    nb.cells[1].metadata.update({"papermill": {"duration": 0.1}, "execution": {"iopub.status.busy": "t"},
                                 "tags": []})
    nb.cells[1].outputs = [nbformat.v4.new_output("execute_result", data={"text/plain": "1"}, execution_count=7)]
    strip_volatile(nb)
    assert "papermill" not in nb.metadata
    assert nb.cells[1].metadata == {} and nb.cells[1].execution_count == 1
    assert nb.cells[1].outputs[0]["execution_count"] == 1 and nb.cells[2].execution_count is None


def test_strip_volatile_joins_stream_chunks_the_kernel_flushed_separately():
    nb = new_notebook(cells=[new_code_cell("print(x)")])
    nb.cells[0].outputs = [nbformat.v4.new_output("stream", name="stdout", text="18 nodes"),
                           nbformat.v4.new_output("stream", name="stdout", text="\n"),
                           nbformat.v4.new_output("stream", name="stderr", text="warn\n"),
                           nbformat.v4.new_output("stream", name="stdout", text="more\n")]
    strip_volatile(nb)
    assert [(o["name"], o["text"]) for o in nb.cells[0].outputs] == [
        ("stdout", "18 nodes\n"), ("stderr", "warn\n"), ("stdout", "more\n")]


# --- explore helpers, hand-checked against FERRY -----------------------------------------------

def test_explore_helpers_on_a_known_text():
    article = nl.article_from_text(FERRY, id="ferry")
    counts = nl.text_counts(article)
    assert counts.loc[0, "sentences"] == 6
    words = nl.content_words(article, top=3)
    assert words["word"].tolist()[0] == "ferry" and words.loc[0, "count"] == 6
    assert FERRY[words.loc[0, "start"]:words.loc[0, "end"]] == "ferry"
    pairs = nl.collocations(article, min_count=2)
    got = {f"{a} {b}": c for a, b, c in zip(pairs["first"], pairs["second"], pairs["count"])}
    assert got["ferry route"] == 3 and got["harbour council"] == 2
    row = pairs[(pairs["first"] == "ferry") & (pairs["second"] == "route")].iloc[0]
    assert FERRY[row["start"]:row["end"]] == "ferry route"
    lines = nl.concordance(article, "FERRY", width=10)
    expected = [m.span() for m in re.finditer(r"\bferry\b", FERRY, flags=re.I)]
    assert list(zip(lines["start"], lines["end"])) == expected
    assert lines.loc[1, "left"].endswith("new ") and lines.loc[1, "right"].startswith(" route")


def test_explore_tables_keep_their_schema_when_empty():
    article = nl.article_from_text("The of and.", id="e")
    for table in (nl.content_words(article), nl.collocations(article), nl.concordance(article, "zebra")):
        assert len(table) == 0
    assert nl.concordance(article, "zebra").dtypes.astype(str).tolist() == [
        "string", "int64", "int64", "int64", "string", "string", "string"]


# --- papermill runs of every article notebook with non-default parameters ------------------

@pytest.fixture(scope="module")
def ferry_report(tmp_path_factory):
    root = tmp_path_factory.mktemp("ferry")
    article = root / "ferry.txt"
    article.write_text(FERRY, encoding="utf-8")
    params = root / "params.yaml"
    params.write_text("explore:\n  min_count: 2\n  measure: pmi\n", encoding="utf-8")
    result = run_report(article, root / "out", parameters=[("word", "ferry"), ("top", "5")],
                        params_file=params, progress=False)
    return article, result


def test_every_article_notebook_runs_on_another_article(ferry_report):
    article, result = ferry_report
    expected = [s.name for s in discover() if s.runs_on("article") and s.kind != "evaluation"]
    assert sorted(r.name for r in result.runs) == sorted(expected)
    for run in result.runs:
        assert run.status == "ok", run.error
        assert run.html is not None and run.html.is_file()
        nb = nbformat.read(run.notebook, as_version=4)
        injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
        spec = notebook_spec(nl.report.default_notebook_dir() / f"{run.name}.ipynb")
        assert injected and str(article.resolve()) in injected[0].source, run.name
        assert run.parameters[spec.input_parameter] == str(article.resolve())
    assert read_results(result.runs[0].notebook) == result.runs[0].results


def test_explore_records_results_for_the_given_parameters(ferry_report):
    article, result = ferry_report
    explore = next(r for r in result.runs if r.name == "explore")
    assert explore.parameters["word"] == "ferry" and explore.parameters["top"] == 5
    assert explore.parameters["measure"] == "pmi" and explore.parameters["min_count"] == 2
    res = read_results(explore.notebook)
    assert res["articles"] == 1 and res["sentences"] == 6
    assert res["measure"] == "pmi" and res["concordance_word"] == "ferry"
    assert len(res["top_words"]) == 5 and res["top_words"][0] == "ferry"
    assert {"ferry route", "harbour council"} <= set(res["collocations"])
    assert [tuple(x) for x in res["concordance_offsets"]] == [
        m.span() for m in re.finditer(r"\bferry\b", FERRY, flags=re.I)]


def test_index_and_results_json_record_provenance(ferry_report):
    article, result = ferry_report
    index = result.index.read_text(encoding="utf-8")
    import hashlib

    digest = hashlib.sha256(FERRY.encode("utf-8")).hexdigest()
    assert digest in index and nl.__version__ in index and "git commit" in index
    for run in result.runs:
        assert f'href="{run.name}.html"' in index and f'href="{run.name}.ipynb"' in index
    summary = json.loads((result.out / "results.json").read_text())
    assert summary["notebooks"]["explore"]["results"]["sentences"] == 6
    assert summary["notebooks"]["explore"]["parameters"]["word"] == "ferry"
    assert {i["sha256"] for i in summary["inputs"]} >= {digest}


def test_explore_on_a_corpus_folder(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(FERRY, encoding="utf-8")
    (corpus / "b.txt").write_text(SECOND, encoding="utf-8")
    result = run_report(corpus, tmp_path / "out", notebooks=["explore"], parameters={"word": "ferry"},
                        progress=False)
    assert result.ok, [r.error for r in result.runs]
    res = result.runs[0].results
    assert res["articles"] == 2 and len(res["concordance_offsets"]) == 7


# --- failures ------------------------------------------------------------------------------

def test_a_failing_notebook_fails_the_run_but_not_the_others(tmp_path, capsys):
    nbdir = tmp_path / "nbs"
    nbdir.mkdir()
    write_notebook(nbdir / "bad.ipynb", [params_cell('article = ""  # help: x'), new_code_cell("x = 1"),
                                         new_code_cell("raise ValueError('boom in cell three')"),
                                         new_code_cell("y = 2")])
    write_notebook(nbdir / "good.ipynb", [params_cell('article = ""  # help: x'),
                                          new_code_cell("print(open(article).read()[:7])")])
    article = tmp_path / "ferry.txt"
    article.write_text(FERRY)
    out = tmp_path / "out"
    code = cli_main(["report", str(article), "--out", str(out), "--notebook-dir", str(nbdir), "--no-progress"])
    err = capsys.readouterr().err
    assert code == 1
    assert "bad.ipynb" in err and "ValueError: boom in cell three" in err and "raise ValueError" in err
    partial = nbformat.read(out / "bad.ipynb", as_version=4)
    errors = [o for c in partial.cells if c.cell_type == "code" for o in c.get("outputs", [])
              if o.output_type == "error"]
    assert errors and errors[0].ename == "ValueError"
    assert (out / "bad.html").is_file() and (out / "good.html").is_file()
    assert "Harbour" in (out / "good.html").read_text()
    index = (out / "index.html").read_text()
    assert "failed" in index and "boom in cell three" in index and 'href="good.html"' in index


def test_missing_input_is_a_usage_error(tmp_path, capsys):
    assert cli_main(["report", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "o"), "--no-progress"]) == 2
    assert "input not found" in capsys.readouterr().err


# --- refresh -------------------------------------------------------------------------------

def test_refresh_is_deterministic_and_keeps_a_failing_notebook(tmp_path):
    nb_path = write_notebook(tmp_path / "tiny.ipynb", [
        params_cell('article = ""  # help: x'), new_code_cell("import newslab as nl\nlen(nl.input_articles(article))"),
        new_code_cell("nl.record_results(n=3)")])
    assert refresh([nb_path], progress=False) == 0
    first = nb_path.read_bytes()
    assert refresh([nb_path], progress=False) == 0
    assert nb_path.read_bytes() == first
    nb = nbformat.read(nb_path, as_version=4)
    assert "papermill" not in nb.metadata
    assert [c.execution_count for c in nb.cells] == [1, 2, 3]
    assert nb.cells[1].outputs[0]["data"]["text/plain"] == "1"
    assert read_results(nb) == {"n": 3}
    broken = write_notebook(tmp_path / "broken.ipynb", [params_cell('article = ""'), new_code_cell("1/0")])
    before = broken.read_bytes()
    assert refresh([broken], progress=False) == 1
    assert broken.read_bytes() == before


# --- escaping, in a real browser -------------------------------------------------------------

@pytest.mark.browser
def test_untrusted_article_text_is_shown_literally_and_never_runs(tmp_path):
    require_browser()
    article = tmp_path / "xss_<img src=x onerror=alert(3)>.txt"
    article.write_text(XSS, encoding="utf-8")
    result = run_report(article, tmp_path / "out", parameters=[("word", "marker"), ("width", "48")],
                        progress=False)
    assert result.ok, [r.error for r in result.runs]
    pages = [result.index] + [r.html for r in result.runs]
    for page in pages:
        dom = browser.dump_dom(page)
        title = re.search(r"<title>(.*?)</title>", dom, flags=re.S).group(1)
        assert "PWNED" not in title, page.name
        assert not re.search(r"<script\b", dom, flags=re.I), page.name        # no script element at all
        assert not re.search(r"<img[^>]*src=\"x\"", dom), page.name
        browser.screenshot(page, tmp_path / f"{page.stem}.png")
    explore = browser.dump_dom(result.out / "explore.html")
    # the reader sees the markup as text (text nodes serialize < > as entities)
    assert "&lt;script&gt;document.title='PWNED'&lt;/script&gt;" in explore
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in explore
    assert "&lt;img src=x onerror=\"document.title='PWNED'\"&gt;" in explore
    assert "&lt;/table&gt;&lt;/td&gt;&lt;/tr&gt;&lt;/tbody&gt;" in explore
    assert "xss_&lt;img src=x onerror=alert(3)&gt;" in explore
    # </table> in the text did not end a table early: every table still has its rows
    tables = re.findall(r"<table.*?</table>", explore, flags=re.S)
    assert len(tables) >= 3 and all("<tbody>" in t for t in tables)
    index = browser.dump_dom(result.index)
    assert "onerror=alert(3)&gt;.txt" in index
