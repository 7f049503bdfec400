"""The stance engine's words: its data files, VADER's lexicon and what each token is.

Reads VADER's lexicon (shipped in the ``vaderSentiment`` package) and the hand-written files under
``newslab/stance/data/`` once (:func:`_resources`, cached), and answers what scoring asks of a single
word: its valence (:func:`_valence`: the own lexicon, VADER, their regular inflections), the clause
boundary a token is and its event entry (:func:`_token_info`, cached by the raw token), and which
set phrases, idioms and words of degree cancel a valence in a context (:func:`_without_idioms`).
Nothing here knows about targets: see :mod:`newslab.stance.roles` and :mod:`newslab.stance.cues`.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

from newslab.text import abbreviations


NEGATION = -0.74  # VADER's negation factor

_DATA = resources.files("newslab.stance") / "data"

#: A word, a contraction, a number, or one other character.
_TOKEN = re.compile(r"[A-Za-z0-9]+(?:['’\-][A-Za-z0-9]+)*(?:['’](?=\W|$))?|n['’]t|\S")
_STRONG_BREAKS = frozenset(";:()[]—–")
_QUOTES = frozenset("\"“”‘")
_CLAUSE_WORDS = frozenset({"but", "while", "although", "though", "whereas", "however", "yet"})
_OPEN_QUOTES = frozenset("\"“‘'")

# abbreviated titles before a name ("Mr. Earnest", "Sen. Hope" are names even after the full stop): the
# titles of the sentence splitter's shipped abbreviation list
_TITLES = frozenset(k for k, kind in abbreviations().items() if kind == "title")


def _lines(name: str) -> list[str]:
    text = (_DATA / name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def _resources() -> dict:
    import vaderSentiment.vaderSentiment as vader

    lexicon: dict[str, float] = {}
    path = Path(vader.__file__).with_name("vader_lexicon.txt")
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            parts = line.split("\t")
            if len(parts) >= 2:
                lexicon[parts[0]] = float(parts[1])
    own = {}
    for line in _lines("stance_lexicon.tsv"):
        word, value = line.split("\t")[:2]
        own[word.lower()] = float(value)
    lexicon.update(own)
    harm = frozenset(_lines("harm_cues.txt"))
    # a harm word ("shooting") describes what happens and is handled as an event, not by valence
    inflected = {k: v for k, v in _vader_inflections(lexicon, own).items() if k not in harm}
    negators = {w.replace("’", "'") for w in vader.NEGATE} | set(_lines("negators.txt"))
    negators.discard("despite")
    shifters = {tuple(line.split("\t")[0].split()): float(line.split("\t")[1]) for line in _lines("shifters.tsv")}
    conditionals = frozenset(tuple(w.split()) for w in _lines("conditionals.txt"))
    target_cues = {tuple(line.split("\t")[0].split()): float(line.split("\t")[1]) for line in _lines("target_cues.tsv")}
    demand_lines = [line.split("\t") for line in _lines("demands.tsv")]  # kind, phrase
    demands = frozenset(tuple(phrase.split()) for kind, phrase, *_ in demand_lines if kind == "demand")
    return {
        "lexicon": lexicon,
        "own": own,
        "inflected": inflected,
        "negators": frozenset(negators),
        "boosters": {k: v for k, v in vader.BOOSTER_DICT.items() if " " not in k},
        "hedges": frozenset(_lines("hedges.txt")),
        "speech": frozenset(_lines("speech_verbs.txt")),
        "conditionals": conditionals,
        "conditional_ends": frozenset(c[-1] for c in conditionals),
        "threats": frozenset(_lines("threat_cues.txt")),
        "harm": harm,
        "target_cues": target_cues,
        "demands": demands,
        "demand_ends": frozenset(d[-1] for d in demands),
        "removals": frozenset(tuple(phrase.split()) for kind, phrase, *_ in demand_lines if kind == "removal"),
        "target_cue_ends": frozenset(c[-1] for c in target_cues),
        "shifters": shifters,
        "shifter_heads": frozenset(k[0] for k in shifters if k),
        # the words a shifter or a contrast phrase can start with
        "phrase_heads": frozenset(k[0] for k in shifters if k) | _CONTRAST_HEADS,
        "events": _events(),
        "praise_frames": re.compile(_FRAME_LEAD + "(?P<frame>" + "|".join(_lines("praise_frames.txt")) + ")", re.I),
        "critical_frames": re.compile(_OWN_PEOPLE + _FRAME_LEAD + "(?P<frame>" + "|".join(_lines("critical_frames.txt"))
                                      + ")", re.I),
    }


# between the target and a praise frame: "'s", a comma, "who", auxiliaries and adverbs ("X, who has long been")
_FRAME_LEAD = (r"(?:['’]s\b)?(?:\s*,\s*(?:who\s+)?|\s+(?:who\s+)?)(?:(?:has|have|had|is|was|also"
               r"|would|will|later|eventually|once|then|quickly|long"
               r"|are|were|be|been|became|becomes|remains|remained)\s+)*")  # "X became the first woman to"
# Every stretch of text has one way to match: "has been" is "has" then "been" (a second spelling of the same
# words made the repeated group exponential on "has been has been ..."), and spaces are taken by one
# quantifier ("\s*" before "\s+" made a long run of spaces quadratic). Article text is untrusted.

# the target's own people answering for it, before a critical frame: "X's attorney", "X and his spokespeople"
# or an appositive or relative clause ("X, the agency's director, was placed on leave"; up to 100 characters)
_OWN_PEOPLE = (r"(?:(?:['’]s?|\s+and\s+(?:his|her|their|its))?\s+(?:attorneys?|lawyers?"
               r"|spokes(?:m[ae]n|wom[ae]n|person|persons|people)|campaign|office|representatives?|aides?)\b)?"
               r"(?:\s*,[^,.;:!?\"“”()]{1,100}(?=,))?")

_VOWELS = frozenset("aeiou")


def _inflections(word: str) -> set[str]:
    """``word`` and, for a base form, its regular -s, -ed and -ing forms (both with and without a
    doubled final consonant: "slam" gives "slammed", "attack" "attacked")."""
    forms = {word}
    if word.endswith(("ed", "ing")) or " " in word:
        return forms
    if word.endswith("y") and word[-2:-1] not in _VOWELS:
        forms |= {word[:-1] + "ies", word[:-1] + "ied", word + "ing"}
    elif word.endswith("ie"):
        forms |= {word + "s", word + "d", word[:-2] + "ying"}
    elif word.endswith("e"):
        forms |= {word + "s", word + "d", (word if word.endswith("ee") else word[:-1]) + "ing"}
    else:
        forms |= {word + ("es" if word.endswith(("s", "sh", "ch", "x", "z")) else "s"), word + "ed", word + "ing"}
        if (len(word) >= 3 and word[-1] not in _VOWELS and word[-1] not in "wxy"
                and word[-2] in _VOWELS and word[-3] not in _VOWELS):
            forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return forms


def _events() -> dict[str, tuple[float | None, float | None]]:
    """Event word -> (valence for its agent, valence for its patient); None: no role-specific value."""
    table: dict[str, tuple[float | None, float | None]] = {}
    for line in _lines("events.tsv"):
        word, agent, patient = line.split("\t")[:3]
        values = (None if agent == "." else float(agent), None if patient == "." else float(patient))
        for form in sorted(_inflections(word.lower())):
            table.setdefault(form, values)  # a form listed itself ("won") wins over a derived one
        table[word.lower()] = values
    return table


_SUFFIXES = ("ing", "ed", "es", "s", "d", "ly")


def _vader_inflections(lexicon: dict[str, float], own: dict[str, float]) -> dict[str, float]:
    """The regular -ed and -ing forms VADER lacks of its own entries ("lack" gives "lacked", "fame"
    "famed", "thank" "thanking"), each with its base's valence; only bases of four letters or more (a
    short base makes accidents: "wag" is no stem of "waging") and never a form listed itself.
    Plurals and -ly adverbs are left out: on NewsMTSC train they gained nothing measurable."""
    table: dict[str, float] = {}
    for word, value in sorted(lexicon.items()):
        if word in own or not value or len(word) < 4 or not word.isalpha():
            continue
        for form in sorted(_inflections(word) - {word}):
            if form.endswith(("d", "ing")) and form not in lexicon:
                table.setdefault(form, value)
    return table


_VALENCE_CACHE: dict[str, float | None] = {}


def _valence(word: str) -> float | None:
    """The word's valence: the own lexicon, then VADER's, then the own lexicon without a suffix, then
    VADER's by a regular -ed or -ing form of its entry (:func:`_vader_inflections`)."""
    try:
        return _VALENCE_CACHE[word]
    except KeyError:
        pass
    res = _resources()
    lexicon, own = res["lexicon"], res["own"]
    value = lexicon.get(word) if len(word) > 1 else None  # a letter ("L", "X") is no sentiment
    if value is None and word.endswith("'") and len(word) > 2:
        value = _valence(word[:-1])  # a closing single quote caught by the word ("‘full confidence’")
    elif value is None:
        for suffix in _SUFFIXES:  # only the own lexicon is lemmatized (VADER lists its inflections)
            if word.endswith(suffix) and len(word) > len(suffix) + 3:
                value = own.get(word[: -len(suffix)])
                if value is not None:
                    break
        if value is None:
            value = res["inflected"].get(word)
    if len(_VALENCE_CACHE) < 200_000:
        _VALENCE_CACHE[word] = value
    return value


# set phrases whose second word is no sentiment: "at best" (a limit, not praise), "for good" (for ever)
_IDIOMS = frozenset({("at", "best"), ("for", "good"), ("at", "worst")})
_IDIOM_ENDS = frozenset(second for _, second in _IDIOMS)
# set phrases none of whose words is sentiment ("with respect to", "super PAC", "peace talks") and words of
# degree ("strong opposition", "brutally honest"): data/set_phrases.txt, data/degree_words.txt
_SET_PHRASES = frozenset(tuple(line.split()) for line in _lines("set_phrases.txt"))
_SET_PHRASE_HEADS = frozenset(p[0] for p in _SET_PHRASES)
_DEGREE = frozenset(_lines("degree_words.txt"))

_NOT_NEGATION = frozenset({("not", "only"), ("no", "doubt"), ("without", "doubt"), ("no", "wonder"),
                           ("not", "just"), ("not", "merely")})


def _without_idioms(words, valences: tuple) -> tuple:
    """``valences`` with the second word of a set phrase ("speculating, at best"), every word of a set
    phrase of no sentiment ("with respect to") and a word of degree grading a word of the other sign
    ("strong opposition") cleared."""
    if _IDIOM_ENDS.isdisjoint(words) and _SET_PHRASE_HEADS.isdisjoint(words) and _DEGREE.isdisjoint(words):
        return valences
    valences = list(valences)
    for i in range(1, len(words)):
        if valences[i] and (words[i - 1], words[i]) in _IDIOMS:
            valences[i] = None  # "speculating, at best": a set phrase, not praise
    n = len(words)
    for i in range(n):
        if words[i] in _SET_PHRASE_HEADS:
            for size in (2, 3, 4):
                if tuple(words[i:i + size]) in _SET_PHRASES:
                    valences[i:i + size] = [None] * size  # "with respect to": no respect
                    break
        if words[i] in _DEGREE and i + 1 < n and valences[i] and valences[i + 1] \
                and (valences[i] > 0) != (valences[i + 1] > 0):
            valences[i] = None  # "strong opposition": strength of the opposition, no praise
    return tuple(valences)


_CONTRASTS = {("rather", "than"), ("instead", "of"), ("versus",), ("vs",), ("vs.",), ("unlike",),
              ("on", "the", "other"), ("on", "the", "one", "hand")}
_CONTRAST_HEADS = frozenset(c[0] for c in _CONTRASTS)


def _tokens(text: str, lo: int, hi: int) -> tuple[list[str], list[int], list[int]]:
    """The tokens of ``text[lo:hi]`` with their start and end offsets (three lists: no tuple per token)."""
    found = list(_TOKEN.finditer(text, lo, hi))
    return list(map(re.Match.group, found)), list(map(re.Match.start, found)), list(map(re.Match.end, found))


_WORD, _STRONG, _CLAUSE, _QUOTE, _COMMA = range(5)

_RAW_KINDS = {**{c: _STRONG for c in _STRONG_BREAKS}, **{c: _QUOTE for c in _QUOTES}, ",": _COMMA}

_TOKEN_INFO: dict[str, tuple] = {}


def _token_info(raw: str) -> tuple:
    """What scoring needs to know of one token, whatever its context (cached by the raw token):
    ``(word, kind, valence, event, notable, alphabetic, capitalised)`` — the lower-cased word, the
    clause boundary it is (``_WORD`` for none), its word's :func:`_valence` and event entry, whether
    the walk in :func:`newslab.stance.polarity.score_target` must stop at it (a boundary, a sentiment
    or an event word), and whether it begins with a letter, a capital letter (for
    :func:`newslab.stance.polarity._title_case`)."""
    info = _TOKEN_INFO.get(raw)
    if info is None:
        word = raw.lower().replace("’", "'")
        # punctuation kinds by the raw token; a clause word is a word, so never one of those
        kind = _RAW_KINDS.get(raw) or (_CLAUSE if word in _CLAUSE_WORDS else _WORD)
        valence = _valence(word)
        event = _resources()["events"].get(word)
        first = raw[:1]
        alpha = first.isalpha()
        info = (word, kind, valence, event, bool(kind or valence or event is not None), alpha,
                alpha and first.isupper())
        if len(_TOKEN_INFO) < 200_000:
            _TOKEN_INFO[raw] = info
    return info
