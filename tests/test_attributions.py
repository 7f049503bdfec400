"""Attributions on the seed and small hand-written sentences."""
from __future__ import annotations

import newslab as nl
import pytest
from newslab.attribution.quotes import SCHEMA


@pytest.fixture(scope="module")
def seed():
    text = nl.load_article(nl.SEED_PATH).text
    return text, nl.attributions(text)


def _row(df, text, cue_phrase):
    """The attribution whose cue starts at the first occurrence of ``cue_phrase``."""
    start = text.index(cue_phrase)
    rows = df[df.cue_start == start]
    assert len(rows) == 1, f"no attribution with its cue at {cue_phrase!r}"
    return rows.iloc[0]


def test_indirect_speech_with_that_clause(seed):
    text, df = seed
    r = _row(df, text, "said he hoped")
    assert r.speaker == "Sergey Lavrov"
    assert r.kind == "indirect"
    assert r.content_text == "he hoped the United States was bringing concrete answers to Russian concerns"


def test_direct_quote_before_the_cue(seed):
    text, df = seed
    r = _row(df, text, "said.\n\nShe pointed")
    assert r.speaker == "Maria Zakharova" and r.kind == "direct"
    assert r.content_text.startswith("“They can have") and r.content_text.endswith("security,”")


def test_pronoun_and_description_speakers(seed):
    text, df = seed
    assert _row(df, text, "affirmed").speaker == "Joe Biden"
    assert _row(df, text, "said he did not believe").speaker == "Joe Biden"  # "The US leader"
    assert _row(df, text, "pointed to").speaker == "Maria Zakharova"


def test_unclosed_quote_runs_to_paragraph_end(seed):
    text, df = seed
    r = _row(df, text, "said: “We were")
    assert r.speaker == "Antony Blinken" and r.kind == "direct"
    assert r.content_text.startswith("“We were at a crucial moment")
    assert r.content_text.endswith("eastern flank")


def test_collective_and_country_speakers(seed):
    text, df = seed
    assert _row(df, text, "denied that it").speaker == "Russia"
    assert _row(df, text, "is demanding").speaker == "the West"
    assert _row(df, text, "claimed that Ukrainian").speaker == "Maria Zakharova"


def test_according_to_both_orders():
    df = nl.attributions("According to the report, the economy grew by 3 percent.")
    assert df[["source_text", "cue_text", "content_text"]].values.tolist() == [
        ["the report", "According to", "the economy grew by 3 percent"]]
    df = nl.attributions("The economy grew by 3 percent, according to the report.")
    assert df.content_text.tolist() == ["The economy grew by 3 percent"]


def test_missing_source_is_na_not_a_guess():
    df = nl.attributions("It is expected that taxes will rise.")
    assert len(df) == 1
    assert df.source_start.isna().all() and df.speaker.tolist() == [""]


def test_offsets_and_schema(seed):
    text, df = seed
    assert list(df.columns) == list(SCHEMA)
    assert df.attribution_id.tolist() == list(range(len(df)))
    for r in df.itertuples():
        assert text[r.content_start:r.content_end] == r.content_text
        assert text[r.cue_start:r.cue_end] == r.cue_text
    empty = nl.attributions("")
    assert list(empty.columns) == list(SCHEMA) and len(empty) == 0
    assert str(empty.source_start.dtype) == "Int64"
    assert set(df.kind) <= {"direct", "mixed", "indirect"}


# ---------------------------------------------------------------- PolNeAR-shaped rules (hand-written sentences)

def _rows(text):
    df = nl.attributions(text)
    return [(r.source_text, r.cue_text, r.content_text) for r in df.itertuples()]


def test_adjunct_between_cue_and_that_is_not_content():
    assert _rows("The company said in a statement that it would appeal the ruling.") == [
        ("The company", "said", "that it would appeal the ruling")]
    assert _rows("Clinton said on Monday that the plan was dead.") == [("Clinton", "said", "that the plan was dead")]


def test_participle_cue_takes_the_previous_source_and_cuts_the_first_content():
    rows = _rows("Trump said he would win the state, adding that the polls were wrong.")
    assert rows == [("Trump", "said", "he would win the state"),
                    ("Trump", "adding", "that the polls were wrong")]


def test_relative_pronoun_is_the_source_and_the_antecedent_the_speaker():
    df = nl.attributions("“Donald Trump is a dictator in the making,” said Glenn Beck, who said there were "
                         "“too many disturbing things.”")
    assert df.source_text.tolist() == ["Glenn Beck", "who"]
    assert df.speaker.tolist() == ["Glenn Beck", "Glenn Beck"]
    assert df.content_text.tolist()[1] == "there were “too many disturbing things.”"


def test_addressee_of_told_is_not_the_source():
    rows = _rows("“Of the three, I like John Kasich the best,” Dick Dever, a delegate from North Dakota, "
                 "told POLITICO.")
    assert rows == [("Dick Dever", "told", "“Of the three, I like John Kasich the best,”")]


def test_quotation_continuing_after_the_source_joins_the_content():
    text = ("“Trump needs to quiet the crowd,” said Bruce Haynes, a GOP strategist. "
            "“Ryan needs a unified party.”")
    df = nl.attributions(text)
    assert len(df) == 1 and df.source_text[0] == "Bruce Haynes"
    assert df.content_start[0] == 0 and df.content_end[0] == len(text)


def test_doubled_apostrophe_quotes():
    text = "He left. ''We feel like democracy has been stolen,'' said Laura Smith, a voter."
    assert _rows(text) == [("Laura Smith", "said", "''We feel like democracy has been stolen,''")]


def test_plural_subject_present_tense_and_headline_colon():
    assert _rows("Polls show Clinton up by 10 points in New York.") == [
        ("Polls", "show", "Clinton up by 10 points in New York")]
    assert _rows("Mark Cuban: A businessman can run this country") == [
        ("Mark Cuban", ":", "A businessman can run this country")]


def test_seems_has_no_source_and_like_is_no_cue():
    df = nl.attributions("Mr. Putin seemed to be most concerned with the economy.")
    assert df.cue_text.tolist() == ["seemed"] and df.source_start.isna().all()
    assert len(nl.attributions("Voters like him more than the others.")) == 0


def test_nested_beliefs_are_left_out_unless_asked_for():
    text = "Psaki said Biden knows that the Russians have an extensive book of aggression."
    assert nl.attributions(text).cue_text.tolist() == ["said"]
    assert nl.attributions(text, nested=True).cue_text.tolist() == ["said", "knows"]


def test_passive_with_by_agent_and_gerund_after_by():
    assert _rows("Scully's involvement was first reported by the New York Times.") == [
        ("the New York Times", "reported", "Scully's involvement")]
    assert _rows("Donald Trump ended the rally by saying he is ready to go to work.") == [
        ("Donald Trump", "saying", "he is ready to go to work")]


def test_content_boundaries_second_clause_aside_and_complement():
    assert _rows("Some 120 members said they wanted to endorse Sanders, while 95 members said they backed Clinton.") == [
        ("Some 120 members", "said", "they wanted to endorse Sanders"), ("95 members", "said", "they backed Clinton")]
    assert _rows("He said her server — there were several — was never hacked.") == [
        ("He", "said", "her server — there were several — was never hacked")]
    assert _rows("Carson described himself as a pro-life Catholic.") == [
        ("Carson", "described", "himself as a pro-life Catholic")]


def test_in_a_poll_is_an_evidence_attribution():
    df = nl.attributions("In the most recent YouGov/Economist survey, 71 percent of Sanders supporters approved of Obama.")
    assert df[["source_text", "cue_text", "content_text", "cue_class"]].values.tolist() == [
        ["the most recent YouGov/Economist survey", "In", "71 percent of Sanders supporters approved of Obama",
         "evidence"]]
    assert len(nl.attributions("He lives in the house near the station.")) == 0


def test_introductory_phrase_is_not_content_and_short_answers_count():
    assert _rows("Asked if he was ever bullied, the Republican presidential candidate said no.") == [
        ("", "Asked", "if he was ever bullied"), ("the Republican presidential candidate", "said", "no")]
    assert _rows("Last month, 26 percent said the same.") == [("26 percent", "said", "the same")]
    assert _rows("Michael Dell said last week in Tel Aviv, “Israel is the center of the digital future.”") == [
        ("Michael Dell", "said", "“Israel is the center of the digital future.”")]


def test_multiword_cues_in_every_verb_form_and_participle_takes_earlier_source():
    # "referred to" is listed; "referring to" and "points out" come from the verb's other forms
    assert _rows("“We will win,” Ramos said, referring to the Hispanic community.") == [
        ("Ramos", "said", "“We will win,”"), ("Ramos", "referring to", "the Hispanic community")]
    assert _rows("Warren points out that the law was never enforced.") == [
        ("Warren", "points out", "that the law was never enforced")]


def test_adjunct_is_not_the_content_of_a_one_word_cue():
    # "respond by …", "voted after …": an adjunct, not what is attributed
    assert _rows("Employers would respond by finding cheaper insurance.") == []
    assert _rows("Rubio voted after the rally in Miami.") == []
    assert _rows("Sanders voted for the bill.") == [("Sanders", "voted", "for the bill")]


def test_naming_and_listing_verbs_are_cues():
    assert _rows("The report identified three senators as likely opponents.") == [
        ("The report", "identified", "three senators as likely opponents")]
    assert _rows("He sees the election as a referendum on trade.") == [
        ("He", "sees", "the election as a referendum on trade")]


def test_decimal_point_does_not_end_the_sentence_or_the_content():
    assert _rows("The agency said it detected a 5.1-magnitude earthquake near the test site.") == [
        ("The agency", "said", "it detected a 5.1-magnitude earthquake near the test site")]


def test_content_before_the_cue_after_an_introductory_phrase():
    # nothing follows the cue, so the introductory phrase is part of the content, not all of it
    assert _rows("In fact, neither plan would change what the middle class pays, analysts say.") == [
        ("analysts", "say", "In fact, neither plan would change what the middle class pays")]
    assert _rows("Seeing his brother suffer led him to avoid alcohol, he said.") == [
        ("he", "said", "Seeing his brother suffer led him to avoid alcohol")]


def test_some_say_contracted_pronoun_and_sentence_initial_name():
    assert _rows("Some say they hear echoes of the past.") == [("Some", "say", "they hear echoes of the past")]
    assert _rows("Six in 10 say he’s decisive.") == [("Six in 10", "say", "he’s decisive")]
    assert _rows("Clinton claims the plan is dead.") == [("Clinton", "claims", "the plan is dead")]
    assert _rows("The claims were dismissed.") == []


def test_as_source_said_puts_the_content_before_as():
    assert _rows("The economy is growing, as the president said in a speech.") == [
        ("the president", "said", "The economy is growing")]


def test_subject_after_a_dateline_or_a_participle_clause():
    assert _rows("WASHINGTON — Grassley downplayed the attack and said it was over.") == [
        ("Grassley", "said", "it was over")]
    assert _rows("Walking to the next house, Ebeling smiled and said their views differed.") == [
        ("Ebeling", "said", "their views differed")]
    assert _rows("And then Trump went on the attack, saying the plan had failed.") == [
        ("Trump", "saying", "the plan had failed")]


def test_participle_cue_without_a_source_is_dropped():
    assert _rows("Officials are considering a moratorium on new permits.") == [
        ("Officials", "considering", "a moratorium on new permits")]
    assert _rows("Simply assuming that miners will adapt is a mistake.") == []


def test_quotation_running_past_the_sentence_joins_the_content_and_long_asides_are_skipped():
    text = "Trump said that “ethanol people” “do a fantastic job. And it’s so important.” He left."
    assert _rows(text) == [
        ("Trump", "said", "that “ethanol people” “do a fantastic job. And it’s so important.”")]
    assert _rows("Aides say that the candidate - who has chafed at making the types of changes his current aides "
                 "have asked for, even though he had acknowledged they would need to occur - has decided to "
                 "embrace his style.") == [
        ("Aides", "say", "that the candidate - who has chafed at making the types of changes his current aides "
                         "have asked for, even though he had acknowledged they would need to occur - has decided "
                         "to embrace his style")]


def test_survey_found_after_the_content():
    assert _rows("Voters are angry about the economy, the poll found.") == [
        ("the poll", "found", "Voters are angry about the economy")]


def test_source_and_cue_inside_the_content():
    assert _rows("The plan, the statement said, is dead.") == [
        ("the statement", "said", "The plan, the statement said, is dead")]


def test_source_and_cue_as_an_aside_after_the_cue():
    assert _rows("The plan, said one aide, is dead.") == [("one aide", "said", "The plan, said one aide, is dead")]
    # a verb between commas that names nobody is not an aside
    assert all(r[1] != "said" or r[0] == "He" for r in _rows("He came home, said hello, and went to bed."))


def test_adjunct_between_subject_and_cue_is_not_the_source():
    assert _rows("Gore’s close friends have in the past said he was staying quiet.") == [
        ("Gore’s close friends", "said", "he was staying quiet")]
    assert _rows("The State Department less than two weeks ago said that the emails were secret.")[0][0].startswith(
        "The State Department")
    # the relative pronoun stays the source past the adjunct, its antecedent the speaker
    df = nl.attributions("Glenn Beck, who has in the past described Trump as a sociopath, spoke.")
    r = df[df.cue_text == "described"].iloc[0]
    assert (r.source_text, r.speaker) == ("who", "Glenn Beck")
    # "At least one commentator" is a subject, not an adjunct
    assert _rows("At least one commentator liked the moniker.")[0][0] == "At least one commentator"


def test_subject_after_a_dateline_with_state_and_agency():
    rows = _rows("ORLANDO, Fla. (Reuters) - President Barack Obama met survivors on Thursday and said the country "
                 "must act.")
    assert rows == [("President Barack Obama", "said", "the country must act")]


def test_source_after_the_cue_ends_before_a_relative_clause():
    rows = _rows("\"I want answers,\" said a committee member who supports Trump.")
    assert rows[0] == ("a committee member", "said", "\"I want answers,\"")


def test_earlier_source_skips_attributions_nested_in_a_content():
    assert _rows("The employee first said he did not recall it, but in a later interview said he had deleted it.") == [
        ("The employee", "said", "he did not recall it"), ("The employee", "said", "he had deleted it")]
    rows = _rows("Gov. Mike Pence blamed the media for making an issue out of Donald Trump's claim that Obama founded "
                 "ISIS, saying they were nitpicking.")
    assert ("Gov. Mike Pence", "saying", "they were nitpicking") in rows


def test_called_as_a_naming_participle_is_not_a_cue():
    assert _rows("He works at a consulting firm called Gavekal Dragonomics.") == []
    assert _rows("A reporter called Trump a liar.") == [("A reporter", "called", "Trump a liar")]


def test_subjectless_cue_after_a_while_clause_takes_that_clause_subject():
    rows = _rows("The union is demanding that the company raise wages, while management is pushing for the board to "
                 "extend shifts in all of its plants and argues that the strike is illegal.")
    assert ("management", "argues", "that the strike is illegal") in rows
    # without a "while" clause the earlier outer source still wins
    assert ("Gov. Mike Pence", "saying", "they were nitpicking") in _rows(
        "Gov. Mike Pence blamed the media for making an issue out of Donald Trump's claim that Obama founded "
        "ISIS, saying they were nitpicking.")


def test_repeated_verb_after_but_shares_the_nearest_subject_of_that_verb():
    rows = _rows("The mayor said she did not think the governor wanted a recount, but wanted to delay the vote.")
    assert ("the governor", "wanted", "to delay the vote") in rows
    # a different verb after "but" keeps the outer source
    assert _rows("The employee first said he did not recall it, but in a later interview said he had deleted it.")[
        -1] == ("The employee", "said", "he had deleted it")


def test_straight_mark_after_punctuation_closes_a_curly_quotation():
    # mixed marks: “A," X said. "B.” — the straight mark after the comma closes the first quotation,
    # so the cue is not inside one long quotation and the second quotation continues the content
    text = '“We will fix the roads," the mayor said. "The budget is ready.”'
    df = nl.attributions(text)
    assert df[["source_text", "cue_text", "kind"]].values.tolist() == [["the mayor", "said", "direct"]]
    assert df.content_text.tolist() == [text]


def test_continuing_quotation_past_a_quoted_title_after_the_cue():
    # a quoted programme title in the tail ("on NBC’s “Meet the Press”") does not stop the next sentence's
    # quotation from continuing the content
    text = ("“We will win in November,” Garcia said during an interview on NBC’s “Meet the Press” on Sunday. "
            "“The voters are with us.”")
    df = nl.attributions(text)
    assert df.source_text.tolist() == ["Garcia"]
    assert df.content_text.iloc[0].startswith("“We will win") and df.content_text.iloc[0].endswith("with us.”")


def test_passive_followed_by_an_adjunct_reports_on_its_subject():
    assert _rows("The proposal was sharply criticized in the Senate by Democrats.") == [
        ("Democrats", "criticized", "The proposal")]
    assert _rows("Governor Lee was endorsed on Monday by the state’s largest union.") == [
        ("the state’s largest union", "endorsed", "Governor Lee")]
    # "accused of …" is not an adjunct: the content stays after the cue
    assert _rows("The senator was accused of lying.") == [("", "accused", "of lying")]


def test_short_place_or_occasion_phrase_after_the_cue_is_not_content():
    assert _rows("The senator commented at the hearing.") == []
    assert _rows("Sanders said on Fox News that he would stay in the race.") == [
        ("Sanders", "said", "that he would stay in the race")]


def test_according_to_as_an_aside_inside_the_sentence():
    text = "One of the decisions they made, according to two aides, is to skip the debate."
    assert _rows(text) == [("two aides", "according to", text[:-1])]
    assert _rows("In addition, according to the filing, the company lost $3 million last year.") == [
        ("the filing", "according to", "the company lost $3 million last year")]
    # an appositive after the source ends the sentence: the content stays before the cue
    assert _rows("The company lost $3 million, according to Jane Doe, a spokeswoman.") == [
        ("Jane Doe", "according to", "The company lost $3 million")]


def test_hostile_run_of_cues_is_capped():
    # article text is untrusted: in "Smith said said said ..." every "said" is a cue whose content runs
    # to the sentence end, so output and time grew with the square of the sentence (about 16,000 rows
    # and 640 million characters of content for 80,000 characters); at most 50 cues count per sentence
    text = "Smith " + "said " * 1000 + "x."
    rows = nl.attributions(text)
    assert 0 < len(rows) <= 50
    assert (rows["content_end"] <= len(text)).all()
