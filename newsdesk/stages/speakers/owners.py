"""Organisations a description names by their owner ("Russia's foreign ministry", "the
Clinton campaign", "the French foreign ministry"): their canonical names, and whether a
description can refer to an organisation named before or names another country's or
owner's body."""

from __future__ import annotations

from spacy.tokens import Token

from newsdesk.lang.countries import countries
from newsdesk.stages.speakers.mentions import description, name_owner


def description_owner(root: Token) -> Token | None:
    """The name that says whose organisation ``root`` is: "the Clinton campaign", "Russia's
    foreign ministry", and one possessive further down, "Bolivia's public defender's
    office" (Bolivia)."""
    owner = name_owner(root)
    if owner is not None:
        return owner
    for child in root.lefts:
        if child.dep_ == "poss" and child.pos_ in ("NOUN", "ADJ"):
            return name_owner(child)
    return None


def _owner_words(owner: Token) -> str:
    """How a canonical name gives its owner: a country by its adjective ("Russian"),
    anyone else (a person called "Jordan" too) by the name as written ("Trump", "Sanders")."""
    table = countries()
    whole = [t for t in owner.subtree if t.dep_ != "case" and not t.is_punct]
    for words in (" ".join(t.text for t in whole), owner.text):
        country = table.country(words)
        if country is not None and owner.ent_type_ != "PERSON":
            return table.adjective(country) or words
    return owner.text


def owned_name(root: Token, core: list[Token]) -> str:
    """The canonical name of an organisation named by its owner: the owner, a country by
    its adjective, then the words of the description after it in order ("Russia's foreign
    ministry" -> "Russian foreign ministry", "Trump's campaign" -> "Trump campaign"); ""
    when the description names no owner."""
    owner = description_owner(root)
    if owner is None:
        return ""
    rest = [t for t in core if t.i > owner.right_edge.i and t.i <= root.i]
    return f"{_owner_words(owner)} {description(rest) or root.lower_}"


def another_country(core: list[Token], name: str) -> bool:
    """Whether a description (its ``core`` words) and an organisation named before
    (``name``) belong to different countries: "the French foreign ministry" and "Russian
    foreign ministry" do, "the Russian foreign ministry" and "Russia's foreign ministry"
    do not. A description that names no country ("the ministry") belongs to no other."""
    table = countries()
    mine = set(table.named_in([t.text for t in core if t.dep_ != "case" and not t.is_punct]))
    theirs = set(table.named_in(name.replace("'s", "").replace("’s", "").split()))
    return bool(mine and theirs and not mine & theirs)
