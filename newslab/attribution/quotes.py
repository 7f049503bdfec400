"""Attributions: who said (believes, wants, found) what, with source, cue and content spans.

Rules over words and quotation marks, offline:

1. quotations are found per paragraph (curly, straight and doubled ``''`` marks; a quotation opened
   and never closed runs to the paragraph's end; a curly one may close with a straight mark after
   , . ! ? — “A," he said. "B.”);
2. in each sentence, *cues* are found from word lists by class (``data/cues.tsv``: speech
   "said", "vowed"; belief/intention "believes", "wants"; evidence "shows", "found"; plus
   ``data/multiword_cues.tsv``: "according to", "pointed out", "called for" — a listed phrase stands for
   every form of its verb, and "…, referring to X" takes the earlier source like "…, saying X");
   Forms listed in ``data/weak_cue_forms.txt`` ("like", "need", "tried": rarely attributions) are
   not cues; reporting nouns (``data/noun_cues.tsv``) are cues after a possessive and before a
   that-clause ("Trump's accusation that …");
3. each cue takes a source and a content by its shape: ``SOURCE CUE (that) CONTENT``,
   ``CONTENT, CUE SOURCE`` / ``CONTENT, SOURCE CUE`` (also past an appositive: "“…,” Dick Dever, a
   delegate, told POLITICO" — the addressee of "told" is never the source), ``according to SOURCE,
   CONTENT``, ``SOURCE CUE: CONTENT`` (content may be the next paragraph), ``Name: CONTENT`` (headlines,
   interviews), ``…, adding/saying CONTENT`` (source = the sentence's earlier attribution's source or its
   subject); a cue with no subject next to it ("… and said", "She has since stressed") takes the
   sentence's subject (past a dateline "WASHINGTON —" or an opening participle clause "Walking home, …");
   "…, as X said" and "…, the poll found" put the content before the cue; "The plan, X said, is dead"
   and "The plan, said X, is dead" give the whole sentence; an adjunct between subject and cue ("have in
   the past said", "two weeks ago said") is not the source; "…, saying" and a subjectless cue take the
   source of an earlier attribution that is not itself inside another's content (one whose source opens
   ", while …" counts as outside), and a subjectless cue after "and/but" repeating an earlier cue's verb
   ("… Putin wanted war, but wanted …") takes that cue's source; "a firm called X" names;
   a participle cue left without a source ("Simply assuming that …") is dropped;
   "who said" gives the relative pronoun as source (PolNeAR's convention) and its antecedent as speaker;
   "seems"/"appears" and passives without "by" have no source (``NA``); a passive followed by an
   adjunct ("The plan was criticized in the Senate by Democrats") reports on its subject (the content),
   with the agent after "by" as source; "X, according to Y, is …" gives the sentence around the aside
   ("In addition, according to Y, …": the part after it);
4. the speaker is the actor (:mod:`newslab.attribution.actors`) mentioned at the head of the
   source, so pronouns and descriptions come out as the actor's fullest name.

Content spans follow PolNeAR's shape: the complement clause including "that" and any quotation
marks, without the sentence's final full stop, and without an adjunct between cue and clause
("said [in a statement] that …"), and with the whole of a quotation it opens that closes in a later
sentence ("said that “… job. And it’s so important.”"). A clause content stops at a dash (an aside between
two dashes is skipped), a parenthesis, a semicolon, ", <verb>-ing" (", adding that …"), ", according to",
"and/but <cue verb>"; an object content ("endorsed Mrs. Clinton, …") also at a comma or a subordinating
word; a one-word cue whose content would open with "by", "from", "over", "after", "before" or "until" took an
adjunct and is dropped, and so is a content of under five words opening with "on", "in", "at" or "during"
("commented at the hearing"). A quotation
that continues after the source ("“A,” said X, a strategist. “B.”") is part of the content. ``kind``
is ``direct`` (the content is a quotation), ``mixed`` (it holds quoted words) or ``indirect``. A decimal
point ("5.1", "$1.2 billion") ends neither a sentence nor a content.

>>> df = attributions("Sergey Lavrov said he hoped the United States was bringing answers.")
>>> df[["speaker", "source_text", "cue_text", "content_text"]].values.tolist()[0]
['Sergey Lavrov', 'Sergey Lavrov', 'said', 'he hoped the United States was bringing answers']

See Also: :func:`newslab.actors`; :mod:`newslab.evaluate.polnear` measures this on PolNeAR.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

import pandas as pd

from newslab.attribution import resources as res
from newslab.attribution.actors import ActorIndex, index
from newslab.tables import frame

SCHEMA = {
    "attribution_id": "int64", "kind": "string",
    "source_start": "Int64", "source_end": "Int64",
    "cue_start": "int64", "cue_end": "int64",
    "content_start": "int64", "content_end": "int64",
    "speaker": "string", "actor_id": "Int64", "cue_class": "string",
    "source_text": "string", "cue_text": "string", "content_text": "string",
}

_OPEN_Q = "“\"‘«"
_CLOSE_Q = "”\"’»"
_QUOTE_TOKENS = frozenset("“”\"«»")  # plus "'" when doubled (''), checked where it matters
_BOUNDARY_WORDS = frozenset("""that and but while because as when if after before since though although where so or
than whereas unless until once whether""".split())
_RELATIVE = frozenset({"who", "which", "whom", "whose"})
_AUX = frozenset("""has have had also not n't never would will may might could should can did does do is are was were
be been being again still already often once just even long later then previously recently repeatedly publicly
privately reportedly apparently quickly frequently openly strongly personally flatly simply clearly firmly explicitly
specifically initially ultimately finally first further separately only actually earlier now today yesterday
tonight last week month year herself himself themselves itself""".split())
_DAYS = frozenset("""monday tuesday wednesday thursday friday saturday sunday""".split())
_TIME_WORDS = frozenset("""afternoon morning evening night today yesterday tonight earlier later week""".split())
_DET = frozenset("""the a an his her their its our my your this that these those of for in on at by with from
into about some any no every each another such what which whose""".split())
_SUBJ_PRON = frozenset("""i we they you he she it who people""".split())
_BE = frozenset("""is are was were be been being am 's""".split())
_NOUNY = frozenset("""question rule comment remark point claim plan need call report view show find hope fear doubt
charge order support answer request demand attack vote post tweet note state sign back counter record measure rate
rank project document detail estimate signal pitch label promise threaten struggle push press object protest welcome
praise blame hail concern worry aim""".split())
_ADDRESSEE = frozenset({"told", "tell", "tells", "telling", "assured", "reminded", "informed", "urged", "warned"})
_NO_SOURCE = frozenset({"seem", "seems", "seemed", "seeming", "appear", "appears", "appeared", "appearing"})
_SPLIT_KEEP = frozenset({"said", "says", "asked", "asks", "told", "added", "wrote", "shouted", "replied"})


def _sentences(words: list[tuple[int, int, str]], text: str) -> list[tuple[int, int]]:
    """(first word index, end word index) per sentence: splits at . ! ? (+ closing quote) and blank lines."""
    out = []
    start = 0
    n = len(words)
    for i in range(n):
        w = words[i][2]
        nxt = words[i + 1] if i + 1 < n else None
        if nxt is None:
            break
        gap = text[words[i][1]:nxt[0]]
        if "\n" in gap:
            out.append((start, i + 1))
            start = i + 1
            continue
        if w in (".", "!", "?", "…"):
            if w == "." and text[words[i][0] - 1:words[i][0]].isdigit() and nxt[0] == words[i][1] \
                    and nxt[2][:1].isdigit():
                continue  # a decimal point: "a 5.1-magnitude earthquake", "$1.2 billion"
            j = i + 1
            if j < n and words[j][2] in _CLOSE_Q and not text[words[j][1]:words[j][1] + 1].isalnum():
                # closing quote belongs to this sentence when it follows the stop directly
                if words[j][0] == words[i][1]:
                    continue
            if text.startswith("''", words[i][1]):
                continue  # a doubled closing mark ('') follows the stop: split after it
            if nxt[2][:1].isupper() or nxt[2][:1] in _OPEN_Q or nxt[2][:1].isdigit() or text.startswith("''", nxt[0]):
                out.append((start, i + 1))
                start = i + 1
        elif w in _CLOSE_Q and i > 0 and words[i - 1][2] in (".", "!", "?") and words[i - 1][1] == words[i][0]:
            if words[i - 1][2] != "." and any(x[2].lower() in _SPLIT_KEEP for x in words[i + 1:i + 5]):
                continue  # “You winning?” she said.
            if nxt[2][:1].isupper() or nxt[2][:1] in _OPEN_Q or text.startswith("''", nxt[0]):
                out.append((start, i + 1))
                start = i + 1
        elif (w == "'" and i > 1 and words[i - 1][2] == "'" and words[i - 2][2] in (".", "!", "?")
              and words[i - 2][1] == words[i - 1][0]):
            if words[i - 2][2] != "." and any(x[2].lower() in _SPLIT_KEEP for x in words[i + 1:i + 5]):
                continue
            if nxt[2][:1].isupper() or nxt[2][:1] in _OPEN_Q or text.startswith("''", nxt[0]):
                out.append((start, i + 1))
                start = i + 1
    if start < n:
        out.append((start, n))
    return out


def _quotes(text: str) -> list[tuple[int, int]]:
    """(start, end) of quotations including their marks; unclosed ones run to the paragraph's end."""
    out = []
    for ps, pe in _paragraph_spans(text):
        i = ps
        while i < pe:
            c = text[i]
            if c == "“" or (c == '"' and (i == ps or not text[i - 1].isalnum())) or (
                    c == "'" and text[i:i + 2] == "''" and (i == ps or text[i - 1] in " (\n")):
                closer = {"“": "”", '"': '"', "'": "''"}[c]
                if c == "“":
                    j = text.find("”", i + 1, pe)
                    m = _STRAIGHT_CLOSE.search(text, i + 1, j if j >= 0 else pe)
                    if m:
                        # mixed marks: “A,” he said. "B.” closes at the straight mark after , . ! ?
                        j, closer = m.start(), '"'
                elif c == "'":
                    j = text.find("''", i + 2, pe)
                else:
                    j = text.find('"', i + 1, pe)
                    if j < 0:
                        j = text.find("”", i + 1, pe)  # mixed marks: "…”
                        closer = "”"
                if c == "“" and j < 0:
                    j = text.find('"', i + 1, pe)  # mixed marks: “…"
                    closer = '"'
                    if j >= 0 and j + 1 < pe and text[j + 1].isalnum():
                        j = -1
                if j < 0:
                    end = pe
                    while end > i and text[end - 1] in " \n":
                        end -= 1
                    out.append((i, end))
                    break
                end = j + len(closer)
                out.append((i, end))
                i = end
                continue
            i += 1
    return out


#: A straight double mark after , . ! ? and before a space or the end: it closes a quotation.
_STRAIGHT_CLOSE = re.compile(r'(?<=[,.!?])"(?![^\s])')


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    out = []
    start = 0
    for m in re.finditer(r"\n+", text):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


class _Doc:
    __slots__ = ("text", "words", "lows", "quotes", "sent_of", "sents", "heads", "starts")

    def __init__(self, text: str, words: list[tuple[int, int, str]] | None = None):
        self.text = text
        self.heads: dict[tuple[int, int], tuple[int, int]] = {}  # source span -> span naming the speaker
        self.words = words if words is not None else [(m.start(), m.end(), m.group()) for m in res.WORD.finditer(text)]
        self.lows = [w[2].lower() for w in self.words]
        self.starts = [w[0] for w in self.words]
        self.quotes = _quotes(text)
        self.sents = _sentences(self.words, text)
        self.sent_of = [0] * len(self.words)
        for k, (a, b) in enumerate(self.sents):
            for i in range(a, b):
                self.sent_of[i] = k

    def quote_at(self, pos: int) -> tuple[int, int] | None:
        for q in self.quotes:
            if q[0] <= pos < q[1]:
                return q
            if q[0] > pos:
                break
        return None


#: Verbs that, in the present tense after any subject ("47% say …", "those surveyed say"), introduce a clause.
_PRESENT_CLAUSAL = frozenset("""say think believe expect argue insist know fear hope predict suggest show claim
worry doubt contend warn note acknowledge estimate agree find""".split())
_NOT_SUBJECT_END = frozenset("""to the a an his her their its our my your this these those of for in on at by with from
into about some any no every each another such what which whose that and or but if as than not n't will would could
should can may might must did do does""".split())
_NOT_CONTENT_START = frozenset("""of for in on at by with from about into up out over ',' '.'""".split())
_GERUND_PREP = frozenset("by after before while in without".split())
_PLURAL_HEADS = frozenset("""percent people many most some others both all few several majority half voters
experts officials critics analysts aides supporters observers economists residents polls surveys""".split())


def _plural_subject(lows: list[str], i: int, a: int) -> bool:
    """Word i (a verb's base form) follows a plural subject: "Polls show", "many Republicans say"."""
    if i <= a:
        return False
    prev = lows[i - 1]
    if prev in _PLURAL_HEADS:
        return True
    return (len(prev) > 3 and prev.endswith("s") and not prev.endswith(("ss", "us", "is", "ous", "'s", "’s"))
            and prev not in res.cue_forms() and prev not in _AUX and prev not in _BE and prev not in _DET
            and prev not in _VERBISH and prev[:1].isalpha() and prev not in res.NOT_NAMES)


_CONTRACTION = re.compile(r"['’](?:s|re|ll|d|ve|m)$")


@lru_cache(maxsize=None)
def _multi_firsts() -> frozenset[str]:
    return frozenset(p.split()[0] for p in res.multiword_cues())


def _find_cues(doc: _Doc, a: int, b: int) -> list[tuple[int, int, str, str]]:
    """(first word, end word, class, form) of cues in sentence words [a, b)."""
    forms, multi, weak = res.cue_forms(), res.multiword_cues(), res.weak_cue_forms()
    lows, words = doc.lows, doc.words
    firsts = _multi_firsts()
    out = []
    i = a
    while i < b:
        low = lows[i]
        hit = None
        for span in ((4, 3, 2) if low in firsts else ()):
            if i + span <= b:
                phrase = " ".join(lows[i:i + span])
                if phrase in multi:
                    # "…, referring to X" like "…, saying X": the source is the sentence's earlier one
                    form = "ing" if low.endswith("ing") and low != "according" else "multi"
                    hit = (i, i + span, multi[phrase], form)
                    break
        if hit is None and low in forms and low not in weak:
            cls, lemma, form = forms[low]
            prev = lows[i - 1] if i > a else ""
            nxt = _CONTRACTION.sub("", lows[i + 1]) if i + 1 < b else ""  # "say he’s …" like "say he …"
            ok = True
            plural_subject = False
            if prev.endswith(("n't", "n’t")):
                prev = "not"  # "doesn’t think" like "does not think"
            if form == "ing" and (prev in _GERUND_PREP or (prev == "and" and any(
                    lows[x].endswith("ing") and lows[x] in forms for x in range(max(a, i - 12), i - 1)))):
                ok = True  # "by proposing that …", "after saying …", "calling them … and vowing to …"
            elif prev in _DET and prev not in ("that", "who", "which") and not (prev == "some" and form == "base"):
                ok = False  # "the call", "his claims" — but "Some say …"
            elif form == "base":
                plural_subject = _plural_subject(lows, i, a) or (
                    lemma in _PRESENT_CLAUSAL and prev not in _NOT_SUBJECT_END and prev[:1].isalnum()
                    and not prev.endswith("ly") and prev not in forms and nxt not in _NOT_CONTENT_START
                    and (nxt in _CLAUSE_OPENERS or nxt in _SUBJ_PRON or nxt in ("the", "a", "an", "so", "this", "it")
                         or words[i + 1][2][:1].isupper() if i + 1 < b else False))
                ok = plural_subject or prev in _SUBJ_PRON or prev in (
                    "will", "would", "could", "can", "should", "must", "might", "may",
                                                      "did", "do", "does", "n't", "not", "also", "to", "they", "we")
                ok = ok or (prev[:1].isalpha() and words[i - 1][2][:1].isupper() and prev.endswith("s")
                            and nxt in ("that", "to"))
                if prev == "to" and i - 2 >= a and lows[i - 2] in forms:
                    ok = False  # "wants to support": the infinitive is the content of "wants"
            elif form == "third":
                ok = nxt not in ("of", "and", ",", ".") or lemma in ("say", "tell", "add", "note", "write")
            elif form == "ing":
                ok = prev in (",", "is", "are", "was", "were", "been", "be", "by", "—") or nxt in ("that",)
                if low == "saying" and prev not in _DET and nxt not in _NOT_CONTENT_START:
                    ok = True  # "issued a statement saying …", "47 percent of voters saying they …"
            if low in ("states", "call", "calls", "post", "posts", "order", "rule", "back", "point", "sign", "support",
                       "plan", "plans", "view", "need", "like", "put", "rate", "rank", "project", "document", "detail",
                       "report", "reports", "record", "measure", "counter", "answer", "comment", "question", "hope",
                       "fear", "doubt", "charge", "favor", "favour", "press", "vote", "talk", "speak", "try", "aim",
                       "seek", "fight", "push", "raise", "give", "find", "see", "know", "think", "feel", "want",
                       "believe", "expect", "seem", "appear", "state", "promise", "request", "demand", "attack",
                       "struggle", "object", "protest", "accept", "prepare", "love", "hate", "dream", "trust",
                       "regard", "remember", "forget", "guess", "imagine", "suppose", "reckon", "hint", "label",
                       "dub", "remark", "tweet", "joke", "warn", "claim", "deny", "argue", "insist", "say", "tell",
                       "ask", "add", "note", "respond", "reply", "decide", "recall", "confirm", "predict"):
                if form == "base" and not plural_subject and prev not in _SUBJ_PRON and not (
                        prev == "to" and lemma == "say") and prev not in ("will", "would", "did", "does", "do",
                                                                             "n't", "not", "could", "can",
                                                                             "should", "might", "may", "also"):
                    ok = False
            if low in ("found", "put", "given", "rated", "ranked", "gave", "give", "gives", "puts", "measured",
                       "measures", "rates", "ranks") and nxt not in ("that",) and cls == "evidence":
                ok = low in ("found",) and (nxt not in ("in", "on", "at", "guilty", "dead", ",", ".") or (
                    nxt in (",", ".") and prev in _SURVEY_NOUNS and i - 2 > a and lows[i - 2] in _SUBJ_DET
                    and words[i - 3][2] == ","))  # "Voters are angry, the poll found."
            if low in ("states",) or low == "may":
                ok = False
            elif (low in ("called", "named", "dubbed", "titled") and i + 1 < b
                  and (words[i + 1][2][:1].isupper() or _is_quote(doc, i + 1))
                  and prev[:1].isalpha() and words[i - 1][2].islower() and prev not in _SUBJ_PRON and prev not in _AUX
                  and any(lows[x] in ("a", "an") for x in range(max(a + 1, i - 4), i - 1))
                  and not any(lows[x] in _VERBISH or words[x][2] == "," for x in range(max(a, i - 4), i - 1))):
                # "a firm called Cambridge Analytica", "an ad titled “…”": a name, not a cue
                ok = False
            if (ok and form == "third" and lemma in _NOUNY and nxt != "that"
                    and not (cls == "evidence" and prev not in _DET)):
                w_prev = words[i - 1][2] if i > a else ""
                ok = prev in _SUBJ_PRON or (w_prev[:1].isupper() and (i - 1 > a or prev not in res.NOT_NAMES))
            if not ok and lemma == "say" and form in ("base", "third") and (nxt in (".", ",") or prev == ","):
                ok = True  # "…, people close to Clinton say." / "…, say some Democrats,"
            if ok and low in ("known", "seen", "appeared", "accepted", "raised", "spoke", "continue", "needed",
                              "rated", "ranked") and nxt not in ("that", "to", ":"):
                ok = False
            if ok:
                hit = (i, i + 1, cls, form)
        if hit:
            out.append(hit)
            i = hit[1]
        else:
            i += 1
    return out


def _is_quote(doc: _Doc, k: int) -> bool:
    """Word k is a quotation mark (a doubled ``''`` counts; a lone possessive ``'`` does not)."""
    w = doc.words[k][2]
    if w in _QUOTE_TOKENS:
        return True
    if w != "'":
        return False
    t, s = doc.text, doc.words[k][0]
    return t[s + 1:s + 2] == "'" or t[s - 1:s] == "'"


def _np_left(doc: _Doc, a: int, i: int) -> tuple[int, int] | None:
    """Word range of the subject phrase ending before word i (sentence starts at a)."""
    lows = doc.lows
    j = i
    # skip auxiliaries, adverbs and "on Thursday"
    while j > a:
        low = lows[j - 1]
        if low in _AUX or low.endswith(("n't", "n’t")) or (
                low.endswith("ly") and len(low) > 4 and not doc.words[j - 1][2][:1].isupper()):
            j -= 1
        elif low in _DAYS and j - 2 >= a and lows[j - 2] == "on":
            j -= 2
        elif low in _DAYS:
            j -= 1
        else:
            break
    end = j
    if end > a and lows[end - 1] in _SUBJ_PRON and lows[end - 1] not in ("who", "people"):
        return (end - 1, end)
    forms = res.cue_forms()
    k = end
    while k > a:
        w = doc.words[k - 1][2]
        low = lows[k - 1]
        if k < end and (low in _VERBISH or (low in forms and not w[:1].isupper() and (
                forms[low][2] != "base" or (k - 2 >= a and (lows[k - 2] in _AUX or lows[k - 2] in _SUBJ_PRON))))):
            break  # "he did not believe Putin wanted": the subject of "wanted" is "Putin"
        if w == ")":
            # "Rep. Steve Israel (D-N.Y.) said": skip a short parenthesis after the name
            p = k - 1
            while p > a and doc.words[p - 1][2] != "(" and k - p < 8:
                p -= 1
            if p > a and doc.words[p - 1][2] == "(":
                k = p - 1
                continue
            break
        if w in (",", ";", ":", "—", "–", "(", ")") or _is_quote(doc, k - 1) or low in _BOUNDARY_WORDS:
            break
        if (low in _RELATIVE or low == "what") and k < end and lows[k] not in _AUX:
            return (k, end)  # "which Democrats say", "who U.S. officials say": the relative clause's subject
        if low in _RELATIVE:
            # "Zelenskiy, who said": the antecedent before the comma
            if k - 2 >= a and doc.words[k - 2][2] == ",":
                return _np_left_plain(doc, a, k - 2)
            return _np_left_plain(doc, a, k - 1)
        if end - k >= 10:
            break
        k -= 1
    if k == end:
        return None
    if lows[k] in _TAIL_PREP and k - 1 > a and lows[k - 1].endswith("ing") and not doc.words[k - 1][2][:1].isupper():
        # "Another intelligence source speaking to Fox News said": the phrase before the participle
        before = _np_left_plain(doc, a, k - 1)
        if before and before[1] - before[0] <= 6:
            return before
    return (k, end)


#: Frequent irregular past tenses: where a sentence's subject ends ("The candidate came out …").
_IRREGULAR_PAST = frozenset("""came went made took gave got ran won lost spent sent held left met began brought kept
struck stood led fought paid rose fell hit became drew drove ate flew grew hung knew rode sang sat slept spoke swore
threw wore wrote broke chose forgot froze stole woke""".split())
_NOT_VERBS = frozenset("united red bed need seed speed feed hundred indeed naked wicked sacred".split())
_SUBJ_DET = frozenset("the a an this these those his her their its".split())
_INTRO = frozenset("""in on at after before during since for with without by from under over as when while
although though if unless once until despite amid according""".split())


def _subject(doc: _Doc, a: int, i: int) -> tuple[int, int] | None:
    """The sentence's subject before word i: the first words of the sentence (after an introductory
    phrase closed by a comma) up to the first verb-like word, a comma or a boundary word; None when
    it does not look like a name, a pronoun or a short noun phrase."""
    words, lows = doc.words, doc.lows
    forms = res.cue_forms()
    k = a
    while k < i and _is_quote(doc, k):
        k += 1
    dash = next((x for x in range(k + 1, min(i, k + 10)) if words[x][2] in ("—", "–", "-")), None)
    if dash is not None and len(words[k][2]) > 1 and words[k][2].isupper() and all(
            words[x][2][:1].isupper() or words[x][2] in (",", ".", "(", ")") for x in range(k, dash)):
        k = dash + 1  # a dateline: "WASHINGTON — Sen. Chuck Grassley …", "ORLANDO, Fla. (Reuters) - …"
    for _ in range(3):  # "At the same time, however, Xi …"
        if k < i and (lows[k] in _INTRO or lows[k].endswith("ly") or lows[k] in _SENT_ADVERBS
                      or lows[k] in _TIME_WORDS or lows[k] in _DAYS or lows[k] in ("last", "this", "next")
                      or lows[k] in ("but", "and", "yet", "so", "then", "even")
                      or (k == a and words[k][2][:1].isupper() and lows[k].endswith(("ing", "ed"))
                          and lows[k] not in _NOT_VERBS and any(words[x][2] == "," for x in range(k + 1, i)))):
            # "Walking to the next address, Ebeling …", "Reached by phone, Joyce …": a participle clause
            if lows[k] in ("but", "and", "yet", "so", "then", "even") and k + 1 < i and words[k + 1][2] != ",":
                k += 1
                continue
            while k < i and words[k][2] != ",":
                k += 1
            k += 1
        else:
            break
    start = k
    while k < i:
        w, low = words[k][2], lows[k]
        if w in (",", ";", ":", "—", "–", "(", ")") or _is_quote(doc, k) or low in _BOUNDARY_WORDS:
            break
        if k > start and w[:1].islower() and (low in _VERBISH or low in _AUX or low in forms or low in _IRREGULAR_PAST
                                              or (low.endswith("ed") and len(low) > 4)):
            break
        k += 1
    if k == start or k - start > 8 or k >= i + 1:
        return None
    first = words[start][2]
    if not (first[:1].isupper() or lows[start] in _SUBJ_PRON or lows[start] in _SUBJ_DET):
        return None
    if not _looks_like_source(doc, start, k):
        return None
    return (start, k)


def _np_left_plain(doc: _Doc, a: int, i: int) -> tuple[int, int] | None:
    k = i
    while k > a and i - k < 8:
        w = doc.words[k - 1][2]
        if w in (",", ";", ":", "—", "(", ")") or _is_quote(doc, k - 1) or doc.lows[k - 1] in _BOUNDARY_WORDS:
            break
        k -= 1
    return (k, i) if k < i else None


def _np_right(doc: _Doc, i: int, b: int) -> tuple[int, int] | None:
    """Word range of a source phrase starting at word i (after "according to", "said")."""
    k = i
    while k < b and k - i < 12:
        w = doc.words[k][2]
        if w in (",", ";", ":", ".", "!", "?", "—", "(", ")") or _is_quote(doc, k):
            break
        if (doc.lows[k] in _BOUNDARY_WORDS or doc.lows[k] in ("who", "whose")) and k > i:
            break  # "said one former executive who requested anonymity": the relative clause describes
        if doc.lows[k] in _DAYS or (doc.lows[k] in ("on", "in", "at") and k > i):
            break
        k += 1
    return (i, k) if k > i else None


_VERBISH = frozenset("""is are was were be been would will could should can may might has have had do does did
must""".split())


def _looks_like_source(doc: _Doc, a: int, b: int, longest: int = 7) -> bool:
    """A short phrase naming someone: no verbs, no cue words, at most ``longest`` words."""
    if b - a > longest:
        return False
    forms = res.cue_forms()
    return not any(doc.lows[k] in _VERBISH or (doc.lows[k] in forms and k > a and not doc.words[k][2][:1].isupper())
                   for k in range(a, b))  # "The State Department": a capitalised word is a name, not a cue


def _tail_is_short(doc: _Doc, k: int, b: int) -> bool:
    """True when words [k, b) end the sentence without a new clause: nothing, a few object or time
    words ("reporters", "on Friday"), or a comma then an appositive or a continuing quotation."""
    forms = res.cue_forms()
    if k >= b or doc.words[k][2] in (".", "!", "?", "”", '"') or (k > 0 and doc.lows[k] in ("who", "whose")
                                                                  and doc.words[k - 1][2] != ","):
        return True  # "…,” said a delegate who requested anonymity."
    rest = range(k, b)
    if any(doc.words[x][2] in _QUOTE_TOKENS for x in rest):
        first_q = next(x for x in rest if doc.words[x][2] in _QUOTE_TOKENS)
        return doc.words[first_q - 1][2] in (",", ":") and first_q - k <= 4
    if any(doc.lows[x] in ("that", "whether", "how", "why") for x in rest):
        return False
    p = k
    while p < b and doc.lows[p].endswith("ly") and len(doc.lows[p]) > 4:
        p += 1  # "said matter-of-factly as …", "said quietly on …"
    if p < b and doc.lows[p] in _TAIL_PREP:
        # "…,” Helen Purcell said during a contentious hearing in Arizona after the primary.
        return b - k <= 14 and not any(
            (doc.lows[x] in forms and doc.lows[x] not in ("in", "a"))
            or (doc.lows[x] in _VERBISH and not (doc.lows[x] == "be" and doc.lows[x - 1] == "to")) for x in rest)
    if any(doc.lows[x] in _VERBISH for x in rest):
        return False
    if doc.words[k][2] == ",":
        return b - k <= 16
    return b - k <= 5 and not any(doc.lows[x] in forms for x in rest)


_PARALLEL = re.compile(r"(?i),\s+(?:while|whereas)\s+$")


def _outer(found: list[tuple], cue_s: int, text: str) -> list[tuple]:
    """This sentence's attributions with a cue before ``cue_s`` that are not inside another one's content
    ("X blamed the media for Trump's claim that …, saying …": the source of "saying" is X's). One whose
    source opens a ", while …" clause counts as outside even when that content runs over it: the clause
    stands beside the reported one ("The West is demanding A, while Moscow is pushing for B and insists C":
    "insists" is Moscow's)."""
    before = [r for r in found if r[2][0] < cue_s]
    return [r for r in before if (r[1] and _PARALLEL.search(text, max(0, r[1][0] - 12), r[1][0]))
            or not any(o is not r and o[0][0] <= r[2][0] < o[0][1] for o in before)]


def _coordinated(doc: _Doc, a: int, i: int, found: list[tuple]) -> list[tuple]:
    """A cue with no subject right after "and"/"but" that repeats the verb of an earlier attribution in the
    sentence ("he did not believe Putin wanted war, but wanted to test …", "X said that Y claimed A and
    said B") shares that verb's subject: the nearest such attribution with a source, nested ones included,
    as a one-item list; [] when the cue is not coordinated or repeats no earlier verb. (A different verb
    after "and" — "Merrill says Machado promised A and said B" — was more often the outer speaker's on
    PolNeAR train, so that case keeps the earlier outer attribution's source.)"""
    k = i - 1
    while k > a and doc.lows[k] in _AUX:
        k -= 1
    if k <= a or doc.lows[k] not in ("and", "but"):
        return []
    forms = res.cue_forms()
    lemma = forms.get(doc.lows[i], ("", "", ""))[1]
    before = [r for r in found if r[1] and r[2][1] <= doc.words[k][0]]
    for r in sorted(before, key=lambda r: r[2][0], reverse=True):
        last = doc.text[r[2][0]:r[2][1]].split()[-1].lower()
        if lemma and forms.get(last, ("", "", ""))[1] == lemma:
            return [r]
    return []


def _inverted_aside(doc: _Doc, a: int, b: int, i: int, j: int) -> tuple[int, int] | None:
    """"The plan, said one aide, is dead.": a cue between commas followed by its source (word range
    returned) and a comma, inside an unquoted sentence that goes on with more words."""
    words, lows = doc.words, doc.lows
    if i - 2 <= a or any(_is_quote(doc, x) for x in range(a, b)):
        return None
    comma = next((x for x in range(j, min(b, j + 9)) if words[x][2] in (",", ".", ";", ":", "—", "(")), None)
    if comma is None or words[comma][2] != "," or comma == j or b - comma < 4:
        return None
    first = words[j][2]
    if not (first[:1].isupper() or lows[j] in _SUBJ_DET or lows[j] in ("one", "some", "many", "two", "three")):
        return None
    if any(lows[x] in _VERBISH or lows[x] in ("that", "to") for x in range(j, comma)):
        return None
    return (j, comma)


def _tail_is_empty(doc: _Doc, k: int, b: int) -> bool:
    """True when words [k, b) hold nothing but time words and the final stop ("…, he said on Tuesday.")."""
    return all(doc.words[x][2] in (".", "!", "?") or doc.lows[x] in _DAYS or doc.lows[x] in _TIME_WORDS
               or doc.lows[x] in ("on", "last", "this") for x in range(k, b))


_SENT_ADVERBS = frozenset("meanwhile however though too also instead moreover nonetheless nevertheless".split())
_ADJUNCT_PREP = frozenset("in on at during after before since over".split())
_TAIL_PREP = frozenset("during in on at after before while to of from as with about outside inside".split())


def _quote_ends_sentence(text: str, end: int) -> bool:
    """A quotation that closes a paragraph or is followed by a new sentence (not by more words)."""
    rest = text[end:end + 3].lstrip(" ")
    return not rest or rest[0] in "\n“\"" or rest[0].isupper()


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Strip spaces and the sentence's final stop (keeping closing quotes) from a content span."""
    while e > s and text[e - 1] in " \n\t":
        e -= 1
    while e > s and text[e - 1] in ".;:—–-" and not text[max(s, e - 3):e] == "...":
        e -= 1
        while e > s and text[e - 1] in " \n\t":
            e -= 1
    while e > s and text[e - 1] == "," :
        e -= 1
    while s < e and text[s] in " \n\t,:—–":
        s += 1
    return s, e


#: Cues whose content is a clause ("said (that) …", "believes …"); other cues take a noun phrase
#: ("endorsed Mrs. Clinton", "criticized the plan") that ends at a comma or a subordinate clause.
_CLAUSAL = frozenset(
    f for lemma in """say tell add note write claim argue insist warn affirm vow pledge promise announce declare state
    explain suggest ask respond reply acknowledge admit concede recall emphasize emphasise stress contend maintain
    assert allege predict report testify tweet post confirm reiterate repeat complain boast joke quip indicate
    disclose reveal observe conclude believe think feel fear hope expect know worry doubt suspect assume realize
    realise understand show find guess imagine suppose reckon estimate agree wonder recognize anticipate""".split()
    for f in (lemma, *res.inflections(lemma)))
_CLAUSE_OPENERS = frozenset("that whether if how why what who when where to".split())
_NP_STOPS = frozenset("""because before after when while but since despite during though although until unless
whereas so""".split())


def _clause_with_cue(doc: _Doc, k: int, b: int) -> bool:
    """Words from k hold, within a few words and before any comma, a finite cue verb ("…, while 95
    members favored Clinton"): a second attribution starts there."""
    forms, weak = res.cue_forms(), res.weak_cue_forms()
    for x in range(k, min(b, k + 8)):
        w = doc.words[x][2]
        if w in (",", ";", ":") or _is_quote(doc, x):
            return False
        low = doc.lows[x]
        if x > k and w.islower() and low in forms and low not in weak and forms[low][2] in ("past", "third", "base"):
            return (forms[low][2] != "base" or doc.lows[x - 1] in _SUBJ_PRON
                    or _plural_subject(doc.lows, x, k))
    return False


def _content_stop(doc: _Doc, c: int, b: int, clausal: bool) -> int:
    """End word (exclusive) of a content starting at word c: the sentence's end, or earlier at a dash,
    a parenthesis, a semicolon, ", <verb>-ing" ("…, adding that"), ", according to"; for noun-phrase
    contents also at a comma, a subordinating word or "and <verb>"."""
    words, lows, text = doc.words, doc.lows, doc.text
    forms, weak = res.cue_forms(), res.weak_cue_forms()
    k = c + 1
    while k < b:
        w = words[k][2]
        if w in ("—", "–", "(", ";") or (w == "-" and (text[words[k][0] - 1:words[k][0]] == " "
                                                       or (k + 1 < b and words[k + 1][2] == "-"))):
            if not doc.quote_at(words[k][0]):
                pair = next((x for x in range(k + 2, min(b - 1, k + 40)) if words[x][2] == w), None)
                if w in ("—", "–", "-") and pair is not None and k > c + 1:
                    k = pair + 1  # "her server — there were several — was never hacked": skip the aside
                    continue
                return k
        elif w == "," and k + 1 < b:
            nxt = lows[k + 1]
            if not doc.quote_at(words[k][0]) and (
                    (nxt.endswith("ing") and len(nxt) > 4 and nxt not in ("including", "during")
                     and words[k + 1][2].islower())
                    or (nxt == "according" and k + 2 < b and lows[k + 2] == "to")
                    or nxt in ("although", "though", "whereas")
                    or (nxt in ("while", "but", "and") and _clause_with_cue(doc, k + 2, b))
                    or (nxt == "and" and k + 2 < b and lows[k + 2] in _SUBJ_PRON and lows[k + 2] != "who")
                    or (not clausal and nxt not in ("and", "or", "who", "which", "whose", "whom", "the", "a"))):
                return k
        elif not clausal and lows[k] in _NP_STOPS and not doc.quote_at(words[k][0]):
            return k
        elif (lows[k] in ("and", "but") and k + 1 < b and lows[k + 1] in forms
              and forms[lows[k + 1]][2] in ("past", "third")
              and lows[k + 1] not in weak and not doc.quote_at(words[k][0])):
            return k  # "said X but added Y": a second attribution starts
        elif not clausal and lows[k] == "and" and k + 1 < b and words[k + 1][2].islower() and (
                lows[k + 1].endswith("ed") or lows[k + 1] in _CLAUSAL):
            return k
        k += 1
    return b


_NOT_COLON_SOURCES = frozenset({
    "correction", "clarification", "update", "note", "editor's note", "editor’s note", "paid notice", "related",
    "watch", "look", "read more", "photos", "photo", "video", "source", "disclosure"})
_POSSESSIVE_PRON = frozenset({"his", "her", "their", "its", "our", "my"})
_NOUN_LINKS = frozenset({"that"})  # "to", "of", "for" objects were mostly not attributions on PolNeAR train


def _noun_cues(doc: _Doc, a: int, b: int) -> list[tuple]:
    """"Trump's accusation that …", "her fear that …": a reporting noun after a possessive (the source)
    and before a that-clause (the content)."""
    words, lows, text = doc.words, doc.lows, doc.text
    nouns = res.noun_cues()
    out = []
    for i in range(a + 1, b - 2):
        if lows[i] not in nouns or lows[i + 1] not in _NOUN_LINKS:
            continue
        if doc.quote_at(words[i][0]):
            continue
        p = i - 1
        while p > a and (lows[p] in ("new", "latest", "repeated", "public", "own", "recent", "earlier", "early")
                         or (lows[p].endswith("ly") and len(lows[p]) > 4)):
            p -= 1
        if lows[p] in _POSSESSIVE_PRON:
            src = (p, p + 1)
        elif lows[p].endswith(("'s", "’s")) or (words[p][2] in ("'", "’") and p > a and lows[p - 1].endswith("s")):
            src = _np_left_plain(doc, a, p + 1)
            if not src or src[1] - src[0] > 6 or not words[src[0]][2][:1].isupper() and lows[src[0]] not in _DET:
                continue
        else:
            continue
        c = i + 1  # the content opens with "that"
        stop = _content_stop(doc, c, b, True)
        if stop <= c:
            continue
        content = _trim(text, words[c][0], words[stop - 1][1])
        if content[1] - content[0] > 3:
            out.append((content, (words[src[0]][0], words[src[1] - 1][1]), (words[i][0], words[i][1]), nouns[lows[i]]))
    return out


_SURVEY_NOUNS = frozenset("poll polls survey surveys study studies analysis report".split())


def _in_a_poll(doc: _Doc, a: int, b: int) -> list[tuple]:
    """"In a CBS News poll last month, Clinton led …" / "… leads by 10 points in the 50-state poll.":
    the poll is the source, "in" the cue, the rest of the sentence the content (PolNeAR's evidence)."""
    words, lows, text = doc.words, doc.lows, doc.text
    out = []
    for i in range(a, b - 2):
        if lows[i] != "in":
            continue
        k = i + 1
        head = None
        while k < b and k - i <= 10 and words[k][2] not in (",", ".", ";", ":", "!", "?") and not _is_quote(doc, k):
            if lows[k] in _SURVEY_NOUNS:
                head = k
            k += 1
        if head is None or lows[i + 1] not in ("a", "an", "the", "this", "that", "its", "their", "his", "her", "new",
                                               "recent", "latest") and not words[i + 1][2][:1].isupper():
            continue
        source = (words[i + 1][0], words[k - 1][1])
        starts = i == a or (i == a + 1 and lows[a] in ("but", "and", "yet", "still"))
        if starts and k < b and words[k][2] == "," and k + 1 < b:
            content = _trim(text, words[k + 1][0], words[b - 1][1])
        elif not starts and (k >= b or words[k][2] in (".", "!", "?")) and i > a:
            content = _trim(text, words[a][0], words[i - 1][1])
        else:
            continue
        if content[1] - content[0] > 10:
            out.append((content, source, (words[i][0], words[i][1]), "evidence"))
    return out


def _colon_source(doc: _Doc, a: int, b: int) -> tuple | None:
    """"Mark Cuban: A businessman can run this country", "Q: You open your book …": a sentence opening
    with a short capitalised name and a colon attributes the rest of the paragraph to that name."""
    words, lows, text = doc.words, doc.lows, doc.text
    k = a
    while k < b and k - a <= 5 and words[k][2] != ":":
        w = words[k][2]
        if not (w[:1].isupper() or w in ("'s", "’s", "'", "’", ".", "-") or lows[k] in ("of", "the")):
            return None
        k += 1
    if k >= b or words[k][2] != ":" or k == a or b - k < 4 or lows[a] in res.NOT_NAMES:
        return None
    if any(lows[x] in res.cue_forms() for x in range(a, k)) or text[words[k][1]:words[k][1] + 1] not in (" ", "\xa0"):
        return None
    label = text[words[a][0]:words[k - 1][1]]
    if label.lower() in _NOT_COLON_SOURCES:
        return None  # "Update:", "Correction:", "Paid Notice:" label the text, nobody says it
    end = text.find("\n", words[k][1])
    end = len(text) if end < 0 else end
    content = _trim(text, words[k + 1][0], end)
    if content[1] - content[0] < 10:
        return None
    return (content, (words[a][0], words[k - 1][1]), (words[k][0], words[k][1]), "speech")


# At most this many cues of each kind per sentence. News sentences hold a handful; a hostile text
# ("said said said ...") holds thousands, each content running to the sentence end, which made the
# output (and the time) grow with the square of the sentence.
_MAX_CUES = 50


def _extract(doc: _Doc) -> list[tuple]:
    """Raw attributions: (content_s, content_e, source_s|None, source_e|None, cue_s, cue_e, class)."""
    text, words, lows = doc.text, doc.words, doc.lows
    out = []
    n_sents = len(doc.sents)
    for si, (a, b) in enumerate(doc.sents):
        colon = _colon_source(doc, a, b)
        if colon:
            out.append(colon)
            continue
        out.extend(_noun_cues(doc, a, b)[:_MAX_CUES])
        out.extend(_in_a_poll(doc, a, b))
        cues = _find_cues(doc, a, b)[:_MAX_CUES]
        if not cues:
            continue
        s_end = words[b - 1][1]
        n_before = len(out)
        for i, j, cls, form in cues:
            cue_s, cue_e = words[i][0], words[j - 1][1]
            q = doc.quote_at(cue_s)
            if q and q[1] - q[0] > 15 and not (q[0] < cue_s and q[1] <= cue_e):
                # a cue inside a long quotation is part of the quoted speech
                continue
            source = None
            content = None
            if lows[i] == "according":
                src = _np_right(doc, j, b)
                if src:
                    source = (words[src[0]][0], words[src[1] - 1][1])
                if i == a or (i > a and words[i - 1][2] in _QUOTE_TOKENS):
                    after = src[1] if src else j
                    while after < b and words[after][2] != ",":
                        after += 1
                    if after + 1 < b:
                        content = (words[after + 1][0], s_end)
                elif (words[i - 1][2] == "," and src and src[1] + 4 < b and words[src[1]][2] == ","
                      and not _is_quote(doc, a)):
                    # "One of their decisions, according to X, is to …": the aside sits inside the content;
                    # "In addition, according to X, …": an opening phrase before it is not content
                    if lows[src[1] + 1] in _VERBISH:
                        content = (words[a][0], s_end)
                    elif i - 1 - a <= 3 or (lows[a] in _INTRO and "," not in doc.lows[a:i - 1]):
                        content = (words[src[1] + 1][0], s_end)
                    else:  # "…, according to X, a professor.": an appositive ends the sentence
                        content = (words[a][0], words[i - 1][1])
                else:
                    content = (words[a][0], words[i - 1][1])
                if content:
                    content = _trim(text, *content)
                    if content[1] - content[0] > 3:
                        out.append((content, source, (cue_s, cue_e), cls))
                continue
            prev_tok = words[i - 1][2] if i > a else ""
            # "…," he said / "…," said Smith — the content precedes the cue
            left = _np_left(doc, a, i)
            if left and (lows[left[0]] in _ADJUNCT_PREP or lows[left[1] - 1] in ("ago", "later", "earlier")) and not (
                    lows[left[0] + 1:left[0] + 2] == ["least"] or (left[0] > a and lows[left[0] - 1] in ("and", "or"))
                    or any(words[x][2] in ("-", "—", "–") for x in range(*left))):
                # "but in a later interview said", "have in the past said", "less than two weeks ago said":
                # an adjunct between subject and cue; the subject stands before it (else the sentence's)
                r = left[0] - 1
                while r > a and lows[r] in _AUX:
                    r -= 1
                if r >= a and lows[r] in _RELATIVE:
                    # "Beck, who has in the past described": the relative pronoun, as for "who described"
                    ante = _np_left(doc, a, r + 1)
                    left = (r, r + 1)
                    if ante:
                        doc.heads[(words[r][0], words[r][1])] = (words[ante[0]][0], words[ante[1] - 1][1])
                else:
                    before = _np_left(doc, a, left[0])
                    left = before if before and lows[before[0]] not in _ADJUNCT_PREP and _looks_like_source(
                        doc, *before) else None
            lb = left[0] if left else i
            while lb > a and lows[lb - 1] in _AUX:
                lb -= 1
            lb_tok = words[lb - 1][2] if lb > a else ""
            if (left and lows[lb - 1] == "as" and lb - 2 > a and words[lb - 2][2] == ","
                    and _tail_is_short(doc, j, b)):
                lb, lb_tok = lb - 1, ","  # "The economy is growing, as the president said.": content before "as"
            src_right = None
            appositive = None
            if prev_tok == "," and i - 2 > a and words[i - 2][2] not in _QUOTE_TOKENS and words[i - 2][2] != "'":
                # "Morton Blackwell, the committeeman from Virginia, told AFP": the name before the appositive
                k = i - 2
                while k > a and words[k][2] != "," and i - k < 16:
                    k -= 1
                if k > a and words[k][2] == ",":
                    appositive = _np_left_plain(doc, a, k)
                    for _ in range(2):
                        # "Sanders, meanwhile, who …", "Roxana M. Leon, 63, an independent voter, said"
                        if (appositive and appositive[1] - appositive[0] == 1
                                and (lows[appositive[0]] in _SENT_ADVERBS or lows[appositive[0]].isdigit())
                                and appositive[0] - 1 > a and words[appositive[0] - 1][2] == ","):
                            appositive = _np_left_plain(doc, a, appositive[0] - 1)
                    if appositive and (appositive[1] - appositive[0] > 6 or not _looks_like_source(doc, *appositive)):
                        appositive = None
            right = _np_right(doc, j, b)
            right_end = right[1] if right and _looks_like_source(doc, *right) and words[j][2][:1].isupper() else j
            lead_q = doc.quote_at(words[a][0]) if _is_quote(doc, a) else None
            quote_lead = bool(lead_q and lead_q[1] <= cue_s)  # “…,” Rep. X, a Republican, told Mr. Obama …
            mid = (_inverted_aside(doc, a, b, i, j) if prev_tok == "," and not left and form in ("past", "third")
                   else None)
            if mid:
                # "The contrast with Trump, said Doyle and others, would be clear": the sentence around the aside
                out.append((_trim(text, words[a][0], s_end), (words[mid[0]][0], words[mid[1] - 1][1]), (cue_s, cue_e),
                            cls))
                continue
            if prev_tok == "," and not left and not quote_lead and not _tail_is_short(doc, right_end, b):
                # "John Smith, a spokesman for the group, said …": the name before the appositive
                k = i - 2
                while k > a and doc.words[k][2] != ",":
                    k -= 1
                if appositive:
                    left = appositive
                elif k > a:
                    left = _np_left_plain(doc, a, k)
            elif form != "ing" and prev_tok.lower() not in _RELATIVE and (
                    lb_tok in (",", "”", '"', "’", "''", "'") or prev_tok in (",", "”", '"', "''", "'")):
                # what follows the cue: a short source/time phrase then end of sentence or a comma
                src_right = _np_right(doc, j, b) if not left or prev_tok in (",", "”", '"', "'") else None
                if src_right and not _looks_like_source(doc, *src_right, longest=10):
                    src_right = None
                if appositive and not left:
                    left, src_right = appositive, None
                    lb = left[0]  # the content ends before the name, not before the appositive
                    lb_tok = words[lb - 1][2] if lb > a else ""
                elif src_right and lows[i] in _ADDRESSEE:
                    src_right = None  # "…,” he told AFP: AFP is the addressee
                k = src_right[1] if src_right else j
                after_quote = (lb_tok in ("”", '"', "''", "'") and (not left or left[1] - left[0] <= 8)
                               and (k >= b or lows[k] != "that"))
                quote_before = any(_is_quote(doc, x) for x in range(a, lb))
                colon_after = (k < b and (words[k][2] == ":"
                                          or (words[k][2] == "," and k + 1 < b and _is_quote(doc, k + 1)))
                               and not quote_before)
                # "Asked if he was ever bullied, the candidate said no.", "Last month, 26 percent said the same":
                # an introductory phrase before the source is not the content
                intro_only = not quote_before and lb_tok == "," and (
                    lb - a <= 4 or lows[a] in _INTRO or lows[a] in _TIME_WORDS or lows[a] in ("last", "asked")
                    or (words[a][2][:1].isupper() and lows[a].endswith(("ing", "ed")) and lows[a] not in _NOT_VERBS))
                if intro_only and _tail_is_empty(doc, k, b):
                    intro_only = False  # "In fact, X would …, analysts say.": nothing follows the cue
                if intro_only:
                    colon_after = True
                if (lb_tok == "," and lb - 1 > a and k + 1 < b and words[k][2] == "," and lows[k + 1] in _VERBISH
                        and not any(_is_quote(doc, x) for x in range(a, b))):
                    # "The plan, the statement said, is dead.": the content runs around the source and cue
                    content = _trim(text, words[a][0], s_end)
                    source = (words[left[0]][0], words[left[1] - 1][1]) if left else None
                    out.append((content, source, (cue_s, cue_e), cls))
                    continue
                if not colon_after and (after_quote or _tail_is_short(doc, k, b)):
                    # content is before: from the sentence start (or the quotation's start) to the comma
                    c_end = words[lb - 1][1] if lb > a else cue_s
                    if lb_tok == ",":
                        c_end = words[lb - 1][0]
                    c_start = words[a][0]
                    qq = doc.quote_at(max(c_start, c_end - 1))
                    if qq and qq[0] < c_start:
                        c_start = qq[0]
                    # continuing quotation after the cue: “A,” he said. “B.”
                    after_q = None
                    nxt_tok = k
                    if nxt_tok < b and words[nxt_tok][2] == ",":
                        nxt_tok += 1
                    elif nxt_tok < b and words[nxt_tok][2] in (".", "!", "?") and nxt_tok + 1 >= b:
                        nxt_tok = b
                    if nxt_tok < b and (words[nxt_tok][2] in _OPEN_Q or _is_quote(doc, nxt_tok)):
                        after_q = doc.quote_at(words[nxt_tok][0])
                    elif nxt_tok >= b and si + 1 < n_sents:
                        na = doc.sents[si + 1][0]
                        if ((words[na][2] in _OPEN_Q or _is_quote(doc, na))
                                and "\n" not in text[s_end:words[na][0]]):
                            after_q = doc.quote_at(words[na][0])
                    if after_q is None and lb_tok != ",":
                        # “A,” he said of the voters, “B.” — a quotation after a comma ends the sentence
                        x = next((x for x in range(j, b) if _is_quote(doc, x)), None)
                        if x is not None and words[x - 1][2] == ",":
                            cand = doc.quote_at(words[x][0])
                            if cand and cand[0] == words[x][0] and cand[1] >= words[b - 1][0]:
                                after_q = cand
                    if (after_q is None and si + 1 < n_sents and lb_tok != ","
                            and not any(_is_quote(doc, x) and words[x - 1][2] in (",", ":") for x in range(j, b))):
                        # “A,” said Bruce Haynes, a GOP strategist. “B.” — the quotation continues
                        na = doc.sents[si + 1][0]
                        if ((words[na][2] in _OPEN_Q or _is_quote(doc, na))
                                and "\n" not in text[s_end:words[na][0]]):
                            after_q = doc.quote_at(words[na][0])
                    if after_q and not _quote_ends_sentence(text, after_q[1]):
                        after_q = None
                    while after_q:
                        # “A,” she said. “B.” “C.” — further quotations directly following
                        nq = doc.quote_at(after_q[1] + 1) or doc.quote_at(after_q[1] + 2)
                        if (not nq or nq[0] < after_q[1] or text[after_q[1]:nq[0]].strip(" \xa0")
                                or not _quote_ends_sentence(text, nq[1])):
                            break
                        after_q = nq
                    if left and not src_right:
                        source = (words[left[0]][0], words[left[1] - 1][1])
                    elif src_right:
                        source = (words[src_right[0]][0], words[src_right[1] - 1][1])
                    c_start, c_end2 = _trim(text, c_start, c_end)
                    if c_end2 - c_start > 3:
                        content = (c_start, c_end2)
                        if after_q:
                            content = (c_start, after_q[1])
                        out.append((content, source, (cue_s, cue_e), cls))
                        continue
            # SOURCE CUE (that) CONTENT
            if form == "ing" and (prev_tok == "," or lows[i - 1] in _GERUND_PREP or lows[i - 1] == "and"):
                # "…, saying …": the source is the previous attribution's source in this sentence,
                # else the sentence's subject
                earlier = _outer(out[n_before:], cue_s, text)
                if earlier:
                    source_prev = earlier[-1][1]
                    left = None
                else:
                    source_prev = None
                    left = _subject(doc, a, i)
            else:
                source_prev = None
            pb = i - 1
            while pb > a and (lows[pb] in ("first", "also", "not", "never", "still", "already", "widely", "once")
                              or (lows[pb].endswith("ly") and len(lows[pb]) > 4)):
                pb -= 1  # "was first reported", "is widely expected"
            passive = i > a and lows[pb] in _BE and lows[pb] != "'s" and form in ("past",)
            if passive:
                left = None
            elif lows[i - 1] == "to" and i - 1 > a:
                left = _subject(doc, a, i)  # "voters are more likely to say …": the clause's subject
            elif form == "ing" and left and not (words[left[0]][2][:1].isupper() or lows[left[0]] in _SUBJ_PRON
                                                 or lows[left[0]] in _SUBJ_DET):
                left = _subject(doc, a, i) or left  # "Cruz is making a pitch to voters saying …"
            elif not left and not source_prev and i > a:
                # "She has since stressed", "X did A and said B": the earlier attribution's source in
                # this sentence, else the sentence's subject
                earlier = (_coordinated(doc, a, i, out[n_before:])
                           or [r for r in _outer(out[n_before:], cue_s, text) if r[1]])
                if earlier:
                    source_prev = earlier[-1][1]
                else:
                    left = _subject(doc, a, i)
            if left:
                source = (words[left[0]][0], words[left[1] - 1][1])
                rel = next((x for x in range(left[1], i) if lows[x] in _RELATIVE), None)
                if rel is not None and any(lows[x] not in _AUX and not lows[x].endswith("ly")
                                           for x in range(rel + 1, i)):
                    rel = None  # "Sanders, who sits at zero endorsements, said": the name is the source
                if rel is not None:
                    # "Beck, who said …": PolNeAR's source is the relative pronoun; the speaker its antecedent
                    doc.heads[(words[rel][0], words[rel][1])] = source
                    source = (words[rel][0], words[rel][1])
            elif source_prev:
                source = source_prev
            elif i == a and form in ("ing", "past") and words[i][2][:1].isupper():
                # "Asked which county was his favorite, he demurred": the main clause's subject
                comma = next((x for x in range(j, b) if words[x][2] == ","), None)
                subj = _subject(doc, comma + 1, b) if comma is not None else None
                if subj:
                    source = (words[subj[0]][0], words[subj[1] - 1][1])
            if lows[i] in _NO_SOURCE:
                source = None  # "X seems to …": PolNeAR gives these no source
            elif lows[i] in ("asked", "pressed") and (i == a or lows[i - 1] in ("when", "if", "after", "as", "once",
                                                                             "while", "before", "until")):
                source = None  # "Asked if …, Ryan said", "when asked about …": the asker is not named
            c = j
            while c < b and (lows[c] in _DAYS or lows[c] in _TIME_WORDS):
                c += 1
            # "told reporters that …", "urged voters to …": skip a short object up to that/to
            if lows[i] in ("told", "tell", "tells", "telling", "asked", "urged", "warned", "reminded", "assured",
                           "informed", "convinced", "persuaded") or (
                    lows[i] in ("called", "calls", "calling") and j < b and lows[j] in ("on", "upon")):
                for k in range(j, min(b, j + 10)):
                    if lows[k] in ("that", "how", "what", "why", "whether", "to", "if") or words[k][2] in (":",):
                        c = k
                        break
            elif c < b and (lows[c] in _TAIL_PREP or lows[c] == "last") and lows[i] in _CLAUSAL:
                # "said in a statement that …", "said on Monday that …", "said last week in Tel Aviv, “…”":
                # the adjunct is not content
                for k in range(c + 1, min(b, c + 12)):
                    if lows[k] == "that" or words[k][2] == ":":
                        c = k
                        break
                    if words[k][2] == "," and k + 1 < b and _is_quote(doc, k + 1):
                        c = k + 1
                        break
                    if words[k][2] in (",", ";", "—") or _is_quote(doc, k) or lows[k] in _VERBISH or (
                            lows[k] in res.cue_forms() and not words[k][2][:1].isupper()):
                        break
            if c < b and words[c][2] in (",", ":", "—"):
                c += 1
            if passive and c < b and lows[c] == "by":
                src = _np_right(doc, c + 1, b)
                if src:
                    source = (words[src[0]][0], words[src[1] - 1][1])
                    c = src[1]
                    if c >= b or words[c][2] in (".", "!", "?"):
                        # "Scully's involvement was first reported by the New York Times.": the subject is the content
                        subj = _np_left(doc, a, pb)
                        if subj:
                            out.append(((words[subj[0]][0], words[subj[1] - 1][1]), source, (cue_s, cue_e), cls))
                        continue
            if (passive and c < b and (lows[c] in _ADJUNCT_PREP or lows[c] in ("and", "during", "last", "this"))
                    and lows[i] not in _ADDRESSEE and lows[i] not in ("asked", "pressed", "quoted")):
                # "The move was hotly criticized in Congress by …", "Kasich was endorsed in New Hampshire":
                # a passive with no clause after it reports on its subject; the agent after "by" is the source
                subj = _np_left(doc, a, pb)
                if subj and _looks_like_source(doc, *subj, longest=10):
                    by = next((x for x in range(c, b) if lows[x] == "by" or words[x][2] in (",", ";", "—")), None)
                    src = _np_right(doc, by + 1, b) if by is not None and lows[by] == "by" else None
                    if src:
                        source = (words[src[0]][0], words[src[1] - 1][1])
                    out.append(((words[subj[0]][0], words[subj[1] - 1][1]), source, (cue_s, cue_e), cls))
                    continue
            if c >= b:
                if words[b - 1][2] == ":" and si + 1 < n_sents:
                    # "X continued:" — the content is what follows (the next paragraph)
                    ps = words[doc.sents[si + 1][0]][0]
                    pe = text.find("\n", ps)
                    pe = len(text) if pe < 0 else pe
                    cs, ce = _trim(text, ps, pe)
                    if ce > cs:
                        out.append(((cs, ce), source, (cue_s, cue_e), cls))
                continue
            c_start = words[c][0]
            c_end = s_end
            qq = doc.quote_at(c_start)
            if qq and qq[0] == c_start and qq[1] > c_end:
                c_end = qq[1]
            elif not (qq and qq[0] == c_start):
                stop = _content_stop(doc, c, b, lows[i] in _CLAUSAL or (c < b and lows[c] in _CLAUSE_OPENERS))
                if i == a and form in ("past", "ing"):
                    # "Asked if he was ever bullied, the candidate said no": the participle clause ends at the comma
                    stop = next((x for x in range(c + 1, stop) if words[x][2] == ","), stop)
                if stop < b:
                    c_end = words[stop - 1][1]
                else:
                    # "said that “ethanol people” “do a fantastic job. And it’s so important.”": a quotation
                    # opened in the content and closed in a later sentence belongs to the content
                    last = next((q for q in reversed(doc.quotes) if c_start <= q[0] < c_end), None)
                    if last and last[1] > c_end and "\n" not in text[c_end:last[1]]:
                        c_end = last[1]
            if lows[i] in _NO_SOURCE and left and lows[c] == "to":
                c_start = words[left[0]][0]  # "Investors seem to agree": PolNeAR's content is "Investors … to agree"
            cs, ce = _trim(text, c_start, c_end)
            if ce - cs > 1:  # "said no", "said so"
                out.append(((cs, ce), source, (cue_s, cue_e), cls))
    return out


_SAY = frozenset("say says said saying tell tells told telling".split())
_PLACE_START = re.compile(r"(?i)(?:on|in|at|during)\b")
_ADJUNCT_START = re.compile(r"(?i)(?:by|from|over|after|before|until)\b")


def _drop_nested(raw: list[tuple], text: str) -> list[tuple]:
    """Drop attributions nested in the content of another one when PolNeAR rarely annotates them:
    belief and evidence cues inside a speech or belief content ("Lavrov said [he hoped …]"), and
    reporting verbs other than say/tell with an unquoted content ("he said [Trump attacked the plan]").
    On PolNeAR train, about one in ten (beliefs) and one in five (other verbs) of these inner
    predictions was a gold attribution."""
    from newslab.evaluate.polnear import quote_kind

    outer = [(r[0][0], r[0][1], r[2]) for r in raw if r[3] in ("speech", "belief")]
    keep = []
    for r in raw:
        nested = any(s <= r[2][0] < e and cue != r[2] for s, e, cue in outer)
        if nested and (r[3] != "speech" or (text[r[2][0]:r[2][1]].lower() not in _SAY
                                             and quote_kind(text[r[0][0]:r[0][1]]) == "indirect")):
            continue
        keep.append(r)
    return keep


def _quote_then_verb(doc: _Doc, qe: int) -> tuple | None:
    """“…!” beamed Donald Hartley. / “…,” she quipped. — a quotation closed by , ! or ? and followed by a
    name and a past-tense verb (in either order) that end the sentence: (source span, cue span)."""
    words, lows, text = doc.words, doc.lows, doc.text
    if text[qe - 2:qe - 1] not in (",", "!", "?") and text[qe - 3:qe - 2] not in (",", "!", "?"):
        return None
    k = _word_at(doc, qe)
    if k is None or k >= len(words):
        return None
    b = doc.sents[doc.sent_of[k]][1]
    if doc.sent_of[k] != doc.sent_of[max(0, k - 1)] or "\n" in text[qe:words[k][0]]:
        return None
    tail = [x for x in range(k, b) if words[x][2] not in (".", "!", "?")]
    if not tail or len(tail) > 8 or any(_is_quote(doc, x) or words[x][2] in (",", ";", ":") for x in tail):
        return None

    def verb(x: int) -> bool:
        return words[x][2].islower() and lows[x].endswith("ed") and len(lows[x]) > 4 and lows[x] not in _VERBISH

    first, last = tail[0], tail[-1]
    if verb(first) and words[first + 1][2][:1].isupper() if first + 1 < b else False:
        return (words[first + 1][0], words[last][1]), (words[first][0], words[first][1])
    if verb(last) and (words[first][2][:1].isupper() or lows[first] in _SUBJ_PRON) and last - first <= 6:
        return (words[first][0], words[last - 1][1]), (words[last][0], words[last][1])
    return None


def _word_at(doc: _Doc, pos: int) -> int | None:
    """Index of the first word starting at or after ``pos``."""
    i = bisect.bisect_left(doc.starts, pos)
    return i if i < len(doc.words) else None


def _bare_quotes(doc: _Doc, raw: list[tuple]) -> list[tuple]:
    """Quotations that no cue claimed: followed by a name and a past-tense verb ("“…!” beamed X",
    :func:`_quote_then_verb`), or of five or more words and introduced by "X:" (source X, cue the
    colon). A quotation without either is skipped: guessing its speaker (e.g. the previous
    paragraph's) was wrong more often than right on PolNeAR train."""
    text, words = doc.text, doc.words
    taken = [r[0] for r in raw]
    out = []
    for qs, qe in doc.quotes:
        if any(a < qe and qs < b for a, b in taken):
            continue
        content = _trim(text, qs, qe)
        inv = _quote_then_verb(doc, qe)
        if inv:
            out.append((content, *inv, "speech"))
            continue
        if text.count(" ", qs, qe) < 4:
            continue
        k = _word_at(doc, qs)  # word index of the opening mark
        if k is None:
            continue
        si = doc.sent_of[k]
        a = doc.sents[si][0]
        if k > a and words[k - 1][2] == ":":
            subj = _np_left(doc, a, k - 1)
            if not subj or not words[subj[0]][2][:1].isupper() or any(
                    words[x][2][:1].islower()
                    and (doc.lows[x] in res.cue_forms() or doc.lows[x].endswith(("ed", "ing")))
                    for x in range(*subj)):
                subj = _subject(doc, a, k - 1) or subj  # "McConnell delivered a blunt message to Trump: “…”"
            if subj and _looks_like_source(doc, *subj):
                out.append((content, (words[subj[0]][0], words[subj[1] - 1][1]), (words[k - 1][0], words[k - 1][1]),
                            "speech"))
    return out


def attributions(text: str, *, actors_index: ActorIndex | None = None, nested: bool = False) -> pd.DataFrame:
    """Attributions in ``text``, one row per attribution in text order (columns: ``SCHEMA``).

    ``speaker`` is the canonical name of the actor at the head of the source ("" when the source
    is missing or names no known actor); ``source_start``/``source_end`` are NA when there is no source.
    By default the table has PolNeAR's shape: beliefs and non-say reporting verbs nested in another
    attribution's content are left out ("Psaki said [Biden knows that …]" gives Psaki's attribution
    only); ``nested=True`` keeps them (e.g. to find the innermost holder of an opinion).
    """
    cached = index(text)
    if actors_index is None or actors_index is cached:
        return frame(attribution_rows(text, nested), SCHEMA)
    return frame(_rows(text, actors_index, nested), SCHEMA)


@lru_cache(maxsize=8)
def attribution_rows(text: str, nested: bool = False) -> tuple[tuple, ...]:
    """The rows of ``attributions(text)`` as plain tuples in ``SCHEMA`` order, cached per text.

    Stance and corpus runs ask for the same article's attributions again; they take these rows
    instead of building and taking apart a DataFrame.
    """
    return tuple(_rows(text, index(text), nested))


def _rows(text: str, idx: ActorIndex, nested: bool) -> list[tuple]:
    from newslab.evaluate.polnear import quote_kind

    doc = _Doc(text, idx.words if idx.words and idx.text == text else None)
    raw = _extract(doc)
    raw.extend(_bare_quotes(doc, raw))
    if not nested:
        raw = _drop_nested(raw, text)
    # a content before its cue needs a source and a reporting verb ("…, he said"); beliefs and sourceless
    # ones in that shape were almost never attributions on PolNeAR train
    raw = [r for r in raw if r[0][1] > r[2][0] or (r[1] and r[3] != "belief")]
    # a one-word cue whose content opens with "by", "from", "over", "after", "before" or "until" took an
    # adjunct for its content ("respond by finding …", "voted after …"): at most one in five was an
    # attribution on PolNeAR train
    raw = [r for r in raw if not (r[0][0] > r[2][0] and " " not in text[r[2][0]:r[2][1]].strip()
                                  and _ADJUNCT_START.match(text, r[0][0]))]
    # a short place or programme phrase after the cue ("said on Fox News’s “Hannity,”", "said in Paris") is
    # an adjunct, not what was said
    raw = [r for r in raw if not (r[0][0] > r[2][0] and _PLACE_START.match(text, r[0][0])
                                  and text.count(" ", r[0][0], r[0][1]) < 5)]
    # a participle cue without a source ("…, seeking to …", "considering a moratorium") was an attribution
    # about one time in fourteen on PolNeAR train
    raw = [r for r in raw if r[1] or not text[r[2][0]:r[2][1]].split(" ", 1)[0].lower().endswith("ing")]
    seen: set[tuple[int, int]] = set()
    rows = []
    raw.sort(key=lambda r: (r[0][0], r[2][0], r[0][1]))
    for content, source, cue, cls in raw:
        if content in seen:
            continue
        seen.add(content)
        actor = idx.actor_at(*doc.heads.get(source, source)) if source else None
        rows.append((
            len(rows), quote_kind(text[content[0]:content[1]]),
            source[0] if source else pd.NA, source[1] if source else pd.NA,
            cue[0], cue[1], content[0], content[1],
            actor.name if actor else "", actor.id if actor else pd.NA, cls,
            text[source[0]:source[1]] if source else "", text[cue[0]:cue[1]], text[content[0]:content[1]],
        ))
    return rows
