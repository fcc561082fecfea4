from __future__ import annotations

import spacy
from spacy.pipeline import AttributeRuler, Lemmatizer

from newsdesk.resources import DEFAULT_SPACY_MODEL
from newsdesk.stages.rule_components import AttributeRules, RuleLemmas, use_rule_components
from tests.conftest import ROOT

# Words several of the model's rules are about: contractions, "gonna", "y'all", "nothin'",
# pronouns as subjects and objects, "there is", auxiliaries, spaces.
TRICKY = (
    "Y'all ain't gonna believe it, but I told you: there is nothin' we can't do.\n\n"
    "Let's see.  It gets worse; he got 'em, and c'mon, they'd have had it, didn't they?\n"
    "That was what this one said of those: “Do it,” she did."
)


def _texts() -> list[str]:
    return [TRICKY, *(p.read_text("utf-8") for p in sorted((ROOT / "samples").rglob("*.txt")))]


def test_the_rules_match_what_the_model_s_ruler_matches() -> None:
    nlp = spacy.load(DEFAULT_SPACY_MODEL)
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    rules = AttributeRules(ruler)
    matched = 0
    with nlp.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        for doc in nlp.pipe(_texts()):
            expected = ruler.match(doc)
            assert rules.match(doc) == expected
            matched += len(expected)
    assert matched > 1000


def test_the_pipeline_with_the_rules_annotates_as_spacy_does() -> None:
    plain = spacy.load(DEFAULT_SPACY_MODEL)
    faster = spacy.load(DEFAULT_SPACY_MODEL)
    use_rule_components(faster)
    assert "attribute_ruler" not in faster.pipe_names
    assert "lemmatizer" not in faster.pipe_names
    for a, b in zip(plain.pipe(_texts()), faster.pipe(_texts()), strict=True):
        assert [(t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_) for t in a] == [
            (t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_) for t in b
        ]


def test_a_ruler_with_patterns_it_cannot_match_is_kept() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    ruler.add([[{"LOWER": "very", "OP": "+"}]], {"POS": "ADV"})
    use_rule_components(nlp)
    assert nlp.pipe_names == ["attribute_ruler"]
    assert [t.pos_ for t in nlp("very very good")] == ["ADV", "ADV", ""]


def test_a_pipeline_without_a_ruler_is_left_alone() -> None:
    nlp = spacy.blank("en")
    use_rule_components(nlp)
    assert nlp.pipe_names == []


def test_lemmas_stay_the_same_when_few_are_remembered() -> None:
    plain = spacy.load(DEFAULT_SPACY_MODEL)
    lemmatizer = plain.get_pipe("lemmatizer")
    assert isinstance(lemmatizer, Lemmatizer)
    lemmas = RuleLemmas(lemmatizer, limit=10)
    with plain.select_pipes(disable=["lemmatizer"]):
        docs = list(plain.pipe(_texts()))
    # The attribute rules gave some words their lemma; the lemmatizer does the others.
    expected = [[t.lemma_ if t.lemma else lemmatizer.lemmatize(t)[0] for t in d] for d in docs]
    for doc, wanted in zip(docs, expected, strict=True):
        assert [t.lemma_ for t in lemmas(doc)] == wanted
        assert 0 < len(lemmas) <= 10
        assert len(lemmatizer.cache) <= 10
