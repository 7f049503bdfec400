"""Attributions on the seed and small hand-written sentences."""
from __future__ import annotations

import newslab as nl
import pytest
from newslab.attribution.quotes import SCHEMA


@pytest.fixture(scope="module")
def seed():
    text = nl.load_article(nl.SEED_PATH).text
    return text, nl.attributions(text)


def _row(df, text, cue_phrase):
    """The attribution whose cue starts at the first occurrence of ``cue_phrase``."""
    start = text.index(cue_phrase)
    rows = df[df.cue_start == start]
    assert len(rows) == 1, f"no attribution with its cue at {cue_phrase!r}"
    return rows.iloc[0]


def test_indirect_speech_with_that_clause(seed):
    text, df = seed
    r = _row(df, text, "said he hoped")
    assert r.speaker == "Sergey Lavrov"
    assert r.kind == "indirect"
    assert r.content_text == "he hoped the United States was bringing concrete answers to Russian concerns"


def test_direct_quote_before_the_cue(seed):
    text, df = seed
    r = _row(df, text, "said.\n\nShe pointed")
    assert r.speaker == "Maria Zakharova" and r.kind == "direct"
    assert r.content_text.startswith("“They can have") and r.content_text.endswith("security,”")


def test_pronoun_and_description_speakers(seed):
    text, df = seed
    assert _row(df, text, "affirmed").speaker == "Joe Biden"
    assert _row(df, text, "said he did not believe").speaker == "Joe Biden"  # "The US leader"
    assert _row(df, text, "pointed to").speaker == "Maria Zakharova"


def test_unclosed_quote_runs_to_paragraph_end(seed):
    text, df = seed
    r = _row(df, text, "said: “We were")
    assert r.speaker == "Antony Blinken" and r.kind == "direct"
    assert r.content_text.startswith("“We were at a crucial moment")
    assert r.content_text.endswith("eastern flank")


def test_collective_and_country_speakers(seed):
    text, df = seed
    assert _row(df, text, "denied that it").speaker == "Russia"
    assert _row(df, text, "is demanding").speaker == "the West"
    assert _row(df, text, "claimed that Ukrainian").speaker == "Maria Zakharova"


def test_according_to_both_orders():
    df = nl.attributions("According to the report, the economy grew by 3 percent.")
    assert df[["source_text", "cue_text", "content_text"]].values.tolist() == [
        ["the report", "According to", "the economy grew by 3 percent"]]
    df = nl.attributions("The economy grew by 3 percent, according to the report.")
    assert df.content_text.tolist() == ["The economy grew by 3 percent"]


def test_missing_source_is_na_not_a_guess():
    df = nl.attributions("It is expected that taxes will rise.")
    assert len(df) == 1
    assert df.source_start.isna().all() and df.speaker.tolist() == [""]


def test_offsets_and_schema(seed):
    text, df = seed
    assert list(df.columns) == list(SCHEMA)
    assert df.attribution_id.tolist() == list(range(len(df)))
    for r in df.itertuples():
        assert text[r.content_start:r.content_end] == r.content_text
        assert text[r.cue_start:r.cue_end] == r.cue_text
    empty = nl.attributions("")
    assert list(empty.columns) == list(SCHEMA) and len(empty) == 0
    assert str(empty.source_start.dtype) == "Int64"
    assert set(df.kind) <= {"direct", "mixed", "indirect"}
