"""Event timeline: clauses anchored to dates, with evidence."""
from __future__ import annotations

import newslab as nl
from newslab.timeline import timeline


def test_seed_timeline(seed_path):
    article = nl.load_article(seed_path)
    t = timeline(article)
    assert len(t) > 10
    for col in ("event_id", "start", "end", "event_text", "date", "date_end", "granularity", "timex_id",
                "anchor_rule", "actors", "sentence_start", "sentence_end", "evidence"):
        assert col in t.columns
    assert str(t.dtypes["timex_id"]) == "Int64"
    for r in t.itertuples():
        assert article.text[r.start:r.end] == r.event_text
        assert article.text[r.sentence_start:r.sentence_end] == r.evidence
        assert r.sentence_start <= r.start < r.end <= r.sentence_end
    vowed = t[t.event_text.str.contains("Blinken vowed on Thursday")].iloc[0]
    assert (vowed.date, vowed.granularity, vowed.anchor_rule) == ("2022-01-20", "day", "clause")
    assert "Blinken" in vowed.actors
    biden = t[t.event_text.str.contains("press conference Wednesday")].iloc[0]
    assert biden.date == "2022-01-19"
    # timex ids join the timex table of the same text and DCT
    tx = nl.timexes(article.text, dct=article.date).set_index("timex_id")
    assert tx.loc[int(vowed.timex_id), "text"] == "Thursday"


def test_later_moves_after_the_reference_time():
    t = timeline("The minister arrived on March 3, 2020. Officials later said the talks failed.", dct="2020-03-10")
    assert t.anchor_rule.tolist() == ["clause", "narrative"]
    assert t.date.tolist() == ["2020-03-03", "2020-03-03"] and t.granularity.tolist()[1] == "after"


def test_reported_present_is_at_the_dct():
    t = timeline("The company says it is profitable.", dct="2022-01-21")
    assert t.anchor_rule.tolist() == ["reported"] and t.date.tolist() == ["2022-01-21"]


def test_override_dct_and_no_dct():
    article = nl.article_from_text("Talks began on Friday.", date="2022-01-21")
    assert timeline(article).date.tolist() == ["2022-01-21"]
    assert timeline(article, dct="2022-01-30").date.tolist() == ["2022-01-28"]
    undated = timeline("Talks began in earnest.")
    assert undated.anchor_rule.tolist() == ["none"] and undated.date.isna().all()


def test_empty_text_keeps_schema():
    t = timeline("", dct="2022-01-21")
    assert len(t) == 0 and "anchor_rule" in t.columns and str(t.dtypes["start"]) == "int64"


def test_timeline_lists_organisations_and_collectives_as_actors(seed_path):
    # "The West is demanding that Russia withdraw ..., while Moscow is pushing for NATO to limit ..."
    article = nl.load_article(seed_path)
    table = nl.timeline(article)
    names = {n for cell in table.actors for n in cell.split(", ") if n}
    assert {"NATO", "the West", "Russia", "Joe Biden"} <= names
