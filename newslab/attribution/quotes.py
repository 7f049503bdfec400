"""Attributions: who said (believes, wants, found) what, with source, cue and content spans.

Rules over words and quotation marks, offline:

1. quotations are found per paragraph (curly, straight and doubled ``''`` marks; a quotation opened
   and never closed runs to the paragraph's end);
2. in each sentence, *cues* are found from word lists by class (``data/cues.tsv``: speech
   "said", "vowed"; belief/intention "believes", "wants"; evidence "shows", "found"; plus
   ``data/multiword_cues.tsv``: "according to", "pointed out", "called for");
3. each cue takes a source and a content by its shape: ``SOURCE CUE (that) CONTENT``,
   ``CONTENT, CUE SOURCE`` / ``CONTENT, SOURCE CUE``, ``according to SOURCE, CONTENT``,
   ``SOURCE CUE: CONTENT`` (content may be the next paragraph), ``…, saying CONTENT``
   (source = the sentence's subject); passives without "by" have no source (``NA``), never a guess;
4. the speaker is the actor (:mod:`newslab.attribution.actors`) mentioned at the head of the
   source, so pronouns and descriptions come out as the actor's fullest name.

Content spans follow PolNeAR's shape: the complement clause including "that" and any quotation
marks, without the sentence's final full stop. ``kind`` is ``direct`` (the content is a quotation),
``mixed`` (it holds quoted words) or ``indirect``.

>>> df = attributions("Sergey Lavrov said he hoped the United States was bringing answers.")
>>> df[["speaker", "source_text", "cue_text", "content_text"]].values.tolist()[0]
['Sergey Lavrov', 'Sergey Lavrov', 'said', 'he hoped the United States was bringing answers']

See Also: :func:`newslab.actors`; :mod:`newslab.evaluate.polnear` measures this on PolNeAR.
"""
from __future__ import annotations

import re

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
_QUOTE_TOKENS = frozenset("“”\"«»")
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
_PASSIVE_OK = frozenset({"expected", "believed", "thought", "reported", "said", "seen", "known", "considered",
                         "told", "asked", "urged", "alleged", "estimated", "projected", "scheduled"})
_NOUNISH_AFTER = frozenset({"of", "for", "to", "in", "on", "that", "and", "or", ",", "."})
_NOUNY = frozenset("""question rule comment remark point claim plan need call report view show find hope fear doubt
charge order support answer request demand attack vote post tweet note state sign back counter record measure rate
rank project document detail estimate signal pitch label promise threaten struggle push press object protest welcome
praise blame hail concern worry aim""".split())
_SPLIT_KEEP = frozenset({"said", "says", "asked", "asks", "told", "added", "wrote", "shouted", "replied"})
_STRUCT = re.compile(r"\n\s*\n")


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
            j = i + 1
            if j < n and words[j][2] in _CLOSE_Q and not text[words[j][1]:words[j][1] + 1].isalnum():
                # closing quote belongs to this sentence when it follows the stop directly
                if words[j][0] == words[i][1]:
                    continue
            if nxt[2][:1].isupper() or nxt[2][:1] in _OPEN_Q or nxt[2][:1].isdigit():
                out.append((start, i + 1))
                start = i + 1
        elif w in _CLOSE_Q and i > 0 and words[i - 1][2] in (".", "!", "?") and words[i - 1][1] == words[i][0]:
            if words[i - 1][2] != "." and any(x[2].lower() in _SPLIT_KEEP for x in words[i + 1:i + 5]):
                continue  # “You winning?” she said.
            if nxt[2][:1].isupper() or nxt[2][:1] in _OPEN_Q:
                out.append((start, i + 1))
                start = i + 1
    if start < n:
        out.append((start, n))
    return out


def _quotes(text: str) -> list[tuple[int, int]]:
    """(start, end) of quotations including their marks; unclosed ones run to the paragraph's end."""
    out = []
    pos = 0
    for para in _STRUCT.split(text) if False else _paragraph_spans(text):
        ps, pe = para
        i = ps
        while i < pe:
            c = text[i]
            if c == "“" or (c == '"' and (i == ps or not text[i - 1].isalnum())) or (
                    c == "'" and text[i:i + 2] == "''" and (i == ps or text[i - 1] in " (\n")):
                closer = {"“": "”", '"': '"', "'": "''"}[c]
                if c == "“":
                    j = text.find("”", i + 1, pe)
                    k = text.find("“", i + 1, pe)
                    if j < 0 or (0 <= k < j and text.find('"', i + 1, pe) < 0 and j < 0):
                        j = -1
                elif c == "'":
                    j = text.find("''", i + 2, pe)
                else:
                    j = text.find('"', i + 1, pe)
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
        pos = pe
    return out


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
    __slots__ = ("text", "words", "lows", "quotes", "q_of_pos", "sent_of", "sents")

    def __init__(self, text: str):
        self.text = text
        self.words = [(m.start(), m.end(), m.group()) for m in res.WORD.finditer(text)]
        self.lows = [w[2].lower() for w in self.words]
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


def _multi_firsts() -> frozenset[str]:
    return frozenset(p.split()[0] for p in res.multiword_cues())


def _find_cues(doc: _Doc, a: int, b: int) -> list[tuple[int, int, str, str]]:
    """(first word, end word, class, form) of cues in sentence words [a, b)."""
    forms, multi = res.cue_forms(), res.multiword_cues()
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
                    hit = (i, i + span, multi[phrase], "multi")
                    break
        if hit is None and low in forms:
            cls, lemma, form = forms[low]
            prev = lows[i - 1] if i > a else ""
            nxt = lows[i + 1] if i + 1 < b else ""
            ok = True
            if prev in _DET and prev not in ("that", "who", "which"):
                ok = False
            elif form == "base":
                ok = prev in _SUBJ_PRON or prev in ("will", "would", "could", "can", "should", "must", "might", "may",
                                                      "did", "do", "does", "n't", "not", "also", "to", "they", "we")
                ok = ok or (prev[:1].isalpha() and words[i - 1][2][:1].isupper() and prev.endswith("s")
                            and nxt in ("that", "to"))
                if prev == "to" and i - 2 >= a and lows[i - 2] in forms:
                    ok = False  # "wants to support": the infinitive is the content of "wants"
            elif form == "third":
                ok = nxt not in ("of", "and", ",", ".") or lemma in ("say", "tell", "add", "note", "write")
            elif form == "ing":
                ok = prev in (",", "is", "are", "was", "were", "been", "be", "by", "—") or nxt in ("that",)
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
                if form == "base" and prev not in _SUBJ_PRON and prev not in ("will", "would", "did", "does", "do",
                                                                             "n't", "not", "could", "can",
                                                                             "should", "might", "may", "also"):
                    ok = False
            if low in ("found", "put", "given", "rated", "ranked", "gave", "give", "gives", "puts", "measured",
                       "measures", "rates", "ranks") and nxt not in ("that",) and cls == "evidence":
                ok = low in ("found",) and nxt not in ("in", "on", "at", "guilty", "dead", ",", ".")
            if low in ("states",) or low == "may":
                ok = False
            if ok and form == "third" and lemma in _NOUNY and nxt != "that":
                w_prev = words[i - 1][2] if i > a else ""
                ok = prev in _SUBJ_PRON or (w_prev[:1].isupper() and i - 1 > a)
            if ok and low in ("known", "seen", "appeared", "accepted", "raised", "spoke", "continue", "needed",
                              "backed", "supported", "rated", "ranked") and nxt not in ("that", "to", ":"):
                ok = False
            if ok:
                hit = (i, i + 1, cls, form)
        if hit:
            # absorb a particle/preposition that belongs to the cue ("spoke of", "pointed to")
            out.append(hit)
            i = hit[1]
        else:
            i += 1
    return out


def _np_left(doc: _Doc, a: int, i: int) -> tuple[int, int] | None:
    """Word range of the subject phrase ending before word i (sentence starts at a)."""
    lows = doc.lows
    j = i
    # skip auxiliaries, adverbs and "on Thursday"
    while j > a:
        low = lows[j - 1]
        if low in _AUX or (low.endswith("ly") and len(low) > 4 and not doc.words[j - 1][2][:1].isupper()):
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
        if k < end and (low in _VERBISH or (low in forms and not w[:1].isupper() and forms[low][2] != "base")):
            break
        if w in (",", ";", ":", "—", "–", "(", ")") or w in _QUOTE_TOKENS or low in _BOUNDARY_WORDS:
            break
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
    # a phrase that is itself a cue or a verb-heavy clause is not a subject
    return (k, end)


def _np_left_plain(doc: _Doc, a: int, i: int) -> tuple[int, int] | None:
    k = i
    while k > a and i - k < 8:
        w = doc.words[k - 1][2]
        if w in (",", ";", ":", "—", "(", ")") or w in _QUOTE_TOKENS or doc.lows[k - 1] in _BOUNDARY_WORDS:
            break
        k -= 1
    return (k, i) if k < i else None


def _np_right(doc: _Doc, i: int, b: int) -> tuple[int, int] | None:
    """Word range of a source phrase starting at word i (after "according to", "said")."""
    k = i
    while k < b and k - i < 12:
        w = doc.words[k][2]
        if w in (",", ";", ":", ".", "!", "?", "—", "(", ")") or w in _QUOTE_TOKENS:
            break
        if doc.lows[k] in _BOUNDARY_WORDS and k > i:
            break
        if doc.lows[k] in _DAYS or (doc.lows[k] in ("on", "in", "at") and k > i):
            break
        k += 1
    return (i, k) if k > i else None


_VERBISH = frozenset("""is are was were be been would will could should can may might has have had do does did
must""".split())


def _looks_like_source(doc: _Doc, a: int, b: int) -> bool:
    """A short phrase naming someone: no verbs, no cue words, at most 7 words."""
    if b - a > 7:
        return False
    forms = res.cue_forms()
    return not any(doc.lows[k] in _VERBISH or (doc.lows[k] in forms and k > a) for k in range(a, b))


def _tail_is_short(doc: _Doc, k: int, b: int) -> bool:
    """True when words [k, b) end the sentence without a new clause: nothing, a few object or time
    words ("reporters", "on Friday"), or a comma then an appositive or a continuing quotation."""
    forms = res.cue_forms()
    if k >= b or doc.words[k][2] in (".", "!", "?", "”", '"'):
        return True
    rest = range(k, b)
    if any(doc.words[x][2] in _QUOTE_TOKENS for x in rest):
        first_q = next(x for x in rest if doc.words[x][2] in _QUOTE_TOKENS)
        return doc.words[first_q - 1][2] in (",", ":") and first_q - k <= 4
    if any(doc.lows[x] in ("that", "whether", "how", "why") or doc.lows[x] in _VERBISH for x in rest):
        return False
    if doc.words[k][2] == ",":
        return b - k <= 16
    return b - k <= 5 and not any(doc.lows[x] in forms for x in rest)


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


def _extract(doc: _Doc) -> list[tuple]:
    """Raw attributions: (content_s, content_e, source_s|None, source_e|None, cue_s, cue_e, class)."""
    text, words, lows = doc.text, doc.words, doc.lows
    out = []
    n_sents = len(doc.sents)
    for si, (a, b) in enumerate(doc.sents):
        cues = _find_cues(doc, a, b)
        if not cues:
            continue
        s_end = words[b - 1][1]
        for ci, (i, j, cls, form) in enumerate(cues):
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
            lb = left[0] if left else i
            while lb > a and lows[lb - 1] in _AUX:
                lb -= 1
            lb_tok = words[lb - 1][2] if lb > a else ""
            rest_end = j
            src_right = None
            right_len = b - j
            if prev_tok == "," and not left and not _tail_is_short(doc, j, b):
                # "John Smith, a spokesman for the group, said …": the name before the appositive
                k = i - 2
                while k > a and doc.words[k][2] != ",":
                    k -= 1
                if k > a:
                    left = _np_left_plain(doc, a, k)
            elif form != "ing" and (lb_tok in (",", "”", '"', "’", "''") or prev_tok in (",", "”", '"', "''")):
                # what follows the cue: a short source/time phrase then end of sentence or a comma
                src_right = _np_right(doc, j, b) if not left or prev_tok in (",", "”", '"') else None
                if src_right and not _looks_like_source(doc, *src_right):
                    src_right = None
                k = src_right[1] if src_right else j
                after_quote = (lb_tok in ("”", '"', "''") and (not left or left[1] - left[0] <= 4)
                               and (k >= b or lows[k] != "that"))
                if after_quote or _tail_is_short(doc, k, b):
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
                    if nxt_tok < b and words[nxt_tok][2] in _OPEN_Q:
                        after_q = doc.quote_at(words[nxt_tok][0])
                    elif nxt_tok >= b and si + 1 < n_sents:
                        na = doc.sents[si + 1][0]
                        if words[na][2] in _OPEN_Q and "\n" not in text[s_end:words[na][0]]:
                            after_q = doc.quote_at(words[na][0])
                    if after_q and not _quote_ends_sentence(text, after_q[1]):
                        after_q = None
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
            if form == "ing" and prev_tok == ",":
                # "…, saying …": the source is the sentence's subject
                subj = _np_right(doc, a, i)
                left = (subj[0], min(subj[1], subj[0] + 4)) if subj else None
            passive = i > a and lows[i - 1] in _BE and form in ("past",) and lows[i] in _PASSIVE_OK
            if passive:
                left = None
            if left:
                source = (words[left[0]][0], words[left[1] - 1][1])
            c = j
            while c < b and (lows[c] in _DAYS or lows[c] in _TIME_WORDS):
                c += 1
            # "told reporters that …", "urged voters to …": skip a short object up to that/to
            if lows[i] in ("told", "tell", "tells", "telling", "asked", "urged", "warned", "reminded", "assured",
                           "informed", "convinced", "persuaded") or lows[i] in ("called", "calls", "calling"):
                for k in range(j, min(b, j + 10)):
                    if lows[k] in ("that", "how", "what", "why", "whether", "to", "if") or words[k][2] in (":",):
                        c = k if lows[k] != "to" or lows[i] not in ("told",) else k
                        break
            if c < b and words[c][2] in (",", ":", "—"):
                c += 1
            if passive and c < b and lows[c] == "by":
                src = _np_right(doc, c + 1, b)
                if src:
                    source = (words[src[0]][0], words[src[1] - 1][1])
                    c = src[1]
            if c >= b:
                if words[b - 1][2] == ":" and si + 1 < n_sents:
                    # "X continued:" — the content is what follows (the next paragraph)
                    na, nb = doc.sents[si + 1]
                    ps = words[na][0]
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
            # stop before a following ", he said" / ", according to" inside the same sentence
            cs, ce = _trim(text, c_start, c_end)
            if ce - cs > 3:
                out.append(((cs, ce), source, (cue_s, cue_e), cls))
    return out


def attributions(text: str, *, actors_index: ActorIndex | None = None) -> pd.DataFrame:
    """Attributions in ``text``, one row per attribution in text order (columns: ``SCHEMA``).

    ``speaker`` is the canonical name of the actor at the head of the source ("" when the source
    is missing or names no known actor); ``source_start``/``source_end`` are NA when there is no source.
    """
    from newslab.evaluate.polnear import quote_kind

    doc = _Doc(text)
    idx = actors_index if actors_index is not None else index(text)
    raw = _extract(doc)
    seen: set[tuple[int, int]] = set()
    rows = []
    raw.sort(key=lambda r: (r[0][0], r[2][0], r[0][1]))
    for content, source, cue, cls in raw:
        if content in seen:
            continue
        seen.add(content)
        actor = idx.actor_at(*source) if source else None
        rows.append((
            len(rows), quote_kind(text[content[0]:content[1]]),
            source[0] if source else pd.NA, source[1] if source else pd.NA,
            cue[0], cue[1], content[0], content[1],
            actor.name if actor else "", actor.id if actor else pd.NA, cls,
            text[source[0]:source[1]] if source else "", text[cue[0]:cue[1]], text[content[0]:content[1]],
        ))
    return frame(rows, SCHEMA)
