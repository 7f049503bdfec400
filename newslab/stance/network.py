"""Aggregates of a stance table: the actor × target matrix and the discourse network.

:func:`stance_matrix` gives one row per (speaker, target) pair — a long, tidy table that pivots into
the heatmap (``matrix.pivot(index="speaker", columns="target", values="mean_polarity")``).
:func:`discourse_network` builds a networkx ``DiGraph`` with speakers and targets as nodes and
signed, weighted edges speaker → target; :func:`write_network` exports it as GraphML or GEXF
for Gephi.

>>> import newslab as nl
>>> df = nl.stance("John Smith suffered a humiliating defeat in Ohio.", issues={})
>>> stance_matrix(df)[["speaker", "target", "n", "mean_polarity"]].values.tolist()
[['(narrator)', 'John Smith', 1, -1.0]]

See Also: :func:`newslab.stance.stance`.
"""
from __future__ import annotations

import os
from pathlib import Path

import networkx as nx
import pandas as pd

from newslab.stance.engine import NARRATOR, UNKNOWN
from newslab.tables import frame

MATRIX_SCHEMA = {
    "speaker": "string",
    "target": "string",
    "target_kind": "string",
    "n": "int64",
    "n_negative": "int64",
    "n_neutral": "int64",
    "n_positive": "int64",
    "mean_polarity": "float64",
    "mean_score": "float64",
    "evidence_ids": "string",
}

_SIGN = {"negative": -1, "neutral": 0, "positive": 1}


def stance_matrix(stance: pd.DataFrame, *, min_evidence: int = 1, include_neutral: bool = True,
                  speakers: list[str] | None = None) -> pd.DataFrame:
    """One row per (speaker, target): counts per polarity, mean polarity (-1..+1), mean score and
    ``evidence_ids`` — the stance table's row labels, comma-separated.

    Pairs with fewer than ``min_evidence`` rows (counting neutral rows only when
    ``include_neutral``) are dropped; ``speakers`` keeps only those speakers. Sorted by speaker, target.
    """
    missing = {"speaker", "target", "polarity", "score"} - set(stance.columns)
    if missing:
        raise ValueError(f"stance_matrix() needs a stance table; missing columns {sorted(missing)}")
    groups: dict[tuple[str, str], list] = {}
    kinds = stance["target_kind"] if "target_kind" in stance.columns else ["actor"] * len(stance)
    for row_id, speaker, target, kind, polarity, score in zip(
            stance.index, stance["speaker"], stance["target"], kinds, stance["polarity"], stance["score"]):
        if not include_neutral and polarity == "neutral":
            continue
        if speakers is not None and speaker not in speakers:
            continue
        groups.setdefault((str(speaker), str(target)), []).append((row_id, str(kind), polarity, float(score)))
    rows = []
    for (speaker, target), items in sorted(groups.items()):
        if len(items) < min_evidence:
            continue
        signs = [_SIGN[p] for _, _, p, _ in items]
        rows.append((speaker, target, items[0][1], len(items), signs.count(-1), signs.count(0), signs.count(1),
                     round(sum(signs) / len(signs), 4), round(sum(s for *_, s in items) / len(items), 4),
                     ",".join(str(i) for i, *_ in items)))
    return frame(rows, MATRIX_SCHEMA)


def matrix_pivot(matrix: pd.DataFrame, value: str = "mean_polarity") -> pd.DataFrame:
    """The matrix as a speaker × target grid of ``value`` (NaN where a speaker says nothing of a target)."""
    if matrix.empty:
        return pd.DataFrame(dtype="float64")
    return matrix.pivot(index="speaker", columns="target", values=value).astype("float64")


def discourse_network(stance: pd.DataFrame, *, min_evidence: int = 1, include_neutral: bool = False,
                      include_narrator: bool = True) -> nx.DiGraph:
    """Speakers and targets as nodes, edges speaker → target.

    Node attributes: ``kind`` (speaker/target/both), ``target_kind`` (actor/issue/"").
    Edge attributes: ``weight`` (evidence count, positive so layouts use it), ``sign`` (-1/0/+1 of the
    mean polarity), ``polarity`` (mean polarity), ``signed_weight`` (sum of signs), ``n_negative``,
    ``n_positive``, ``n_neutral``, ``mean_score``, ``evidence_ids``.
    Neutral evidence is ignored unless ``include_neutral``; the narrator's node is
    dropped with ``include_narrator=False``.
    """
    matrix = stance_matrix(stance, min_evidence=min_evidence, include_neutral=include_neutral)
    graph = nx.DiGraph()
    for row in matrix.itertuples(index=False):
        if not include_narrator and row.speaker == NARRATOR:
            continue
        for node, role, kind in ((row.speaker, "speaker", ""), (row.target, "target", row.target_kind)):
            if node in graph:
                data = graph.nodes[node]
                if data["kind"] != role:
                    data["kind"] = "both"
                if kind and not data["target_kind"]:
                    data["target_kind"] = kind
            else:
                graph.add_node(node, label=node, kind=role, target_kind=kind,
                               narrator=node in (NARRATOR, UNKNOWN))
        polarity = float(row.mean_polarity)
        graph.add_edge(row.speaker, row.target, weight=int(row.n),
                       sign=(polarity > 0) - (polarity < 0), polarity=polarity,
                       signed_weight=int(row.n_positive) - int(row.n_negative),
                       n_negative=int(row.n_negative), n_neutral=int(row.n_neutral),
                       n_positive=int(row.n_positive), mean_score=float(row.mean_score),
                       evidence_ids=str(row.evidence_ids))
    return graph


def write_network(graph: nx.DiGraph, path: str | os.PathLike) -> Path:
    """Write ``graph`` for Gephi: ``.graphml`` or ``.gexf`` by the file's suffix; returns the path."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".graphml":
        nx.write_graphml(graph, path)
    elif suffix == ".gexf":
        nx.write_gexf(graph, path)
    else:
        raise ValueError(f"write_network() writes .graphml or .gexf files, not {path.name!r}")
    return path
