"""Corpus-level views of a run's tables: outlets × weeks, cited sources, stance, one timeline.

Each function takes the tables of a run (``load_run(folder)``, a dict of DataFrames) and
returns a tidy table with fixed columns, empty (not an error) when the run has no rows or
lacks the analysis. Articles without an outlet are grouped under ``"(unknown)"``, without a
date under ``"(undated)"``.

>>> tables = load_run("runs/polnear-dev")  # doctest: +SKIP
>>> outlet_weeks(tables).head()  # doctest: +SKIP

See Also: :func:`newslab.corpus.load_run`.
"""
from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from newslab.tables import empty, frame

UNKNOWN = "(unknown)"
UNDATED = "(undated)"

OUTLET_WEEKS_SCHEMA = {"outlet": "string", "week": "string", "articles": "int64"}
SOURCES_SCHEMA = {"outlet": "string", "source": "string", "attributions": "int64", "articles": "int64",
                  "rank": "int64"}

Tables = Mapping[str, pd.DataFrame]


def outlets(tables: Tables) -> pd.DataFrame:
    """``article_id`` -> ``outlet`` and ISO ``week`` (e.g. ``"2016-W37"``) of every loaded article."""
    articles = tables["articles"]
    articles = articles[articles["status"] != "failed"]
    outlet = articles["source"].fillna(UNKNOWN).astype("string")
    dates = pd.to_datetime(articles["date"])
    iso = dates.dt.isocalendar()
    week = (iso["year"].astype("string") + "-W" + iso["week"].astype("string").str.zfill(2))
    week = week.fillna(UNDATED).astype("string")
    return pd.DataFrame({"article_id": articles["article_id"].to_numpy(), "outlet": outlet.to_numpy(),
                         "week": week.to_numpy()}).astype("string")


def outlet_weeks(tables: Tables) -> pd.DataFrame:
    """How many articles each outlet published per ISO week, sorted by outlet and week."""
    info = outlets(tables)
    if info.empty:
        return empty(OUTLET_WEEKS_SCHEMA)
    counts = info.groupby(["outlet", "week"]).size().reset_index(name="articles")
    return frame(counts.sort_values(["outlet", "week"]).to_dict("records"), OUTLET_WEEKS_SCHEMA)


def top_sources(tables: Tables, top: int = 10) -> pd.DataFrame:
    """The ``top`` most cited sources per outlet: who the attributions name as the speaker.

    A source is the attribution's resolved speaker, else its source text; attributions
    without a source are left out. ``articles`` counts the articles citing the source.
    """
    attributions = tables.get("attributions")
    if attributions is None or attributions.empty:
        return empty(SOURCES_SCHEMA)
    speaker = attributions["speaker"].astype("string").fillna("").str.strip()
    source_text = attributions["source_text"].astype("string").fillna("").str.strip()
    cited = pd.DataFrame({"article_id": attributions["article_id"],
                          "source": speaker.where(speaker != "", source_text)})
    cited = cited[cited["source"] != ""].merge(outlets(tables), on="article_id")
    if cited.empty:
        return empty(SOURCES_SCHEMA)
    counts = (cited.groupby(["outlet", "source"])
              .agg(attributions=("article_id", "size"), articles=("article_id", "nunique"))
              .reset_index()
              .sort_values(["outlet", "attributions", "articles", "source"],
                           ascending=[True, False, False, True]))
    counts["rank"] = counts.groupby("outlet").cumcount() + 1
    return frame(counts[counts["rank"] <= top].to_dict("records"), SOURCES_SCHEMA)


STANCE_SCHEMA = {"outlet": "string", "target": "string", "target_kind": "string", "n": "int64",
                 "n_negative": "int64", "n_neutral": "int64", "n_positive": "int64",
                 "mean_polarity": "float64", "mean_score": "float64", "articles": "int64"}
TIMELINE_SCHEMA = {"date": "string", "date_end": "string", "granularity": "string", "outlet": "string",
                   "article_id": "string", "event_id": "int64", "event_text": "string",
                   "actors": "string", "timex_text": "string", "anchor_rule": "string",
                   "start": "int64", "end": "int64"}


def stance_by_outlet(tables: Tables, *, min_evidence: int = 1, include_neutral: bool = True) -> pd.DataFrame:
    """The stance matrix with outlets in the speakers' place: every speaker quoted by an outlet
    (and its narrative voice) pooled, one row per (outlet, target), sorted by outlet and target.

    ``mean_polarity`` is the mean of -1/0/+1 over the rows (-1..+1), ``articles`` how many
    articles of the outlet the target's stance rows come from.
    """
    stance = tables.get("stance")
    if stance is None or stance.empty:
        return empty(STANCE_SCHEMA)
    from newslab.stance import stance_matrix

    pooled = stance.merge(outlets(tables), on="article_id")
    if pooled.empty:
        return empty(STANCE_SCHEMA)
    matrix = stance_matrix(pooled.assign(speaker=pooled["outlet"]), min_evidence=min_evidence,
                           include_neutral=include_neutral)
    spread = (pooled.groupby(["outlet", "target"])["article_id"].nunique()
              .rename("articles").reset_index().rename(columns={"outlet": "speaker"}))
    matrix = matrix.merge(spread, on=["speaker", "target"], how="left").rename(columns={"speaker": "outlet"})
    return frame(matrix.to_dict("records"), STANCE_SCHEMA)


def stance_grid(matrix: pd.DataFrame, *, top: int = 12, value: str = "mean_polarity") -> pd.DataFrame:
    """Outlet × target grid of ``value`` for the ``top`` targets with most stance rows overall."""
    if matrix.empty:
        return pd.DataFrame(index=pd.Index([], name="outlet", dtype="string"),
                            columns=pd.Index([], name="target", dtype="string"), dtype="float64")
    totals = matrix.groupby("target")["n"].sum().sort_values(ascending=False, kind="stable")
    ranked = sorted(totals.index, key=lambda t: (-totals[t], t))[:top]
    grid = (matrix[matrix["target"].isin(ranked)]
            .pivot(index="outlet", columns="target", values=value)
            .reindex(index=sorted(matrix["outlet"].unique()), columns=ranked).astype("float64"))
    grid.index.name, grid.columns.name = "outlet", "target"
    return grid


def merged_timeline(tables: Tables, *, anchored_only: bool = True) -> pd.DataFrame:
    """Events of every article on one calendar, sorted by date, outlet, article and offset.

    ``anchored_only`` keeps the events dated by a time expression of their own article (a
    ``timex_id``), leaving out those that only inherit the publication date.
    """
    timeline = tables.get("timeline")
    if timeline is None or timeline.empty:
        return empty(TIMELINE_SCHEMA)
    events = timeline[timeline["date"].notna() & (timeline["date"] != "")]
    if anchored_only:
        events = events[events["timex_id"].notna()]
    events = events.merge(outlets(tables)[["article_id", "outlet"]], on="article_id")
    if events.empty:
        return empty(TIMELINE_SCHEMA)
    events = events.sort_values(["date", "outlet", "article_id", "start"], kind="stable")
    return frame(events[list(TIMELINE_SCHEMA)].to_dict("records"), TIMELINE_SCHEMA)
