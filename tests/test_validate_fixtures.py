"""`intake validate` on broken dialogs: one fixture per kind of fault, each with the one line
a clinician needs (file, line, where, what to fix), exit 2 and no traceback.

Each fixture is tests/fixtures/minimal.yaml (a small valid dialog) with exactly one fault.
`intake validate` runs in this process (the `intake` fixture, tests/cli_helpers.py); its
real-process test is tests/test_cli.py::test_validate_shipped_dialog.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BROKEN = ROOT / "tests" / "fixtures" / "broken"

# fixture name -> (line, the message it must print)
FAULTS: dict[str, tuple[int, str]] = {
    "not_yaml": (15, "not valid YAML: did not find expected ',' or ']' "
                     "(parsing a flow sequence that starts on line 14)"),
    "empty": (1, "the dialog is empty"),
    "not_utf8": (16, "byte 0xf6 is not UTF-8; save the dialog as UTF-8"),
    "top_level_list": (1, "a dialog file must be a mapping"),
    "missing_text": (14, "question 'who': 'text' is missing; add it"),
    "unknown_kind": (17, "question 'who': kind: must be 'choice', 'multi', 'yes_no', 'number' or 'text',"
                         " not 'dropdown'"),
    "unknown_key": (18, "question 'who': unknown key 'optoins'; check its spelling or remove it"),
    "wrong_type": (4, "dialog: version: should be a valid integer"),
    "two_condition_forms": (65, "rule 'daily_drinking': when: a condition needs exactly one of"),
    "duplicate_question_id": (51, "question 'sick': id 'sick' is used twice (first on line 44)"),
    "duplicate_yaml_key": (17, "key 'text' appears twice in one mapping (first on line 16)"),
    "duplicate_option_value": (20, "question 'who': option value 'self' is used twice"),
    "choice_with_one_option": (18, "question 'who': a choice question needs at least two options"),
    "number_without_range": (36, "question 'days': a number question needs 'number: {min: ..., max: ...}'"),
    "unknown_section": (15, "question 'who': unknown section 'abuot'"),
    "unknown_goto": (42, "question 'days': goes to unknown question 'sickk'"),
    "unknown_slot": (65, "rule 'daily_drinking': unknown slot 'dayz'"),
    "unknown_option_value": (72, "rule 'opioid_sick': 'substances' has no option 'heroin'; options are: alcohol, "
                                 "opioids"),
    "unknown_floor": (74, "rule 'opioid_sick': unknown level 'intensive'; levels are: emergency,"),
    "note_levels_unknown": (80, "rule 'cost_note': unknown level 'residental'; levels are: emergency,"),
    "levels_on_a_floor_rule": (67, "rule 'daily_drinking': 'levels' limits where a note is shown"),
    "unknown_modifier": (75, "rule 'opioid_sick': unknown modifier 'narcan'; modifiers are: naloxone"),
    "unknown_alternative_level": (75, "rule 'opioid_sick': alternative names unknown level 'counselling'"),
    "unknown_crisis_kind": (20, "question 'who': unknown crisis kind 'panic'; known: suicide"),
    "unknown_placeholder": (67, "rule 'daily_drinking': placeholder '{dayz}' is not a question id"),
    "unreachable_question": (51, "question 'orphan': is never reached from the start question 'who'"),
    "no_way_out": (44, "question 'sick': has no way out"),
    "no_default_way_out": (31, "question 'substances': has no way out when none of its conditions hold"),
    "two_default_ways_out": (43, "question 'days': has two ways out with no condition"),
    "loop": (24, "questions form a loop: substances -> days -> substances"),
    "impossible_number": (65, "rule 'daily_drinking': can never be true: 'days' is between 0 and 7, so 'gt 7' never "
                              "holds"),
    "contradiction": (70, "rule 'opioid_sick': can never fire: 'sick' cannot be both 'yes' and 'no'"),
    "includes_on_yes_no": (73, "rule 'opioid_sick': 'includes' works only on multi questions; 'sick' is yes_no"),
    "in_needs_list": (72, "rule 'opioid_sick': 'in' needs a list of values"),
    "rule_defined_later": (65, "rule 'daily_drinking': refers to rule 'opioid_sick', which is defined below this one; "
                               "move it up"),
    "missing_string": (121, "strings: missing string 'welcome'; add it under 'strings'"),
    "crisis_pattern_matches_nothing": (119, "concept 'wish_to_die': 'really? just?' can match without any word (every "
                                            "part is optional); make one word required"),
    "crisis_pattern_regex": (119, "concept 'wish_to_die': '(a+)+$': $ + is regular-expression syntax, which is not"
                                  " allowed; write words, a|b, (several words|others), {set}, word?, word*,"
                                  " !word or ..."),
    "crisis_unknown_word_set": (119, "concept 'wish_to_die': unknown word set '{me}'; sets are: self"),
    "escape_code_in_text": (122, "strings: welcome_title: contains a control character (U+001B), such as a terminal"
                                 " escape code; remove it"),
    "bad_crisis_pattern": (119, "concept 'wish_to_die': '(kill myself': a '(' without its ')'"),
    "bad_scope_pattern": (113, "scope 'stories': '(movie|film about': a '(' without its ')'"),
    "synonym_gap_at_end": (29, "question 'substances': synonym 'drink ...': '...' stands between words, not at an end"),
    "signs_without_context": (120, "concept 'wish_to_die': signs need 'signs_with': what was taken, said with them"),
    "bad_id": (44, "question 'Sick-Now': id: 'Sick-Now' is not a valid id; use lower-case letters"),
    "unknown_start": (7, "dialog: start question 'whoo' does not exist"),
    "unknown_other_person_value": (8, "dialog: 'who' has no option 'someone'; options are: other, self"),
    "unknown_fallback_level": (79, "fallback: unknown level 'outpatiant'"),
    "unknown_then_level": (53, "level 'inpatient_withdrawal': unknown level 'iopp'"),
    "unknown_modifier_level": (61, "modifier 'naloxone': unknown level 'detox'"),
    "unknown_next_step_level": (85, "next step 'assessment': unknown level 'rehab'"),
    "unknown_resource": (106, "crisis 'suicide': unknown resource 'r112'"),
    "no_emergency_level": (51, "levels: a level with id 'emergency' is needed for crisis results"),
    "duplicate_rule_id": (69, "rule 'daily_drinking': id 'daily_drinking' is used twice (first on line 64)"),
    "min_above_max": (40, "question 'days': number: min 7 is above max 0"),
    "unknown_op": (73, "rule 'opioid_sick': when.all.op: must be 'eq', 'ne',"),
    "two_documents": (86, "not valid YAML: but found another document"),
    "tab_indent": (15, "not valid YAML: found a tab character that violates indentation"),
    "only_comments": (1, "the dialog holds no data"),
    "nul_byte": (16, "the dialog contains a NUL byte"),
    "broken_placeholder": (67, "rule 'daily_drinking': the text has a broken placeholder"),
    "number_on_choice": (18, "question 'who': 'number' belongs only to number questions"),
    "options_on_yes_no": (48, "question 'sick': a yes_no question takes no options"),
    "way_out_after_default": (35, "question 'substances': a way out listed after the one with no condition is"
                                  " never taken"),
    "number_compared_to_text": (65, "rule 'daily_drinking': 'days' is a number; compare it with a number, not '5'"),
    "gt_on_choice": (65, "rule 'daily_drinking': 'gt' works only on number questions; 'who' is choice"),
    "condition_without_op": (65, "rule 'daily_drinking': when: a slot condition needs an op"),
    # checks added after a review found them missing
    "string_unknown_placeholder": (127, "strings: 'reask_choice' uses the placeholder {count}, which is never filled "
                                        "in; it can use: {n}, {options}"),
    "number_word_out_of_range": (40, "question 'days': the word 'every day' means 9, outside 0 to 7"),
    "duplicate_resource_id": (95, "resource 'r911': id 'r911' is used twice"),
    "reserved_question_id": (51, "question 'crisis': 'crisis' is reserved by the program"),
    "unquoted_yes": (73, "'sick' has no option True: YAML reads a bare yes/no as true/false; write \"yes\" or \"no\" "
                         "in quotes"),
    "rule_in_question_branch": (32, "question 'substances': a question's branches cannot test rules"),
    "next_step_unknown_rule": (85, "next step 'assessment': unknown rule 'daily_drinkin'; rules are: daily_drinking, "
                                   "opioid_sick"),
    "value_of_wrong_type": (65, "rule 'daily_drinking': when.value: should be a valid string"),
    "range_without_reads": (19, "question 'who': an option 'range' needs the question to say what it 'reads'"),
    "range_backwards": (20, "question 'who': range runs from 64 down to 18; write the low value first"),
    "reads_without_ranges": (18, "question 'who': the question reads age, but no option has a 'range'"),
    "unknown_reads": (18, "question 'who': reads: must be 'age', 'frequency', 'count' or 'time_ago', not 'weight'"),
    "two_unsure_options": (18, "question 'who': only one option can mean 'unsure' (found self, other)"),
    "reserved_unknown_value": (20, "question 'who': 'unknown' is reserved for answers nobody knows"),
    "within_days_without_no": (18, "question 'who': 'within_days' needs an option with 'means: no'"),
    "answered_by_unknown_slot": (18, "question 'who': 'answered_by' reads the words of an earlier question;"
                                     " 'nowhere' is not one"),
    "typos_too_short": (115, "typos: pattern_words_from is 4: typo tolerance starts at 6 letters (or 0, for only"
                             " the listed words)"),
    "no_language_for_locale": (5, "dialog: no language file for locale 'xx': add language/xx.yaml beside the dialog"),
}
# faults that honestly produce more than one line: the bad id is also used by two gotos
ALSO: dict[str, list[tuple[int, str]]] = {
    "bad_id": [(34, "question 'substances': next.goto: 'Sick-Now' is not a valid id"),
               (42, "question 'days': next.goto: 'Sick-Now' is not a valid id")],
}


@pytest.mark.parametrize("name", sorted(FAULTS))
def test_broken_dialog_gets_its_one_line(name: str, intake) -> None:  # noqa: ANN001
    rel = f"tests/fixtures/broken/{name}.yaml"
    proc = intake("validate", rel)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 2, out
    assert "Traceback" not in out
    lines = [said for said in out.splitlines() if said.strip()]
    expected = [FAULTS[name], *ALSO.get(name, [])]
    assert len(lines) == len(expected), out
    for line, message in expected:
        assert any(said.startswith(f"{rel}:{line}: ") and message in said for said in lines), \
            f"{line}: {message}\n{out}"


def test_every_fixture_has_its_assertion() -> None:
    assert {p.stem for p in BROKEN.glob("*.yaml")} == set(FAULTS)


@pytest.mark.parametrize("path", ["tests/fixtures/minimal.yaml", "dialogs/intake.yaml"])
def test_good_dialogs_validate(path: str, intake) -> None:  # noqa: ANN001
    proc = intake("validate", path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.startswith(f"{path}: ok")


def test_several_files_report_each_and_fail_together(intake) -> None:  # noqa: ANN001
    proc = intake("validate", "tests/fixtures/minimal.yaml", "tests/fixtures/broken/unknown_goto.yaml")
    assert proc.returncode == 2
    assert "tests/fixtures/minimal.yaml: ok" in proc.stdout and "unknown_goto.yaml:42:" in proc.stdout


def test_missing_file_is_named(intake) -> None:  # noqa: ANN001
    proc = intake("validate", "tests/fixtures/nope.yaml")
    assert proc.returncode == 2 and "tests/fixtures/nope.yaml:1: cannot read the dialog" in proc.stdout


LANGUAGE = ROOT / "dialogs" / "language" / "en.yaml"


@pytest.mark.parametrize("old, new, message", [
    ('  most days: [5, 6]', '  most days: [6, 5]', "frequencies: 'most days' runs from 6 down to 5"),
    ('"yes": ["yes",', '"yes": ["nope", "yes",', "no: 'nope' is listed under both yes and no"),
    ('negators: [', 'negatorz: [', "unknown key 'negatorz'"),
    ('parts: {half: 0.5,', 'parts: {half: 5,', "parts: half: should be less than or equal to 1"),
    ('option_places: {first: 1,', 'option_places: {first: -3,', "option_places: first: should be greater than"),
])
def test_a_broken_language_file_beside_the_dialog_is_named(tmp_path: Path, old: str, new: str, message: str,
                                                           intake) -> None:  # noqa: ANN001
    """A translated dialog brings language/<locale>.yaml; its faults name that file and line."""
    (tmp_path / "language").mkdir()
    text = LANGUAGE.read_text(encoding="utf-8")
    assert old in text
    (tmp_path / "language" / "en.yaml").write_text(text.replace(old, new, 1), encoding="utf-8")
    (tmp_path / "dialog.yaml").write_text((ROOT / "tests" / "fixtures" / "minimal.yaml").read_text(encoding="utf-8"))
    proc = intake("validate", "dialog.yaml", cwd=tmp_path)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 2 and "Traceback" not in out
    assert out.startswith("language/en.yaml:") and message in out, out
