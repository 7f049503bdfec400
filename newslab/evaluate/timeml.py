"""TimeML (TempEval-3) reading, writing and scoring.

A TempEval-3 ``.tml`` file holds the document creation time (``<DCT>``), the article in
``<TEXT>`` with inline ``TIMEX3``/``EVENT``/``SIGNAL`` tags, and links after it. Offsets here
are on the *plain* text of ``<TEXT>``: tags removed and XML entities decoded, which is what
TempEval-3 and its scorer use.

- :func:`read_timeml` reads one file into a :class:`TimeMLDocument` (text, gold timexes,
  events, time links); :func:`read_timeml_dir` reads a folder, sorted by file name.
- :func:`to_timeml` writes system output: the same TEXT, byte for byte, with TIMEX3 tags
  inserted (other inline tags and the gold links are dropped).
- :func:`score_timeml` is the TempEval-3 Task A timex scorer: strict (same span) and relaxed
  (overlapping span) precision/recall/F1, and type and value F1 = attribute accuracy over
  relaxed matches × relaxed F1, as in the official script.
- :func:`anchoring_accuracy` checks a timeline's event anchors against gold TLINKs.

>>> doc = parse_timeml('<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" '
...     'functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT><TEXT>He left '
...     '<TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3>.</TEXT></TimeML>')
>>> doc.dct, doc.text, doc.timexes.value.tolist()
(datetime.date(1998, 1, 8), 'He left yesterday.', ['1998-01-07'])

See Also: :func:`newslab.timexes`, :func:`newslab.timeline`.
"""
from __future__ import annotations

import bisect
import datetime as dt
import html
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from newslab.tables import frame

TIMEX_SCHEMA = {"timex_id": "string", "start": "int64", "end": "int64", "text": "string",
                "type": "string", "value": "string"}
EVENT_SCHEMA = {"event_id": "string", "start": "int64", "end": "int64", "text": "string",
                "class": "string", "tense": "string"}
TLINK_SCHEMA = {"link_id": "string", "rel_type": "string", "source": "string", "target": "string"}
DOC_SCORE_SCHEMA = {
    "doc_id": "string", "gold": "int64", "system": "int64", "strict_match": "int64",
    "relaxed_match": "int64", "type_correct": "int64", "value_correct": "int64",
    "strict_p": "float64", "strict_r": "float64", "strict_f1": "float64",
    "relaxed_p": "float64", "relaxed_r": "float64", "relaxed_f1": "float64",
    "type_f1": "float64", "value_f1": "float64",
}
MATCH_SCHEMA = {
    "doc_id": "string", "status": "string", "gold_start": "Int64", "gold_end": "Int64",
    "gold_text": "string", "gold_type": "string", "gold_value": "string",
    "system_start": "Int64", "system_end": "Int64", "system_text": "string",
    "system_type": "string", "system_value": "string",
}

_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_DCT = re.compile(r"<DCT>(.*?)</DCT>", re.S)
_DOCID = re.compile(r"<DOCID>(.*?)</DOCID>", re.S)
_MARKUP = re.compile(r"<(/?)([A-Za-z0-9_]+)((?:\s[^>]*)?)/?>|&(#?\w+);")
_ATTR = re.compile(r'([A-Za-z_]+)\s*=\s*"([^"]*)"')
_LINK = re.compile(r"<TLINK\b[^>]*>")
_INSTANCE = re.compile(r"<MAKEINSTANCE\b[^>]*>")


@dataclass
class TimeMLDocument:
    """One TimeML document: plain text, DCT and gold annotations (offsets into ``text``)."""

    doc_id: str
    text: str
    dct: dt.date | None
    dct_value: str
    timexes: pd.DataFrame
    events: pd.DataFrame
    tlinks: pd.DataFrame
    path: Path | None = None
    raw: str = field(default="", repr=False)
    #: raw offset of each plain-text character (and one past the end), for writing tags back
    raw_offsets: list[int] = field(default_factory=list, repr=False)
    text_span: tuple[int, int] = (0, 0)


def _attrs(s: str) -> dict[str, str]:
    return {k: html.unescape(v) for k, v in _ATTR.findall(s)}


def _parse_dct(value: str) -> dt.date | None:
    m = re.match(r"(\d{4})-?(\d{2})-?(\d{2})", value or "")
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def parse_timeml(raw: str, *, doc_id: str = "", path: Path | None = None) -> TimeMLDocument:
    """Parse the text of a TempEval-3 ``.tml`` file (see :func:`read_timeml`)."""
    tm = _TEXT.search(raw)
    if tm is None:
        raise ValueError(f"{path or 'document'}: no <TEXT> element")
    if not doc_id:
        m = _DOCID.search(raw)
        doc_id = m[1].strip() if m else (path.stem if path else "")
    dct_value = ""
    dm = _DCT.search(raw)
    if dm:
        t = re.search(r"<TIMEX3\b([^>]*)>", dm[1])
        if t:
            dct_value = _attrs(t[1]).get("value", "")
    body_start = tm.start(1)
    body = tm[1]
    chars: list[str] = []
    offsets: list[int] = []
    stack: list[tuple[str, dict[str, str], int]] = []
    timexes, events = [], []
    pos = 0
    n = 0

    def copy(upto: int) -> None:
        nonlocal n
        chars.append(body[pos:upto])
        offsets.extend(range(body_start + pos, body_start + upto))
        n += upto - pos

    for m in _MARKUP.finditer(body):
        copy(m.start())
        pos = m.end()
        if m[4] is not None:  # an entity: one plain character (or more) for the whole escape
            decoded = html.unescape(m[0])
            chars.append(decoded)
            offsets.extend([body_start + m.start()] * len(decoded))
            n += len(decoded)
            continue
        closing, tag, attrs = m[1], m[2], m[3] or ""
        if closing:
            for i in range(len(stack) - 1, -1, -1):
                if stack[i][0] == tag:
                    _, a, s = stack.pop(i)
                    if tag == "TIMEX3":
                        timexes.append((a.get("tid", ""), s, n, a.get("type", ""), a.get("value", "")))
                    elif tag == "EVENT":
                        events.append((a.get("eid", ""), s, n, a.get("class", "")))
                    break
        elif not m[0].endswith("/>"):
            stack.append((tag, _attrs(attrs), n))
    copy(len(body))
    offsets.append(body_start + len(body))
    text = "".join(chars)
    # events: tense from MAKEINSTANCE; links use event ids, not instance ids
    instance_of, tense = {}, {}
    for m in _INSTANCE.finditer(raw):
        a = _attrs(m[0])
        instance_of[a.get("eiid", "")] = a.get("eventID", "")
        tense.setdefault(a.get("eventID", ""), a.get("tense", ""))
    links = []
    for m in _LINK.finditer(raw):
        a = _attrs(m[0])
        src = a.get("timeID") or instance_of.get(a.get("eventInstanceID", ""), "")
        dst = a.get("relatedToTime") or instance_of.get(a.get("relatedToEventInstance", ""), "")
        links.append((a.get("lid", ""), a.get("relType", ""), src, dst))
    return TimeMLDocument(
        doc_id=doc_id, text=text, dct=_parse_dct(dct_value), dct_value=dct_value,
        timexes=frame([(i, s, e, text[s:e], ty, v) for i, s, e, ty, v in sorted(timexes, key=lambda r: r[1])],
                      TIMEX_SCHEMA),
        events=frame([(i, s, e, text[s:e], c, tense.get(i, "")) for i, s, e, c in sorted(events, key=lambda r: r[1])],
                     EVENT_SCHEMA),
        tlinks=frame(links, TLINK_SCHEMA),
        path=path, raw=raw, raw_offsets=offsets, text_span=(tm.start(1), tm.end(1)),
    )


def read_timeml(path: str | Path) -> TimeMLDocument:
    """Read one TempEval-3 ``.tml`` file.

    >>> doc = read_timeml("ABC19980108.1830.0711.tml")  # doctest: +SKIP
    >>> doc.timexes.columns.tolist()  # doctest: +SKIP
    ['timex_id', 'start', 'end', 'text', 'type', 'value']
    """
    path = Path(path)
    return parse_timeml(path.read_text(encoding="utf-8"), path=path)


def read_timeml_dir(folder: str | Path) -> list[TimeMLDocument]:
    """All ``.tml`` files of a folder (recursively), sorted by relative path."""
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"TimeML folder not found: {folder}")
    return [read_timeml(p) for p in sorted(folder.rglob("*.tml"))]


def _timex_tag(i: int, row, dct_tid: str = "t0") -> str:
    tid = row.get("timex_id")
    if tid is None or pd.isna(tid):
        tid = i + 1
    tid = f"t{tid}" if str(tid).isdigit() else tid
    return (f'<TIMEX3 tid="{html.escape(str(tid))}" type="{html.escape(str(row["type"]))}" '
            f'value="{html.escape(str(row["value"]))}">')


def _rows(timexes: pd.DataFrame | Iterable[dict]) -> list[dict]:
    rows = timexes.to_dict("records") if isinstance(timexes, pd.DataFrame) else list(timexes)
    rows = sorted(rows, key=lambda r: (int(r["start"]), -int(r["end"])))
    out, last = [], -1
    for r in rows:  # TIMEX3 tags may not overlap: keep the first of overlapping ones
        if int(r["start"]) >= last and int(r["end"]) > int(r["start"]):
            out.append(r)
            last = int(r["end"])
    return out


def to_timeml(text: str, timexes: pd.DataFrame, *, dct: dt.date | str | None = None, doc_id: str = "",
              template: TimeMLDocument | None = None) -> str:
    """A TempEval-3 ``.tml`` document with ``timexes`` tagged in ``text``.

    With a ``template`` (the document read by :func:`read_timeml`), everything before
    ``<TEXT>`` is kept as it was and the TEXT content is the original bytes with all inline
    tags removed and the system's TIMEX3 tags inserted; gold links are dropped.
    Otherwise a minimal document is written with ``text`` XML-escaped.

    >>> t = pd.DataFrame([{"start": 8, "end": 17, "type": "DATE", "value": "1998-01-07"}])
    >>> to_timeml("He left yesterday.", t, dct="1998-01-08").split("<TEXT>")[1].split("</TEXT>")[0]
    'He left <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3>.'
    """
    rows = _rows(timexes)
    if template is not None:
        raw, offs = template.raw, template.raw_offsets
        body_start, body_end = template.text_span
        plain_tags = list(_MARKUP.finditer(raw, body_start, body_end))
        # raw TEXT without tags (entities kept as written)
        inserts: dict[int, list[str]] = {}
        for i, r in enumerate(rows):
            s, e = int(r["start"]), int(r["end"])
            inserts.setdefault(offs[s], []).append(_timex_tag(i, r))
            # the closing tag goes right after the last character's raw escape
            end_raw = offs[e] if e < len(offs) else body_end
            if e > 0 and offs[e - 1] == offs[e]:  # ends inside an entity (cannot happen) — keep safe
                end_raw = offs[e - 1]
            inserts.setdefault(end_raw, []).insert(0, "</TIMEX3>")
        out, pos = [], body_start
        for m in plain_tags:
            if m[4] is not None:
                continue
            out.append(_with_inserts(raw, pos, m.start(), inserts))
            pos = m.end()
        out.append(_with_inserts(raw, pos, body_end, inserts))
        if body_end in inserts:
            out.append("".join(inserts[body_end]))
        return raw[:body_start] + "".join(out) + "</TEXT>\n\n</TimeML>\n"
    if isinstance(dct, str):
        dct = _parse_dct(dct)
    parts, pos = [], 0
    for i, r in enumerate(rows):
        s, e = int(r["start"]), int(r["end"])
        parts += [html.escape(text[pos:s], quote=False), _timex_tag(i, r),
                  html.escape(text[s:e], quote=False), "</TIMEX3>"]
        pos = e
    parts.append(html.escape(text[pos:], quote=False))
    dct_xml = ""
    if dct is not None:
        dct_xml = (f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct.isoformat()}" temporalFunction="false" '
                   f'functionInDocument="CREATION_TIME">{dct.isoformat()}</TIMEX3></DCT>\n\n')
    return ('<?xml version="1.0" ?>\n<TimeML>\n\n'
            f"<DOCID>{html.escape(doc_id)}</DOCID>\n\n{dct_xml}<TEXT>{''.join(parts)}</TEXT>\n\n</TimeML>\n")


def _with_inserts(raw: str, a: int, b: int, inserts: dict[int, list[str]]) -> str:
    keys = [k for k in inserts if a <= k < b]
    if not keys:
        return raw[a:b]
    out, pos = [], a
    for k in sorted(keys):
        out += [raw[pos:k], "".join(inserts[k])]
        pos = k
    out.append(raw[pos:b])
    return "".join(out)


def write_timeml(path: str | Path, text: str, timexes: pd.DataFrame, **kwargs) -> Path:
    """Write :func:`to_timeml` output to ``path`` (UTF-8); returns the path."""
    path = Path(path)
    path.write_text(to_timeml(text, timexes, **kwargs), encoding="utf-8")
    return path


def tag_timeml(in_dir: str | Path, out_dir: str | Path,
               tagger: Callable[..., pd.DataFrame] | None = None) -> list[Path]:
    """Tag every ``.tml`` file of ``in_dir`` with :func:`newslab.timexes` into ``out_dir``."""
    if tagger is None:
        from newslab.timeline.timexes import timexes as tagger
    in_dir, out_dir = Path(in_dir), Path(out_dir)
    written = []
    for doc in read_timeml_dir(in_dir):
        rel = doc.path.relative_to(in_dir)
        target = out_dir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        written.append(write_timeml(target, doc.text, tagger(doc.text, dct=doc.dct), template=doc))
    return written


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _match_doc(doc_id: str, gold: pd.DataFrame, system: pd.DataFrame) -> list[dict]:
    """One-to-one matching of gold and system timexes (exact span first, then largest overlap)."""
    g = gold.to_dict("records")
    s = system.to_dict("records")
    pairs: list[tuple[int, int]] = []
    used_g, used_s = set(), set()
    for i, a in enumerate(g):
        for j, b in enumerate(s):
            if j not in used_s and a["start"] == b["start"] and a["end"] == b["end"]:
                pairs.append((i, j)); used_g.add(i); used_s.add(j)
                break
    cands = sorted(
        ((-(min(a["end"], b["end"]) - max(a["start"], b["start"])), i, j)
         for i, a in enumerate(g) if i not in used_g
         for j, b in enumerate(s) if j not in used_s
         and min(a["end"], b["end"]) > max(a["start"], b["start"])))
    for _, i, j in cands:
        if i not in used_g and j not in used_s:
            pairs.append((i, j)); used_g.add(i); used_s.add(j)
    rows = []
    none = {"start": None, "end": None, "text": None, "type": None, "value": None}
    for i, j in pairs:
        a, b = g[i], s[j]
        strict = a["start"] == b["start"] and a["end"] == b["end"]
        rows.append(_mrow(doc_id, "strict" if strict else "relaxed", a, b))
    rows += [_mrow(doc_id, "missed", a, none) for i, a in enumerate(g) if i not in used_g]
    rows += [_mrow(doc_id, "spurious", none, b) for j, b in enumerate(s) if j not in used_s]
    return rows


def _mrow(doc_id: str, status: str, a: dict, b: dict) -> dict:
    row = {"doc_id": doc_id, "status": status}
    for p, r in (("gold", a), ("system", b)):
        for k in ("start", "end", "text", "type", "value"):
            row[f"{p}_{k}"] = r.get(k)
    return row


@dataclass
class TimeMLScores:
    """Scores of a system against gold: ``overall`` (dict), ``per_document`` and ``matches`` tables."""

    overall: dict[str, float]
    per_document: pd.DataFrame
    matches: pd.DataFrame

    def value_errors(self, n: int = 20) -> pd.DataFrame:
        """Most frequent (gold value, system value) disagreements over relaxed matches."""
        m = self.matches[self.matches.status.isin(["strict", "relaxed"])
                         & (self.matches.gold_value != self.matches.system_value)]
        cols = ["gold_type", "gold_value", "system_type", "system_value"]
        if m.empty:
            return frame([], {**{c: "string" for c in cols}, "count": "int64", "example": "string"})
        g = (m.groupby(cols, dropna=False).agg(count=("doc_id", "size"), example=("gold_text", "first"))
             .reset_index().sort_values(["count"] + cols, ascending=[False] + [True] * 4, kind="stable"))
        return frame(g.head(n).to_dict("records"),
                     {**{c: "string" for c in cols}, "count": "int64", "example": "string"})


def _counts_to_scores(c: dict[str, int]) -> dict[str, float]:
    gold, system = c["gold"], c["system"]
    sp = c["strict_match"] / system if system else 0.0
    sr = c["strict_match"] / gold if gold else 0.0
    rp = c["relaxed_match"] / system if system else 0.0
    rr = c["relaxed_match"] / gold if gold else 0.0
    rf = _f1(rp, rr)
    rm = c["relaxed_match"]
    return {
        "strict_p": sp, "strict_r": sr, "strict_f1": _f1(sp, sr),
        "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": rf,
        "type_f1": (c["type_correct"] / rm) * rf if rm else 0.0,
        "value_f1": (c["value_correct"] / rm) * rf if rm else 0.0,
    }


def score_timeml(system: Sequence[TimeMLDocument] | str | Path | dict[str, pd.DataFrame],
                 gold: Sequence[TimeMLDocument] | str | Path) -> TimeMLScores:
    """TempEval-3 Task A timex scores of ``system`` against ``gold`` (micro-averaged).

    ``system`` is a folder of system ``.tml`` files, a list of documents, or a mapping of
    doc_id to a timex table; documents are paired by ``doc_id``. Figures are fractions (0–1).
    """
    if isinstance(gold, (str, Path)):
        gold = read_timeml_dir(gold)
    if isinstance(system, (str, Path)):
        system = read_timeml_dir(system)
    sys_map = system if isinstance(system, dict) else {d.doc_id: d.timexes for d in system}
    per_doc, matches = [], []
    total = dict.fromkeys(("gold", "system", "strict_match", "relaxed_match", "type_correct",
                           "value_correct"), 0)
    for doc in sorted(gold, key=lambda d: d.doc_id):
        stab = sys_map.get(doc.doc_id)
        if stab is None:
            stab = frame([], TIMEX_SCHEMA)
        rows = _match_doc(doc.doc_id, doc.timexes, stab)
        matched = [r for r in rows if r["status"] in ("strict", "relaxed")]
        c = {
            "gold": len(doc.timexes), "system": len(stab),
            "strict_match": sum(r["status"] == "strict" for r in rows),
            "relaxed_match": len(matched),
            "type_correct": sum(r["gold_type"] == r["system_type"] for r in matched),
            "value_correct": sum(r["gold_value"] == r["system_value"] for r in matched),
        }
        for k in total:
            total[k] += c[k]
        per_doc.append({"doc_id": doc.doc_id, **c, **_counts_to_scores(c)})
        matches += rows
    overall = {**{k: float(v) for k, v in total.items()}, **_counts_to_scores(total)}
    return TimeMLScores(overall, frame(per_doc, DOC_SCORE_SCHEMA), frame(matches, MATCH_SCHEMA))


ANCHOR_SCHEMA = {"doc_id": "string", "event_id": "string", "event_text": "string", "gold_timexes": "string",
                 "system_timex": "string", "anchor_rule": "string", "correct": "bool"}


def anchoring_accuracy(docs: Sequence[TimeMLDocument] | str | Path,
                       timeline_fn: Callable[..., pd.DataFrame] | None = None) -> tuple[float, pd.DataFrame]:
    """How often the timeline anchors an event to the timex gold TLINKs relate it to.

    Only events with a gold TLINK to a TIMEX3 in the same sentence count. An event is
    correct when the system clause containing it is anchored to a system timex that overlaps
    one of those gold timexes. Returns ``(accuracy, per-event table)``.
    """
    from newslab.text import sentence_spans
    from newslab.timeline.timexes import timex_spans
    if timeline_fn is None:
        from newslab.timeline.events import timeline as timeline_fn
    if isinstance(docs, (str, Path)):
        docs = read_timeml_dir(docs)
    rows = []
    for doc in sorted(docs, key=lambda d: d.doc_id):
        sents = [(a, b) for a, b, _ in sentence_spans(doc.text)]
        gold = gold_anchors(doc, sents)
        if not gold:
            continue
        tl = timeline_fn(doc.text, dct=doc.dct)
        sys_tx = {i + 1: (s, e) for i, (s, e, *_rest) in enumerate(timex_spans(doc.text, doc.dct))}
        gtx = {r.timex_id: (int(r.start), int(r.end)) for r in doc.timexes.itertuples()}
        clauses = list(zip(tl.start.tolist(), tl.end.tolist(), tl.timex_id.tolist(), tl.anchor_rule.tolist()))
        for ev in doc.events.itertuples():
            if ev.event_id not in gold:
                continue
            hit = next((c for c in clauses if c[0] <= ev.start < c[1]), None)
            tid = hit[2] if hit is not None and not pd.isna(hit[2]) else None
            span = sys_tx.get(int(tid)) if tid is not None else None
            ok = span is not None and any(min(span[1], gtx[g][1]) > max(span[0], gtx[g][0]) for g in gold[ev.event_id])
            rows.append((doc.doc_id, ev.event_id, ev.text, " ".join(sorted(doc.text[gtx[g][0]:gtx[g][1]] for g in gold[ev.event_id])),
                         doc.text[span[0]:span[1]] if span else None, hit[3] if hit is not None else None, ok))
    table = frame(rows, ANCHOR_SCHEMA)
    return (float(table.correct.mean()) if len(table) else 0.0), table


def gold_anchors(doc: TimeMLDocument, sentences: Sequence[tuple[int, int]]) -> dict[str, set[str]]:
    """Per event id, the timex ids that gold TLINKs relate it to within the same sentence."""
    starts = [a for a, _ in sentences]

    def which(pos: int) -> int:
        k = bisect.bisect_right(starts, pos) - 1
        return k if k >= 0 and pos < sentences[k][1] else -1
    tx = {r.timex_id: which(r.start) for r in doc.timexes.itertuples()}
    ev = {r.event_id: which(r.start) for r in doc.events.itertuples()}
    out: dict[str, set[str]] = {}
    for r in doc.tlinks.itertuples():
        for e, t in ((r.source, r.target), (r.target, r.source)):
            if e in ev and t in tx and ev[e] == tx[t] and ev[e] >= 0:
                out.setdefault(e, set()).add(t)
    return out
