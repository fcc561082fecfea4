"""One name per speaker across the corpus: the pure rules of newsdesk.lang.speaker_names."""

from __future__ import annotations

import pytest

from newsdesk.lang.speaker_names import PersonKey, corpus_names, person_key, same_first_name


def people(*rows: tuple[str, int]) -> dict[str, str]:
    """Corpus names of person speakers given as (name, statements)."""
    names = corpus_names((name, "person", statements) for name, statements in rows)
    return {name: canonical for (name, _), canonical in names.items()}


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Donald J. Trump", PersonKey("donald", "trump")),
        ("President Donald Trump", PersonKey("donald", "trump")),
        ("DONALD TRUMP", PersonKey("donald", "trump")),
        ("Martin Luther King Jr.", PersonKey("martin", "king")),
        ("Sen. Bernie Sanders III", PersonKey("bernie", "sanders")),
        ("Trump", PersonKey("", "trump")),
        ("Mr. Trump", PersonKey("", "trump")),
        ("Marieke de Vries", PersonKey("marieke", "de vries")),
        ("de Vries", PersonKey("", "de vries")),
        ("Al Gore", PersonKey("al", "gore")),
        ("Peter Horváth", PersonKey("peter", "horvath")),
        ("Kassym-Jomart Tokayev", PersonKey("kassymjomart", "tokayev")),
        ("J. Smith", PersonKey("j", "smith")),
        ("president", None),
        ("", None),
    ],
)
def test_a_name_is_keyed_by_first_name_and_surname(name: str, key: PersonKey | None) -> None:
    assert person_key(name) == key


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("william", "bill", True),
        ("joseph", "joe", True),
        ("michael", "mike", True),
        ("sergei", "sergey", True),
        ("kassymzhomart", "kassymjomart", True),
        ("barack", "michelle", False),
        ("daniel", "danielle", False),
        ("mario", "maria", False),
        ("patrick", "patricia", False),
        ("mark", "mary", False),
        ("mason", "madison", False),
        ("j", "john", False),
    ],
)
def test_first_names_that_can_name_one_person(a: str, b: str, same: bool) -> None:
    assert same_first_name(a, b) is same
    assert same_first_name(b, a) is same


def test_trump_donald_trump_and_donald_j_trump_are_one_speaker() -> None:
    names = people(("Donald Trump", 4), ("Donald J. Trump", 9), ("Trump", 20), ("Mr Trump", 1))
    assert set(names.values()) == {"Donald J. Trump"}


def test_the_corpus_name_is_the_most_quoted_variant_then_the_longer_then_alphabetical() -> None:
    assert people(("Donald Trump", 10), ("Donald J. Trump", 9))["Donald J. Trump"] == (
        "Donald Trump"
    )
    assert people(("Donald Trump", 9), ("Donald J. Trump", 9))["Donald Trump"] == (
        "Donald J. Trump"
    )
    assert people(("Bill Clinton", 3), ("Will Clinton", 3))["Bill Clinton"] == "Bill Clinton"
    # A name in capitals gives way to the same name written normally.
    assert people(("DONALD TRUMP", 2), ("Donald Trump", 2))["DONALD TRUMP"] == "Donald Trump"
    # A surname alone never becomes the corpus name of a full-name person.
    assert people(("Trump", 50), ("Donald Trump", 1))["Trump"] == "Donald Trump"


def test_short_forms_and_spelling_variants_join() -> None:
    names = people(("William Jefferson Clinton", 2), ("Bill Clinton", 5))
    assert set(names.values()) == {"Bill Clinton"}
    names = people(("Kassym-Zhomart Tokayev", 1), ("Kassym-Jomart Tokayev", 6))
    assert set(names.values()) == {"Kassym-Jomart Tokayev"}


def test_people_who_share_a_surname_stay_apart() -> None:
    names = people(("Barack Obama", 6), ("Michelle Obama", 4), ("Obama", 10))
    assert names["Barack Obama"] == "Barack Obama"
    assert names["Michelle Obama"] == "Michelle Obama"
    # Barack has 60% of the full-name statements: "Obama" joins neither.
    assert names["Obama"] == "Obama"
    names = people(("Daniel Craig", 3), ("Danielle Craig", 3))
    assert names["Daniel Craig"] != names["Danielle Craig"]


def test_a_surname_alone_joins_a_person_with_at_least_80_percent() -> None:
    assert people(("Barack Obama", 8), ("Michelle Obama", 2), ("Obama", 5))["Obama"] == (
        "Barack Obama"
    )
    assert people(("Barack Obama", 79), ("Michelle Obama", 21), ("Obama", 5))["Obama"] == "Obama"
    # The only full-name person with the surname takes it whatever the counts.
    assert people(("Michelle Obama", 1), ("Obama", 40))["Obama"] == "Michelle Obama"


def test_unjoined_surnames_are_one_name_up_to_case() -> None:
    names = people(("Obama", 3), ("OBAMA", 1), ("Barack Obama", 1), ("Michelle Obama", 1))
    assert names["OBAMA"] == names["Obama"] == "Obama"


def test_an_initial_joins_the_person_whose_first_name_it_begins() -> None:
    names = people(("Barack Obama", 1), ("Michelle Obama", 9), ("B. Obama", 2), ("M. Obama", 1))
    assert names["B. Obama"] == "Barack Obama"
    assert names["M. Obama"] == "Michelle Obama"


def test_a_particle_alone_before_a_surname_joins_the_full_name() -> None:
    names = people(("Osama bin Laden", 3), ("Bin Laden", 2), ("de Vries", 1), ("Jan de Vries", 1))
    assert names["Bin Laden"] == "Osama bin Laden"
    assert names["de Vries"] == "Jan de Vries"


def test_organisations_and_groups_are_one_up_to_case_and_the() -> None:
    names = corpus_names(
        [
            ("the Republican Party", "organisation", 2),
            ("Republican Party", "organisation", 2),
            ("REPUBLICAN PARTY", "organisation", 1),
            ("Republicans", "group", 3),
            ("The Republicans", "group", 1),
            ("Republican National Committee", "organisation", 4),
        ]
    )
    assert names[("the Republican Party", "organisation")] == "Republican Party"
    assert names[("REPUBLICAN PARTY", "organisation")] == "Republican Party"
    assert names[("The Republicans", "group")] == "Republicans"
    assert names[("Republican National Committee", "organisation")] == (
        "Republican National Committee"
    )


def test_other_types_keep_their_names_and_types_stay_apart() -> None:
    rows = [
        ("officials", "anonymous", 4),
        ("Officials", "anonymous", 1),
        ("the report", "document", 2),
        ("the source", "unknown", 1),
        ("Jordan", "organisation", 1),
        ("Jordan", "person", 1),
        ("Michael Jordan", "person", 3),
        ("someone", None, 1),
    ]
    names = corpus_names(rows)
    assert len(names) == len(rows)
    assert names[("Officials", "anonymous")] == "Officials"
    assert names[("the report", "document")] == "the report"
    assert names[("someone", None)] == "someone"
    assert names[("Jordan", "person")] == "Michael Jordan"
    assert names[("Jordan", "organisation")] == "Jordan"
