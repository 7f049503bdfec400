"""Polarity of a sentence toward one target mention — the NewsMTSC task, without training data.

A transparent lexicon engine: sentiment words are scored *around the target*, each by its valence
times a weight for how far it is and what lies between, and every contribution is kept as
:class:`Evidence`. The signed sum is mapped to a label with two thresholds (the neutral band). The
rules below are grouped by topic; the words and cue lists are data files under
``newslab/stance/data/`` (each with a note on its source), the numeric settings are :class:`Params`.
The code follows the same cut: :mod:`newslab.stance.lexicon` (the words), :mod:`newslab.stance.roles`
(who the target is), :mod:`newslab.stance.cues` (phrases aimed at the target) and this module (the
context's sentences and shifters, the scoring and its settings).

The lexicon and its additions
    VADER's lexicon (shipped in the ``vaderSentiment`` package) plus a hand-written political-news
    lexicon (``data/stance_lexicon.tsv``), which wins where both list a word:

    - general evaluative words VADER lacks ("egregious", "illicit", "prestigious"), character and
      conduct words ("a feckless grifter", "impulsiveness", "thuggish", "statesmanlike", "even-handed"),
      -ness/-ity forms VADER lacks of its adjectives ("callousness"), and words that tell how things
      went ("bankruptcy", "lucrative", "lackluster", "unelectable", "a snag");
    - words of skill, character, standing and success VADER lacks ("a seamless transition", "X proved
      unbeatable", "a world-class negotiator", "won handily", "X was able to"), and "a dominating
      performance", "toughness" read as a strong showing rather than hostility;
    - their negative mirror: words of relations, conduct of office, standing, manner and character
      VADER lacks ("the chumminess between X and Y", "anti-democratic", "lax oversight", "X was
      relegated", "a tarnished legacy", "rusty", "a creepy remark", "an ignominious exit", "a turncoat");
    - a third pass by category of the words news and opinion use about public figures: competence,
      integrity, temperament, rhetoric, standing and relations ("inept", "venal", "thin-skinned", "a
      demagogue", "a lame-duck", "a stooge"; "deft", "principled", "eloquent", "unflappable");
    - how the reporter frames a statement or a deed: loaded speech verbs judge the speaker ("X
      gloated", "X whined", "X pontificated"; ``data/events.tsv``), and so do evasion ("X sidestepped
      the question") and words casting doubt ("a pretext", "a non-denial", "supposedly");
    - a person's fortunes in public life: career ("a meteoric rise", "the heir-apparent", "X was
      primaried"), standing with the public ("idolized", "unlikable"), scandal and conduct ("an
      extramarital affair", "a junket", "frugal") and verdicts of record ("an unblemished record", "a
      checkered past", "a pyrrhic victory");
    - VADER entries whose sign or sense is wrong in news ("respectively", "smug", "opportunist",
      "rigorous"); VADER words whose usual sense in news describes a role, a situation, a manner or a
      speech act rather than judging anyone are neutral ("the outgoing secretary", "a trustee", "struck
      a deal", "gross domestic product", "warned that", "assured reporters", "the Democratic
      challenger", "filed a lawsuit", "a campaign stop"), and situations reported more than judged keep
      a milder sign ("the financial crisis", "rising tensions", "new sanctions", "the suffering");
    - a VADER entry is also found by its regular -ed and -ing forms when VADER lacks them ("lack" gives
      "lacked", "fame" "famed"; bases of four letters or more), unless the form has a descriptive sense
      of its own in news, which the own lexicon neutralises ("treated", "highlighted", "invited"); the
      own lexicon is also read without a suffix;
    - a single letter is no sentiment word, and proper-name words are not sentiment ("Homeland
      *Security*", "Tea *Party*": capitalised mid-sentence); a name after an abbreviated title is a name
      although a full stop comes first ("Mr. Earnest").

Scope: distance, clause breaks, commas, contrasts
    - each sentiment word contributes its valence times a weight that decays with the distance (in
      words) to the target and with every clause boundary in between (``;``, ``:``, dashes, brackets,
      quotation marks, "but", "while", ...; commas count half);
    - a comma after a target that opens its clause does not end what is said of it ("X, 58, a lawyer
      from Dayton, later proved a poor partner": the appositive lies between the subject and its
      predicate), so commas to the right of such a target weaken nothing (``subject_comma``); elsewhere
      they still do;
    - words in another sentence or line of the context count less (NewsMTSC items sometimes hold
      several);
    - a contrasted alternative barely counts ("diplomacy on the one hand and conflict on the other",
      "rather than", "instead of", "unlike");
    - a long target phrase (four words or more) counts its own sentiment words ("the reckless plan of X").

Negation, hedges, boosters, shifters, set phrases
    - negation within three words before a sentiment word flips and damps it (VADER's factor -0.74),
      boosters ("very", "deeply") strengthen it, hedges ("may", "reportedly") damp it (a capitalised
      modal mid-sentence is a name, no hedge: "Critics blasted May for ...");
    - a negated negative word counts nothing: a denial is no praise ("X had not done anything wrong"),
      while a negated positive word still flips ("X was not honest");
    - polarity shifters reverse or cancel the sentiment word they govern and drop their own valence
      ("vowed to *defeat* the terror group", "*ease* tensions" are positive, "*undermine* the unity"
      negative, "*test* the determination of X" neither; ``data/shifters.tsv``, phrases of up to three
      words);
    - acting on a bad thing is no fault: the agent of remedy, exposure, inquiry or opposition ("X will
      address the problems", "X exposed the abuse", "X vowed to crack down on corruption", "X
      investigated the fraud", "X opposed illegal logging"; ``data/shifters.tsv``) is not judged by the
      bad words of its object, and an opposing verb's own hostility toward its agent is dropped when it
      shifts one; a coordinated object is shifted whole ("fight racism and white supremacy"). A bad word
      of a target inside the shifted object keeps its sign ("end X's brutal war", "the brutal rule of
      X"); "end up a loser" and a clause ("addresses how ...") are no objects, and the one "exposed as a
      fraud" is the subject, not its exposer. Criticism of a person is
      unchanged ("X condemned the judge": no sentiment word to shift);
    - set phrases are no negation ("not only", "no doubt") nor sentiment ("at best", "for good"); set
      phrases none of whose words is sentiment ("with respect to", "a great deal of", "super PAC", "made
      fun of", "the poor", "peace talks"; ``data/set_phrases.txt``), and a word of degree that grades a
      word of the other sign judges nothing itself ("strong opposition", "great cowardice", "brutally
      honest"; ``data/degree_words.txt``).

Who the target is: the speaker
    - when the target is the *source* of a report ("X said ...", "..., said X") the reported content is
      the target's own wording about something else and counts weakly (``speaker_content``);
    - "Y said X is a liar" is about X: only an inverted report ('"...," said X') makes X the speaker;
    - a speech word after the target is not its report in "X, according to Y", "X continues to ...",
      "a say in" (a noun) nor "rejected X, saying ..." (the subject of "rejected" speaks);
    - the people speaking for a target report its side's wording about someone else ("X spokesman Y
      said Z lied", "X's lawyers said", "the X camp said"), which counts weakly for X as X's own report
      does;
    - a speaker's first-person words are about the speaker: '"I worked as hard as I could," X said'
      counts the words around "I", "me", "my" (the first three) for X, weakly (``self_words``), where
      the target's own scoring has not counted them already;
    - the agent of an accusation ("X accuses Y of being ...", "X blamed Y for ...": an event bad for
      both sides in ``data/events.tsv``) takes what follows weakly: it describes Y, in X's wording.

Who the target is: the setting, the addressee, the victim
    - a target that is only the setting of what happens (the object of "in", "during", "since", ...:
      "won a stunning victory in X") or the addressee of a report ("told X", "asked X", "said to X", "an
      interview with X", "lied to X", "a letter to X", "apologized to X") is not judged by the sentence's
      words (``setting``: they judge what happens there or what is said), only by an event linked to it;
      a possessor is neither ("in X's failed campaign", "told X's lawyers"), nor is the subject of a
      clause ("since X took office") or the object of an attitude ("confidence in X");
    - a news outlet or platform (``data/media.txt``) named as the venue or channel of what is said ("said
      on X", "X reported", "a report by X", "a X program"), a journalist named by the outlet ("NPR's X")
      and a pollster ("the X tracking poll") are weighted as a setting; the outlet attacked ("her ire at
      X") or its people judged ("called a X reporter a liar") are not venues;
    - the victim of physical harm ("the invasion of X", "X was shot") takes the sentence's words as the
      setting does (not at all): a victim is pitied rather than judged; so is the one killed, abducted
      or assaulted ("the death of X", "kidnapped X"; ``data/harm_cues.txt``), and the harm tells against
      the perpetrator only. Physical harm done to the target ("aggression against Ukraine") does not
      count against it, and the victim of violence takes no value from the event ("X was shot").

Who the target is: agent and patient of events
    - an event word linked to the target counts by the target's role in it (``data/events.tsv``): the
      agent ("X attacked", "attacked by X", "X, who has lied") and the patient ("attacked X", "X was
      attacked", "the attack on X") each have their own valence, so "X defeated Y" is good for X and bad
      for Y, and events without an evaluative word count too ("X deleted the emails", "X won the
      primary", "X was handcuffed", "the party disowned X", "X was dogged by questions"); words of
      trouble VADER has take the target's role ("X was plagued by", "voters distrust X", "Y discredited
      X"), and "Y bested X" is a contest;
    - the role comes from a dependency-free heuristic over the words between (auxiliaries, adverbs,
      "who", determiners, titles, names, a linking preposition; a be-form makes a passive, and so do
      irregular participles such as "overthrown"); an appositive between a subject and its verb is
      skipped ("X, a former senator, was indicted"), and so are a participial phrase ("X, defying the
      pundits, defeated Y") and a relative clause closed by a comma ("X, who is white, shot Y"); a linking
      verb before a participle is a passive too ("X seems isolated"); coordinated participles share the
      subject ("X was shot and killed", "X was arrested and charged"); the object of a preposition is no subject
      ("arrested in X and convicted"), nor is the place left ("resigned from X"); "show that X" makes X
      the subject of a clause, not the object of "show"; the subject of "faces", "drew", "received"
      undergoes the event noun ("X faces charges", "X drew criticism", "X received an award"), and
      "faces" itself is neutral: what is faced decides ("X faces a primary challenge");
    - what the events cover: outcomes of contests and power struggles ("X edged out Y", "X outlasted Y",
      "Y was dethroned", "X's ouster"), fortunes in polls and business ("X slumped", "X prospered", "X
      weathered the crisis"), courts ("X was acquitted", "X was disbarred") and posts ("the Senate
      confirmed X", "X was benched"); being pressed, questioned, rebuked or removed ("pressed X on",
      "question X's role", "remove X") and misconduct of the agent ("X bypassed the review", "X's
      walkback"); a post held ("X served as"), a succession ("replace X") and an endorsement given judge
      nobody;
    - an achievement (an event good only for its agent: "won", "clinched") that is not linked to the
      target counts at a fraction (``unlinked``): someone else's win is no praise ("Y won the primary
      in X's state").

Who the target is: possessives, comparisons, other subjects
    - a possessive target takes a role too: the agent of an event without a patient ("X's lies") and the
      patient of an official act ("X's arrest"); a possessive pronoun takes a possessive's role ("his
      arrest", "her show");
    - the object of a comparison is outdone: in "Y does better than X" and "Y is more popular than X"
      the good words before "than" count against X (bad ones still count as bad); so is the one led over
      ("a 2-point advantage over X", "a victory over X");
    - the predicate of another name counts less ("Y is popular with moderates wary of X";
      ``other_subject``), unless that name is conjoined with the target ("X and Y were popular"), and so
      does the verb of another name after an auxiliary ("Y had been reprimanded", "Y has revealed").

Phrases aimed at the target
    - a support/opposition phrase right before the target counts ("the case *against* X", "*committed
      to* the path of diplomacy"; ``data/target_cues.tsv``), and a negated one flips ("not against X");
      so do mocking the target ("laughed at X", "made fun of X") and verbal attacks aimed at it ("took a
      jab at X", "went after X", "hit back at X", "called out X", "directed her ire at X");
    - a hyphenated prefix takes a side ("an anti-X rally" is against X; "pro-X groups" are for X);
    - a demand that the target go ("Y called for X to step down", "Y hopes X will resign", "wanted X to
      leave the race"; ``data/demands.tsv``) is against the target, whatever the wish verb's own valence
      ("hopes" is no praise of X);
    - a threat whose condition names the target ("a swift and tough response if Russia commits
      aggression") is negative toward the target (``data/conditionals.txt``, ``data/threat_cues.txt``);
    - praise by description, with no sentiment word ("X, the first woman to lead the committee", "X is
      widely regarded as ...", "X built a reputation as ...", "X, the founder of ...";
      ``data/praise_frames.txt``) counts a little when it follows the target and no negative evidence is
      present; so do a praising predicate ("X is a leader", "X was a master at ...", "X is one of the
      hardest-working ...", "X is only the second woman to ...", "X is exactly right", "X is the right
      choice", "X is a man of his word", "X stands out"), a good record ("X raised $2 million", "X kept
      his promise", "X has extensive experience"), and the frames also follow "became", "remains",
      "are", "were";
    - critical description, with no sentiment word ("X did not respond to requests for comment", "X's
      attorney declined to answer", "X was placed on leave"; ``data/critical_frames.txt``) counts a
      little against the target when it follows it and no positive evidence is present (the mirror of
      praise frames): failure and omission ("X has yet to", "X was unable to", "X hasn't done more", "X
      has not disclosed"), deficiency and wrongdoing idioms ("X is out of touch", "X knows less about",
      "X has no idea"), calls for removal ("X must go", "asked X for his resignation"), suspicion of a
      past deed ("X may have known"), causing concern ("X is raising concerns"), taking words back ("X
      walked back") and using something as a means ("X used the charity to pay for ..."); a critical
      frame may follow an inserted clause of up to 100 characters ("X, which ..., is raising concerns").

Mixed evidence
    Mixed evidence leans negative: when both good and bad words bear on the target, the bad ones count
    1.75 times (``negativity``): a sentence that both praises and faults the target reads as a critical
    one. Not the speaker's own words (already weak) nor physical-harm words (``data/harm_cues.txt``: they
    describe what happens, not a judgement of the target).

Dates
    A date is no target of sentiment: a target made of day and month names ("on Sunday", "Tuesday
    night") or a period named from now ("this week", "last night", "Tuesday's primaries") is neutral,
    the words around it judge what happened then.

Measured on NewsMTSC (macro F1): train 71.0, rw dev 74.0, mt dev 69.1 (sentence-level VADER on dev
50.8 / 52.8).

>>> target_polarity("Critics blasted Smith for the failed plan.", 16, 21)
'negative'
>>> target_polarity("Voters praised Smith for her leadership.", 15, 20)
'positive'

See Also: :func:`newslab.stance.stance`, :mod:`newslab.evaluate.newsmtsc`.
"""
from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate, compress
from operator import not_
from typing import NamedTuple

from newslab.stance.lexicon import (_CLAUSE, _CLAUSE_WORDS, _CONTRAST_HEADS, _CONTRASTS, _NOT_NEGATION, _OPEN_QUOTES,
                                    _QUOTE, _QUOTES, _resources, _STRONG, _STRONG_BREAKS, _TITLES, _TOKEN_INFO,
                                    _token_info, _tokens, _valence, _without_idioms)
from newslab.stance.roles import (_accusation, _FIRST_PERSON, _governor, _GOVERNORS, _is_addressee, _is_setting,
                                  _is_speaker, _is_time, _is_venue, _is_victim, _LEADS, _links_to, _opens_clause,
                                  _other_subject, _role, _SELF_MENTIONS, _spokesperson)
from newslab.stance.cues import _demand, _PREFIX_CUES, _target_cue, _threat
# re-exported: the engine and the tests import these from here
from newslab.stance.lexicon import NEGATION, _TOKEN, _inflections, _lines  # noqa: F401


LABELS = ("negative", "neutral", "positive")


@dataclass(frozen=True)
class Params:
    """Engine settings. VADER's factors are kept; ``decay``, ``left``, ``adjacent``,
    ``speaker_content`` and the two thresholds were picked from a small grid on NewsMTSC's train
    split (a handful of general settings, no word weights); the rest are hand choices
    (``contrast`` and ``sentence_break`` were checked on train, where they barely matter)."""

    decay: float = 12.0           # distance (words) at which a word's weight falls to 1/e
    strong_break: float = 0.5     # weight factor per strong clause boundary crossed
    weak_break: float = 0.8       # weight factor per comma crossed
    negation: float = -0.74       # VADER's negation factor
    hedge: float = 0.6            # damping after a hedge
    booster: float = 0.293        # VADER's booster increment
    speaker_content: float = 0.15  # weight of a report's content for its source
    threat: float = 2.0           # strength of a conditional threat against the target
    positive: float = 0.1         # score above which the label is positive
    negative: float = -0.2        # score below which the label is negative
    window: int = 25              # words considered on each side of the target
    left: float = 0.7             # weight factor for words before the target
    target_cue: float = 1.0       # weight of a support/opposition phrase right before the target
    quote_break: float = 0.5      # weight factor per quotation mark crossed
    but_right: float = 0.5        # weight factor for crossing "but" etc. rightward (VADER stresses what follows)
    mask_names: bool = True       # capitalised words mid-sentence are names, not sentiment
    adjacent: float = 2.0         # weight factor for words right next to the target (within 2 words)
    inside: float = 1.0           # weight of sentiment words inside a long target phrase (4+ words)
    sentence_break: float = 0.3   # weight factor per sentence end or line break crossed
    contrast: float = 0.1         # weight factor per contrast phrase crossed ("rather than", "on the other")
    role: float = 1.5             # weight of an event word linked to the target as agent or patient (hand choice;
                                  # 1.5-4 give the same train F1 within 0.1)
    negated_negative: float = 0.0  # factor on a negated negative word ("not wrong", "hadn't done anything
                                   # wrong"): a denial is no praise (hand choice; 0.25 and 0.5 checked on train)
    unlinked: float = 0.25        # weight of an achievement (an event good only for its agent: "won", "clinched")
                                  # not linked to the target: "with X watching, Y won" (hand choice; 0.15-0.5
                                  # checked on train)
    critical_frame: float = 0.5   # score (negated) of a critical description of the target ("X did not respond to
                                  # requests for comment", "X was placed on leave"; data/critical_frames.txt), added
                                  # only when no positive evidence is present (hand choice, as praise_frame)
    praise_frame: float = 0.5     # score of a praising description of the target ("X, the first woman to lead",
                                  # "X is widely regarded as"; data/praise_frames.txt), added only when no
                                  # negative evidence is present (hand choice)
    setting: float = 0.0          # weight of the sentence's words for a target that is only the setting ("in X"),
                                  # the addressee ("told X") or the victim of what happens: none, they judge what
                                  # happens there (hand choice; 0.15 as speaker_content lost 0.4 on train)
    self_words: float = 0.25      # weight of the words around a speaker's "I", "me", "my" for the speaker ('"I worked
                                  # as hard as I could," X said'; hand choice, low like speaker_content; 0.25-1 give
                                  # the same train F1 within 0.1)
    negativity: float = 1.75      # factor on the negative evidence when the evidence is mixed: bad news about the
                                  # target outweighs good news in the same sentence (the negativity bias of news
                                  # readers; 1.5-2.5 give train F1 within 0.3, 1.75 picked on train, dev confirms)
    other_subject: float = 0.3    # weight factor for the predicate of another name ("Y is popular", "Y was very
                                  # critical"; hand choice; 0.5 gives the same train F1, 0 loses 0.4 on rw dev)
    subject_comma: float = 1.0    # weight factor per comma crossed rightward when the target opens its clause: its
                                  # predicate goes on past an appositive or an inserted phrase ("X, 45, a former
                                  # senator, was indicted"); hand choice (no damping; 0.9 checked on train)
    demand: float = -1.2          # value of a demand that the target go ("Y called for X to step down"; the scale
                                  # of the stance cues, hand choice)


DEFAULT = Params()


class Evidence(NamedTuple):
    """One word's contribution to the score: its span in the text, the word and the signed value."""

    start: int
    end: int
    word: str
    value: float
    reason: str


class Polarity(NamedTuple):
    label: str
    score: float
    evidence: tuple[Evidence, ...]


class Prepared(NamedTuple):
    """A tokenized context, reusable for every target inside it (see :func:`prepare`)."""

    raws: list  # the tokens as they stand in the text
    offsets: list  # their start offsets
    ends: list  # their end offsets (for bisecting to a target)
    words: list  # lower-cased, with a straight apostrophe
    title: bool
    shifts: dict  # token index of a shifted sentiment word -> (factor, shifter's first token index)
    shifters: frozenset  # token indices of shifters that shifted a word (their own valence is dropped)
    contrasts: frozenset  # token indices ending a contrast phrase ("rather than", "on the other")
    starts: frozenset  # token indices that begin a new sentence or line (not the first token)
    kinds: tuple  # per token: 0 a word, else the boundary it is (see :func:`_token_info`)
    valences: tuple  # per token: :func:`_valence` of its word (None in a set phrase: "at best")
    events: tuple  # per token: its word's entry in ``data/events.tsv`` (agent, patient valence) or None
    counts: list  # counts[i]: the words (tokens that are no boundary) among the first i tokens
    marks: tuple  # (leftward, rightward): sorted token indices where scoring's walk has something to do


def _title_case(alpha: int, caps: int) -> bool:
    """Is a context title case (a headline)? ``alpha`` tokens begin with a letter, ``caps`` of them a capital."""
    if alpha < 3:
        return True
    return caps >= 0.6 * alpha


_NOT_AN_OBJECT = frozenset({"of", "is", "was", "were", "are", "be", "been", "has", "have", "had", "will", "would",
                            "in", "for", "at", "on", "by", "with", "from", "to",
                            "up",  # "end up a loser": a verb of becoming, no shifter
                            "how", "what", "whether", "why", "where", "when"})  # a clause: "addresses how ..."


_COORDINATORS = frozenset({"and", "or"})


def _shifts(raws, words, res) -> tuple[dict, frozenset, frozenset]:
    """Polarity shifters ("ease tensions", "undermine the unity") and contrast phrases in a context.

    A shifter shifts every sentiment word of the three words after it, up to a clause break or a
    preposition ("ease tensions with X" shifts "tensions" only)."""
    table = res["shifters"]
    heads = res["shifter_heads"]  # a shifter can only start at one of these words
    n = len(words)
    shifts: dict[int, tuple[float, int]] = {}
    used = set()
    contrasts = set()
    either = res["phrase_heads"]
    if either.isdisjoint(words):
        return shifts, frozenset(used), frozenset(contrasts)
    for i in [i for i, w in enumerate(words) if w in either]:
        w = words[i]
        if w in _CONTRAST_HEADS:
            for size in (4, 3, 2, 1):
                if tuple(words[i:i + size]) in _CONTRASTS:
                    contrasts.add(i + size - 1)
                    break
        if w not in heads:
            continue
        for size in (3, 2, 1):
            if tuple(words[i:i + size]) in table:
                if size == 1 and i + 1 < n and words[i + 1] in _NOT_AN_OBJECT:
                    break  # a noun, not a verb taking an object: "the end of", "the tests were"
                factor = table[tuple(words[i:i + size])]
                k, last = i + size - 1, i + size + 3
                while k + 1 < min(n, last):
                    k += 1
                    raw = raws[k]
                    if words[k] in _COORDINATORS:
                        last = k + 3  # a coordinated object: "fight racism and white supremacy"
                        continue
                    if raw in _STRONG_BREAKS or raw in _QUOTES or raw == "," or words[k] in _CLAUSE_WORDS:
                        break
                    if words[k] in _NOT_AN_OBJECT or words[k] in table:
                        break
                    if _valence(words[k]):  # every sentiment word of the object: "end the brutal war"
                        shifts[k] = (factor, i)
                        used.update(range(i, i + size))
                break
    return shifts, frozenset(used), frozenset(contrasts)


def _heads(words, kinds, i, t0) -> bool:
    """Is the target (at ``t0``) the noun the shifted word at ``i`` modifies, or the one it belongs to ("the corrupt
    X", "the brutal rule of X": at most two words between, no boundary nor preposition other than "of")?"""
    return t0 - i <= 3 and all(not kinds[k] and (words[k] not in _NOT_AN_OBJECT or words[k] == "of")
                               for k in range(i + 1, t0))


def prepare(text: str, lo: int = 0, hi: int | None = None) -> Prepared:
    """Tokenize ``text[lo:hi]`` once for scoring several targets in it.

    Everything that depends on the context only is worked out here, once per context, and
    per-token facts come from a cache keyed by the token (:func:`_token_info`)."""
    raws, offsets, ends = _tokens(text, lo, len(text) if hi is None else hi)
    if not raws:
        return Prepared([], [], [], [], True, {}, frozenset(), frozenset(), frozenset(), (), (), (), [0], ((), ()))
    infos = list(map(_TOKEN_INFO.get, raws))
    k = -1
    for _ in range(infos.count(None)):  # the tokens not seen before
        k = infos.index(None, k + 1)
        infos[k] = _token_info(raws[k])
    words, kinds, valences, events, notable, alpha, caps = zip(*infos)
    words = list(words)
    shifts, shifters, contrasts = _shifts(raws, words, _resources())
    starts = _sentence_starts(text, raws, offsets, ends)
    # the walk stops at every notable token and contrast (one cut short by the context's end may have
    # marked a token past it); at a sentence start going right, and at the token before one going left
    # (the factor applies on crossing)
    n = len(raws)
    stops = set(compress(range(n), notable)).union([i for i in contrasts if i < n])
    marks = (sorted(stops.union([i - 1 for i in starts])), sorted(stops | starts))
    return Prepared(raws, offsets, ends, words, _title_case(sum(alpha), sum(caps)), shifts, shifters, contrasts,
                    starts, kinds, _without_idioms(words, valences), events,
                    list(accumulate(map(not_, kinds), initial=0)), marks)


_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "st", "jr", "sr", "gov", "sen", "rep", "gen", "lt", "col",
                            "sgt", "capt", "prof", "rev", "hon", "no", "vs", "inc", "co", "corp", "ltd", "jan",
                            "feb", "aug", "sept", "oct", "nov", "dec", "ft", "mt", "pres", "atty", "supt"})


def _sentence_starts(text: str, raws, offsets, ends) -> frozenset:
    """Token indices after a line break or after a sentence-final ``.``/``!``/``?`` (abbreviations and
    initials excepted): a NewsMTSC "sentence" sometimes holds several.

    ``raws``, ``offsets`` and ``ends`` are the tokens and their start and end offsets. Only the line
    breaks and the full stops, exclamation and question marks are looked at."""
    n = len(raws)
    starts = set()
    end = ends[-1]
    p = text.find("\n", offsets[0], end)
    while p >= 0:  # a line break lies between two tokens (no token holds white space)
        starts.add(bisect_right(offsets, p))
        p = text.find("\n", p + 1, end)
    for mark in ("!", "?", "."):
        k = -1
        for _ in range(raws.count(mark)):
            k = raws.index(mark, k + 1)
            i = k + 1
            if i == n or offsets[i] == ends[k]:
                continue  # no gap after the mark
            if mark != ".":
                starts.add(i)
            elif k >= 1 and raws[i][:1].isupper():
                before = raws[k - 1]
                if len(before) > 1 and before.lower() not in _ABBREVIATIONS and ends[k - 1] == offsets[k]:
                    starts.add(i)
    return frozenset(starts)


def score_target(text: str, start: int, end: int, *, params: Params = DEFAULT,
                 context: tuple[int, int] | None = None, prepared: Prepared | None = None) -> Polarity:
    """Signed score, label and evidence for the mention ``text[start:end]``.

    ``context`` limits the words considered (e.g. the sentence's span); default: the whole text.
    ``prepared`` (from :func:`prepare`) replaces ``context`` when several targets share one.
    """
    if not 0 <= start < end <= len(text):
        raise ValueError(f"target span {start}:{end} is outside the text (length {len(text)})")
    res = _resources()
    negators, boosters, hedges, events = res["negators"], res["boosters"], res["hedges"], res["events"]
    if prepared is None:
        lo, hi = context if context else (0, len(text))
        prepared = prepare(text, lo, hi)
    (raws, offsets, ends, words, title, shifts, shifters, contrasts, starts, kinds, valences, event_of, counts,
     marks) = prepared
    t0 = bisect_right(ends, start)  # the first token ending after the target's start
    t1 = bisect_left(offsets, end, t0) - 1  # the last token starting before its end
    if t1 < t0 or _is_time(words, t0, t1):
        return Polarity("neutral", 0.0, ())  # no words, or a date ("on Sunday"): no one to be for or against
    n = len(raws)
    speaker = _is_speaker(raws, words, t0, t1, res["speech"]) or _spokesperson(raws, words, t1, res["speech"])
    gov = _governor(words, t0)
    governed = gov >= 0 and words[gov] in _GOVERNORS  # else the target is neither a setting nor an addressee
    setting = ("the setting" if governed and _is_setting(words, t0, t1)
               else "the addressee" if governed and _is_addressee(words, t0, t1)
               else "the venue" if _is_venue(raws, words, t0, t1)
               else "the victim" if _is_victim(raws, words, t0, t1, res) else None)
    accuses = _accusation(raws, words, t0, t1, events)
    outdone = gov >= 0 and (words[gov] == "than"  # the object of a comparison: "better than X"
                            or (words[gov] == "over" and any(w in _LEADS for w in words[max(0, gov - 3):gov])))

    # a comma after a target that opens its clause seldom ends what is said of it ("X, 45, was indicted")
    comma_right = params.subject_comma if _opens_clause(raws, words, kinds, starts, t0) else params.weak_break
    # clause distance: cumulative break weights from the target outward
    evidence: list[Evidence] = []
    total = 0.0
    for direction in (-1, 1):
        # only the marked tokens (boundaries, sentiment and event words, contrasts, sentence starts)
        # change anything on the way out; the words between only count toward the distance
        if direction < 0:
            walk = reversed(marks[0][:bisect_left(marks[0], t0)])
            base = counts[t0]
        else:
            walk = marks[1][bisect_right(marks[1], t1):]
            base = counts[t1 + 1]
        factor = 1.0
        for i in walk:
            passed = base - counts[i + 1] if direction < 0 else counts[i] - base  # words before reaching i
            if passed >= params.window:
                break
            if (i if direction > 0 else i + 1) in starts:
                factor *= params.sentence_break  # the word is in another sentence
            kind = kinds[i]
            if kind:  # a clause boundary: ; : ( ) — "but" quotes commas
                if kind == _STRONG:
                    factor *= params.strong_break
                elif kind == _CLAUSE:
                    factor *= params.but_right if direction > 0 else params.strong_break
                elif kind == _QUOTE:
                    factor *= params.quote_break
                else:
                    factor *= comma_right if direction > 0 else params.weak_break
                continue
            if i in contrasts:
                factor *= params.contrast
            dist = passed + 1
            value = valences[i]
            if value and i in shifters:
                value = None  # a shifter's own valence gives way to the word it shifts
            role = None
            w = words[i]
            event = event_of[i]
            if event is not None and params.role:
                role = _role(raws, words, i, t0, t1)
                role_value = event[0] if role == "agent" else event[1] if role == "patient" else None
                if role == "agent" and role_value and role_value < 0 and i in shifters:
                    role_value = None  # opposing a bad thing is no fault: "X opposed illegal logging"
                if role_value is None:
                    role = None
                    if value and event[1] is None and (event[0] or 0) > 0:
                        value *= params.unlinked  # someone else's achievement ("Y won in X's state")
                        role = "unlinked"
                else:
                    value = role_value
            if value:
                raw = raws[i]
                # proper-name words are not sentiment: capitalised mid-sentence, not after a quote
                if (params.mask_names and not title and raw[0].isupper() and i > 0
                        and (raws[i - 1] not in _OPEN_QUOTES and raws[i - 1] not in ".!?:"
                             or (i > 1 and raws[i - 1] == "." and words[i - 2] in _TITLES))
                        and not raw.isupper()):
                    continue
                if direction < 0 and w in res["harm"] and _links_to(words, i, t0):
                    continue  # "aggression against X": X is harmed, not criticised
                reason = ("lexicon, an achievement not linked to the target" if role == "unlinked"
                          else f"target as {role}" if role else "lexicon")
                if role == "unlinked":
                    role = None
                shift = shifts.get(i)
                if shift is not None and value < 0 and shift[1] < t0 and (t1 < i or _heads(words, kinds, i, t0)):
                    shift = None  # a bad thing of the target stays its own: "end X's brutal war"
                if shift is not None:
                    value *= shift[0]
                    reason = f"shifted by {raws[shift[1]]!r}"
                # a shifted word's own negation/hedge was the shifter's business; else look back 3 words
                for k in range(i - 1, max(-1, i - 4) if shift is None else i - 1, -1):
                    if kinds[k]:  # a clause boundary (a strong break, a quote, a comma, "but" ...)
                        break
                    pw = words[k]
                    if pw in negators:
                        if (pw, words[k + 1]) in _NOT_NEGATION:
                            if k + 1 == i:
                                value = 0.0  # "no doubt" is a set phrase, not a doubt undone
                            break  # "not only ... but": no negation
                        value *= params.negation if value > 0 else params.negation * params.negated_negative
                        reason = f"negated by {raws[k]!r}"
                        break
                    if pw in hedges and not (raws[k][0].isupper() and k > 0 and not title and k not in starts
                                             and raws[k - 1] not in _OPEN_QUOTES and raws[k - 1] not in ".!?:"):
                        # a capitalised modal mid-sentence is a name ("Critics blasted May for ..."), no hedge
                        value *= params.hedge
                        reason = f"hedged by {raws[k]!r}"
                        break
                if not value:
                    continue
                if i > 0 and words[i - 1] in boosters:
                    value += math.copysign(params.booster, value)
                if role:
                    weight = params.role  # linked to the target: no decay with distance
                else:
                    weight = factor * math.exp(-(dist - 1) / params.decay)
                    if direction < 0:
                        weight *= params.left
                    if dist <= 2 and factor == 1.0:
                        weight *= params.adjacent
                if outdone and direction < 0 and value > 0 and not role:
                    value = -value  # "Y does better than X": what is good for Y is bad for X
                    reason += ", the target is outdone"
                if params.other_subject != 1.0 and not role and _other_subject(raws, words, i, t0, t1):
                    weight *= params.other_subject  # "Y is popular with moderates who ... X": said of Y
                    reason += ", said of another subject"
                if accuses is not None and i > accuses and not role and not speaker:
                    weight *= params.speaker_content  # "X accuses Y of being ...": about Y, X's wording
                    reason += ", what the target charges someone with"
                if speaker and not role and words[i] not in res["speech"]:
                    weight *= params.speaker_content
                    reason += ", target's own words"
                elif setting and not role:
                    weight *= params.setting
                    reason += f", target is {setting}"
                contribution = value * weight
                total += contribution
                evidence.append(Evidence(offsets[i], ends[i], raw, round(contribution, 4), reason))

    if params.inside and t1 - t0 >= 3:  # a long target phrase can carry its own judgement
        for i in range(t0 + 1, t1 + 1):
            value = valences[i]
            raw = raws[i]
            if not value or (params.mask_names and not title and raw[0].isupper()) or i in shifters:
                continue
            value *= shifts[i][0] if i in shifts else 1.0
            if words[i - 1] in negators or (i > 1 and words[i - 2] in negators):
                value *= params.negation
            total += value * params.inside
            evidence.append(Evidence(offsets[i], ends[i], raw, round(value * params.inside, 4),
                                     "inside the target phrase"))

    cue = _target_cue(words, t0, res)
    if cue is not None:
        k0, k1, value = cue
        total, evidence = _phrase_replaces_words(text, offsets[k0], ends[k1], value * params.target_cue,
                                                 "stance cue pointing at the target", total, evidence)

    demand = _demand(words, t0, t1, res)
    if demand is not None:  # "Y called for X to step down": a wish to see the target go
        k0, k1 = demand
        total, evidence = _phrase_replaces_words(text, offsets[k0], ends[k1], params.demand,
                                                 "a demand that the target go", total, evidence)

    prefix = _PREFIX_CUES.get(text[offsets[t0]:start].lower()) if offsets[t0] < start else None
    if prefix is not None:  # "anti-X rally", "pro-X groups": the prefix takes a side on X
        value = prefix * params.target_cue
        total += value
        evidence.append(Evidence(offsets[t0], start, text[offsets[t0]:start], value,
                                 "prefix taking a side on the target"))

    threat = _threat(raws, words, t0, t1, res)
    if threat is not None:
        total -= params.threat
        evidence.append(Evidence(offsets[threat], ends[threat], raws[threat], -params.threat,
                                 "conditional threat against the target"))

    if speaker and params.self_words and words[t0] not in _FIRST_PERSON:
        # the speaker's "I", "me", "my" are the speaker: what is said about them is about the target
        seen = {e.start for e in evidence}
        for k in [k for k in range(n) if words[k] in _FIRST_PERSON][:_SELF_MENTIONS]:
            for e in score_target(text, offsets[k], ends[k], params=params, prepared=prepared).evidence:
                if e.start not in seen:
                    seen.add(e.start)
                    value = round(e.value * params.self_words, 4)
                    total += value
                    evidence.append(e._replace(value=value, reason=f"{e.reason}, said of {raws[k]!r} (the speaker)"))

    if params.praise_frame and total >= 0.0 and not (evidence and min([e.value for e in evidence]) < 0):
        frame = res["praise_frames"].match(text, end, ends[-1])
        if frame is not None:
            total += params.praise_frame
            evidence.append(Evidence(frame.start("frame"), frame.end("frame"), frame.group("frame"),
                                     params.praise_frame, "praising description of the target"))

    if params.critical_frame and total <= 0.0 and not (evidence and max([e.value for e in evidence]) > 0):
        frame = res["critical_frames"].match(text, end, ends[-1])
        if frame is not None:
            total -= params.critical_frame
            evidence.append(Evidence(frame.start("frame"), frame.end("frame"), frame.group("frame"),
                                     -params.critical_frame, "critical description of the target"))

    evidence.sort()
    values = [e.value for e in evidence]
    if params.negativity != 1.0 and values and min(values) < 0 < max(values):
        # mixed evidence: the negative side counts more (the evidence shows the weighted values)
        weighted = []
        for e in evidence:
            # not the speaker's own words (already weak) nor harm words ("invasion": an event, no judgement)
            if e.value < 0 and "own words" not in e.reason and e.word.lower() not in res["harm"]:
                value = round(e.value * params.negativity, 4)
                total += value - e.value
                e = e._replace(value=value)
            weighted.append(e)
        evidence = weighted
    if total > params.positive:
        label = "positive"
    elif total < params.negative:
        label = "negative"
    else:
        label = "neutral"
    return Polarity(label, round(total, 4), tuple(evidence))


def _phrase_replaces_words(text: str, c0: int, c1: int, value: float, reason: str, total: float,
                           evidence: list) -> tuple[float, list]:
    """A phrase scored as a whole (a stance cue, a demand) replaces the evidence of its own words:
    the new total and evidence list."""
    inner = [e for e in evidence if c0 <= e.start and e.end <= c1]
    total += value - sum(e.value for e in inner)
    evidence = [e for e in evidence if e not in inner]
    evidence.append(Evidence(c0, c1, text[c0:c1], value, reason))
    return total, evidence


def target_polarity(text: str, start: int, end: int, *, params: Params = DEFAULT) -> str:
    """``"negative"``, ``"neutral"`` or ``"positive"``: the sentence's sentiment toward ``text[start:end]``."""
    return score_target(text, start, end, params=params).label
