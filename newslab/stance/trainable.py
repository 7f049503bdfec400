"""An optional trainable target-polarity engine (fit/predict), for users who bring labelled data.

The default engine (:func:`newslab.target_polarity`) needs no training data. When you have
sentences labelled with the polarity toward a target — NewsMTSC's ``train.jsonl``, say — this
multinomial logistic regression learns word weights around the target on top of the default
engine's own score and evidence. Pure Python + NumPy (no extra dependency); the learned model is a
JSON file at a path you choose.

>>> model = TargetPolarityModel(epochs=30)
>>> texts = ["Critics blasted Smith.", "Fans praised Smith.", "Smith spoke on Monday."] * 4
>>> spans = [(16, 21), (12, 17), (0, 5)] * 4
>>> labels = ["negative", "positive", "neutral"] * 4
>>> model.fit(texts, spans, labels).predict(["Critics blasted Jones."], [(16, 21)])
['negative']

Hyper-parameters live in ``__init__``; learned state ends in ``_`` (``vocabulary_``, ``coef_``).

See Also: :func:`newslab.stance.target_polarity`, :func:`newslab.evaluate.newsmtsc.read_newsmtsc`.
"""
from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from newslab.stance.polarity import score_target

LABELS = ("negative", "neutral", "positive")
_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?|[!?]")
FORMAT = "newslab-target-polarity/1"


class TargetPolarityModel:
    """Logistic regression over words around the target plus the lexicon engine's score.

    ``window``: words on each side used as features; ``min_count``: features seen fewer times in
    training are dropped; ``l2``: weight decay; ``epochs``/``learning_rate``: AdaGrad training.
    """

    def __init__(self, *, window: int = 6, min_count: int = 2, l2: float = 1e-4, epochs: int = 12,
                 learning_rate: float = 0.02):
        self.window = window
        self.min_count = min_count
        self.l2 = l2
        self.epochs = epochs
        self.learning_rate = learning_rate

    # --- features ------------------------------------------------------------------------------
    def _features(self, text: str, start: int, end: int) -> dict[str, float]:
        result = score_target(text, start, end)
        feats: dict[str, float] = {"bias": 1.0, f"rule:{result.label}": 1.0,
                                   "rule_score": max(-4.0, min(4.0, result.score)) / 2}
        neg = sum(e.value for e in result.evidence if e.value < 0)
        pos = sum(e.value for e in result.evidence if e.value > 0)
        feats["rule_neg"] = max(-4.0, neg) / 2
        feats["rule_pos"] = min(4.0, pos) / 2
        for e in result.evidence:
            if "threat" in e.reason:
                feats["threat"] = 1.0
            if "own words" in e.reason:
                feats["speaker"] = 1.0
        left = [w.lower() for w in _WORD.findall(text[:start])]
        right = [w.lower() for w in _WORD.findall(text[end:])]
        for w in left[-self.window:]:
            feats["L:" + w] = 1.0
        for w in right[: self.window]:
            feats["R:" + w] = 1.0
        for w in left + right:
            feats["S:" + w] = 0.5
        if left:
            feats["L1:" + left[-1]] = 1.0
        if right:
            feats["R1:" + right[0]] = 1.0
        if start == 0 or not text[:start].strip():
            feats["first"] = 1.0
        return feats

    def _matrix(self, texts, spans):
        rows = []
        for text, (start, end) in zip(texts, spans):
            feats = self._features(text, int(start), int(end))
            idx = [(self.vocabulary_[f], v) for f, v in feats.items() if f in self.vocabulary_]
            rows.append((np.array([i for i, _ in idx], dtype=np.int64), np.array([v for _, v in idx])))
        return rows

    # --- API -----------------------------------------------------------------------------------
    def fit(self, texts: Sequence[str], spans: Sequence[tuple[int, int]], labels: Sequence[str]):
        """Learn from ``texts``, target ``spans`` ``(start, end)`` and ``labels`` (negative/neutral/positive)."""
        texts, spans, labels = list(texts), list(spans), list(labels)
        if not (len(texts) == len(spans) == len(labels)):
            raise ValueError(f"fit() needs as many spans and labels as texts: got {len(texts)} texts, "
                             f"{len(spans)} spans, {len(labels)} labels")
        bad = sorted(set(labels) - set(LABELS))
        if bad:
            raise ValueError(f"unknown labels {bad}; expected {list(LABELS)}")
        if not texts:
            raise ValueError("fit() needs at least one labelled target")
        counts: Counter = Counter()
        feats = [self._features(t, int(s), int(e)) for t, (s, e) in zip(texts, spans)]
        for f in feats:
            counts.update(f.keys())
        names = sorted(f for f, c in counts.items() if c >= self.min_count or ":" not in f)
        self.vocabulary_ = {f: i for i, f in enumerate(names)}
        rows = []
        for f in feats:
            idx = [(self.vocabulary_[k], v) for k, v in f.items() if k in self.vocabulary_]
            rows.append((np.array([i for i, _ in idx], dtype=np.int64), np.array([v for _, v in idx])))
        y = np.array([LABELS.index(label) for label in labels])
        coef = np.zeros((len(names), len(LABELS)))
        grad_sq = np.full_like(coef, 1e-8)
        order = np.arange(len(rows))
        rng = np.random.default_rng(0)  # fixed seed: the same data gives the same model
        for _ in range(self.epochs):
            rng.shuffle(order)
            for k in order:
                idx, val = rows[k]
                z = val @ coef[idx]
                p = np.exp(z - z.max())
                p /= p.sum()
                p[y[k]] -= 1.0
                g = np.outer(val, p) + self.l2 * coef[idx]
                grad_sq[idx] += g * g
                coef[idx] -= self.learning_rate * g / np.sqrt(grad_sq[idx])
        self.coef_ = coef
        return self

    def decision_function(self, texts: Sequence[str], spans: Sequence[tuple[int, int]]) -> np.ndarray:
        """Class probabilities, one row per target, columns in :data:`LABELS` order."""
        self._check_fitted()
        out = []
        for idx, val in self._matrix(texts, spans):
            z = val @ self.coef_[idx] if len(idx) else np.zeros(len(LABELS))
            p = np.exp(z - z.max())
            out.append(p / p.sum())
        return np.array(out).reshape(-1, len(LABELS))

    def predict(self, texts: Sequence[str], spans: Sequence[tuple[int, int]]) -> list[str]:
        """The most probable label per target."""
        return [LABELS[int(i)] for i in self.decision_function(texts, spans).argmax(axis=1)]

    def predictor(self):
        """``predict(text, start, end) -> label`` for one target (the shape :func:`newsmtsc.evaluate` takes)."""
        return lambda text, start, end: self.predict([text], [(start, end)])[0]

    def save(self, path: str | os.PathLike) -> Path:
        """Write the model as JSON to ``path`` (you choose where)."""
        self._check_fitted()
        path = Path(path)
        names = sorted(self.vocabulary_, key=self.vocabulary_.get)
        data = {"format": FORMAT, "labels": list(LABELS),
                "params": {k: getattr(self, k) for k in ("window", "min_count", "l2", "epochs", "learning_rate")},
                "weights": {n: [round(float(w), 6) for w in self.coef_[self.vocabulary_[n]]] for n in names}}
        path.write_text(json.dumps(data, sort_keys=True), encoding="utf-8")
        return path

    @classmethod
    def load(cls, path: str | os.PathLike) -> TargetPolarityModel:
        """Read a model written by :meth:`save`."""
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            raise ValueError(f"{path} is not a newslab target-polarity model (format {data.get('format')!r})")
        model = cls(**data["params"])
        names = sorted(data["weights"])
        model.vocabulary_ = {n: i for i, n in enumerate(names)}
        model.coef_ = np.array([data["weights"][n] for n in names]).reshape(-1, len(LABELS))
        return model

    def _check_fitted(self) -> None:
        if not hasattr(self, "coef_"):
            raise RuntimeError("this TargetPolarityModel is not fitted yet: call fit() or load() first")
