"""Whole intakes typed in natural words (no option numbers), one per kind of person the
issue names: a daily drinker, someone on fentanyl, a parent answering for a son. Used by
tests/test_reading.py and the benchmarks; confirmations are answered "yes" by the caller."""

from __future__ import annotations

NATURAL = {
    "a daily drinker": [
        "yeah im ok", "its for me", "im 52", "i drink beer mostly", "pretty much every day", "like 10 or 12 beers",
        "i get the shakes and sweat real bad", "3 or 4 times", "this morning", "no nothing serious", "no im a guy",
        "i get down sometimes", "not really", "no never", "no this is my first time",
        "i live with my wife, she supports me", "probably not honestly", "i work full time", "not really",
        "yeah that would help", "blue cross through my job", "i want to stop", "AA i guess"],
    "someone on fentanyl": [
        "i am safe", "myself", "twenty eight", "fent", "every day multiple times", "i get really sick",
        "last night", "no", "nope", "anxiety", "yes its bad", "no", "i did outpatient twice and it didnt stick",
        "my boyfriend uses too", "no way", "nothing really", "medicaid", "yes id like suboxone", "no",
        "quit for good", "no thanks"],
    "a parent for a son": [
        "yes", "for my son", "hes 19", "he drinks and smokes weed", "weekends mostly", "maybe 6 or 7 beers",
        "most weekends", "i dont know, he wont talk about it", "last saturday", "no hes healthy",
        "hes been really depressed", "yes he stopped going to class", "not that i know of",
        "never had any treatment", "he lives with us, his parents, we support him", "i think so", "hes in college",
        "yes", "yes", "hes on our insurance through my work", "hes not sure", "not now"],
}
