"""Temporal expressions: a rule-based TIMEX3 tagger and normalizer.

:func:`timexes` finds dates, times, durations and sets in English news text and gives each a
TimeML/TIDES ``value`` resolved against the document creation time (DCT), following the
TimeBank span conventions ("on Thursday" → "Thursday"; "the third quarter" keeps "the").

How values are resolved:

- deictic expressions ("today", "last week", "two years ago") against the DCT;
- weekday and month names without a year by the tense of their clause: past-tense news means the
  previous Thursday, "will meet Thursday" the next one; a month and day without year take the
  year that puts them nearest to the DCT;
- anaphoric expressions ("that day", "the next day", "a week later") against the *reference
  time*, the last fully specified date the narrative mentioned (the DCT until there is one);
- without a DCT, what needs one gets an underspecified value (``XXXX-WXX-4``), never a
  guessed year.

The grammar is one alternation (longest, most specific rules first) over word lists shipped
in ``newslab/timeline/data``. For speed it is only tried near trigger words, found by one
regex pass over the text, and at each position only the rules whose possible first
characters (derived from their patterns) fit the text are tried, in the same order, so the
result is that of the full alternation. The costliest rules, those built around a unit word
("two days ago", "for three weeks", "twice a year"), are skipped where no unit word follows
before a character none of their matches can contain (a comma, a colon, a quotation mark).

>>> t = timexes("Blinken vowed on Thursday to act, two years ago.", dct="2022-01-21")
>>> t[["text", "type", "value"]].values.tolist()
[['Thursday', 'DATE', '2022-01-20'], ['two years ago', 'DATE', '2020']]

See Also: :func:`newslab.timeline`, :mod:`newslab.evaluate.timeml`.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from importlib import resources

import pandas as pd

from newslab.tables import frame

SCHEMA = {"timex_id": "int64", "start": "int64", "end": "int64", "text": "string",
          "type": "string", "value": "string"}

# ---------------------------------------------------------------------------------------------
# word lists


def _data_lines(name: str) -> list[list[str]]:
    text = resources.files("newslab.timeline").joinpath("data", name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


NUMBERS: dict[str, float] = {w: float(v) for w, v in _data_lines("numbers.tsv")}
MONTHS: dict[str, int] = {}
WEEKDAYS: dict[str, int] = {}
SEASONS: dict[str, str] = {}
for _kind, _value, _names in _data_lines("calendar.tsv"):
    for _name in _names.split(","):
        {"month": MONTHS, "weekday": WEEKDAYS, "season": SEASONS}[_kind][_name] = (
            _value if _kind == "season" else int(_value))
HOLIDAYS: dict[str, str] = {name: rule for name, rule, *_ in _data_lines("holidays.tsv")}
# names also written in lower case ("on election day"); the others only capitalised
_LOWER_HOLIDAYS = [name for name, _, *flags in _data_lines("holidays.tsv") if "lower" in flags]

_ORDINALS = {w: int(v) for w, v in NUMBERS.items() if w.endswith(("st", "nd", "rd", "th")) or w == "second"}
_CARDINALS = {w: v for w, v in NUMBERS.items() if w not in _ORDINALS or w == "second"}
_UNITS_WORDS = ["a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _trie(words) -> str:
    """An alternation of ``words`` factored by common prefixes, longer words first (as an
    alternation sorted longest first): sre tries alternatives one by one, a trie rejects a
    position after a character test or two."""
    words = sorted(set(words))
    if "" in words:
        rest = _trie([w for w in words if w])
        return f"(?:{rest})?" if rest else ""
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(w[1:])
    alts = [re.escape(c) + _trie(tails) for c, tails in groups.items()]
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


# ---------------------------------------------------------------------------------------------
# grammar building blocks (case-insensitive unless wrapped in (?-i:...))

_CARD_WORDS = [w for w in _CARDINALS if w not in ("half", "first", "second", "a", "an")]
NUMW = (rf"(?:(?:{_trie(_TENS)})(?:[- ](?:{_trie(_UNITS_WORDS[2:])}))?"
        rf"|(?:{_trie(_CARD_WORDS)})(?:[- ]hundred)?|a\s+hundred|a\s+dozen|a\s+thousand)")
VAGUE = r"(?:a\s+few|a\s+couple\s+of|a\s+couple|couple\s+of|several|many|some|few|a\s+number\s+of|numerous|dozens\s+of|hundreds\s+of|thousands\s+of)"
NUM = rf"(?:\d+(?:\s+1/2|\.\d+)?|{NUMW}|an?)"
UNIT = (r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|quarters?|years?"
        r"|decades?|centuries|century|millenni(?:um|a))")
UNIT_SG = r"(?:second|minute|hour|day|night|week|weekend|fortnight|month|quarter|year|decade|century)"
# "over" only before a single unit ("lasted over a week"); before "the past two years" it is a preposition
# "nearly two years", "almost a decade": TimeBank keeps the approximation in the span
DUR_PREFIX = (r"(?:at\s+least|at\s+most|up\s+to|(?:no\s+)?more\s+than|less\s+than|nearly|almost"
              rf"|over(?=\s+an?\s+{UNIT_SG}\b))")
_MONTH_FULL = [m for m in MONTHS if len(m) > 4 or m in ("june", "july", "may")]
_MONTH_ABBR = [m for m in MONTHS if m not in _MONTH_FULL]
_MONTH_NAMES = ("|".join(m.capitalize() for m in sorted(_MONTH_FULL, key=len, reverse=True)) + "|"
                + "|".join(m.upper() for m in _MONTH_FULL))
_MONTH_ABBRS = "|".join(m.capitalize() for m in sorted(_MONTH_ABBR, key=len, reverse=True))
MONTH = rf"(?-i:(?:{_MONTH_NAMES})|(?:{_MONTH_ABBRS})\.?)"
MONTH_STRICT = (r"(?-i:(?:" + "|".join(m.capitalize() for m in sorted(_MONTH_FULL, key=len, reverse=True)
                                       if m not in ("may", "march")) + "|"
                + "|".join(m.upper() for m in _MONTH_FULL if m not in ("may", "march")) + r")|(?:"
                + "|".join(m.capitalize() for m in _MONTH_ABBR if m not in ("mar",)) + r")\.)")
# a month standing alone: its full name, or an abbreviation with its full stop ("Jan" is a first name too)
MONTH_ALONE = rf"(?-i:(?:{_MONTH_NAMES})|(?:{_MONTH_ABBRS})\.)"
_WD_FULL = [w for w in WEEKDAYS if w.endswith("day")]
WEEKDAY = (r"(?-i:(?:" + "|".join(w.capitalize() for w in _WD_FULL) + "|" + "|".join(w.upper() for w in _WD_FULL)
           + r"))")
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR4 = r"(?:1[5-9]\d\d|20\d\d)"
# a year in words ("nineteen ninety-four", "two thousand and one")
WORDYEAR = (rf"(?:(?:nineteen|twenty)[-\s](?:{_trie(_TENS)})(?:[-\s](?:{_trie(_UNITS_WORDS[2:])}))?"
            rf"|two\s+thousand(?:\s+and\s+(?:{_trie(_UNITS_WORDS[2:])}))?)")
SEASON = r"(?:spring|summer|fall|autumn|winter)"
PART = r"(?:morning|afternoon|evening|night|overnight)"
_PART_CODE = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
              "tonight": "NI"}
EDGE_OF = r"the\s+(?:end|beginning|start|middle)\s+of\s+"
APPROX = r"(?:about|around|almost|nearly|some|roughly|approximately|more\s+than|less\s+than|at\s+least|at\s+most|up\s+to)"
NOTNUM = r"(?![\d,.]?\d)"
TZ = r"(?:(?-i:[ECMP][SD]?T|GMT|UTC)\b|local\s+time)"  # "7:30 p.m. ET" as well as "EST"
TIMEZONE = rf"(?:\s+{TZ})?"
CLOCK = (rf"(?:\d{{1,2}}(?::\d\d)?\s*(?:a\.m\.|p\.m\.|a\.m(?!\w)|p\.m(?!\w)|am(?!\w)|pm(?!\w))"
         rf"|\d{{1,2}}:\d\d(?=\s+(?:o'clock|{TZ}))|noon|midday|midnight|\d{{1,2}}\s+o'clock"
         rf"|(?:1[0-2]|0?[1-9])(?::[0-5]\d)?(?:\s+o'clock)?\s+in\s+the\s+(?:morning|afternoon|evening)){TIMEZONE}")
HOLIDAY = "(?-i:" + "|".join(
    sorted([" ".join(w.capitalize() for w in h.split()).replace("'S", "'s") for h in HOLIDAYS] + _LOWER_HOLIDAYS,
           key=len, reverse=True)).replace("'", "['\u2019]") + ")"  # "New Year's Eve" or "New Year\u2019s Eve"

# "the 1980s" keeps its article as in TimeBank, unless the decade modifies a noun ("the 1980s boom"):
# then the article is the noun's
_DECADE_FOLLOW = r"(?:and|or|to|through|until|when|as|in|of|for|with|that|than|but|because|while|before|after|at|on|by|is|was|were|are)"

# "last" as an adjective ("the last six weeks"), not the verb ("is expected to last six weeks", "could last
# two years": the duration alone)
_LAST_ADJ = (r"(?<!\bto\s)(?<!\bwill\s)(?<!\bcan\s)(?<!\bmay\s)(?<!\bmust\s)(?<!\bnot\s)(?<!n['\u2019]t\s)"
             r"(?<!\bcould\s)(?<!\bwould\s)(?<!\bmight\s)(?<!\bshould\s)last")

# rules in priority order: (name, pattern); the combined regex tries them in this order
RULES: list[tuple[str, str]] = [
    # 1998-01-08, 01/08/1998
    ("iso", r"(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:T(?P<hh>\d\d):(?P<mm>\d\d))?"),
    ("slash", r"(?P<m>1[0-2]|0?[1-9])/(?P<d>[12]\d|3[01]|0?[1-9])/(?P<y>\d{4}|\d\d)"),
    # clock times, optionally with a day: "10:30 a.m. Friday", "Friday at 3 p.m."
    ("clock", rf"(?:(?P<mod>early|late)\s+)?(?P<clock>{CLOCK})(?:,?\s+(?:on\s+)?(?P<day>{WEEKDAY}|today|yesterday|tomorrow|tonight|(?P<month>{MONTH})\s*(?P<mday>{DAY}){NOTNUM}))?"),
    # Friday, Jan. 8, 1998 / Jan. 8, 1998 / Jan. 8 / 8 January 1998
    ("mdy", rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?:(?P<mod>early|late|mid|the\s+end\s+of|the\s+beginning\s+of)[-\s]+)?"
            rf"(?P<month>{MONTH})\s*(?P<day>{DAY}){NOTNUM}(?:(?:,\s*|\s+)(?P<year>{YEAR4}){NOTNUM})?"),
    ("dmy", rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<day>{DAY})(?:\s+of)?\s+(?P<month>{MONTH})(?:,?\s+(?P<year>{YEAR4}))?{NOTNUM}"),
    ("my", rf"(?:(?P<rel>last|next|this|early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of|the\s+start\s+of)[-\s]+)?"
           rf"(?P<month>{MONTH})(?:,?\s+(?:of\s+)?(?P<year>{YEAR4}|'\d\d)|\s+(?:of\s+)?(?P<ry>this|last|next)\s+year(?!'s)"
           rf"|\s+(?:of\s+)?(?P<wy>{WORDYEAR})){NOTNUM}"),
    ("month", rf"(?:(?P<rel>last|next|this|early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of|the\s+start\s+of)[-\s]+(?P<m1>{MONTH})(?!\.?\s*\d)"
              rf"|(?:(?<=in\s)|(?<=since\s)|(?<=until\s)|(?<=by\s)|(?<=from\s)|(?<=through\s)|(?<=during\s)|(?<=before\s)|(?<=after\s)|(?<=of\s)|(?<=and\s)|(?<=to\s))(?P<m3>{MONTH_ALONE})"
              rf"|(?P<m2>{MONTH_STRICT})"
              # "began March with ...", "the March accession": capitalised after a lower-case word, not a
              # name ("the March for Life", "March Madness")
              rf"|(?<=(?-i:[a-z])\s)(?P<m4>(?-i:March))(?!\s+(?:for|on|to|of|in|against|through)\b|\s+(?-i:[A-Z])))"),
    ("holiday", rf"(?P<h>{HOLIDAY})(?:(?P<wk>\s+week)|,?\s+(?P<year>{YEAR4}))?"),
    # quarters and halves
    ("quarter", rf"(?:the\s+)?(?:(?:comparable|corresponding)\s+)?(?:(?:year-earlier|year-ago)\s+)?(?:(?P<yr>{YEAR4}|this\s+year|last\s+year|next\s+year)(?:'s)?\s+)?(?:(?:fiscal|calendar)\s+)?"
                rf"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[-\s]+(?:(?:fiscal|calendar)[-\s]+)?(?P<unit>quarter|half|period)"
                rf"(?:\s+(?:of\s+)?(?:(?:fiscal|calendar)\s+)?(?P<year>{YEAR4}|this\s+year|last\s+year|next\s+year)|(?:\s+a\s+year\s+(?:ago|earlier)))?(?!-)"),
    ("quarter_rel", r"(?:the\s+)?(?P<rel>year-earlier|year-ago|latest|last|previous|prior|current|same|comparable|recent|this|next|past)(?:\s+(?:fiscal\s+)?)(?:year's\s+)?(?P<unit>quarter|three\s+months)(?P<ago>\s+a\s+year\s+(?:ago|earlier))?"),
    ("quarter_the", r"(?:the|last\s+year's|a\s+year\s+earlier)\s+(?:fiscal\s+)?quarter(?!-to-)(?P<ago>\s+a\s+year\s+(?:ago|earlier))?"),
    ("year_quarter", rf"the\s+(?P<year>{YEAR4})\s+(?:fiscal\s+)?(?P<unit>quarter|period)"),
    ("week_of", rf"(?P<wd>(?!x)x)?the\s+week\s+of\s+(?P<month>{MONTH})\s*(?P<day>{DAY}){NOTNUM}(?:,?\s+(?P<year>{YEAR4}))?"),
    # "the first week of March": one expression, the ISO week holding its first day (last: its last day)
    ("week_nth", rf"the\s+(?P<ord>first|second|third|fourth|last|final)\s+week\s+of\s+(?:(?P<month>{MONTH_ALONE})"
                 rf"(?:,?\s+(?P<year>{YEAR4}))?{NOTNUM}|the\s+(?P<unit>month|year)(?![-\w])|(?P<y4>{YEAR4}){NOTNUM})"),
    ("period_rel", r"the\s+(?:(?P<rel>year-earlier|year-ago|latest|same|corresponding|comparable)\s+)+period"
                   r"(?P<ago>\s+(?:of\s+|in\s+)?last\s+year|\s+a\s+year\s+(?:ago|earlier))?"),
    # relative dates: N units ago / earlier / later / from now
    ("ago", rf"(?:{APPROX}\s+)?(?:(?P<num>{NUM}|{VAGUE})(?:\s+and\s+a\s+half)?|(?P<half>half\s+an?))[-\s]+(?P<unit>{UNIT})"
            rf"(?:\s+or\s+(?:so|more|two|three))?\s+(?P<dir>ago|earlier|later|from\s+now|hence|(?:before|after|since)(?!\s+(?:the|a|an|his|her|their|its|it|he|she|they|we|i|you|this|that|\w+ing)\b)){NOTNUM}"),
    ("unit_ago", rf"(?P<unit>year|month|week|day|decade)s?[-\s]+(?P<dir>earlier|ago|before|later)(?=\s+(?:period|quarter|month|year|week|level|figure|results?|loss|profit|earnings|sales|net|revenues?|income)\b|[,.;]|\s*$)"),
    ("adj_ago", r"(?P<unit>year)[-\s](?P<dir>earlier|ago)(?=\s)"),
    # deictic and anaphoric relative units
    ("rel_unit", rf"(?:(?P<mod>early|late|mid|earlier|later)[-\s]+|this\s+(?=past\s))?(?P<rel>last|next|this|coming|past|previous|following|current|that|same)\s+"
                 rf"(?P<unit>week|weekend|month|year|decade|century|{SEASON}|{WEEKDAY}|{MONTH_STRICT}(?!\.?\s*\d)|morning|afternoon|evening|night)(?!-)"),
    ("the_rel_unit", rf"the\s+(?P<rel>previous|following|next|same|preceding|prior|coming|past|last|current|latest)\s+"
                     rf"(?P<unit>day|week|weekend|month|year|decade|{WEEKDAY}|morning|afternoon|evening|night)(?!-)"),
    ("day_rel", r"the\s+day\s+(?P<rel>before|after)(?:\s+(?P<base>yesterday|tomorrow))?(?![\w ]*\b(?:the|a|an|his|her|their|its|last|next|this|\w+ing)\b)|"
                r"the\s+day\s+(?P<rel2>before|after)(?=\s*[,.;])"),
    ("that_unit", r"(?:that|the\s+same|this)\s+(?P<unit>day|week|weekend|month|year|morning|afternoon|evening|night)(?!-)"),
    # "over the course of the month", "later in the month": the month the narrative is in
    ("the_month", r"(?:(?<=of\s)|(?<=in\s)|(?<=during\s)|(?<=for\s)|(?<=through\s)|(?<=throughout\s))"
                  r"the\s+month(?![-\w])(?!\s+(?:of|before|after|earlier|later|ago|\d)\b)"),
    ("weekend", r"(?P<the>the|this|last|next|that|the\s+past)\s+weekend"),
    ("season", rf"(?:(?P<rel>last|next|this|the|early|late|mid|the\s+end\s+of|the\s+beginning\s+of)[-\s]+)?(?P<season>{SEASON})(?:\s+(?:of\s+)?(?:(?P<year>{YEAR4})|(?P<wy>{WORDYEAR})))?"
               rf"(?<!the\s(?:spring|summer|winter))(?<!the\sfall)(?<!the\sautumn)"),
    ("season_the", rf"(?:(?<=in\s)|(?<=into\s)|(?<=over\s)|(?<=during\s)|(?<=through\s)|(?<=until\s)|(?<=by\s)"
                   rf"|(?<=since\s)|(?<=for\s)|(?<=much\sof\s)|(?<=most\sof\s)|(?<=rest\sof\s)|(?<=part\sof\s))the\s+(?:(?P<mod>early|late)\s+)?(?P<season>{SEASON})(?![-\w]|\s+of\b)"),
    # "by year-end", "since year end"
    ("year_end", r"(?:(?<=by\s)|(?<=at\s)|(?<=since\s)|(?<=until\s)|(?<=before\s)|(?<=after\s)|(?<=around\s)|(?<=to\s))"
                 r"year(?:[-\s]|['\u2019]s\s+)end(?![-\w])"),
    ("dayword", rf"(?:(?P<mod>early|late|later|earlier)\s+)?(?P<word>today|yesterday|tomorrow|tonight)(?:\s+(?P<part>{PART}))?"),
    ("thispart", rf"(?:(?P<mod>early|late|later|earlier)\s+)?(?P<rel>this|last|tomorrow|yesterday)\s+(?P<part>{PART})"),
    # "in the morning", "by mid afternoon", "at mid-afternoon yesterday": a part of the current day
    ("daypart", rf"(?:(?<=in\s)|(?<=by\s)|(?<=during\s)|(?<=until\s)|(?<=at\s)|(?<=since\s))"
                rf"(?:the\s+(?:(?:early|late)\s+)?|mid[-\s]?)(?P<part>morning|afternoon|evening)"
                rf"(?!\s+(?:sessions?|trading|papers?|newspapers?|editions?|news|shows?|programs?|programmes?|rush|commute|prayers?)\b)"
                rf"(?:\s+(?P<day>yesterday|today|tomorrow|{WEEKDAY}))?"),
    # "Friday nights", "on Monday and Tuesday nights": a recurring part of those weekdays (SETs)
    ("set_wd_part", rf"(?P<wd>{WEEKDAY})(?:\s+(?:and|or)\s+(?P<wd2>{WEEKDAY}))?\s+(?P<part>mornings|afternoons|evenings|nights)"),
    ("weekday", rf"(?:(?P<mod>early|late)\s+)?(?P<wd>{WEEKDAY})(?:\s+(?P<part>{PART}))?"),
    ("year_rel", rf"(?:{EDGE_OF}|(?P<mod>early|late|mid|earlier|later)[-\s]+)?(?P<rel>this|last|next|that)[-\s]+(?:(?:fiscal|financial)\s+(?=year))?(?P<unit>year|month|week)"),
    # "by the end of the month": the DCT's month (TimeML keeps the part in the span, as mod="END")
    ("edge_unit", rf"{EDGE_OF}the\s+(?P<unit>month|week)(?![-\w])"),
    # durations
    ("half_unit", r"an?\s+half[-\s](?P<unit>century|decade|hour|day|year)(?![-\w])"),  # "a half-century"
    ("duration", rf"(?:(?:the|a|an|another|{DUR_PREFIX})\s+)*(?:(?P<rel>past|{_LAST_ADJ}|next|first|coming|previous|following|final|latest|additional|recent|further|remaining)\s+)?"
                 rf"(?:(?P<num>{NUM}(?:\s+and\s+(?:a\s+)?half)?|{VAGUE})|(?P<half>half\s+an?))[-\s]+(?:more\s+|full\s+)?(?P<unit>{UNIT})(?P<andhalf>\s+and\s+a\s+half)?(?P<old>[-\s]+(?:old|long))?(?!-(?:year|old|earlier|ago))(?<!year-old)(?<!month-old)(?<!years\sold)(?<!months\sold)"),
    ("duration_the", rf"the\s+(?P<rel>past|last|next|coming|previous|following|first|final)\s+(?P<unit>{UNIT_SG})(?!-)"),
    ("recent", rf"(?:recent|coming|past|next|{_LAST_ADJ}|ensuing|intervening)\s+(?P<unit>days|weeks|months|years|decades)"),
    # "the weeks ahead", "the months to come", "the subsequent weeks": an open stretch, its article and
    # "ahead" inside (TimeBank "the weeks ahead")
    ("the_plural", r"the\s+(?:(?P<pre>subsequent|ensuing|intervening)\s+(?P<unit>days|weeks|months|years|decades)"
                   r"|(?P<unit2>days|weeks|months|years|decades)\s+(?:ahead(?!\s+of\b)|to\s+come))"),
    # "over the years": the idiom keeps its article (TimeBank); "in the days before": AQUAINT leaves it out
    ("bare_plural", r"""(?:(?<=over\s)the\s+(?=(?:days|weeks|months|years|decades)\b))?(?<!\w\s(?:of|in)\s)(?<!those\s)(?<!daily\s)(?<!weekly\s)(?<!hourly\s)(?<!monthly\s)(?P<unit>days|weeks|months|years|decades|centuries|hours|minutes)(?!\s+(?:ago|of|old))"""
                    # "average weekly hours": a quantity; "in the days after the vote": the event's aftermath (TimeBank
                    # leaves "the first days after ..." untagged; AQUAINT tags "days after a ..." and "the years that followed")
                    r"(?!(?<=the\sdays)\s+after\b)"),
    # decades, centuries, years
    ("decade", rf"(?:(?:the\s+)?(?:mid|early|late)[-\s]+|the\s+(?=\d0['\u2019]s|(?:1[5-9]|20)\d0['\u2019]?s(?!\s+(?!{_DECADE_FOLLOW}\b)[a-z])))?"
               rf"(?P<dec>(?:1[5-9]|20)\d0(?:['\u2019]?s)|['\u2019]\d0['\u2019]?s|(?<=the\s)\d0['\u2019]s)"),
    ("century", r"(?:the\s+)?(?P<ord>\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)[-\s]+century"),
    ("the_year", rf"(?:{EDGE_OF})?the\s+(?:(?:current|full|fiscal|calendar|whole|entire)\s+)*(?:fiscal\s+)?year(?![-\w])(?!\s+(?:before|after|earlier|ago|later|\d|nineteen\b|two\s+thousand\b))"
                 # "the year that changed everything": a description, not a date ("the fiscal year that ..." is one)
                 r"(?!(?<=the\syear)\s+(?:that|when|in\s+which)\b)"),
    ("fiscal", rf"(?:the\s+)?(?:fiscal|calendar|financial)(?:\s+year)?\s+(?P<year>{YEAR4}|'\d\d)(?:-(?:\d\d))?"),
    ("wordyear", rf"(?:the\s+year\s+)?(?P<y>{WORDYEAR})"),
    ("year", rf"(?:(?:(?P<mod>early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of|the\s+start\s+of)[-\s]+)|the\s+year\s+)?(?<![$\d.,])(?P<year>{YEAR4}){NOTNUM}(?!\s*(?:%|percent|feet|meters|miles|points|tons|people|troops|jobs|shares|cars|acres|GMT\b|UTC\b|-(?!(?:1[5-9]|20)\d\d(?!\w)|\d\d(?![\w-]))\w))"),
    # "in '16": a two-digit year after a preposition (a year's own apostrophe, not a quotation's)
    ("short_year", r"(?:(?<=in\s)|(?<=since\s)|(?<=by\s)|(?<=of\s)|(?<=until\s)|(?<=from\s)|(?<=through\s)"
                   r"|(?<=before\s)|(?<=after\s)|(?<=during\s))['\u2019](?P<y>\d\d)(?![\w'\u2019%-]|[.,]\d)"),
    # sets
    ("set_every", rf"(?:every|each|per)\s+(?:single\s+|other\s+|(?P<num>\d+|{NUMW}|few|couple\s+of)[-\s]+(?=\w+s\b))?"
                  rf"(?P<unit>{UNIT_SG}s?|{WEEKDAY}|{MONTH_STRICT})"),
    ("set_times", rf"(?:once|twice|\w+\s+times)\s+(?:a|an|per|each)\s+(?P<unit>{UNIT_SG})"),
    # "average daily volume": a statistic's period, not a recurring time
    ("set_adverb", r"(?P<w>(?<!average\s)daily|weekly|monthly|yearly|nightly|hourly)(?!\s+(?:newspaper|paper|magazine|publication))"),
    ("set_wd", rf"(?P<wd>{WEEKDAY})s(?!\w)"),
    # present / past / future references
    ("ref", r"(?P<w>the\s+(?:near|distant|immediate)\s+future|the\s+future|the\s+(?:recent\s+|distant\s+)?past(?!\s+(?:tense|participle|perfect|progressive)\b)|the\s+present|"
            # "the long term": no future in TimeBank (only "the near term", "the short term" are tagged);
            # "the past tense": a grammatical category; "now-iconic": a prefix, not the present
            r"the\s+(?:short|medium|near)\s+term|these\s+days|nowadays|currently|at\s+present|right\s+now|now(?!-\w)|"
            r"(?<!as\s)recently(?!\s+as\b)|lately|then[-\s]current|current|as\s+soon\s+as\s+possible)"),
]

_FLAGS = re.I

_NAMED = re.compile(r"\(\?P<\w+>")
RULE_RE = {n: re.compile(p, _FLAGS) for n, p in RULES}

# tense cues for weekday/month resolution
_FUTURE = re.compile(r"(?:\b(?=\w)(?:will|shall|going\s+to|(?<!previously\s)plan(?:s|ned|ning)?(?=\s+(?:to|an?|the)\b)|expect(?:s|ed)?\s+(?:(?!that\b)[\w-]+\s+){0,3}?to|"
                     r"(?<!previously\s)(?<!had\sbeen\s)scheduled|(?<!been\s)due\s+to|is\s+to|are\s+to|was\s+to|were\s+to|next(?!\s+to\b)|upcoming|to\s+be\s+held|set\s+to|"
                     r"as\s+(?:early|soon)\s+as|(?:postponed|delayed|deadline|adjourned|extended)(?:\s+\w+){0,4}\s+until|"
                     r"payable|effective|would|intends?\s+to|ahead\s+of"
                     # a scheduled start or end in the simple present, right before the date ("the fiscal year,
    # which ends Sept. 30"; tense cues are searched in the text before the expression alone)
                     r"|(?:ends|expires|begins|starts)(?=\s+(?:on\s+)?\Z)|won['\u2019]t)|['\u2019]ll)\b", re.I)
# "invited Trump to meet on Thursday", "eligible to vote on Tuesday": an event to come, when the
# infinitive precedes the date (after it, "visited the Capitol on Thursday to meet with ..." tells the
# purpose of a past visit)
_TO_EVENT = re.compile(r"\bto\s+(?:vote|testify|convene|debate|visit|meet(?=\s+(?:with|on|in|at|again)\b))\b", re.I)
# every cue is a whole word, so the order of the alternatives does not matter (a trie is faster);
# (?=\w) only skips the word ends, where no cue starts
_PAST_WORDS = ("was were had did said told ago last earlier began met took came went made gave rose fell won lost "
               "sold bought left held paid spoke saw got ran became struck hit found set put cut quit announced "
               "reported since").split()
# a base form after a modal or "to" ("would set the stage", "to cut costs") is not a past tense
_PAST = re.compile(r"\b(?<!\bbe\s)(?<!\bbeen\s)(?<!\bbeing\s)(?=\w)(?<!\bto\s)(?<!\b(?:can|may)\s)(?<!\b(?:will|must)\s)"
                   r"(?<!\b(?:would|could|might)\s)(?<!\bshould\s)(?:" + _trie(_PAST_WORDS)
                   # "a contested convention", "the proposed rule": an adjective after a determiner
                   # "new markets untouched by", "a still unspecified date": un- and a participle make an
                   # adjective, not a tense (but "unveiled", "unleashed", "undermined" are verbs of their own)
                   + r"|(?<!\ba\s)(?<!\ban\s)(?<!\bthe\s)(?<!\b(?:its|his|her)\s)(?<!\btheir\s)"
                   r"(?!un(?!der|veil|leash|cover|lock|seal|load|ravel|it|fold|pack|wrap|earth|nerve|seat|plug|mask|roll|block|if|tie|zip)[a-z]+ed\b)"
                   r"(?-i:[a-z]{3,}ed)(?<!succeed)(?<!proceed)(?<!exceed)(?<!speed)(?<!breed))\b", re.I)
# a clause ends at ; : ! ? or a newline, or at a full stop that does not close an abbreviation or an
# initial ("Daniel P. Davison", "U.S. officials", "9 a.m. Tuesday", "Jan. 2")
_CLAUSE_END = re.compile(
    r"[;!?:]\s|\n|(?=\.\s)(?<!\b[A-Za-z])(?<!\.[A-Z])(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr|No|Co|vs|Lt|Ft|Mt))(?<!\b(?:Mrs|Gen|Gov|Sen|Rep|Col|Inc|"
    r"Ltd|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Sgt))(?<!\b(?:Corp|Capt|Sept|Prof|Msgr|Atty))(?<!\b(?:Rev|Ave|Adm|Cpl|Pvt|Maj))\.\s")

# a scheduled event in the simple present ("Democrats vote Tuesday", "The committee meets Thursday",
# "Obama travels to Cuba on Sunday"): with no other tense cue, news in this form announces what is
# ahead. Only verbs of events that are put on a calendar, as a third-person -s form or as a plural
# base form right after a plural subject; a reporting verb nearer to the date than the event's verb
# ("the White House says Tuesday") makes it reported speech at its date, not a schedule (see
# :func:`_scheduled`).
_SCHEDULED_VERBS = ("vote meet begin start open close travel visit head face host play hold end expire return "
                    "arrive leave launch convene resume debate testify campaign compete gather fly sail").split()
_SCHEDULED_S = ("votes meets begins starts opens closes travels visits heads faces hosts plays holds ends "
                "expires returns arrives leaves launches convenes resumes debates testifies campaigns "
                "competes gathers flies sails").split()
_SCHEDULED = re.compile(
    r"\b(?:(?:" + _trie(_SCHEDULED_S) + r")|(?:they|we|(?!(?:as|its|his|has|was|does|this|thus|plus|yes|less|unless)\b)(?-i:[A-Za-z]+[a-z](?<![su])s)"
    # a compound subject ending in a name: "He and Palestinian leader Yasser Arafat meet Monday"
    r"|(?<=\band\s)(?:(?-i:[A-Za-z]+)\s+){0,3}(?-i:[A-Z][a-z]+))\s+(?:" + _trie(_SCHEDULED_VERBS) + r")"
    r"|kicks?\s+off|takes?\s+(?:office|over|the\s+(?:stage|field|oath))|gets?\s+under\s*way)\b", re.I)
_REPORTING = re.compile(r"\b(?:says?|tells?|reports?|announces?|adds?|notes?|writes?|warns?|argues?|insists?|claims?|"
                        r"explains?|confirms?|acknowledges?|according\s+to|recalls?|predicts?)\b", re.I)

# the end of a quotation: [,.] then '' or " or a closing curly quote
_QUOTE_END = re.compile(r"[,.!?]?\s*(?:''|\"|\u201d)")

# after the expression, a coordinated clause ("... on Saturday and were planning to ...") is another's
_NEXT_CLAUSE = re.compile(r"\b(?:and|but)\b")
# ... and so is a complement clause ("told a reporter Monday that he would ...": "would" is the report's)
_COMPLEMENT = re.compile(r"\s+that\s+(?:he|she|it|they|we|i|you|the|his|her|their)\b", re.I)


# ---------------------------------------------------------------------------------------------
# value helpers


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    return dt.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _num(s: str | None) -> float | None:
    """The value of a number written in digits or words ("seven", "twenty-four", "a")."""
    if not s:
        return None
    s = s.lower().strip()
    s = re.sub(r"\s+", " ", s)
    if re.fullmatch(r"\d+(?:\.\d+)?", s):
        return float(s)
    if re.fullmatch(r"\d+\s+1/2", s):
        return float(s.split()[0]) + 0.5
    s = s.replace(" and a half", "").replace(" and half", "")
    if s in ("a hundred",):
        return 100.0
    if s in ("a dozen",):
        return 12.0
    if s in ("a thousand",):
        return 1000.0
    total = 0.0
    for part in re.split(r"[-\s]+", s):
        if part == "hundred":
            total = (total or 1) * 100
        elif part == "thousand":
            total = (total or 1) * 1000
        elif part in NUMBERS:
            total += NUMBERS[part]
        else:
            return None
    return total


_UNIT_CODE = {"second": ("T", "S"), "minute": ("T", "M"), "hour": ("T", "H"), "day": ("", "D"),
              "night": ("", "D"), "week": ("", "W"), "weekend": ("", "WE"), "fortnight": ("", "W"),
              "month": ("", "M"), "quarter": ("", "Q"), "year": ("", "Y"), "decade": ("", "DE"),
              "century": ("", "CE"), "centurie": ("", "CE"), "millenni": ("", "ML")}


def _unit_name(u: str) -> str:
    u = u.lower()
    if u.startswith("centur"):
        return "century"
    if u.startswith("millenni"):
        return "millenni"
    return u[:-1] if u.endswith("s") else u


def _duration(n: float | None, unit: str) -> str:
    u = _unit_name(unit)
    t, code = _UNIT_CODE.get(u, ("", "X"))
    if n is None:  # "decades", "decades-long": PXY, as AQUAINT writes it
        return "PXY" if u == "decade" else f"P{t}X{code}"
    if u == "fortnight":
        n *= 2
    if u == "decade" and n * 10 == int(n * 10):  # "a half-century": P50Y
        return f"P{int(n * 10)}Y"
    if u == "century" and n * 100 == int(n * 100):
        return f"P{int(n * 100)}Y"
    if n != int(n):  # "two and a half years" → P2Y6M, "half an hour" → PT30M
        whole, frac = int(n), n - int(n)
        down = {"Y": (12, "M", ""), "D": (24, "H", "T"), "H": (60, "M", ""), "W": (7, "D", "")}
        if code == "M" and t:  # "a minute and a half" → PT1M30S
            down = {"M": (60, "S", "")}
        if code in down:
            f, c, sep = down[code]
            rest = f"{int(round(frac * f))}{c}"
            return f"P{t}{whole}{code}{sep}{rest}" if whole else f"P{'T' if c in ('H',) or t else ''}{rest}"
        return f"P{t}{n:g}{code}"
    return f"P{t}{int(n)}{code}"


class _Context:
    """Per-document state: the DCT, the text, and the narrative's reference time."""

    __slots__ = ("dct", "text", "ref", "coarse", "month", "quarter", "trim", "trim_end", "prev", "extra", "narr",
                 "months")

    def __init__(self, text: str, dct: dt.date | None):
        self.text = text
        self.dct = dct
        self.ref = dct
        # the reference time for "that year", "the following month": also moved by a year or a
        # month the narrative names ("in 1988 ... that year"), which must not move "the next day"
        self.coarse = dct
        # a month the narrative moved to after its last day ("Last September ... the next day":
        # a day of that month, 2015-09-XX, not the day after the DCT)
        self.month: tuple[int, int] | None = None
        self.trim: int | None = None  # a handler's corrected start of the span
        self.trim_end: int | None = None  # ... and end
        self.quarter: tuple[int, int, int] | None = None  # (year, quarter, position) last mentioned
        self.prev: tuple[int, str, str] | None = None  # (end, type, value) of the previous expression
        # a second expression a handler found right after its own: the end of a range ("March 1-8")
        self.extra: tuple[int, int, str, str] | None = None
        # a past year the story moved to ("In 2008, Obama won Iowa. In June, ..."): (year, end of
        # the last expression in it, whether it holds only within its sentence)
        self.narr: tuple[int, int, bool] | None = None
        # month -> year of the last time a month name alone was resolved ("expected to join in April
        # ... the summit in April": the same April when nothing else tells)
        self.months: dict[int, int] = {}

    def tense(self, start: int, end: int, ignore: tuple[str, ...] = (), left_first: bool = False) -> str:
        """"future", "past" or "present" from the cue nearest to the span within its clause.

        Cue words in ``ignore`` (lower case) are skipped; with ``left_first`` a cue before the
        span wins over any after it (the verb an adverbial follows: "told them this weekend he
        would ...").
        """
        return self.tense_cue(start, end, ignore, left_first)[0]

    def tense_cue(self, start: int, end: int, ignore: tuple[str, ...] = (),
                  left_first: bool = False) -> tuple[str, int]:
        """:meth:`tense` and the distance in characters of its cue (a large number without one)."""
        left, right = _clause_around(self.text, start, end, next_clause=True)
        c = _COMPLEMENT.match(right)
        if c:
            right = ""
        q = _QUOTE_END.search(right)
        if q:  # "... in the spring,'' he said": the reporting verb is not the quoted clause's tense
            right = right[:q.start()]
        best, dist = "present", 10 ** 6
        for rx, name in ((_FUTURE, "future"), (_PAST, "past")):
            for m in rx.finditer(left):
                d = len(left) - m.end()
                if d < dist and not (ignore and m[0].lower() in ignore):
                    best, dist = name, d
            for m in rx.finditer(right):
                d = m.start() + 3 + (10 ** 5 if left_first else 0)  # cues after the expression count less
                # "ahead of" after the date ("tied on July 25, is now well ahead of Trump", "met Monday
                # ahead of the vote") places something else relative to it: only before it is it a cue
                if d < dist and not (ignore and m[0].lower() in ignore) and not m[0].lower().startswith("ahead"):
                    best, dist = name, d
        for m in _TO_EVENT.finditer(left):
            if len(left) - m.end() < dist:
                best, dist = "future", len(left) - m.end()
        return best, dist


def _anchor(ctx: _Context, unit: str) -> dt.date | None:
    """The reference time an anaphoric expression of ``unit`` granularity is resolved against."""
    return ctx.coarse if _unit_name(unit) in ("month", "quarter", "year", "decade", "century") else ctx.ref


def _year(s: str) -> int:
    s = s.strip()
    if s.startswith("'"):
        y = int(s[1:])
        return 1900 + y if y >= 30 else 2000 + y
    return int(s)


def _tense_year(ctx: _Context, month: int, day: int, start: int, end: int, *, month_only: bool = False) -> int | None:
    """Year of a month-day without a year (``month_only``: of a month name alone, as its 15th).

    News mostly reports the recent past and the near future: with an explicit future cue the
    next such date, otherwise the nearest one within about eleven months back and two ahead.
    """
    d = ctx.dct
    if d is None:
        return None
    cands = []
    for y in (d.year - 1, d.year, d.year + 1):
        try:
            cands.append(dt.date(y, month, min(day, calendar.monthrange(y, month)[1])))
        except ValueError:
            pass
    tense = ctx.tense(start, end)
    # "until the primaries end in June": a month of a scheduled event in the simple present is ahead
    if (_deadline(ctx, start, end) or tense == "future"
            or (tense == "present" and month_only and _scheduled(ctx, start, end))):
        ahead = [c for c in cands if c >= d - dt.timedelta(days=2)]
        if ahead:
            return ahead[0].year
    window = [c for c in cands if -330 <= (c - d).days <= (60 if day != 15 else 75)]
    if window:
        return min(window, key=lambda c: abs((c - d).days)).year
    return d.year


def _month_year(ctx: _Context, month: int, start: int, end: int, rel: str | None) -> int | None:
    d = ctx.dct
    if d is None:
        return None
    rel = (rel or "").lower()
    if rel == "last":
        # the month just before the DCT's is "last month": "last February" written on March 1 is
        # the one a year earlier (TimeBank), as is "last November" on Dec. 31
        y = d.year if month < d.month else d.year - 1
        return y - 1 if (d.month - month) % 12 == 1 else y
    if rel == "next":
        return d.year if month > d.month else d.year + 1
    if rel == "this":
        return d.year
    if month == d.month:
        return d.year
    return _tense_year(ctx, month, 15, start, end, month_only=True)


def _narrative_year(ctx: _Context, start: int, end: int) -> int | None:
    """The past year a month without a year belongs to, when the story has moved there.

    "In 2008, Obama won Iowa. In June, he clinched the nomination": the year was introduced by
    "in" (not "since 1980", "dating to 1994", "in 2008 and 2012") or counted back ("eight years
    ago"), outside a relative clause; no other expression came in between ("last week" returns
    to the present); the month is in the same or the next sentence (in the year's own sentence
    for "in June 2008"), not a deadline ("through Sept. 29"), and its clause is in the past tense.
    """
    n = ctx.narr
    if n is None or ctx.dct is None:
        return None
    year, at, sentence_only = n
    if _NO_NARRATIVE_BEFORE.search(ctx.text, max(0, start - 9), start):  # "through Sept. 29"
        return None
    breaks = len(_SENTENCE_BREAK.findall(ctx.text, at, start))
    if breaks > (0 if sentence_only else 1) or _deadline(ctx, start, end) or ctx.tense(start, end) != "past":
        return None
    ctx.narr = (year, end, sentence_only)  # "In 2008, ... in January ... on June 3": still there
    return year


_SENTENCE_BREAK = re.compile(r"[.!?]['\"\u201d]*\s+(?=\W*[A-Z])|\n")


def _in_relative_clause(text: str, s: int) -> bool:
    """Whether ``s`` sits in a relative clause ("a revolution that brought Castro to power 41 years
    ago", "which became legal in late 2013"): a side remark, not where the story moved to."""
    left = text[max(0, s - 120):s]
    cut = max(left.rfind(". "), left.rfind("\n"), left.rfind(", "), left.rfind("; "))
    return _RELATIVE.search(left, cut + 1) is not None


_AGO_END = re.compile(r"\bago\Z", re.I)
_RELATIVE = re.compile(r"\b(?:that|which|who|whose|whom)\b", re.I)
_CLAUSE_CLOSE = re.compile(r"\s*[,.;:!?]")
_NO_NARRATIVE_BEFORE = re.compile(r"\b(?:by|until|till|through|before|since)\s+\Z", re.I)
_IN_BEFORE = re.compile(r"\bin\s+\Z", re.I)
_YEAR_LIST_AFTER = re.compile(r"\s*(?:,\s*)?(?:and|or|to|through|until|[-\u2013/])\s*(?:early\s+|late\s+)?\d", re.I)


def _deadline(ctx: _Context, start: int, end: int) -> bool:
    """"by February", "through Jan. 14": a deadline, ahead unless a past-tense cue is near.

    "this year through August" is a range, its end in the year just named: not a deadline.
    """
    return (_DEADLINE_BEFORE.search(ctx.text, max(0, start - 9), start) is not None
            and not (ctx.prev is not None and start - ctx.prev[0] < 12)
            and ctx.tense_cue(start, end)[1] > 40)


_DEADLINE_BEFORE = re.compile(r"\b(?:by|until|till|through)\s+\Z", re.I)


def _weekday_date(ctx: _Context, wd: int, start: int, end: int, rel: str | None = None) -> dt.date | None:
    d = ctx.dct
    if d is None:
        return None
    rel = (rel or "").lower()
    diff = wd - d.isoweekday()
    if rel in ("next", "coming", "following"):
        return d + dt.timedelta(days=diff + 7 if diff <= 0 else diff)
    if rel in ("last", "past", "previous"):
        return d + dt.timedelta(days=diff - 7 if diff >= 0 else diff)
    if rel == "this":
        return d + dt.timedelta(days=diff)
    if diff == 0:
        return d
    # "Wednesday's ruling" names an event already known: a reported "would" does not move it ahead
    possessive = ctx.text.startswith(("'s", "\u2019s"), end)
    tense = ctx.tense(start, end, ("would",) if possessive else ())
    if (_deadline(ctx, start, end) or tense == "future"
            or (tense == "present" and not possessive and _scheduled(ctx, start, end))):
        return d + dt.timedelta(days=diff if diff > 0 else diff + 7)
    return d + dt.timedelta(days=diff if diff < 0 else diff - 7)


def _clause_around(text: str, start: int, end: int, *, next_clause: bool) -> tuple[str, str]:
    """The words of ``start:end``'s clause to its left (up to 100 characters) and right (up to 60):
    cut at the nearest clause end, and on the right also where a next clause starts if asked."""
    left = text[max(0, start - 100):start]
    cut = list(_CLAUSE_END.finditer(left))
    if cut:
        left = left[cut[-1].end():]
    right = text[end:end + 60]
    c = _CLAUSE_END.search(right) or (_NEXT_CLAUSE.search(right) if next_clause else None)
    if c:
        right = right[:c.start()]
    return left, right


def _scheduled(ctx: _Context, start: int, end: int) -> bool:
    """The clause around ``start:end`` announces a scheduled event in the simple present."""
    left, right = _clause_around(ctx.text, start, end, next_clause=False)
    q = _QUOTE_END.search(right)
    if q:
        right = right[:q.start()]
    sched = [m.end() for m in _SCHEDULED.finditer(left)]
    if not sched:
        # "On Tuesday, Democrats vote in Arizona": the event verb after the date; a reporting verb
        # in the clause ("says Tuesday the vote begins ...") is then the date's
        clause = left + " " + right
        return _SCHEDULED.search(right) is not None and _REPORTING.search(clause) is None
    # "Officials say the committee meets Thursday": the schedule is the report's content, its verb
    # nearer to the date than the reporting verb; "the committee meets, the chairman says Thursday"
    # (a reporting verb after the event's) is the report's date; a trailing attribution ("..., officials
    # say") leaves the schedule alone
    return (not any(m.end() > sched[-1] for m in _REPORTING.finditer(left))
            and _REPORTING.search(right.split(",", 1)[0]) is None)


def _fmt_day(d: dt.date | None, fallback: str = "XXXX-XX-XX") -> str:
    return d.isoformat() if d else fallback


def _shift(d: dt.date, unit: str, n: int) -> str:
    """``d`` moved ``n`` units, formatted at that unit's granularity."""
    u = _unit_name(unit)
    if u in ("day", "night"):
        return (d + dt.timedelta(days=n)).isoformat()
    if u in ("week", "fortnight"):
        return _week(d + dt.timedelta(weeks=n * (2 if u == "fortnight" else 1)))
    if u == "weekend":
        return _week(d + dt.timedelta(weeks=n)) + "-WE"
    if u == "month":
        return _add_months(d, n).strftime("%Y-%m")
    if u == "quarter":
        q = (d.month - 1) // 3 + n
        y, q = d.year + q // 4, q % 4
        return f"{y}-Q{q + 1}"
    if u == "year":
        return str(d.year + n)
    if u == "decade":
        return str((d.year + 10 * n) // 10)
    if u == "century":
        return str((d.year + 100 * n) // 100)
    return d.isoformat()  # hours, minutes, seconds: the day


def _x_of(unit: str) -> str:
    u = _unit_name(unit)
    return {"day": "XXXX-XX-XX", "night": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE",
            "month": "XXXX-XX", "quarter": "XXXX-QX", "year": "XXXX", "decade": "XXX",
            "century": "XX"}.get(u, "XXXX-XX-XX")


def _quarter_of(d: dt.date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def _prev_quarter(d: dt.date) -> tuple[int, int]:
    y, q = _quarter_of(d)
    return (y, q - 1) if q > 1 else (y - 1, 4)


def _q(ctx: _Context, y: int | None, q: int, s: int) -> tuple[str, str]:
    """A quarter value, remembered as the one the narrative is about."""
    if y is None:
        return "DATE", f"XXXX-Q{q}"
    # results are reported for a quarter that is over: a current or coming quarter ("a
    # fourth-quarter charge") is not the one "the latest quarter" and "a year ago" refer to
    if ctx.dct is None or (y, q) < _quarter_of(ctx.dct) or ctx.quarter is None:
        ctx.quarter = (y, q, s)
    return "DATE", f"{y}-Q{q}"


def _year_back(ctx: _Context, s: int, e: int, years: int = 1) -> str | None:
    """"a year ago" in a report about a quarter means that quarter a year before."""
    if ctx.dct is None:
        return None
    prev = ctx.prev
    if (prev is not None and prev[1] == "DURATION" and re.fullmatch(r"P\d+M", prev[2])
            and not _CLAUSE_END.search(ctx.text, prev[0], s)):
        return None  # "in the nine months, up from ... a year earlier": the year before, not a quarter
    near = ctx.text[max(0, s - 250):e + 120].lower()
    if ctx.quarter is not None and s - ctx.quarter[2] < 1500 or "quarter" in near:
        y, q = ctx.quarter[:2] if ctx.quarter is not None else _prev_quarter(ctx.dct)
        return f"{y - years}-Q{q}"
    return None


def _easter(year: int) -> dt.date:
    """Western Easter Sunday (the Gregorian computus, Meeus/Jones/Butcher form)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l7 = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l7) // 451
    month, day = divmod(h + l7 - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _holiday(rule: str, year: int) -> dt.date:
    """The date of a holiday rule of holidays.tsv in ``year`` (a rule may end in "+K": K days later)."""
    rule, _, plus = rule.partition("+")
    shift = dt.timedelta(days=int(plus or 0))
    if rule == "easter":
        return _easter(year) + shift
    if ":" not in rule:
        m, d = rule.split("-")
        return dt.date(year, int(m), int(d)) + shift
    m, n, wd = (int(x) for x in rule.split(":"))
    days = [dt.date(year, m, k) for k in range(1, calendar.monthrange(year, m)[1] + 1)
            if dt.date(year, m, k).isoweekday() == wd]
    return (days[n - 1] if n > 0 else days[n]) + shift


# ---------------------------------------------------------------------------------------------
# rule handlers: (ctx, match, start, end) -> (type, value) | None


def _h_iso(ctx, m, s, e):
    try:
        d = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    ctx.ref = d
    if m["hh"]:
        return "TIME", f"{d.isoformat()}T{m['hh']}:{m['mm']}"
    return "DATE", d.isoformat()


def _h_slash(ctx, m, s, e):
    y = int(m["y"])
    if y < 100:
        y += 1900 if y >= 30 else 2000
    try:
        d = dt.date(y, int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    ctx.ref = d
    return "DATE", d.isoformat()


def _clock_value(c: str) -> str | None:
    c = c.lower().strip()
    if c.startswith(("noon", "midday")):
        return "12:00"
    if c.startswith("midnight"):
        return "24:00"
    mm = re.match(r"(\d{1,2})(?::(\d\d))?", c)
    if not mm:
        return None
    h, mi = int(mm[1]), int(mm[2] or 0)
    pm = "p" in c.split()[0] if " " in c else False
    tail = c[len(mm[0]):].strip()
    if tail.startswith("p") or tail.endswith(("afternoon", "evening")):  # "4 in the afternoon"
        pm = True
    if tail.startswith("a") and h == 12:
        h = 0
    if pm and h < 12:
        h += 12
    if h > 24 or mi > 59:
        return None
    return f"{h:02d}:{mi:02d}"


def _h_clock(ctx, m, s, e):
    hm = _clock_value(m["clock"])
    if hm is None:
        return None
    day = (m["day"] or "").lower()
    base = ctx.dct
    if day.rstrip("'s") in WEEKDAYS or day.endswith("day") and day not in ("today", "yesterday"):
        base = _weekday_date(ctx, WEEKDAYS.get(day.replace("'s", ""), 1), s, e)
    elif day == "yesterday" and base:
        base = base - dt.timedelta(days=1)
    elif day == "tomorrow" and base:
        base = base + dt.timedelta(days=1)
    elif m["month"]:
        month, mday = MONTHS[m["month"].lower().rstrip(".")], int(re.match(r"\d+", m["mday"])[0])
        y = _tense_year(ctx, month, mday, s, e)
        try:
            base = dt.date(y, month, mday) if y is not None else None
        except ValueError:
            return None
    elif not day:
        # "at 3:30 p.m. local time (1930 GMT) on Tuesday": the day follows the parenthesis
        after = _CLOCK_DAY_AFTER.match(ctx.text, e)
        if after and after["wd"] and ctx.dct is not None:
            base = _weekday_date(ctx, WEEKDAYS[after["wd"].lower()], after.start("wd"), after.end("wd"))
        elif after and ctx.dct is not None:
            base = ctx.dct + dt.timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[after["rel"].lower()])
        else:
            base = ctx.ref
    return "TIME", f"{_fmt_day(base)}T{hm}"


_CLOCK_DAY_AFTER = re.compile(rf"\s*\([^()\n]{{1,25}}\)\s*,?\s+(?:on\s+)?(?:(?P<wd>{WEEKDAY})|(?P<rel>today|yesterday|tomorrow))\b", re.I)


def _h_mdy(ctx, m, s, e):
    month = MONTHS[m["month"].lower().rstrip(".")]
    day = int(re.match(r"\d+", m["day"])[0])
    if m["year"]:
        y = int(m["year"])
    else:
        y = (None if m["wd"] else _narrative_year(ctx, s, e)) or _tense_year(ctx, month, day, s, e)
        if m["wd"] and ctx.dct:  # a weekday pins the year
            for cand in (ctx.dct.year, ctx.dct.year - 1, ctx.dct.year + 1):
                try:
                    if dt.date(cand, month, day).isoweekday() == WEEKDAYS[m["wd"].lower().replace("'s", "")]:
                        y = cand
                        break
                except ValueError:
                    pass
    if y is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}"
    try:
        d = dt.date(y, month, day)
    except ValueError:
        return None
    ctx.ref = d
    r = _RANGE_END.match(ctx.text, e) if not m["year"] else None
    if r and day < int(r["y"]) <= calendar.monthrange(y, month)[1]:  # "from March 1-8": the 8th too
        ctx.extra = (r.start("y"), r.end(), "DATE", d.replace(day=int(r["y"])).isoformat())
    return "DATE", d.isoformat()


def _h_dmy(ctx, m, s, e):
    return _h_mdy(ctx, m, s, e)


def _h_my(ctx, m, s, e):
    month = MONTHS[m["month"].lower().rstrip(".")]
    if m["ry"]:  # "June last year"
        if ctx.dct is None:
            return "DATE", f"XXXX-{month:02d}"
        y = ctx.dct.year + _REL_SIGN[m["ry"].lower()]
    else:
        y = _year(m["year"]) if m["year"] else _wordyear(m["wy"])  # "January nineteen ninety-seven"
        if y is None:
            return None
        if ctx.dct is not None and y < ctx.dct.year and _IN_BEFORE.search(ctx.text, max(0, s - 4), s):
            ctx.narr = (y, e, True)  # "In June 2008 ..., and in July ...": within its sentence
    ctx.ref = dt.date(y, month, 1) if ctx.ref is None or (ctx.ref.year, ctx.ref.month) != (y, month) else ctx.ref
    return "DATE", f"{y}-{month:02d}"


_MONTH_COORD = re.compile(rf"\b(?P<m>{MONTH_ALONE}|{MONTH})\s*(?:,?\s+(?:and|or|to|through|until|into)\s+|-)\Z")


def _h_month(ctx, m, s, e):
    name = (m["m1"] or m["m2"] or m["m3"] or m["m4"]).lower().rstrip(".")
    if name not in MONTHS:
        return None
    month = MONTHS[name]
    rel = (m["rel"] or "").lower()
    # "In 2008, ... contests in early March": a part of the month stays in the narrative's year
    y = None if rel in ("last", "next", "this") else _narrative_year(ctx, s, e)
    prev = None if rel else _MONTH_COORD.search(ctx.text, max(0, s - 25), s)
    if prev and MONTHS.get(prev["m"].lower().rstrip(".")) in ctx.months and ctx.dct is not None:
        # "the weak August and September performance", "from March through June": the second month
        # follows the first, whatever the tense around the second, as long as both stay on the same
        # side of the DCT ("the past two polls, in February and October" written in May lists the
        # last October after February)
        first = MONTHS[prev["m"].lower().rstrip(".")]
        y1 = ctx.months[first]
        y2 = y1 + (month < first)
        now = (ctx.dct.year, ctx.dct.month)
        if ((y1, first) < now) == ((y2, month) < now):
            y = y2
    if y is None and not rel and month in ctx.months and ctx.tense_cue(s, e)[1] >= 10 ** 6:
        y = ctx.months[month]
    if y is None:
        y = _month_year(ctx, month, s, e, rel if rel in ("last", "next", "this") else None)
    if y is not None and not rel:
        ctx.months[month] = y
    if y is None:
        return "DATE", f"XXXX-{month:02d}"
    if ctx.coarse is None or (ctx.coarse.year, ctx.coarse.month) != (y, month):  # "In March ... The following month"
        ctx.coarse = dt.date(y, month, 1)
    if ctx.ref is None or (ctx.ref.year, ctx.ref.month) != (y, month):
        ctx.month = (y, month)
    return "DATE", f"{y}-{month:02d}"


def _h_holiday(ctx, m, s, e):
    rule = HOLIDAYS.get(m["h"].lower().replace("\u2019", "'"))
    if rule is None:
        return None
    if m["year"]:
        y = int(m["year"])
    elif ctx.dct:
        probe = _holiday(rule, ctx.dct.year)  # by tense, as a month and day: "will vote on Election Day"
        y = _narrative_year(ctx, s, e) or _tense_year(ctx, probe.month, probe.day, s, e)
    else:
        return "DATE", "XXXX-" + (rule if re.fullmatch(r"\d\d-\d\d", rule) else "XX-XX")
    d = _holiday(rule, y)
    if m["wk"]:  # "Easter week", "Christmas week": the week holding the day
        return "DATE", _week(d)
    return "DATE", d.isoformat()


_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


def _rel_year(ctx, word: str | None, s: int, e: int) -> int | None:
    if not word:
        return None
    w = re.sub(r"\s+", " ", word.lower())
    if re.fullmatch(r"\d{4}", w):
        return int(w)
    if ctx.dct is None:
        return None
    return ctx.dct.year + {"this year": 0, "last year": -1, "next year": 1}.get(w, 0)


def _h_quarter(ctx, m, s, e):
    n = _ORD[m["ord"].lower()]
    unit = m["unit"].lower()
    text = ctx.text[s:e].lower()
    if text.startswith("the") and not m["year"] and not m["yr"] and ctx.text[m.end("ord")] == "-":
        # "the third-quarter results": the hyphenated quarter modifies the noun the article belongs to
        ctx.trim = s + len(_THE.match(text)[0])
    y = _rel_year(ctx, m["year"] or m["yr"], s, e)
    if unit == "period":
        if n > 4:
            return None
        unit = "quarter"
    if unit == "half":
        if n > 2:
            return None
        if y is None:
            y = ctx.dct.year if ctx.dct else None
        return "DATE", f"{y if y is not None else 'XXXX'}-H{n}"
    if y is None and ctx.dct is not None:
        cy, cq = _quarter_of(ctx.dct)
        y = cy
        if n > cq and ctx.tense(s, e) != "future":
            y = cy - 1
    if y is not None and ("a year ago" in text or "a year earlier" in text or "year-earlier" in text
                          or "year-ago" in text):
        y -= 1
    return _q(ctx, y, n, s)


_THE = re.compile(r"the\s+")


def _h_quarter_rel(ctx, m, s, e):
    rel = m["rel"].lower()
    if ctx.dct is None:
        return "DATE", "XXXX-QX"
    if m["unit"].lower().startswith("three"):
        if rel not in ("latest", "past", "last"):
            return None
        return "DURATION", "P3M"
    y, q = _prev_quarter(ctx.dct)
    if rel in ("current", "this"):
        y, q = _quarter_of(ctx.dct)
    elif rel == "next":
        y, q = _quarter_of(ctx.dct)
        y, q = (y, q + 1) if q < 4 else (y + 1, 1)
    elif rel in ("year-earlier", "year-ago") or m["ago"]:
        y -= 1
    elif rel == "past" and "quarters" in ctx.text[s:e]:
        return None
    last_years = rel == "last" and "year's" in ctx.text[s:e].lower()  # "last year's quarter"
    if rel in ("latest", "last", "previous", "prior", "recent", "same", "comparable") and ctx.quarter:
        y, q = ctx.quarter[:2]
        if m["ago"] or last_years:
            y -= 1
        elif rel in ("previous", "prior"):
            # "grew 7.7 percent in the first quarter ..., slowed from 7.9 percent in the previous quarter":
            # the one before the quarter the story is about (and not remembered as that quarter)
            y, q = (y, q - 1) if q > 1 else (y - 1, 4)
            return "DATE", f"{y}-Q{q}"
    elif last_years:
        y, q = _prev_quarter(ctx.dct)
        y -= 1
    if last_years:
        return "DATE", f"{y}-Q{q}"
    return _q(ctx, y, q, s) if rel not in ("year-earlier", "year-ago") and not m["ago"] else ("DATE", f"{y}-Q{q}")


def _h_quarter_the(ctx, m, s, e):
    if ctx.dct is None:
        return "DATE", "XXXX-QX"
    y, q = ctx.quarter[:2] if ctx.quarter else _prev_quarter(ctx.dct)
    t = ctx.text[s:e].lower()
    if m["ago"] or t.startswith(("last year", "a year")):
        return "DATE", f"{y - 1}-Q{q}"
    return _q(ctx, y, q, s)


def _h_year_quarter(ctx, m, s, e):
    """"the 1988 quarter": the quarter under discussion, in that year."""
    y = int(m["year"])
    if ctx.quarter is not None:
        return "DATE", f"{y}-Q{ctx.quarter[1]}"
    if m["unit"].lower() == "quarter" and ctx.dct is not None:
        return "DATE", f"{y}-Q{_prev_quarter(ctx.dct)[1]}"
    return "DATE", str(y)


def _h_week_of(ctx, m, s, e):
    """"the week of March 6": the ISO week holding that day."""
    res = _h_mdy(ctx, m, s, e)
    if res is None or "X" in res[1]:
        return None if res is None else ("DATE", "XXXX-WXX")
    return "DATE", _week(dt.date.fromisoformat(res[1]))


def _h_week_nth(ctx, m, s, e):
    o = m["ord"].lower()
    if not m["month"]:  # "the last week of the month / of the year / of 2015": that unit's week
        base = _anchor(ctx, m["unit"]) if m["unit"] else dt.date(int(m["y4"]), 1, 1)
        if base is None:
            return "DATE", "XXXX-WXX"
        if m["unit"] and m["unit"].lower() == "month":
            first, last = base.replace(day=1), base.replace(day=calendar.monthrange(base.year, base.month)[1])
        else:
            first, last = dt.date(base.year, 1, 1), dt.date(base.year, 12, 31)
        return "DATE", _week(last if o in ("last", "final") else first + dt.timedelta(days=7 * (_ORD[o] - 1)))
    month = MONTHS[m["month"].lower().rstrip(".")]
    y = int(m["year"]) if m["year"] else _month_year(ctx, month, s, e, None)
    if y is None:
        return "DATE", "XXXX-WXX"
    last = calendar.monthrange(y, month)[1]
    day = last if o in ("last", "final") else 1 + 7 * (_ORD[o] - 1)
    return "DATE", _week(dt.date(y, month, day))


# "the same period in 2014", "the same month last year": the year named after it is the timex
_YEAR_AFTER = re.compile(rf"\s+(?:(?:in|of)\s+)?(?:{YEAR4}(?!\d)|last\s+year\b|a\s+year\s+(?:ago|earlier)\b)", re.I)


def _h_period_rel(ctx, m, s, e):
    if "same" in ctx.text[s:e].lower() and _YEAR_AFTER.match(ctx.text, e):
        return None
    if ctx.dct is None:
        return "DATE", "XXXX-QX"
    y, q = ctx.quarter[:2] if ctx.quarter else _prev_quarter(ctx.dct)
    text = ctx.text[s:e].lower()
    if "year-earlier" in text or "year-ago" in text or m["ago"]:
        y -= 1
    return "DATE", f"{y}-Q{q}"


def _h_ago(ctx, m, s, e):
    unit = m["unit"]
    u = _unit_name(unit)
    direction = re.sub(r"\s+", " ", m["dir"].lower())
    n = _num(m["num"]) if m["num"] else (0.5 if m["half"] else None)
    cmp = _COMPARISON.match(ctx.text, s, e)
    if cmp and _RATE_BEFORE.search(ctx.text, max(0, s - 40), s):
        ctx.trim = cmp.end()  # "$74 million more than a year ago": the comparison is the amount's
    if direction in ("before", "after", "since", "later"):
        # "two years after the war": a duration, not a date (the anchor is an event); the
        # preposition is a signal, outside the expression. "Three days later" likewise: TimeBank
        # and AQUAINT both tag the amount alone as a DURATION ("Three days" P3D, "over an hour"
        # PT1H), "later" being the signal that counts it from the narrative's reference time
        ctx.trim_end = s + len(ctx.text[s:m.start("dir")].rstrip())
        return "DURATION", _duration(n, unit)
    if n is None and direction in ("ago", "earlier") and _A_FEW.fullmatch(m["num"]) and u in ("day", "year"):
        # "a few days ago" / "a few years ago": about three units back, known only to the next coarser
        # unit (TimeBank: "a few years ago" = 199X; the week for days)
        base = ctx.dct if direction == "ago" else (_anchor(ctx, u) or ctx.dct)
        if base is not None:
            if u == "day":
                back = 2 if "couple" in m["num"].lower() else 3
                return "DATE", _week(base - dt.timedelta(days=back))
            return "DATE", str(base.year - 3)[:3] + "X"
    if n is None or n != int(n):
        return "DATE", "PAST_REF" if direction in ("ago", "earlier", "before") else "FUTURE_REF"
    sign = -1 if direction in ("ago", "earlier") else 1
    if u == "year" and n == 1 and direction in ("ago", "earlier"):
        v = _year_back(ctx, s, e)
        if v:
            return "DATE", v
    base = ctx.dct if direction in ("ago", "from now", "hence") else (_anchor(ctx, u) or ctx.dct)
    if u in ("hour", "minute", "second"):
        if base is None:
            return "TIME", "XXXX-XX-XXTXX:XX"
        return "TIME", base.isoformat()
    if base is None:
        return "DATE", _x_of(unit)
    if u == "decade":
        return "DATE", str((base.year + sign * 10 * int(n)) // 10 * 10)[:3]
    return "DATE", _shift(base, unit, sign * int(n))


_COMPARISON = re.compile(r"(?:more|less|fewer)\s+than\s+", re.I)
_A_FEW = re.compile(r"a\s+(?:few|couple(?:\s+of)?)", re.I)


def _h_unit_ago(ctx, m, s, e):
    if ctx.text[m.end("unit"):m.end("unit") + 1].lower() == "s":  # "years ago": no number, a vague past
        if m["dir"].lower() == "later":
            # "Weeks later, he left": the stretch alone, as "Three days later" is "Three days" (a DURATION;
            # "later" is the signal)
            ctx.trim_end = m.end("unit") + 1
            return "DURATION", _duration(None, m["unit"])
        return "DATE", "PAST_REF"
    base = ctx.dct
    if base is None:
        return "DATE", _x_of(m["unit"])
    if m["unit"].lower() == "year" and m["dir"].lower() in ("earlier", "ago"):
        v = _year_back(ctx, s, e)
        if v:
            return "DATE", v
    sign = -1 if m["dir"].lower() in ("earlier", "ago", "before") else 1
    if m["dir"].lower() in ("before", "later"):
        # "killed 26 people on Dec. 14 ... had visited the school the week before": counted from the
        # time the narrative is at, not from the DCT
        base = _anchor(ctx, m["unit"]) or base
    return "DATE", _shift(base, m["unit"], sign)


_h_adj_ago = _h_unit_ago


_REL_SIGN = {"last": -1, "past": -1, "previous": -1, "preceding": -1, "prior": -1, "next": 1, "coming": 1,
             "following": 1, "this": 0, "current": 0, "that": 0, "same": 0, "latest": -1}


def _h_rel_unit(ctx, m, s, e):
    rel = m["rel"].lower()
    if (m["unit"][0].isupper() and m["rel"][0].isupper()
            and m["unit"].lower() in ("week", "month", "year", "weekend", "decade", "century")):
        return None  # a title ("ABC's 'This Week'"), not a date ("this Year" in a headline is one)
    unit = m["unit"].lower()
    word = unit.replace("'s", "")
    if word in WEEKDAYS:
        if rel in ("that", "same"):
            return None
        if rel == "following" and (ctx.text.startswith(("'s", "\u2019s"), e) or m["rel"][0].isupper()):
            # "Following Monday's debate": the preposition "after", then a plain weekday
            ctx.trim = m.start("unit")
            return _h_weekday(ctx, _WEEKDAY_ONLY.match(ctx.text, m.start("unit")), m.start("unit"), e)
        d = _weekday_date(ctx, WEEKDAYS[word], s, e, rel)
        if d is not None:  # "last Tuesday ... the next morning": the narrative moved to that day
            ctx.ref = d
        return "DATE", _fmt_day(d, f"XXXX-WXX-{WEEKDAYS[word]}")
    if word.rstrip(".") in MONTHS:
        month = MONTHS[word.rstrip(".")]
        y = _month_year(ctx, month, s, e, rel)
        return "DATE", f"{y if y is not None else 'XXXX'}-{month:02d}"
    if word in SEASONS:
        return _season(ctx, SEASONS[word], rel, None, s, e)
    if word in _PART_CODE:
        base = ctx.dct
        if rel in ("last", "previous"):
            base = base - dt.timedelta(days=1) if base else None
        elif rel in ("next", "following"):
            base = base + dt.timedelta(days=1) if base else None
        elif rel in ("that", "same"):
            base = ctx.ref
        return "TIME", f"{_fmt_day(base)}T{_PART_CODE[word]}"
    sign = _REL_SIGN.get(rel, 0)
    anaphoric = rel in ("that", "same", "following", "previous") and word != "year" or rel in ("that", "same")
    base = _anchor(ctx, word) if anaphoric else ctx.dct
    if rel == "past" and word in ("week", "month", "year", "decade", "century"):
        return "DURATION", _duration(1, word)
    if word == "weekend" and rel == "this" and ctx.dct is not None:
        return _h_weekend(ctx, {"the": "this"}, s, e)
    if base is None:
        return "DATE", _x_of(word)
    if (rel == "this" and word == "week" and base.isoweekday() == 7 and not m["mod"]
            and ctx.text[s:s + 4].lower() == "this" and ctx.tense(s, e) != "past"):
        # written on a Sunday, "this week" ahead of the reader ("will extend to this week's convention",
        # "is not available this week") is the week that starts the next day; in a past clause it is
        # the one ending that Sunday
        return "DATE", _shift(base + dt.timedelta(days=1), word, 0)
    return "DATE", _shift(base, word, sign)


_WEEKDAY_ONLY = re.compile(rf"(?P<mod>(?!x)x)?(?P<wd>{WEEKDAY})(?P<part>(?!x)x)?", _FLAGS)


def _h_the_rel_unit(ctx, m, s, e):
    rel = m["rel"].lower()
    unit = m["unit"].lower().replace("'s", "")
    if rel == "same" and unit in ("week", "month") and _YEAR_AFTER.match(ctx.text, e):
        return None
    if unit in WEEKDAYS:
        if rel in ("previous", "preceding", "prior", "last", "past"):
            base = ctx.ref or ctx.dct
            if base is None:
                return "DATE", f"XXXX-WXX-{WEEKDAYS[unit]}"
            diff = WEEKDAYS[unit] - base.isoweekday()
            return "DATE", (base + dt.timedelta(days=diff - 7 if diff >= 0 else diff)).isoformat()
        base = ctx.ref or ctx.dct
        if base is None:
            return "DATE", f"XXXX-WXX-{WEEKDAYS[unit]}"
        diff = WEEKDAYS[unit] - base.isoweekday()
        return "DATE", (base + dt.timedelta(days=diff + 7 if diff <= 0 else diff)).isoformat()
    if unit in _PART_CODE:
        base = ctx.ref
        if rel in ("previous", "preceding", "prior"):
            base = base - dt.timedelta(days=1) if base else None
        elif rel in ("next", "following"):
            base = base + dt.timedelta(days=1) if base else None
        return "TIME", f"{_fmt_day(base)}T{_PART_CODE[unit]}"
    if rel in ("past", "last", "next", "coming") and unit in ("month", "year") and ctx.dct is not None:
        # "over the past year", "in the last month", "over the next year": the calendar unit
        # before (after) the DCT's, as the TimeBank and AQUAINT annotators read them; "the next
        # year" in a story about 1988 is 1989
        if rel == "next":
            return "DATE", _shift(_anchor(ctx, unit) or ctx.dct, unit, 1)
        return "DATE", _shift(ctx.dct, unit, 1 if rel == "coming" else -1)
    if rel in ("past", "last", "next", "coming", "first", "final") and not (unit == "day" and rel == "next"):
        return "DURATION", _duration(1, unit)
    sign = _REL_SIGN.get(rel, 0)
    if unit == "day" and ctx.month is not None and rel != "current":  # a day of the month last named
        return "DATE", f"{ctx.month[0]}-{ctx.month[1]:02d}-XX"
    base = _anchor(ctx, unit) if rel != "current" else ctx.dct
    if base is None:
        return "DATE", _x_of(unit)
    value = _shift(base, unit, sign)
    if unit == "day" and rel != "same":
        ctx.ref = base + dt.timedelta(days=sign)
    return "DATE", value


def _h_day_rel(ctx, m, s, e):
    rel = (m["rel"] or m["rel2"]).lower()
    if not m["base"] and ctx.month is not None:
        return "DATE", f"{ctx.month[0]}-{ctx.month[1]:02d}-XX"
    base = ctx.ref if not m["base"] else ctx.dct
    if base is None:
        return "DATE", "XXXX-XX-XX"
    k = -1 if rel == "before" else 1
    if m["base"]:
        k += -1 if m["base"].lower() == "yesterday" else 1
    return "DATE", (base + dt.timedelta(days=k)).isoformat()


def _h_that_unit(ctx, m, s, e):
    unit = m["unit"].lower()
    text = ctx.text[s:e].lower()
    base = ctx.dct if text.startswith("this") else _anchor(ctx, unit)
    if unit == "day" and ctx.month is not None and not text.startswith("this"):
        return "DATE", f"{ctx.month[0]}-{ctx.month[1]:02d}-XX"
    if unit in _PART_CODE:
        return "TIME", f"{_fmt_day(base)}T{_PART_CODE[unit]}"
    if base is None:
        return "DATE", _x_of(unit)
    return "DATE", _shift(base, unit, 0)


def _h_the_month(ctx, m, s, e):
    base = _anchor(ctx, "month")
    return "DATE", _shift(base, "month", 0) if base is not None else "XXXX-XX"


def _h_weekend(ctx, m, s, e):
    rel = m["the"].lower()
    d = ctx.dct
    if d is None:
        return "DATE", "XXXX-WXX-WE"
    if rel == "the past":
        return "DATE", _week(d - dt.timedelta(days=7 if d.isoweekday() < 6 else 0)) + "-WE"
    if rel == "that":
        return "DATE", _week(ctx.ref or d) + "-WE"
    if rel == "last":
        return "DATE", _week(d - dt.timedelta(days=7 if d.isoweekday() < 6 else 7)) + "-WE"
    if rel == "next":
        return "DATE", _week(d + dt.timedelta(days=7)) + "-WE"
    if rel == "this":
        if d.isoweekday() <= 4 and ctx.tense(s, e, left_first=True) == "past":  # "told them this weekend" on a Monday
            return "DATE", _week(d - dt.timedelta(days=7)) + "-WE"
        return "DATE", _week(d) + "-WE"
    # "the weekend": the coming one in future clauses, else the last one
    if d.isoweekday() >= 6:
        return "DATE", _week(d) + "-WE"
    if ctx.tense(s, e) == "future":
        return "DATE", _week(d) + "-WE"
    return "DATE", _week(d - dt.timedelta(days=7)) + "-WE"


def _season(ctx, code: str, rel: str, year: str | None, s: int, e: int):
    if year:
        return "DATE", f"{int(year)}-{code}"
    d = ctx.dct
    if d is None:
        return "DATE", f"XXXX-{code}"
    cur = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(d.month, "FA")
    order = ["WI", "SP", "SU", "FA"]
    ci, ti = order.index(cur), order.index(code)
    if d.month == 12 and code != "WI":  # December: the year's spring, summer and fall are all behind
        ci = len(order)
    y = d.year
    if rel == "last":
        y = d.year if ti < ci else d.year - 1
        if code == "WI" and d.month == 12:
            y = d.year - 1
    elif rel == "next":
        y = d.year if ti > ci else d.year + 1
    elif rel == "this" and code != "WI":  # "this summer": the one of the DCT's year
        pass
    elif rel in ("this", "the", ""):
        tense = ctx.tense(s, e)
        if tense == "past" and ti > ci:
            y -= 1
        elif tense == "future" and ti < ci:
            y += 1
    return "DATE", f"{y}-{code}"


def _h_season(ctx, m, s, e):
    rel = (m["rel"] or "").lower()
    code = SEASONS[m["season"].lower()]
    if not rel and not m["year"]:
        # a bare season word is only a timex when it names the time ("in spring"); "fall" is a verb too
        before = ctx.text[max(0, s - 12):s].lower()
        if not re.search(r"\b(?:in|by|until|since|during|this|last|next|through)\s+$", before) or code == "FA" and ctx.text[s:e] == "fall":
            if code == "FA":
                return None
    year = m["year"] or (m["wy"] and _wordyear(m["wy"]))  # "the winter of nineteen ninety-four"
    return _season(ctx, code, rel, year, s, e)


def _h_season_the(ctx, m, s, e):
    return _season(ctx, SEASONS[m["season"].lower()], "the", None, s, e)


def _h_year_end(ctx, m, s, e):
    """"by year-end": the last day of the DCT's year ("since year-end": of the year before)."""
    if ctx.dct is None:
        return "DATE", "XXXX-12-31"
    y = ctx.dct.year - (1 if ctx.text[max(0, s - 6):s].lower().startswith("since") else _past_year_end(ctx, s, e))
    if "s" in ctx.text[s + 4:s + 6]:  # "by year's end": the year (TimeBank), its end a modifier
        return "DATE", str(y)
    return "DATE", f"{y}-12-31"


# "today's world", "for today's youth", "the people of tomorrow": the present (future) age, not a day
_GENERIC_DAY = re.compile(
    r"'s\s+(?:world|youth|society|generations?|children|kids|young|teenagers|families|consumers|personal|"
    r"standards|economy|culture)\b", re.I)
_OF_TOMORROW = re.compile(r"\b(?:people|world|leaders|city|cities|jobs|technology|technologies|"
                          r"generation|workers)\s+of\s+\Z", re.I)


# "even today", "still today", "today still": the present age, not the day (TimeML's PRESENT_REF)
_STILL_BEFORE = re.compile(r"\b(?:even|still)\s+\Z", re.I)
_STILL_AFTER = re.compile(r",?\s+still\b", re.I)
_PRESENT_VERB = re.compile(r"\b(?:is|are|has|have|remains?)\b", re.I)
_AS_BEFORE = re.compile(r"\bas\s+\w+\s+\Z", re.I)
_AS_AFTER = re.compile(r"\s+as\b", re.I)
_IS_AFTER = re.compile(r"\s+(?:is|are)\b", re.I)
_WORD_BEFORE = re.compile(r"[a-z]\s+\Z")
_VERB_BEFORE = re.compile(r"\b(?:is|are|remains?|\w\w+[^s'\W]s)\s+\Z", re.I)
_YEAR_WORD = re.compile(r"(?<![\w$.,])(1[6-9]\d\d|20\d\d)(?![\w,.]\d)")


def _today_nowadays(ctx: _Context, s: int, e: int) -> bool:
    """Whether "today" means nowadays: next to "still"/"even", or a present-tense clause set against
    a year of the past the previous expression (same or previous sentence) named ("Bush won the
    state in 1988. Today, it is a toss-up"; TimeBank: "... for the past twenty years ... And today,
    the right to work is ..." = PRESENT_REF). Not a present tense about the day ("Today is a sad day")."""
    text = ctx.text
    if _STILL_BEFORE.search(text, max(0, s - 7), s) or _STILL_AFTER.match(text, e):
        return True
    if _AS_BEFORE.search(text, max(0, s - 30), s) and _AS_AFTER.match(text, e):
        return True  # "as true today as it was a month ago": the present state set against the past
    if ctx.dct is not None and (_IS_AFTER.match(text, e) and _WORD_BEFORE.search(text, max(0, s - 30), s)
                                or _VERB_BEFORE.search(text, max(0, s - 30), s)):
        # "the role that Sanders plays today", "Clinton's advantage today is the one Obama had in 2008":
        # a present state compared with a year of the past named in the same sentence
        a = text.rfind(".", max(0, s - 300), s) + 1
        b = text.find(".", e, e + 300)
        if any(int(y) <= ctx.dct.year - 2 for y in _YEAR_WORD.findall(text, a, b if b >= 0 else e + 300)):
            return True
    p = ctx.prev
    if p is None or ctx.dct is None or p[1] != "DATE" or not p[2][:4].isdigit() or int(p[2][:4]) > ctx.dct.year - 2:
        return False
    if len(_SENTENCE_BREAK.findall(text, p[0], s)) > 1 or ctx.tense(s, e) != "present":
        return False
    right = text[e:e + 60]
    c = _CLAUSE_END.search(right)
    clause = text[max(p[0], s - 60):s] + right[:c.start() if c else None]
    return bool(_PRESENT_VERB.search(clause)) and not re.match(r"\s+is\b", right)


def _h_dayword(ctx, m, s, e):
    w = m["word"].lower()
    if w in ("today", "tomorrow") and not m["part"] and (
            _GENERIC_DAY.match(ctx.text, e) or _OF_TOMORROW.search(ctx.text, max(0, s - 24), s)):
        return None
    if w == "today" and not m["part"] and not m["mod"] and _today_nowadays(ctx, s, e):
        return "DATE", "PRESENT_REF"
    d = ctx.dct
    if d is not None:
        d = d + dt.timedelta(days={"yesterday": -1, "tomorrow": 1}.get(w, 0))
    part = (m["part"] or "").lower() or ("night" if w == "tonight" else "")
    if d is not None:
        ctx.ref = d
    if part:
        return "TIME", f"{_fmt_day(d)}T{_PART_CODE[part]}"
    return "DATE", _fmt_day(d)


def _h_thispart(ctx, m, s, e):
    rel = m["rel"].lower()
    part = m["part"].lower()
    d = ctx.dct
    if d is not None and rel in ("last", "yesterday"):
        d = d - dt.timedelta(days=1)
    elif d is not None and rel == "tomorrow":
        d = d + dt.timedelta(days=1)
    return "TIME", f"{_fmt_day(d)}T{_PART_CODE[part]}"


def _h_daypart(ctx, m, s, e):
    day = (m["day"] or "").lower()
    if day in WEEKDAYS:
        d = _weekday_date(ctx, WEEKDAYS[day], s, e)
    elif day:
        d = ctx.dct + dt.timedelta(days={"yesterday": -1, "tomorrow": 1}.get(day, 0)) if ctx.dct else None
    else:  # the day the narrative is at
        d = ctx.ref
    return "TIME", f"{_fmt_day(d)}T{_PART_CODE[m['part'].lower()]}"


def _h_weekday(ctx, m, s, e):
    wd = WEEKDAYS[m["wd"].lower().replace("'s", "")]
    d = _weekday_date(ctx, wd, s, e)
    part = (m["part"] or "").lower()
    if d is not None:
        ctx.ref = d
    base = _fmt_day(d, f"XXXX-WXX-{wd}")
    if part:
        return "TIME", f"{base}T{_PART_CODE[part]}"
    return "DATE", base


def _h_year_rel(ctx, m, s, e):
    rel = m["rel"].lower()
    unit = m["unit"].lower()
    base = _anchor(ctx, unit) if rel == "that" else ctx.dct
    if base is None:
        return "DATE", _x_of(unit)
    return "DATE", _shift(base, unit, _REL_SIGN[rel])


def _h_edge_unit(ctx, m, s, e):
    if ctx.dct is None:
        return "DATE", _x_of(m["unit"])
    return "DATE", _shift(ctx.dct, m["unit"], 0)


def _h_duration(ctx, m, s, e):
    unit = m["unit"]
    text = ctx.text[s:e].lower()
    if m["num"] is not None:
        raw = m["num"].lower()
        n = _num(raw)
        if n is None and re.fullmatch(r"(?:a\s+)?couple(?:\s+of)?", raw):  # "(the next) (a) couple of years": two
            n = 2.0
        if n is None and not re.match(VAGUE, raw, re.I):
            return None
        if "and a half" in text or "and half" in text:
            n = (n or 0) + 0.5
    else:
        n = 0.5
    # "two years" with a number as digits bigger than plausible is a count, not a time ("1000 days" is fine)
    u = _unit_name(unit)
    if m["rel"] and m["rel"].lower() in ("first",) and u == "quarter":
        return "DATE", f"{ctx.dct.year if ctx.dct else 'XXXX'}-Q1"
    if u == "weekend":
        return None
    if _AGE_AFTER.match(ctx.text, e):  # "Mr. Reupke, 52 years old, ...": an age, not a time
        return None
    if m["old"] and m["old"][-1] in "dD" and unit.lower() == "year":  # "his 1-year old son", "a 3 year old": an age
        return None
    if u == "quarter" and re.search(r"\w-quarters$", text):  # "three-quarters of its food": a fraction
        return None
    if u == "quarter" and re.fullmatch(r"(?:.*\s)?(?:an?|one)\s+quarter", text) and (
            _OF_AFTER.match(ctx.text, e) or ctx.text[s:e].isupper()):
        return None  # "more than a quarter of the market": a fraction; "SAVE A QUARTER": a heading
    if re.fullmatch(r"an?[-\s]+\w+", text):
        # "$2 million a year", "four flights a week", "24 hours a day": a rate, not a time
        if _RATE_BEFORE.search(ctx.text, max(0, s - 40), s):
            return None
        # "a second group": the ordinal
        if u == "second" and re.match(r"\s+(?!(?:or|of|and|later|earlier|ago|before|after|in|to)\b)[a-z]", ctx.text[e:e + 12]):
            return None
    if (u == "second" and re.fullmatch(r"(?:the\s+)?second", text)):
        return None
    if n is not None and n > 10000:
        return None
    return "DURATION", _duration(n, unit)


_OF_AFTER = re.compile(r"\s+of\b", re.I)
_AGE_AFTER = re.compile(r"\s+old\b", re.I)
_RATE_BEFORE = re.compile(r"(?:\d|\bmillion|\bbillion|\bthousand|\bhundred)(?:%|\s+percent)?(?:\s+[a-z]+)?(?:\s+|-)\Z")


_ARTICLE_HYPHEN = re.compile(r"(?:the|a|an)\s+(?=\S+-)", re.I)
_HYPHEN_UNIT = re.compile(r"\w-(?:" + UNIT + r")\b", re.I)


# "a five year low", "the two day rally": a count with a singular unit modifies a noun (TimeBank and
# AQUAINT tag "five year", without the article)
_ARTICLE_ADJ = re.compile(rf"(?:the|a|an)\s+(?=(?!(?:a|an|one)\b)(?:\d+|{NUMW})\s+{UNIT_SG}\Z)", re.I)


def _trim_adjectival(text: str, s: int, e: int) -> int:
    """Start of an adjectival duration without its article: "a 10-year bond" → "10-year"."""
    m = _ARTICLE_HYPHEN.match(text[s:e])
    if m and _HYPHEN_UNIT.search(text[s:e]):
        return s + m.end()
    m = _ARTICLE_ADJ.match(text[s:e])
    return s + m.end() if m else s


def _h_half_unit(ctx, m, s, e):
    """"a half-century" (P50Y), "a half hour" (PT30M)."""
    return "DURATION", _duration(0.5, m["unit"])


def _h_duration_the(ctx, m, s, e):
    return "DURATION", _duration(1, m["unit"])


def _h_recent(ctx, m, s, e):
    unit = m["unit"]
    t = ctx.text[s:e].lower()
    if t.startswith("recent") and _unit_name(unit) in ("day", "year", "decade"):
        return "DATE", "PAST_REF"
    return "DURATION", _duration(None, unit)


def _h_the_plural(ctx, m, s, e):
    return "DURATION", _duration(None, m["unit"] or m["unit2"])


def _h_bare_plural(ctx, m, s, e):
    return "DURATION", _duration(None, m["unit"])


def _h_decade(ctx, m, s, e):
    d = m["dec"].replace("\u2019", "'").lstrip("'")
    if len(d) < 5:  # "'80s", "the 90's": the century is the DCT's ... or the last one
        y = int(d[:2])
        return "DATE", ("19" if y >= 30 else "20") + d[0]
    return "DATE", d[:3]


def _h_century(ctx, m, s, e):
    o = m["ord"].lower()
    n = int(re.match(r"\d+", o)[0]) if o[0].isdigit() else int(NUMBERS.get(o, 0) or (21 if o == "twenty-first" else 0))
    if not 1 <= n <= 21:
        return None
    return "DATE", f"{n - 1:02d}"


def _h_the_year(ctx, m, s, e):
    # "for the year ended Sept. 30": a reporting period, a year long, not the calendar year
    if re.match(r"\s+end(?:ed|ing)\b", ctx.text[e:e + 8]):
        return "DURATION", "P1Y"
    prev = ctx.prev
    # "the third quarter of the year", "the first half of the year": the year of that part
    if prev is not None and re.fullmatch(r"\d{4}-[QH]\d", prev[2]) and _OF_BETWEEN.fullmatch(ctx.text, prev[0], s):
        return "DATE", prev[2][:4]
    if ctx.dct is None:
        return "DATE", "XXXX"
    return "DATE", str(ctx.dct.year - _past_year_end(ctx, s, e))


def _past_year_end(ctx: _Context, s: int, e: int) -> int:
    """1 when "the end of the year" / "year's end" in a past-tense clause cannot be the DCT year's
    (still ahead before December): "after selling some of its shares at the end of the year"."""
    text = ctx.text[s:e].lower()
    return int(("end" in text and not text.startswith("the year")) and ctx.dct.month < 12
               and ctx.tense(s, e) == "past")


_OF_BETWEEN = re.compile(r"\s+of\s+")


def _h_fiscal(ctx, m, s, e):
    return "DATE", str(_year(m["year"]))


def _wordyear(words: str) -> int | None:
    """The year a :data:`WORDYEAR` match names ("nineteen ninety-four" = 1994)."""
    parts = re.sub(r"\s+", " ", words.lower().replace("-", " ")).split()
    if parts[0] == "two":
        return 2000 + (int(NUMBERS[parts[-1]]) if len(parts) > 2 else 0)
    rest = _num(" ".join(parts[1:]))
    return None if rest is None else int(NUMBERS[parts[0]]) * 100 + int(rest)


def _h_wordyear(ctx, m, s, e):
    n = _wordyear(m["y"])
    if n is None or not ctx.text[s:e].lower().startswith("the year") and m["y"].lower().startswith("two"):
        return None
    return "DATE", str(n)


def _h_year(ctx, m, s, e):
    y = int(m["year"])
    text = ctx.text
    # a year is a number first: reject counts and amounts around it
    before = text[max(0, s - 3):s]
    if before.endswith(("$", "#", "No. ", "no. ")) or re.search(r"[$£€]\s*$", before):
        return None
    after = text[e:e + 12]
    if re.match(r"\s*(?:million|billion|[a-z]+s\b(?<!s's))", after) and not re.match(
            r"\s*(?:and|as|was|is|has|its|his|their|this|levels?|results|figures|sales)\b", after):
        if re.match(r"\s*(?:million|billion|points|shares|votes|people|members|workers|troops|jobs|units|tons|barrels|pounds|feet|miles|acres|cars|employees)\b", after):
            return None
    if ctx.dct and not (1600 <= y <= ctx.dct.year + 60):
        return None
    r = _RANGE_END.match(text, e)
    if r and len(r[0]) == 3:  # "the 2007-09 crisis": 2007 and 2009
        y2 = y // 100 * 100 + int(r["y"])
        if not y < y2 <= y + 20:  # "2016-03": a month, not a range
            return None
        ctx.extra = (r.start("y"), r.end(), "DATE", str(y2))
    if ctx.ref is None:
        ctx.ref = dt.date(y, 1, 1)
    if ctx.coarse is None or ctx.coarse.year != y:  # "in 1988 ... that year"
        ctx.coarse = dt.date(y, 1, 1)
        ctx.month = None
    # the story moves to a past year named as "In 2008, ..." or "... won Iowa in 2008." (not
    # "since 1980", "in 2008 and 2012", "approved in 1987 that ...", "which became legal in 2013")
    if (ctx.dct is not None and y < ctx.dct.year and _IN_BEFORE.search(text, max(0, s - 4), s)
            and not _YEAR_LIST_AFTER.match(text, e) and not _in_relative_clause(text, s)
            and (_CLAUSE_CLOSE.match(text, e) or _SENTENCE_OPEN.search(text, max(0, s - 7), s - 3))):
        ctx.narr = (y, e, False)
    return "DATE", str(y)


# the end of a range right after a year or a day: "2007-09", "March 1-8"
_RANGE_END = re.compile(r"[-\u2013](?P<y>\d\d?)(?![\w-])")


def _h_short_year(ctx, m, s, e):
    y = _year("'" + m["y"])
    if ctx.dct and y > ctx.dct.year + 10:
        return None
    if ctx.coarse is None or ctx.coarse.year != y:
        ctx.coarse = dt.date(y, 1, 1)
    return "DATE", str(y)


def _h_set_every(ctx, m, s, e):
    u = m["unit"].lower().replace("'s", "")
    if ctx.text[s:s + 3].lower() == "per" and _RATE_BEFORE.search(ctx.text, max(0, s - 40), s):
        return None  # "$2 million per month", "300 calls per day": a rate, as "$2 million a year"
    if m["num"] is not None or u.endswith("s") and u not in WEEKDAYS:  # "every 72 minutes": PT72M
        if m["num"] is None or _unit_name(u) == "weekend":
            return None
        raw = m["num"].lower()
        return "SET", _duration(2.0 if raw.startswith("couple") else None if raw == "few" else _num(raw), u)
    if u in WEEKDAYS:
        return "SET", f"XXXX-WXX-{WEEKDAYS[u]}"
    if u.rstrip(".") in MONTHS:
        return "SET", f"XXXX-{MONTHS[u.rstrip('.')]:02d}"
    n = 2 if "other" in ctx.text[s:e].lower() else 1
    return "SET", _duration(n, u)


def _h_set_times(ctx, m, s, e):
    return "SET", _duration(1, m["unit"])


def _h_set_adverb(ctx, m, s, e):
    w = m["w"].lower()
    code = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
            "nightly": "P1D", "hourly": "PT1H", "quarterly": "P3M"}[w]
    return "SET", code


def _h_set_wd_part(ctx, m, s, e):
    code = _PART_CODE[m["part"].lower()[:-1]]
    if m["wd2"]:  # "Monday and Tuesday nights": two SETs, "Monday" and "Tuesday nights" (TimeBank)
        ctx.trim_end = m.end("wd")
        ctx.extra = (m.start("wd2"), e, "SET", f"XXXX-WXX-{WEEKDAYS[m['wd2'].lower()]}T{code}")
    return "SET", f"XXXX-WXX-{WEEKDAYS[m['wd'].lower()]}T{code}"


def _h_set_wd(ctx, m, s, e):
    wd = m["wd"].lower()
    if wd.endswith("'s"):
        return None
    return "SET", f"XXXX-WXX-{WEEKDAYS[wd]}"


_REF = {"the future": "FUTURE_REF", "future": "FUTURE_REF", "soon": "FUTURE_REF", "as soon as possible": "FUTURE_REF",
        "the past": "PAST_REF", "recently": "PAST_REF", "lately": "PAST_REF", "previously": "PAST_REF",
        "formerly": "PAST_REF", "recent": "PAST_REF", "former": "PAST_REF", "once": "PAST_REF"}


_COUNT_AFTER = re.compile(rf"\s+(?:\d+|{NUMW}|several|few|many|couple)\b(?!\s+(?:{SEASON}|fall)s\b)", re.I)
_DISCOURSE_NOW = re.compile(r",|\s+for\b")
_SENTENCE_OPEN = re.compile(r"(?:[.!?]['\"\u201d]*\s+|\n\s*|^\s*|[\"\u201c`]+\s*)\Z")


def _h_ref(ctx, m, s, e):
    w = re.sub(r"\s+", " ", m["w"].lower())
    if w in ("former", "once"):
        return None
    if w == "current" and _OF_AFTER.match(ctx.text, e):  # "this current of self-destruction": the noun
        return None
    if w.startswith("then"):  # "the then-current price": the present of a past time
        return "DATE", "PAST_REF"
    # "Now, he says, ...", "Now for the weather": a sentence-opening discourse marker, not a time
    if w == "now" and _DISCOURSE_NOW.match(ctx.text, e) and (
            s == 0 or _SENTENCE_OPEN.search(ctx.text, max(0, s - 4), s)):
        return None
    if w.endswith("past") and _COUNT_AFTER.match(ctx.text, e):  # "in the past two elections": not the past
        return None
    if w.endswith("future") or w.endswith("term") and ("short" in w or "near" in w or "long" in w or "medium" in w):
        return "DATE", "FUTURE_REF"
    if w == "future":
        return "DATE", "FUTURE_REF"
    return "DATE", _REF.get(w, "PAST_REF" if w.endswith(" past") else "PRESENT_REF")


HANDLERS = {n: globals()[f"_h_{n}"] for n, _ in RULES}


# ---------------------------------------------------------------------------------------------
# public API


def parse_dct(dct: dt.date | dt.datetime | str | None) -> dt.date | None:
    """The DCT as a date: accepts a date/datetime, an ISO string (``2022-01-21``, ``20220121``) or None."""
    if dct is None or isinstance(dct, dt.date) and not isinstance(dct, dt.datetime):
        return dct
    if isinstance(dct, dt.datetime):
        return dct.date()
    if isinstance(dct, str):
        s = dct.strip()
        m = re.fullmatch(r"(\d{4})-?(\d{2})-?(\d{2})(?:[T ].*)?", s)
        if m:
            try:
                return dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                pass
        raise ValueError(f"invalid DCT {dct!r}: expected an ISO date such as '2022-01-21'")
    if pd.isna(dct):
        return None
    raise TypeError(f"invalid DCT {dct!r}: expected a datetime.date, an ISO date string or None, "
                    f"got {type(dct).__name__}")


# Every rule's match contains a trigger word; it starts at most a few words before it, on a
# word that can open an expression. Trying the grammar only there is ~5x faster than scanning.
_TRIGGER_WORDS = (
    [m for m in MONTHS] + [w for w in WEEKDAYS] + [w + "s" for w in _WD_FULL] + list(SEASONS)
    + [h.split()[0] for h in HOLIDAYS]
    + "second seconds minute minutes hour hours day days night nights week weeks weekend weekends fortnight "
      "fortnights month months quarter quarters year years decade decades century centuries millennium millennia "
      "period periods half today yesterday tomorrow tonight morning afternoon evening overnight noon midday midnight "
      "now nowadays currently current recently recent lately previously formerly soon future past present term "
      "daily weekly monthly annually yearly nightly hourly nineteen twenty thousand year-earlier year-ago "
      "year-end".split())
_TRIGGER_SET = frozenset(_TRIGGER_WORDS) | frozenset(w + "ly" for w in ("quarter",))
_START_WORDS = frozenset(
    "the a an at about around almost nearly some roughly approximately more less over under only just up fully "
    "barely early late mid middle earlier later last next this that coming past previous following current same "
    "preceding prior latest every each per once twice several many few dozens hundreds thousands numerous "
    "couple number recent ensuing intervening fiscal calendar financial another half these right as final "
    "additional further remaining full then".split()) | frozenset(_CARD_WORDS) | frozenset(_ORD) | frozenset(_TENS)
_WORD = re.compile(r"\w+(?:'s)?")
# matches from a token start where at least 9 _WORD tokens follow (each token atomic: _WORD's
# tokenization, as findall gives it)
_NINE_TOKENS = re.compile(r"(?>\W*\w+(?:'s)?){9}")
# the unit words ("days", "fortnight"), also possessive: tokens of the token scan
_UNIT_TOKENS = frozenset(w for w in _TRIGGER_SET if re.fullmatch(UNIT, w, re.I))
_UNIT_TOKEN_FORMS = _UNIT_TOKENS | frozenset(w + "'s" for w in _UNIT_TOKENS)


# ---------------------------------------------------------------------------------------------
# rule dispatch: which rules can match at a position, from the text's first characters there.
# One regex alternating all ~50 rules would enter each alternative at every candidate position; a
# rule whose possible first characters (computed from its parsed pattern, a sound
# over-approximation) differ from the text's cannot match, so it is skipped. The remaining rules
# are tried one by one in RULES order: the first match is that alternation's match.

# the ASCII members of the regex classes \d, \w, \s (str patterns, Unicode matching)
_ASCII_CATEGORY = {name: "".join(c for c in map(chr, range(128)) if re.match(rx, c)) for name, rx in
                   (("CATEGORY_DIGIT", r"\d"), ("CATEGORY_WORD", r"\w"), ("CATEGORY_SPACE", r"\s"))}
_PREFIX_LEN = 5  # characters of text looked at
_PREFIX_CAP = 5000  # at most this many prefixes per rule (else fewer characters are looked at)


def _norm_char(c: str) -> str:
    return " " if c in _ASCII_CATEGORY["CATEGORY_SPACE"] else c.lower()


def _concat(left: set[str] | None, right, k: int) -> set[str] | None:
    """Prefixes of length <= k of ``left`` followed by ``right(remaining length)``."""
    if left is None:
        return None
    out = set()
    done: dict[int, set[str] | None] = {}
    for s in left:
        if len(s) >= k:
            out.add(s)
            continue
        n = k - len(s)
        r = done[n] if n in done else done.setdefault(n, right(n))
        if r is None:
            return None
        out.update(s + x for x in r)
        if len(out) > _PREFIX_CAP:
            return None
    return out


def _prefixes(items, k: int) -> set[str] | None:
    """The normalized prefixes of length k of the matches of a parsed pattern (shorter: whole
    matches), or None when unknown or too many. ASCII only: a non-ASCII text is never dispatched."""
    cur: set[str] | None = {""}
    for op, av in items:
        cur = _concat(cur, lambda r, op=op, av=av: _item_prefixes(op, av, r), k)
        if cur is None:
            return None
        if all(len(s) >= k for s in cur):
            break
    return cur


def _item_prefixes(op, av, k: int) -> set[str] | None:
    name = op.name
    # a non-ASCII character adds no prefix: a text with one in its first characters is never
    # dispatched (every rule is tried there)
    if name == "LITERAL":
        return {_norm_char(chr(av))} if chr(av).isascii() else set()
    if name == "IN":
        out = set()
        for sop, sav in av:
            if sop.name == "LITERAL":
                if chr(sav).isascii():
                    out.add(_norm_char(chr(sav)))
            elif sop.name == "RANGE" and sav[1] < 128:
                out.update(_norm_char(chr(c)) for c in range(sav[0], sav[1] + 1))
            elif sop.name == "CATEGORY" and sav.name in _ASCII_CATEGORY:
                out.update(map(_norm_char, _ASCII_CATEGORY[sav.name]))
            else:
                return None
        return out
    if name == "BRANCH":
        out = set()
        for alt in av[1]:
            p = _prefixes(alt, k)
            if p is None:
                return None
            out |= p
        return out
    if name == "SUBPATTERN":
        return _prefixes(av[-1], k)
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        lo, hi, sub = av
        cur: set[str] | None = {""}
        for _ in range(lo):
            cur = _concat(cur, lambda r: _prefixes(sub, r), k)
        if cur is None:
            return None
        out = set(cur)
        n = lo
        while n < hi and n < lo + k:  # more repetitions only add characters beyond k
            cur = _concat(cur, lambda r: _prefixes(sub, r), k)
            if cur is None:
                return None
            out |= cur
            n += 1
        return out
    if name in ("AT", "ASSERT", "ASSERT_NOT"):  # zero width
        return {""}
    return None


_RULE_ALONE = {n: re.compile(r"(?<![\w'])(?P<" + n + ">" + _NAMED.sub("(?:", p) + r")(?![\w])", _FLAGS)
               for n, p in RULES}  # the alternation of all rules, restricted to one
_RULE_PREFIXES: dict[str, tuple[int, frozenset[str] | None]] = {}
_DISPATCH: dict[str, tuple[re.Pattern, ...]] = {}
_ALL_RULES = tuple(_RULE_ALONE[n] for n, _ in RULES)


def _rule_prefixes() -> dict[str, tuple[int, frozenset[str] | None]]:
    """Per rule (k, the normalized k-character prefixes of its matches, or None: any), computed
    once, on first use (~40 ms)."""
    if not _RULE_PREFIXES:
        from re import _parser  # the stdlib's own regex parser (CPython 3.11+)
        found_all = {}
        for n, p in RULES:
            found: tuple[int, frozenset[str] | None] = (0, None)
            try:
                parsed = list(_parser.parse(p, _FLAGS))
                for k in range(_PREFIX_LEN, 0, -1):
                    pre = _prefixes(parsed, k)
                    if pre is not None:
                        found = (k, frozenset(pre))
                        break
            except Exception:  # an unknown parser shape: never skip this rule
                pass
            found_all[n] = found
        _RULE_PREFIXES.update(found_all)  # all at once (another thread may be reading)
    return _RULE_PREFIXES


_PREFIX_INDEX: list[tuple[dict[str, int], int]] = []
_RULE_SETS: dict[int, tuple[re.Pattern, ...]] = {}  # a bit mask of rules -> their patterns


def _prefix_index() -> tuple[dict[str, int], int]:
    """:func:`_rule_prefixes` inverted, computed once: each normalized prefix -> the rules having
    it (bit i: ``RULES[i]``), and the rules that can match anywhere (no known prefixes)."""
    if not _PREFIX_INDEX:
        index: dict[str, int] = {}
        anywhere = 0
        prefixes = _rule_prefixes()
        for i, (n, _) in enumerate(RULES):
            k, pre = prefixes[n]
            if pre is None:
                anywhere |= 1 << i
                continue
            for s in pre:  # each of length <= k
                index[s] = index.get(s, 0) | 1 << i
        _PREFIX_INDEX.append((index, anywhere))  # all at once (another thread may be reading)
    return _PREFIX_INDEX[0]


def _rules_at(text: str, q: int) -> tuple[tuple[re.Pattern, ...], tuple[re.Pattern, ...] | None]:
    """The rules' patterns that can match at ``text[q]``, in RULES order, and the same without
    the unit rules (None when it has none; see :func:`_unit_rules`).

    A rule can match when one of its k-character prefixes (:func:`_rule_prefixes`; shorter ones:
    whole matches) starts the normalized text at q: looked up for each prefix of the text's
    first characters in :func:`_prefix_index`."""
    key = text[q:q + _PREFIX_LEN]
    entry = _DISPATCH.get(key)
    if entry is None:
        if not key.isascii():
            mask = (1 << len(RULES)) - 1
        else:
            norm = "".join(map(_norm_char, key))
            index, mask = _prefix_index()
            for i in range(len(norm) + 1):
                mask |= index.get(norm[:i], 0)
        rules = _RULE_SETS.get(mask)
        if rules is None:
            rules = _RULE_SETS[mask] = tuple(rx for i, rx in enumerate(_ALL_RULES) if mask >> i & 1)
        unit_rules = _unit_rules()
        reduced = tuple(rx for rx in rules if rx not in unit_rules)
        entry = (rules, reduced if len(reduced) < len(rules) else None)
        if len(_DISPATCH) > 100_000:
            _DISPATCH.clear()
        _DISPATCH[key] = entry
    return entry


# The unit rules: every match holds a unit word (UNIT's language: "days", "fortnight", ...) as a
# whole word, and no character of _BARRIER. Such a rule cannot match at q unless the first unit
# word after q comes before the next barrier character; _matches skips it elsewhere (most tries
# of these costly rules fail so). That every character of a match is no barrier is checked on
# the parsed patterns (_barrier_free); that the unit is a whole word, by reading them:
# "ago" and "duration" take (?P<unit>{UNIT}) followed by whitespace, "and a half", "-old" or the
# match's end, "set_times" takes {UNIT_SG} (a subset) at its end.
_UNIT_RULE_NAMES = ("ago", "duration", "set_times")
_BARRIER = ",;:!?\"()[]{}<>|$%&*+=@#^~`\u201c\u201d"
_BARRIER_RE = re.compile("[" + re.escape(_BARRIER) + "]")
_UNIT_RULES: set[re.Pattern] = set()
# re.I matches these to ASCII letters ("\u017f" to "s") while str.lower() keeps them: a text with
# one could hide a unit word from the token scan, so it is never filtered
_CASE_ODD = re.compile("[\u0130\u0131\u017f]")


@lru_cache(maxsize=None)
def _hits_barrier(rx: str) -> bool:
    """Whether the one-character regex ``rx`` matches a character of _BARRIER."""
    return any(re.fullmatch(rx, b, _FLAGS) for b in _BARRIER)


def _barrier_free(items) -> bool:
    """Whether no character of _BARRIER can be consumed by a parsed pattern (lookarounds aside),
    judged soundly: an unknown shape is not barrier-free."""
    hits = _hits_barrier
    for op, av in items:
        name = op.name
        if name == "LITERAL":
            if hits(re.escape(chr(av))):
                return False
        elif name == "IN":
            for sop, sav in av:
                if sop.name == "LITERAL":
                    bad = hits(re.escape(chr(sav)))
                elif sop.name == "RANGE":
                    bad = hits(f"[{re.escape(chr(sav[0]))}-{re.escape(chr(sav[1]))}]")
                elif sop.name == "CATEGORY" and sav.name in _ASCII_CATEGORY:
                    bad = hits({"CATEGORY_DIGIT": r"\d", "CATEGORY_WORD": r"\w",
                                "CATEGORY_SPACE": r"\s"}[sav.name])
                else:
                    bad = True
                if bad:
                    return False
        elif name == "BRANCH":
            if not all(_barrier_free(alt) for alt in av[1]):
                return False
        elif name == "SUBPATTERN":
            if not _barrier_free(av[-1]):
                return False
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT", "ATOMIC_GROUP"):
            if not _barrier_free(av[-1]):
                return False
        elif name not in ("AT", "ASSERT", "ASSERT_NOT"):
            return False
    return True


def _unit_rules() -> set[re.Pattern]:
    """The patterns of the unit rules that pass the checks (computed once)."""
    if not _UNIT_RULES:
        from re import _parser
        unit_forms = _prefixes(list(_parser.parse(UNIT, _FLAGS)), 30) or set()
        tokens_ok = bool(unit_forms) and unit_forms <= _TRIGGER_SET and unit_forms == _UNIT_TOKENS
        found = {_RULE_ALONE[n] for n, p in RULES
                 if n in _UNIT_RULE_NAMES and tokens_ok and _barrier_free(list(_parser.parse(p, _FLAGS)))}
        _UNIT_RULES.update(found or {None})  # None: computed, none qualifies
    return _UNIT_RULES


# Tokens are _WORD's tokenization of the lower-cased text. A trigger token is a word of
# _TRIGGER_SET, its possessive, or a number; a start token a word of _START_WORDS.
_TRIGGER_TOKEN = (
    r"(?:" + _trie(w for w in _TRIGGER_SET if re.fullmatch(r"\w+", w)) + r")(?:'s|(?!\w))"
    + "".join("|" + re.escape(w) for w in sorted(_TRIGGER_SET) if re.fullmatch(r"\w+'s", w))
    + r"|[0-9]\w*(?:'s)?")
_START_TOKEN = r"(?:" + _trie(_START_WORDS) + r")(?!\w|'s)"


def _cond_trie(entries: dict[str, str]) -> str:
    """An alternation of the words of ``entries``, each followed by its condition (a regex), as
    a trie: matches where some word matches with its condition."""
    root: dict = {}
    for w, cond in entries.items():
        node = root
        for c in w:
            node = node.setdefault(c, {})
        node[None] = cond
    def emit(node) -> str:
        alts = [re.escape(c) + emit(sub) for c, sub in sorted((c, s) for c, s in node.items() if c is not None)]
        if None in node:
            alts.append(node[None])
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return emit(root)


# matches exactly where _TRIGGER_TOKEN or _START_TOKEN does, in one trie (a word of both sets
# takes the trigger's condition, which contains the start word's)
_ANY_TOKEN = _cond_trie({**{w: r"(?!\w|'s)" for w in _START_WORDS},
                         **{w: r"(?:'s|(?!\w))" for w in _TRIGGER_SET if re.fullmatch(r"\w+", w)},
                         **{w: "" for w in _TRIGGER_SET if re.fullmatch(r"\w+'s", w)}}) + "|[0-9]"
# finditer over the lower-cased text gives the trigger ("t") and start ("s") tokens in order: a
# match skips the other tokens (possessively, so that a failure is linear) and captures the next
# one; at the text's end, with no token left, it matches the empty rest (lastgroup None), so
# every match starts where the previous one ended.
_TOKEN_SCAN = re.compile(rf"(?:\W*+(?!{_ANY_TOKEN})\w+(?:'s)?)*+\W*+"
                         rf"(?:(?P<t>{_TRIGGER_TOKEN})|(?P<s>{_START_TOKEN})|\Z)")


def _lower_same_length(text: str) -> str:
    """``text.lower()`` with offsets kept: characters whose lower case is longer ("İ") stay."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(lc := c.lower()) != 1 else lc for c in text)


def _matches(text: str):
    """Grammar matches in text order, tried only near trigger words (same result as a full scan).

    At each trigger token the grammar is tried at the start tokens among the 8 tokens before it
    (within 70 characters and after the previous match), then at the trigger itself; the first
    match reaching past the trigger wins.
    """
    last = 0
    low = _lower_same_length(text)
    more_than_8, start_words = _NINE_TOKENS.match, _START_WORDS
    triggers = []  # (position, word) of the trigger tokens
    starts = []  # start tokens, and triggers that are start words, in text order
    for t in _TOKEN_SCAN.finditer(low):
        kind = t.lastgroup
        if kind == "s":
            starts.append(t.start("s"))
        elif kind == "t":
            p, w = t.start("t"), t["t"]
            triggers.append((p, w))
            if w in start_words:
                starts.append(p)
    # the unit words' positions (for the unit rules, see _unit_rules); None: no filtering
    units = None
    if text.isascii() or _CASE_ODD.search(text) is None:
        unit_tokens = _UNIT_TOKEN_FORMS
        units = [p for p, w in triggers if w in unit_tokens]
    n_units = len(units) if units is not None else 0
    # the first barrier character at or after any q in [after, at] is at ``at`` (len(text): none)
    after, at = 1, 0
    tried: dict[int, re.Match | None] = {}  # a position's grammar match does not change
    dispatch = _DISPATCH
    floor = 0  # starts before this index are more than 8 tokens before every trigger still to come
    for p, w in triggers:
        if p < last:
            continue
        # the start tokens before p, within 70 characters, after the previous match and at most
        # 8 tokens before p (consecutive tokens start at least 2 characters apart); the token
        # count only grows with the distance, so the valid ones are a suffix of the window, and
        # one invalid for p is invalid for every later trigger
        j = bisect_left(starts, p, floor)
        i = bisect_left(starts, max(last, p - 70), floor, j)
        while i < j and p - (q := starts[i]) > 17 and more_than_8(low, q, p) is not None:
            i += 1
            floor = i
        cands = starts[i:j]
        if p > 0 and text[p - 1] in "'\u2019" and p - 1 >= last:
            cands.append(p - 1)
        cands.append(p)
        for q in cands:
            if q in tried:
                m = tried[q]
            else:  # the alternation's match at q, trying only the rules that can match there
                entry = dispatch.get(text[q:q + _PREFIX_LEN])
                if entry is None:
                    entry = _rules_at(text, q)
                rules, reduced = entry
                if reduced is not None and units is not None:
                    k = bisect_right(units, q)
                    if k < n_units and not after <= q <= at:
                        b = _BARRIER_RE.search(text, q)
                        after, at = q, b.start() if b is not None else len(text)
                    if k == n_units or at < units[k]:
                        rules = reduced  # no unit word before the next barrier
                for rx in rules:
                    m = rx.match(text, q)
                    if m is not None:
                        break
                else:
                    m = None
                tried[q] = m
            if m is not None and m.end() > p:
                last = m.end()
                yield m
                break


# a temporal word inside a capitalised name is no time: the last word of a quoted title
# ("Fox News Sunday," "High Noon"), a programme or paper after an acronym ("USA TODAY", "VOA
# Today"), "Daily" before a capitalised word ("The Daily Caller")
_TITLE_BEFORE = re.compile(
    r"(?:[\"\u201c]|``)(?:[A-Z][\w.'\u2019&-]*\s+)*"
    r"(?!(?:On|In|By|At|Since|Until|Till|Through|From|Before|After|Last|Next|This|That|The|Early|Late|And|But|Or"
    r"|Every|Each|Of|For|During|Then|Now|Only|Even|Just|Also|Earlier|Later)\s)"
    r"[A-Z][\w.'\u2019&-]*\s+\Z")
_TITLE_AFTER = re.compile(r"[,.!?]?(?:[\"\u201d]|'')")
_ACRONYM_BEFORE = re.compile(r"(?<![\w.])[A-Z]{2,}\s+\Z")
_CAPITAL_AFTER = re.compile(r"\s+[A-Z][a-z]")
_CAPITAL_WORD_AFTER = re.compile(r"\s+[A-Z]")


def _in_name(text: str, s: int, e: int, rule: str) -> bool:
    """Whether the capitalised expression ``text[s:e]`` is part of a name, not a time."""
    if _TITLE_AFTER.match(text, e) and _TITLE_BEFORE.search(text, max(0, s - 60), s):
        return True
    if rule == "dayword" and _ACRONYM_BEFORE.search(text, max(0, s - 12), s):
        return True
    # "Current TV", "The Daily Caller": an adjective opening a capitalised name
    if rule == "ref" and text[s:e] == "Current":
        return _CAPITAL_WORD_AFTER.match(text, e) is not None
    return rule == "set_adverb" and _CAPITAL_AFTER.match(text, e) is not None


# "in 1988, a year when ...", "By 2026, the final year of the outlook": a noun phrase in apposition
# to the date just named describes that date; it is no duration
_APPOSITIVE = re.compile(r"(?P<det>an?|the)\s+(?:(?:final|last|first|same|very)\s+)?(?P<unit>year|month|day)", re.I)
_GRANULARITY = {"year": re.compile(r"\d{4}"), "month": re.compile(r"\d{4}-\d\d"),
                "day": re.compile(r"\d{4}-\d\d-\d\d")}


_RELATIVE_AFTER = re.compile(r"\s+(?:after|before|later|earlier|since|ago)\b", re.I)


def _apposition(text: str, s: int, e: int, prev: tuple[int, str, str]) -> tuple[str, str] | None:
    """``("DATE", value)`` for "the final year" in apposition to a date of that granularity,
    ``("DATE", "")`` (no timex) for "a year when ...", None when ``text[s:e]`` is no apposition."""
    if not re.fullmatch(r",\s+", text[prev[0]:s]):
        return None
    m = _APPOSITIVE.fullmatch(text, s, e)
    if m is None or not _GRANULARITY[m["unit"].lower()].fullmatch(prev[2]):
        return None
    if _RELATIVE_AFTER.match(text, e):  # "came Tuesday, a day after the court heard it": a distance in time
        return None
    return "DATE", prev[2] if m["det"].lower() == "the" else ""


_TAG_OPEN = re.compile(r"<[A-Za-z!/?]")


def _in_tag(text: str, s: int) -> bool:
    """Whether ``s`` lies inside an HTML/XML tag (``<tweet datetime="2016-06-29">``): an attribute
    value is markup, not article text. Only the 2000 characters before ``s`` are looked at."""
    lt = text.rfind("<", max(0, s - 2000), s)
    return lt >= 0 and text.find(">", lt, s) < 0 and _TAG_OPEN.match(text, lt) is not None


def timex_spans(text: str, dct: dt.date | str | None = None) -> list[tuple[int, int, str, str, str]]:
    """Fast, DataFrame-free :func:`timexes`: a list of ``(start, end, type, value, rule)``."""
    return list(_timex_spans(text, parse_dct(dct)))


@lru_cache(maxsize=8)
def _timex_spans(text: str, dct: dt.date | None) -> tuple[tuple[int, int, str, str, str], ...]:
    """:func:`timex_spans`, cached per (text, DCT): the timex table and the timeline share it."""
    ctx = _Context(text, dct)
    out = []
    markup = "<" in text
    for m in _matches(text):
        rule = m.lastgroup
        s, e = m.span()
        if markup and _in_tag(text, s):
            continue
        sub = RULE_RE[rule].fullmatch(text, s, e)
        if sub is None:  # cannot happen (same pattern); be safe
            continue
        if text[s].isupper() and _in_name(text, s, e, rule):
            continue
        ctx.trim = ctx.trim_end = ctx.extra = None
        ref = ctx.ref
        res = HANDLERS[rule](ctx, sub, s, e)
        if ctx.narr is not None and ctx.narr[1] < s and res is not None:  # another expression came in between
            ctx.narr = None
        if ctx.ref is not ref:  # a day the narrative moved to also moves the coarser reference time
            ctx.coarse = ctx.ref
            ctx.month = None
        if res is None:
            continue
        typ, value = res
        if typ == "DURATION" and ctx.prev is not None and ctx.prev[1] == "DATE":
            res = _apposition(text, s, e, ctx.prev)
            if res is not None:
                if not res[1]:
                    continue
                typ, value = res
        if ctx.trim is not None:
            s = ctx.trim
        if ctx.trim_end is not None:
            e = ctx.trim_end
        if rule == "duration":
            s = _trim_adjectival(text, s, e)
        out.append((s, e, typ, value, rule))
        if (typ == "DATE" and len(value) == 4 and value.isdigit() and _AGO_END.search(text, s, e)
                and dct is not None and int(value) < dct.year and not _in_relative_clause(text, s)):
            ctx.narr = (int(value), e, False)  # "Eight years ago, Obama won Iowa. In June, ..."
        ctx.prev = (e, typ, value)
        if ctx.extra is not None:
            out.append((*ctx.extra, rule))
            ctx.prev = ctx.extra[1:]
    return tuple(out)


def timexes(text: str, dct: dt.date | str | None = None) -> pd.DataFrame:
    """Temporal expressions of ``text`` with TimeML types and values resolved against ``dct``.

    Returns ``DataFrame[timex_id, start, end, text, type, value]`` (ids 1, 2, … in text
    order; TimeML output writes them as ``t1``, ``t2``, …). ``dct`` is a ``datetime.date``, an ISO date string or None.

    >>> timexes("Talks began today.", dct="2022-01-21").value.tolist()
    ['2022-01-21']
    >>> timexes("Talks began on Thursday.").value.tolist()
    ['XXXX-WXX-4']
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    spans = timex_spans(text, dct)
    return frame([(i + 1, s, e, text[s:e], typ, value) for i, (s, e, typ, value, _) in enumerate(spans)],
                 SCHEMA)
