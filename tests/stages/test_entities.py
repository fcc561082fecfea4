"""Entities on sentences written for these tests."""

from __future__ import annotations

from newsdesk.model import Article, Entity
from newsdesk.pipeline import Pipeline


def entities(pipeline: Pipeline, text: str, published: str | None = None) -> dict[str, Entity]:
    article = pipeline.run(Article(source="t", original=text, published=published))
    return {e.canonical: e for e in article.entities}


def test_place_names_and_historic_names_resolve_to_geonames(pipeline: Pipeline) -> None:
    found = entities(
        pipeline,
        "Flights from Alma-Ata to Nur-Sultan resumed. Burma and Byelorussia sent observers "
        "to Rotterdam.",
    )
    assert found["Almaty"].geonames_id == 1526384
    assert found["Astana"].geonames_id == 1526273
    assert found["Myanmar"].type == "PLACE"
    assert found["Belarus"].type == "PLACE"
    assert found["Rotterdam"].country_code == "NL"


def test_people_named_like_towns_stay_people(pipeline: Pipeline) -> None:
    found = entities(
        pipeline, "Hillary Clinton met Barack Obama in Paris. Clinton said the talks went well."
    )
    assert found["Hillary Clinton"].type == "PERSON"
    assert len(found["Hillary Clinton"].mentions) == 2
    assert found["Barack Obama"].type == "PERSON"
    assert found["Paris"].type == "PLACE"


def test_aliases_and_acronyms_take_the_canonical_name(pipeline: Pipeline) -> None:
    found = entities(pipeline, "The CSTO and NATO met. Kassym-Zhomart Tokayev spoke first.")
    assert "Collective Security Treaty Organization" in found
    assert "North Atlantic Treaty Organization" in found
    assert "Kassym-Jomart Tokayev" in found


def test_office_resolves_with_the_publication_date_only(pipeline: Pipeline) -> None:
    text = "The President of Kazakhstan opened the session."
    dated = entities(pipeline, text, published="2018-06-01")
    assert [m.text for m in dated["Nursultan Nazarbayev"].mentions] == [
        "The President of Kazakhstan"
    ]
    assert "Kassym-Jomart Tokayev" in entities(pipeline, text, published="2022-01-10")
    undated = entities(pipeline, text)
    assert "Kassym-Jomart Tokayev" not in undated and "Nursultan Nazarbayev" not in undated


def test_office_resolves_to_the_titled_person_in_the_article(pipeline: Pipeline) -> None:
    text = (
        "The President of Freedonia said the talks failed. President Rufus T. Firefly left early."
    )
    found = entities(pipeline, text)
    mentions = [m.text for m in found["Rufus T. Firefly"].mentions]
    assert mentions == ["The President of Freedonia", "President Rufus T. Firefly"]


def test_a_name_with_an_article_is_no_person(pipeline: Pipeline) -> None:
    found = entities(
        pipeline,
        "Flood\n\nThe Morava burst its banks on Wednesday night and flooded three villages.",
    )
    assert found["Morava"].type == "PLACE"


def test_a_person_named_in_apposition_is_a_person(pipeline: Pipeline) -> None:
    found = entities(
        pipeline,
        "Fire at the museum\n\nThe museum's curator, Helena Marques, said the paintings were safe.",
    )
    assert found["Helena Marques"].type == "PERSON"


def test_common_nouns_opening_a_sentence_are_no_entity(pipeline: Pipeline) -> None:
    found = entities(pipeline, "Commuters welcomed the plan. Pensioners said fares were high.")
    assert "Commuters" not in found
    assert "Pensioners" not in found


def test_a_name_ending_as_an_outlet_or_body_s_does_is_no_person(pipeline: Pipeline) -> None:
    found = entities(
        pipeline,
        "Readers of the Kestrel Gazette wrote to the Gazette about the ferry. "
        "Margaret Court praised the crew.",
    )
    assert {e.type for name, e in found.items() if "Gazette" in name} == {"ORG"}
    assert found["Margaret Court"].type == "PERSON"


def test_a_name_in_apposition_to_an_organisation_noun_is_an_organisation(
    pipeline: Pipeline,
) -> None:
    found = entities(
        pipeline,
        "Dam approved\n\nThe dam, built by the company Torrelba Hídrica, will open in 2027. "
        "Its engineer, Maria Olsen, said the works were on time.",
    )
    assert found["Torrelba Hídrica"].type == "ORG"
    assert found["Maria Olsen"].type == "PERSON"


def test_a_city_s_other_names_need_to_read_as_a_place(pipeline: Pipeline) -> None:
    found = entities(
        pipeline,
        "The National Institute on Drug Abuse funded the study. Tor, a publisher, printed it. "
        "A ferry left Alma-Ata for Hayward, Calif., and Washington, D.C., on Monday.",
    )
    assert all(e.geonames_id != 1272181 for e in found.values())  # Durg, called "Drug"
    assert all(e.geonames_id != 693468 for e in found.values())  # Slovyansk, called "Tor"
    assert found["Almaty"].geonames_id == 1526384
    assert found["California"].geonames_id == 5332921
    assert found["Washington"].geonames_id == 4140963


def test_an_unknown_place_in_apposition_to_an_organisation_noun_is_an_organisation(
    pipeline: Pipeline,
) -> None:
    found = entities(
        pipeline,
        "Streaming\n\nNetflix will not open offices in Kenya. Prices rose at Netflix, the "
        "streaming company, in March.",
    )
    assert found["Netflix"].type == "ORG"
    assert len(found["Netflix"].mentions) == 2  # the other mention is the company's too
    assert found["Kenya"].type == "PLACE"  # a place the gazetteer knows stays one
