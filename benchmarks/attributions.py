"""Attribution speed: newslab actors + attributions vs a simple speech-verb regex, same texts, one run.

    NEWSLAB_DATA=../shared/data python benchmarks/attributions.py [FOLDER]

FOLDER defaults to $NEWSLAB_DATA/polnear (every .txt under it). Prints articles/s for
``newslab.actors`` + ``newslab.attributions`` (one core, one process), for the speech-verb
reference (:func:`newslab.evaluate.polnear.speech_verb_baseline`) and their ratio. Goal: ≥ 200 articles/s.
"""
from __future__ import annotations

import sys


from _common import compare, polnear_texts

from newslab.attribution.actors import index
from newslab.attribution.quotes import attributions
from newslab.evaluate.polnear import speech_verb_baseline


def main() -> None:
    texts = polnear_texts(sys.argv[1] if len(sys.argv) > 1 else None)
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {len(texts)} articles, {words / len(texts):.0f} words per article")

    def ours():
        for t in texts:
            idx = index(t)          # the actor table's work
            attributions(t, actors_index=idx)

    def reference():
        for t in texts:
            speech_verb_baseline(t)

    compare("actors + attributions", len(texts), "articles", ours, reference,
            "speech-verb regex reference", goal=">= 200")


if __name__ == "__main__":
    main()
