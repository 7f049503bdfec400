"""Paragraphs, sentences, tokens: offsets, news conventions, and invariants on any Unicode."""
from __future__ import annotations

import os
import subprocess
import sys

from hypothesis import given, settings, strategies as st

import newslab as nl
from newslab.text import sentence_spans, token_spans, word_spans


def texts(df, text):
    return [text[s:e] for s, e in zip(df.start, df.end)]


def test_schemas_are_stable_when_empty():
    for fn in (nl.paragraphs, nl.sentences, nl.tokens):
        full, none = fn("Title\n\nA sentence."), fn("")
        assert list(full.columns) == list(none.columns)
        assert full.dtypes.tolist() == none.dtypes.tolist()
    assert nl.tokens("").dtypes.astype(str).tolist() == ["int64", "int64", "int64", "int64", "string"]


def test_title_is_its_own_sentence_and_paragraph_even_without_blank_line():
    text = "Headline without blank line\nFirst body sentence. Second."
    assert nl.paragraphs(text).text.tolist() == ["Headline without blank line", "First body sentence. Second."]
    assert nl.sentences(text).text.tolist()[0] == "Headline without blank line"


def test_news_abbreviations_do_not_split():
    text = ("Title\n\nAt his press conference Wednesday, U.S. President Joe Biden spoke. "
            "Gen. Mark Milley and Sen. Warren met on Jan. 21 in Washington, D.C. on Friday. "
            "Troops are in the U.S. The talks ended.")
    assert nl.sentences(text).text.tolist() == [
        "Title",
        "At his press conference Wednesday, U.S. President Joe Biden spoke.",
        "Gen. Mark Milley and Sen. Warren met on Jan. 21 in Washington, D.C. on Friday.",
        "Troops are in the U.S.",
        "The talks ended.",
    ]


def test_quotes_and_typos():
    text = ("Title\n\n“They can have tragic consequences,” Zakharova said. "
            "“Why?” he asked. He paused. . Then he left! “Never,” she said.\n\n"
            "Blinken said: “We were at a crucial moment. It never closes")
    assert nl.sentences(text).text.tolist() == [
        "Title",
        "“They can have tragic consequences,” Zakharova said.",
        "“Why?” he asked.",
        "He paused. .",
        "Then he left!",
        "“Never,” she said.",
        "Blinken said: “We were at a crucial moment.",
        "It never closes",
    ]


def test_penn_treebank_tokens():
    text = "Bidens’s comment wasn't “very clear” — 100,000 troops; a seven-decade-old alliance..."
    assert nl.tokens(text).text.tolist() == [
        "Bidens", "’s", "comment", "was", "n't", "“", "very", "clear", "”", "—", "100,000", "troops",
        ";", "a", "seven-decade-old", "alliance", "...",
    ]


def test_seed_sentences_hand_checked(seed_path):
    text = seed_path.read_text(encoding="utf-8")
    sents = nl.sentences(text)
    assert texts(sents, text) == sents.text.tolist()
    got = sents.text.tolist()
    assert got[0] == "Blinken, Lavrov, do not expect progress in Ukraine"
    assert "U.S. President Joe Biden made confusing comments" in got[12]
    assert got[6].endswith("rising tensions in Eastern Europe. .")  # the ". ." typo stays in its sentence
    assert got[9] == "He has to decide which course to take."
    assert len(got) == 27 and sents.paragraph_id.max() == 20


def test_tokens_carry_sentence_ids(seed_path):
    text = seed_path.read_text(encoding="utf-8")
    toks, sents = nl.tokens(text), nl.sentences(text)
    for row in toks.itertuples():
        sentence = sents.iloc[row.sentence_id]
        assert sentence.start <= row.start < row.end <= sentence.end
    assert (toks.groupby("sentence_id").token_id.min() == 0).all()


def check_invariants(text):
    spans = sentence_spans(text)
    prev = 0
    for s, e, _ in spans:
        assert prev <= s < e <= len(text)
        assert not text[s].isspace() and not text[e - 1].isspace()
        prev = e
    words = word_spans(text)
    prev = 0
    for s, e in words:
        assert prev <= s < e
        assert not any(ch.isspace() for ch in text[s:e])
        prev = e
    covered = sum(e - s for s, e in words)
    assert covered == sum(1 for ch in text if not ch.isspace())
    toks = nl.tokens(text)
    assert texts(toks, text) == toks.text.tolist()
    sents = nl.sentences(text)
    assert texts(sents, text) == sents.text.tolist()
    assert len(token_spans(text)) == len(words)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_invariants_on_arbitrary_unicode(text):
    check_invariants(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["U.S.", "Mr.", "he", "said", ".", "!", "?", "“", "”", "\n", "\n\n", " ",
                                 "\r\n", "’s", "n't", "Jan.", "21", "...", "—", "The", "\t", "é", "a.b."]),
                max_size=60).map("".join))
def test_invariants_on_news_like_strings(text):
    check_invariants(text)


def test_works_with_empty_nltk_data_and_no_network(tmp_path):
    env = {**os.environ, "NLTK_DATA": str(tmp_path), "no_proxy": "*", "http_proxy": "http://127.0.0.1:9",
           "https_proxy": "http://127.0.0.1:9"}
    code = ("import newslab as nl; a = nl.load_article(nl.SEED_PATH); "
            "print(len(nl.sentences(a.text)), len(nl.tokens(a.text)), "
            "len(nl.text.punkt_tokenizer().tokenize(a.text)))")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    n_sent, n_tok, n_punkt = map(int, out.stdout.split())
    assert n_sent == 27 and n_tok > 700 and n_punkt > 20


# --- sentence boundary accuracy against hand-checked references --------------------------

import hashlib  # noqa: E402
import json  # noqa: E402

from support import ROOT, require  # noqa: E402

REFERENCE = json.loads((ROOT / "tests" / "fixtures" / "sentence_boundaries.json").read_text())


def boundary_scores(pred: set[int], gold: set[int]) -> tuple[int, int, int]:
    return len(pred & gold), len(pred - gold), len(gold - pred)


def punkt_ends(text):
    tok = nl.text.punkt_tokenizer()
    return {ps + e for ps, pe in nl.text.paragraph_spans(text) for _, e in tok.span_tokenize(text[ps:pe])}


def reference_texts(data_dir=None):
    for name, ref in REFERENCE["articles"].items():
        if name == "seed":
            text = (ROOT / "seeds" / "000_0c9859ee3d48e6bf.txt").read_text(encoding="utf-8")
        else:
            text = require(data_dir, *name.split("/")).read_text(encoding="utf-8")
        assert hashlib.sha256(text.encode()).hexdigest() == ref["sha256"], f"{name} changed"
        yield name, text, set(ref["ends"])


def test_seed_boundaries_match_reference():
    ref = REFERENCE["articles"]["seed"]
    text = (ROOT / "seeds" / "000_0c9859ee3d48e6bf.txt").read_text(encoding="utf-8")
    gold = set(ref["ends"])
    assert {e for _, e, _ in sentence_spans(text)} == gold


def test_boundary_precision_recall_on_polnear_sample(data_dir, capsys):
    totals = {"newslab": [0, 0, 0], "punkt": [0, 0, 0]}
    for _, text, gold in reference_texts(data_dir):
        for name, pred in (("newslab", {e for _, e, _ in sentence_spans(text)}), ("punkt", punkt_ends(text))):
            for i, v in enumerate(boundary_scores(pred, gold)):
                totals[name][i] += v
    figures = {}
    for name, (tp, fp, fn) in totals.items():
        figures[name] = (tp / (tp + fp), tp / (tp + fn))
    with capsys.disabled():
        print("\nsentence boundaries vs hand-checked reference (P, R):",
              {k: tuple(round(x, 4) for x in v) for k, v in figures.items()})
    assert figures["newslab"][0] >= 0.98 and figures["newslab"][1] >= 0.98
    assert figures["newslab"][0] > figures["punkt"][0]


def test_sentence_splitting_takes_linear_time_on_hostile_text():
    # article text is untrusted: a long run of full stops made the terminator pattern retry from every
    # position in the run, and a long run of spaces (or tabs, no-break spaces) the paragraph and
    # line-break patterns (quadratic: about 2 minutes for 80,000 full stops)
    hostile = ("'.' * n", "'Smith ' + '...' * (n // 3) + 'x.'", "'\\u00a0' * n", "'\\t' * n",
               "' ' * n", "'Title\\n\\nSmith said' + ' ' * n + 'x.\\nJones left.'")
    for text in hostile:
        code = f"import newslab as nl; n = 100_000; nl.sentences({text})"
        subprocess.run([sys.executable, "-c", code], timeout=30, check=True)
