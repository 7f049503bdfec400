"""Actors: the people, organisations, countries and collectives an article mentions.

Rules only, offline: capitalised word runs are split into title, affiliation and name;
a name is a *person* when a title or a known given name marks it (or it has two or more
plain words), an *organisation* when it holds an organisation word or is an acronym, a *country*
when it is a country name, capital or government metonym (ISO 3166 via ``pycountry`` plus
``data/places.tsv``: "Moscow", "Kyiv" and "White House" stand for their governments), and a
*collective* for "the West" and plural demonyms ("the Russians").

Mentions of one actor share an ``actor_id``: a surname alone ("Blinken") or a possessive
("Biden’s", even "Bidens’s") joins the full name; ``he``/``she`` go to the most recent person of
that gender (gender from titles such as "spokeswoman", honorifics, or common given names);
descriptions ("the spokeswoman", "The US leader") go to the most recent person whose titles and
affiliation fit. The canonical ``name`` is the fullest name the article uses ("Joe Biden").

>>> df = actors("Russian Foreign Minister Sergey Lavrov met Antony Blinken. Lavrov said he was calm.")
>>> df[["name", "mention"]].values.tolist()
[['Sergey Lavrov', 'Sergey Lavrov'], ['Antony Blinken', 'Antony Blinken'], ['Sergey Lavrov', 'Lavrov'], ['Sergey Lavrov', 'he']]

See Also: :func:`newslab.attributions`, which names each attribution's speaker with these ids.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

import pandas as pd

from newslab.attribution import resources as res
from newslab.tables import frame

MENTIONS_SCHEMA = {
    "actor_id": "int64", "name": "string", "kind": "string", "gender": "string",
    "start": "int64", "end": "int64", "mention": "string", "mention_kind": "string",
}
ACTORS_SCHEMA = {
    "actor_id": "int64", "name": "string", "kind": "string", "gender": "string",
    "mentions": "int64", "first_start": "int64", "titles": "string", "affiliation": "string",
}

_CONNECT = frozenset({"of", "for", "the", "de", "von", "van", "al", "bin", "on"})
_PRONOUNS = frozenset({"he", "she", "him", "his", "her"})
#: Words looked past, like capitalised ones, when collecting the titles before a name ("press secretary Jen Psaki").
_BEFORE_TITLE = frozenset({"foreign", "press", "former", "top", "senior", "white"})
#: Words that may stand between titles and a name ("Secretary of State", "White House press secretary").
_TITLE_WORDS = frozenset({"of", "state", "foreign", "defense", "defence", "homeland", "security", "press", "vice",
                          "prime", "house", "white", "national", "general", "former", "deputy"})
_POSSESSIVE = ("’s", "'s", "’", "'")
#: Capital letters. A word (:data:`~newslab.attribution.resources.WORD`) starts with an ASCII letter or digit or is one punctuation
#: mark, which is never a letter, so ``w[0] in _CAPITALS`` is ``w[0].isupper() and w[0].isalpha()``.
_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_SENTENCE_ENDS = frozenset(".!?")
_OPENERS = frozenset("“\"‘'(")


def _case_forms(word: str) -> list[str]:
    """Every spelling of lower-case ``word`` that keeps its first letter small ("he", "hE")."""
    forms = [word[0]]
    for c in word[1:]:
        forms = [f + x for f in forms for x in (c, c.upper())]
    return forms


#: Words outside capitalised runs that the scan looks at, pronouns and "the", in every spelling whose
#: ``lower()`` is one of them (only "İ" and the Kelvin sign lower-case to ASCII, and neither to these letters).
_LOWER_CUES = {form: low for low in (*_PRONOUNS, "the") for form in _case_forms(low)}

#: Capitalised nouns that make a word run a thing or event rather than a person.
_NOT_PERSON = frozenset("""war street avenue road day act bill center centre hall square bridge airport station
river lake mountain island islands europe asia africa america middle east west north south eastern western northern
southern central region province state states county city district valley coast border sea ocean gulf strait
tower building hotel stadium church mosque temple museum park award prize cup league series summit conference
festival games olympics plan program programme project policy doctrine treaty accord agreement deal law code
constitution amendment report debate election elections primary primaries convention poll polls survey index
monday tuesday wednesday thursday friday saturday sunday christmas easter day night morning
""".split())


@dataclass
class Actor:
    id: int
    kind: str
    key: str
    names: list[str] = field(default_factory=list)
    gender: str = ""
    titles: set[str] = field(default_factory=set)
    affiliation: set[str] = field(default_factory=set)

    @property
    def name(self) -> str:
        # index() settles the name once the article is read (the rows of every table ask for it)
        settled = self.__dict__.get("_settled_name")
        return settled if settled is not None else self._fullest_name()

    def _fullest_name(self) -> str:
        if self.kind == "country":
            return res.country_names().get(self.key, self.names[0])
        # the fullest name: most words, then longest, then first seen
        if len(self.names) == 1:
            return self.names[0]
        return max(self.names, key=lambda n: (len(n.split()), len(n), -self.names.index(n)))


@dataclass
class Mention:
    start: int
    end: int
    actor: int
    kind: str  # name | pronoun | description


@dataclass
class ActorIndex:
    """Actors and their mentions in one text, in text order; used by attribution."""

    text: str
    actors: list[Actor]
    mentions: list[Mention]
    #: the text's words as (start, end, word), shared with attribution so the text is tokenised once
    words: list[tuple[int, int, str]] = field(default_factory=list, repr=False)

    def actor_at(self, start: int, end: int) -> Actor | None:
        """The actor of the last mention inside [start, end) — the head of a source phrase."""
        best = None
        for m in self.mentions:
            if m.start >= end:
                break
            if m.end > start and m.start >= start - 1:
                best = m
        return self.actors[best.actor] if best else None

    def last_before(self, pos: int, *, person: bool = False) -> Actor | None:
        for m in reversed(self.mentions):
            if m.end <= pos and (not person or self.actors[m.actor].kind == "person"):
                return self.actors[m.actor]
        return None


def _strip_possessive(word: str) -> str:
    """``word`` without a final possessive mark (:data:`_POSSESSIVE`) that leaves two or more characters."""
    last = word[-1:]
    if last == "s":
        return word[:-2] if len(word) > 3 and word[-2] in "’'" else word
    if last == "’" or last == "'":
        return word[:-1] if len(word) > 2 else word
    return word


@lru_cache(maxsize=8)
def index(text: str) -> ActorIndex:
    """Find actors and mentions (see the module docstring for the rules).

    The result is cached per text (actors, attributions, stance and the timeline of one article
    all need it) and shared: treat it as read-only.
    """
    titles, places, pron = res.titles(), res.places(), res.pronouns()
    first = res.first_names()
    words = [(m.start(), m.end(), m[0]) for m in res.WORD.finditer(text)]
    actors: list[Actor] = []
    by_key: dict[tuple[str, str], int] = {}
    surname: dict[str, int] = {}
    mentions: list[Mention] = []

    def new_actor(kind: str, key: str, name: str) -> Actor:
        idx = by_key.get((kind, key))
        if idx is None:
            idx = len(actors)
            actors.append(Actor(idx, kind, key))
            by_key[(kind, key)] = idx
        a = actors[idx]
        if name not in a.names:
            a.names.append(name)
        return a

    n = len(words)
    i = 0  # the first word not read yet
    sentence_start = True  # whether word i starts a sentence
    # only capitalised words, pronouns and "the" can start a mention; the words between them
    # matter only for whether a sentence starts
    for k in [k for k, (_, _, w) in enumerate(words) if w[0] in _CAPITALS or w in _LOWER_CUES]:
        if k < i:
            continue  # read with a run or a description
        if k > i:
            # a sentence starts after ".", "!" or "?" and any opening quotes or brackets
            b = k - 1
            while b >= i and words[b][2] in _OPENERS:
                b -= 1
            if b >= i:
                sentence_start = words[b][2] in _SENTENCE_ENDS
        s, e, w = words[k]
        i = k + 1
        if w[0] not in _CAPITALS:
            low = _LOWER_CUES[w]
            if low != "the":
                if not sentence_start:
                    mentions.append(Mention(s, e, -1, "pronoun:" + pron[low]))
            elif i < n:
                j = _description(words, k, titles, places)
                if j:
                    mentions.append(Mention(s, words[j - 1][1], -1, "description"))
                    i = j
            sentence_start = False
            continue
        # a run of capitalised words (with connecting lower-case words between capitals)
        j = k + 1
        while j < n:
            wj = words[j][2]
            if wj[0] in _CAPITALS:
                j += 1
            elif wj in _CONNECT and j + 1 < n and words[j + 1][2][:1].isupper():
                j += 1
            else:
                break
        sentence_start = False
        low0 = w.lower()
        if j == k + 1 and low0 in ("he", "she"):
            mentions.append(Mention(s, e, -1, "pronoun:" + pron[low0]))
            continue
        if low0 == "the" and j - k <= 3:
            end = _description(words, k, titles, places)
            if end:
                mentions.append(Mention(s, words[end - 1][1], -1, "description"))
                i = end
                continue
        _classify(words[k:j], words, k, actors, new_actor, surname, mentions, titles, places, first)
        i = j
    _resolve(actors, mentions, titles, places, text)
    mentions = [m for m in mentions if m.actor >= 0]
    for a in actors:
        a.__dict__["_settled_name"] = a._fullest_name()
    return ActorIndex(text, actors, mentions, words)


def _description(words, i, titles, places) -> int:
    """End word index of "the [place/adjective] ROLE" (e.g. "The US leader"), or 0."""
    j = i + 1
    seen_place = False
    while j < len(words) and j <= i + 3:
        w = words[j][2]
        if w in places or _strip_possessive(w) in places:
            seen_place = True
            j += 1
            continue
        low = w.lower()
        if low in titles and titles[low][1] in ("leader", "role"):
            if j + 1 < len(words) and words[j + 1][2][:1].isupper():
                return 0  # "the president Joe Biden": a title, the name follows
            if low in ("leader", "official", "candidate", "nominee") or seen_place or titles[low][0] != "-" or j == i + 1:
                return j + 1
            return j + 1
        if w[:1].isupper() or low in ("former", "new", "top", "senior", "chief", "vice", "prime", "foreign", "defense",
                                      "defence", "press", "republican", "democratic"):
            j += 1
            continue
        return 0
    return 0


class _Run(NamedTuple):
    """What a capitalised run says on its own, before the article's context (:func:`_read_run`)."""

    first: int  # the run's first and one-past-last kept words (function words and trailing connectors dropped)
    stop: int
    name_at: int  # the first word of the name (after leading titles and affiliations)
    the_first: bool  # the run began with "The"
    whole: str  # the kept words without possessive marks
    place: tuple[str, str] | None  # the whole run is a place (country, capital, metonym, plural demonym)
    is_org: bool
    titles: frozenset[str]  # titles in the run before the name ("Secretary of State Antony Blinken")
    affiliation: frozenset[str]  # country codes of places in the run before the name ("Russian")
    name_has_org_word: bool
    name: tuple[str, ...]  # the name's words, or () when they cannot name a person or country
    country: tuple[str, str] | None  # a one-word name that is a country: (code, name)


@lru_cache(maxsize=4096)
def _read_run(raw: tuple[str, ...]) -> _Run | None:
    """The context-free part of :func:`_classify` for a run of words, cached: runs repeat ("The", "Mr. Trump")."""
    titles, places, orgw = res.titles(), res.places(), res.organisation_words()
    lows = [w.lower() for w in raw]
    # drop sentence-initial function words ("The", "In", "After") and trailing connecting words
    k, m = 0, len(raw)
    while k < m and lows[k] in res.NOT_NAMES and lows[k] not in titles:
        k += 1
    while m > k and lows[m - 1] in _CONNECT:
        m -= 1
    if k == m:
        return None
    the_first = lows[0] == "the"
    raw = raw[k:m]
    lows = [low.rstrip(".") for low in lows[k:m]]
    bare = [_strip_possessive(w) for w in raw]
    whole = " ".join(bare)
    # a place, possibly multi-word ("White House", "United States", "Moscow")
    place = places.get(whole)
    if place is not None and place[1] == "demonym" and not whole.endswith("s"):
        place = None
    is_org = not orgw.isdisjoint(lows) or (len(raw) == 1 and raw[0].isupper() and len(raw[0]) > 1
                                             and raw[0] not in places)
    # split leading titles and affiliations from the name
    t = 0
    found_titles, aff = set(), set()
    while t < len(raw) - 1:
        w, low = raw[t], lows[t]
        if low in titles or low in _TITLE_WORDS:
            if low in titles:
                found_titles.add(low)
            t += 1
        elif w in places or bare[t] in places:
            aff.add(places.get(w, places.get(bare[t], ("", "")))[0])
            t += 1
        else:
            break
    name_words, name_lows = bare[t:], lows[t:]
    name, country = tuple(name_words), None
    if not name_words or name_lows[-1] in titles:
        name = ()
    elif len(name_words) == 1 and (name_words[0] in places or name_words[0].lower() in _NOT_PERSON):
        if name_words[0] in places and places[name_words[0]][1] != "demonym":
            country = (places[name_words[0]][0], name_words[0])
        name = ()
    elif (any(w.lower() in _NOT_PERSON or w.isupper() or not w.isalpha() and "-" not in w and "." not in w
              for w in name_words)
          or name_words[-1].lower() in res.NOT_NAMES or name_words[-1].lower() in res.cue_forms()):
        name = ()
    return _Run(k, m, k + t, the_first, whole, place, is_org, frozenset(found_titles), frozenset(aff),
                not orgw.isdisjoint(name_lows), name, country)


def _classify(run, words, i, actors, new_actor, surname, mentions, titles, places, first) -> None:
    r = _read_run(tuple([w for _, _, w in run]))
    if r is None:
        return
    start, end = run[r.first][0], run[r.stop - 1][1]
    if r.place is not None:
        a = new_actor("country", r.place[0], r.whole)
        mentions.append(Mention(start, end, a.id, "name"))
        return
    if r.whole == "West" and ((r.first and r.the_first) or (i > 0 and words[i - 1][2].lower() == "the")):
        a = new_actor("collective", "the West", "the West")
        mentions.append(Mention(start, end, a.id, "name"))
        return
    # preceding lower-case titles and places ("spokeswoman Maria Zakharova", "the Russian spokeswoman")
    found_titles, aff = r.titles, r.affiliation
    for b in range(i - 1, max(-1, i - 5), -1):
        w = words[b][2]
        low = w.lower()
        if low in titles:
            found_titles = found_titles | {low}
        elif w in places:
            aff = aff | {places[w][0]}
        elif w[:1].isupper() or low in _BEFORE_TITLE:
            continue
        else:
            break
    if r.is_org and not (found_titles and not r.name_has_org_word):
        a = new_actor("organisation", r.whole.lower(), r.whole)
        mentions.append(Mention(start, end, a.id, "name"))
        return
    if r.country is not None:
        a = new_actor("country", *r.country)
        mentions.append(Mention(run[r.name_at][0], end, a.id, "name"))
        return
    if not r.name:
        return
    name_words = r.name
    last = name_words[-1]
    if len(name_words) == 1 and last not in surname and last.endswith("s") and last[:-1] in surname:
        last = last[:-1]  # "Bidens’s"
        name_words = (last,)
    is_person = bool(found_titles) or name_words[0] in first or len(name_words) >= 2 or last in surname
    if not is_person:
        return
    name = " ".join(name_words)
    if last in surname:
        a = actors[surname[last]]
        if name not in a.names:
            a.names.append(name)
    else:
        a = new_actor("person", name, name)
        surname[last] = a.id
    a.titles |= found_titles
    if found_titles:
        a.affiliation |= {c for c in aff if c}
    if not a.gender:
        # titles that disagree on gender ("first lady ... president") give no cue; iterating the set
        # and letting the last one win made the result depend on the hash seed
        cues = {titles[tt][0] for tt in found_titles if titles[tt][0] in "mf"}
        gender = cues.pop() if len(cues) == 1 else ""
        if not gender and len(name_words) > 1:
            gender = first.get(name_words[0], "")
        a.gender = gender
    mentions.append(Mention(run[r.name_at][0], end, a.id, "name"))


def _resolve(actors, mentions, titles, places, text) -> None:
    """Link pronouns and descriptions to the actor they refer to (most recent compatible)."""
    for n, m in enumerate(mentions):
        if m.actor >= 0:
            continue
        if m.kind.startswith("pronoun:"):
            gender = m.kind.split(":")[1]
            fallback = -1
            for p in range(n - 1, max(-1, n - 40), -1):
                prev = mentions[p]
                if prev.actor < 0 or m.start - prev.end > 1500:
                    continue
                a = actors[prev.actor]
                if a.kind != "person":
                    continue
                if a.gender == gender:
                    m.actor = a.id
                    break
                if not a.gender and fallback < 0:
                    fallback = a.id
            else:
                m.actor = fallback
            if m.actor < 0:
                m.actor = fallback
            m.kind = "pronoun"
        elif m.kind == "description":
            words = [w for w in text[m.start:m.end].replace("’s", "").split()]
            role = words[-1].lower()
            codes = {places[w][0] for w in words if w in places}
            for p in range(n - 1, -1, -1):
                prev = mentions[p]
                if prev.actor < 0:
                    continue
                a = actors[prev.actor]
                if a.kind != "person":
                    continue
                fits_role = role in a.titles or (role == "leader" and any(titles[t][1] == "leader" for t in a.titles))
                if role in ("spokeswoman", "spokesman") and not fits_role:
                    fits_role = "spokesperson" in a.titles
                if fits_role and (not codes or codes & a.affiliation):
                    m.actor = a.id
                    break


def actors(text: str) -> pd.DataFrame:
    """One row per actor mention (names, pronouns, descriptions), in text order (``MENTIONS_SCHEMA``)."""
    return frame(mention_rows(text), MENTIONS_SCHEMA)


def mention_rows(text: str) -> list[tuple]:
    """The rows of :func:`actors` (tuples in ``MENTIONS_SCHEMA`` order), without the table."""
    idx = index(text)
    people = idx.actors
    return [(m.actor, people[m.actor].name, people[m.actor].kind, people[m.actor].gender,
             m.start, m.end, text[m.start:m.end], m.kind) for m in idx.mentions]


def actor_table(text: str) -> pd.DataFrame:
    """One row per actor: canonical name, kind, gender cue, mention count, titles, affiliation."""
    idx = index(text)
    counts: dict[int, int] = {}
    first_at: dict[int, int] = {}
    for m in idx.mentions:
        counts[m.actor] = counts.get(m.actor, 0) + 1
        first_at.setdefault(m.actor, m.start)
    rows = [(a.id, a.name, a.kind, a.gender, counts[a.id], first_at[a.id], ", ".join(sorted(a.titles)),
             ", ".join(sorted(a.affiliation))) for a in idx.actors if a.id in counts]
    rows.sort(key=lambda r: r[5])
    return frame(rows, ACTORS_SCHEMA)
