"""PolNeAR: read the brat attribution files and score attribution extractors against them.

PolNeAR (political news attribution relations, 2015–2016) annotates each *attribution* as a
source (who), a cue (the word(s) that signal it: "said", "believes", "according to", a colon)
and a content (what is attributed). Files come in pairs:

- ``text/<article>.txt``: the title line, a blank line, then paragraphs separated by blank lines.
  Annotation offsets index into this file's text exactly as read (UTF-8, newlines kept), so the
  text is read with :func:`read_article_text` and never normalised;
- ``attributions/<article>_<annotator>.ann``: brat standoff. ``Tn<TAB>Source|Cue|Content s e[;s e]<TAB>text``
  spans; ``En<TAB>Attribution:Tk Content:Ti Cue:Tj Source:Th`` relations (``Attribution-no-source`` when
  the source is implicit). A discontinuous span (``s e;s e``) is kept as a tuple of fragments.

Several annotators may have annotated an article. **Rule:** the evaluation uses one annotation per
article, the annotator whose id sorts first (``choose="first"``, deterministic); ``choose="all"``
returns every annotator's file. Gold attributions without a content span are dropped (they cannot be
matched).

Scoring (:func:`score`) follows the project issue: a predicted content matches a gold content
when it covers at least ``coverage`` (0.3, and separately 0.8) of the gold content's characters
**and** at least 0.3 of the prediction lies inside the gold content; matching is one-to-one
(greedy by overlap, ties broken by position). On matched pairs the source is correct when both
are missing or their spans overlap, the cue when their spans overlap. End-to-end attribution
F1 counts a prediction as correct when its content matched and its source is correct.

>>> gold = [Attribution(((10, 20),), ((0, 4),), ((5, 9),), "indirect")]
>>> s = score([gold], [[(10, 20, 0, 4, 5, 9)]])
>>> (s["content_f1_03"], s["attribution_f1"])
(1.0, 1.0)

See Also: :func:`newslab.attributions`, the extractor measured here.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from newslab.tables import frame

Spans = tuple[tuple[int, int], ...]

_EDGE_STRIP = " \t\n.,;:!?…—–-()[]"


@dataclass(frozen=True)
class Attribution:
    """One gold attribution: content, source and cue as tuples of (start, end) fragments."""

    content: Spans
    source: Spans = ()
    cue: Spans = ()
    kind: str = "indirect"
    content_text: str = ""
    source_text: str = ""
    cue_text: str = ""


@dataclass
class GoldArticle:
    """A PolNeAR article: its text and the attributions of one annotator."""

    id: str
    text: str
    annotator: str
    attributions: list[Attribution] = field(default_factory=list)


def read_article_text(path: str | Path) -> str:
    """The article text exactly as the offsets see it (UTF-8, no newline translation)."""
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


def quote_kind(text: str) -> str:
    """``direct`` when the span is one quotation, ``mixed`` when it contains quoted words, else ``indirect``.

    Apostrophes (``’`` between letters, ``voters’``) are not quotation marks.

    >>> quote_kind('“We will win.”'), quote_kind('that it was a “disaster”'), quote_kind('that he’s won')
    ('direct', 'mixed', 'indirect')
    """
    core = text.strip(_EDGE_STRIP)
    if not _QUOTE_MARK.search(core):
        return "indirect"
    if _OPENS.match(core) and (_CLOSES.search(core) or not _QUOTE_MARK.search(core, 2)):
        return "direct"
    return "mixed"


_QUOTE_MARK = re.compile(r"[“”\"«»„]|''|‘|(?<![A-Za-z])’|’(?![A-Za-z\s])")
_OPENS = re.compile(r"[“\"«„‘]|''")
_CLOSES = re.compile(r"(?:[”\"»’]|'')$")


def _parse_spans(spec: str) -> Spans:
    out = []
    for part in spec.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return tuple(out)


def parse_ann(ann: str, text: str) -> list[Attribution]:
    """Parse one brat ``.ann`` document into attributions (sorted by content start).

    Lines that are not spans or relations (annotator notes, text continuing over a newline)
    are ignored; relations without a content span are dropped.
    """
    spans: dict[str, tuple[str, Spans]] = {}
    relations: list[dict[str, str]] = []
    for line in ann.split("\n"):
        if line.startswith("T"):
            parts = line.split("\t")
            if len(parts) < 2 or " " not in parts[1]:
                continue
            label, _, spec = parts[1].partition(" ")
            try:
                spans[parts[0]] = (label, _parse_spans(spec))
            except ValueError:
                continue
        elif line.startswith("E"):
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            roles: dict[str, str] = {}
            for item in parts[1].split():
                role, _, ref = item.partition(":")
                roles.setdefault(role, ref)
                if role == "Content2":
                    roles["Content2"] = ref
            relations.append(roles)
    out = []
    for roles in relations:
        content: list[tuple[int, int]] = []
        for role in ("Content", "Content2"):
            if role in roles and roles[role] in spans:
                content.extend(spans[roles[role]][1])
        if not content:
            continue
        content_t = tuple(sorted(content))
        source = spans[roles["Source"]][1] if "Source" in roles and roles["Source"] in spans else ()
        cue = spans[roles["Cue"]][1] if "Cue" in roles and roles["Cue"] in spans else ()
        ctext = " ".join(text[a:b] for a, b in content_t)
        out.append(Attribution(
            content=content_t, source=source, cue=cue, kind=quote_kind(ctext), content_text=ctext,
            source_text=" ".join(text[a:b] for a, b in source),
            cue_text=" ".join(text[a:b] for a, b in cue),
        ))
    out.sort(key=lambda a: (a.content[0], a.cue[:1]))
    return out


def read_polnear(folder: str | Path, *, choose: str = "first") -> list[GoldArticle]:
    """Read a PolNeAR split folder (holding ``text/`` and ``attributions/``), sorted by article id.

    ``choose="first"`` keeps, per article, the annotator whose id sorts first; ``"all"`` keeps all.
    Articles without any ``.ann`` file are kept with no attributions.
    """
    folder = Path(folder)
    text_dir, ann_dir = folder / "text", folder / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise FileNotFoundError(f"expected {folder}/text and {folder}/attributions (a PolNeAR split folder)")
    anns: dict[str, list[tuple[str, Path]]] = {}
    for path in sorted(ann_dir.glob("*.ann")):
        article, _, annotator = path.stem.rpartition("_")
        anns.setdefault(article, []).append((annotator, path))
    out = []
    for path in sorted(text_dir.glob("*.txt")):
        text = read_article_text(path)
        found = sorted(anns.get(path.stem, []))
        if choose == "first":
            found = found[:1]
        elif choose != "all":
            raise ValueError(f"choose must be 'first' or 'all', got {choose!r}")
        if not found:
            out.append(GoldArticle(path.stem, text, ""))
        for annotator, ann_path in found:
            out.append(GoldArticle(path.stem, text, annotator, parse_ann(read_article_text(ann_path), text)))
    return out


# ----------------------------------------------------------------------------- scoring

def _length(spans: Spans) -> int:
    return sum(b - a for a, b in spans)


def _overlap(x: Spans, y: Spans) -> int:
    total = 0
    for a, b in x:
        for c, d in y:
            lo, hi = max(a, c), min(b, d)
            if hi > lo:
                total += hi - lo
    return total


def _as_spans(start: Any, end: Any) -> Spans:
    if start is None or end is None or start is pd.NA or end is pd.NA:
        return ()
    try:
        if pd.isna(start) or pd.isna(end):
            return ()
    except (TypeError, ValueError):
        pass
    return ((int(start), int(end)),) if int(end) > int(start) else ()


def predictions_from_frame(df: pd.DataFrame) -> list[tuple[Spans, Spans, Spans]]:
    """(content, source, cue) span tuples from an :func:`newslab.attributions` table."""
    rows = []
    for r in df.itertuples(index=False):
        rows.append((_as_spans(r.content_start, r.content_end), _as_spans(r.source_start, r.source_end),
                     _as_spans(r.cue_start, r.cue_end)))
    return rows


def _normalise_pred(p: Any) -> tuple[Spans, Spans, Spans]:
    if len(p) == 6 and not isinstance(p[0], tuple):
        return _as_spans(p[0], p[1]), _as_spans(p[2], p[3]), _as_spans(p[4], p[5])
    out = []
    for part in p:
        if not part:
            out.append(())
        elif isinstance(part[0], int):  # a single (start, end) pair
            out.append(_as_spans(part[0], part[1]))
        else:
            out.append(tuple(part))
    return tuple(out)  # type: ignore[return-value]


def match(gold: Sequence[Attribution], pred: Sequence[tuple[Spans, Spans, Spans]], *,
          coverage: float = 0.3, precision: float = 0.3) -> list[tuple[int, int]]:
    """One-to-one (gold index, prediction index) content matches, greedy by overlap."""
    candidates = []
    for i, g in enumerate(gold):
        glen = _length(g.content)
        for j, p in enumerate(pred):
            plen = _length(p[0])
            if not glen or not plen:
                continue
            ov = _overlap(g.content, p[0])
            if ov and ov >= coverage * glen and ov >= precision * plen:
                candidates.append((-ov / max(glen, plen), i, j))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        pairs.append((i, j))
    return sorted(pairs)


def source_ok(gold: Attribution, pred_source: Spans) -> bool:
    """Both sources missing, or their spans overlap."""
    if not gold.source:
        return not pred_source
    return bool(pred_source) and _overlap(gold.source, pred_source) > 0


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(gold_docs: Iterable[Sequence[Attribution]], pred_docs: Iterable[Sequence[Any]]) -> dict[str, float]:
    """Micro-averaged figures over documents (fractions in [0, 1]).

    ``pred_docs`` holds, per document, predictions as ``(content, source, cue)`` — each a ``(start, end)``
    pair, a tuple of such fragments or empty — or flat
    ``(content_start, content_end, source_start, source_end, cue_start, cue_end)`` rows (missing = None).
    """
    n_gold = n_pred = 0
    tp03 = tp08 = tp_attr = src_ok = cue_ok = 0
    by_kind_gold: Counter[str] = Counter()
    by_kind_hit: Counter[str] = Counter()
    by_kind_attr: Counter[str] = Counter()
    for gold, pred in zip(gold_docs, pred_docs, strict=True):
        pred = [_normalise_pred(p) for p in pred]
        n_gold += len(gold)
        n_pred += len(pred)
        for g in gold:
            by_kind_gold[g.kind] += 1
        pairs = match(gold, pred)
        tp03 += len(pairs)
        tp08 += len(match(gold, pred, coverage=0.8))
        for i, j in pairs:
            s_ok = source_ok(gold[i], pred[j][1])
            src_ok += s_ok
            cue_ok += bool(gold[i].cue) and _overlap(gold[i].cue, pred[j][2]) > 0
            tp_attr += s_ok
            by_kind_hit[gold[i].kind] += 1
            by_kind_attr[gold[i].kind] += s_ok
    out: dict[str, float] = {"gold": n_gold, "predicted": n_pred}
    for name, tp in (("content_03", tp03), ("content_08", tp08), ("attribution", tp_attr)):
        p, r, f = _prf(tp, n_pred, n_gold)
        out[f"{name}_precision"], out[f"{name}_recall"], out[f"{name}_f1"] = p, r, f
    out["content_f1_03"], out["content_f1_08"] = out.pop("content_03_f1"), out.pop("content_08_f1")
    out["matched"] = tp03
    out["source_accuracy"] = src_ok / tp03 if tp03 else 0.0
    out["cue_accuracy"] = cue_ok / tp03 if tp03 else 0.0
    for kind in ("direct", "mixed", "indirect"):
        out[f"gold_{kind}"] = by_kind_gold[kind]
        out[f"recall_{kind}"] = by_kind_hit[kind] / by_kind_gold[kind] if by_kind_gold[kind] else 0.0
        out[f"attribution_recall_{kind}"] = (by_kind_attr[kind] / by_kind_gold[kind]
                                             if by_kind_gold[kind] else 0.0)
    return out


ERRORS_SCHEMA = {
    "article": "string", "error": "string", "start": "int64", "end": "int64", "kind": "string",
    "gold_text": "string", "predicted_text": "string", "cue_text": "string",
}


def errors(doc: GoldArticle, pred: Sequence[Any]) -> list[tuple]:
    """Error rows for one article: missed content, spurious content, wrong source, in text order."""
    pred = [_normalise_pred(p) for p in pred]
    gold = doc.attributions
    pairs = match(gold, pred)
    hit_g = {i for i, _ in pairs}
    hit_p = {j for _, j in pairs}
    text = doc.text
    rows = []
    for i, g in enumerate(gold):
        if i not in hit_g:
            rows.append((doc.id, "missed", g.content[0][0], g.content[-1][1], g.kind, g.content_text,
                         "", g.cue_text))
    for j, p in enumerate(pred):
        if j not in hit_p and p[0]:
            (a, b), = p[0][:1]
            rows.append((doc.id, "spurious", a, b, quote_kind(text[a:b]), "", text[a:b],
                         " ".join(text[c:d] for c, d in p[2])))
    for i, j in pairs:
        g, p = gold[i], pred[j]
        if not source_ok(g, p[1]):
            ps = " ".join(text[a:b] for a, b in p[1])
            rows.append((doc.id, "wrong source", g.content[0][0], g.content[-1][1], g.kind,
                         g.source_text or "(none)", ps or "(none)", g.cue_text))
    rows.sort(key=lambda r: (r[0], r[2], r[1]))
    return rows


def evaluate(folder: str | Path, extractor: Any = None, *, choose: str = "first") -> tuple[dict[str, float], pd.DataFrame]:
    """Run ``extractor(text) -> attributions table`` (default :func:`newslab.attributions`) on a split.

    Returns the :func:`score` figures and an error table (``ERRORS_SCHEMA``).
    """
    if extractor is None:
        from newslab.attribution import attributions as extractor
    docs = read_polnear(folder, choose=choose)
    preds = [predictions_from_frame(extractor(d.text)) for d in docs]
    figures = score([d.attributions for d in docs], preds)
    figures["articles"] = len(docs)
    rows = [row for d, p in zip(docs, preds) for row in errors(d, p)]
    return figures, frame(rows, ERRORS_SCHEMA)


# ----------------------------------------------------------------------------- reference

_SPEECH_VERB = re.compile(
    r"\b(said|says|say|told|tells|added|stated|declared|announced|asked|argued|claimed|insisted|warned)\b")
_SENT = re.compile(r"[^\n.!?]+(?:[.!?]+[\"”’]?|\n|$)")


def speech_verb_baseline(text: str) -> list[tuple[Spans, Spans, Spans]]:
    """A simple reference extractor: in each sentence with a speech verb, the text after the verb
    (or, when the verb ends the sentence, the text before it) is the content and the word before
    the verb the source."""
    out = []
    for m in _SENT.finditer(text):
        s, e = m.start(), m.end()
        v = _SPEECH_VERB.search(text, s, e)
        if not v:
            continue
        before = text[s:v.start()].rstrip()
        after_start = v.end()
        tail = text[after_start:e].strip(" ,.\n\"”")
        w = re.search(r"(\w+)\W*$", before)
        src = ((s + w.start(1), s + w.end(1)),) if w else ()
        if len(tail) > 15:
            off = text.index(tail, after_start)
            content = ((off, off + len(tail)),)
        else:
            content = ((s, s + len(before)),)
            w2 = re.match(r"\s*(?:[A-Z]\w+\s*)+", text[v.end():e])
            src = ((v.end() + w2.start(), v.end() + w2.end()),) if w2 else ()
        out.append((content, src, ((v.start(), v.end()),)))
    return out
