"""NewsMTSC: sentiment of a sentence toward a target person in political news.

The corpus (Hamborg & Donnay, EACL 2021) is JSON Lines, one sentence per line::

    {"primary_gid": ..., "sentence_normalized": "...",
     "targets": [{"Input.gid": ..., "from": 88, "to": 92, "mention": "Cruz", "polarity": 4.0,
                  "further_mentions": [{"from": ..., "to": ..., "mention": ...}]}]}

``from``/``to`` are Python slice offsets into ``sentence_normalized``; polarity 2.0 is
negative, 4.0 neutral, 6.0 positive. :func:`read_newsmtsc` flattens it to one row per target,
:func:`halves` splits a table into a discovery and a check half, :func:`score` gives macro F1
(the corpus' official figure), accuracy, per-class precision, recall and F1 and a confusion matrix.

>>> score(["negative", "neutral"], ["negative", "positive"])["accuracy"]
0.5

See Also: :func:`newslab.target_polarity`, ``notebooks/eval_newsmtsc.ipynb``.
"""
from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import pandas as pd

from newslab.tables import frame

LABELS = ("negative", "neutral", "positive")
POLARITY_LABELS = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}
SPLITS = {"rw": "newsmtsc-rw-dev.jsonl", "mt": "newsmtsc-mt-dev.jsonl", "train": "train.jsonl"}

TARGETS_SCHEMA = {
    "sentence_id": "int64",
    "target_id": "string",
    "text": "string",
    "start": "int64",
    "end": "int64",
    "mention": "string",
    "polarity": "string",
    "further_mentions": "object",
}


def data_folder(folder: str | os.PathLike | None = None) -> Path:
    """The NewsMTSC folder: ``folder`` or, when empty, ``$NEWSLAB_DATA/newsmtsc``."""
    if folder:
        return Path(folder)
    root = os.environ.get("NEWSLAB_DATA")
    if not root:
        raise FileNotFoundError("no NewsMTSC folder given and NEWSLAB_DATA is not set")
    return Path(root) / "newsmtsc"


def read_newsmtsc(path: str | os.PathLike) -> pd.DataFrame:
    """One row per target: ``sentence_id, target_id, text, start, end, mention, polarity``.

    ``further_mentions`` holds a tuple of ``(start, end)`` for other mentions of the same target.
    Raises ``ValueError`` with the line number on a malformed line.
    """
    rows = []
    with open(path, encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                text = record["sentence_normalized"]
                for target in record["targets"]:
                    start, end = int(target["from"]), int(target["to"])
                    if not 0 <= start < end <= len(text):
                        raise ValueError(f"target offsets {start}:{end} outside the sentence")
                    further = tuple(
                        (int(m["from"]), int(m["to"])) for m in target.get("further_mentions") or ()
                    )
                    rows.append((
                        line_no - 1, str(target["Input.gid"]), text, start, end,
                        text[start:end], POLARITY_LABELS[float(target["polarity"])], further,
                    ))
            except (KeyError, ValueError, TypeError, json.JSONDecodeError) as exc:
                raise ValueError(f"{path}:{line_no}: not a NewsMTSC record ({exc})") from exc
    return frame(rows, TARGETS_SCHEMA)


def read_split(name: str, folder: str | os.PathLike | None = None) -> pd.DataFrame:
    """Read a split by name: ``"rw"``, ``"mt"`` (the dev files) or ``"train"``."""
    return read_newsmtsc(data_folder(folder) / SPLITS[name])


def halves(targets: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split a table from :func:`read_newsmtsc` into a discovery half (even ``sentence_id``) and a
    check half (odd), keeping each sentence's targets together.

    Rules are found by reading errors in the first half only; a rule is trusted when the second
    half, never read, improves too. On NewsMTSC train this exposed rules that memorise: phrase
    frames found on one half gained +0.43 macro F1 there and +0.02 on the other.
    """
    odd = (targets["sentence_id"] % 2).astype(bool)
    return targets[~odd].reset_index(drop=True), targets[odd].reset_index(drop=True)


def score(gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str] = LABELS) -> dict:
    """Macro F1, accuracy, per-class P/R/F1 (``per_class`` table) and ``confusion`` (gold × predicted).

    Figures are fractions in [0, 1]; a class with no prediction has precision 0.
    """
    gold, predicted = list(gold), list(predicted)
    if len(gold) != len(predicted):
        raise ValueError(f"gold has {len(gold)} labels but predicted has {len(predicted)}")
    unknown = sorted(set(gold + predicted) - set(labels))
    if unknown:
        raise ValueError(f"unknown labels {unknown}; expected {list(labels)}")
    confusion = pd.DataFrame(0, index=pd.Index(list(labels), name="gold"),
                             columns=pd.Index(list(labels), name="predicted"), dtype="int64")
    for g, p in zip(gold, predicted):
        confusion.loc[g, p] += 1
    rows = []
    for label in labels:
        tp = int(confusion.loc[label, label])
        n_pred = int(confusion[label].sum())
        n_gold = int(confusion.loc[label].sum())
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        rows.append((label, p, r, f, n_gold))
    per_class = frame(rows, {"label": "string", "precision": "float64", "recall": "float64",
                             "f1": "float64", "support": "int64"})
    n = len(gold)
    return {
        "macro_f1": float(per_class["f1"].mean()) if n else 0.0,
        "accuracy": sum(g == p for g, p in zip(gold, predicted)) / n if n else 0.0,
        "n": n,
        "per_class": per_class,
        "confusion": confusion,
    }


def vader_sentence(text: str, start: int = 0, end: int = 0, *, threshold: float = 0.05) -> str:
    """Baseline: VADER's sentence-level compound score, ignoring the target."""
    compound = _vader().polarity_scores(text)["compound"]
    if compound >= threshold:
        return "positive"
    if compound <= -threshold:
        return "negative"
    return "neutral"


_VADER = None


def _vader():
    global _VADER
    if _VADER is None:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
        _VADER = SentimentIntensityAnalyzer()
    return _VADER


Predictor = Callable[[str, int, int], str]


def evaluate(predict: Predictor, targets: pd.DataFrame) -> dict:
    """Score ``predict(text, start, end) -> label`` on a table from :func:`read_newsmtsc`."""
    predicted = [predict(t, s, e) for t, s, e in zip(targets["text"], targets["start"], targets["end"])]
    result = score(list(targets["polarity"]), predicted)
    result["predicted"] = predicted
    return result


def compare(engines: dict[str, Predictor], splits: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per engine × split: ``engine, split, n, macro_f1, accuracy`` (percent, 1 decimal)."""
    rows = []
    for name, predict in engines.items():
        for split, targets in splits.items():
            r = evaluate(predict, targets)
            rows.append((name, split, r["n"], round(100 * r["macro_f1"], 1), round(100 * r["accuracy"], 1)))
    return frame(rows, {"engine": "string", "split": "string", "n": "int64",
                        "macro_f1": "float64", "accuracy": "float64"})


def iter_targets(targets: pd.DataFrame) -> Iterable[tuple[str, int, int, str]]:
    """``(text, start, end, polarity)`` tuples, for hot loops."""
    return zip(targets["text"], targets["start"], targets["end"], targets["polarity"])
