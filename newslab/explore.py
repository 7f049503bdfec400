"""First look at an article or a corpus: counts, content words, collocations, concordance.

The helpers behind ``notebooks/explore.ipynb``. Each takes an :class:`~newslab.Article`, a
plain text, or an iterable of articles, and returns a tidy table whose rows point back into
the text (``article_id``, ``start``, ``end``).

>>> import newslab as nl
>>> article = nl.load_article(nl.SEED_PATH)
>>> content_words(article, top=3)["word"].tolist()
['ukraine', 'russian', 'military']

See Also: :func:`newslab.tokens`, :func:`newslab.load_corpus`.
"""
from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import pandas as pd

from newslab.io import SEED_PATH, Article, article_from_text, load_article, load_corpus
from newslab.tables import frame
from newslab.text import paragraph_spans, sentence_spans, token_spans

COUNTS_SCHEMA = {"article_id": "string", "title": "string", "date": "datetime64[s]", "characters": "int64",
                 "paragraphs": "int64", "sentences": "int64", "tokens": "int64", "words": "int64",
                 "content_words": "int64"}
CONTENT_WORD_SCHEMA = {"word": "string", "count": "int64", "articles": "int64", "article_id": "string",
                       "start": "int64", "end": "int64"}
COLLOCATION_SCHEMA = {"first": "string", "second": "string", "count": "int64", "score": "float64",
                      "article_id": "string", "start": "int64", "end": "int64"}
CONCORDANCE_SCHEMA = {"article_id": "string", "sentence_id": "int64", "start": "int64", "end": "int64",
                      "left": "string", "match": "string", "right": "string"}

_TABLE_SUFFIXES = (".jsonl", ".csv", ".tsv")


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """The shipped English stopword list (``newslab/data/stopwords_en.txt``)."""
    path = Path(__file__).resolve().parent / "data" / "stopwords_en.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(ln.strip() for ln in lines if ln.strip() and not ln.startswith("#"))


def input_articles(source: str | os.PathLike = "") -> list[Article]:
    """The articles of a notebook's input parameter: ``""`` is the seed, a file one article,
    a folder, glob or JSONL/CSV/TSV table a corpus (loading errors are left out)."""
    text = os.fspath(source)
    if not text:
        return [load_article(SEED_PATH)]
    path = Path(text)
    if path.is_file() and path.suffix.lower() not in _TABLE_SUFFIXES:
        return [load_article(path)]
    return list(load_corpus(text))


def _articles(items: Article | str | Iterable[Article]) -> list[Article]:
    if isinstance(items, Article):
        return [items]
    if isinstance(items, str):
        return [article_from_text(items, id="text")]
    return list(items)


def normalize(word: str) -> str:
    """Lower case with typographic apostrophes as ``'``: the form words are counted in."""
    return word.lower().replace("\u2019", "'").replace("\u2018", "'")


def is_content_word(word: str, stop: frozenset[str] | None = None) -> bool:
    """A normalized token that has a letter, is longer than one character and is no stopword."""
    stop = stopwords() if stop is None else stop
    return len(word) > 1 and any(ch.isalpha() for ch in word) and word not in stop and not word.startswith("'")


def _sentences(text: str) -> list[list[tuple[str, int, int]]]:
    """Per sentence, (normalized word, start, end) of each token."""
    return [sent for _, sent in _numbered_sentences(text)]


def _numbered_sentences(text: str) -> list[tuple[int, list[tuple[str, int, int]]]]:
    """(sentence_id, [(normalized word, start, end), ...]) for each sentence with tokens."""
    out: list[tuple[int, list[tuple[str, int, int]]]] = []
    for sid, _tid, s, e in token_spans(text):
        if not out or out[-1][0] != sid:
            out.append((sid, []))
        out[-1][1].append((normalize(text[s:e]), s, e))
    return out


def text_counts(articles: Article | str | Iterable[Article]) -> pd.DataFrame:
    """One row per article: characters, paragraphs, sentences, tokens, words (tokens with a
    letter or digit) and content words."""
    rows = []
    stop = stopwords()
    for a in _articles(articles):
        toks = [w for sent in _sentences(a.text) for w, _, _ in sent]
        words = [w for w in toks if any(ch.isalnum() for ch in w)]
        rows.append((a.id, a.title, pd.Timestamp(a.date) if a.date else pd.NaT, len(a.text),
                     len(paragraph_spans(a.text)), len(sentence_spans(a.text)), len(toks), len(words),
                     sum(1 for w in words if is_content_word(w, stop))))
    return frame(rows, COUNTS_SCHEMA)


def content_words(articles: Article | str | Iterable[Article], *, top: int | None = 20,
                  stopwords_: frozenset[str] | None = None) -> pd.DataFrame:
    """Most frequent content words: count, number of articles, and the first occurrence
    (``article_id``, ``start``, ``end``). Sorted by count (descending), then word."""
    stop = stopwords() if stopwords_ is None else stopwords_
    counts: Counter[str] = Counter()
    docs: Counter[str] = Counter()
    first: dict[str, tuple[str, int, int]] = {}
    for a in _articles(articles):
        seen = set()
        for sent in _sentences(a.text):
            for w, s, e in sent:
                if is_content_word(w, stop):
                    counts[w] += 1
                    seen.add(w)
                    first.setdefault(w, (a.id, s, e))
        docs.update(seen)
    ranked = sorted(counts, key=lambda w: (-counts[w], w))
    if top is not None:
        ranked = ranked[:top]
    return frame(((w, counts[w], docs[w], *first[w]) for w in ranked), CONTENT_WORD_SCHEMA)


_MEASURES = ("likelihood_ratio", "pmi", "chi_sq", "student_t", "raw_freq")


def collocations(articles: Article | str | Iterable[Article], *, top: int | None = 10, min_count: int = 2,
                 measure: str = "likelihood_ratio") -> pd.DataFrame:
    """Two-word collocations of content words (NLTK's ``BigramCollocationFinder`` over newslab
    tokens, never across a sentence boundary), scored by an NLTK association ``measure``
    (one of likelihood_ratio, pmi, chi_sq, student_t, raw_freq) and kept when seen at least
    ``min_count`` times. Scores are rounded to 3 decimals; ties sort by the words."""
    from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder

    if measure not in _MEASURES:
        raise ValueError(f"measure must be one of {', '.join(_MEASURES)}, got {measure!r}")
    stop = stopwords()
    documents = []
    first: dict[tuple[str, str], tuple[str, int, int]] = {}
    for a in _articles(articles):
        for sent in _sentences(a.text):
            documents.append([w for w, _, _ in sent])
            for (w1, s1, _), (w2, _, e2) in zip(sent, sent[1:]):
                first.setdefault((w1, w2), (a.id, s1, e2))
    finder = BigramCollocationFinder.from_documents(documents)
    finder.apply_word_filter(lambda w: not is_content_word(w, stop))
    finder.apply_freq_filter(max(1, min_count))
    scored = finder.score_ngrams(getattr(BigramAssocMeasures, measure))
    rows = sorted(((w1, w2, finder.ngram_fd[(w1, w2)], round(float(score), 3), *first[(w1, w2)])
                   for (w1, w2), score in scored), key=lambda r: (-r[3], -r[2], r[0], r[1]))
    if top is not None:
        rows = rows[:top]
    return frame(rows, COLLOCATION_SCHEMA)


def concordance(articles: Article | str | Iterable[Article], word: str, *, width: int = 40) -> pd.DataFrame:
    """Every token equal to ``word`` (case-insensitive, apostrophes normalized) with ``width``
    characters of context each side (line breaks shown as spaces), in text order."""
    target = normalize(word.strip())
    rows = []
    for a in _articles(articles):
        text = a.text
        for sid, sent in _numbered_sentences(text):
            for w, s, e in sent:
                if w == target:
                    left = " ".join(text[max(0, s - width):s].split("\n")).rjust(width)
                    right = " ".join(text[e:e + width].split("\n"))
                    rows.append((a.id, sid, s, e, left, text[s:e], right))
    return frame(rows, CONCORDANCE_SCHEMA)
