"""Target polarity, the stance table, the stance matrix and the discourse network.

Facts about the seed were checked by hand against the text.
"""
from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest

import newslab as nl
from newslab.stance import NARRATOR, STANCE_SCHEMA, score_target, target_polarity
from newslab.stance.polarity import Params
from newslab.stance.network import MATRIX_SCHEMA


def _span(text, mention, occurrence=0):
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(mention, start + 1)
    return start, start + len(mention)


def _polarity(text, mention, occurrence=0):
    return target_polarity(text, *_span(text, mention, occurrence))


# --- target_polarity -------------------------------------------------------------------------

@pytest.mark.parametrize("text,mention,expected", [
    ("Critics blasted Smith for the failed plan.", "Smith", "negative"),
    ("Voters praised Smith for her leadership.", "Smith", "positive"),
    ("Smith arrived in Geneva on Friday.", "Smith", "neutral"),
    ("The senator accused Smith of lying to Congress.", "Smith", "negative"),
    ("The crowd cheered as Smith won a landslide victory.", "Smith", "positive"),
    ("Smith was charged with fraud and bribery.", "Smith", "negative"),
])
def test_polarity_simple_cases(text, mention, expected):
    assert _polarity(text, mention) == expected


def test_negation_flips():
    assert _polarity("Voters praised Smith.", "Smith") == "positive"
    assert _polarity("Voters did not praise Smith.", "Smith") != "positive"


def test_threat_is_negative_toward_the_one_threatened():
    text = "The US is committed to a swift and tough response if Russia commits aggression against Ukraine."
    assert _polarity(text, "Russia") == "negative"
    # Ukraine is the one harmed, not criticised
    assert _polarity(text, "Ukraine") != "negative"
    result = score_target(text, *_span(text, "Russia"))
    assert any("threat" in e.reason for e in result.evidence)


@pytest.mark.parametrize("cue", ["if", "unless", "in case", "in the event of"])
def test_every_listed_conditional_cue_opens_a_threat(cue):
    # multi-word cues of data/conditionals.txt count as well as single words
    text = f"There will be a swift and tough response {cue} Russia moves troops."
    result = score_target(text, *_span(text, "Russia"))
    assert any("threat" in e.reason for e in result.evidence), cue


def test_speakers_own_words_count_weakly():
    text = '"The plan is a disaster," Smith said.'
    assert _polarity(text, "Smith") == "neutral"
    # the same words about the target count
    assert _polarity("Jones said Smith is a disaster.", "Smith") == "negative"


def test_proper_names_are_not_sentiment():
    assert _polarity("Homeland Security Secretary Smith visited Texas.", "Smith") == "neutral"


def test_capitalised_modal_mid_sentence_is_a_name_not_a_hedge():
    def failed(text, name):
        ev = [e for e in score_target(text, *_span(text, name)).evidence if e.word == "failed"]
        assert len(ev) == 1, ev
        return ev[0]

    may = failed("Critics blasted May for the failed plan.", "May")
    assert "hedged" not in may.reason
    assert may.value == failed("Critics blasted Mays for the failed plan.", "Mays").value
    # sentence-initially and after an opening quote a capitalised modal is still a hedge
    assert "hedged by 'May'" in failed('"May the failed plan end," Smith said.', "Smith").reason
    assert "hedged by 'May'" in failed("Smith spoke. May the failed plan end.", "Smith").reason


def test_score_sign_and_evidence_offsets():
    text = "Critics blasted Smith for the failed plan."
    result = score_target(text, *_span(text, "Smith"))
    assert result.score < 0 and result.label == "negative"
    assert result.evidence, "the evidence is kept"
    for e in result.evidence:
        assert text[e.start:e.end] == e.word
    assert sum(e.value for e in result.evidence) == pytest.approx(result.score, abs=1e-3)


def test_bad_span_is_rejected():
    with pytest.raises(ValueError, match="outside the text"):
        target_polarity("Smith.", 3, 99)


# --- stance ----------------------------------------------------------------------------------

def test_empty_text_gives_typed_empty_table():
    df = nl.stance("")
    assert list(df.columns) == list(STANCE_SCHEMA)
    assert [str(t) for t in df.dtypes] == [str(pd.Series(dtype=d).dtype) for d in STANCE_SCHEMA.values()]


def test_narrator_voice():
    df = nl.stance("John Smith suffered a humiliating defeat in Ohio.", issues={})
    assert df["speaker"].tolist() == [NARRATOR]
    assert df["polarity"].tolist() == ["negative"]
    assert df["attribution_id"].isna().all()


def test_attributed_speaker_and_evidence_span():
    text = "John Smith said Mary Jones was a liar and a fraud."
    df = nl.stance(text, issues={})
    row = df[df["target"] == "Mary Jones"].iloc[0]
    assert row["speaker"] == "John Smith"
    assert row["polarity"] == "negative" and row["score"] < 0
    assert not pd.isna(row["attribution_id"])
    assert text[row["mention_start"]:row["mention_end"]] == "Mary Jones"
    assert row["start"] <= row["mention_start"] and row["mention_end"] <= row["end"]
    assert row["evidence"] == text[row["start"]:row["end"]]
    assert "John Smith" not in set(df["target"])  # the speaker is not his own target


def test_evidence_of_a_very_long_clause_is_cut_around_the_mention():
    from newslab.stance.engine import EVIDENCE_CHARS
    text = "The minister attacked " + "".join(f"Russia ({i}), " for i in range(2000)) + "and Mary Jones was a liar."
    df = nl.stance(text, issues={})
    whole = df[(df["start"] == 0) & (df["end"] == len(text))]  # the sentence as the scored clause
    assert len(whole) >= 2000  # every mention keeps its row and its clause's offsets
    assert whole["evidence"].str.len().max() <= EVIDENCE_CHARS + 2  # the window and at most two "…"
    for _, row in whole.iloc[[0, 1000, len(whole) - 1]].iterrows():
        window = row["evidence"].strip("…")
        at = text.find(window)  # unique: every unit is numbered
        assert at <= row["mention_start"] and row["mention_end"] <= at + len(window)
    assert whole["evidence"].iloc[0].startswith("The minister") and whole["evidence"].iloc[0].endswith("…")
    assert whole["evidence"].iloc[-1].startswith("…") and whole["evidence"].iloc[-1].endswith("a liar.")


def test_custom_issue_terms():
    text = "The minister said the new tariffs are a disaster for farmers."
    df = nl.stance(text, issues=["tariffs"])
    assert df[df["target_kind"] == "issue"]["target"].tolist() == ["tariffs"]
    assert nl.stance(text, issues={})["target_kind"].eq("issue").sum() == 0


@pytest.mark.parametrize("spelling", ["ſanctions", "SANCTIONS", "ſANCTIONS"])
def test_issue_spellings_that_only_case_fold_to_a_form(spelling):
    # the case-insensitive search matches a long s; the issue must still be found, not raise
    text = f"The {spelling} on Russia were harsh, Biden said."
    df = nl.stance(text)
    assert "sanctions" in df[df["target_kind"] == "issue"]["target"].tolist()


@pytest.fixture(scope="module")
def seed_stance(seed_path):
    return nl.stance(nl.load_article(seed_path).text)


def test_seed_blinken_threat_against_russia(seed_stance, seed_path):
    # "Blinken said the US is committed ... to a united, swift and tough response if Russia commits
    # aggression against Ukraine."
    text = nl.load_article(seed_path).text
    at = text.index("if Russia commits aggression") + 3
    row = seed_stance[seed_stance["mention_start"] == at].iloc[0]
    assert (row["speaker"], row["target"], row["polarity"]) == ("Antony Blinken", "Russia", "negative")


def test_seed_blinken_vow_against_russia(seed_stance, seed_path):
    # "Blinken vowed ... would inflict swift and massive costs on Russia if it invaded Ukraine"
    text = nl.load_article(seed_path).text
    at = text.index("costs on Russia") + len("costs on ")
    row = seed_stance[seed_stance["mention_start"] == at].iloc[0]
    assert (row["speaker"], row["polarity"]) == ("Antony Blinken", "negative")


def test_seed_zelenskiy_responds_to_biden(seed_stance):
    # "Bidens's comment on a small incursion drew a sharp response from ... Zelenskiy"
    rows = seed_stance[(seed_stance["speaker"] == "Volodymyr Zelenskiy") & (seed_stance["target"] == "Joe Biden")]
    assert rows["polarity"].tolist() == ["negative"]


def test_seed_blinken_for_diplomacy(seed_stance, seed_path):
    # "the US is committed to the path of diplomacy and dialogue"
    text = nl.load_article(seed_path).text
    at = text.index("path of diplomacy") + len("path of ")
    row = seed_stance[seed_stance["mention_start"] == at].iloc[0]
    assert (row["speaker"], row["target"], row["polarity"]) == ("Antony Blinken", "diplomacy", "positive")


def test_seed_is_deterministic(seed_stance, seed_path):
    again = nl.stance(nl.load_article(seed_path).text)
    pd.testing.assert_frame_equal(seed_stance, again)


# --- aggregates --------------------------------------------------------------------------------

def _table():
    rows = [
        ("A", "X", "negative", -1.0, 0, 5, pd.NA, "actor", "X", 0, 1, 0, "", ""),
        ("A", "X", "negative", -2.0, 0, 5, pd.NA, "actor", "X", 2, 3, 0, "", ""),
        ("A", "X", "positive", 1.5, 6, 9, pd.NA, "actor", "X", 6, 7, 1, "", ""),
        ("A", "Y", "neutral", 0.0, 6, 9, pd.NA, "issue", "Y", 7, 8, 1, "", ""),
        ("B", "X", "positive", 3.0, 10, 12, 4, "actor", "X", 10, 11, 2, "", ""),
    ]
    return nl.tables.frame(rows, STANCE_SCHEMA)


def test_stance_matrix_counts_by_hand():
    m = nl.stance_matrix(_table())
    assert list(m.columns) == list(MATRIX_SCHEMA)
    ax = m[(m["speaker"] == "A") & (m["target"] == "X")].iloc[0]
    assert (ax["n"], ax["n_negative"], ax["n_positive"]) == (3, 2, 1)
    assert ax["mean_polarity"] == pytest.approx(-1 / 3, abs=1e-4)
    assert ax["mean_score"] == pytest.approx((-1.0 - 2.0 + 1.5) / 3, abs=1e-4)
    assert ax["evidence_ids"] == "0,1,2"
    assert nl.stance_matrix(_table(), min_evidence=2)[["speaker", "target"]].values.tolist() == [["A", "X"]]
    assert "Y" not in set(nl.stance_matrix(_table(), include_neutral=False)["target"])
    pivot = nl.matrix_pivot(m)
    assert pivot.loc["B", "X"] == 1.0 and pd.isna(pivot.loc["B", "Y"])


def test_stance_matrix_empty():
    m = nl.stance_matrix(nl.stance(""))
    assert len(m) == 0 and list(m.columns) == list(MATRIX_SCHEMA)
    with pytest.raises(ValueError, match="missing columns"):
        nl.stance_matrix(pd.DataFrame({"a": [1]}))


def test_network_and_exports(tmp_path):
    g = nl.discourse_network(_table())
    assert set(g.nodes) == {"A", "B", "X"}  # neutral-only pair A→Y is left out
    assert g.nodes["X"]["kind"] == "target" and g.nodes["A"]["kind"] == "speaker"
    assert g.edges["A", "X"]["sign"] == -1 and g.edges["A", "X"]["weight"] == 3
    assert g.edges["A", "X"]["signed_weight"] == -1
    assert g.edges["B", "X"]["sign"] == 1
    for name in ("net.graphml", "net.gexf"):
        path = nl.write_network(g, tmp_path / name)
        back = nx.read_graphml(path) if name.endswith("graphml") else nx.read_gexf(path)
        assert back.number_of_edges() == 2
    with pytest.raises(ValueError, match="graphml or .gexf"):
        nl.write_network(g, tmp_path / "net.csv")


def test_seed_network(seed_stance):
    g = nl.discourse_network(seed_stance)
    assert g.has_edge("Antony Blinken", "Russia")
    assert g.edges["Antony Blinken", "Russia"]["sign"] == -1
    assert g.has_edge("Volodymyr Zelenskiy", "Joe Biden")


def test_cli_matrix_and_network(tmp_path, seed_path, capsys):
    from newslab.cli import main

    out = tmp_path / "seed.graphml"
    assert main(["stance", str(seed_path), "--matrix", "--network", str(out)]) == 0
    printed = capsys.readouterr().out
    assert printed.splitlines()[0].startswith("speaker,target,target_kind,n,")
    assert "Antony Blinken,Russia," in printed
    assert nx.read_graphml(out).has_edge("Antony Blinken", "Russia")


def test_support_and_opposition_cues():
    assert _polarity("Prosecutors built a case against Smith.", "Smith") == "negative"
    assert _polarity("The senator is committed to the path of diplomacy.", "diplomacy") == "positive"


def test_reaction_gives_the_reactor_a_stance():
    df = nl.stance("John Smith's remarks drew sharp criticism from Mary Jones.", issues={})
    rows = df[(df["speaker"] == "Mary Jones") & (df["target"] == "John Smith")]
    assert rows["polarity"].tolist() == ["negative"]
    assert rows["cues"].str.startswith("reaction").all()


# --- rules added for the positive class and the seed's wrong cells (hand-checked expectations) ---

@pytest.mark.parametrize("text,mention,expected", [
    # a shifter reverses the sentiment word it governs and its own valence is dropped
    ("Obama vowed to defeat the terror group.", "Obama", "positive"),
    ("Smith worked to ease tensions with the neighbours.", "Smith", "positive"),
    ("Smith found a solution to the crisis.", "Smith", "positive"),
    ("Smith tried to undermine the unity of the alliance.", "Smith", "negative"),
    # the whole object is shifted, and a noun ("the end of") is no shifter
    ("Smith vowed to end the brutal war.", "Smith", "positive"),
    ("It was the end of a successful career for Smith.", "Smith", "positive"),
    # ... or cancels it: testing someone's determination says nothing good about them
    ("Putin wanted to test the determination of the United States.", "United States", "neutral"),
])
def test_polarity_shifters(text, mention, expected):
    assert _polarity(text, mention) == expected


def test_shifter_evidence_names_the_shifter():
    text = "Smith worked to ease tensions with the neighbours."
    result = score_target(text, *_span(text, "Smith"))
    (ev,) = [e for e in result.evidence if "shifted" in e.reason]
    assert text[ev.start:ev.end] == "tensions" and "ease" in ev.reason and ev.value > 0


def test_contrasted_alternative_does_not_count():
    text = "Putin has a choice between diplomacy on the one hand and conflict and consequences on the other."
    assert _polarity(text, "diplomacy") != "negative"
    # without the contrast the nearby bad words do count
    assert _polarity("Diplomacy brought conflict and consequences.", "Diplomacy") == "negative"


def test_report_about_the_target_is_not_the_targets_own_words():
    # "Y said X is a liar": X is the one talked about, not the speaker
    assert _polarity("Jones said Smith is a liar.", "Smith") == "negative"
    # the inverted report '"...," said X' keeps X as the speaker
    assert _polarity('"The plan is a disaster," said Smith.', "Smith") == "neutral"


def test_setting_of_the_event_is_not_its_subject():
    # the place or time where something happens is not what the sentiment is about
    assert _polarity("The senator was criticized during the hearing.", "hearing") == "neutral"
    assert _polarity("The senator was criticized and the hearing.", "hearing") == "negative"
    text = "She praised the workers in Detroit."
    setting = score_target(text, *_span(text, "Detroit"))
    plain = score_target("She praised the workers and Detroit.", *_span("She praised the workers and Detroit.",
                                                                        "Detroit"))
    assert setting.score == 0 < plain.score  # the sentence's words judge what happens there, not the place
    assert all("target is the setting" in e.reason for e in setting.evidence) and setting.evidence
    assert target_polarity(text, *_span(text, "Detroit"), params=Params(setting=0.5)) == "positive"
    # a possessor after "in" is no setting: "in X's failed campaign" is about X
    assert _polarity("He took part in Smith's failed campaign.", "Smith") == "negative"


def test_a_clause_after_since_or_an_attitude_before_in_is_no_setting():
    # "since X took office": X is the subject of a clause, not the time of what happens
    assert _polarity("Violence has risen since Smith took office.", "Smith") == "negative"
    assert _polarity("Violence has risen since 2019 in the region.", "2019") == "neutral"
    # "confidence in X", "faith in X": X is what the attitude is about
    assert _polarity("Voters expressed full confidence in Smith.", "Smith") == "positive"
    assert _polarity("Voters expressed full confidence in the region.", "region") == "positive"
    assert _polarity("Voters were happy in the region.", "region") == "neutral"


def test_what_is_said_or_confessed_to_someone_is_not_about_them():
    # "lied to X", "a letter to X", "apologized to X": X is the one spoken to
    assert _polarity("He admitted that he lied to the committee.", "committee") == "neutral"
    assert _polarity("He admitted that he lied repeatedly to the committee.", "committee") == "neutral"
    assert _polarity("She wrote an angry letter to the mayor.", "mayor") == "neutral"
    # without a word of speech "to" is no address: "the threat to X" is about X
    assert _polarity("He posed a terrible threat to the mayor.", "mayor") == "negative"


def test_a_speech_word_after_the_target_that_is_not_its_report():
    def own_words(text, mention):
        return [e for e in score_target(text, *_span(text, mention)).evidence if "own words" in e.reason]

    # "X, according to Y": Y speaks, X is talked about
    assert not own_words("Smith, according to the prosecutors, committed fraud.", "Smith")
    assert own_words("Smith, the prosecutors said, committed fraud.", "prosecutors")
    # "X continues to ..." reports nothing; '"...," X continued' does
    assert not own_words("Smith continues to be a disastrous failure.", "Smith")
    assert own_words('"The plan is a disaster," Smith continued.', "Smith")
    assert _polarity('"The plan is a disaster," Smith continued.', "Smith") == "neutral"
    # "rejected X, saying ...": the subject of "rejected" speaks, X is its object
    assert not own_words("Voters rejected Smith, saying he is a corrupt liar.", "Smith")
    assert own_words("Smith, saying the plan is a disaster, left the room.", "Smith")
    # "a say in": a noun, no report
    assert not own_words("The donors had a say in the hiring and firing of corrupt officials.", "donors")


def test_addressee_of_a_report_is_not_its_topic():
    # what is said to X is seldom about X
    assert _polarity("Jones told Smith that he made a mistake.", "Smith") == "neutral"
    assert _polarity("Jones said to Smith that the plan was a mistake.", "Smith") == "neutral"
    text = "In an interview with Smith, Jones attacked the plan."
    result = score_target(text, *_span(text, "Smith"))
    assert any("target is the addressee" in e.reason for e in result.evidence)
    # the same words count for a target that is not addressed; "told X's lawyers" does not address X
    assert _polarity("The plan of Smith is a mistake.", "Smith") == "negative"
    assert _polarity("Jones told Smith's lawyers that he made a mistake.", "Smith") == "negative"


@pytest.mark.parametrize("text,mention", [
    ("Appearing on CNN, the senator admitted that he had lied.", "CNN"),  # said on X
    ("The governor has said nothing on Twitter about the disgraceful scandal.", "Twitter"),
    ("The senator praised the excellent work of the firefighters, Reuters reported.", "Reuters"),  # X reported
    ("The awful plan failed, according to a report by The New York Times.", "New York Times"),
    ("The mayor's best number is from the Gallup tracking poll.", "Gallup"),  # an unlisted pollster
    ("NPR's Anna Berg speaks with the author about a terrible disaster.", "Anna Berg"),  # a journalist
])
def test_an_outlet_or_platform_as_the_venue_is_not_judged(text, mention):
    result = score_target(text, *_span(text, mention))
    assert result.label == "neutral"
    assert all("target is the venue" in e.reason for e in result.evidence) and result.evidence


def test_an_outlet_that_is_not_the_venue_is_judged():
    # a listed name alone decides nothing: the outlet attacked, its people insulted, a possessor of polls
    assert _polarity("She directed her anger at CNN, calling it a disgrace.", "CNN") == "negative"
    assert _polarity("The mayor called a CNN reporter a liar and a disgrace.", "CNN") == "negative"
    assert _polarity("The mayor's best number is from Gallup, a great pollster.", "Gallup") == "positive"
    assert _polarity("Anna Berg speaks with the author about a terrible disaster.", "Anna Berg") == "negative"
    assert _polarity("Smith reported that the awful plan failed.", "Smith") == "negative"


def test_negated_stance_cue_flips():
    assert _polarity("He is running for the workers, not against Smith.", "Smith") == "positive"
    assert _polarity("He is running against Smith.", "Smith") == "negative"


@pytest.mark.parametrize("text,mention,expected", [
    ("Jones called Smith a bigot.", "Smith", "negative"),
    ("Smith is a man of impeccable credentials.", "Smith", "positive"),
    ("Smith's campaign has been plagued by setbacks.", "Smith", "negative"),
])
def test_added_news_lexicon(text, mention, expected):
    assert _polarity(text, mention) == expected


def test_seed_choice_between_diplomacy_and_conflict(seed_stance, seed_path):
    # "Putin has a choice between dialogue and diplomacy on the one hand and conflict and
    # consequences on the other": Blinken is not against diplomacy
    text = nl.load_article(seed_path).text
    lo = text.index("a choice between dialogue")
    hi = text.index("on the other", lo)
    rows = seed_stance[(seed_stance["target"] == "diplomacy") & (seed_stance["mention_start"] > lo)
                       & (seed_stance["mention_start"] < hi)]
    assert len(rows) == 2
    assert "negative" not in rows["polarity"].tolist()


def test_seed_putin_tests_us_determination(seed_stance, seed_path):
    # "... wanted to test the determination of the United States and NATO": no praise of them
    text = nl.load_article(seed_path).text
    lo = text.index("test the determination")
    rows = seed_stance[(seed_stance["mention_start"] > lo) & (seed_stance["mention_start"] < lo + 60)]
    assert set(rows["target"]) == {"United States", "NATO"}
    assert "positive" not in rows["polarity"].tolist()


def test_other_sentence_counts_less():
    same = "Smith spoke. A disastrous, shameful failure."
    one = "Smith spoke, a disastrous, shameful failure."
    assert score_target(same, 0, 5).score > score_target(one, 0, 5).score
    # an abbreviation's full stop or an initial does not end the sentence; a line break does
    from newslab.stance.polarity import prepare
    assert prepare("Critics blasted Mr. Smith and John F. Kennedy.").starts == frozenset()
    assert prepare("Critics blasted him. Smith left.").starts == frozenset({4})
    assert prepare("Headline\nSmith left.").starts == frozenset({1})


def test_long_target_phrase_carries_its_own_judgement():
    text = "Officials defended the reckless plan of the governor on Monday."
    start, end = _span(text, "the reckless plan of the governor")
    result = score_target(text, start, end)
    assert result.label == "negative"
    assert any(e.reason == "inside the target phrase" and text[e.start:e.end] == "reckless" for e in result.evidence)
    # the same word right before a short target counts as context
    assert _polarity("The reckless Smith spoke.", "Smith") == "negative"


def test_said_then_a_clause_is_about_the_target():
    # "Y, a critic, said X had lied": X is the subject of the report, not its source
    assert _polarity("Jones, a critic, said Smith had lied and cheated.", "Smith") == "negative"
    # "..., said X, who ..." keeps X as the source
    assert _polarity('"The plan is a disaster," said Smith, who leads the group.', "Smith") == "neutral"


# --- session 2: events with the target's role, news words, set phrases (hand-checked expectations) ---

@pytest.mark.parametrize("text,mention,expected", [
    # the same event is good for its agent and bad for its patient
    ("Smith defeated Jones in the primary.", "Smith", "positive"),
    ("Smith defeated Jones in the primary.", "Jones", "negative"),
    # passive: the subject is the patient, the "by" phrase the agent
    ("Jones was defeated by Smith.", "Smith", "positive"),
    ("Jones was defeated by Smith.", "Jones", "negative"),
    # implicit sentiment: events with no evaluative word
    ("Smith deleted the emails.", "Smith", "negative"),
    ("Smith won the primary.", "Smith", "positive"),
    ("The senator thanked Smith.", "Smith", "positive"),
    # a relative clause and auxiliaries between the subject and its verb
    ("Smith, who has repeatedly lied to voters, spoke.", "Smith", "negative"),
])
def test_events_by_role(text, mention, expected):
    assert _polarity(text, mention) == expected


def test_event_evidence_names_the_role():
    text = "Smith was indicted on Friday."
    result = score_target(text, *_span(text, "Smith"))
    assert result.label == "negative"
    assert [(e.word, e.reason) for e in result.evidence] == [("indicted", "target as patient")]
    # a possessive target has no role in the event ("Smith's defeat": lost, or defeated someone?)
    text = "Smith's defeat was expected."
    assert not any(e.reason.startswith("target as") for e in score_target(text, 0, 5).evidence)


def test_event_inflections():
    from newslab.stance.polarity import _inflections
    assert {"slams", "slammed", "slamming"} <= _inflections("slam")
    assert {"criticizes", "criticized", "criticizing"} <= _inflections("criticize")
    assert {"lies", "lied", "lying"} <= _inflections("lie")
    assert {"bullies", "bullied"} <= _inflections("bully")
    assert _inflections("fired") == {"fired"}  # an inflected form is taken as it is


@pytest.mark.parametrize("text,mention,expected", [
    ("Smith faces questions about his finances.", "Smith", "negative"),
    ("Smith died on Tuesday.", "Smith", "neutral"),  # a reported death judges nobody
    ("No doubt Smith knew.", "Smith", "neutral"),  # "no doubt" is not a doubt undone
    ("The plan is not only disgusting but Smith is a fraud.", "Smith", "negative"),  # "not only" negates nothing
])
def test_news_words_and_set_phrases(text, mention, expected):
    assert _polarity(text, mention) == expected


def test_single_letters_are_no_sentiment():
    from newslab.stance.polarity import _valence
    assert _valence("l") is None  # VADER lists "l"; in news it is an initial or a state code
    assert _valence("scandal") < 0


# --- session 2b: more role links, more events and words (hand-checked) ---

def _reasons(text, mention):
    return [(e.word, e.reason) for e in score_target(text, *_span(text, mention)).evidence]


def test_closing_single_quote_keeps_the_words_valence():
    from newslab.stance.polarity import _valence
    assert _valence("confidence'") == _valence("confidence") > 0  # "‘full confidence’" tokenizes so
    assert _polarity("Voters have ‘full confidence’ in Smith.", "Smith") == "positive"


def test_possessive_target_roles():
    # no patient: the possessor did it; an official act with a neutral agent: it was done to the possessor
    assert ("lies", "target as agent") in _reasons("Smith's lies were exposed.", "Smith")
    assert _polarity("Smith's lies were exposed.", "Smith") == "negative"
    assert ("arrest", "target as patient") in _reasons("Smith's arrest came on Monday.", "Smith")
    assert _polarity("Smith's arrest came on Monday.", "Smith") == "negative"
    assert _polarity("Smith's win came late on Tuesday.", "Smith") == "positive"


def test_appositive_between_subject_and_verb():
    assert ("indicted", "target as patient") in _reasons("Smith, a former senator, was indicted.", "Smith")
    assert ("lied", "target as agent") in _reasons("Smith, 45, lied to the court.", "Smith")
    # a list is no appositive: "Smith, Jones and Lee were indicted" links only Lee
    assert not any(r.startswith("target as") for _, r in _reasons("Smith, Jones and Lee were indicted.", "Smith"))


@pytest.mark.parametrize("text,mention,expected", [
    ("Smith surpassed Jones in the count.", "Smith", "positive"),
    ("The committee named Smith to chair the review.", "Smith", "positive"),
    ("A new poll showed Smith ahead of the pack.", "Smith", "positive"),
    ("Smith murdered his neighbour.", "Smith", "negative"),
    ("Smith overtook Jones in the count.", "Smith", "positive"),
    ("Smith overtook Jones in the count.", "Jones", "negative"),
    ("Smith was instrumental in passing the bill.", "Smith", "positive"),
    ("The agreement was signed by Smith.", "Smith", "neutral"),  # a policy term judges nobody
])
def test_more_events_and_words(text, mention, expected):
    assert _polarity(text, mention) == expected


def test_victim_of_violence_is_pitied_not_judged():
    # the patient of a violent act is not judged by it (neutral), the agent is (negative)
    text = "Jones was shot by Smith."
    victim = score_target(text, *_span(text, "Jones"))
    shooter = score_target(text, *_span(text, "Smith")).score
    assert shooter < victim.score == 0 and victim.label == "neutral"
    # coordinated participles share the subject: "killed" is done to Jones (no judgement), not a loose word
    text = "Jones was shot and killed outside his home."
    assert not _reasons(text, "Jones") and _polarity(text, "Jones") == "neutral"


@pytest.mark.parametrize("text,mention,expected", [
    # coordinated passive participles share the subject
    ("Smith was arrested and charged with fraud.", "Smith", ("charged", "target as patient")),
    # a possessive pronoun takes the possessor's role ("his arrest": done to him; "his lies": his doing)
    ("His arrest came on Monday.", "His", ("arrest", "target as patient")),
    ("Voters remember his lies.", "his", ("lies", "target as agent")),
    # the subject of "faces", "drew", "received" undergoes the event noun it takes
    ("Smith faces federal charges in Texas.", "Smith", ("charges", "target as patient")),
    ("Smith received an award from the city.", "Smith", ("award", "target as patient")),
])
def test_more_roles(text, mention, expected):
    assert expected in _reasons(text, mention)


@pytest.mark.parametrize("text,mention,word", [
    # the object of a preposition is no subject of the verb after it
    ("The man was arrested in Phoenix and was convicted of fraud.", "Phoenix", "convicted"),
    # "resigned from X", "fired from X": a place left, no agent
    ("Smith resigned from the Jones Foundation board.", "Jones Foundation", "resigned"),
    # a possessive pronoun is no subject of the noun after it ("her show" is no showing)
    ("Critics say her show was vetted beforehand.", "her", "show"),
])
def test_no_role(text, mention, word):
    assert not any(w == word and r.startswith("target as") for w, r in _reasons(text, mention))


@pytest.mark.parametrize("text,mention", [
    ("Smith did not respond to requests for comment.", "Smith"),
    ("Smith's lawyer hasn't returned calls seeking comment.", "Smith"),
    ("Smith and his spokesmen have not replied to questions about the payments.", "Smith"),
    ("Smith has declined to answer them.", "Smith"),
    ("Smith, the agency's director, was placed on paid leave in May.", "Smith"),
    ("Smith came under fire for the delays.", "Smith"),
    ("Smith was caught in Ohio a week later.", "Smith"),
])
def test_critical_descriptions(text, mention):
    assert _polarity(text, mention) == "negative"


def test_critical_description_gives_way_to_good_words():
    # only when nothing good is said of the target, as with praise frames
    assert _polarity("Smith, a generous and honest man, did not respond.", "Smith") == "positive"
    # someone else's silence is not the target's
    assert _polarity("Jones asked Smith, who did not respond.", "Jones") == "neutral"


@pytest.mark.parametrize("text,mention", [
    ("Smith served as deputy secretary from 2011 to 2013.", "Smith"),  # a post held: a fact, no praise
    ("Jones is expected to replace Smith as defense secretary.", "Smith"),  # a succession, no setback
    ("Smith endorsed Jones for the nomination.", "Smith"),  # taking a side is no merit of the endorser
])
def test_neutral_events(text, mention):
    assert _polarity(text, mention) == "neutral"


# --- the positive class: denials, others' achievements, relation nouns, distinctions -------------

def test_negated_negative_word_is_no_praise():
    # a denial ("had not done anything wrong") is not praise; a negated positive word still counts
    assert _polarity("Smith had not done anything wrong.", "Smith") == "neutral"
    assert _polarity("Jones said Smith had done nothing wrong.", "Smith") == "neutral"
    assert _polarity("Smith was not honest.", "Smith") == "negative"
    assert _polarity("Smith was wrong.", "Smith") == "negative"
    # with VADER's plain flip (factor 1) the denial reads as praise
    text = "Smith had not done anything wrong."
    flipped = score_target(text, *_span(text, "Smith"), params=Params(negated_negative=1.0))
    assert flipped.label == "positive"


def test_achievement_not_linked_to_the_target_counts_weakly():
    text = "With Smith watching, Jones won the primary."
    weak = score_target(text, *_span(text, "Smith"))
    full = score_target(text, *_span(text, "Smith"), params=Params(unlinked=1.0))
    assert 0 < weak.score == pytest.approx(0.25 * full.score, rel=0.01)
    assert [e.reason for e in weak.evidence] == ["lexicon, an achievement not linked to the target"]
    # the winner itself keeps the full role value
    assert ("won", "target as agent") in _reasons(text, "Jones")
    assert _polarity("Smith won the primary.", "Smith") == "positive"


def test_relation_nouns_are_no_praise():
    assert "friend" not in [w for w, _ in _reasons("Smith met a friend of the governor in Ohio.", "Smith")]
    assert _polarity("Smith, a friend of the governor, arrived on Monday.", "Smith") == "neutral"
    assert _polarity("Smith was friendly and warm.", "Smith") == "positive"  # the adjective still judges


@pytest.mark.parametrize("text,mention,expected", [
    ("Smith, a prize-winning novelist, arrived in Geneva.", "Smith", "positive"),
    ("Smith was inducted into the Hall of Fame in 2010.", "Smith", "positive"),
    ("Smith rose to prominence as a prosecutor.", "Smith", "positive"),
    ("Smith is known for her legal prowess.", "Smith", "positive"),
    ("Smith arrived in Geneva as a novelist.", "Smith", "neutral"),
])
def test_distinction_by_description(text, mention, expected):
    assert _polarity(text, mention) == expected


@pytest.mark.parametrize("text,mention,expected", [
    ("Smith, the first woman to lead the committee, arrived in Geneva.", "Smith", "positive"),
    ("Smith is widely regarded as an expert on trade.", "Smith", "positive"),
    ("Smith built a reputation as a careful judge.", "Smith", "positive"),
    ("Smith, the founder of a small bakery, spoke on Monday.", "Smith", "positive"),
    ("In the new survey, Smith leads the governor by six points.", "Smith", "positive"),
    ("Smith, who has devoted his career to the law, spoke on Monday.", "Smith", "positive"),
    # no frame: a plain job or a frame about someone else
    ("Smith, a lawyer from Ohio, spoke on Monday.", "Smith", "neutral"),
    ("Smith met Jones, the first woman to chair the committee.", "Smith", "neutral"),
    # negative evidence wins: the frame adds nothing then
    ("Smith is the first senator to be indicted for fraud.", "Smith", "negative"),
])
def test_praise_by_description(text, mention, expected):
    assert _polarity(text, mention) == expected


def test_praise_frame_is_evidence_and_can_be_switched_off():
    text = "Smith, the first woman to chair the committee, arrived in Geneva."
    assert ("the first woman to", "praising description of the target") in _reasons(text, "Smith")
    assert target_polarity(text, 0, 5, params=Params(praise_frame=0.0)) == "neutral"


@pytest.mark.parametrize("text,mention,expected", [
    # a praising predicate noun after a copula
    ("Smith is a leader.", "Smith", "positive"),
    ("Smith was a master at building coalitions.", "Smith", "positive"),
    ("Smith became a hero to the farmers of the valley.", "Smith", "positive"),
    ("Smith remained a patriot to the end.", "Smith", "positive"),
    ("Smith's an angel, the neighbours said.", "Smith", "positive"),
    ("Smith was an original.", "Smith", "positive"),
    # a superlative sets the target above the others
    ("Smith is the highest-ranking woman in the department.", "Smith", "positive"),
    ("Smith is one of the hardest-working members of the council.", "Smith", "positive"),
    # a frame after "became", "remains": the lead takes more copulas
    ("Smith became the first woman to chair the committee.", "Smith", "positive"),
    # a post, a relation, a frame about someone else or a mere rank is no praise
    ("Smith is the majority leader of the Senate.", "Smith", "neutral"),
    ("Smith is a leader of the farmers' union.", "Smith", "neutral"),
    ("Smith was the master of ceremonies.", "Smith", "neutral"),
    ("Smith was the original owner of the house.", "Smith", "neutral"),
    ("Smith met a master of the craft in Rome.", "Smith", "neutral"),
    ("Smith is the latest official to arrive.", "Smith", "neutral"),
    # money raised, one of very few, standing out, being right
    ("Smith has raised more than $200,000 since April.", "Smith", "positive"),
    ("The Smith campaign raised $2 million in the spring.", "Smith", "positive"),
    ("Smith is only the second woman to lead the union.", "Smith", "positive"),
    ("Among the candidates, Smith stands out.", "Smith", "positive"),
    ("Smith is exactly right.", "Smith", "positive"),
    ("Smith was right to call the vote.", "Smith", "positive"),
    ("Smith raised taxes in April.", "Smith", "neutral"),
    ("Smith is the second speaker on Monday.", "Smith", "neutral"),
    ("Smith is right in the middle of the town.", "Smith", "neutral"),
    ("Smith's right to appeal ends in May.", "Smith", "neutral"),
    ("Smith is not right about the budget.", "Smith", "neutral"),
    ("Smith is the right choice for the court.", "Smith", "positive"),
    ("So far, Smith has kept his promise.", "Smith", "positive"),
    ("Smith is a woman of her word.", "Smith", "positive"),
    ("Smith turned right at the corner.", "Smith", "neutral"),
    ("Smith has extensive experience in trade law.", "Smith", "positive"),
    ("Smith has little experience in trade law.", "Smith", "neutral"),
])
def test_praise_by_a_predicate(text, mention, expected):
    assert _polarity(text, mention) == expected


def test_mixed_evidence_leans_negative():
    # praise and blame of the same person: the blame weighs more (Params.negativity)
    text = "Smith is a gifted speaker and a dishonest politician."
    result = score_target(text, *_span(text, "Smith"))
    assert result.label == "negative"
    assert target_polarity(text, 0, 5, params=Params(negativity=1.0)) != "negative"
    # the evidence shows the weighted values, so it still adds up to the score
    assert sum(e.value for e in result.evidence) == pytest.approx(result.score, abs=1e-3)
    unweighted = score_target(text, 0, 5, params=Params(negativity=1.0))
    assert [e.value for e in result.evidence] == pytest.approx(
        [e.value * (1.75 if e.value < 0 else 1.0) for e in unweighted.evidence], abs=1e-3)
    # one-sided evidence is not reweighted
    one_sided = "Smith is a dishonest politician."
    assert score_target(one_sided, 0, 5).score == score_target(one_sided, 0, 5, params=Params(negativity=1.0)).score


def test_speakers_first_person_words_are_about_the_speaker():
    text = '"I worked as hard as I could," Smith said.'
    result = score_target(text, *_span(text, "Smith"))
    assert result.label == "positive"
    assert any("(the speaker)" in e.reason and e.word == "worked" for e in result.evidence)
    assert target_polarity(text, *_span(text, "Smith"), params=Params(self_words=0.0)) == "neutral"
    # not for a target that is not the speaker; "I" as the target itself is scored as usual
    other = 'Jones met Smith. "I worked as hard as I could," Jones said.'
    assert not any("(the speaker)" in e.reason for e in score_target(other, *_span(other, "Smith")).evidence)
    assert any("(the speaker)" in e.reason for e in score_target(other, *_span(other, "Jones", 1)).evidence)
    assert all("(the speaker)" not in e.reason for e in score_target(text, 1, 2).evidence)


def test_victim_of_harm_takes_the_sentence_weakly():
    text = "A Russian invasion of Ukraine would bring economic sanctions."
    result = score_target(text, *_span(text, "Ukraine"))
    assert result.label == "neutral"
    assert result.evidence and all("the victim" in e.reason for e in result.evidence)
    # the same words count in full for a target that is not harmed
    other = "A Russian visit to Ukraine would bring economic sanctions."
    full = score_target(other, *_span(other, "Ukraine"))
    assert full.score < 0 and not any("the victim" in e.reason for e in full.evidence)
    assert abs(result.score) < 0.2 * abs(full.score)


def test_object_of_a_comparison_is_outdone():
    assert _polarity("Jones does far better than Smith with young voters.", "Smith") == "negative"
    assert _polarity("Jones does far better than Smith with young voters.", "Jones") == "positive"
    assert _polarity("Jones is more popular than Smith.", "Smith") == "negative"
    # bad words stay bad, and a comparison without a judgement says nothing
    assert _polarity("Jones is more corrupt than Smith.", "Smith") == "negative"
    assert _polarity("Jones spoke later than Smith on Monday.", "Smith") == "neutral"


def test_name_after_an_abbreviated_title_is_no_sentiment():
    # "Joy" after "Mr." is a name although a full stop comes before it
    text = "Smith said on Friday that he would meet with Mr. Joy and his family in the capital next week."
    result = score_target(text, *_span(text, "Smith"))
    assert result.label == "neutral"
    assert all(e.word != "Joy" for e in result.evidence)


def test_what_an_accuser_charges_counts_weakly_for_the_accuser():
    text = "Smith accused Jones of trying to look kind and generous."
    assert _polarity(text, "Smith") == "negative"  # the good words describe Jones, in Smith's wording
    assert _polarity(text, "Jones") == "negative"
    reasons = [e.reason for e in score_target(text, *_span(text, "Smith")).evidence if e.word == "generous"]
    assert reasons and "charges" in reasons[0]


@pytest.mark.parametrize("text", [
    "Jones holds a commanding lead over Smith in the latest poll.",
    "Jones won a clear victory over Smith on Tuesday.",
])
def test_the_one_led_over_is_outdone(text):
    assert _polarity(text, "Smith") == "negative"


def test_a_complement_clause_subject_is_no_object():
    # "show that X": X is the subject of the clause, not the one shown
    assert _polarity("Court records show that Smith was in Ohio that week.", "Smith") == "neutral"


def test_predicate_of_another_name_counts_less():
    text = "Jones is popular with many of the older voters in the district where Smith lives."
    span = _span(text, "Smith")
    (on,) = [e for e in score_target(text, *span).evidence if e.word == "popular"]
    (off,) = [e for e in score_target(text, *span, params=Params(other_subject=1.0)).evidence if e.word == "popular"]
    assert on.reason.endswith("said of another subject") and on.value == pytest.approx(0.3 * off.value, abs=1e-3)
    # a name conjoined with the target shares its predicate
    assert _polarity("Smith and Jones were popular with the crowd.", "Smith") == "positive"


@pytest.mark.parametrize("text,mention", [
    ("Critics blasted the failed plan on Sunday.", "Sunday"),
    ("Tuesday night, critics blasted the failed plan.", "Tuesday night"),
])
def test_a_date_is_no_target_of_sentiment(text, mention):
    # the words around a date judge what happened then, not the date
    assert _polarity(text, mention) == "neutral"
    assert _polarity(text, "plan") == "negative"  # the same words do bear on other targets


def test_a_name_like_a_month_is_still_a_target():
    assert _polarity("Critics blasted May for the failed plan.", "May") == "negative"


def test_verb_of_another_name_after_an_auxiliary_counts_less():
    text = "Smith met the voters on Monday, and Jones had been reprimanded for it."
    span = _span(text, "Smith")
    (on,) = [e for e in score_target(text, *span).evidence if e.word == "reprimanded"]
    (off,) = [e for e in score_target(text, *span, params=Params(other_subject=1.0)).evidence
              if e.word == "reprimanded"]
    assert on.reason.endswith("said of another subject") and on.value == pytest.approx(0.3 * off.value, abs=1e-3)
    # the target's own verb is the target's
    assert _polarity("Smith has badly failed the voters.", "Smith") == "negative"


def test_being_prevented_is_bad_for_the_one_stopped():
    assert _polarity("Party leaders moved to prevent Smith from running again.", "Smith") == "negative"


@pytest.mark.parametrize("text,expected", [
    ("Jones, 58, a lawyer from Dayton who moved to the capital in 1990 with his wife, three children and a dog, "
     "later proved a reliable partner.", "positive"),
    ("Jones, 58, a lawyer from Dayton who moved to the capital in 1990 with his wife, three children and a dog, "
     "later proved a poor partner.", "negative"),
])
def test_commas_after_a_clause_opening_target_do_not_end_its_predicate(text, expected):
    # the appositive's commas lie between the subject and its predicate
    assert _polarity(text, "Jones") == expected


def test_commas_after_a_target_inside_a_phrase_still_count():
    def value(text):
        (e,) = [e for e in score_target(text, *_span(text, "Jones")).evidence if e.word == "confident"]
        return e.value
    opening = value("Jones, 58, from Dayton, sounded confident.")
    governed = value("Dinner with Jones, 58, from Dayton, sounded confident.")  # Jones is no subject here
    assert governed < 0.8 * opening


@pytest.mark.parametrize("text", [
    "Smith is guessing, at best, about the budget.",
    "Smith may leave the race for good after the vote.",
])
def test_set_phrases_are_no_sentiment(text):
    assert _polarity(text, "Smith") == "neutral"


# --- the fast paths give what the plain ones give ------------------------------------------------

def test_prepared_tokens_point_into_the_text():
    from newslab.stance.polarity import _TOKEN, prepare
    text = "“Smith’s plan,” she said — wasn’t it bad?\nU.S. troops left at 5:30 p.m. on Jan. 7."
    p = prepare(text, 2, len(text) - 3)
    assert [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, 2, len(text) - 3)] == list(
        zip(p.offsets, p.ends, p.raws))
    assert all(text[s:e] == raw for s, e, raw in zip(p.offsets, p.ends, p.raws))
    # counts[i]: the words (no boundary) among the first i tokens
    assert p.counts == [sum(1 for k in p.kinds[:i] if not k) for i in range(len(p.raws) + 1)]
    assert p.marks[1] == sorted(p.marks[1]) and all(0 <= i < len(p.raws) for i in p.marks[0] + p.marks[1])


@pytest.mark.parametrize("text", ["Smith chose war rather than", "Smith waged war on the other",
                                  "Smith backed war, unlike"])
def test_contrast_phrase_cut_short_by_the_context_end(text):
    # a contrast phrase ending the context changes nothing before it: "war" counts as it does when the
    # phrase goes on ("... rather than peace")
    cut = [e for e in score_target(text, 0, 5).evidence if e.word == "war"]
    whole = [e for e in score_target(text + " the plan", 0, 5).evidence if e.word == "war"]
    assert cut and cut == whole


def test_lowered_text_matches_as_ignorecase_does():
    """The claim behind ``engine._lowered``, over all of Unicode: where a character lowers to one
    character, it matches an ASCII letter case-insensitively exactly when it lowers to that letter
    (but for the dotless "ı" and the long "ſ"), no other character lowers to ASCII, and lowering
    changes neither ``\\w`` nor ``\\s``."""
    import re

    chars = "".join(c for c in map(chr, range(0x110000))
                    if len(c.lower()) == 1 and not 0xD800 <= ord(c) < 0xE000)  # no surrogates
    lowered = chars.lower()
    assert len(lowered) == len(chars)
    ignorecase = {m.start() for m in re.finditer("[a-z]", chars, re.IGNORECASE)}
    plain = {m.start() for m in re.finditer("[a-z]", lowered)}
    assert ignorecase - plain == {chars.index("ı"), chars.index("ſ")} and plain <= ignorecase
    to_ascii = {m.start() for m in re.finditer(r"[\x00-\x7f]", lowered)}
    kelvin = chars.index("\u212a")
    assert {i for i in to_ascii if chars[i] != lowered[i] and not chars[i].isascii()} == {kelvin}
    for cls in (r"\w", r"\s"):
        assert [m.start() for m in re.finditer(cls, chars)] == [m.start() for m in re.finditer(cls, lowered)]


@pytest.mark.parametrize("text", [
    "NATO MEMBERSHIP and Sanctions; “sanctions” — economic sanctions’ bite",
    "ſanctions and ıran", "The İstanbul talks on tariffs", "\u212aELVIN talks",
    "Roe v. Wade\nand the\tAffordable  Care Act",
])
def test_issue_search_on_lowered_text_finds_the_same(text):
    from newslab.stance.engine import _REACTION, _default_pattern, _finditer, _lowered
    pattern, _ = _default_pattern()
    lowered = _lowered(text)
    assert [m.span() for m in _finditer(pattern, text, lowered)] == [m.span() for m in pattern.finditer(text)]
    reaction = "The remark DREW  sharp criticism from Jones. " + text
    assert bool(next(_finditer(_REACTION, reaction, _lowered(reaction)), None))


# --- session 4: word-level lexicon coverage (hand-written sentences) ---

def test_vader_entries_are_found_by_their_ed_and_ing_forms():
    from newslab.stance.polarity import _valence
    assert _valence("lacked") == _valence("lack") < 0  # VADER lists "lack" but not "lacked"
    assert _valence("famed") == _valence("fame") > 0
    assert _valence("waging") is None  # a base of three letters ("wag") makes no form
    assert _valence("treated") == 0  # handled, not VADER's "a treat"
    assert _polarity("The famed Smith spoke to the crowd.", "Smith") == "positive"
    assert _polarity("Smith lacked a plan.", "Smith") == "negative"


@pytest.mark.parametrize("text, mention, expected", [
    ("Smith's remarks were egregious, the editorial said.", "Smith", "negative"),
    ("Smith's illicit payments came to light.", "Smith", "negative"),
    ("Smith's account was murky and inconsistent.", "Smith", "negative"),
    ("Smith gave a disciplined, productive performance.", "Smith", "positive"),
    ("Smith was a genius at building coalitions.", "Smith", "positive"),
    ("Smith holds a prestigious post.", "Smith", "positive"),
])
def test_general_evaluative_words_vader_lacks(text, mention, expected):
    assert _polarity(text, mention) == expected


@pytest.mark.parametrize("text, mention", [
    ("The outgoing press secretary Smith held a briefing.", "Smith"),
    ("It is unclear whether Smith will attend the summit.", "Smith"),
    ("Smith wanted to stress that the talks would go on.", "Smith"),
    ("Smith visited combat troops in the north.", "Smith"),
    ("Smith met the trustee of the foundation on Monday.", "Smith"),
    ("Smith's outreach to rural voters began in May.", "Smith"),
    ("Smith invoked executive privilege.", "Smith"),
    ("Smith will accept the nomination on Thursday.", "Smith"),
    ("Smith struck a deal with the unions.", "Smith"),
    ("Smith shook hands with the governor.", "Smith"),
    ("Smith proposed a comprehensive overhaul of the tax code.", "Smith"),
    ("Smith said gross domestic product grew by 2 percent.", "Smith"),
])
def test_vader_words_in_their_descriptive_news_sense_are_neutral(text, mention):
    assert _polarity(text, mention) == "neutral"


def test_supremacist_condemns_in_news():
    from newslab.stance.polarity import _valence
    assert _valence("supremacist") < 0  # VADER rates it +0.5
    assert _polarity("Smith is a known white supremacist.", "Smith") == "negative"


@pytest.mark.parametrize("text, mention", [
    ("Smith issued a warning to drivers about the snow.", "Smith"),
    ("Smith assured reporters that the meeting would go ahead.", "Smith"),
    ("Smith joked that he had never seen so many cameras.", "Smith"),
    ("Smith laid out his argument in a long speech.", "Smith"),
    ("Smith is convinced that the bill will pass.", "Smith"),
    ("The committee approved Smith's budget on Tuesday.", "Smith"),
    ("Smith said the suspect was found dead on Sunday.", "Smith"),
])
def test_speech_acts_and_procedure_words_are_neutral(text, mention):
    assert _polarity(text, mention) == "neutral"


def test_silly_is_derisive():
    assert _polarity("Smith's silly remarks drew laughs.", "Smith") == "negative"  # VADER: +0.1


# --- session 4: stance cues pointing at the target (hand-written sentences) ---

@pytest.mark.parametrize("text, mention, expected", [
    ("Thousands joined an anti-Smith march downtown on Sunday.", "Smith", "negative"),
    ("A pro-Smith group bought ads on Sunday.", "Smith", "positive"),
])
def test_a_hyphenated_prefix_takes_a_side_on_the_target(text, mention, expected):
    polarity = score_target(text, *_span(text, mention))
    assert polarity.label == expected
    assert any(e.reason == "prefix taking a side on the target" for e in polarity.evidence)


@pytest.mark.parametrize("text", [
    "The audience laughed at Smith during the debate.",
    "Late-night hosts poked fun at Smith all week.",
    "His rivals made fun of Smith on Sunday.",
])
def test_mocking_the_target_is_against_it(text):
    assert _polarity(text, "Smith") == "negative"  # "laughed" is no praise of the one laughed at


@pytest.mark.parametrize("text", [
    "Party leaders called for Smith to step down.",
    "She said she hopes Smith will resign from the council.",
    "Most voters wanted Smith to leave the race.",
    "The editorial urged Smith to immediately step aside.",
])
def test_a_demand_that_the_target_go_is_against_it(text):
    polarity = score_target(text, *_span(text, "Smith"))
    assert polarity.label == "negative"
    assert any(e.reason == "a demand that the target go" for e in polarity.evidence)


@pytest.mark.parametrize("text, expected", [
    ("She said she hopes Smith will win the seat.", "positive"),  # a wish for good news is no demand to go
    ("Party leaders called for Smith's aides to step down.", "neutral"),  # the aides go, not Smith
    ("Party leaders urged Smith to stay in the race.", "neutral"),  # staying is no removal
])
def test_no_demand_without_a_removal_of_the_target(text, expected):
    polarity = score_target(text, *_span(text, "Smith"))
    assert polarity.label == expected
    assert not any(e.reason == "a demand that the target go" for e in polarity.evidence)


def test_a_plea_not_to_go_is_no_demand_to_go():
    text = "Party leaders urged Smith not to resign."
    assert not any(e.reason == "a demand that the target go" for e in score_target(text, *_span(text, "Smith")).evidence)


# --- session 4: sentences with several targets (hand-written sentences) ---

@pytest.mark.parametrize("text, mention, other", [
    ("Smith spokesman Tom Reed said Jones had lied about the awful deal.", "Smith", "Jones"),
    ("Smith's lawyers said Jones had been dishonest.", "Smith", "Jones"),
    ("Smith administration officials said Jones was wrong.", "Smith", "Jones"),
    ("A Smith aide told reporters that Jones was corrupt.", "Smith", "Jones"),
    ("The Smith camp said Jones had lied.", "Smith", "Jones"),
])
def test_the_people_speaking_for_a_target_do_not_judge_it(text, mention, other):
    assert _polarity(text, mention) == "neutral"  # the report is the target's side's wording about Jones
    assert _polarity(text, other) != "neutral"


def test_a_spokesperson_who_is_the_subject_still_counts():
    # "the spokesman" is not speaking for the target here: the sentence judges him
    assert _polarity("Smith fired the dishonest spokesman who said nothing.", "Smith") != "neutral"


@pytest.mark.parametrize("text, mention", [
    ("Jones was arrested this week on awful fraud charges.", "this week"),
    ("Jones gave a brilliant, moving speech last night.", "last night"),
    ("The reform is in grave doubt this year.", "this year"),
    ("Jones's strong showing in Tuesday's primaries delighted her backers.", "Tuesday"),
])
def test_a_period_named_from_now_is_a_date(text, mention):
    assert _polarity(text, mention) == "neutral"


@pytest.mark.parametrize("text, victim, culprit", [
    ("The jury found Jones guilty of murder for the death of Smith.", "Smith", "Jones"),
    ("Jones admitted kidnapping Smith and was sent to prison.", "Smith", "Jones"),
    ("Jones was charged with sexually assaulting her in a park.", "her", "Jones"),
])
def test_the_victim_of_harm_is_not_blamed_for_it(text, victim, culprit):
    assert _polarity(text, victim) == "neutral"
    assert _polarity(text, culprit) == "negative"


# --- session 4 (g6): negative portrayals without a sentiment word (hand-written sentences) ---

@pytest.mark.parametrize("text, mention", [
    # verbal attacks aimed at the target (data/target_cues.tsv)
    ("The governor took a jab at Smith during the debate.", "Smith"),
    ("Two rivals went after Smith over the budget.", "Smith"),
    ("Jones hit back at Smith on Tuesday.", "Smith"),
    ("The mayor pointed a finger at Smith in a statement.", "Smith"),
    # being pressed or questioned, rebuked, removed (data/events.tsv)
    ("The host pressed Smith on the budget.", "Smith"),
    ("Two senators question Smith's role in the deal.", "Smith"),
    ("The board chided Smith in a letter.", "Smith"),
    ("The council voted to remove Smith from the board.", "Smith"),
    # misconduct of the agent
    ("Smith bypassed the usual review.", "Smith"),
    ("Smith stashed the money in offshore accounts.", "Smith"),
    ("Smith's walkback came a day later.", "Smith"),
])
def test_targeted_and_misconduct_events(text, mention):
    assert _polarity(text, mention) == "negative"


def test_questions_the_target_has_are_no_questioning():
    # "questions" keeps its word valence: the target is not questioned by having questions to answer
    assert _polarity("Smith has questions to answer about the deal.", "Smith") == "negative"
    assert [r for w, r in _reasons("Smith has questions to answer about the deal.", "Smith")
            if w == "questions"] == ["lexicon"]


@pytest.mark.parametrize("text, mention", [
    # failures and omissions (data/critical_frames.txt)
    ("Smith has yet to release the report.", "Smith"),
    ("Smith was unable to deliver.", "Smith"),
    ("Smith has done little to change the rules.", "Smith"),
    ("Smith has not disclosed the payments.", "Smith"),
    ("Smith hasn't done more to remove the posts.", "Smith"),
    ("It turned out that Smith hasn't paid taxes for years.", "Smith"),
    # idioms of deficiency and wrongdoing
    ("Smith is out of touch with ordinary voters.", "Smith"),
    ("Smith knows less about trade than a child.", "Smith"),
    ("Smith has no idea how the system works.", "Smith"),
    # calls for removal
    ("Protesters chanted that Smith must go.", "Smith"),
    ("The board asked Smith for his resignation.", "Smith"),
    # suspicion of a past deed
    ("Jones suggested Smith may have known about the payments.", "Smith"),
    # causing concern, after a relative clause
    ("Acme, which sells a photo editing app to teenagers in many countries and regions of the world, is raising some"
     " concerns with experts.",
     "Acme"),
    # taking back what was said
    ("Smith walked back his remarks on Friday.", "Smith"),
    # using something as a means
    ("Smith used the charity's card to pay for his trips.", "Smith"),
])
def test_critical_frames_of_failure_deficiency_and_removal(text, mention):
    assert _polarity(text, mention) == "negative"


@pytest.mark.parametrize("text, mention", [
    ("She had no idea what happened that night.", "She"),  # past ignorance excuses, it does not fault
    ("Smith knew nothing about the payments.", "Smith"),  # a denial of involvement, no deficiency
    ("Smith was elected to step up the reforms.", "Smith"),
    ("Smith used to be the mayor of the town.", "Smith"),  # "used to": what was, no means
])
def test_critical_frames_leave_excuses_alone(text, mention):
    assert _polarity(text, mention) == "neutral"


@pytest.mark.parametrize("text, mention, expected", [
    # character and conduct words neither VADER nor the own lexicon had
    ("Smith, a feckless grifter, ran the agency.", "Smith", "negative"),
    ("Smith's impulsiveness was on display again.", "Smith", "negative"),
    ("Smith gave a thuggish, sycophantic speech.", "Smith", "negative"),
    ("Smith was disingenuous about the loans.", "Smith", "negative"),
    ("Smith was statesmanlike and even-handed in the talks.", "Smith", "positive"),
    ("Smith, an astute and diligent negotiator, closed the gap.", "Smith", "positive"),
    # a derivation VADER lacks of its own adjective ("callous" -> "callousness") and judged -ly forms
    ("Smith's callousness was on display again.", "Smith", "negative"),
    ("Smith acted irresponsibly during the storm.", "Smith", "negative"),
])
def test_character_and_conduct_words(text, mention, expected):
    assert _polarity(text, mention) == expected


def test_vader_entries_with_the_wrong_sign_or_sense_in_news():
    from newslab.stance.polarity import _valence
    assert _valence("respectively") == 0  # "each in turn", not "respect"
    assert _valence("smug") < 0 and _valence("opportunist") < 0 and _valence("profiteers") < 0
    assert _valence("rigorous") > 0  # "a rigorous review" praises the review
    assert _polarity("Smith and Jones won 40 and 30 seats, respectively.", "Smith") != "negative"
    assert _polarity("Smith and Jones came third and fourth, respectively.", "Jones") == "neutral"
    assert _polarity("Smith is a smug opportunist.", "Smith") == "negative"


@pytest.mark.parametrize("text", [
    "Smith was asked about his views with respect to the tariffs.",
    "Smith's super PAC aired ads in Iowa.",
    "Smith spent a great deal of time in Ohio.",
    "Smith is best known for the highway bill.",
    "Smith met the envoys for the peace talks on Monday.",
    "Smith's plan would raise taxes on the poor.",
])
def test_set_phrases_of_no_sentiment(text):
    assert _polarity(text, "Smith") == "neutral"


def test_made_fun_of_is_no_fun():
    # "fun" in "made fun of" is mocking, not enjoyment: it does not praise the one who mocks
    assert _polarity("Smith made fun of the reporter's accent.", "Smith") != "positive"


@pytest.mark.parametrize("text, mention, expected", [
    # a word of praise grading a bad word measures how bad ("strong opposition", "great cowardice")
    ("Smith faced strong opposition from the unions.", "Smith", "negative"),
    ("Smith showed great cowardice.", "Smith", "negative"),
    # a word of blame grading a good word measures how good ("brutally honest")
    ("Smith is brutally honest with voters.", "Smith", "positive"),
])
def test_words_of_degree_grade_the_next_word(text, mention, expected):
    assert _polarity(text, mention) == expected


# --- session 4 (k1): acting on a bad thing is no fault (data/shifters.tsv) ---

@pytest.mark.parametrize("text, mention, expected", [
    # remedy and exposure of a bad thing reverse it, inquiry and taking a side against it cancel it
    ("Smith vowed to crack down on corruption.", "Smith", "positive"),
    ("Smith exposed the abuse.", "Smith", "positive"),
    ("Smith will address the problems.", "Smith", "positive"),
    ("Smith vowed to reform the corrupt system.", "Smith", "positive"),
    ("Smith investigated the fraud.", "Smith", "neutral"),
    ("Smith warned against extremism.", "Smith", "neutral"),
    ("Smith spoke out against racism.", "Smith", "neutral"),
    # the opposing verb's own hostility goes too when its object is a bad thing
    ("Smith opposed illegal logging.", "Smith", "neutral"),
    # a coordinated object is shifted whole
    ("Smith worked to end the war and the brutal repression.", "Smith", "positive"),
])
def test_acting_on_a_bad_thing_is_no_fault(text, mention, expected):
    assert _polarity(text, mention) == expected


@pytest.mark.parametrize("text, mention", [
    # doing or having the bad thing stays negative
    ("Smith committed fraud.", "Smith"),
    ("Smith's corruption angered voters.", "Smith's"),
    ("Smith was accused of abuse.", "Smith"),
    # criticism of a person: no sentiment word to shift, both sides as before
    ("Smith condemned the judge.", "Smith"),
    ("Smith condemned the judge.", "the judge"),
    ("Smith opposed the judge.", "the judge"),
    # a bad word of a target inside the shifted object keeps its sign
    ("Jones exposed Smith's corruption.", "Smith's"),
    ("Jones vowed to end Smith's brutal war.", "Smith's"),
    ("Jones vowed to end the brutal rule of Smith.", "Smith"),
    # "end up" is a verb of becoming, no shifter
    ("Smith could end up a loser.", "Smith"),
])
def test_bad_things_of_the_target_stay_negative(text, mention):
    assert _polarity(text, mention) == "negative"


def test_a_clause_is_no_object_of_a_shifter():
    # "addresses how ...": a question discussed, not a bad thing acted on; "brave" keeps its sign
    assert _polarity("Smith addresses how brave the nurses were.", "Smith") == "positive"


# --- session 4 (l2): outcome and performance words (hand-written sentences, hand-checked expectations) ---

@pytest.mark.parametrize("text, mention, expected", [
    # contests and power struggles: the winner gains, the one beaten, removed or rebuffed loses
    ("Smith edged out Jones in the primary.", "Smith", "positive"),
    ("Smith edged out Jones in the primary.", "Jones", "negative"),
    ("Smith outlasted Jones in the debate.", "Smith", "positive"),
    ("Jones was outmaneuvered by Smith.", "Jones", "negative"),  # VADER's "outmaneuvered" is mildly good
    ("Smith fended off two challengers.", "Smith", "positive"),
    ("Smith was eliminated in the first round.", "Smith", "negative"),
    ("Smith was dethroned by Jones.", "Smith", "negative"),
    ("Smith was overthrown in a coup.", "Smith", "negative"),  # an irregular participle makes a passive
    ("Smith forfeited the match.", "Smith", "negative"),
    # fortunes in polls, markets and business
    ("Smith slumped in the polls.", "Smith", "negative"),
    ("Smith plummeted in the polls.", "Smith", "negative"),
    ("Smith prospered under the new rules.", "Smith", "positive"),
    ("Smith has weathered the crisis.", "Smith", "positive"),
    ("Smith's company filed for bankruptcy.", "Smith", "negative"),
    ("Smith signed a lucrative contract.", "Smith", "positive"),
    ("Smith gave a lackluster performance.", "Smith", "negative"),
    ("Smith is unelectable.", "Smith", "negative"),
    ("Smith has been undefeated since 2010.", "Smith", "positive"),
    # courts: cleared or reinstated is good news for the one it happens to, arraigned or disbarred bad news
    ("Smith was extradited to Spain.", "Smith", "negative"),
    ("Smith was disbarred in May.", "Smith", "negative"),
    ("Smith was reinstated as coach.", "Smith", "positive"),
    ("Smith was arraigned on Monday.", "Smith", "negative"),
    # chosen for a post or dropped from one
    ("The Senate confirmed Smith on Tuesday.", "Smith", "positive"),
    ("Smith was benched for the final.", "Smith", "negative"),
    ("Smith was purged from the party.", "Smith", "negative"),
])
def test_outcome_and_performance_words(text, mention, expected):
    assert _polarity(text, mention) == expected


def test_outcome_events_take_the_targets_role():
    # "acquit" derives no "acquitted" (its final consonant doubles after "qu"): the form is listed itself
    assert ("acquitted", "target as patient") in _reasons("Smith was acquitted on all counts.", "Smith")
    assert ("ouster", "target as patient") in _reasons("Smith's ouster came on Friday.", "Smith")
    assert ("selected", "target as patient") in _reasons("Smith was selected to lead the panel.", "Smith")
    assert ("blow", "target as patient") in _reasons("The scandal was a blow to Smith.", "Smith")
    assert ("regained", "target as agent") in _reasons("Smith regained the lead.", "Smith")
    # the one choosing or confirming is not judged by it
    assert not any(w == "confirmed" for w, _ in _reasons("The Senate confirmed Smith on Tuesday.", "Senate"))


def test_frame_patterns_take_linear_time_on_hostile_text():
    # article text is untrusted: "has been" repeated made the praise/critical frame lead exponential,
    # and a long run of spaces after a target made it quadratic (minutes for 20,000 spaces)
    import subprocess
    import sys
    code = ("from newslab.stance.polarity import score_target as s; "
            "s('Smith ' + 'has been ' * 40 + 'x.', 0, 5); s('Smith' + ' ' * 50000 + 'x', 0, 5)")
    subprocess.run([sys.executable, "-c", code], timeout=60, check=True)


# --- negative for the target: hostility aimed at it, violence by it, kissing ---

@pytest.mark.parametrize("text", [
    "At the forum, Jones called out Smith by name.",
    "Later that day Jones directed her ire at Smith.",
    "The union kept the heat on Smith all week.",
    "Jones teed off on Smith during the interview.",
    "Once allies, the donors have turned on Smith.",
])
def test_hostility_aimed_at_the_target(text):
    assert _polarity(text, "Smith") == "negative"


@pytest.mark.parametrize("text,mention,expected", [
    ("Smith slapped a reporter outside the club.", "Smith", "negative"),
    ("Smith wounded two officers before he fled.", "Smith", "negative"),
    ("Smith stalked his former girlfriend for months.", "Smith", "negative"),
    ("Smith was punched outside the club.", "Smith", "neutral"),  # the victim is pitied, not judged
])
def test_physical_violence_by_and_to_the_target(text, mention, expected):
    assert _polarity(text, mention) == expected


@pytest.mark.parametrize("text", [
    "Smith kissed her on the neck at the office party.",
    "Smith was kissing a staffer in the elevator.",
])
def test_kissing_reported_is_no_praise(text):
    assert _polarity(text, "Smith") != "positive"


@pytest.mark.parametrize("text", [
    # skill, character, standing and success (stance_lexicon.tsv, "positive evaluation in news")
    "Smith would make a seamless transition to the new post.",
    "Smith has proven unbeatable on her home turf.",
    "Smith, a well-liked and even-tempered manager, arrived on Monday.",
    "Smith has been cooperative throughout the inquiry.",
    "Smith is a world-class negotiator.",
    "Smith handled the talks capably.",
    "The plan, drafted by Smith, is laudable.",
    "Smith was able to close the deal.",
])
def test_positive_evaluation_words_vader_lacks(text):
    assert _polarity(text, "Smith") == "positive"


def test_positive_evaluation_words_add_their_own_evidence():
    assert ("invaluable", "lexicon") in _reasons("Smith gave invaluable help to the committee.", "Smith")
    assert ("grit", "lexicon") in _reasons("Smith showed real grit during the campaign.", "Smith")
    # in news a "dominating performance" is a strong one, not an oppressive one (VADER: negative)
    assert _polarity("Smith gave a dominating performance in the debate.", "Smith") == "positive"


@pytest.mark.parametrize("text,mention", [
    # words that describe a contest, a policy or a legal step rather than judge (stance_lexicon.tsv,
    # "words that describe rather than judge in news, second pass")
    ("Smith, the Democratic challenger, toured the district on Monday.", "Smith"),
    ("Smith is a challenger for the seat.", "Smith"),
    ("Smith said sanctions would be lifted in May.", "Smith"),
    ("Smith filed a lawsuit in federal court on Tuesday.", "Smith"),
    ("Smith said families were suffering after the floods.", "Smith"),
    # a stop on a trip is a place visited (set_phrases.txt), not the verb "stop"
    ("The city of Leeds was the first stop on the minister's tour.", "Leeds"),
    ("Smith made a campaign stop in Ohio on Friday.", "Smith"),
])
def test_descriptive_words_do_not_polarise(text, mention):
    assert _polarity(text, mention) == "neutral"


def test_stop_as_a_verb_keeps_its_sign():
    assert _polarity("Smith wants to stop the merger.", "Smith") == "negative"


@pytest.mark.parametrize("text", [
    # relations, conduct of office, standing, manner and character (stance_lexicon.tsv, "negative evaluation in news")
    "The minister objected to the chumminess between Smith and the lobbyists.",
    "Smith gave an anti-democratic speech on Monday.",
    "Under Smith the record keeping was lax.",
    "Smith has been a mercurial boss.",
    "Smith leaves a tarnished legacy.",
    "Smith looked rusty in the debate.",
    "Smith made a creepy remark to the intern.",
    "Smith made an ignominious exit from the cabinet.",
    "Smith is a turncoat, his old allies said.",
    "Smith wrote a scurrilous letter to the board.",
    "Smith was the leaker, the report said.",
    "The policy was drafted by Smith, a contrarian.",
])
def test_negative_evaluation_words_vader_lacks(text):
    assert _polarity(text, "Smith") == "negative"


def test_negative_evaluation_words_add_their_own_evidence():
    assert ("henchmen", "lexicon") in _reasons("Smith sent his henchmen to the meeting.", "Smith")
    assert ("pariah", "lexicon") in _reasons("Smith became an international pariah.", "Smith")
    # VADER reads "compromised" as positive (a compromise); said of a person it is a damaging finding
    assert _polarity("Officials said Smith was compromised.", "Smith") == "negative"


# --- session 5: structural readings of who does what ---

def test_participial_phrase_between_subject_and_verb_is_skipped():
    # "defeated" is the subject's win, not a plain negative word near it
    text = "Donald Trump, defying the pundits, defeated Hillary Clinton."
    assert ("defeated", "target as agent") in _reasons(text, "Donald Trump")
    assert _polarity(text, "Donald Trump") == "positive"
    assert ("indicted", "target as patient") in _reasons("Smith, elected in 2010, was indicted on Monday.", "Smith")


def test_relative_clause_closed_by_a_comma_is_skipped():
    # the "is" of the relative clause makes no passive: Smith is the one who shot
    assert ("shot", "target as agent") in _reasons("Smith, who is white, shot the motorist.", "Smith")
    # an unclosed relative clause still links its own verb to the target
    assert ("lied", "target as agent") in _reasons("Smith, who has lied before, was defeated.", "Smith")


def test_facing_takes_its_sign_from_what_is_faced():
    assert _polarity("Smith faces a primary challenge.", "Smith") == "neutral"
    assert _polarity("Smith faced charges of fraud.", "Smith") == "negative"


def test_exposed_as_a_fraud_is_bad_for_the_one_exposed():
    assert _polarity("Smith was exposed as a fraud.", "Smith") == "negative"
    assert _polarity("Smith exposed the fraud.", "Smith") == "positive"  # acting against a bad thing


def test_linking_verb_with_participle_reads_as_passive():
    assert ("isolated", "target as patient") in _reasons("Smith appears increasingly isolated.", "Smith")
    assert ("attack", "target as agent") in _reasons("Smith appeared to attack the judge.", "Smith")


@pytest.mark.parametrize("text", [
    # events.tsv, second pass of event words (own judgement): legal and political trouble that happens to the target
    "Smith was handcuffed outside the courthouse.",
    "Agents summoned Smith to the inquiry.",
    "The party disowned Smith last week.",
    "Lawmakers stymied Smith at every turn.",
    "Smith's suspension was announced on Monday.",
    "Smith's expulsion from the party came on Monday.",
    "Auditors audited Smith twice.",
    "Jones refuted Smith on every point.",
])
def test_trouble_that_happens_to_the_target(text):
    assert _polarity(text, "Smith") == "negative"


def test_bested_is_a_contest_not_praise():
    # VADER's "best" made "bested" good for both sides; the one bested loses
    text = "Jones bested Smith in the final round."
    assert _polarity(text, "Smith") == "negative"
    assert _polarity(text, "Jones") == "positive"


def test_vader_words_of_trouble_take_the_targets_role():
    # the one plagued, disliked or discredited takes the word as its patient; the one discrediting is judged less
    assert ("plagued", "target as patient") in _reasons("Smith has been plagued by staff departures.", "Smith")
    assert ("disliked", "target as patient") in _reasons("Smith is widely disliked in the party.", "Smith")
    assert ("discredited", "target as patient") in _reasons("The report discredited Smith.", "Smith")
    agent = score_target("Smith discredited the report.", 0, 5)
    patient = score_target("The report discredited Smith.", 23, 28)
    assert ("discredited", "target as agent") in [(e.word, e.reason) for e in agent.evidence]
    assert patient.score < agent.score < 0


@pytest.mark.parametrize("text,expected", [
    # stance_lexicon.tsv, evaluative words by category, third pass (own judgement); one sentence per category
    ("Smith ran a rudderless, ill-conceived campaign.", "negative"),  # competence
    ("Smith is a consummate dealmaker.", "positive"),
    ("Smith kept a slush fund for the kleptocratic elite.", "negative"),  # integrity
    ("Smith is a man of probity and rectitude.", "positive"),
    ("Smith is irascible and overbearing.", "negative"),  # temperament
    ("Smith is good-natured.", "positive"),
    ("Smith resorted to gaslighting and name-calling.", "negative"),  # rhetoric
    ("Smith gave a measured, nuanced answer.", "positive"),
    ("Smith is a lame-duck governor, increasingly irrelevant.", "negative"),  # standing
    ("Smith is a venerated elder.", "positive"),
    ("Smith and his toadies were in cahoots.", "negative"),  # relations
    ("Smith was fawning and obsequious.", "negative"),
    ("Smith Corp is a union-busting firm.", "negative"),  # companies
    ("Smith rules a rogue junta.", "negative"),  # countries
    ("Smith is a shoo-in for the nomination.", "positive"),  # contests
    ("Smith's remarks caused a furor and much acrimony.", "negative"),  # conflict
    ("Smith is a hyper-partisan ultranationalist.", "negative"),  # ideology labels
    ("Smith was feted in Paris.", "positive"),  # praise
    ("Smith is a dim-witted buffoon.", "negative"),  # intellect
    ("Smith is whip-smart.", "positive"),
    ("Smith's speech was a farcical charade.", "negative"),  # dignity
    ("Smith is indomitable.", "positive"),  # courage
    ("Smith is an odious slimeball.", "negative"),  # morality
    ("Smith funded a do-nothing caucus of plutocrats.", "negative"),  # effort, privilege
    ("Smith peddled a cockamamie theory.", "negative"),  # claims
    ("Smith's claim is laughable.", "negative"),  # VADER's +0.2 plainly mis-valued
])
def test_evaluative_words_by_category_third_pass(text, expected):
    assert _polarity(text, "Smith") == expected


@pytest.mark.parametrize("text,mention,expected", [
    # events.tsv / stance_lexicon.tsv: how the reporter frames a deed or a statement (own judgement)
    ("Smith gloated about the result.", "Smith", "negative"),  # loaded reporting verbs judge the speaker
    ("Smith whinged about the referee.", "Smith", "negative"),
    ("Smith pontificated for an hour.", "Smith", "negative"),
    ("Smith sidestepped the issue.", "Smith", "negative"),  # evasion
    ("Smith deflected the issue.", "Smith", "negative"),
    ("Smith yelled at the aides.", "Smith", "negative"),  # manner of speech
    ("Smith was laughed at by the crowd.", "Smith", "negative"),  # ridicule of the one laughed at
    ("Smith misrepresents the report.", "Smith", "negative"),
    ("Smith sulked after the vote.", "Smith", "negative"),
    ("Smith gave a non-denial.", "Smith", "negative"),  # nouns for a deed that judge its doer
    ("Smith used the protest as a pretext.", "Smith", "negative"),
    ("The plan was a masterstroke by Smith.", "Smith", "positive"),
    ("Jones will succeed Smith as chairman.", "Smith", "neutral"),  # a succession, no praise
])
def test_reporter_framing_of_deeds_and_statements(text, mention, expected):
    assert _polarity(text, mention) == expected


@pytest.mark.parametrize("text,mention,expected", [
    # stance_lexicon.tsv / events.tsv: a person's fortunes in public life (own judgement)
    ("Smith is the heir-apparent.", "Smith", "positive"),  # career trajectory
    ("Smith made a meteoric ascent.", "Smith", "positive"),
    ("Smith's demotion was announced.", "Smith", "negative"),
    ("Smith left office in ignominy.", "Smith", "negative"),
    ("Smith had a flameout.", "Smith", "negative"),
    ("Smith is an endearing figure.", "Smith", "positive"),  # the public and peers
    ("Smith has a folksy, crowd-pleasing style.", "Smith", "positive"),
    ("Smith is deeply unlikable.", "Smith", "negative"),
    ("Smith brought the office into disrepute.", "Smith", "negative"),
    ("Smith had an extramarital affair.", "Smith", "negative"),  # scandal and personal conduct
    ("Smith was known for sexting.", "Smith", "negative"),
    ("Smith went on taxpayer-funded junkets.", "Smith", "negative"),
    ("Smith gave a drunken speech.", "Smith", "negative"),
    ("Smith lives a lavish lifestyle.", "Smith", "negative"),
    ("Smith lavished money on the campaign.", "Smith", "neutral"),  # the verb stays unjudged
    ("Smith is frugal and dutiful.", "Smith", "positive"),
    ("The foreign affairs minister Smith spoke.", "Smith", "neutral"),  # "affairs" is business
    ("Smith has an unblemished record.", "Smith", "positive"),  # verdicts of record
    ("Smith has a checkered past.", "Smith", "negative"),
    ("Smith's tenure was forgettable.", "Smith", "negative"),
    ("Smith's plan is a white-elephant.", "Smith", "negative"),
    ("Smith is a windbag.", "Smith", "negative"),  # more standing and conduct
    ("Smith is above-reproach.", "Smith", "positive"),
    ("Smith has gravitas.", "Smith", "positive"),
    ("Smith was declared persona non grata.", "Smith", "negative"),
    ("Smith was primaried.", "Smith", "negative"),  # careers made or unmade by others (events)
    ("Smith was knighted.", "Smith", "positive"),
    ("Jones got a shellacking from Smith.", "Smith", "positive"),  # the winner of a heavy defeat
    ("Smith is a divider.", "Smith", "negative"),  # contests and peers
    ("Smith built a rapport with staff.", "Smith", "positive"),
    ("Smith is the bogeyman of the left.", "Smith", "negative"),
])
def test_a_persons_fortunes_in_public_life(text, mention, expected):
    assert _polarity(text, mention) == expected
