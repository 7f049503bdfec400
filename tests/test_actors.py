"""Actors on the seed article: facts checked by hand against the text."""
from __future__ import annotations

import newslab as nl
import pytest
from newslab.attribution.actors import MENTIONS_SCHEMA


@pytest.fixture(scope="module")
def seed():
    text = nl.load_article(nl.SEED_PATH).text
    return text, nl.actors(text)


def _actor_of(text, df, phrase, occurrence=0):
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    rows = df[(df.start <= start) & (df.end > start)]
    assert len(rows) == 1, f"no single mention at {phrase!r}"
    return rows.iloc[0]


def test_people_have_fullest_names(seed):
    text, df = seed
    people = set(df[df.kind == "person"].name)
    for name in ["Antony Blinken", "Sergey Lavrov", "Vladimir Putin", "Annalena Baerbock", "Joe Biden",
                 "Jen Psaki", "Volodymyr Zelenskiy", "Maria Zakharova"]:
        assert name in people


def test_aliases_share_an_id(seed):
    text, df = seed
    assert _actor_of(text, df, "Bidens’s")["name"] == "Joe Biden"
    assert _actor_of(text, df, "The US leader")["name"] == "Joe Biden"
    assert _actor_of(text, df, "Blinken vowed")["name"] == "Antony Blinken"
    assert _actor_of(text, df, "Zakharova said")["name"] == "Maria Zakharova"


def test_pronouns_resolve_by_gender(seed):
    text, df = seed
    assert _actor_of(text, df, "he affirmed")["name"] == "Joe Biden"  # not Jen Psaki
    assert _actor_of(text, df, "She pointed")["name"] == "Maria Zakharova"
    assert _actor_of(text, df, "he hoped")["name"] == "Sergey Lavrov"


def test_countries_capitals_and_collectives(seed):
    text, df = seed
    moscow = _actor_of(text, df, "Moscow")
    assert (moscow["name"], moscow["kind"]) == ("Russia", "country")
    assert _actor_of(text, df, "Kiev")["name"] == "Ukraine"
    assert _actor_of(text, df, "NATO")["kind"] == "organisation"
    west = _actor_of(text, df, "West is demanding")
    assert west["kind"] == "collective"


def test_gender_cues(seed):
    text, df = seed
    table = nl.actor_table(text).set_index("name")
    assert table.loc["Maria Zakharova", "gender"] == "f"
    assert table.loc["Jen Psaki", "gender"] == "f"
    assert table.loc["Joe Biden", "gender"] == "m"
    assert table.loc["Joe Biden", "mentions"] >= 5


def test_offsets_point_into_text(seed):
    text, df = seed
    assert len(df) > 40
    for row in df.itertuples():
        assert text[row.start:row.end] == row.mention


def test_empty_text_keeps_schema():
    df = nl.actors("")
    assert list(df.columns) == list(MENTIONS_SCHEMA) and len(df) == 0
    assert str(df.start.dtype) == "int64"


def test_deterministic(seed):
    text, df = seed
    assert nl.actors(text).equals(df)
