"""Who the target is in its sentence, by dependency-free heuristics over the words around it.

The source of a report or the side whose spokespeople speak (:func:`_is_speaker`,
:func:`_spokesperson`), the setting or the addressee of what happens (:func:`_is_setting`,
:func:`_is_addressee`), an outlet or platform as the venue of what is said (:func:`_is_venue`), the
victim of harm (:func:`_is_victim`), the agent or patient of an event
word, possessives included (:func:`_role`, :func:`_possessive_role`), the agent of an accusation
(:func:`_accusation`), the one outdone in a contest ("a victory over X": ``_LEADS``), a subject
opening its clause (:func:`_opens_clause`), the predicate of another name (:func:`_other_subject`)
and a date (:func:`_is_time`). Each reads the context's tokens
(``raws`` as they stand, ``words`` lower-cased with a straight apostrophe) and the target's token
span ``t0..t1``; :func:`newslab.stance.polarity.score_target` decides what each role weighs.
"""
from __future__ import annotations

from functools import lru_cache

from newslab.stance.lexicon import _lines, _resources, _TITLES


_POSSESSIVES = frozenset({"his", "her", "its", "their", "my", "our", "your"})


def _governor(words, t0) -> int:
    """Index of the word before the target past its article ("in [the] X"); -1 when none."""
    k = t0 - 1
    while k >= 0 and words[k] in ("the", "a", "an"):
        k -= 1
    return k


def _is_possessive(words, t1) -> bool:
    return words[t1] in _POSSESSIVES or _is_genitive(words, t1)


def _is_genitive(words, t1) -> bool:
    """Does the target ending at ``t1`` take "'s" or "'" ("Smith's", "Jones'", "Jones 's")?"""
    return words[t1].endswith(("'s", "'")) or (t1 + 1 < len(words) and words[t1 + 1] in ("'s", "'"))


# what follows the speaker of an inverted report ('"...," said X, who ...', '... said X in a statement')
_AFTER_INVERTED = frozenset({",", ".", "!", "?", ";", ":", "—", "–", "(", "who", "in", "on", "at", "during",
                             "after", "before", "as", "when", "while", "to", "of", "from", "last", "this"})
_REPORT_END = frozenset({",", "\"", "”", "’", "'", ".", "!", "?", "—", "–", "-"})

# between a speaker and the speech verb: "X, 45, said", "X also told", "X had previously said"
_SPEAKER_GAP = frozenset({",", "also", "has", "had", "have", "later", "then", "previously", "once", "further",
                          "again", "on", "in", "a", "an", "the", "recently"})


# forms of "continue": speech only when the quote goes on ('..., he continued.'), not "X continues to ..."
_CONTINUE = frozenset({"continued", "continues", "continue"})
# participles of speech after a comma ("..., saying ...") belong to the clause's subject, not to its object
_SPEECH_PARTICIPLES = frozenset({"saying", "adding", "writing", "telling", "noting", "arguing", "insisting",
                                 "declaring", "claiming", "warning", "asking", "explaining", "suggesting"})


def _speaks(raws, words, t0, j) -> bool:
    """Is the speech word at ``j`` after the target (at ``t0``) the target's report? Not "X, according
    to Y" (Y speaks), "X a say in" (a noun), "X continues to ...", nor "rejected X, saying ..."
    (the subject of "rejected" speaks)."""
    w = words[j]
    if w == "according" or words[j - 1] in ("a", "an", "the"):
        return False
    if w in _CONTINUE and j + 1 < len(words) and raws[j + 1][:1].isalnum():
        return False
    if w in _SPEECH_PARTICIPLES and t0 > 0 and raws[t0 - 1].isalpha() and raws[t0 - 1].islower():
        return False  # "Republicans rejected X, saying ...": X is the object, the subject speaks
    return True


def _is_speaker(raws, words, t0, t1, speech) -> bool:
    """Is the target (tokens t0..t1) the source of a report?"""
    n = len(raws)
    j = t1 + 1
    # "X said", "X, 45, said", "X also told", "X's spokesman said" is not the target speaking
    steps = 0
    while j < n and steps < 4:
        w = words[j]
        if w in speech:
            return _speaks(raws, words, t0, j)
        if w in {"'s", "’s"}:
            return False
        if w in _SPEAKER_GAP:
            j += 1
            steps += 1
            continue
        break
    # "said X", "according to X", "told reporters X"?  (verb just before the target)
    k = t0 - 1
    if (k >= 0 and words[k] in speech and (k == 0 or raws[k - 1] in _REPORT_END)
            and (t1 + 1 >= n or words[t1 + 1] in _AFTER_INVERTED)):
        return True  # '"...," said X.' (inverted report); "Y said X is a liar" is about X
    if k >= 1 and words[k] == "to" and words[k - 1] == "according":
        return True
    # transcript style "X: ..." at the start
    if t0 == 0 and t1 + 1 < n and words[t1 + 1] == ":":
        return True
    return False


# the people who speak for a target ("X spokesman Y said", "X's lawyers said", "X administration officials said")
_SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen", "spokeswomen",
                           "aide", "aides", "official", "officials", "adviser", "advisers", "advisor", "advisors",
                           "lawyer", "lawyers", "attorney", "attorneys", "source", "sources", "representative",
                           "representatives", "surrogate", "surrogates", "strategist", "strategists", "camp", "office",
                           "team"})
_SPOKES_LEAD = frozenset({"campaign", "administration", "transition", "'s", "'", "top", "senior", "former"})


def _spokesperson(raws, words, t1, speech) -> bool:
    """Does someone speaking for the target report right after it ("X spokesman Y said ...", "X's
    lawyers said ...", "X administration officials said ...", "the X camp said ...")? Then, as when X
    speaks, the report is X's side's own wording about someone else, not a judgement of X. Not "X's
    campaign said" ("campaign" only leads: "X campaign adviser Y said"): a campaign is X's voice."""
    n = len(raws)
    j = t1 + 1
    while j < n and j - t1 <= 3 and words[j] in _SPOKES_LEAD:
        j += 1
    if j >= n or words[j] not in _SPOKESPEOPLE:
        return False
    j += 1
    while j < n and j - t1 <= 8 and (raws[j][:1].isupper() or raws[j] in (",", ".")):
        j += 1  # the spokesperson's name, an appositive comma ("X spokesman Jason Miller said")
    return j < n and words[j] in speech and raws[j - 1] != "." and not (j + 1 < n and raws[j + 1][:1] in "'’")


_FIRST_PERSON = frozenset({"i", "me", "my", "myself"})

_SELF_MENTIONS = 3  # first-person mentions considered per speaker target

# prepositions that make their object the place or time of what happens ("won in X", "killed during X");
# not "at" or "on", which also point at a target ("fired a broadside at X", "an attack on X")
_SETTING = frozenset({"in", "during", "throughout", "across", "inside", "near", "since", "until"})


# prepositions that are conjunctions too ("since X took office", "until she was in her 40s")
_CLAUSE_OPENERS = frozenset({"since", "until"})
# words after "since X" that show no clause follows ("since 2012 in the Senate", "since January, ...")
_NO_VERB = frozenset({"in", "on", "at", "of", "and", "or", "to", "for", "with", "from", "when", "as", "by"})
# attitudes whose object follows "in" ("confidence in X", "faith in X", "a champion in X"): no setting
_ATTITUDES = frozenset({"confidence", "faith", "trust", "belief", "believe", "believes", "believed", "believing",
                        "pride", "proud", "interest", "interested", "disappointed", "disappointment", "champion",
                        "friend", "ally", "partner"})


def _is_setting(words, t0, t1) -> bool:
    """Is the target the object of a locative or temporal preposition ("victory in [the] X")?
    A possessive is not ("in X's crimes", "in his capacity")."""
    if _is_possessive(words, t1):
        return False
    k = _governor(words, t0)
    if k < 0 or words[k] not in _SETTING:
        return False
    if words[k] in _CLAUSE_OPENERS and t1 + 1 < len(words) and words[t1 + 1][:1].isalpha() \
            and words[t1 + 1] not in _NO_VERB:
        return False  # "since X took office": X is the subject of a clause, no setting
    return not (words[k] == "in" and k > 0 and words[k - 1].rstrip("'") in _ATTITUDES)  # "confidence in X": its object


# verbs whose object is the one spoken to ("told X", "asked X"), and talk words taking "to"/"with"
_ADDRESS = frozenset({"told", "tells", "tell", "telling", "asked", "asks", "ask", "asking"})
_TALK = frozenset({"said", "says", "say", "wrote", "writes", "write", "spoke", "speaks", "speak", "speaking",
                   "talked", "talks", "talk", "talking", "interview", "interviews", "conversation", "explained"})


# what is said, written or confessed to someone ("lied to X", "a letter to X", "apologized to X", "made
# clear to X"): only with "to"
_TALK_TO = frozenset({"lied", "lying", "lie", "lies", "statement", "statements", "apologize", "apologized",
                      "apologizes", "apologizing", "apology", "letter", "letters", "speech", "remarks", "comments",
                      "message", "messages", "email", "emails", "tweet", "appeal", "appeals", "suggested",
                      "indicated", "clear", "complained", "confessed", "admitted", "testified", "lecture",
                      "address", "written", "sent", "reported", "pitch", "pitched"})

# the words before a target that can make it a setting or an addressee
_GOVERNORS = _SETTING | _ADDRESS | {"to", "with"}


def _is_addressee(words, t0, t1) -> bool:
    """Is the target the one a report is addressed to ("told [the] X", "said to X", "an interview
    with X")? What is said to X is seldom about X."""
    if _is_possessive(words, t1):
        return False  # "told X's lawyers"
    k = _governor(words, t0)
    if k < 0:
        return False
    if words[k] in _ADDRESS:
        return True
    prep = words[k]
    if prep not in ("to", "with"):
        return False
    k -= 1
    if k > 0 and words[k].endswith("ly"):
        k -= 1  # "lied repeatedly to X"
    return k >= 0 and (words[k] in _TALK or (prep == "to" and words[k] in _TALK_TO))


@lru_cache(maxsize=1)
def _media() -> frozenset:
    """News outlets and platforms (``data/media.txt``), as tuples of lower-case tokens."""
    return frozenset(tuple(line.split()) for line in _lines("media.txt"))


# before an outlet or platform: the channel something is said on, in or through ("said on X", "an
# op-ed in X", "reported by X", "told X"); not "at" ("directed her ire at X")
_VENUE_BEFORE = frozenset({"on", "in", "by", "via", "to", "from", "told", "tells", "tell"})
# after it: what an outlet does or has as an outlet ("X reported", "a X poll", "X's program"); not its people
# ("calls a X reporter a sleaze": what is said of them is said of the outlet)
_VENUE_AFTER = frozenset({"reported", "reports", "reporting", "report", "published", "publishes", "obtained",
                          "revealed", "confirmed", "first", "poll", "polls", "survey", "program", "programs",
                          "show", "shows", "broadcast", "segment", "interview", "interviews", "article", "story",
                          "stories", "piece", "op-ed", "page", "account", "feed", "video", "footage", "analysis",
                          "headline", "coverage", "post", "posts", "appearance"})


_POLLS = frozenset({"poll", "polls", "polling", "survey", "surveys"})


def _outlet_genitive(words, k) -> bool:
    """Does a listed outlet in the genitive end at token ``k`` ("NPR's", "the New York Times'")?"""
    if k < 0 or not words[k].endswith(("'s", "'")) or len(words[k]) < 3:
        return False
    last = words[k][:-2] if words[k].endswith("'s") else words[k][:-1]
    media = _media()
    return any(tuple(words[k - n:k]) + (last,) in media for n in range(min(k, 3) + 1))


def _is_venue(raws, words, t0, t1) -> bool:
    """Is the target a news outlet or platform ("data/media.txt") named as the channel of what happens
    ("said on X", "X reported", "an interview with X", "a X poll"), a journalist named by the outlet
    ("NPR's X"), or any name right before "poll" (a pollster)? What is said there is about someone
    else. A listed name alone is not enough ("directed her ire at X", "X's actions"), nor is a
    possessor of polls ("X's polling")."""
    k0 = t0 + 1 if words[t0] == "the" and t0 < t1 else t0
    if not raws[k0][:1].isupper():
        return False  # "time", "the post": no name
    if _outlet_genitive(words, t0 - 1) or any(_outlet_genitive(words, k) for k in range(k0, min(t1, k0 + 3))):
        return True  # "NPR's X", "[CNN's X]": a journalist named by the outlet, reporting
    span = words[k0:t1 + 1]
    last = span[-1]
    genitive = last.endswith(("'s", "'")) and len(last) > 2
    if genitive:
        span = span[:-1] + [last[:-2] if last.endswith("'s") else last[:-1]]
    if tuple(span) not in _media():
        j = t1 + 1  # "a X poll", "the X Reports tracking poll": an unlisted pollster
        while not genitive and j < len(words) and j - t1 <= 3 and (raws[j][:1].isupper() or words[j] == "tracking"):
            j += 1
        return not genitive and j < len(words) and words[j] in _POLLS and raws[t1][:1].isupper()
    k = _governor(words, t0)
    if k >= 0 and words[k] in _VENUE_BEFORE:
        return True
    j = t1 + 1 if genitive or t1 + 1 >= len(words) or words[t1 + 1] not in ("'s", "'") else t1 + 2
    return j < len(words) and words[j] in _VENUE_AFTER


_LINKS = frozenset({"against", "on", "of", "into", "in", "at", "the", "a", "an", "its", "their", "his", "her"})


def _links_to(words, i, t0) -> bool:
    """Is the target (at ``t0``) the object of the word at ``i`` (only prepositions/determiners between)?"""
    return t0 - i <= 3 and all(words[k] in _LINKS for k in range(i + 1, t0))


def _is_victim(raws, words, t0, t1, res) -> bool:
    """Is the target the one harmed ("the invasion of X", "X was shot")? A victim is pitied rather
    than judged: the sentence's other words say little about it."""
    harm, events = res["harm"], res["events"]
    if harm.isdisjoint(words[max(0, t0 - 4):t1 + 6]):
        return False  # no harm word near the target: the common case, ruled out at once
    for i in range(max(0, t0 - 4), t0):
        if words[i] in harm and _links_to(words, i, t0):
            return True
    for i in range(t1 + 1, min(len(words), t1 + 6)):
        if words[i] in harm and words[i] in events and _role(raws, words, i, t0, t1) == "patient":
            return True
    return False


_BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "get", "gets", "got", "gotten", "getting"})
# irregular participles: "X was beaten", "X was overthrown" are passives
_PARTICIPLES = frozenset({"won", "lost", "beaten", "beat", "stolen", "stole", "misled", "swept", "hit", "caught",
                          "held", "sent", "left", "led", "shot", "taken", "given", "thrown", "forgiven", "undone",
                          "overthrown", "outshone", "outdone", "undercut"})
# between a subject and its verb: auxiliaries, adverbs, time words, "X, who", "X and Y", "X wants to"
_SUBJECT_GAP = frozenset({"has", "have", "had", "will", "would", "could", "should", "can", "may", "might", "must",
                          "did", "does", "do", "also", "again", "then", "later", "already", "now", "once", "just",
                          "still", "even", "never", "not", "n't", "soon", "who", "which", "and", "on", "last",
                          "this", "week", "year", "month", "night", "morning", "today", "yesterday", "to", "had",
                          "himself", "herself", "themselves", "itself", "personally", "ever", "first", "finally",
                          "vowed", "vows", "vow", "promised", "promises", "pledged", "pledges", "tried", "tries",
                          "try", "sought", "seeks", "seek", "wants", "wanted", "want", "plans", "planned", "hopes",
                          "hoped", "decided", "decides", "agreed", "agrees", "moved", "managed", "continued",
                          "continues", "began", "begins", "attempted", "aims", "aimed", "intends", "intended",
                          "going", "expected", "expects", "appeared", "appears", "seemed", "seems", "is", "are",
                          "was", "were", "be", "been", "being", "get", "gets", "got", "gotten", "getting",
                          "helped", "helps", "worked", "works", "has", "quickly", "publicly", "openly",
                          "repeatedly", "recently", "previously", "forced", "asked", "allowed", "set"})
# between a verb or event noun and its object: determiners, titles, names, a linking preposition
_OBJECT_GAP = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that",
                         "these", "those", "on", "of", "against", "at", "for", "to", "over", "toward", "towards",
                         "out", "former", "fellow", "rival", "president", "senator", "sen", ".", "rep", "gov",
                         "mr", "mrs", "ms", "dr", "then", "both", "two", "three", "republican", "democratic",
                         "democrat", "gop", "candidate", "nominee", "leader", "governor", "mayor", "secretary",
                         "minister", "prime", "vice", "chairman", "chief", "director", "attorney", "general",
                         "house", "speaker", "congressman", "congresswoman", "lawmaker", "lawmakers", "top",
                         "white", "opponent", "opponents", "critics", "critic", "all", "up", "down"})
_AGENT_MARKS = frozenset({"by", "from"})
# a target right after one of these is its object, not the subject of a verb after it
# (not "after", "before", "since", "like": also conjunctions, "after X defeated Y")
_PREPOSITIONS = frozenset({"in", "at", "on", "from", "with", "for", "to", "of", "by", "about", "against", "into",
                           "during", "under", "over", "between", "among", "without", "toward", "towards", "through",
                           "across", "near", "despite", "upon"})


_APPOSITIVE = 6  # words an appositive may have ("X, a former senator from Texas, ...")
_NOT_APPOSITIVE = frozenset({"who", "which", "that", "and", "but", "or", "said", "says", "while", "when", "if"})


def _appositive_end(words, k, i) -> int | None:
    """The comma closing an appositive that opens with the comma at ``k`` (before the event at ``i``):
    a noun phrase ("X, a former senator, lied") or a participial phrase, whose own verb may be an
    event ("X, defying the pundits, defeated Y", "X, elected in 2010, was indicted")."""
    events = _resources()["events"]
    participle = words[k + 1].endswith(("ing", "ed")) and words[k + 1] not in _NOT_APPOSITIVE
    for j in range(k + 1, min(i, k + 2 + _APPOSITIVE)):
        pw = words[j]
        if pw == ",":
            return j if j > k + 1 else None
        if not pw[:1].isalnum() or (not participle and (pw in _NOT_APPOSITIVE or pw in events or pw in _BE)):
            return None
    return None


# verbs whose subject undergoes the event noun they take: "X faces charges", "X drew criticism"
_UNDERGO = frozenset({"face", "faces", "faced", "facing", "received", "receives", "receive", "receiving", "drew",
                      "draws", "draw", "drawing", "drawn", "attracted", "endured", "suffered", "weathered"})
_NOT_MODIFIERS = frozenset({"and", "or", "but", "who", "which", "that", "to"})
# verbs linking a subject to a participle that describes it, as a be-form does ("X seemed isolated")
_LINKING = frozenset({"appears", "appeared", "seems", "seemed", "remains", "remained", "became", "becomes",
                      "looks", "looked", "felt", "feels"})


def _undergoes(raws, words, k, i) -> bool:
    """Is the event noun at ``i`` the object of the verb at ``k`` (at most three lower-case words between:
    "faces federal charges", "drew a storm of criticism")? Not a verb form ("faced Y and defeated")."""
    return (i - k <= 4 and not words[i].endswith("ed")
            and all(raws[j].isalpha() and raws[j].islower() and words[j] not in _NOT_MODIFIERS
                    and words[j] not in _BE for j in range(k + 1, i)))


def _possessive_role(words, i, t1) -> str | None:
    """The role of a possessive target in the event noun after it ("X's lies", "X's arrest")."""
    first = t1 + 2 if words[t1 + 1] in ("'s", "'") else t1 + 1  # "Jones ' arrest" (own token) or "Jones's"
    if i - first > 2 or any(not words[k].isalpha() or words[k] in _BE for k in range(first, i)):
        return None  # at most two adjectives between ("X's latest misleading claims")
    agent, patient = _resources()["events"][words[i]]
    if patient is None and agent is not None:
        return "agent"  # "X's lies", "X's win"
    if agent == 0 and patient is not None:
        return "patient"  # "X's arrest", "X's indictment"
    return None  # "X's attack", "X's defeat": either side


def _role(raws, words, i, t0, t1) -> str | None:
    """The target's role in the event at token ``i``: ``"agent"``, ``"patient"`` or None (unknown).

    Dependency-free: "X [has, also, who, wants to ...] attacked" makes X the agent and "X was
    attacked" the patient; "attacked [the, former, on ...] X" makes X the patient and "attacked
    by X", "criticism from X" the agent. A possessive target ("X's lies", "X's arrest") is the
    agent of an event that has no patient and the patient of an event whose agent is neutral (an
    official act); else ("X's attack", "X's defeat") it has no role. An appositive between a
    subject and its verb is skipped ("X, 45, was arrested", "X, a former senator, lied"), as are a
    participial phrase ("X, defying the pundits, defeated Y") and a relative clause closed by a comma
    ("X, who is white, shot Y"); a linking verb before a participle reads as a passive ("X seemed isolated")."""
    w = words[i]
    if i > t1:  # the target comes first: its subject
        if _is_genitive(words, t1) or (t0 == t1 and words[t1] in _POSSESSIVES):
            return _possessive_role(words, i, t1)  # "X's lies", "his arrest"
        if i - t1 - 1 > 6 + _APPOSITIVE:
            return None
        gov = _governor(words, t0)
        if gov >= 0 and words[gov] in _PREPOSITIONS and not w.endswith("ing") and "who" not in words[t1 + 1:i]:
            return None  # the object of a preposition is no subject: "arrested in X and convicted"
        passive = False
        skip_to = -1
        for k in range(t1 + 1, i):
            if k <= skip_to:
                continue
            pw = words[k]
            raw = raws[k]
            if pw == ",":
                if k + 1 < i and words[k + 1] in ("who", "which"):
                    # a relative clause closed before the verb: "X, who is white, shot Y"
                    skip_to = next((j for j in range(k + 2, i) if words[j] == ","), skip_to)
                    continue
                if k == t1 + 1 and skip_to < 0:  # an appositive: "X, 45, was", "X, the governor, has"
                    close = _appositive_end(words, k, i)
                    if close is not None:
                        skip_to = close
                        continue
                return None
            if pw in _BE or (pw in _LINKING and all(words[j].endswith("ly") for j in range(k + 1, i))):
                passive = True  # "X was isolated", "X seems increasingly isolated": a state undergone
                continue
            if pw in _SUBJECT_GAP or pw.endswith("ly") or (raw[:1].isupper() and raw.isalpha()):
                continue
            if passive and words[k + 1] in ("and", "or") and (pw.endswith(("ed", "en")) or pw in _PARTICIPLES):
                continue  # coordinated participles share the subject: "X was arrested and charged"
            if pw in _UNDERGO and _undergoes(raws, words, k, i):
                return "patient"  # "X faces charges", "X drew sharp criticism", "X received an award"
            return None
        if passive and words[i - 1] != "to":
            if w.endswith("ing"):
                return "agent"
            if w.endswith(("ed", "en")) or w in _PARTICIPLES:
                return "patient"
            return None
        return "agent"
    # the event comes first: the target is its object, or its agent after "by"/"from"
    if t0 - i - 1 > 6 or (t0 - i - 1 > 4 and not all(raws[k][:1].isupper() for k in range(i + 5, t0))):
        return None  # up to four words between, or six when the last are a name ("of Senate Majority Leader X")
    for k in range(i + 1, t0):
        pw = words[k]
        if pw in _AGENT_MARKS:
            if pw == "from" and (w.endswith(("ed", "en")) or w in _PARTICIPLES):
                return None  # "resigned from X", "fired from X": a place left, no agent
            return "agent" if k == t0 - 1 or all(words[j] in _OBJECT_GAP for j in range(k + 1, t0)) else None
        if pw in _OBJECT_GAP and not (pw == "that" and k == i + 1):
            continue  # not "show that X": a complement clause, X is not the object
        raw = raws[k]
        if raw[:1].isupper() and raw.isalpha():
            continue
        return None
    return "patient"


def _accusation(raws, words, t0, t1, events) -> int | None:
    """Index of a verb of accusation or criticism (an event bad for both sides in ``data/events.tsv``)
    whose agent is the target ("X accuses Y of ...", "X blamed Y for ..."): what follows it
    describes the one accused, in the target's wording."""
    if _accusations().isdisjoint(words[t1 + 1:t1 + 8]):
        return None  # no verb of accusation near: the common case, ruled out at once
    for i in range(t1 + 1, min(len(words), t1 + 8)):
        event = events.get(words[i])
        if (event is not None and event[0] is not None and event[1] is not None and event[0] < 0 and event[1] < 0
                and _role(raws, words, i, t0, t1) == "agent"):
            return i
    return None


@lru_cache(maxsize=1)
def _accusations() -> frozenset:
    """The event words bad for both sides (the verbs :func:`_accusation` looks for)."""
    return frozenset(w for w, (agent, patient) in _resources()["events"].items()
                     if agent is not None and patient is not None and agent < 0 and patient < 0)


# contest words whose "over X" makes X the one outdone: "a 2-point advantage over X", "her victory over X"
_LEADS = frozenset({"advantage", "advantages", "lead", "leads", "led", "leading", "edge", "victory", "victories",
                    "win", "wins", "won", "triumph", "triumphed", "upper", "prevail", "prevailed", "prevails"})

# prepositions (and "as", "than", "like"): a capitalised one before the target makes it no subject ("In X, ...")
_CLAUSE_PREPOSITIONS = frozenset({"in", "on", "at", "of", "to", "for", "with", "from", "by", "after", "before",
                                  "during", "since", "until", "about", "against", "into", "over", "under", "without",
                                  "like", "as", "than", "despite", "among", "between", "through", "across", "near"})


def _opens_clause(raws, words, kinds, starts, t0) -> bool:
    """Does the target at ``t0`` open its clause (at the start of a sentence or line, or after a clause
    boundary: a comma, a strong break, a quotation mark, "but", "while" ...; only articles, titles and
    capitalised words other than prepositions before it: "Former Gov. X", "The X campaign")? Then it is
    mostly the subject, and what follows to its right is its predicate. "In X, ...", "with X" are not."""
    k = t0 - 1
    while (k >= 0 and not kinds[k] and k + 1 not in starts and words[k] not in _CLAUSE_PREPOSITIONS
           and (words[k] in ("the", "a", "an", ".") or words[k] in _TITLES or raws[k][:1].isupper())):
        k -= 1
    return k < 0 or k + 1 in starts or bool(kinds[k])


_COPULA = frozenset({"is", "was", "are", "were", "'s", "remains", "remained", "seems", "seemed", "looks", "looked",
                     "appears", "appeared", "became", "becomes"})
# between a copula and its predicate: "Y is very popular", "Y has been widely admired"
_PREDICATE_GAP = frozenset({"very", "so", "too", "more", "most", "less", "quite", "really", "also", "still", "not",
                            "n't", "been", "always", "never"})
_AUXILIARIES = _COPULA | {"has", "have", "had", "will", "would", "could", "should", "can", "may", "might", "must",
                          "did", "does", "do", "be", "been", "being"}
_FUNCTION_SUBJECTS = frozenset({"i", "he", "she", "it", "this", "that", "there", "what", "we", "they", "you", "who",
                                "which", "here", "these", "those", "one", "everyone", "everything", "nothing",
                                "something", "all", "both", "each"})
_CONJOINED = frozenset({"and", "or", "nor", ",", "&"})  # "X and Y are ...": X is a subject too


def _other_subject(raws, words, i, t0, t1) -> bool:
    """Is the word at ``i`` the predicate of a name other than the target ("Y is popular with
    moderates who ... X", "Y was very critical", "Y had been reprimanded")? A name conjoined with
    the target ("X and Y were ...") is not another subject."""
    k = i - 1
    while k >= 0 and i - k < 4 and (words[k] in _PREDICATE_GAP or words[k].endswith("ly")):
        k -= 1
    if k >= 1 and words[k] in _COPULA:
        k -= 1  # the subject before the copula
    else:  # or a verb after an auxiliary: "Y had been reprimanded", "Y has revealed", "Y will win"
        k = i - 1
        while k >= 1 and i - k < 5 and (words[k] in _PREDICATE_GAP or words[k].endswith("ly")
                                         or words[k] in _AUXILIARIES):
            k -= 1
        if words[k] in _AUXILIARIES or _AUXILIARIES.isdisjoint(words[k + 1:i]):
            return False
    raw = raws[k]
    if not (raw[:1].isupper() and raw.isalpha()) or t0 <= k <= t1 or words[k] in _FUNCTION_SUBJECTS:
        return False
    return not (t1 < k and all(words[j] in _CONJOINED or raws[j][:1].isupper() for j in range(t1 + 1, k)))


# a target made of these words only is a date, not an actor ("Sunday", "Tuesday night", "last week"); "May" and
# "March" are left out (Theresa May, a march), as are "Sun" and "Wed"
_DAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
                   "yesterday", "tonight", "tomorrow", "january", "february", "april", "june", "july", "august",
                   "september", "october", "november", "december"})
_TIME_WORDS = _DAYS | {"morning", "afternoon", "evening", "night", "last", "this", "next", "early", "late", "on",
                       "'s"}

# a period named from now ("this week", "last year"): a date too
_DEICTIC = frozenset({"this", "last", "next", "past", "coming"})
_PERIODS = frozenset({"week", "weekend", "month", "year", "night", "morning", "afternoon", "evening", "summer",
                      "winter", "spring", "autumn", "fall", "decade", "century", "season", "quarter"})


def _is_time(words, t0, t1) -> bool:
    """Is the target a date ("Sunday", "Tuesday night", "yesterday's", "this week", "last year")? Sentiment
    around a date is about what happened then."""
    span = [w[:-2] if w.endswith("'s") else w for w in words[t0:t1 + 1]]  # "Tuesday's primaries"
    if len(span) == 2 and span[0] in _DEICTIC and span[1] in _PERIODS:
        return True  # "this week", "last year", "next month", "last night"
    return span[0] in _TIME_WORDS and any(w in _DAYS for w in span) and all(w in _TIME_WORDS for w in span[1:])
