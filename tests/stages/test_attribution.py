"""Attribution patterns on sentences written for these tests."""

from __future__ import annotations

import pytest

from newsdesk.model import Article, Attribution
from newsdesk.pipeline import Pipeline


def quotes(pipeline: Pipeline, text: str) -> list[Attribution]:
    return pipeline.run(Article(source="t", original=text)).quotes


def only(pipeline: Pipeline, text: str) -> Attribution:
    found = quotes(pipeline, text)
    assert len(found) == 1, [(q.cue, q.content) for q in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "kind", "cue", "source", "content"),
    [
        (
            "“The bridge is unsafe,” the mayor said on Monday.",
            "direct",
            "said",
            "the mayor",
            "“The bridge is unsafe,”",
        ),
        (
            "“The bridge is unsafe,” said Mayor Ana Silva.",
            "direct",
            "said",
            "Mayor Ana Silva",
            "“The bridge is unsafe,”",
        ),
        (
            "The mayor said: “The bridge is unsafe.”",
            "direct",
            "said:",
            "The mayor",
            "“The bridge is unsafe.”",
        ),
        (
            "The mayor said that the bridge would close for a year.",
            "indirect",
            "said",
            "The mayor",
            "that the bridge would close for a year",
        ),
        (
            "The bridge will close for a year, the mayor believes.",
            "indirect",
            "believes",
            "the mayor",
            "The bridge will close for a year",
        ),
        (
            "According to the engineers, the bridge cannot be repaired.",
            "indirect",
            "According to",
            "the engineers",
            "the bridge cannot be repaired",
        ),
        (
            "The mayor described the decision as “painful but necessary.”",
            "mixed",
            "described",
            "The mayor",
            "the decision as “painful but necessary.”",
        ),
    ],
)
def test_patterns(
    pipeline: Pipeline, text: str, kind: str, cue: str, source: str, content: str
) -> None:
    found = only(pipeline, text)
    assert (found.kind, found.cue, found.source, found.content) == (kind, cue, source, content)
    assert text[found.content_span.start : found.content_span.end].startswith(content[:10])


def test_multi_sentence_quotation_with_cue_on_the_last(pipeline: Pipeline) -> None:
    found = only(
        pipeline,
        "“The river rose overnight. We moved everyone out. Nobody was hurt,” the chief said.",
    )
    assert found.kind == "direct"
    assert found.content.startswith("“The river rose") and found.content.endswith("hurt,”")


def test_quotation_continued_after_its_cue(pipeline: Pipeline) -> None:
    found = only(pipeline, "“We are ready,” the coach said. “The team has trained all summer.”")
    assert len(found.content_spans) == 2
    assert found.content.endswith("all summer.”")


def test_paragraph_of_quotation_continues_the_previous_speaker(pipeline: Pipeline) -> None:
    text = (
        "“We will rebuild the school,” said Mayor Ana Silva.\n\n"
        "“The children deserve better than a temporary building for another winter.”"
    )
    # The paragraph goes on with the statement before it: one attribution over two paragraphs.
    found = only(pipeline, text)
    assert found.speaker == "Ana Silva" and len(found.content_spans) == 2
    assert found.content.endswith(
        "… “The children deserve better than a temporary building for another winter.”"
    )
    # After an indirect statement, or with none before it, the quotation stands alone and its
    # speaker is still the previous one.
    text = (
        "Mayor Ana Silva said the school would be rebuilt.\n\n"
        "“The children deserve better than a temporary building for another winter.”"
    )
    first, second = quotes(pipeline, text)
    assert second.source is None and second.cue == ""
    assert second.speaker == first.speaker == "Ana Silva"


def test_signed_quotation(pipeline: Pipeline) -> None:
    found = only(pipeline, "“I will vote for the first time this year.” ― Maria Lopez")
    assert (found.source, found.cue, found.kind) == ("Maria Lopez", "―", "direct")


def test_transcript_speaker_colon(pipeline: Pipeline) -> None:
    text = "Interview\n\nHOST: Welcome back to the programme.\n\nSILVA: Thank you for having me."
    found = quotes(pipeline, text)
    assert [(q.source, q.cue) for q in found] == [("HOST", ":"), ("SILVA", ":")]


def test_orphan_fragment_quotation_is_attributed(pipeline: Pipeline) -> None:
    text = "Talks\n\nThe minister spoke.\n\nthe whole region,” he stated.\n\nTalks go on."
    found = only(pipeline, text)
    assert found.fragment and found.kind == "direct" and found.cue == "stated"


def test_no_attribution_without_a_speaker(pipeline: Pipeline) -> None:
    assert quotes(pipeline, "A state of emergency was declared in the country.") == []
    assert quotes(pipeline, "Armed men attacked the city from three directions.") == []


def test_a_passive_cue_that_names_no_one_has_an_unknown_source(pipeline: Pipeline) -> None:
    text = (
        "Fraud case\n\n"
        "“We will appeal,” the lawyer said. "
        "The developer was accused of using investors' money for a luxury flat."
    )
    found = quotes(pipeline, text)
    accused = next(q for q in found if q.cue == "was accused")
    # Not the previous speaker's words: nobody is named.
    assert accused.source is None and accused.speaker is None
    assert accused.speaker_type == "unknown"
    assert "luxury flat" in accused.content


def test_attitudes_seeming_and_object_asides(pipeline: Pipeline) -> None:
    afraid = only(pipeline, "Many farmers are afraid that the new tariff will ruin them.")
    assert (afraid.source, afraid.cue) == ("Many farmers", "are afraid")
    assert afraid.content == "that the new tariff will ruin them"
    critical = only(pipeline, "The senator has been critical of the budget plan.")
    assert (critical.cue, critical.content) == ("has been critical of", "the budget plan")
    seems = only(pipeline, "Borrowing against the house seems too risky for most families.")
    assert seems.source is None and seems.speaker_type == "unknown" and seems.cue == "seems"
    # A non-restrictive relative clause after the object is an aside, not what was praised.
    praised = only(pipeline, "The mayor praised the new bridge, which cost four million euros.")
    assert praised.content == "the new bridge"
    # An infinitive cue reports nothing yet.
    found = quotes(pipeline, "The minister wants to discuss the budget with the unions.")
    assert [q.cue for q in found] == ["wants"]


def test_title_case_headline_verb(pipeline: Pipeline) -> None:
    text = (
        "Sanders Vows To Eliminate Tax Breaks Used By Developers\n\n"
        "Senator Bernie Sanders spoke in Ohio on Monday about the tax code."
    )
    headline = next(q for q in quotes(pipeline, text) if q.cue == "Vows")
    assert headline.source == "Sanders"
    assert headline.content == "To Eliminate Tax Breaks Used By Developers"


def test_speaking_about_something_but_not_at_somewhere(pipeline: Pipeline) -> None:
    about = only(pipeline, "The governor spoke about the flood defences.")
    # The preposition that links the cue to what it is about belongs to the cue.
    assert (about.cue, about.content) == ("spoke about", "the flood defences")
    assert quotes(pipeline, "The governor spoke at a rally in the capital.") == []


def test_headline_colon_names_its_source(pipeline: Pipeline) -> None:
    text = "Poll: Voters in the north favour the new tram line\n\nA survey of 900 voters found it."
    headline = next(q for q in quotes(pipeline, text) if q.cue == ":")
    assert headline.source == "Poll"
    assert headline.content.startswith("Voters in the north")


def test_where_it_was_said_belongs_to_the_cue(pipeline: Pipeline) -> None:
    found = only(pipeline, "“We will appeal,” the lawyer said in a statement.")
    assert found.cue == "said in a statement" and found.source == "the lawyer"


def test_an_infinitive_cue_after_went_on_or_appeared_still_reports(pipeline: Pipeline) -> None:
    found = only(pipeline, "The senator went on to criticize the budget for the schools.")
    assert found.cue == "went on to criticize" and found.source == "The senator"
    assert found.content.startswith("the budget")
    resist = only(pipeline, "The critics could not resist pointing out that the plan had failed.")
    assert resist.cue == "could not resist pointing out"
    assert resist.content == "that the plan had failed"


def test_putting_words_out_makes_one_cue_with_its_saying(pipeline: Pipeline) -> None:
    found = only(pipeline, "The union released a statement on Monday saying that talks had failed.")
    assert found.cue == "released a statement on Monday saying"
    assert found.source == "The union" and found.content == "that talks had failed"


def test_seeing_something_as_something(pipeline: Pipeline) -> None:
    found = only(pipeline, "Many veterans saw the remark as an insult to the army.")
    assert found.cue == "saw" and found.content == "the remark as an insult to the army"


def test_question_quotation_with_its_cue_parsed_as_a_sentence_of_its_own(
    pipeline: Pipeline,
) -> None:
    text = "Debate\n\n“Is the bank too big to manage?” Vitter demanded. The chief executive paused."
    found = next(q for q in quotes(pipeline, text) if q.cue == "demanded")
    assert found.source == "Vitter" and found.kind == "direct"
    assert found.content == "“Is the bank too big to manage?”"


def test_calling_on_someone_to_do_something(pipeline: Pipeline) -> None:
    found = only(pipeline, "The mayor called on the rail operator to apologize to passengers.")
    assert found.cue == "called on the rail operator"
    assert found.content == "to apologize to passengers"


def test_attacking_is_a_statement_only_between_people(pipeline: Pipeline) -> None:
    found = only(pipeline, "Senator Warren attacked Stumpf over the sales scandal.")
    assert found.cue == "attacked" and found.source == "Senator Warren"
    assert quotes(pipeline, "Armed men attacked the city from three directions.") == []


def test_a_second_cue_joined_to_the_reported_clause_is_its_own_attribution(
    pipeline: Pipeline,
) -> None:
    found = quotes(
        pipeline,
        "The ministry said it was firmly opposed to the dam and warned the builders to stop.",
    )
    said = next(q for q in found if q.cue == "said")
    warned = next(q for q in found if q.cue == "warned")
    assert said.content == "it was firmly opposed to the dam"
    # The parser hangs "warned" on the reported clause; it is still the ministry warning.
    assert warned.source == "The ministry" and warned.content.startswith("the builders")


def test_a_question_put_by_someone_unnamed(pipeline: Pipeline) -> None:
    found = quotes(pipeline, "Asked whether the plant would close, the manager shook his head.")
    asked = next(q for q in found if q.cue == "Asked")
    assert asked.content == "whether the plant would close"
    assert asked.source is None and asked.speaker_type == "unknown"
    about = next(
        q
        for q in quotes(pipeline, "When asked about the merger, the chief executive smiled.")
        if q.cue.startswith("asked")
    )
    assert (about.cue, about.content) == ("asked about", "the merger")


def test_a_poll_or_someone_s_words_as_the_source(pipeline: Pipeline) -> None:
    poll = only(pipeline, "In the latest poll, the mayor leads her rival by six points.")
    assert (poll.cue, poll.source) == ("In", "the latest poll")
    assert poll.content == "the mayor leads her rival by six points"
    trailing = only(pipeline, "The mayor has led in every survey since March.")
    assert trailing.source == "every survey"
    # Where something happened is no source.
    assert quotes(pipeline, "In the village, the water rose by a metre overnight.") == []


def test_interview_markers_and_section_labels_are_no_speakers(pipeline: Pipeline) -> None:
    text = (
        "The Latest: Flood waters recede in the valley\n\n"
        "Q: Did the water reach your house?\n\n"
        "A: It came up to the second step.\n\n"
        "UPDATE: The road has reopened."
    )
    assert [q.cue for q in quotes(pipeline, text) if q.cue == ":"] == []


def test_a_verb_the_lemmatizer_gets_wrong_is_still_a_cue(pipeline: Pipeline) -> None:
    # spaCy's small model lemmatizes "hopes" and "hoping" as "hop".
    found = only(pipeline, "The council hopes that the new ferry will run by spring.")
    assert (found.cue, found.content) == ("hopes", "that the new ferry will run by spring")


def test_talking_about_reports_unless_it_says_what_the_matter_is(pipeline: Pipeline) -> None:
    found = only(pipeline, "The minister talked about the flood defences for an hour.")
    assert found.cue == "talked about" and found.content == "the flood defences"
    assert quotes(pipeline, "We are talking about a complete collapse of the grid.") == []


def test_a_supposed_wish_or_saying_reports_nothing(pipeline: Pipeline) -> None:
    assert quotes(pipeline, "If you want to understand the budget, read the annex.") == []
    assert quotes(pipeline, "Anyone who wants to save like a civil servant can do so.") == []
    found = only(pipeline, "The mayor wants to reopen the bridge by June.")
    assert found.source == "The mayor"


def test_a_mixed_quotation_goes_on_after_its_cue(pipeline: Pipeline) -> None:
    found = only(
        pipeline,
        "Golf clubs are “only scratching out a profit,” the adviser said. "
        "“I hardly ever tell anyone to buy one.”",
    )
    assert found.kind == "mixed" and len(found.content_spans) == 2
    assert found.content.startswith("Golf clubs") and found.content.endswith("buy one.”")


def test_phrasal_and_light_verb_cues(pipeline: Pipeline) -> None:
    laid = only(pipeline, "The governor laid out a plan to rebuild the harbour.")
    assert (laid.cue, laid.content) == ("laid out", "a plan to rebuild the harbour")
    case = only(pipeline, "The mayor made the case that the tram would pay for itself.")
    assert (case.cue, case.source) == ("made the case", "The mayor")
    assert case.content == "that the tram would pay for itself"
    aim = only(pipeline, "The union took aim at the new shift rules.")
    assert (aim.cue, aim.content) == ("took aim at", "the new shift rules")
    behind = only(pipeline, "The mayor threw her support behind the tram plan.")
    assert (behind.cue, behind.content) == ("threw her support behind", "the tram plan")
    out = only(pipeline, "The union came out against the new rota.")
    assert (out.cue, out.content) == ("came out against", "the new rota")
    # A place or a day after the noun is not what was pledged.
    assert quotes(pipeline, "The senator made the pledge at a rally on Monday.") == []


def test_seeing_something_as_something_when_the_parser_hangs_as_on_the_object(
    pipeline: Pipeline,
) -> None:
    found = only(pipeline, "Some saw the comment as a dig at the navy.")
    assert (found.cue, found.content) == ("saw", "the comment as a dig at the navy")


def test_attacking_rivals_is_a_statement(pipeline: Pipeline) -> None:
    found = only(pipeline, "He attacked the other candidates for taking donations.")
    assert found.cue == "attacked" and found.content.startswith("the other candidates")


def test_a_setting_ends_the_cue_at_its_noun(pipeline: Pipeline) -> None:
    found = only(pipeline, "“We will appeal,” the lawyer said in an interview with a local radio.")
    assert found.cue == "said in an interview" and found.source == "the lawyer"
    # A setting described at length is where it was said, not part of the cue.
    found = only(pipeline, "“We will appeal,” the lawyer said in a long phone interview.")
    assert found.cue == "said" and found.source == "the lawyer"


def test_a_seeming_clause_without_its_cue_or_what_leads_the_sentence(pipeline: Pipeline) -> None:
    found = only(
        pipeline, "While most members stayed loyal, others appeared ready to leave the party."
    )
    assert found.cue == "appeared" and found.source is None
    assert len(found.content_spans) == 2
    assert found.content == "others … ready to leave the party"
    # A clause with a subject of its own, joined by "and", is not part of the seeming.
    voice = only(pipeline, "His voice seemed weaker than before, and people had to strain to hear.")
    assert voice.content == "His voice … weaker than before"


def test_what_follows_a_colon_spells_out_the_content(pipeline: Pipeline) -> None:
    found = only(
        pipeline,
        "The campaign hopes to win the states that share out delegates: Ohio, Iowa and Maine.",
    )
    assert found.content.endswith("delegates: Ohio, Iowa and Maine")


def test_a_clause_hung_on_the_cue_as_a_modifier_is_what_was_said(pipeline: Pipeline) -> None:
    found = only(pipeline, "The coach said after the final he would not stay another season.")
    assert found.source == "The coach"
    assert found.content.endswith("he would not stay another season")


def test_said_so_and_said_as_much(pipeline: Pipeline) -> None:
    so = only(pipeline, "The mayor said so on Monday.")
    assert (so.cue, so.content, so.source) == ("said", "so", "The mayor")
    much = only(pipeline, "Her spokesman said as much in a radio interview.")
    assert much.content == "as much"


def test_when_something_was_said_is_not_what_it_was_about(pipeline: Pipeline) -> None:
    assert quotes(pipeline, "The mayor commented on Monday.") == []
    assert quotes(pipeline, "The witness testified for two hours.") == []
    found = only(pipeline, "The mayor commented on the flood defences.")
    assert (found.cue, found.content) == ("commented on", "the flood defences")


def test_verbs_that_report_only_clauses_take_no_object(pipeline: Pipeline) -> None:
    # "add", "write", "maintain" report what follows them as a clause; their objects are
    # amounts, books and roads, not statements.
    assert quotes(pipeline, "The new tax would add four billion euros to the deficit.") == []
    assert quotes(pipeline, "The poet wrote a long book about the river.") == []
    assert quotes(pipeline, "The council maintains the roads in the valley.") == []
    found = only(pipeline, "The mayor added that the bridge would reopen in May.")
    assert found.content == "that the bridge would reopen in May"


def test_continuing_to_do_something_is_not_itself_a_statement(pipeline: Pipeline) -> None:
    found = quotes(pipeline, "The owners continue to ignore the fact that the pier is unsafe.")
    assert all(q.cue != "continue" for q in found)
    said = only(pipeline, "“We will rebuild,” the mayor continued.")
    assert (said.cue, said.source) == ("continued", "the mayor")


def test_finding_a_thing_is_no_finding_and_speaking_on_a_show_no_topic(pipeline: Pipeline) -> None:
    assert quotes(pipeline, "The council could not find a new sponsor for the race.") == []
    found = only(pipeline, "The survey found that most riders came by bus.")
    assert found.content == "that most riders came by bus"
    assert quotes(pipeline, "The mayor was speaking on a local radio show.") == []


def test_content_that_opens_a_quotation_runs_to_its_close(pipeline: Pipeline) -> None:
    found = only(
        pipeline,
        "The coach described the referee as “a little slow there, always late to the ball.”",
    )
    assert found.content.endswith("always late to the ball.”")


def test_an_as_clause_reports_the_main_clause_only_without_content_of_its_own(
    pipeline: Pipeline,
) -> None:
    put = only(pipeline, "As one critic put it, the budget is a wish list.")
    assert put.content == "the budget is a wish list"
    found = quotes(pipeline, "Rents kept rising as the council discussed its housing plan.")
    discussed = next(q for q in found if q.cue == "discussed")
    assert discussed.content == "its housing plan"


def test_a_clause_before_the_cue_is_not_its_content_when_one_follows(
    pipeline: Pipeline,
) -> None:
    found = quotes(
        pipeline,
        "While he acknowledged money was the main reason he felt tired, the coach also noted "
        "several other things left him unhappy.",
    )
    noted = next(q for q in found if q.cue == "also noted")
    assert noted.content == "several other things left him unhappy"


def test_a_quotation_s_speaker_the_parse_gave_no_subject(pipeline: Pipeline) -> None:
    # Both sentences are parsed without a subject for the cue (checked with the small model).
    inverted = only(
        pipeline,
        "“Look, Maria needed to split the first two primaries,” added a South Dakota Democrat.",
    )
    assert inverted.source == "a South Dakota Democrat"
    found = quotes(
        pipeline,
        "Guitarist Lou posted the dates online on Monday, writing “Feels great to tour again.”",
    )
    writing = next(q for q in found if q.cue == "writing")
    assert writing.source == "Guitarist Lou"


def test_a_light_verb_with_its_noun_comes_before_the_verb_alone(pipeline: Pipeline) -> None:
    found = only(pipeline, "Rights groups have expressed deep concern about the new policy.")
    assert (found.cue, found.content) == ("have expressed deep concern about", "the new policy")


def test_a_free_adjunct_belongs_to_the_clause_it_closes(pipeline: Pipeline) -> None:
    # ", citing …" after a reported clause is the reporter's, not the reported subject's.
    found = next(
        q
        for q in quotes(
            pipeline,
            "Port officials said cargo volumes have fallen sharply this year, "
            "citing the long strike at the northern terminal.",
        )
        if q.cue == "citing"
    )
    assert found.source == "Port officials"
    # "…,” Ruiz said, suggesting …: “…”: the quotation's own "you" is no source.
    text = (
        "“The ferry is late again,” Ruiz said, suggesting a question for the board: "
        "“Do you really think passengers will wait?”"
    )
    suggesting = next(q for q in quotes(pipeline, text) if q.cue == "suggesting")
    assert suggesting.source == "Ruiz"


def test_words_inside_a_quotation_are_never_its_source(pipeline: Pipeline) -> None:
    # The parser makes "Meh" the subject of "wrote"; the writer is named after the verb.
    found = only(pipeline, "“Meh,” wrote a supporter who runs a fan account.")
    assert found.source == "a supporter"


def test_a_name_the_parse_left_between_quotation_and_cue_is_the_source(
    pipeline: Pipeline,
) -> None:
    # However the parser hangs "Lind, a harbour pilot," it stands where the speaker stands.
    found = [
        q
        for q in quotes(
            pipeline,
            "“The channel is too shallow for the new ships and the dredging plan and the "
            "budget,” Lind, a harbour pilot, said on Friday on the morning show.",
        )
        if q.cue.startswith("said")
    ]
    assert found and all(q.source and q.source.startswith("Lind") for q in found)


def test_assuming_is_a_condition_not_a_statement(pipeline: Pipeline) -> None:
    found = quotes(
        pipeline,
        "Some analysts argue that fares should fall -- assuming that fuel prices stay low.",
    )
    assert [q.cue for q in found] == ["argue"]


def test_whom_a_cue_addresses_is_not_what_was_said(pipeline: Pipeline) -> None:
    # Nothing is reported when the only object names whom the verb addresses.
    assert quotes(pipeline, "Nobody had asked the dockworkers.") == []
    assert quotes(pipeline, "The council never told them.") == []
    # The same verbs with something said still report it.
    found = only(pipeline, "The harbour master asked the crews to leave before dark.")
    assert found.cue == "asked" and found.content.endswith("to leave before dark")
    found = only(pipeline, "The union told members that the strike would go on.")
    assert found.content == "that the strike would go on"


def test_a_participle_describing_a_noun_names_its_source(pipeline: Pipeline) -> None:
    text = "The council approved funds after new surveys showing strong support for the park."
    found = [q for q in quotes(pipeline, text) if q.cue == "showing"]
    assert len(found) == 1, [(q.cue, q.source) for q in quotes(pipeline, text)]
    assert found[0].source == "new surveys"
    assert found[0].content.startswith("strong support for the park")


def test_a_text_someone_put_out_is_theirs(pipeline: Pipeline) -> None:
    text = "The ferry company released a statement saying the crossings would resume on Friday."
    found = [q for q in quotes(pipeline, text) if "saying" in q.cue]
    assert len(found) == 1, [(q.cue, q.source) for q in quotes(pipeline, text)]
    assert found[0].source == "The ferry company"
    assert found[0].cue == "released a statement saying"
    assert found[0].content == "the crossings would resume on Friday"


def test_a_participle_of_intent_describes_rather_than_reports(pipeline: Pipeline) -> None:
    text = "Shelters opened their doors to families seeking a warm bed for the night."
    assert not [q for q in quotes(pipeline, text) if q.cue == "seeking"]


def test_a_colon_after_a_name_or_text_opens_its_quotation(pipeline: Pipeline) -> None:
    text = (
        "The audit was published on Tuesday.\n\n"
        "From the auditors’ report: “The program met every target it set.”"
    )
    found = [q for q in quotes(pipeline, text) if q.cue == ":"]
    assert len(found) == 1, [(q.cue, q.source) for q in quotes(pipeline, text)]
    assert found[0].source == "the auditors’ report"
    assert found[0].content == "“The program met every target it set.”"


def test_a_colon_after_a_thing_said_to_someone_names_no_source(pipeline: Pipeline) -> None:
    text = "She had a simple message for the voters: “Stay home if the roads are icy.”"
    assert not [q for q in quotes(pipeline, text) if q.cue == ":"]


def test_set_phrases_with_a_cue_verb_report_nothing(pipeline: Pipeline) -> None:
    found = quotes(
        pipeline,
        "River keeps rising\n\n"
        "That said, the agency says that the river is still rising. Let’s hope the levees "
        "hold. Let's see whether the council agrees. That said, the mayor says the plan "
        '"remains the best one we have." That, she said, was the point.',
    )
    assert [(q.source, q.cue) for q in found] == [
        ("the agency", "says"),
        ("the mayor", "says"),
        ("she", "said"),
    ]
