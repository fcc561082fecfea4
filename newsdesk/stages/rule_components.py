"""spaCy's rule-based components done by lookup, with the same results in a fraction of the time.

The attribute rules (tag map, morphology and lemma exceptions): the English models'
``attribute_ruler`` holds a couple of hundred one- and two-token patterns over a token's tag,
lower-case form, dependency label and whether it is a space. spaCy's Matcher tries every
pattern at every token and calls Python for each ``IN``, ``NOT_IN`` and ``REGEX`` test, which
costs about a tenth of the whole parse. Here each pattern is filed under one of its exact
values (its anchor), so a token is tested only against the few patterns its own values point
to; the matches are the Matcher's, and the ruler's own code applies them. A ruler with a
pattern of a kind this module does not know is left as spaCy made it.

The rule lemmatizer works out each word's lemma from its part of speech and morphology, and
keeps only some of its answers; here every answer is kept (up to a bound, so memory stays flat
however long the stream), and a word met again with the same analysis costs a dictionary
look-up.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, cast

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc, Token

# The token attributes a pattern may test, by the name patterns use; a doc's values come
# from ``Doc.to_array`` in this order.
_ATTRS = {"ORTH": ORTH, "TEXT": ORTH, "LOWER": LOWER, "TAG": TAG, "POS": POS, "DEP": DEP}
_FLAGS = {"IS_SPACE": IS_SPACE}
_COLUMNS = list(dict.fromkeys([*_ATTRS.values(), *_FLAGS.values()]))
_COLUMN = {name: _COLUMNS.index(attr) for name, attr in (_ATTRS | _FLAGS).items()}
_STRING_ATTRS = frozenset(_ATTRS)
# Which attribute to file a pattern under, most telling first: few tokens share a word.
_PREFERENCE = [ORTH, LOWER, DEP, TAG, POS, IS_SPACE]

# The tests of one token: (column, operator, operand), the operator one of those below.
_EQUAL, _IN, _NOT_IN, _REGEX = range(4)
Test = tuple[int, int, Any]
Row = list[int]
# What AttributeRuler.match gives: (rule, match key, start, end).
Match = tuple[int, int, int, int]


@dataclass(frozen=True)
class _Pattern:
    """One pattern of one rule: per token, the tests it must pass beyond its anchor."""

    rule: int
    key: int
    tests: tuple[tuple[Test, ...], ...]
    size: int  # how many tokens it spans

    @property
    def anchor_only(self) -> bool:
        """True when the anchor is the whole pattern: the index's word is enough."""
        return not any(self.tests)


class Unsupported(ValueError):
    """A component, or a pattern of one, that this module does not do."""


def _value_id(name: str, value: object, strings: Any) -> int:
    if name in _FLAGS:
        if not isinstance(value, bool):
            raise Unsupported(f"{name} must be true or false, not {value!r}")
        return int(value)
    if not isinstance(value, str):
        raise Unsupported(f"{name} must be a string, not {value!r}")
    hashed: int = strings.add(value)
    return hashed


def _token_tests(spec: dict[str, Any], strings: Any) -> list[Test]:
    """The tests of one token spec."""
    tests: list[Test] = []
    for name, value in spec.items():
        if name not in _COLUMN:
            raise Unsupported(f"attribute {name!r}")
        column = _COLUMN[name]
        if not isinstance(value, dict):
            tests.append((column, _EQUAL, _value_id(name, value, strings)))
            continue
        for operator, operand in value.items():
            if operator in ("IN", "NOT_IN") and isinstance(operand, list):
                members = frozenset(_value_id(name, v, strings) for v in operand)
                tests.append((column, _IN if operator == "IN" else _NOT_IN, members))
            elif operator == "REGEX" and name in _STRING_ATTRS and isinstance(operand, str):
                tests.append((column, _REGEX, re.compile(operand)))
            else:
                raise Unsupported(f"{name} {operator} {operand!r}")
    return tests


def _anchor_rank(test: Test) -> tuple[int, int] | None:
    """How good ``test`` is to file a pattern under (lower is better), None if it cannot be."""
    column, operator, operand = test
    if operator == _EQUAL:
        return (_PREFERENCE.index(_COLUMNS[column]), 1)
    if operator == _IN:
        return (_PREFERENCE.index(_COLUMNS[column]), len(operand))
    return None


def _passes(value: int, test: Test, strings: Any) -> bool:
    _, operator, operand = test
    if operator == _EQUAL:
        return bool(value == operand)
    if operator == _IN:
        return value in operand
    if operator == _NOT_IN:
        return value not in operand
    return operand.search(strings[value]) is not None


class AttributeRules:
    """The patterns of an ``AttributeRuler``, filed by anchor value, matched as its Matcher does."""

    def __init__(self, ruler: AttributeRuler) -> None:
        strings = ruler.vocab.strings
        self.ruler = ruler
        # the ruler's own code sets the attributes of what matched
        self._apply = cast(
            Callable[[Doc, list[tuple[int, int, int, int]]], None], ruler.set_annotations
        )
        self._strings = strings
        # column -> value -> (pattern, position of the anchoring token in it, whether the
        # pattern is that one token and value alone)
        self._index: dict[int, dict[int, list[tuple[_Pattern, int, bool]]]] = {}
        # patterns with no exact value (a regular expression alone), tried at every token
        self._unanchored: list[_Pattern] = []
        for rule, entry in enumerate(ruler.patterns):
            key = strings.add(str(rule))
            alternatives = cast(list[Any], entry["patterns"])
            for tokens in alternatives:
                self._file(rule, key, tokens)

    def _file(self, rule: int, key: int, tokens: Iterable[dict[str, Any]]) -> None:
        tests = []
        best: tuple[tuple[int, int], int, Test] | None = None
        for position, spec in enumerate(tokens):
            if not isinstance(spec, dict) or "OP" in spec:
                raise Unsupported(f"token pattern {spec!r}")
            token_tests = _token_tests(spec, self._strings)
            tests.append(token_tests)
            for test in token_tests:
                rank = _anchor_rank(test)
                if rank is not None and (best is None or rank < best[0]):
                    best = (rank, position, test)
        if best is None:
            self._unanchored.append(_Pattern(rule, key, tuple(map(tuple, tests)), len(tests)))
            return
        _, position, anchor = best
        # The anchor's test is passed by every token the index leads to.
        tests[position].remove(anchor)
        pattern = _Pattern(rule, key, tuple(map(tuple, tests)), len(tests))
        column, operator, operand = anchor
        for value in operand if operator == _IN else (operand,):
            self._index.setdefault(column, {}).setdefault(value, []).append(
                (pattern, position, pattern.anchor_only and pattern.size == 1)
            )

    def _matches_at(self, rows: list[Row], start: int, pattern: _Pattern) -> bool:
        if start < 0 or start + pattern.size > len(rows):
            return False
        for offset, token_tests in enumerate(pattern.tests):
            row = rows[start + offset]
            for test in token_tests:
                if not _passes(row[test[0]], test, self._strings):
                    return False
        return True

    def match(self, doc: Doc) -> list[Match]:
        """The ruler's matches in ``doc`` as ``AttributeRuler.match`` gives them: (rule, key,
        start, end), sorted, so that later rules win."""
        rows: list[Row] = doc.to_array(_COLUMNS).tolist() if len(doc) else []
        found: set[Match] = set()
        index = list(self._index.items())
        for i, row in enumerate(rows):
            for column, table in index:
                for pattern, position, alone in table.get(row[column], ()):
                    start = i - position
                    if alone or self._matches_at(rows, start, pattern):
                        found.add((pattern.rule, pattern.key, start, start + pattern.size))
            for pattern in self._unanchored:
                if self._matches_at(rows, i, pattern):
                    found.add((pattern.rule, pattern.key, i, i + pattern.size))
        return sorted(found)

    def __call__(self, doc: Doc) -> Doc:
        """Set the rules' attributes on ``doc``."""
        self._apply(doc, self.match(doc))
        return doc


class RuleLemmas:
    """A rule lemmatizer's lemmas remembered per (word, part of speech, morphology), the key
    spaCy's own lemmatizer caches some of them under; at most ``limit`` of them at a time."""

    def __init__(self, lemmatizer: Lemmatizer, limit: int = 100_000) -> None:
        self.lemmatizer = lemmatizer
        self._lemmatize = cast(Callable[[Token], list[str]], lemmatizer.lemmatize)
        self.limit = limit
        self._lemmas: dict[tuple[int, int, int], int] = {}

    def __len__(self) -> int:
        """How many lemmas are remembered."""
        return len(self._lemmas)

    def __call__(self, doc: Doc) -> Doc:
        """Set the lemma of every token of ``doc`` that has none yet."""
        if not len(doc):
            return doc
        array: Any = doc.to_array([ORTH, POS, MORPH, LEMMA])  # stubs say floats; ids
        lemmas = self._lemmas
        strings = doc.vocab.strings
        for i, (orth, pos, morph, lemma) in enumerate(array.tolist()):
            if lemma:
                continue
            key = (orth, pos, morph)
            found = lemmas.get(key)
            if found is None:
                if len(lemmas) >= self.limit:
                    lemmas.clear()
                    self.lemmatizer.cache.clear()  # spaCy's own memo, grown by the same calls
                found = lemmas[key] = strings.add(self._lemmatize(doc[i])[0])
            array[i, 3] = found
        doc.from_array([LEMMA], array[:, 3:4].copy())
        return doc


_LEMMAS = "newsdesk_rule_lemmas"


@Language.factory(_LEMMAS)
def _rule_lemmas(nlp: Language, name: str) -> RuleLemmas:
    lemmatizer = nlp.get_pipe("lemmatizer")
    if not isinstance(lemmatizer, Lemmatizer) or lemmatizer.mode != "rule":
        raise Unsupported("the lemmatizer is no rule lemmatizer")
    if lemmatizer.overwrite:
        raise Unsupported("the lemmatizer overwrites lemmas")
    return RuleLemmas(lemmatizer)


_FACTORY = "newsdesk_attribute_rules"


@Language.factory(_FACTORY)
def _attribute_rules(nlp: Language, name: str) -> AttributeRules:
    ruler = nlp.get_pipe("attribute_ruler")
    if not isinstance(ruler, AttributeRuler):
        raise Unsupported("the attribute_ruler component is no AttributeRuler")
    return AttributeRules(ruler)


def _replace(nlp: Language, name: str, factory: str) -> None:
    if name not in nlp.pipe_names:
        return
    try:
        nlp.add_pipe(factory, after=name)
    except Unsupported:
        return
    nlp.remove_pipe(name)


def use_rule_components(nlp: Language) -> None:
    """Put :class:`AttributeRules` and :class:`RuleLemmas` in place of ``nlp``'s attribute
    ruler and lemmatizer, giving the same results; leave either as it is when ``nlp`` has none,
    or one of a kind they do not do."""
    _replace(nlp, "attribute_ruler", _FACTORY)
    _replace(nlp, "lemmatizer", _LEMMAS)
