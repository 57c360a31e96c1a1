"""The worked examples W1-W13 of CLINICAL.md section 9, as typed answers and expected outcomes.

Answers are what such a person might type, in their own words where natural; each
script follows the questions the dialog asks that person, in order.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Example:
    name: str
    person: str
    answers: list[str]
    level: str
    then_level: str | None = None
    modifiers: set[str] = field(default_factory=set)
    alternatives: set[str] = field(default_factory=set)
    urgent: bool = False
    crisis: bool = False
    rules: set[str] = field(default_factory=set)


EXAMPLES = [
    Example(
        "W1", "drinks every day, shaky in the mornings, had a seizure the last time they stopped, works full time,"
        " two kids",
        ["1", "for me", "2", "beer", "every day", "8", "shakes, seizure", "twice", "this morning", "no", "no",
         "none", "no", "never", "with my family", "yes", "work, kids", "no", "yes", "through work",
         "stop", "aa"],
        level="inpatient_withdrawal", then_level="iop", modifiers={"evening_schedule"}, urgent=True,
        rules={"alcohol_or_benzo_daily", "complicated_withdrawal_risk", "obligations"},
    ),
    Example(
        "W2", "takes Xanax every day for two years, no seizures, works",
        ["1", "me", "2", "xanax", "every day", "shaky and anxious", "once", "today", "no", "no", "none", "no",
         "never", "my family supports me", "yes", "job", "no", "no", "private", "I want to quit",
         "no preference"],
        level="inpatient_withdrawal", then_level="iop", rules={"alcohol_or_benzo_daily"},
    ),
    Example(
        "W3", "uses fentanyl daily, wants Suboxone, supportive partner, has a job",
        ["1", "me", "2", "fent", "daily", "dope sick", "yesterday", "no", "no", "none", "no", "never", "my partner",
         "yes", "work", "yes", "no", "private", "I want suboxone", "no", "stop", "no preference"],
        level="iop", modifiers={"with_medication", "naloxone"}, rules={"opioids_with_medication"},
    ),
    Example(
        "W4", "pain pills daily, does not want medication, lives alone",
        ["1", "me", "2", "pain pills", "every day", "sick", "today", "no", "no", "none", "no", "never", "alone", "yes",
         "none", "medicaid", "no", "no", "not sure", "no preference"],
        level="inpatient_withdrawal", then_level="iop", modifiers={"naloxone"}, alternatives={"iop"},
        rules={"opioids_without_medication"},
    ),
    Example(
        "W5", "cannabis most weekends, just noticing a problem, student, supportive family",
        ["1", "me", "2", "weed", "weekends", "no", "none", "no", "never", "family", "yes", "school", "yes", "no",
         "1", "cut down", "no preference"],
        level="iop", alternatives={"outpatient"}, rules={"early_problem"},
    ),
    Example(
        "W6", "finished a 28-day residential program last week, back at work",
        ["1", "me", "2", "alcohol", "0", "no", "no", "none", "no", "just finished rehab", "family", "yes", "work",
         "no", "no", "private", "stop", "aa"],
        level="iop", rules={"step_down"},
    ),
    Example(
        "W7", "three years sober, drinking again on weekends for a month, no withdrawal, kids and a job",
        ["1", "me", "2", "drinking", "weekends", "4", "nothing", "last weekend", "no", "no", "none", "no",
         "I was sober for years and started again", "family", "yes", "work and kids", "no", "yes", "private",
         "stop", "aa"],
        level="iop", modifiers={"evening_schedule"}, rules={"relapse_after_sobriety", "obligations"},
    ),
    Example(
        "W8", "methamphetamine, outpatient twice and couldn't stop, roommate uses",
        ["1", "me", "2", "meth", "daily", "no", "none", "no", "tried outpatient", "my roommate uses", "not sure",
         "none", "medicaid", "stop", "no preference"],
        level="residential", rules={"outpatient_did_not_work", "unsafe_home"},
    ),
    Example(
        "W9", "cocaine, says they can't stay away from it at home",
        ["1", "me", "2", "coke", "weekends", "no", "none", "no", "never", "alone", "no, I can't", "yes",
         "work", "yes", "no", "private", "not sure", "no preference"],
        level="residential", alternatives={"iop"}, rules={"cannot_stay_clean_at_home"},
    ),
    Example(
        "W10", "says at the first question they are thinking of ending their life tonight",
        ["I am thinking of ending my life tonight"],
        level="emergency", urgent=True, crisis=True,
    ),
    Example(
        "W11", "methamphetamine, hears voices even when not using",
        ["1", "me", "2", "crystal meth", "every day", "no", "hearing voices", "no", "never", "family", "not sure",
         "none", "medicaid", "stop", "no preference"],
        level="residential", modifiers={"dual_diagnosis"}, rules={"psychosis"},
    ),
    Example(
        "W12", "drinks 3-4 days a week, depression most days, not working, no kids",
        ["1", "me", "2", "alcohol", "3 or 4", "yes", "3", "nothing", "days ago", "no", "no", "depression",
         "yes", "no", "never", "family", "yes", "not working", "medicaid", "cut down", "no preference"],
        level="php", modifiers={"dual_diagnosis"}, rules={"co_occurring", "co_occurring_free_days"},
    ),
    Example(
        "W13", "types 'my friend took a bunch of pills and won't wake up' at any question",
        ["1", "for a friend", "2", "my friend took a bunch of pills and won't wake up"],
        level="emergency", urgent=True, crisis=True,
    ),
]
