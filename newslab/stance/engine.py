"""Stance of speakers toward targets in one article.

For every target mention — an actor from :func:`newslab.actors` or an issue term (sanctions,
diplomacy, NATO membership, ... see ``data/issues.tsv``) — :func:`stance` finds who speaks about
it: the speaker of the innermost attribution (:func:`newslab.attributions`) whose content holds
the mention, otherwise the outlet's own narrative voice (:data:`NARRATOR`). The polarity toward the
target is scored by :func:`newslab.stance.polarity.score_target` inside that speaker's words only
(the attribution's content, or the sentence for the narrator), so "Blinken said ... a swift and
tough response if Russia commits aggression" is Blinken's stance, negative toward Russia.

Columns (``STANCE_SCHEMA``): ``speaker, target, polarity, score, start, end, attribution_id`` and the
evidence — ``target_kind`` (actor/issue), ``mention``, ``mention_start``, ``mention_end``,
``sentence_id``, ``cues`` (the scored words with their signed contributions), ``evidence`` (the
text of ``start:end``). ``start``/``end`` locate the evidence: the scored clause. A clause longer
than :data:`EVIDENCE_CHARS` characters (none among 43,000 rows of real news; the longest was 1,219)
is shown as that many characters around the mention, with "…" where it was cut, so that a
sentence of thousands of names makes a table that grows linearly, not with the square of its length.

>>> df = stance("John Smith suffered a humiliating defeat in Ohio.", issues={})
>>> df[["speaker", "polarity"]].values.tolist()
[['(narrator)', 'negative']]

See Also: :func:`newslab.stance.network.stance_matrix`, :func:`newslab.stance.network.discourse_network`.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from functools import lru_cache
from itertools import accumulate
from operator import itemgetter

import pandas as pd

from newslab.stance.polarity import DEFAULT, Params, _lines, prepare, score_target
from newslab.tables import frame
from newslab.text import sentence_spans

#: The speaker value of the outlet's own narrative voice.
NARRATOR = "(narrator)"
#: The speaker value of an attribution whose source names no known actor.
UNKNOWN = "(unknown source)"
#: The longest ``evidence`` text of a row; a longer clause is cut around the mention.
EVIDENCE_CHARS = 2000

STANCE_SCHEMA = {
    "speaker": "string",
    "target": "string",
    "polarity": "string",
    "score": "float64",
    "start": "int64",
    "end": "int64",
    "attribution_id": "Int64",
    "target_kind": "string",
    "mention": "string",
    "mention_start": "int64",
    "mention_end": "int64",
    "sentence_id": "int64",
    "cues": "string",
    "evidence": "string",
}


@lru_cache(maxsize=1)
def default_issues() -> dict[str, tuple[str, ...]]:
    """The bundled issue terms: canonical issue -> surface forms."""
    out: dict[str, tuple[str, ...]] = {}
    for line in _lines("issues.tsv"):
        issue, forms = line.split("\t")[:2]
        out[issue] = tuple(f.strip() for f in forms.split("|") if f.strip())
    return out


def _issue_pattern(issues: Mapping[str, object]) -> tuple[re.Pattern | None, dict[str, str]]:
    """The search pattern of the issue forms, and the issue of each form keyed by its case-folded
    spelling: the case-insensitive search also matches spellings that only case-fold to a form
    ("ſanctions", with a long s, is "sanctions")."""
    forms: dict[str, str] = {}
    for issue, surface in issues.items():
        if isinstance(surface, str):
            surface = [surface]
        for form in list(surface) or [issue]:
            forms.setdefault(form.lower(), issue)
    folded: dict[str, str] = {}
    for form, issue in forms.items():
        folded.setdefault(form.casefold(), issue)
    if not forms:
        return None, folded
    alternatives = sorted(forms, key=lambda f: (-len(f), f))  # longest first
    return re.compile(rf"(?<!\w)(?:{_alternation(alternatives)})(?!\w)", re.IGNORECASE), folded


def _alternation(forms: list[str]) -> str:
    """``form1|form2|…`` (spaces match any white space), preferred in the given order.

    When every form starts with an ASCII letter or digit the forms are grouped by that first
    character (``s(?:anctions|…)|n(?:ato|…)``, each group in the given order): no text character
    matches two of these first characters, even ignoring case, so the matches are the same, and
    the regex engine rules out a whole group with one comparison.
    """
    def escape(form: str) -> str:
        return re.escape(form).replace(r"\ ", r"\s+")

    if not all(f[:1].isascii() and f[:1].isalnum() for f in forms):
        return "|".join(escape(f) for f in forms)
    groups: dict[str, list[str]] = {}
    for form in forms:
        groups.setdefault(form[0], []).append(form[1:])
    return "|".join(f"{first}(?:{'|'.join(escape(rest) for rest in rests)})" for first, rests in groups.items())


@lru_cache(maxsize=1)
def _default_pattern() -> tuple[re.Pattern | None, dict[str, str]]:
    return _issue_pattern(default_issues())


def _lowered(text: str) -> str | None:
    """``text.lower()`` when a case-insensitive pattern written in lower-case ASCII matches ``text``
    exactly where the same pattern, case-sensitive, matches the lowered text (the faster search):
    when every character lowers to one character ("İ" does not) and none matches an ASCII letter
    only case-insensitively (the dotless "ı" and the long "ſ"; checked over all of Unicode). Else None."""
    lowered = text.lower()
    if len(lowered) != len(text) or "ı" in text or "ſ" in text:
        return None
    return lowered


@lru_cache(maxsize=16)
def _case_sensitive(pattern: re.Pattern) -> re.Pattern | None:
    """``pattern`` without IGNORECASE, for lowered text (see :func:`_lowered`); None unless the
    pattern is ASCII (the issue forms and the reaction words are lower-cased)."""
    if not pattern.pattern.isascii() or not pattern.flags & re.IGNORECASE:
        return None
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


def _finditer(pattern: re.Pattern, text: str, lowered: str | None):
    """``pattern.finditer(text)`` for a case-insensitive ``pattern``, on ``lowered`` text when that is the same."""
    plain = _case_sensitive(pattern) if lowered is not None else None
    return pattern.finditer(text) if plain is None else plain.finditer(lowered)


def normalize_issues(issues: Mapping[str, object] | list | tuple | str | None) -> dict[str, tuple[str, ...]]:
    """Issue terms from a mapping (issue -> forms), a list of terms or a comma-separated string."""
    if issues is None:
        return default_issues()
    if isinstance(issues, str):
        issues = [t.strip() for t in issues.split(",") if t.strip()]
    if isinstance(issues, (list, tuple)):
        return {t: (t,) for t in issues}
    return {k: tuple([v] if isinstance(v, str) else v) for k, v in issues.items()}


@lru_cache(maxsize=1)
def _reaction_lexicon() -> dict[str, float]:
    out = {}
    for line in _lines("reactions.tsv"):
        word, value = line.split("\t")[:2]
        out[word] = float(value)
    return out


# the verbs grouped by first letter (drew|draws|…|prompted|prompts|provoked|…): the same matches,
# and the engine rules a group out with one comparison (the whole text is searched per article)
_REACTION = re.compile(
    r"\b(?:d(?:rew|raws|rawn|rawing)|p(?:rompted|rompts|rovoked|rovokes)|s(?:parked|parks)"
    r"|t(?:riggered|riggers)|e(?:arned|arns)|m(?:et\s+with|eets\s+with))\s+(?:(?:a|an|the)\s+)?((?:[\w-]+,?\s+){0,3}?)"
    r"(response|responses|reaction|reactions|reply|criticism|rebukes?|backlash|condemnation|outrage|anger"
    r"|protests?|scorn|ridicule|derision|praise|applause|support|welcome|plaudits)\s+(?:from|by|among)\s+",
    re.IGNORECASE,
)


def _reactions(text, mentions, lo, hi):
    """Rows ``(reactor, target, score, target mention, cue span)`` for "X's ... drew a sharp response from Y"."""
    lexicon = _reaction_lexicon()
    out = []
    for m in _REACTION.finditer(text, lo, hi):
        after = [mm for mm in mentions if m.end() <= mm[0] < min(hi, m.end() + 80)]
        before = [mm for mm in mentions if lo <= mm[0] and mm[1] <= m.start()]
        if not after or not before:
            continue
        words = re.findall(r"[\w-]+", m.group(1).lower()) + [m.group(2).lower()]
        score = sum(lexicon.get(w, 0.0) for w in words)
        if score:
            out.append((after[0][2], before[-1], score, m.start(), m.end()))
    return out


def _actor_mentions(text: str):
    """Actor mentions ``(start, end, name, kind)`` and attribution rows."""
    from newslab.attribution.actors import index
    from newslab.attribution.quotes import SCHEMA, attribution_rows

    idx = index(text)
    mentions = [(m.start, m.end, idx.actors[m.actor].name, "actor") for m in idx.mentions
                if not (idx.actors[m.actor].kind == "country" and _is_location(text, m.start, m.end))]
    # the cached rows the table is built from (the table would only be taken apart again)
    cols = list(SCHEMA)
    pick = itemgetter(*[cols.index(c) for c in ("attribution_id", "speaker", "cue_class", "source_start",
                                                "source_end", "content_start", "content_end")])
    return mentions, list(map(pick, attribution_rows(text)))


def _int_offsets(atts: list[tuple]) -> list[tuple]:
    """Attribution rows with their id and offsets as ``int`` (a missing source stays missing)."""
    return [(_int(a[0]), a[1], a[2], None if _missing(a[3]) else _int(a[3]), None if _missing(a[3]) else _int(a[4]),
             _int(a[5]), _int(a[6])) for a in atts]


def _int(value) -> int:
    return value if type(value) is int else int(value)


def _missing(value) -> bool:
    return type(value) is not int and bool(pd.isna(value))


_LOCATION_BEFORE = re.compile(
    r"\b(?:in|into|across|along|near|inside|within|throughout|around|border\s+with|borders\s+of)\s+(?:the\s+)?$",
    re.IGNORECASE)
_LOCATION_AFTER = re.compile(
    r"^['’]s\s+(?:\w+\s+)?(?:border|borders|flank|region|territory|capital|soil|airspace|coast)\b", re.IGNORECASE)


def _is_location(text: str, start: int, end: int) -> bool:
    """A country named as a place ("troops in Ukraine", "Ukraine's eastern flank"), not as an actor."""
    return bool(_LOCATION_BEFORE.search(text, max(0, start - 20), start)
                or _LOCATION_AFTER.match(text[end:end + 40]))


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    return [(s, e) for s, e, _ in sentence_spans(text)]


def stance(text: str, *, issues: Mapping[str, object] | list | str | None = None,
           include_neutral: bool = True, params: Params = DEFAULT) -> pd.DataFrame:
    """Speaker × target polarity rows for ``text`` (see the module docstring for the columns).

    ``issues``: issue terms to track besides the actors — a mapping issue -> surface forms, a
    list of terms, a comma-separated string, ``{}`` for none; default the bundled list.
    ``include_neutral=False`` keeps only negative and positive rows.
    """
    if not isinstance(text, str):
        raise TypeError(f"stance() expects the article text as str, got {type(text).__name__}")
    return frame(stance_rows(text, issues=issues, include_neutral=include_neutral, params=params), STANCE_SCHEMA)


def stance_rows(text: str, *, issues: Mapping[str, object] | list | str | None = None,
                include_neutral: bool = True, params: Params = DEFAULT) -> list[tuple]:
    """The rows of :func:`stance` (tuples in :data:`STANCE_SCHEMA` order), without the table."""
    mentions, atts = _actor_mentions(text)
    atts = sorted(_int_offsets(atts), key=itemgetter(5))  # by content start, the order targets come in
    pattern, forms = _default_pattern() if issues is None else _issue_pattern(normalize_issues(issues))
    lowered = _lowered(text)
    targets = list(mentions)
    if pattern is not None:
        taken = sorted((s, e) for s, e, _, _ in mentions)
        taken_starts = [s for s, _ in taken]
        reach = list(accumulate((e for _, e in taken), max))  # furthest end among the first k mentions
        for m in _finditer(pattern, text, lowered):
            k = bisect_left(taken_starts, m.end())  # mentions starting before the match ends
            if not (k and reach[k - 1] > m.start()):
                issue = forms.get(re.sub(r"\s+", " ", text[m.start():m.end()].casefold()))
                if issue is not None:  # None only for a dotless or dotted i ("ı", "İ") the search allows
                    targets.append((m.start(), m.end(), issue, "issue"))
    targets.sort()
    sentences = _sentence_spans(text)
    sources = {}  # source start -> the furthest source end from there
    for a in atts:
        if a[3] is not None:
            sources[a[3]] = max(sources.get(a[3], a[4]), a[4])
    source_starts = sorted(sources)

    rows = []
    si = 0
    contexts: dict[tuple[int, int], object] = {}
    open_atts, ai = [], 0  # the attributions begun before the target and not over (targets come in order)
    for start, end, name, kind in targets:
        while si + 1 < len(sentences) and sentences[si][1] <= start:
            si += 1
        while ai < len(atts) and atts[ai][5] <= start:
            open_atts.append(atts[ai])
            ai += 1
        if open_atts:
            open_atts = [a for a in open_atts if a[6] > start]
        s_start, s_end = sentences[si] if sentences else (0, len(text))
        if kind == "actor" and _inside_source(source_starts, sources, start, end):
            continue  # the mention is the source of an attribution: a speaker, not a target
        att = _attribution_for(open_atts, start, end) if open_atts else None
        if att is None:
            speaker, att_id = NARRATOR, pd.NA
            lo, hi = s_start, s_end
        else:
            att_id, who = att[0], att[1]
            speaker = who if isinstance(who, str) and who else UNKNOWN
            lo, hi = att[5], att[6]
        if speaker == name:
            continue  # self-reference inside one's own words
        span = (min(lo, start), max(hi, end))
        if span not in contexts:
            contexts[span] = prepare(text, *span)
        result = score_target(text, start, end, params=params, prepared=contexts[span])
        if not include_neutral and result.label == "neutral":
            continue
        cues = "; ".join([f"{e.word} {e.value:+.2f}" for e in result.evidence])
        rows.append((speaker, name, result.label, result.score, lo, hi, att_id, kind,
                     text[start:end], start, end, si, cues, _evidence(text, lo, hi, start, end)))
    # reactions: "X's comment drew a sharp response from Y" (none in most texts: one search tells)
    for s_id, (lo, hi) in enumerate(sentences if next(_finditer(_REACTION, text, lowered), None) else ()):
        for reactor, (start, end, name, _), value, c0, c1 in _reactions(text, mentions, lo, hi):
            if reactor == name:
                continue
            label = "negative" if value < 0 else "positive"
            if include_neutral or label != "neutral":
                rows.append((reactor, name, label, float(value), lo, hi, pd.NA, "actor", text[start:end],
                             start, end, s_id, f"reaction: {text[c0:c1].strip()}",
                             _evidence(text, lo, hi, start, end)))
    rows.sort(key=itemgetter(4, 9, 1))
    return rows


def _evidence(text: str, lo: int, hi: int, start: int, end: int) -> str:
    """The evidence text of clause ``lo:hi`` for the mention ``start:end``: the clause itself, or
    :data:`EVIDENCE_CHARS` characters around the mention."""
    if hi - lo <= EVIDENCE_CHARS:
        return text[lo:hi]
    a = max(lo, min(start - (EVIDENCE_CHARS - (end - start)) // 2, hi - EVIDENCE_CHARS))
    b = min(hi, max(a + EVIDENCE_CHARS, end))
    return ("…" if a > lo else "") + text[a:b] + ("…" if b < hi else "")


def _inside_source(starts: list[int], sources: dict[int, int], start: int, end: int) -> bool:
    """Does a source (``sources``: start -> furthest end; ``starts`` sorted) hold ``start:end``?"""
    k = bisect_right(starts, start)
    while k > 0:
        k -= 1
        if end <= sources[starts[k]]:
            return True
        if start - starts[k] > 400:  # sources are short phrases
            return False
    return False


def _attribution_for(atts, start: int, end: int):
    """The innermost attribution holding ``start:end``: speech with a known speaker first.

    ``atts`` are rows as :func:`_int_offsets` gives them."""
    holding = [a for a in atts if a[5] <= start and end <= a[6]]
    if not holding:
        return None
    if len(holding) == 1:
        return holding[0]
    return min(holding, key=_rank)


def _rank(a) -> tuple:
    known = isinstance(a[1], str) and bool(a[1])
    return (not known, a[2] not in ("speech", "quote"), a[6] - a[5], a[0])
