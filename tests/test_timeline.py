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


# fast paths of the clause splitter (newslab.timeline.events): each must give what the plain
# definition gives

# the splitter's plain alternation, as first written: the fast one opens with a character class
_PLAIN_SPLIT = (r";\s+|,\s+(?=(?:but|while|whereas|although|though|and\s+(?:he|she|they|it|we|i))\b)"
                r"|\s+(?=but\s)|:\s+(?=[“\"'‘A-Z])"
                r"|,\s+(?=(?:who|which|where|when|after|before|as|because|since|until|if)\b)"
                r"|\s+(?=that\s+(?:he|she|it|they|we|I|the|a|an|its|his|her|their)\s)")


def _random_texts(n, alphabet, longest, seed=7):
    import random

    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest))) for _ in range(n)]


def test_clause_split_is_the_plain_alternation(seed_path):
    import re

    from newslab.timeline import events

    plain = re.compile(_PLAIN_SPLIT)
    words = ["but ", "that ", "he ", "the ", "who ", "and ", "I ", "“", "'", "A", ";", ",", ":", " ", "  ", "\n",
             "x", "B", "while "]
    texts = _random_texts(3000, words, 14) + [nl.load_article(seed_path).text]
    for text in texts:
        for a, b in [(0, len(text)), (len(text) // 3, len(text)), (0, len(text) // 2)]:
            assert ([m.span() for m in events._CLAUSE_SPLIT.finditer(text, a, b)]
                    == [m.span() for m in plain.finditer(text, a, b)]), (text, a, b)
            # _verb_clauses splits only sentences holding one of ';' ',' ':' "but" "that": no other has a split
            if not any(c in text[a:b] for c in (";", ",", ":", "but", "that")):
                assert plain.search(text, a, b) is None, (text, a, b)


def test_word_bits_are_the_regexes_on_the_span():
    """Or-ing one verdict per word is searching the span with each regex (their matches are whole
    words) and finding a finite verb among its words."""
    import re

    from newslab.timeline import events as ev

    words = ["says", "said", "was", "is", "then", "later", "walked", "news", "Bus", "runs", "x", "IS", "Said",
             "next", "ſaid", "héllo", "2019", "cars's", "it's", " ", ", ", "-", "\u2019", "’s", "_"]
    for text in _random_texts(3000, words, 8, seed=11):
        for s, e in [(0, len(text)), (1, len(text) - 1)]:
            if s > e:
                continue
            chunk = text[s:e]
            want = ((ev._PRESENT_WORD if ev._PRESENT.search(chunk) else 0)
                    | (ev._PAST_WORD if ev._PAST.search(chunk) else 0)
                    | (ev._LATER_WORD if ev._LATER.search(chunk) else 0)
                    | (ev._VERB_BIT if any(ev._VERB.fullmatch(w) and not ev._NOT_VERB_S.fullmatch(w)
                                           for w in re.findall(r"\w+", chunk)) else 0))
            assert ev._bits(text, s, e) == want, (text, s, e)


def test_inside_bisects_like_a_scan():
    import random

    from newslab.timeline.events import _inside, _sorted_starts

    rng = random.Random(5)
    for _ in range(500):
        items = sorted(((i, a, a + rng.randint(0, 9)) for i, a in enumerate(rng.sample(range(60), 12))),
                       key=lambda t: t[1])
        starts = _sorted_starts(items)
        assert starts is not None
        for a in range(0, 70, 7):
            for b in range(a, 75, 5):
                assert _inside(items, starts, a, b) == [t for t in items if a <= t[1] and t[2] <= b]
    assert _sorted_starts([(1, 5, 9), (2, 3, 4)]) is None  # out of order: scanned
    assert _sorted_starts([(1, 5, 4)]) is None  # ends before it starts: scanned
