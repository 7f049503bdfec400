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

from functools import lru_cache

from dataclasses import dataclass, field

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
_POSSESSIVE = ("’s", "'s", "’", "'")


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
    first, orgw = res.first_names(), res.organisation_words()
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
    i = 0
    sentence_start = True
    while i < n:
        s, e, w = words[i]
        c = w[0]
        if not c.isupper() or not c.isalpha():
            low = w.lower()
            if low in _PRONOUNS and not sentence_start:
                mentions.append(Mention(s, e, -1, "pronoun:" + pron[low]))
            elif low == "the" and i + 1 < n:
                j = _description(words, i, titles, places)
                if j:
                    mentions.append(Mention(s, words[j - 1][1], -1, "description"))
                    i = j
                    sentence_start = False
                    continue
            sentence_start = w in ".!?" or (sentence_start and w in "“\"‘'(")
            i += 1
            continue
        # a run of capitalised words (with connecting lower-case words between capitals)
        j = i
        while j < n:
            wj = words[j][2]
            c = wj[0]
            if c.isupper() and c.isalpha():
                j += 1
            elif wj in _CONNECT and j + 1 < n and words[j + 1][2][:1].isupper() and j > i:
                j += 1
            else:
                break
        run = words[i:j]
        low0 = run[0][2].lower()
        if low0 in ("he", "she") and len(run) == 1:
            mentions.append(Mention(s, e, -1, "pronoun:" + pron[low0]))
            i, sentence_start = j, False
            continue
        if low0 == "the" and len(run) <= 3:
            k = _description(words, i, titles, places)
            if k:
                mentions.append(Mention(s, words[k - 1][1], -1, "description"))
                i, sentence_start = k, False
                continue
        _classify(run, words, i, actors, new_actor, surname, mentions, titles, places, first, orgw)
        sentence_start = False
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


def _classify(run, words, i, actors, new_actor, surname, mentions, titles, places, first, orgw) -> None:
    # drop sentence-initial function words ("The", "In", "After") and trailing possessive marks
    k = 0
    lows0_the = run[0][2].lower() == "the"
    not_names = res.NOT_NAMES
    while k < len(run) and run[k][2].lower() in not_names and run[k][2].lower() not in titles:
        k += 1
    run = run[k:]
    while run and run[-1][2].lower() in _CONNECT:
        run = run[:-1]
    if not run:
        return
    lows = [w.lower().rstrip(".") for _, _, w in run]
    raw = [w for _, _, w in run]
    whole = " ".join([_strip_possessive(w) for w in raw])
    # preceding lower-case titles and places ("spokeswoman Maria Zakharova", "the Russian spokeswoman")
    pre_titles, pre_aff = set(), set()
    for b in range(i - 1, max(-1, i - 5), -1):
        w = words[b][2]
        low = w.lower()
        if low in titles:
            pre_titles.add(low)
        elif w in places:
            pre_aff.add(places[w][0])
        elif w[:1].isupper() or low in ("foreign", "press", "former", "top", "senior", "white"):
            continue
        else:
            break
    # a place, possibly multi-word ("White House", "United States", "Moscow")
    if whole in places and (places[whole][1] != "demonym" or whole.endswith("s")):
        code, kind = places[whole]
        a = new_actor("country", code, whole)
        mentions.append(Mention(run[0][0], run[-1][1], a.id, "name"))
        return
    if whole == "West" and ((k and lows0_the) or (i > 0 and words[i - 1][2].lower() == "the")):
        a = new_actor("collective", "the West", "the West")
        mentions.append(Mention(run[0][0], run[-1][1], a.id, "name"))
        return
    is_org = not orgw.isdisjoint(lows) or (len(raw) == 1 and raw[0].isupper() and len(raw[0]) > 1
                                             and raw[0] not in places)
    # split leading titles and affiliations from the name
    t = 0
    found_titles, aff = set(pre_titles), set(pre_aff)
    while t < len(run) - 1:
        w, low = raw[t], lows[t]
        if low in titles or low in ("of", "state", "foreign", "defense", "defence", "homeland", "security", "press",
                                     "vice", "prime", "house", "white", "national", "general", "former", "deputy"):
            if low in titles:
                found_titles.add(low)
            t += 1
        elif w in places or _strip_possessive(w) in places:
            aff.add(places.get(w, places.get(_strip_possessive(w), ("", "")))[0])
            t += 1
        else:
            break
    name_words = [_strip_possessive(w) for w in raw[t:]]
    name_lows = lows[t:]
    if is_org and not (found_titles and orgw.isdisjoint(name_lows)):
        a = new_actor("organisation", whole.lower(), whole)
        mentions.append(Mention(run[0][0], run[-1][1], a.id, "name"))
        return
    if not name_words or name_lows[-1] in titles:
        return
    if len(name_words) == 1 and (name_words[0] in places or name_words[0].lower() in _NOT_PERSON):
        if name_words[0] not in places:
            return
        code, kind = places[name_words[0]]
        if kind != "demonym":
            a = new_actor("country", code, name_words[0])
            mentions.append(Mention(run[t][0], run[-1][1], a.id, "name"))
        return
    last = name_words[-1]
    if any(w.lower() in _NOT_PERSON or w.isupper() or not w.isalpha() and "-" not in w and "." not in w
           for w in name_words):
        return
    if last.lower() in res.NOT_NAMES or last.lower() in res.cue_forms():
        return
    if len(name_words) == 1 and last not in surname and last.endswith("s") and last[:-1] in surname:
        last = name_words[0] = last[:-1]  # "Bidens’s"
    is_person = bool(found_titles) or name_words[0] in first or len(name_words) >= 2 or last in surname
    if not is_person:
        return
    if last in surname:
        a = actors[surname[last]]
        if " ".join(name_words) not in a.names:
            a.names.append(" ".join(name_words))
    else:
        a = new_actor("person", " ".join(name_words), " ".join(name_words))
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
    mentions.append(Mention(run[t][0], run[-1][1], a.id, "name"))


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
