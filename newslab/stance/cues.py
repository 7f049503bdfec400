"""Phrases aimed at the target: stance cues, side-taking prefixes, demands and conditional threats.

A support or opposition phrase right before the target (:func:`_target_cue`,
``data/target_cues.tsv``), a hyphenated prefix ("anti-X", "pro-X": ``_PREFIX_CUES``), a demand that
the target go (:func:`_demand`, ``data/demands.tsv``) and a threat whose condition names the target
(:func:`_threat`, ``data/conditionals.txt``, ``data/threat_cues.txt``). The praise and critical frames
(``data/praise_frames.txt``, ``data/critical_frames.txt``) are compiled with the lexicon's resources
and matched after the target by :func:`newslab.stance.polarity.score_target`.
"""
from __future__ import annotations

from newslab.stance.lexicon import NEGATION
from newslab.stance.roles import _governor, _is_genitive


# a prefix joined to the target by a hyphen takes a side on it ("an anti-X rally", "pro-X groups"); VADER's scale
_PREFIX_CUES = {"anti-": -1.2, "anti–": -1.2, "pro-": 1.0}

_CUE_GAP = frozenset({"the", "a", "an", "his", "her", "its", "their", "path", "of", "any", "further"})


def _target_cue(words, t0, res) -> tuple[int, int, float] | None:
    """A support/opposition phrase ending just before the target: ``(first, last, valence)``."""
    cues = res["target_cues"]
    end = t0 - 1
    for _ in range(4):
        if end < 0:
            return None
        for size in (3, 2, 1) if words[end] in res["target_cue_ends"] else ():
            k0 = end - size + 1
            if k0 >= 0:
                value = cues.get(tuple(words[k0:end + 1]))
                if value is not None:
                    if value < 0 and any(w in res["harm"] for w in words[max(0, k0 - 3):k0]):
                        return None  # "aggression against X": harm, not opposition
                    if k0 > 0 and words[k0 - 1] in res["negators"]:
                        return k0 - 1, end, value * NEGATION  # "not against X", "no support for X"
                    return k0, end, value
        if words[end] not in _CUE_GAP:
            return None
        end -= 1
    return None


_DEMAND_LINKS = frozenset({"to", "will", "would", "should", "must", "'d", "could", "immediately",
                           "for"})  # "asked X for his resignation"


def _demand(words, t0, t1, res) -> tuple[int, int] | None:
    """``(first, last)`` token of a demand that the target go ("called for [the] X to step down", "hopes X
    will resign", "wants X to quit"), else None: a demand phrase right before the target (past an
    article), a removal phrase after it (past "to", "will", "should", ... and at most one other word)."""
    k = _governor(words, t0)
    if k > 0 and words[k] == "that":
        k -= 1  # "hopes that X will resign"
    if k < 0 or words[k] not in res["demand_ends"]:
        return None  # no demand right before the target: the common case, ruled out at once
    first = None
    for size in (2, 1):
        if k - size + 1 >= 0 and tuple(words[k - size + 1:k + 1]) in res["demands"]:
            first = k - size + 1
            break
    if first is None:
        return None
    if _is_genitive(words, t1):
        return None  # "called for X's aides to ...": about someone else
    seen_link = False
    for j in range(t1 + 1, min(len(words), t1 + 5)):
        w = words[j]
        if w in _DEMAND_LINKS:
            seen_link = True
            continue
        if not seen_link and w not in ('"', "“", "”"):
            return None
        for size in (3, 2, 1):
            if tuple(words[j:j + size]) in res["removals"]:
                return first, j + size - 1
        if w not in ('"', "“", "”", "be", "just", "also"):
            return None
    return None


_SUBJECT_LEAD = frozenset({"the", "a", "an", "any", "its", "their"})


def _threat(raws, words, t0, t1, res) -> int | None:
    """Index of the threat cue when the target sits in the condition of a threat, else None."""
    if res["conditional_ends"].isdisjoint(words[max(0, t0 - 3):t0]):
        return None  # no "if", "unless", ... just before the target: the common case
    n = len(raws)
    cond = None
    for k in range(t0 - 1, max(-1, t0 - 4), -1):  # the target leads the condition: "if [the] Russia ..."
        if words[k] in res["conditional_ends"] and any(tuple(words[k - len(cue) + 1:k + 1]) == cue
                                                       for cue in res["conditionals"]):
            cond = k  # "if", "unless", "in case", "in the event of" ends at k
            break
        if words[k] not in _SUBJECT_LEAD and not raws[k][:1].isupper():
            break
    if cond is None:
        return None
    # condition ends at the next comma / clause break after the target; the threat cue is outside it
    end = t1 + 1
    while end < n and raws[end] not in {",", ";", ".", ":"} and words[end] not in {"then"}:
        end += 1
    for k in list(range(max(0, cond - 20), cond)) + list(range(end, min(n, end + 15))):
        if words[k] in res["threats"]:
            return k
    return None
