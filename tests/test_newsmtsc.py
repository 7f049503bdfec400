"""NewsMTSC reader and scorer; the polarity engine's dev figures (data tests)."""
from __future__ import annotations

import json

import pytest

from support import require
from newslab.evaluate.newsmtsc import LABELS, evaluate, halves, read_newsmtsc, read_split, score, vader_sentence
from newslab.stance import target_polarity


def _write(tmp_path, records):
    path = tmp_path / "x.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def test_reader_flattens_targets(tmp_path):
    text = "Smith attacked Jones and Jones replied."
    path = _write(tmp_path, [{
        "primary_gid": "a", "sentence_normalized": text,
        "targets": [
            {"Input.gid": "a1", "from": 0, "to": 5, "mention": "Smith", "polarity": 2.0},
            {"Input.gid": "a2", "from": 15, "to": 20, "mention": "Jones", "polarity": 6.0,
             "further_mentions": [{"from": 25, "to": 30, "mention": "Jones"}]},
        ]}, {"primary_gid": "b", "sentence_normalized": "Lee spoke.",
             "targets": [{"Input.gid": "b1", "from": 0, "to": 3, "mention": "Lee", "polarity": 4.0}]}])
    df = read_newsmtsc(path)
    assert df["polarity"].tolist() == ["negative", "positive", "neutral"]
    assert df["mention"].tolist() == ["Smith", "Jones", "Lee"]
    assert df["sentence_id"].tolist() == [0, 0, 1]
    assert df.loc[1, "further_mentions"] == ((25, 30),)
    assert str(df["start"].dtype) == "int64" and str(df["text"].dtype) == "string"


def test_halves_keep_sentences_together(tmp_path):
    records = [{"primary_gid": str(i), "sentence_normalized": "Smith met Jones.",
                "targets": [{"Input.gid": f"{i}a", "from": 0, "to": 5, "mention": "Smith", "polarity": 2.0},
                            {"Input.gid": f"{i}b", "from": 10, "to": 15, "mention": "Jones", "polarity": 6.0}]}
               for i in range(5)]
    df = read_newsmtsc(_write(tmp_path, records))
    a, b = halves(df)
    assert a["sentence_id"].tolist() == [0, 0, 2, 2, 4, 4]  # discovery: even sentences, both targets
    assert b["sentence_id"].tolist() == [1, 1, 3, 3]  # check: odd sentences
    assert list(a.columns) == list(df.columns) and a.dtypes.equals(df.dtypes)
    empty_a, empty_b = halves(df.iloc[0:0])
    assert len(empty_a) == len(empty_b) == 0 and list(empty_b.columns) == list(df.columns)


def test_reader_reports_bad_lines(tmp_path):
    path = _write(tmp_path, [{"sentence_normalized": "x", "targets": [
        {"Input.gid": "a", "from": 0, "to": 9, "mention": "x", "polarity": 2.0}]}])
    with pytest.raises(ValueError, match=":1:"):
        read_newsmtsc(path)


def test_reader_empty_file_keeps_columns(tmp_path):
    path = tmp_path / "empty.jsonl"
    path.write_text("", encoding="utf-8")
    df = read_newsmtsc(path)
    assert len(df) == 0 and "polarity" in df.columns


def test_score_by_hand():
    gold = ["negative", "negative", "neutral", "positive", "positive", "positive"]
    pred = ["negative", "neutral", "neutral", "positive", "negative", "neutral"]
    r = score(gold, pred)
    # negative: P 1/2 R 1/2 F .5; neutral: P 1/3 R 1 F .5; positive: P 1 R 1/3 F .5
    assert r["macro_f1"] == pytest.approx(0.5)
    assert r["accuracy"] == pytest.approx(3 / 6)
    assert r["confusion"].loc["positive", "neutral"] == 1
    assert r["confusion"].loc["positive", "negative"] == 1
    assert r["per_class"]["precision"].tolist() == pytest.approx([0.5, 1 / 3, 1.0])
    assert list(r["confusion"].index) == list(LABELS)


def test_score_rejects_unknown_labels_and_length_mismatch():
    with pytest.raises(ValueError, match="unknown labels"):
        score(["negative"], ["bad"])
    with pytest.raises(ValueError, match="gold has 2"):
        score(["negative", "neutral"], ["negative"])


@pytest.mark.data
@pytest.mark.parametrize("split,n", [("rw", 343), ("mt", 442)])
def test_dev_splits_read(data_dir, split, n):
    require(data_dir, "newsmtsc")
    df = read_split(split, data_dir / "newsmtsc")
    assert len(df) == n
    assert set(df["polarity"]) == set(LABELS)
    assert all(t[s:e] == m for t, s, e, m in zip(df["text"], df["start"], df["end"], df["mention"]))


@pytest.mark.data
@pytest.mark.parametrize("split,vader,ours", [("rw", 50.8, 67.0), ("mt", 52.8, 62.0)])
def test_dev_macro_f1(data_dir, split, vader, ours):
    """The published sentence-level VADER figure reproduces; the target engine beats it clearly."""
    df = read_split(split, require(data_dir, "newsmtsc"))
    baseline = evaluate(vader_sentence, df)["macro_f1"] * 100
    assert baseline == pytest.approx(vader, abs=0.1)
    engine = evaluate(target_polarity, df)["macro_f1"] * 100
    assert engine >= ours


# --- the optional trainable engine -----------------------------------------------------------------

def _toy():
    texts = ["Critics blasted Smith.", "Fans praised Smith.", "Smith spoke on Monday."] * 4
    spans = [(16, 21), (12, 17), (0, 5)] * 4
    return texts, spans, ["negative", "positive", "neutral"] * 4


def test_trainable_fit_predict_save_load(tmp_path):
    from newslab.stance import TargetPolarityModel

    texts, spans, labels = _toy()
    model = TargetPolarityModel(epochs=30).fit(texts, spans, labels)
    assert model.predict(texts[:3], spans[:3]) == labels[:3]
    probs = model.decision_function(texts[:3], spans[:3])
    assert probs.shape == (3, 3) and probs.sum(axis=1) == pytest.approx([1, 1, 1])
    path = model.save(tmp_path / "model.json")
    again = TargetPolarityModel.load(path)
    assert again.predict(texts[:3], spans[:3]) == labels[:3]
    assert again.decision_function(texts[:3], spans[:3]) == pytest.approx(probs, abs=1e-4)
    # deterministic: the same data gives the same model
    other = TargetPolarityModel(epochs=30).fit(texts, spans, labels)
    assert other.decision_function(texts[:3], spans[:3]) == pytest.approx(probs)


def test_trainable_validates_input(tmp_path):
    from newslab.stance import TargetPolarityModel

    with pytest.raises(RuntimeError, match="not fitted"):
        TargetPolarityModel().predict(["x y"], [(0, 1)])
    with pytest.raises(ValueError, match="unknown labels"):
        TargetPolarityModel().fit(["Smith left."], [(0, 5)], ["good"])
    with pytest.raises(ValueError, match="as many spans and labels"):
        TargetPolarityModel().fit(["Smith left."], [], ["neutral"])
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "other"}', encoding="utf-8")
    with pytest.raises(ValueError, match="not a newslab target-polarity model"):
        TargetPolarityModel.load(bad)


@pytest.mark.data
def test_trainable_on_newsmtsc_train(data_dir):
    from newslab.stance import TargetPolarityModel

    folder = require(data_dir, "newsmtsc")
    train = read_split("train", folder)
    model = TargetPolarityModel().fit(list(train["text"]), list(zip(train["start"], train["end"])),
                                      list(train["polarity"]))
    rw = read_split("rw", folder)
    assert evaluate(model.predictor(), rw)["macro_f1"] * 100 >= 66.0
