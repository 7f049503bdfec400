"""Tokenization speed: newslab vs NLTK (Punkt + NLTKWordTokenizer), spaCy's blank English
tokenizer, and the floor of one bare ``re.finditer`` pass — on the same real texts, in one run.

    NEWSLAB_DATA=../shared/data python benchmarks/tokenization.py [FOLDER]

Prints MB/s and tokens/s for each, and newslab's ratios against spaCy and the bare regex.
Peak RSS while streaming 1× and 4× the corpus article by article shows memory stays flat.
"""
from __future__ import annotations

import re
import subprocess
import sys

from _common import best_of, peak_rss_mb, polnear_texts

import newslab as nl
from newslab.text import sentence_spans, token_spans, word_spans


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--stream":
        return stream(int(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else None)
    folder = sys.argv[1] if len(sys.argv) > 1 else None
    texts = polnear_texts(folder)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    n_tokens = sum(len(word_spans(t)) for t in texts)
    print(f"corpus: {len(texts)} articles, {mb:.2f} MB, {n_tokens:,} newslab tokens")

    results = {}

    def run(name, fn, count=None):
        seconds = best_of(fn)
        results[name] = mb / seconds
        toks = (count or n_tokens) / seconds
        print(f"{name:<44} {mb / seconds:7.2f} MB/s {toks:12,.0f} tokens/s")

    bare = re.compile(r"\w+|[^\w\s]")
    run("bare re.finditer pass (floor)", lambda: [m for t in texts for m in bare.finditer(t)])
    run("newslab spans (sentences + tokens, offsets)", lambda: [token_spans(t) for t in texts])
    run("newslab tables (nl.sentences + nl.tokens)", lambda: [(nl.sentences(t), nl.tokens(t)) for t in texts])

    from nltk.tokenize import NLTKWordTokenizer
    punkt, words = nl.text.punkt_tokenizer(), NLTKWordTokenizer()

    def nltk_pass():
        for t in texts:
            for s, e in punkt.span_tokenize(t):
                list(words.span_tokenize(t[s:e]))
    run("NLTK Punkt + NLTKWordTokenizer (spans)", nltk_pass)

    try:
        import spacy
    except ImportError:
        print("spaCy is not installed (pip install -e '.[bench]'): no spaCy figure")
    else:
        nlp = spacy.blank("en")
        run("spaCy blank English (nlp.pipe)", lambda: [len(d) for d in nlp.pipe(texts)])

    spans = results["newslab spans (sentences + tokens, offsets)"]
    print()
    if "spaCy blank English (nlp.pipe)" in results:
        print(f"newslab / spaCy blank:        {spans / results['spaCy blank English (nlp.pipe)']:.2f}×  (goal ≥ 5×)")
    print(f"newslab / bare regex pass:    {spans / results['bare re.finditer pass (floor)']:.2f}×  (goal ≥ 0.5×)")
    print(f"newslab / NLTK:               {spans / results['NLTK Punkt + NLTKWordTokenizer (spans)']:.2f}×")
    print()
    for times in (1, 4):
        out = subprocess.run([sys.executable, __file__, "--stream", str(times), folder or ""],
                             capture_output=True, text=True, check=True)
        print(f"peak RSS streaming {times}× corpus article by article: {out.stdout.strip()} MB")


def stream(times: int, folder: str | None) -> None:
    from _common import data_dir
    from pathlib import Path
    root = Path(folder) if folder else data_dir() / "polnear"
    for _ in range(times):
        for article in nl.load_corpus(root):
            sentence_spans(article.text)
            token_spans(article.text)
    print(f"{peak_rss_mb():.0f}")


if __name__ == "__main__":
    main()
