"""Every analysis keeps its offsets on the text it was given, whatever the text holds.

Article text is untrusted: odd Unicode (characters whose lower case is longer, combining marks,
surrogate-free astral symbols), stray quotes and line ends must neither crash an analysis nor
shift its offsets.
"""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

import newslab as nl

WORDS = ["Biden", "said", "on", "Friday", "“", "”", '"', "Russia", "İstanbul", "ẞ", "last", "week",
         "Mr.", "Putin", "she", "claimed", "that", "Jan.", "21", ",", ".", "\n\n", "\r\n", " ", "the",
         "NATO", "according", "to", "will", "invade", "Ukraine", "two", "years", "ago", "e\u0301", "😀"]
news_like = st.lists(st.sampled_from(WORDS), min_size=1, max_size=50).map(" ".join)
anything = st.text(min_size=1, max_size=200)

# (function, {text column: (start column, end column)})
CHECKS = [
    (lambda t: nl.timexes(t, dct="2022-01-21"), {"text": ("start", "end")}),
    (nl.actors, {"mention": ("start", "end")}),
    (nl.attributions, {"content_text": ("content_start", "content_end"), "cue_text": ("cue_start", "cue_end")}),
]


def check(text: str) -> None:
    n = len(text)
    for fn, columns in CHECKS:
        table = fn(text)
        for column, (start, end) in columns.items():
            if column not in table:
                continue
            for value, s, e in zip(table[column], table[start], table[end]):
                if s is None or s != s:  # NA offsets: nothing to check
                    continue
                assert 0 <= s <= e <= n
                assert text[s:e] == value
    for table in (nl.timeline(text, dct="2022-01-21"), nl.stance(text)):
        assert ((table.start >= 0) & (table.end <= n) & (table.start <= table.end)).all()


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(news_like)
def test_offsets_on_news_like_text(text):
    check(text)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(anything)
def test_offsets_on_arbitrary_unicode(text):
    check(text)


def test_long_lower_case_does_not_shift_timexes():
    text = "İİİ officials met on Monday and İstanbul talks ended Tuesday."
    table = nl.timexes(text, dct="2022-01-21")
    assert table.text.tolist() == ["Monday", "Tuesday"]
    assert [text[s:e] for s, e in zip(table.start, table.end)] == ["Monday", "Tuesday"]
