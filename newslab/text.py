"""Paragraphs, sentences and tokens with character offsets — offline and fast.

Offsets are the currency: every span indexes into the text it was given, so
``text[start:end]`` is the paragraph, sentence or token.

Sentences
    Punkt's decision rules with parameters the package ships (``data/abbreviations.txt``,
    ``data/sentence_starters.txt``): a ``.``/``!``/``?``/``…`` run (with closing quotes and
    brackets, and stray ``. .`` typos) ends a sentence when the next word starts like a
    sentence — a capital, a digit or an opening quote. After an abbreviation or an
    initialism the orthographic heuristic decides: titles ("Gen.", "Sen.") never end a
    sentence; "U.S.", "Jan.", "Inc." do only when the next word usually starts sentences
    ("in the U.S. The ..." splits, "U.S. President Joe Biden" does not). Paragraphs
    (blank-line separated) always end sentences, and the first line of a text (the title)
    is a paragraph of its own. :func:`punkt_tokenizer` gives NLTK's own Punkt with the
    same parameters.
Tokens
    One compiled regular expression with Penn Treebank conventions: clitics split
    ("Biden" "’s", "do" "n't"), punctuation separate, abbreviations and initialisms kept
    ("U.S.", "Gen."), numbers ("100,000", "3.5") and hyphenated words
    ("seven-decade-old") whole. Every non-space character belongs to exactly one token.

>>> sentences("U.S. President Joe Biden spoke. He left.").text.tolist()
['U.S. President Joe Biden spoke.', 'He left.']
>>> tokens("Bidens’s comment wasn't clear.").text.tolist()
['Bidens', '’s', 'comment', 'was', "n't", 'clear', '.']

See Also: :mod:`newslab.io` — all offsets index into ``Article.text``.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import pandas as pd

from newslab.tables import empty, frame

PARAGRAPH_SCHEMA = {"paragraph_id": "int64", "start": "int64", "end": "int64", "text": "string"}
SENTENCE_SCHEMA = {"sentence_id": "int64", "paragraph_id": "int64", "start": "int64", "end": "int64",
                   "text": "string"}
TOKEN_SCHEMA = {"sentence_id": "int64", "token_id": "int64", "start": "int64", "end": "int64",
                "text": "string"}


# --- shipped parameters -----------------------------------------------------------------

def _data_lines(name: str) -> list[str]:
    raw = resources.files("newslab").joinpath("data", name).read_text(encoding="utf-8")
    return [line.strip() for line in raw.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=None)
def abbreviations() -> dict[str, str]:
    """Shipped abbreviations (lower case, no final period) → kind (title, month, other)."""
    return dict(line.split("\t") for line in _data_lines("abbreviations.txt"))


@lru_cache(maxsize=None)
def sentence_starters() -> frozenset[str]:
    """Shipped words (lower case) that usually open a sentence."""
    return frozenset(_data_lines("sentence_starters.txt"))


# --- regular expressions, compiled once --------------------------------------------------

_CLITIC = r"(?:[sSmMdD]|re|RE|ve|VE|ll|LL)\b"


@lru_cache(maxsize=None)
def _token_pattern(negation: bool = True) -> re.Pattern:
    """The token pattern; ``negation=False`` leaves out the two n't alternatives, which can only
    match where :data:`_NEGATION` does (see :func:`_tokenizer`)."""
    abbrevs = sorted(abbreviations(), key=len, reverse=True)
    capitalised = "|".join(re.escape(a[0].upper() + a[1:]) for a in abbrevs)
    lower_ok = "|".join(re.escape(a) for a in ("etc", "vs", "v", "al", "approx", "est"))
    nt = r"""
        | [^\W_]+(?=[nN]['’][tT]\b)                                     # do|n't
        | [nN]['’][tT]\b                                                # n't""" if negation else ""
    return re.compile(
        rf"""
        https?://[^\s<>"“”]+[^\s<>"“”.,;:!?)\]'’]                     # URL
        | (?=[A-Za-z]{{1,6}}\.)(?<![\w.])(?:{capitalised}|{lower_ok})\.(?!\w)  # abbreviation: Gen. etc.
        | (?<![\w.])(?:[^\W\d_]\.){{2,}}                                # initialism: U.S. U.N.
        | (?<![\w.])[A-Z]\.(?=\s+[A-Z])                                 # initial: John F. Kennedy{nt}
        | (?<=[^\W_])['’]{_CLITIC}                                      # ’s 're 'll ...
        | \w+(?:(?:-|['’](?!{_CLITIC})|(?<=\d)[.,:/](?=\d))\w+)*         # words, numbers, compounds
          (?:@[\w-]+(?:\.[\w-]+)+)?                                     #   and e-mail addresses
        | \.{{2,}} | -{{2,}}                                            # ellipsis, double dash
        | \S                                                            # any other character
        """,
        re.VERBOSE,
    )


_NEGATION = re.compile(r"[nN]['’][tT]")


def _tokenizer(text: str, start: int, end: int) -> re.Pattern:
    """The token pattern for ``text[start:end]``: without the n't alternatives when no n't occurs
    there (they cannot match then, so the tokens are the same; they are the slowest to try)."""
    return _token_pattern(_NEGATION.search(text, start, end) is not None)


# A paragraph: a run of lines that each hold something other than white space.
# It opens at a visible character: a leading ``[^\S\n]*`` would rescan a long run of white space from
# every position in it (quadratic time on hostile text); the pattern has a single group so that
# ``span(1)`` is still the paragraph.
_PARAGRAPH = re.compile(r"(\S[^\n]*(?:\n[^\S\n]*\S[^\n]*)*)")
# A sentence-final run: terminators (with stray ". ." repeats), then closing quotes/brackets,
# followed by white space and the next visible character (captured for the decision).
# It starts only at the first terminator of a run: a try from inside the run eats the same rest of it
# and fails or succeeds alike, but retrying from every position made long runs ("....") quadratic.
_TERMINAL = re.compile(
    r"""(?:[.!?…](?<![.!?…][.!?…])[.!?…]*(?:[ \t]+[.!?…]+(?=\s))*)["'”’»)\]]*(?=\s+["'“‘«(\[]*(\S))""")
_WORD_BEFORE = re.compile(r"[\w.\-’']*$")
_NEXT_WORD = re.compile(r"\s+[\"'“‘«(\[]*([^\W\d_]+)")
_INITIALISM = re.compile(r"(?:[^\W\d_]\.)*[^\W\d_]$")


_NOT_OPENING = frozenset(".,;:!?…)]}”’»-–—%/")


def _opens_sentence(ch: str) -> bool:
    """Whether a sentence may start with ``ch``: not lower case, not closing punctuation."""
    return not ch.islower() and ch not in _NOT_OPENING


def _is_boundary(text: str, end_of_run: int, term_start: int, next_char: str) -> bool:
    """Punkt-style decision for a terminator run found at ``term_start``."""
    if next_char.islower():
        return False
    if not _opens_sentence(next_char):
        return False
    if text[term_start] != ".":
        return True
    word = _WORD_BEFORE.search(text, max(0, term_start - 40), term_start).group().lstrip("'’")
    if not word:
        return True
    kind = abbreviations().get(word.lower())
    if kind is None and not _INITIALISM.fullmatch(word):
        return True
    if kind == "title":
        return False
    if next_char.isdigit():
        return kind != "month"
    follower = _NEXT_WORD.match(text, end_of_run)
    return bool(follower) and follower.group(1).lower() in sentence_starters()


# --- spans (the fast primitives) ---------------------------------------------------------

def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph; the first line (the title) is always its own paragraph."""
    spans = []
    for m in _PARAGRAPH.finditer(text):
        start, end = m.span(1)
        while end > start and text[end - 1].isspace():
            end -= 1
        if not spans:
            newline = text.find("\n", start, end)
            if newline != -1:
                title_end = newline
                while title_end > start and text[title_end - 1].isspace():
                    title_end -= 1
                spans.append((start, title_end))
                after = newline + 1
                while after < end and text[after] != "\n" and text[after].isspace():
                    after += 1  # the pattern opens at a visible character
                rest = _PARAGRAPH.match(text, after, end)
                if rest:
                    spans.append(rest.span(1))
                continue
        spans.append((start, end))
    return spans


def _split_lines(text: str, start: int, end: int) -> list[int]:
    """Line breaks inside a paragraph that end a sentence: after terminal punctuation or a
    heading-like line, before a line that opens like a sentence."""
    cuts = []
    for m_start, m_end in _line_breaks(text, start, end):
        before, after = text[m_start - 1], text[m_end] if m_end < end else ""
        if after and _opens_sentence(after) and not before.islower() and before not in ",;-–—(":
            cuts.append(m_start)
    return cuts


def _line_breaks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The line breaks in ``text[start:end]``: each newline with the white space (other than newlines)
    on both sides of it, found from the newline outwards. A regular expression with white space on
    both sides of the newline tried every position of a long run of spaces: quadratic time."""
    out = []
    pos = start
    while (newline := text.find("\n", pos, end)) != -1:
        s = newline
        while s > pos and text[s - 1] != "\n" and text[s - 1].isspace():
            s -= 1
        e = newline + 1
        while e < end and text[e] != "\n" and text[e].isspace():
            e += 1
        out.append((s, e))
        pos = e
    return out


def sentence_spans(text: str) -> list[tuple[int, int, int]]:
    """(start, end, paragraph_id) of each sentence, in order, covering every non-space character."""
    return list(_sentence_spans(text))


@lru_cache(maxsize=8)
def _sentence_spans(text: str) -> tuple[tuple[int, int, int], ...]:
    """:func:`sentence_spans`, cached per text: the sentences, timeline and stance of one article
    all split it (a tuple, so that no caller can change what the others get)."""
    out: list[tuple[int, int, int]] = []
    append = out.append
    for pid, (pstart, pend) in enumerate(paragraph_spans(text)):
        cuts = [m.end() for m in _TERMINAL.finditer(text, pstart, pend)
                if _is_boundary(text, m.end(), m.start(), m.group(1))]
        if "\n" in text[pstart:pend]:
            cuts = sorted(set(cuts) | set(_split_lines(text, pstart, pend)))
        start = pstart
        for cut in cuts:
            append((start, cut, pid))
            start = cut
            while text[start].isspace():
                start += 1
        append((start, pend, pid))
    return tuple(out)


def word_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each token in ``text[start:end]`` (offsets into ``text``)."""
    if end is None:
        end = len(text)
    return list(map(re.Match.span, _tokenizer(text, start, end).finditer(text, start, end)))


def count_words(text: str, start: int = 0, end: int | None = None) -> int:
    """``len(word_spans(text, start, end))``, without building the spans."""
    if end is None:
        end = len(text)
    return len(_tokenizer(text, start, end).findall(text, start, end))


# --- tables ------------------------------------------------------------------------------

def paragraphs(text: str) -> pd.DataFrame:
    """One row per paragraph: paragraph_id, start, end, text."""
    return frame(((i, s, e, text[s:e]) for i, (s, e) in enumerate(paragraph_spans(text))), PARAGRAPH_SCHEMA)


def sentences(text: str) -> pd.DataFrame:
    """One row per sentence: sentence_id, paragraph_id, start, end, text."""
    return frame(((i, p, s, e, text[s:e]) for i, (s, e, p) in enumerate(sentence_spans(text))), SENTENCE_SCHEMA)


def token_spans(text: str) -> list[tuple[int, int, int, int]]:
    """(sentence_id, token_id, start, end) for every token; token_id counts within the sentence."""
    span = re.Match.span
    out = []
    extend = out.extend
    for sid, (start, end, _) in enumerate(sentence_spans(text)):
        spans = map(span, _tokenizer(text, start, end).finditer(text, start, end))
        extend((sid, tid, s, e) for tid, (s, e) in enumerate(spans))
    return out


def tokens(text: str) -> pd.DataFrame:
    """One row per token: sentence_id, token_id (within the sentence), start, end, text."""
    spans = token_spans(text)
    if not spans:
        return empty(TOKEN_SCHEMA)
    sid, tid, start, end = zip(*spans)
    return frame(zip(sid, tid, start, end, [text[s:e] for s, e in zip(start, end)]), TOKEN_SCHEMA)


def punkt_tokenizer():
    """NLTK's :class:`~nltk.tokenize.punkt.PunktSentenceTokenizer` with newslab's shipped
    parameters (no downloaded model): for comparison, or where Punkt itself is wanted."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(abbreviations())
    params.sent_starters = set(sentence_starters())
    return PunktSentenceTokenizer(params)


def register(subparsers) -> None:
    """``newslab tokenize FILE``: print sentences (or tokens) of an article as TSV."""
    p = subparsers.add_parser("tokenize", help="split an article into sentences or tokens (TSV on stdout)")
    p.add_argument("path", help="a .txt article")
    p.add_argument("--tokens", action="store_true", help="print tokens instead of sentences")
    p.set_defaults(func=_cli_tokenize)


def _cli_tokenize(args) -> int:
    import sys

    from newslab.io import ArticleError, load_article

    try:
        article = load_article(args.path)
    except ArticleError as exc:
        print(f"newslab: {exc}", file=sys.stderr)
        return 2
    table = tokens(article.text) if args.tokens else sentences(article.text)
    table.to_csv(sys.stdout, sep="\t", index=False)
    return 0
