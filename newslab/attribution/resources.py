"""Word lists and compiled patterns for :mod:`newslab.attribution`, loaded once.

The lists are plain data files in ``newslab/attribution/data`` (each says where its facts come
from); country names come from :mod:`pycountry` (ISO 3166).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def _rows(name: str) -> list[list[str]]:
    out = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append(line.rstrip("\n").split("\t"))
    return out


def _inflect(lemma: str) -> list[str]:
    """Regular past, -ing and 3rd-person forms of an English verb."""
    if lemma.endswith("e"):
        past, ing = lemma + "d", lemma[:-1] + "ing"
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        past, ing = lemma[:-1] + "ied", lemma + "ing"
    else:
        past, ing = lemma + "ed", lemma + "ing"
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        third = lemma + "es"
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    return [lemma, past, past, ing, third]


def inflections(lemma: str) -> list[str]:
    """The cue list's forms of ``lemma`` (irregular ones from ``data/cues.tsv``), else regular ones."""
    forms = [f for f, (_, lem, _) in cue_forms().items() if lem == lemma]
    return forms or _inflect(lemma)


@lru_cache(maxsize=None)
def cue_forms() -> dict[str, tuple[str, str, str]]:
    """Lower-case verb form -> (class, lemma, form) with form in base/past/ing/third."""
    out: dict[str, tuple[str, str, str]] = {}
    for cls, spec in _rows("cues.tsv"):
        words = spec.split()
        forms = _inflect(words[0])
        forms[: len(words)] = words
        for form, label in zip(forms, ("base", "past", "past", "ing", "third"), strict=True):
            out.setdefault(form, (cls, words[0], label))
    return out


@lru_cache(maxsize=None)
def weak_cue_forms() -> frozenset[str]:
    """Cue word forms too rarely used as attribution cues to count on their own (``data/weak_cue_forms.txt``)."""
    return frozenset(r[0] for r in _rows("weak_cue_forms.txt"))


@lru_cache(maxsize=None)
def noun_cues() -> dict[str, str]:
    """Reporting noun -> class ("accusation" -> speech, "decision" -> belief), from ``data/noun_cues.tsv``."""
    return {noun: cls for cls, noun in _rows("noun_cues.tsv")}


@lru_cache(maxsize=None)
def multiword_cues() -> dict[str, str]:
    """Lower-case cue phrase -> class. A phrase whose first word is a form of a verb in ``data/cues.tsv``
    stands for every form of that verb ("pointed out" also gives "points out", "pointing out")."""
    listed = {phrase: cls for cls, phrase in _rows("multiword_cues.tsv")}
    out = dict(listed)
    forms = cue_forms()
    for phrase, cls in listed.items():
        first, _, rest = phrase.partition(" ")
        if first in forms:
            for form in inflections(forms[first][1]):
                out.setdefault(f"{form} {rest}", cls)
    return out


@lru_cache(maxsize=None)
def titles() -> dict[str, tuple[str, str]]:
    """Lower-case title or role word -> (gender m/f/-, group honorific/leader/role/modifier)."""
    return {w: (g, grp) for w, g, grp in _rows("titles.tsv")}


@lru_cache(maxsize=None)
def pronouns() -> dict[str, str]:
    return {w: g for w, g in _rows("pronouns.tsv")}


@lru_cache(maxsize=None)
def first_names() -> dict[str, str]:
    return {w: g for w, g in _rows("first_names.tsv")}


@lru_cache(maxsize=None)
def organisation_words() -> frozenset[str]:
    return frozenset(r[0] for r in _rows("organisation_words.txt"))


@lru_cache(maxsize=None)
def places() -> dict[str, tuple[str, str]]:
    """Place alias (as written) -> (ISO alpha-2 code, type: country/short/demonym/capital/metonym)."""
    out: dict[str, tuple[str, str]] = {}
    try:
        import pycountry

        for c in pycountry.countries:
            for name in (c.name, getattr(c, "common_name", None)):
                if name and "," not in name and "(" not in name:
                    out.setdefault(name, (c.alpha_2, "country"))
    except ImportError:  # pragma: no cover - pycountry is a declared dependency
        pass
    for alias, code, kind in _rows("places.tsv"):
        out[alias] = (code, kind)
    return out


@lru_cache(maxsize=None)
def country_names() -> dict[str, str]:
    """ISO alpha-2 code -> preferred short English name (our list first, then pycountry)."""
    out: dict[str, str] = {}
    for alias, (code, kind) in places().items():
        if kind == "short" and code not in out and not alias.isupper() and "." not in alias:
            out[code] = alias
    try:
        import pycountry

        for c in pycountry.countries:
            out.setdefault(c.alpha_2, getattr(c, "common_name", None) or c.name)
    except ImportError:  # pragma: no cover
        pass
    return out


#: Capitalised words that start sentences or name times, never actors on their own.
NOT_NAMES = frozenset("""
a an the in on at after before while but and or so if when as for with from by to of this that these those it he she
they we i you his her their its our my there here what who whom why how where which some many most all no not yet still
also then now last next first one two three four five six seven eight nine ten monday tuesday wednesday thursday
friday saturday sunday january february march april may june july august september october november december
however meanwhile despite during since though although because until unless asked according under over into about
mr mrs ms dr today yesterday tomorrow tonight earlier later instead indeed even just only such each every both either
neither another other more less few several any much among between without within against through across toward
towards upon amid once again here's that's it's there's we're they're i'm i've i'd we've let let's please thank thanks
yes no oh well ok
""".split())

#: One word of running text (letters, digits, inner apostrophes, dots and hyphens) or one punctuation mark.
#: The look-aheads only reject the abbreviation branches early (about 30 % less time); the words are those
#: of the plain alternation (``tests/test_actors.py`` checks it).
WORD = re.compile(
    r"(?:(?=[A-Za-z]\.)[A-Za-z](?:\.[A-Za-z])+\.?"  # U.S., U.N.
    r"|(?=[A-Z][a-z]{1,4}\.)(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Jr|Sr|St|Inc|Corp|Co|Ltd|Lt|Col|Sgt|Capt|Prof|Rev"
    r"|Mt|Ft|Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec"  # months: "since Jan. 7"
    r"|Ariz|Calif|Colo|Conn|Fla|Ill|Mass|Mich|Minn|Nev|Okla|Penn|Tenn|Wash|Wis)\.(?=\s)"  # US states (AP style)
    r"|[A-Z]\.(?=\s[A-Z])"  # an initial: George W. Bush
    r"|[A-Za-z0-9]\w*(?:[’'\-&]\w+)*)"
    r"|[^\w\s]",
    re.UNICODE,
)
