"""Each rule of CLINICAL.md section 4, and how rules combine into one recommendation."""

from __future__ import annotations

from typing import Any

import pytest

from chatbot.engine import Engine
from chatbot.recommend import Recommendation, recommend

BASE: dict[str, Any] = {
    "safety_now": "safe", "for_whom": "self", "age_group": "adult", "serious_illness": "no",
    "mental_health": ("none",), "suicidal_thoughts": "no", "treatment_history": ("helped",),
    "home": ("supportive",), "stay_clean_home": "yes", "obligations": ("none",), "insurance": "private",
    "support_groups": "no_preference",
}


def rec(engine: Engine, crisis: tuple[str, ...] = (), **answers: Any) -> Recommendation:
    merged = {**BASE, **answers}
    merged = {k: v for k, v in merged.items() if v is not None}
    return recommend(engine.dialog, merged, {k: str(v) for k, v in merged.items()}, crisis)


def fired(r: Recommendation) -> set[str]:
    return set(r.fired)


ALCOHOL_DAILY = dict(substances=("alcohol",), alcohol_days=6, alcohol_drinks=6, withdrawal_signs=("shakes",),
                     withdrawal_times="few", pregnant="no")


def test_alcohol_nearly_daily_needs_supervised_withdrawal(engine: Engine) -> None:
    r = rec(engine, **ALCOHOL_DAILY)
    assert "alcohol_or_benzo_daily" in fired(r)
    assert r.level.id == "inpatient_withdrawal" and r.then is not None and r.then.id == "iop"
    assert not r.urgent


def test_four_days_of_drinking_is_not_daily(engine: Engine) -> None:
    r = rec(engine, **{**ALCOHOL_DAILY, "alcohol_days": 4})
    assert "alcohol_or_benzo_daily" not in fired(r)


def test_benzos_daily_needs_supervised_withdrawal(engine: Engine) -> None:
    r = rec(engine, substances=("benzos",), benzo_freq="daily", withdrawal_signs=("never_stopped",), pregnant="no")
    assert "alcohol_or_benzo_daily" in fired(r) and r.level.id == "inpatient_withdrawal"


@pytest.mark.parametrize("risk", [
    {"withdrawal_signs": ("seizure",)},
    {"withdrawal_signs": ("hallucinations",)},
    {"withdrawal_signs": ("dts",)},
    {"withdrawal_times": "many"},
    {"age_group": "over_65"},
    {"serious_illness": "yes"},
    {"pregnant": "yes"},
    {"substances": ("alcohol", "benzos"), "benzo_freq": "weekly"},
])
def test_complicated_withdrawal_is_urgent(engine: Engine, risk: dict[str, Any]) -> None:
    r = rec(engine, **{**ALCOHOL_DAILY, **risk})
    assert "complicated_withdrawal_risk" in fired(r)
    assert r.level.id == "inpatient_withdrawal" and r.urgent


def test_risk_factors_without_daily_use_are_not_withdrawal_risk(engine: Engine) -> None:
    r = rec(engine, substances=("alcohol",), alcohol_days=2, alcohol_drinks=3, withdrawal_signs=("nothing",),
            age_group="over_65", pregnant="no")
    assert "complicated_withdrawal_risk" not in fired(r)
    assert r.level.id != "inpatient_withdrawal"


OPIOIDS = dict(substances=("opioids",), opioid_freq="daily", withdrawal_signs=("sick",), pregnant="no",
               opioid_break="no")


@pytest.mark.parametrize("openness", ["yes", "unsure"])
def test_opioids_open_to_medication(engine: Engine, openness: str) -> None:
    r = rec(engine, **OPIOIDS, medication_open=openness)
    assert "opioids_with_medication" in fired(r)
    assert r.level.id == "iop"
    assert {m.id for m in r.modifiers} == {"with_medication", "naloxone"}


def test_opioids_daily_without_medication(engine: Engine) -> None:
    r = rec(engine, **OPIOIDS, medication_open="no")
    assert "opioids_without_medication" in fired(r)
    assert r.level.id == "inpatient_withdrawal" and {m.id for m in r.modifiers} == {"naloxone"}
    assert [(a.level.id, [m.id for m in a.modifiers]) for a in r.alternatives] == [("iop", ["with_medication"])]


def test_opioid_alternative_is_dropped_when_alcohol_also_needs_detox(engine: Engine) -> None:
    r = rec(engine, **{**OPIOIDS, **ALCOHOL_DAILY, "substances": ("alcohol", "opioids")}, medication_open="no")
    assert r.level.id == "inpatient_withdrawal"
    assert r.alternatives == []  # IOP would be below the alcohol withdrawal floor


def test_recent_suicidal_thoughts(engine: Engine) -> None:
    r = rec(engine, suicidal_thoughts="recent")
    assert "suicidal_thoughts_recent" in fired(r)
    assert r.level.id == "residential" and "dual_diagnosis" in {m.id for m in r.modifiers}
    assert any("988" in step for step in r.next_steps)


def test_a_suicide_crisis_the_person_continued_from_counts_as_recent_thoughts(engine: Engine) -> None:
    r = rec(engine, crisis=("suicide",))
    assert "suicidal_thoughts_recent" in fired(r) and r.crisis


def test_psychosis(engine: Engine) -> None:
    r = rec(engine, mental_health=("voices",))
    assert "psychosis" in fired(r) and r.level.id == "residential"
    assert {m.id for m in r.modifiers} == {"dual_diagnosis"}


def test_co_occurring_with_daytime_duties_adds_dual_diagnosis_only(engine: Engine) -> None:
    r = rec(engine, mental_health=("anxiety",), mental_health_impact="yes", obligations=("work",), time_off="yes",
            evening="no")
    assert "co_occurring" in fired(r) and "co_occurring_free_days" not in fired(r)
    assert "dual_diagnosis" in {m.id for m in r.modifiers}


def test_co_occurring_with_free_days_is_php(engine: Engine) -> None:
    r = rec(engine, mental_health=("trauma",), mental_health_impact="yes")
    assert "co_occurring_free_days" in fired(r) and r.level.id == "php"


def test_mental_health_that_does_not_get_in_the_way_does_not_fire(engine: Engine) -> None:
    r = rec(engine, mental_health=("anxiety",), mental_health_impact="no")
    assert "co_occurring" not in fired(r)


def test_outpatient_did_not_work(engine: Engine) -> None:
    r = rec(engine, treatment_history=("outpatient_failed",))
    assert "outpatient_did_not_work" in fired(r) and r.level.id == "residential"


def test_cannot_stay_clean_at_home(engine: Engine) -> None:
    r = rec(engine, stay_clean_home="no")
    assert "cannot_stay_clean_at_home" in fired(r) and r.level.id == "residential"
    assert [(a.level.id, [m.id for m in a.modifiers]) for a in r.alternatives] == [("iop", ["sober_living"])]


@pytest.mark.parametrize("home", [("someone_uses",), ("substances_at_home",), ("unstable",)])
def test_unsafe_home(engine: Engine, home: tuple[str, ...]) -> None:
    r = rec(engine, home=home)
    assert "unsafe_home" in fired(r) and r.level.id == "iop"
    assert {m.id for m in r.modifiers} == {"sober_living"}


def test_unsafe_home_and_cannot_stay_clean_is_residential_without_sober_living(engine: Engine) -> None:
    r = rec(engine, home=("someone_uses",), stay_clean_home="no")
    assert r.level.id == "residential"
    assert "sober_living" not in {m.id for m in r.modifiers}  # you live at the facility


@pytest.mark.parametrize("history, rule", [
    (("just_left",), "step_down"), (("relapse",), "relapse_after_sobriety"), (("in_and_out",), "in_and_out_for_years"),
])
def test_history_rules_set_iop(engine: Engine, history: tuple[str, ...], rule: str) -> None:
    r = rec(engine, treatment_history=history)
    assert rule in fired(r) and r.level.id == "iop"


def test_early_problem(engine: Engine) -> None:
    r = rec(engine, substances=("cannabis",), other_freq="weekly", treatment_history=("never",))
    assert "early_problem" in fired(r) and r.level.id == "iop"
    assert [a.level.id for a in r.alternatives] == ["outpatient"]


def test_daily_use_is_not_an_early_problem(engine: Engine) -> None:
    r = rec(engine, substances=("cannabis",), other_freq="daily", treatment_history=("never",))
    assert "early_problem" not in fired(r)


def test_mild_use_is_support_groups(engine: Engine) -> None:
    r = rec(engine, substances=("cannabis",), other_freq="less", treatment_history=("never",))
    assert "mild_use" in fired(r) and r.level.id == "support"
    assert [a.level.id for a in r.alternatives] == ["outpatient"]


def test_mild_use_gives_way_to_any_other_floor(engine: Engine) -> None:
    r = rec(engine, substances=("cannabis",), other_freq="less", treatment_history=("just_left",))
    assert "mild_use" not in fired(r) and r.level.id == "iop"


def test_mild_use_needs_confidence_at_home(engine: Engine) -> None:
    r = rec(engine, substances=("cannabis",), other_freq="less", stay_clean_home="unsure")
    assert "mild_use" not in fired(r)


def test_obligations_with_evening_preference(engine: Engine) -> None:
    r = rec(engine, treatment_history=("relapse",), obligations=("work", "children"), time_off="no", evening="yes")
    assert "obligations" in fired(r) and "evening_schedule" in {m.id for m in r.modifiers}


def test_evening_schedule_does_not_attach_to_residential(engine: Engine) -> None:
    r = rec(engine, stay_clean_home="no", obligations=("children",), evening="yes")
    assert r.level.id == "residential" and "evening_schedule" not in {m.id for m in r.modifiers}
    assert any("childcare" in step for step in r.next_steps)


def test_uninsured_get_the_samhsa_helpline(engine: Engine) -> None:
    r = rec(engine, insurance="none")
    assert "cost_and_insurance" in fired(r)
    assert any("1-800-662-4357" in step for step in r.next_steps)
    assert not any("Call your insurance company" in step for step in r.next_steps)


def test_insured_are_told_to_ask_their_insurer(engine: Engine) -> None:
    r = rec(engine, insurance="private")
    assert any("Call your insurance company" in step for step in r.next_steps)


def test_recent_break_from_opioids_adds_naloxone_warning(engine: Engine) -> None:
    r = rec(engine, **{**OPIOIDS, "opioid_freq": "weekly", "opioid_break": "yes"}, medication_open="yes")
    assert "recent_abstinence_opioids" in fired(r)
    assert "naloxone" in {m.id for m in r.modifiers}


def test_no_rule_falls_back_to_outpatient(engine: Engine) -> None:
    r = rec(engine, substances=("cannabis",), other_freq="daily")
    assert r.level.id == "outpatient" and r.reasons[0].rule == "fallback"


def test_highest_floor_wins_and_every_reason_is_listed(engine: Engine) -> None:
    r = rec(engine, treatment_history=("relapse", "outpatient_failed"), home=("someone_uses",))
    assert r.level.id == "residential"
    assert {"relapse_after_sobriety", "outpatient_did_not_work", "unsafe_home"} <= fired(r)


def test_then_level_is_the_highest_treatment_floor(engine: Engine) -> None:
    r = rec(engine, **ALCOHOL_DAILY, treatment_history=("outpatient_failed",))
    assert r.level.id == "inpatient_withdrawal" and r.then is not None and r.then.id == "residential"


def test_reasons_quote_the_persons_own_words(engine: Engine) -> None:
    answers = {**BASE, **ALCOHOL_DAILY}
    quotes = {k: str(v) for k, v in answers.items()}
    quotes["alcohol_days"] = "pretty much every day"
    r = recommend(engine.dialog, answers, quotes)
    reason = next(x for x in r.reasons if x.rule == "alcohol_or_benzo_daily")
    assert [q.answer for q in reason.quotes] == ["pretty much every day"]


def test_same_answers_same_result(engine: Engine) -> None:
    first = rec(engine, **ALCOHOL_DAILY, treatment_history=("relapse",), home=("unstable",))
    again = rec(engine, **ALCOHOL_DAILY, treatment_history=("relapse",), home=("unstable",))
    assert first.model_dump() == again.model_dump()


def test_result_always_says_it_is_not_a_diagnosis(engine: Engine) -> None:
    r = rec(engine)
    assert "not a diagnosis" in r.notice and r.checklist


def test_reasons_for_less_care_are_not_listed_as_why_we_suggest_more(engine: Engine) -> None:
    """Residential care's "why we suggest this" listed "IOP is a smaller step than rehab"."""
    from chatbot.summary import result_parts
    from worked_examples import EXAMPLES

    example = next(e for e in EXAMPLES if e.name == "W9")
    session = engine.session()
    session.start()
    for answer in example.answers:
        session.answer(answer)
    result = session.result
    assert result is not None and result.level.id == "residential"
    parts = {p.heading: [item for item, _ in p.items] for p in result_parts(engine.dialog, result)}
    why = parts[engine.dialog.s("because")]
    less = parts[engine.dialog.s("because_less")]
    rank = engine.dialog.level_rank
    below = [r.text for r in result.reasons if r.floor and rank[r.floor] < rank["residential"]]
    assert below and set(below) == set(less) and not set(below) & set(why)
    session.close()


def test_a_note_about_iop_costs_is_not_shown_with_residential_care(engine: Engine) -> None:
    """"Also good to know" told someone sent to residential care that IOP costs less."""
    from worked_examples import EXAMPLES

    for name, shown in (("W9", False), ("W3", True)):
        session = engine.session()
        session.start()
        for answer in next(e for e in EXAMPLES if e.name == name).answers:
            session.answer(answer)
        result = session.result
        assert result is not None
        assert ("cost_and_insurance" in [n.rule for n in result.notes]) is shown, (name, result.level.id)
        session.close()
