"""PolNeAR reader and scorer: hand-built examples, then the dev split when NEWSLAB_DATA is set."""
from __future__ import annotations

from support import require
from newslab.evaluate.polnear import (Attribution, evaluate, parse_ann, quote_kind, read_polnear, score,
                                      speech_verb_baseline)

# Written for these tests (not PolNeAR data): "Smith said the plan failed. “It is over,” she said."
TEXT = "Smith said the plan failed. “It is over,” she said. Sales fell."
ANN = "\n".join([
    "T1\tSource 0 5\tSmith",
    "T2\tCue 6 10\tsaid",
    "T3\tContent 11 26\tthe plan failed",
    "T4\tAttribution 6 10\tsaid",
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
    "T5\tContent 28 41\t“It is over,”",
    "T6\tCue 46 50\tsaid",
    "T7\tSource 42 45\tshe",
    "T8\tAttribution 46 50\tsaid",
    "E2\tAttribution:T8 Source:T7 Cue:T6 Content:T5",
    "T9\tContent 52 62;62 62\tSales fell",
    "T10\tCue 52 57\tSales",
    "T11\tAttribution-no-source 52 57\tSales",
    "E3\tAttribution-no-source:T11 Cue:T10 Content:T9",
    "#1\tAnnotatorNotes T9\ta note",
    "continued text of a span that spans a newline",
])


def test_parse_ann_spans_roles_and_kinds():
    gold = parse_ann(ANN, TEXT)
    assert [g.content_text for g in gold] == ["the plan failed", "“It is over,”", "Sales fell "]
    assert [g.kind for g in gold] == ["indirect", "direct", "indirect"]
    assert gold[0].source == ((0, 5),) and gold[1].source_text == "she"
    assert gold[2].source == ()  # Attribution-no-source


def test_quote_kind():
    assert quote_kind("“We will win.”") == "direct"
    assert quote_kind("that it was a “disaster”") == "mixed"
    assert quote_kind("that the voters’ views won’t change") == "indirect"


def test_score_exact_and_thresholds():
    gold = parse_ann(ANN, TEXT)[:2]
    exact = [((11, 26), (0, 5), (6, 10)), ((28, 41), (42, 45), (46, 50))]
    s = score([gold], [exact])
    assert s["content_f1_03"] == s["attribution_f1"] == 1.0 and s["source_accuracy"] == 1.0
    # a partial prediction: 6 of 15 gold chars (0.4) passes 0.3 but not 0.8
    s = score([gold[:1]], [[((20, 26), (0, 5), (6, 10))]])
    assert s["content_f1_03"] == 1.0 and s["content_f1_08"] == 0.0
    # the whole text as content: covers gold but mostly lies outside it, so it cannot match
    s = score([gold[:1]], [[((0, len(TEXT)), (0, 5), (6, 10))]])
    assert s["content_f1_03"] == 0.0


def test_score_one_to_one_and_wrong_source():
    gold = parse_ann(ANN, TEXT)[:1]
    two = [((11, 26), (42, 45), (6, 10)), ((11, 26), (0, 5), (6, 10))]
    s = score([gold], [two])
    assert s["matched"] == 1 and s["content_03_precision"] == 0.5
    s = score([gold], [[((11, 26), (42, 45), (6, 10))]])
    assert s["content_f1_03"] == 1.0 and s["attribution_f1"] == 0.0 and s["source_accuracy"] == 0.0


def test_missing_source_matches_missing_prediction():
    gold = [Attribution(((52, 62),), (), ((52, 57),))]
    assert score([gold], [[(52, 62, None, None, 52, 57)]])["attribution_f1"] == 1.0
    assert score([gold], [[(52, 62, 0, 5, 52, 57)]])["attribution_f1"] == 0.0


def test_dev_offsets_and_counts(data_dir):
    folder = require(data_dir, "polnear", "dev")
    docs = read_polnear(folder)
    assert len(docs) == 84
    assert sum(len(d.attributions) for d in docs) > 2000
    # offsets index into the text file as read: each single-fragment span's text is what brat stored
    ann_dir = folder / "attributions"
    checked = 0
    for path in sorted(ann_dir.glob("*.ann"))[:20]:
        text = (folder / "text" / (path.stem.rpartition("_")[0] + ".txt")).read_text(encoding="utf-8")
        for line in path.read_text(encoding="utf-8").split("\n"):
            parts = line.split("\t")
            if line.startswith("T") and len(parts) == 3 and ";" not in parts[1]:
                _, a, b = parts[1].split()
                assert text[int(a):int(b)] == parts[2]
                checked += 1
    assert checked > 500


def test_dev_figures_beat_the_speech_verb_reference(data_dir):
    folder = require(data_dir, "polnear", "dev")
    figures, errors = evaluate(folder)
    docs = read_polnear(folder)
    reference = score([d.attributions for d in docs], [speech_verb_baseline(d.text) for d in docs])
    assert figures["attribution_f1"] > reference["attribution_f1"] + 0.1
    assert figures["attribution_f1"] > 0.60 and figures["content_f1_03"] > 0.66  # dev: 0.647, 0.714
    assert set(errors.error) <= {"missed", "spurious", "wrong source"}
