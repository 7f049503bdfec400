"""Stance speed: the whole analysis per article and target_polarity per target, against VADER, one run.

    NEWSLAB_DATA=../shared/data python benchmarks/stance.py [FOLDER]

FOLDER defaults to $NEWSLAB_DATA/polnear (every .txt under it). Prints, on one core in one
process (rates from the process's CPU time, so they hold on a shared machine; wall time beside):

- articles/s for ``newslab.stance`` (actors + attributions + stance), goal >= 100 articles/s, beside
  vaderSentiment's sentence-level ``SentimentIntensityAnalyzer`` run over every sentence of the
  same articles (the named peer);
- targets/s for ``newslab.target_polarity`` over every target mention the analysis found, goal
  >= 5,000 targets/s, beside VADER's ``polarity_scores`` on each target's sentence;
- CPU milliseconds per article of the stance step alone, as ``benchmarks/corpus.py`` charges it
  (the actor index, attributions and sentences of the text already made by the analyses before it).
"""
from __future__ import annotations

import sys
import time


from _common import compare, polnear_texts
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from newslab.attribution.quotes import attribution_rows
from newslab.stance import stance, target_polarity
from newslab.stance.engine import stance_rows
from newslab.text import sentence_spans


def main() -> None:
    texts = polnear_texts(sys.argv[1] if len(sys.argv) > 1 else None)
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {len(texts)} articles, {words / len(texts):.0f} words per article")
    vader = SentimentIntensityAnalyzer()
    sentences = [[t[s:e] for s, e, _ in sentence_spans(t)] for t in texts]

    def ours():
        for t in texts:
            stance(t)

    def peer():
        for sents in sentences:
            for s in sents:
                vader.polarity_scores(s)

    compare("stance (actors + attributions + stance)", len(texts), "articles", ours, peer,
            "VADER sentence scores", goal=">= 100", cpu=True)

    def step() -> float:
        spent = 0.0
        for t in texts:
            attribution_rows(t)  # cached per text, with the actor index, as a corpus run leaves them
            sentence_spans(t)
            clock = time.process_time()
            stance_rows(t)
            spent += time.process_time() - clock
        return spent

    print(f"newslab stance step alone (actor index, attributions, sentences cached): "
          f"{1000 * min(step(), step()) / len(texts):.2f} ms per article (CPU time)")

    # one target per row of the stance tables, scored within its sentence
    targets = []
    for t in texts:
        spans = sentence_spans(t)
        df = stance(t)
        for start, end, sid in zip(df["mention_start"], df["mention_end"], df["sentence_id"]):
            s, e, _ = spans[int(sid)]
            targets.append((t[s:e], int(start) - s, int(end) - s))
    targets = [x for x in targets if 0 <= x[1] < x[2] <= len(x[0])]

    def polarity():
        for sentence, s, e in targets:
            target_polarity(sentence, s, e)

    def peer_polarity():
        for sentence, _, _ in targets:
            vader.polarity_scores(sentence)

    print(f"targets: {len(targets)}")
    compare("target_polarity", len(targets), "targets", polarity, peer_polarity,
            "VADER polarity_scores", goal=">= 5,000", cpu=True)


if __name__ == "__main__":
    main()
