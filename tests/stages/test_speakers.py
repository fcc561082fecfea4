"""Speaker resolution within an article."""

from __future__ import annotations

from newsdesk.model import Article
from newsdesk.pipeline import Pipeline


def speakers(pipeline: Pipeline, text: str) -> list[tuple[str | None, str | None, str | None]]:
    article = pipeline.run(Article(source="t", original=text))
    return [(q.source, q.speaker, q.speaker_type) for q in article.quotes]


def test_surname_title_and_pronoun_resolve_to_one_person(pipeline: Pipeline) -> None:
    text = (
        "Port strike goes on\n\n"
        "The port authority's director said that forty ships were waiting.\n\n"
        "“We will not go back for less,” said union leader Marieke de Vries.\n\n"
        "De Vries said that the strike would last another week. According to her, members "
        "voted by a large majority. The offer is too low, she believes."
    )
    found = speakers(pipeline, text)
    assert found[0][2] == "organisation" or found[0][1] != "Marieke de Vries"
    assert [s[1] for s in found[1:]] == ["Marieke de Vries"] * 4
    assert all(s[2] == "person" for s in found[1:])


def test_role_resolves_to_the_person_with_that_title(pipeline: Pipeline) -> None:
    text = (
        "Summit ends\n\n"
        "The President of Freedonia said that the talks had failed.\n\n"
        "“We tried everything,” said President Rufus T. Firefly after the summit."
    )
    found = speakers(pipeline, text)
    assert [s[1] for s in found] == ["Rufus T. Firefly", "Rufus T. Firefly"]


def test_spelling_variants_of_a_first_name_are_one_person(pipeline: Pipeline) -> None:
    text = (
        "Speech\n\n"
        "“The crisis is over,” said President Kassym-Zhomart Tokayev.\n\n"
        "Kassym-Jomart Tokayev said that the army would stay. Tokayev said that order was back."
    )
    found = speakers(pipeline, text)
    assert len({s[1] for s in found}) == 1


def test_anonymous_and_document_sources(pipeline: Pipeline) -> None:
    text = (
        "Budget\n\nOfficials said that the budget would be cut. "
        "The report found that spending had doubled."
    )
    found = speakers(pipeline, text)
    assert [(s[1], s[2]) for s in found] == [
        ("officials", "anonymous"),
        ("report", "document"),
    ]
