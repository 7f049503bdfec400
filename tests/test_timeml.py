"""TimeML reading, writing and the TempEval-3 scorer."""
from __future__ import annotations

import re

import pandas as pd
import pytest

from support import require
from newslab.evaluate.timeml import (anchoring_accuracy, parse_timeml, read_timeml_dir, score_timeml,
                                     to_timeml)
from newslab.cli import main
from newslab.timeline import timexes

DOC = ('<?xml version="1.0" ?>\n<TimeML>\n<DOCID>d1</DOCID>\n<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" '
       'functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>\n<TEXT>\nAT&amp;T <EVENT eid="e1" class="OCCURRENCE">'
       'fell</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3> and rose for '
       '<TIMEX3 tid="t2" type="DURATION" value="P2D">two days</TIMEX3>.\n</TEXT>\n'
       '<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" />\n'
       '<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1" />\n</TimeML>\n')


def test_parse_plain_text_offsets_and_links():
    doc = parse_timeml(DOC)
    assert doc.doc_id == "d1" and doc.dct.isoformat() == "1998-01-08"
    assert doc.text == "\nAT&T fell yesterday and rose for two days.\n"
    assert doc.timexes.text.tolist() == ["yesterday", "two days"]
    assert doc.events.text.tolist() == ["fell"] and doc.events.tense.tolist() == ["PAST"]
    assert doc.tlinks[["source", "target"]].values.tolist() == [["e1", "t1"]]


def test_write_keeps_text_byte_identical():
    doc = parse_timeml(DOC)
    sys_t = timexes(doc.text, dct=doc.dct)
    out = to_timeml(doc.text, sys_t, template=doc)
    body = re.search(r"<TEXT>(.*)</TEXT>", out, re.S)[1]
    raw_body = re.search(r"<TEXT>(.*)</TEXT>", DOC, re.S)[1]
    strip = lambda s: re.sub(r"<[^>]+>", "", s)  # noqa: E731
    assert strip(body) == strip(raw_body)  # same bytes, entities kept as written
    again = parse_timeml(out)
    assert again.text == doc.text
    assert again.timexes[["start", "end", "value"]].values.tolist() == \
        sys_t[["start", "end", "value"]].values.tolist()
    assert "TLINK" not in out


def test_minimal_document_escapes_text():
    t = pd.DataFrame([{"timex_id": 1, "start": 6, "end": 11, "type": "DATE", "value": "PRESENT_REF"}])
    out = to_timeml("A & B today <b>", t, dct="2022-01-21")
    assert "A &amp; B <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"PRESENT_REF\">today</TIMEX3> &lt;b&gt;" in out
    assert parse_timeml(out).text == "A & B today <b>"


def test_scorer_strict_relaxed_and_attributes():
    gold = parse_timeml(DOC)
    system = pd.DataFrame([
        {"start": 11, "end": 20, "type": "DATE", "value": "1998-01-07"},   # exact, right value
        {"start": 34, "end": 37, "type": "DURATION", "value": "P3D"},      # "two" overlap only, wrong value
        {"start": 1, "end": 5, "type": "DATE", "value": "1998"},           # spurious
    ])
    s = score_timeml({"d1": system}, [gold]).overall
    assert (s["strict_p"], s["strict_r"]) == (1 / 3, 1 / 2)
    assert (s["relaxed_p"], s["relaxed_r"]) == (2 / 3, 1.0)
    rel_f1 = 2 * (2 / 3) / (2 / 3 + 1)
    assert s["relaxed_f1"] == pytest.approx(rel_f1)
    assert s["type_f1"] == pytest.approx(rel_f1)          # both types right
    assert s["value_f1"] == pytest.approx(0.5 * rel_f1)   # one value of two right


def test_perfect_system_scores_one():
    gold = parse_timeml(DOC)
    s = score_timeml([gold], [gold]).overall
    assert s["strict_f1"] == s["value_f1"] == 1.0


@pytest.mark.data
def test_dev_corpus_round_trip_and_figures(data_dir, tmp_path):
    gold_dir = require(data_dir, "timeml", "timebank")
    docs = read_timeml_dir(gold_dir)
    assert len(docs) == 183 and sum(len(d.timexes) for d in docs) == 1243
    assert main(["timeml", "tag", str(gold_dir), str(tmp_path)]) == 0
    tagged = read_timeml_dir(tmp_path)
    assert [d.text for d in tagged] == [d.text for d in docs]
    s = score_timeml(tagged, docs).overall
    # well above the dateparser baseline (value F1 24.3) and near HeidelTime (79.6) on this split
    assert s["relaxed_f1"] > 0.88 and s["strict_f1"] > 0.80 and s["value_f1"] > 0.72


@pytest.mark.data
def test_anchoring_accuracy_on_aquaint(data_dir):
    acc, table = anchoring_accuracy(require(data_dir, "timeml", "aquaint"))
    assert len(table) > 500
    assert 0.6 < acc <= 1.0
