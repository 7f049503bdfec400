"""The seed's reports as a reader sees them: headless Chromium opens index.html and every report.

Marked ``browser``: skipped with a reason when Chromium is missing, failed instead when
``NEWSLAB_REQUIRE_BROWSER=1`` (CI sets it).
"""
from __future__ import annotations

import html
import os
import re
from pathlib import Path

import pytest

from newslab.report import browser, discover, run_report

pytestmark = pytest.mark.browser

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory):
    if browser.find_chromium() is None:
        if os.environ.get("NEWSLAB_REQUIRE_BROWSER") == "1":
            pytest.fail("NEWSLAB_REQUIRE_BROWSER=1 but headless Chromium is not installed (apt-get install chromium)")
        pytest.skip("headless Chromium is not installed (apt-get install chromium); CI requires it")
    out = tmp_path_factory.mktemp("seed-report")
    result = run_report(None, out, progress=False)
    return result


def text_of(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


def test_report_covers_every_article_notebook(seed_report):
    expected = sorted(s.name for s in discover() if s.kind != "evaluation" and s.runs_on("article"))
    assert sorted(r.name for r in seed_report.runs) == expected
    assert seed_report.ok, [r.error for r in seed_report.failed]


def test_index_page_in_the_browser(seed_report, tmp_path):
    dom = browser.dump_dom(seed_report.index)
    assert text_of(re.search(r"<title>(.*?)</title>", dom, flags=re.S).group(1)) == "newslab reports"
    for table_id in ("reports", "provenance", "inputs", "notebooks"):
        assert f'id="{table_id}"' in dom
    rows = re.search(r'<table id="reports">.*?<tbody>(.*?)</tbody>', dom, flags=re.S).group(1)
    assert rows.count("<tr>") == len(seed_report.runs)
    links = re.findall(r'<a href="([^"]+\.html)">', dom)
    assert sorted(links) == sorted(r.html.name for r in seed_report.runs)
    for link in links:
        assert (seed_report.out / link).is_file()
    png = browser.screenshot(seed_report.index, tmp_path / "index.png", height=900)
    assert png.read_bytes()[:8] == PNG_MAGIC and png.stat().st_size > 5000


def test_every_report_in_the_browser(seed_report, tmp_path):
    for run in seed_report.runs:
        dom = browser.dump_dom(run.html)
        title = text_of(re.search(r"<title>(.*?)</title>", dom, flags=re.S).group(1))
        assert title == run.title, run.name
        assert 'href="index.html"' in dom, run.name                      # way back to the index
        tables = re.findall(r"<table\b", dom)
        figures = re.findall(r'<img[^>]+src="data:image/(?:png|jpeg|svg\+xml)', dom)
        assert tables or figures, f"{run.name}: neither a table nor a figure"
        assert not re.search(r"<script\b[^>]*\bsrc=", dom), f"{run.name}: loads a script"
        assert not re.search(r'<link[^>]+href="https?:', dom), f"{run.name}: loads a stylesheet"
        assert not re.search(r'class="[^"]*(jp-CodeMirrorEditor|hl-ipython)', dom), f"{run.name}: code is shown"
        assert "Traceback" not in dom, run.name
        png = browser.screenshot(run.html, tmp_path / f"{run.name}.png")
        assert png.read_bytes()[:8] == PNG_MAGIC and png.stat().st_size > 10000, run.name


def test_explore_report_has_its_tables_and_figure(seed_report):
    run = next(r for r in seed_report.runs if r.name == "explore")
    dom = browser.dump_dom(run.html)
    tables = re.findall(r"<table.*?</table>", dom, flags=re.S)
    assert len(tables) == 4                                               # counts, words, pairs, concordance
    headers = [re.findall(r"<th>([a-z_]+)</th>", t) for t in tables]
    assert "content_words" in headers[0] and "word" in headers[1] and "second" in headers[2]
    assert "match" in headers[3]
    assert len(re.findall(r'<img[^>]+src="data:image/png;base64,', dom)) == 1
    assert "Blinken, Lavrov, do not expect progress" in dom
    assert "<h1" in dom and "Explore an article" in dom
