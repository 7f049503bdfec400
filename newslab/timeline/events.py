"""Event timeline: each clause that reports something happening, placed on the calendar.

:func:`timeline` splits every sentence into clauses, keeps those with a finite verb, and
anchors each one, trying these rules in order (the ``anchor_rule`` column says which fired):

``clause``      a DATE/TIME expression inside the clause ("Blinken vowed on Thursday …"); of
                several, a calendar date before "now"/"recently", then the one nearest the
                clause's first finite verb;
``offset``      a DURATION followed by "later"/"earlier" ("Three days later, workers protested"),
                or by a bare "after"/"before": counted from the narrative's reference time
                (the previous anchored event, else the DCT);
``sentence``    one elsewhere in the same sentence;
``reported``    present-tense reporting or state ("Blinken says", "Moscow is pushing") → the DCT;
``narrative``   the reference time the narrative has moved to (the previous anchored event,
                moved forward by "later"/"then"/"after");
``dct``         nothing better: the DCT itself (past-tense news is recent by default);
``none``        no DCT and nothing in the text to go by;
``duration``    like ``reported``/``narrative``/``dct`` for the date, but the clause holds a
                duration or frequency ("for ten years", "every quarter") it relates to: its
                ``timex_id`` points there.

Clauses split at ';', ', but', ', who/which/when/after/…', "that" + a subject, and similar.

>>> t = timeline("Blinken met Lavrov on Friday. He said later that talks would go on.", dct="2022-01-21")
>>> t[["event_text", "date", "anchor_rule"]].values.tolist()[0]
['Blinken met Lavrov on Friday.', '2022-01-21', 'clause']

See Also: :func:`newslab.timexes`.
"""
from __future__ import annotations

import calendar
from bisect import bisect_left, bisect_right
import datetime as dt
import re
from functools import lru_cache

import pandas as pd

from newslab.tables import frame
from newslab.timeline.timexes import _MONTH_FULL, WEEKDAYS, parse_dct, timex_spans

SCHEMA = {
    "event_id": "int64", "start": "int64", "end": "int64", "event_text": "string",
    "date": "string", "date_end": "string", "granularity": "string", "timex_id": "Int64",
    "timex_text": "string", "anchor_rule": "string", "actors": "string",
    "sentence_id": "int64", "sentence_start": "int64", "sentence_end": "int64", "evidence": "string",
}

# Every split opens with one of ; , : or a space (the class first lets the regex engine skip the
# other characters; the lookbehinds then say which of the alternatives it was), and needs one of
# ; , : "but" "that" in the sentence (see _verb_clauses).
_CLAUSE_SPLIT = re.compile(r"[;,:\s](?:(?<=;)\s+"
                           r"|(?<=,)\s+(?=(?:but|while|whereas|although|though|and\s+(?:he|she|they|it|we|i))\b)"
                           r"|(?<=\s)\s*(?=but\s)|(?<=:)\s+(?=[“\"'‘A-Z])"
                           # relative and adverbial clauses after a comma: ", who arrived Thursday"
                           r"|(?<=,)\s+(?=(?:who|which|where|when|after|before|as|because|since|until|if)\b)"
                           # a complement clause with its own subject: "… that the talks failed"
                           r"|(?<=\s)\s*(?=that\s+(?:he|she|it|they|we|I|the|a|an|its|his|her|their)\s))")
_VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|do|does|did|will|would|can|could|may|might|must|shall|should|"
    r"says?|said|told|tells?|met|meets?|made|makes?|went|goes|came|comes|took|takes?|gave|gives?|began|begins?|"
    r"won|lost|left|held|holds?|paid|pays?|sold|sells?|bought|buys?|rose|fell|hit|set|put|cut|ran|runs?|"
    r"saw|sees?|knew|knows?|thinks?|thought|wants?|hopes?|expects?|vowed|\w{3,}ed|\w{3,}(?<!s)s)\b", re.I)
_NOT_VERB_S = re.compile(r"\b(?:news|this|his|its|was|has|is|us|yes|less|unless|across|always|perhaps|"
                         r"various|serious|previous|famous|status|crisis|basis|analysis|process|business|"
                         r"congress|press|access|success|class|gas|bus|plus|thus|Kiev's|ukraine's)\b", re.I)
_PRESENT = re.compile(r"\b(?:says|say|is|are|has|have|insists?|believes?|wants?|thinks?|knows?|remains?|"
                      r"demands?|demanding|pushing|seeking|continues?)\b", re.I)
_PAST = re.compile(r"\b(?:said|was|were|had|did|\w{3,}ed)\b", re.I)
_LATER = re.compile(r"\b(?:later|then|afterwards?|after|subsequently|next|following)\b", re.I)
_NAME = re.compile(r"\b(?:[A-Z][\w’'-]*(?:\s+(?:[A-Z][\w’'-]*|of|de|von|van|al|bin))*\s+)*[A-Z][\w’'-]+")
_NOT_NAMES = (set(w.capitalize() for w in _MONTH_FULL) | {w.capitalize() for w in WEEKDAYS}
              | {"The", "A", "An", "In", "On", "At", "He", "She", "It", "They", "We", "I", "But", "And",
                 "While", "After", "Before", "This", "That", "These", "Those", "Some", "His", "Her", "Their",
                 "Just", "As", "Its", "There", "Our", "Mr", "Mrs", "Ms", "Now", "Today", "Yesterday", "If",
                 "When", "What", "Who", "Such", "Not", "No", "Yes", "Still", "Later", "Earlier", "Meanwhile"})


_V_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)(T.*)?$")
_V_MONTH = re.compile(r"(\d{4})-(\d\d)$")
_V_WEEK = re.compile(r"(\d{4})-W(\d\d)(-WE)?$")
_V_QUARTER = re.compile(r"(\d{4})-Q([1-4])$")
_V_HALF = re.compile(r"(\d{4})-H([12])$")
_V_SEASON = re.compile(r"(\d{4})-(SP|SU|FA|WI)$")
_V_YEAR = re.compile(r"(\d{4})$")
_V_DECADE = re.compile(r"(\d{3})X?$")


@lru_cache(maxsize=4096)
def _value_range(value: str, dct: dt.date | None) -> tuple[str | None, str | None, str]:
    """(date, date_end, granularity) of a TIMEX3 DATE/TIME value; ranges for coarse values
    (cached: a pure function of its arguments, and an article repeats its values)."""
    m = _V_DAY.match(value)
    if m:
        d = f"{m[1]}-{m[2]}-{m[3]}"
        return d, d, "time" if m[4] else "day"
    m = _V_MONTH.match(value)
    if m:
        y, mo = int(m[1]), int(m[2])
        if 1 <= mo <= 12:
            return f"{y}-{mo:02d}-01", f"{y}-{mo:02d}-{calendar.monthrange(y, mo)[1]:02d}", "month"
    m = _V_WEEK.match(value)
    if m:
        try:
            a = dt.date.fromisocalendar(int(m[1]), int(m[2]), 6 if m[3] else 1)
            b = dt.date.fromisocalendar(int(m[1]), int(m[2]), 7)
            return a.isoformat(), b.isoformat(), "week"
        except ValueError:
            pass
    m = _V_QUARTER.match(value)
    if m:
        y, q = int(m[1]), int(m[2])
        return (f"{y}-{3 * q - 2:02d}-01", f"{y}-{3 * q:02d}-{calendar.monthrange(y, 3 * q)[1]:02d}",
                "quarter")
    m = _V_HALF.match(value)
    if m:
        y, h = int(m[1]), int(m[2])
        return (f"{y}-01-01", f"{y}-06-30", "half") if h == 1 else (f"{y}-07-01", f"{y}-12-31", "half")
    m = _V_SEASON.match(value)
    if m:
        y = int(m[1])
        a, b = {"SP": ("03-01", "05-31"), "SU": ("06-01", "08-31"), "FA": ("09-01", "11-30"),
                "WI": ("12-01", "02-28")}[m[2]]
        return f"{y}-{a}", f"{y + 1 if m[2] == 'WI' else y}-{b}", "season"
    m = _V_YEAR.match(value)
    if m:
        return f"{m[1]}-01-01", f"{m[1]}-12-31", "year"
    m = _V_DECADE.match(value)
    if m:
        return f"{m[1]}0-01-01", f"{m[1]}9-12-31", "decade"
    if value == "PRESENT_REF" and dct:
        return dct.isoformat(), dct.isoformat(), "present"
    if value == "PAST_REF":
        return None, dct.isoformat() if dct else None, "past"
    if value == "FUTURE_REF":
        return dct.isoformat() if dct else None, None, "future"
    return None, None, "unknown"


# the kinds newslab.attribution.actors gives: every actor named in a clause is listed
_ACTOR_KINDS = frozenset(("person", "organisation", "country", "collective"))
_NAME_MENTIONS = frozenset(("name",))


def _actor_finder(text: str):
    """Names in a span: from :mod:`newslab.attribution` when available, else capitalised words."""
    try:
        from newslab.attribution.actors import index  # optional: another concern's module
        idx = index(text)
        people = idx.actors
        rows = []
        for m in idx.mentions:
            a = people[m.actor]
            if a.kind in _ACTOR_KINDS and m.kind in _NAME_MENTIONS:
                rows.append((m.start, m.end, a.name))
    except Exception:  # noqa: BLE001 — the fallback below is always available
        rows = None
    starts = [r[0] for r in rows] if rows else []
    ordered = all(x <= y for x, y in zip(starts, starts[1:]))

    def find(a: int, b: int) -> str:
        if rows:
            if ordered:  # mentions in text order: only those starting in [a, b] can fit
                k = bisect_left(starts, a)
                names = []
                while k < len(rows) and rows[k][0] <= b:
                    s, e, n = rows[k]
                    if e <= b:
                        names.append(n)
                    k += 1
            else:
                names = [n for s, e, n in rows if a <= s and e <= b]
        else:
            names = [m[0] for m in _NAME.finditer(text, a, b)
                     if m[0].split()[0] not in _NOT_NAMES and not (m.start() == a and " " not in m[0])]
        return ", ".join(dict.fromkeys(names))
    return find


_WORD = re.compile(r"\w+")
_VERB_WORDS: dict[str, bool] = {}


def _verb_word(word: str) -> bool:
    """Is the word a finite verb for :data:`_VERB` (and not one of :data:`_NOT_VERB_S`)?"""
    known = _VERB_WORDS.get(word)
    if known is None:
        known = bool(_VERB.fullmatch(word)) and not _NOT_VERB_S.fullmatch(word)
        if len(_VERB_WORDS) < 200_000:
            _VERB_WORDS[word] = known
    return known


_PRESENT_WORD, _PAST_WORD, _LATER_WORD, _VERB_BIT = 1, 2, 4, 8
_WORD_BITS: dict[str, int] = {}


def _word_bits(word: str) -> int:
    """Which of :data:`_PRESENT`, :data:`_PAST`, :data:`_LATER` the word matches, and whether
    it is a finite verb (:func:`_verb_word`), as bits (cached)."""
    bits = ((_PRESENT_WORD if _PRESENT.fullmatch(word) else 0) | (_PAST_WORD if _PAST.fullmatch(word) else 0)
            | (_LATER_WORD if _LATER.fullmatch(word) else 0) | (_VERB_BIT if _verb_word(word) else 0))
    if len(_WORD_BITS) < 200_000:
        _WORD_BITS[word] = bits
    return bits


def _bits(text: str, s: int, e: int) -> int:
    """The bits of :func:`_word_bits` of every word of ``text[s:e]``, or-ed together. Each of
    those regexes matches whole \\w+ words only (every alternative is \\w+ between two \\b),
    so a verdict per word does: the span holds a finite verb, a present tense, and so on."""
    words = _WORD.findall(text, s, e)
    cache = _WORD_BITS
    seen = set(map(cache.get, words))  # the few distinct verdicts, without a Python loop per word
    if None in seen:
        seen.discard(None)
        seen.update(_word_bits(w) for w in words if w not in cache)
    bits = 0
    for b in seen:
        bits |= b
    return bits


def _verb_clauses(text: str, a: int, b: int) -> list[tuple[int, int, int]]:
    """Clause spans of the sentence ``text[a:b]`` (split at ';', ', but', ': “…' and similar), each
    with the :func:`_bits` of its words (``bits & _VERB_BIT``: it has a finite verb).

    A piece without a finite verb belongs to the previous clause. Every cut follows whitespace,
    so no word straddles one: a merged clause's words are its pieces' words."""
    sentence = text[a:b]
    if ";" in sentence or "," in sentence or ":" in sentence or "but" in sentence or "that" in sentence:
        cuts = [a] + [m.end() for m in _CLAUSE_SPLIT.finditer(text, a, b)] + [b]
    else:  # nothing to split at
        cuts = [a, b]
    spans = []
    for s, e in zip(cuts, cuts[1:]):
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e <= s:
            continue
        bits = _bits(text, s, e)
        if spans and not bits & _VERB_BIT:
            spans[-1] = (spans[-1][0], e, spans[-1][2] | bits)  # a verbless piece belongs to the previous clause
        else:
            spans.append((s, e, bits))
    return spans


# "three days later", "two weeks earlier", "a day after,": a duration counted from the narrative's
# reference time. "after"/"before" only when nothing follows ("two years after the war" counts
# from the war, an event the timeline cannot date).
_OFFSET_AFTER = re.compile(r"\s*(later|earlier|(?:after|before)(?=\s*[,.;:]|\s*$))\b", re.I)
_OFFSET_VALUE = re.compile(r"P(T?)(\d+|X)([YMWDHS])")


def _shift_date(day: dt.date, unit: str, n: int) -> dt.date:
    """``day`` moved by ``n`` units (Y, M, W or D; a month end stays in its month)."""
    if unit in ("Y", "M"):
        months = day.year * 12 + day.month - 1 + (n * 12 if unit == "Y" else n)
        y, mo = divmod(months, 12)
        if not 1 <= y <= 9999:
            return day
        return dt.date(y, mo + 1, min(day.day, calendar.monthrange(y, mo + 1)[1]))
    try:
        return day + dt.timedelta(days=n * (7 if unit == "W" else 1))
    except OverflowError:
        return day


def _offset(anchor: tuple, ref: tuple[str | None, str | None, str] | None,
            dct: dt.date | None) -> tuple[str | None, str | None, str]:
    """(date, date_end, granularity) of a "three days later" anchor: its DURATION value counted
    forward ("later", "after") or back ("earlier", "before") from the reference time (the previous
    anchored event, else the DCT)."""
    later = anchor[5] in ("later", "after")
    if ref is not None and ref[0 if not later else 1] is None:
        ref = (ref[0], ref[0], ref[2]) if ref[0] else (ref[1], ref[1], ref[2])
    if ref is None or ref[0] is None:
        if dct is None:
            return None, None, "unknown"
        ref = (dct.isoformat(), dct.isoformat(), "day")
    start, end = dt.date.fromisoformat(ref[0]), dt.date.fromisoformat(ref[1] or ref[0])
    m = _OFFSET_VALUE.match(anchor[4])
    if m is None or m[2] == "X":  # "a few days later": some time after the reference
        return (end.isoformat(), None, "after") if later else (None, start.isoformat(), "before")
    if m[1]:  # hours, minutes: the same day as the reference
        return (end.isoformat(), end.isoformat(), "day") if later else (start.isoformat(), start.isoformat(), "day")
    n = int(m[2]) * (1 if later else -1)
    base = end if later else start
    if ref[2] in ("day", "time", "present", "after", "before") or start == end:
        day = _shift_date(base, m[3], n).isoformat()
        return day, day, "day"
    return _shift_date(start, m[3], n).isoformat(), _shift_date(end, m[3], n).isoformat(), ref[2]


def _first_verb(text: str, a: int, b: int) -> int:
    """Offset of the first finite verb in ``text[a:b]`` (``a`` when there is none)."""
    for m in _WORD.finditer(text, a, b):
        w = m[0]
        if _VERB_WORDS.get(w) or (w not in _VERB_WORDS and _verb_word(w)):
            return m.start()
    return a


def _closest(text: str, cands: list[tuple], a: int, b: int) -> tuple:
    """Of several expressions in the clause ``text[a:b]``, the one nearest its first finite verb."""
    if len(cands) == 1:
        return cands[0]
    cands = [t for t in cands if t[4][:1].isdigit()] or cands  # a calendar date over "now", "recently"
    if len(cands) == 1:
        return cands[0]
    v = _first_verb(text, a, b)
    return min(cands, key=lambda t: (t[1] - v if t[1] >= v else v - t[2], t[1]))


def _sentence_anchor(cands: list[tuple], a: int, b: int) -> tuple:
    """The sentence's expression for a clause ``[a, b)`` without one: the nearest."""
    return min(cands, key=lambda t: (min(abs(t[1] - a), abs(t[1] - b)), t[1]))


def _sorted_starts(items: list[tuple]) -> list[int] | None:
    """The starts (``t[1]``) of expressions in text order, each ending (``t[2]``) at or after its
    start; None when they are not (then :func:`_inside` scans them all)."""
    starts = [t[1] for t in items]
    if all(x <= y for x, y in zip(starts, starts[1:])) and all(t[1] <= t[2] for t in items):
        return starts
    return None


def _inside(items: list[tuple], starts: list[int] | None, a: int, b: int) -> list[tuple]:
    """The expressions lying within ``[a, b]``, in their order: with ``starts`` (see
    :func:`_sorted_starts`) only those starting in ``[a, b]`` are looked at."""
    if starts is None:
        return [t for t in items if a <= t[1] and t[2] <= b]
    return [t for t in items[bisect_left(starts, a):bisect_right(starts, b)] if t[2] <= b]


def timeline(article_or_text, dct: dt.date | str | None = None) -> pd.DataFrame:
    """One row per event clause with its date (or range), granularity, anchor and evidence.

    ``article_or_text`` is a :class:`newslab.Article` (its ``date`` is the DCT unless ``dct``
    overrides it) or a string. Columns: see :data:`SCHEMA`; ``timex_id`` joins
    :func:`newslab.timexes` (same text, same DCT).
    """
    if isinstance(article_or_text, str):
        text = article_or_text
    elif hasattr(article_or_text, "text"):
        text = article_or_text.text
        if dct is None:
            dct = getattr(article_or_text, "date", None)
    else:
        raise TypeError(f"timeline expects an Article or a str, got {type(article_or_text).__name__}")
    return frame(timeline_rows(text, dct), SCHEMA)


def timeline_rows(text: str, dct: dt.date | str | None = None) -> list[tuple]:
    """The rows of :func:`timeline` (tuples in :data:`SCHEMA` order), without the table."""
    from newslab.text import sentence_spans

    d = parse_dct(dct)
    tx = [(i + 1, s, e, typ, val) for i, (s, e, typ, val, _) in enumerate(timex_spans(text, d))]
    # what can anchor a clause: dates and times, and durations that count from the narrative's
    # reference time ("three days later"); other durations and sets only say how long / how often
    anchors, spans = [], []
    for t in tx:
        if t[3] in ("DATE", "TIME"):
            anchors.append(t)
        else:
            m = _OFFSET_AFTER.match(text, t[2])
            if m and t[3] == "DURATION":
                anchors.append((*t, m[1].lower()))
            else:
                spans.append(t)
    anchor_starts, span_starts = _sorted_starts(anchors), _sorted_starts(spans)
    find_actors = _actor_finder(text)
    d_iso = d.isoformat() if d is not None else None
    rows = []
    ref: tuple[str | None, str | None, str] | None = None
    offsets: dict[int, tuple[str | None, str | None, str]] = {}
    eid = 0
    for sid, (sa, sb, _pid) in enumerate(sentence_spans(text)):
        in_sentence = _inside(anchors, anchor_starts, sa, sb) if anchors else anchors
        durations = _inside(spans, span_starts, sa, sb) if spans else spans
        clauses = _verb_clauses(text, sa, sb)
        for ca, cb, bits in clauses:
            if not bits & _VERB_BIT:
                continue
            chunk = text[ca:cb]
            in_clause = [t for t in in_sentence if ca <= t[1] and t[2] <= cb]
            anchor, rule = None, ""
            if in_clause:
                anchor, rule = _closest(text, in_clause, ca, cb), "clause"
            elif in_sentence:
                anchor, rule = _sentence_anchor(in_sentence, ca, cb), "sentence"
            if anchor is not None and len(anchor) > 5:  # "three days later": counted from the reference
                if anchor[0] not in offsets:  # once per expression, also for a second clause using it
                    offsets[anchor[0]] = _offset(anchor, ref, d)
                date, date_end, gran = offsets[anchor[0]]
                rule = "offset"
                ref = (date, date_end, gran) if date else ref
            elif anchor is not None:
                date, date_end, gran = _value_range(anchor[4], d)
                ref = (date, date_end, gran) if date else ref
            else:
                if d is not None and (bits & (_PRESENT_WORD | _PAST_WORD)) == _PRESENT_WORD:
                    date, date_end, gran, rule = d_iso, d_iso, "day", "reported"
                elif ref is not None:
                    date, date_end, gran = ref
                    rule = "narrative"
                    if bits & _LATER_WORD and date_end:
                        date, date_end, gran = date_end, None, "after"
                elif d is not None:
                    date, date_end, gran, rule = d_iso, d_iso, "day", "dct"
                else:
                    date, date_end, gran, rule = None, None, "unknown", "none"
                # a duration or frequency in the clause ("for ten years", "every quarter") is the
                # expression the event relates to, though it gives no date of its own
                own = [t for t in durations if ca <= t[1] and t[2] <= cb]
                if own:
                    anchor, rule = _closest(text, own, ca, cb), "duration"
            eid += 1
            rows.append((eid, ca, cb, chunk, date, date_end, gran,
                         anchor[0] if anchor else None, text[anchor[1]:anchor[2]] if anchor else None,
                         rule, find_actors(ca, cb), sid, sa, sb, text[sa:sb]))
    return rows
