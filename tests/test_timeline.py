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


def test_n_units_later_is_dated_from_the_reference_time():
    t = timeline("The minister arrived on March 3, 2020. Three days later, workers protested.", dct="2020-03-10")
    assert t.date.tolist() == ["2020-03-03", "2020-03-06"] and t.granularity.tolist() == ["day", "day"]


def test_bare_before_and_after_count_from_the_reference_time():
    before = timeline("Talks collapsed on Friday. The envoy had resigned two weeks before.", dct="2022-01-21")
    assert before.anchor_rule.tolist() == ["clause", "offset"] and before.timex_text.tolist()[1] == "two weeks"
    assert before.date.tolist() == ["2022-01-21", "2022-01-07"]
    month = timeline("The minister arrived in March 2020. The talks failed two months after.", dct="2020-06-10")
    assert (month.date.tolist()[1], month.date_end.tolist()[1], month.granularity.tolist()[1]) == (
        "2020-05-01", "2020-05-31", "month")
    # nothing to count from: the DCT
    alone = timeline("Workers protested three days after.", dct="2020-03-10")
    assert alone.date.tolist() == ["2020-03-13"] and alone.anchor_rule.tolist() == ["offset"]


def test_bare_after_is_an_offset_once_but_after_an_event_is_not():
    t = timeline("The strike began on May 2, 1998. It ended two weeks after, when pay rose.", dct="1998-06-01")
    assert t.anchor_rule.tolist() == ["clause", "offset", "offset"]
    assert t.date.tolist() == ["1998-05-02", "1998-05-16", "1998-05-16"]  # not counted twice
    war = timeline("Two years after the war, he died.", dct="1998-06-01")
    assert war.anchor_rule.tolist() == ["duration"] and war.timex_text.tolist() == ["Two years"]


def test_a_duration_in_the_clause_is_its_expression():
    t = timeline("The company has grown for ten years.", dct="2022-01-21")
    assert t.anchor_rule.tolist() == ["duration"] and t.timex_text.tolist() == ["ten years"]
    assert t.date.tolist() == ["2022-01-21"]


def test_subordinate_and_complement_clauses_get_their_own_anchor():
    t = timeline("The talks began in March 2021, after the envoy arrived on Thursday.", dct="2022-01-21")
    assert t.event_text.tolist() == ["The talks began in March 2021,", "after the envoy arrived on Thursday."]
    assert t.date.tolist() == ["2021-03-01", "2022-01-20"] and t.anchor_rule.tolist() == ["clause", "clause"]
    said = timeline("The minister said on Monday that the army retreated in December.", dct="2022-01-21")
    assert said.event_text.tolist() == ["The minister said on Monday", "that the army retreated in December."]
    assert said.date.tolist() == ["2022-01-17", "2021-12-01"]


def test_several_expressions_in_a_clause():
    # the one nearest the verb ("recovered"), not the first
    t = timeline("After the 2019 crash, the firm recovered on March 3, 2021.", dct="2022-01-21")
    assert t.timex_text.tolist() == ["March 3, 2021"] and t.date.tolist() == ["2021-03-03"]
    # a calendar date over "now"
    now = timeline("Sales rose in 2021 and are high now.", dct="2022-01-21")
    assert now.timex_text.tolist() == ["2021"]


def test_offset_arithmetic():
    from newslab.timeline.events import _offset
    day = ("2020-01-31", "2020-01-31", "day")
    assert _offset((1, 0, 0, "DURATION", "P1M", "later"), day, None) == ("2020-02-29", "2020-02-29", "day")
    assert _offset((1, 0, 0, "DURATION", "P1W", "before"), day, None) == ("2020-01-24", "2020-01-24", "day")
    assert _offset((1, 0, 0, "DURATION", "PT2H", "after"), day, None) == ("2020-01-31", "2020-01-31", "day")
    assert _offset((1, 0, 0, "DURATION", "PXD", "later"), day, None) == ("2020-01-31", None, "after")
    assert _offset((1, 0, 0, "DURATION", "PXD", "earlier"), day, None) == (None, "2020-01-31", "before")
    assert _offset((1, 0, 0, "DURATION", "P3D", "later"), None, None) == (None, None, "unknown")
