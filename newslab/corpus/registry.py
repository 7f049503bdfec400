"""The analyses a corpus run applies: name -> function(article) -> DataFrame, and its schema.

An :class:`Analysis` is a plain function of one :class:`~newslab.Article` returning a tidy
table, plus the table's *schema* (column -> dtype, see :mod:`newslab.tables`) so that the
corpus tables have stable columns and dtypes even when an analysis finds nothing. The runner
prepends the ``article_id`` column; analyses never see other articles.

Adding an analysis is one line::

    register_analysis("quotes", quotes_of_article, QUOTES_SCHEMA)

An analysis may also give ``rows=``: a function returning the same table as a list of tuples in
schema order (the rows its DataFrame is built from). Runs then write each chunk's Parquet part
straight from the tuples, without a DataFrame per article; every built-in analysis has one, and
``tests/test_corpus.py`` checks that rows and table agree.

The built-in analyses (``sentences``, ``timexes``, ``timeline``, ``actors``,
``attributions``, ``stance``) are registered the first time the registry is read, each only if
its module can be imported (a concern still being built is simply absent). ``tokens`` is
available but not run by default (it is the largest table by far).

See Also: :func:`newslab.corpus.run_corpus`.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from newslab.io import Article
from newslab.tables import Schema, empty, frame
from newslab.text import TOKEN_SCHEMA

AnalysisFunc = Callable[[Article], pd.DataFrame]
RowsFunc = Callable[[Article], list[tuple]]


@dataclass(frozen=True)
class Analysis:
    """One per-article analysis: ``func(article)`` returns a table with ``schema``'s columns.

    ``rows`` (optional) gives the same table as plain tuples in schema order, exactly the rows
    ``func`` builds its table from (``func(a)`` equals ``frame(rows(a), schema)``): a run then
    builds each chunk's Parquet part straight from the tuples, without a DataFrame per article.
    """

    name: str
    func: AnalysisFunc
    schema: Mapping[str, str]
    default: bool = True
    rows: RowsFunc | None = None

    def empty(self) -> pd.DataFrame:
        return empty(self.schema)


_REGISTRY: dict[str, Analysis] = {}
_BUILTINS_LOADED = False

#: Tables every run writes besides the analyses' tables.
ARTICLES_SCHEMA: Schema = {
    "article_id": "string", "path": "string", "line": "Int64", "title": "string",
    "date": "datetime64[ms]", "source": "string", "n_chars": "Int64", "encoding": "string",
    "sha256": "string", "n_sentences": "Int64", "n_tokens": "Int64", "status": "string",
    "n_errors": "int64",
}
ERRORS_SCHEMA: Schema = {
    "article_id": "string", "path": "string", "line": "Int64", "stage": "string",
    "error_type": "string", "message": "string", "traceback": "string",
}
RESERVED = ("articles", "errors")


def register_analysis(name: str, func: AnalysisFunc, schema: Mapping[str, str], *,
                      default: bool = True, rows: RowsFunc | None = None) -> Analysis:
    """Add (or replace) an analysis; ``default=False`` runs it only when asked for by name.

    ``rows`` is an optional faster form of ``func`` returning the table's rows as tuples (see
    :class:`Analysis`); ``func`` stays what the analysis means.
    """
    if name in RESERVED or not name.isidentifier():
        raise ValueError(f"analysis name must be an identifier other than {RESERVED}, got {name!r}")
    if not schema:
        raise ValueError(f"analysis {name!r}: schema must name at least one column")
    schema = {k: v for k, v in schema.items() if k != "article_id"}
    analysis = Analysis(name, func, dict(schema), default, rows)
    _REGISTRY[name] = analysis
    return analysis


def unregister_analysis(name: str) -> None:
    _REGISTRY.pop(name, None)


def registered() -> dict[str, Analysis]:
    """Every registered analysis by name (built-ins first, in pipeline order)."""
    _load_builtins()
    return dict(_REGISTRY)


def select(names: Iterable[str] | None = None) -> list[Analysis]:
    """The analyses to run: the defaults, or the named ones (unknown names are an error)."""
    table = registered()
    if names is None:
        return [a for a in table.values() if a.default]
    names = list(dict.fromkeys(names))
    unknown = [n for n in names if n not in table]
    if unknown:
        raise ValueError(f"unknown analysis {', '.join(map(repr, unknown))}; "
                         f"registered: {', '.join(table)}")
    return [table[n] for n in names]


# --- built-ins ------------------------------------------------------------------------------
# Each wrapper is a module-level function so that it pickles by reference (process pools, Dask).

SENTENCES_SCHEMA: Schema = {"sentence_id": "int64", "paragraph_id": "int64", "start": "int64",
                            "end": "int64", "n_tokens": "int64", "text": "string"}
TOKENS_SCHEMA: Schema = TOKEN_SCHEMA  # the table of newslab.tokens


def sentence_rows(article: Article) -> list[tuple]:
    """Sentences with their token counts (from the fast span primitives of :mod:`newslab.text`)."""
    from newslab.text import count_words, sentence_spans

    text = article.text
    return [(i, para, start, end, count_words(text, start, end), text[start:end])
            for i, (start, end, para) in enumerate(sentence_spans(text))]


def sentences_of(article: Article) -> pd.DataFrame:
    return frame(sentence_rows(article), SENTENCES_SCHEMA)


def token_rows(article: Article) -> list[tuple]:
    from newslab.text import token_spans

    text = article.text
    return [(i, j, s, e, text[s:e]) for i, j, s, e in token_spans(text)]


def tokens_of(article: Article) -> pd.DataFrame:
    return frame(token_rows(article), TOKENS_SCHEMA)


# The *_rows functions give the rows the public functions build their tables from, without the
# table (tests/test_corpus.py checks that they agree on real articles).

def timex_rows(article: Article) -> list[tuple]:
    from newslab.timeline import timex_spans

    text = article.text
    return [(i + 1, s, e, text[s:e], typ, value)
            for i, (s, e, typ, value, _) in enumerate(timex_spans(text, article.date))]


def timexes_of(article: Article) -> pd.DataFrame:
    from newslab.timeline import timexes

    return timexes(article.text, article.date)


def timeline_rows(article: Article) -> list[tuple]:
    from newslab.timeline.events import timeline_rows as rows

    return rows(article.text, article.date)


def timeline_of(article: Article) -> pd.DataFrame:
    from newslab.timeline import timeline

    return timeline(article, article.date)


def actor_rows(article: Article) -> list[tuple]:
    from newslab.attribution.actors import mention_rows

    return mention_rows(article.text)


def actors_of(article: Article) -> pd.DataFrame:
    from newslab.attribution import actors

    return actors(article.text)


def attribution_rows(article: Article) -> list[tuple]:
    from newslab.attribution.quotes import attribution_rows

    return list(attribution_rows(article.text))


def attributions_of(article: Article) -> pd.DataFrame:
    from newslab.attribution import attributions

    return attributions(article.text)


def stance_rows(article: Article) -> list[tuple]:
    from newslab.stance.engine import stance_rows as rows

    return rows(article.text)


def stance_of(article: Article) -> pd.DataFrame:
    from newslab.stance import stance

    return stance(article.text)


# (name, module, function in the module, "module:SCHEMA" of its table or None, wrapper, rows, default).
# Without a named schema the schema is read off the function's result on a probe article.
_BUILTINS = [
    ("sentences", "newslab.text", "sentence_spans", None, sentences_of, sentence_rows, True),
    ("tokens", "newslab.text", "word_spans", None, tokens_of, token_rows, False),
    ("timexes", "newslab.timeline", "timexes", "newslab.timeline.timexes:SCHEMA", timexes_of, timex_rows, True),
    ("timeline", "newslab.timeline", "timeline", "newslab.timeline.events:SCHEMA", timeline_of,
     timeline_rows, True),
    ("actors", "newslab.attribution", "actors", "newslab.attribution.actors:MENTIONS_SCHEMA",
     actors_of, actor_rows, True),
    ("attributions", "newslab.attribution", "attributions", "newslab.attribution.quotes:SCHEMA",
     attributions_of, attribution_rows, True),
    ("stance", "newslab.stance", "stance", "newslab.stance.engine:STANCE_SCHEMA", stance_of, stance_rows, True),
]
_FIXED_SCHEMAS = {"sentences": SENTENCES_SCHEMA, "tokens": TOKENS_SCHEMA}
_PROBE = ("Probe headline\n\nThe minister said on Friday that talks in Geneva would resume "
          "next week, according to officials.\n")


def _module(name: str):
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:  # a concern that is not built yet
        if exc.name is not None and name.startswith(exc.name):
            return None
        raise


def _schema_of(name: str, where: str | None, wrapper: AnalysisFunc) -> dict[str, str] | None:
    """The analysis's schema; None when the function is still a stub (NotImplementedError)."""
    if name in _FIXED_SCHEMAS:
        return dict(_FIXED_SCHEMAS[name])
    if where is not None:
        module_name, attr = where.split(":")
        schema = getattr(_module(module_name), attr, None)
        if isinstance(schema, Mapping) and schema:
            return dict(schema)
    from newslab.io import article_from_text

    try:
        probe = wrapper(article_from_text(_PROBE, id="probe", date="2022-01-21", source="probe"))
    except NotImplementedError:
        return None
    return {c: str(t) for c, t in probe.dtypes.items()}


def _load_builtins() -> None:
    global _BUILTINS_LOADED
    if _BUILTINS_LOADED:
        return
    _BUILTINS_LOADED = True
    user = dict(_REGISTRY)
    _REGISTRY.clear()
    for name, module_name, attr, where, wrapper, rows, default in _BUILTINS:
        module = _module(module_name)
        if module is None or not hasattr(module, attr):
            continue
        schema = _schema_of(name, where, wrapper)
        if schema is not None:
            register_analysis(name, wrapper, schema, default=default, rows=rows)
    _REGISTRY.update(user)  # user registrations made before first use win
