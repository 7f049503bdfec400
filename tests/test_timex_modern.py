"""newslab.timexes on modern (2016) news against a hand-checked TIMEX3 reference.

TimeBank/AQUAINT are 1989-1998 newswire; the project is scored on TempEval-3's 2013 platinum
articles. ``fixtures/timex_modern_reference.json`` holds a small reference on modern news: every
temporal expression of 12 PolNeAR dev articles (2016 political news, seven outlets; DCT = the
publication date in ``metadata.tsv``), annotated by hand following the TimeML TIMEX3 guidelines
as used in TempEval-3 and TimeBank's span conventions (the fixture's ``_note`` gives the
selection rule and the conventions chosen where the guidelines are silent). Each value was
decided from the text (weekday in a past-tense clause = the most recent such day <= DCT,
anaphoric "that month" / "a month later" against the narrative's reference time, ...).
Caveat: the annotator saw the tagger's output to avoid missing expressions, so borderline calls
lean toward it and the figures here are an optimistic estimate. Only offsets, type, value and a
SHA-256 of each text are stored, never the text.

The floors sit a few points below the figures measured when the reference was built (strict /
relaxed / type / value F1 = 0.887 / 0.947 / 0.932 / 0.877; raised after the modern-news fixes of
session 2, measured at 0.964 / 0.990 / 0.990 / 0.934), so a regression on modern news fails.

Because the tagger was tuned on that reference, ``fixtures/timex_modern_blind.json`` is a second,
BLIND one built the same way on 12 PolNeAR *train* articles (same selection rule, first-fixture
stems excluded): all 12 were annotated from the text alone, before the tagger was run on any of
them, and no annotation was changed after comparing (its ``_note`` lists the conventions). It is
the unbiased estimate on modern news; measured when it was built (176 gold, 192 system): strict
P/R/F1 0.859 / 0.938 / 0.897, relaxed 0.885 / 0.966 / 0.924, type F1 0.908, value F1 0.848 (11 of
the 22 spurious spans are dates inside embedded tweets' markup attributes, which TempEval-3 text
never has). Those pre-tuning figures remain the honest estimate on unseen modern news.

Session 3 then fixed the general causes of the blind reference's disagreements (markup
attributes, two-digit years, year ranges, "this fiscal year", complement-clause tense, days
after a month-level reference time, appositions, "the same period in 2014", ...), checked
against TimeBank/AQUAINT; measured after (178 system): strict 0.960, relaxed 0.983, type 0.972,
value 0.932. Since the blind reference has now been looked at, these are no longer unbiased;
its floors sit a few points below them.

Because both references have now been tuned on, ``fixtures/timex_modern_blind2.json`` is a third,
BLIND one on 12 more PolNeAR articles (train and dev pooled, stems of both earlier fixtures
excluded; per publisher the second-ranked article by the same cue density plus the five densest
third-ranked ones). All 12 were annotated from the text alone and frozen before the tagger was
run on any of them; 0 annotations were changed after comparing. The tagger has NOT been tuned on
this set, and its individual disagreements were reported to the lead only. Measured when it was
built (238 gold, 236 system): strict P/R/F1 0.903 / 0.895 / 0.899, relaxed 0.945 / 0.937 / 0.941,
type F1 0.924, value F1 0.844 (identical without the text inside markup: no system span falls in
the one article's tweet markup). These are the honest estimate on unseen modern news; its floors
sit a few points below them, and a failure reports only the aggregate figures, so that the set
stays blind.
Session 4 used blind2's error categories (not its items) to guide a round of general fixes; after
it (239 system): strict 0.948, relaxed 0.981, type 0.969, value 0.885, no longer an unbiased estimate.

Because all three have now been tuned on, ``fixtures/timex_modern_blind3.json`` is a fourth, BLIND one and the
final honest estimate: 12 more PolNeAR articles (train and dev pooled, stems of all three earlier fixtures
excluded; per publisher the top remaining article by the same cue density plus the five densest next-ranked
ones). All 12 were annotated from the text alone and frozen before the tagger was run on any of them; 0
annotations were changed after comparing. The tagger has NOT been tuned on this set and must not be: its
individual disagreements were reported to the lead only, and a failure here reports only aggregates.
Measured when it was built (194 gold, 198 system): strict P/R/F1 0.869 / 0.887 / 0.878, relaxed 0.919 /
0.938 / 0.929, type F1 0.903, value F1 0.806 (0.811 if a system decade "193" counted as the reference's
"193X"). These are the honest estimate on unseen modern news; its floors sit a few points below them.
The next round used blind3's error categories (not its items) to guide a round of general fixes; after it (194 system):
strict 0.887, relaxed 0.938, type 0.912, value 0.814 (0.820 after the narrative-year months), no longer unbiased.

Because blind3 is now used as a guide for further tuning, ``fixtures/timex_modern_blind4.json`` is a fifth,
BLIND one kept for the final honest estimate: 12 more PolNeAR articles (train and dev pooled, stems of all four
earlier fixtures excluded; per publisher the top remaining article by the same cue density plus the five densest
next-ranked ones). All 12 were annotated from the text alone and frozen before the tagger was run on any of them;
2 annotations were changed after comparing, both offset slips of the reference ("Now on" / "Now that" narrowed to
"Now"), no judgment. The tagger has NOT been tuned on this set and must not be: its individual disagreements were
reported to the lead only (as category counts), and a failure here reports only aggregates. Measured when it was
built (181 gold, 192 system): strict P/R/F1 0.849 / 0.901 / 0.874, relaxed 0.896 / 0.950 / 0.922, type F1 0.885,
value F1 0.815 (0.826 if a system decade "197"/"198" counted as the reference's "197X"/"198X"). These are the
honest estimate on unseen modern news; its floors sit about 3 points below them.

``fixtures/timex_modern_blind5.json`` is a sixth, BLIND one, built the same way (stems of all five earlier
fixtures excluded) by an annotator who never ran the tagger or read its code; it follows the conventions of the
earlier fixtures (ages such as "the 83-year-old justice" are not tagged, as in all of them). Scored once on the
tagger as it stood when the set was frozen (166 gold, 163 system): strict P/R/F1 0.957 / 0.940 / 0.948, relaxed
0.988 / 0.970 / 0.979, type F1 0.967, value F1 0.888. Scored again after the next round of general fixes (made
without it): strict 0.960, relaxed 0.979, type 0.967, value 0.888; unchanged after the two rounds after that. Nobody is to tune on it; a failure reports
aggregates only.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
import re

import pytest

import newslab as nl
from newslab.evaluate.timeml import EVENT_SCHEMA, TIMEX_SCHEMA, TLINK_SCHEMA, TimeMLDocument, score_timeml
from newslab.tables import frame

from support import ROOT, require

FIXTURES = ROOT / "tests" / "fixtures"
REFERENCES = {name: json.loads((FIXTURES / f"timex_modern_{name}.json").read_text(encoding="utf-8"))
              for name in ("reference", "blind", "blind2", "blind3", "blind4", "blind5")}
REFERENCE = REFERENCES["reference"]
FLOORS = {"reference": {"strict_f1": 0.94, "relaxed_f1": 0.96, "type_f1": 0.96, "value_f1": 0.91},
          "blind": {"strict_f1": 0.94, "relaxed_f1": 0.96, "type_f1": 0.95, "value_f1": 0.91},
          "blind2": {"strict_f1": 0.92, "relaxed_f1": 0.95, "type_f1": 0.93, "value_f1": 0.89},
          "blind3": {"strict_f1": 0.88, "relaxed_f1": 0.91, "type_f1": 0.89, "value_f1": 0.82},
          "blind4": {"strict_f1": 0.84, "relaxed_f1": 0.89, "type_f1": 0.85, "value_f1": 0.78},
          "blind5": {"strict_f1": 0.91, "relaxed_f1": 0.94, "type_f1": 0.93, "value_f1": 0.85}}
UNTUNED = {"blind2", "blind3", "blind4", "blind5"}  # report only aggregates on failure, so that these sets stay blind
VALUE = re.compile(
    r"(PRESENT_REF|PAST_REF|FUTURE_REF"
    r"|(\d\d(\d[\dX]|XX)|XXXX)(-(\d\d|XX)(-(\d\d|XX))?)?(T(\d\d:\d\d|MO|AF|EV|NI))?"
    r"|\d{4}-W\d\d(-WE)?|\d{4}-(SP|SU|FA|WI|Q[1-4]|H[12])|XXXX-(SP|SU|FA|WI)"
    r"|PT?(\d+|X)[YMWDHE]"
    r"|XXXX-WXX-[1-7](T(\d\d:\d\d|MO|AF|EV|NI))?)")  # weekday SETs ("Friday nights" = XXXX-WXX-5TNI)


@pytest.mark.parametrize("which", sorted(REFERENCES))
def test_reference_fixture_is_well_formed(which):
    articles = REFERENCES[which]["articles"]
    assert len(articles) == 12
    assert len({name.split("/")[-1].split("_")[0] for name in articles}) == 7  # seven outlets
    for name, ref in articles.items():
        dt.date.fromisoformat(ref["dct"])
        assert re.fullmatch(r"[0-9a-f]{64}", ref["sha256"]), name
        spans = ref["timexes"]
        assert spans == sorted(spans), name
        for (s, e, kind, value), nxt in zip(spans, spans[1:] + [None]):
            assert 0 <= s < e and (nxt is None or e <= nxt[0]), (name, s, e)
            assert kind in {"DATE", "TIME", "DURATION", "SET"}, (name, s, kind)
            assert VALUE.fullmatch(value), (name, s, value)
            assert kind == "SET" or (kind == "TIME") == bool(re.search(r"[\dX]T", value)), (name, s, kind, value)
            assert not value.startswith("XXXX-WXX") or kind == "SET", (name, s, kind, value)


def test_blind_references_are_disjoint_from_the_others():
    stems = {which: {name.split("/")[-1] for name in ref["articles"]} for which, ref in REFERENCES.items()}
    for a, b in itertools.combinations(sorted(stems), 2):
        assert not stems[a] & stems[b], (a, b, sorted(stems[a] & stems[b]))
    assert all(name.startswith("polnear/train/") for name in REFERENCES["blind"]["articles"])


def reference_documents(data_dir, reference=REFERENCE) -> list[TimeMLDocument]:
    docs = []
    for name, ref in reference["articles"].items():
        text = require(data_dir, *name.split("/")).read_text(encoding="utf-8")
        assert hashlib.sha256(text.encode()).hexdigest() == ref["sha256"], f"{name} changed"
        gold = frame([{"timex_id": f"t{i}", "start": s, "end": e, "text": text[s:e], "type": kind, "value": value}
                      for i, (s, e, kind, value) in enumerate(ref["timexes"], 1)], TIMEX_SCHEMA)
        docs.append(TimeMLDocument(doc_id=name, text=text, dct=dt.date.fromisoformat(ref["dct"]),
                                   dct_value=ref["dct"], timexes=gold, events=frame([], EVENT_SCHEMA),
                                   tlinks=frame([], TLINK_SCHEMA)))
    return docs


@pytest.mark.parametrize("which", sorted(REFERENCES))
def test_timexes_on_modern_news_reference(which, data_dir, capsys):
    reference = REFERENCES[which]
    docs = reference_documents(data_dir, reference)
    system = {d.doc_id: nl.timexes(d.text, dct=d.dct) for d in docs}
    scores = score_timeml(system, docs)
    o = scores.overall
    with capsys.disabled():
        print(f"\nmodern-news TIMEX3 reference [{which}] ({int(o['gold'])} gold, {int(o['system'])} system): "
              f"strict P/R/F1 {o['strict_p']:.3f}/{o['strict_r']:.3f}/{o['strict_f1']:.3f}, "
              f"relaxed P/R/F1 {o['relaxed_p']:.3f}/{o['relaxed_r']:.3f}/{o['relaxed_f1']:.3f}, "
              f"type F1 {o['type_f1']:.3f}, value F1 {o['value_f1']:.3f}")
    assert o["gold"] == sum(len(r["timexes"]) for r in reference["articles"].values())
    for key, floor in FLOORS[which].items():
        # blind2/blind3/blind4 are untuned estimates: report only aggregates, never their individual disagreements
        detail = [] if which in UNTUNED else scores.value_errors().to_dict("records")
        assert o[key] >= floor, (key, round(o[key], 4), detail)
