"""The repair stage: undo scraping and translation damage, recording every change."""

from __future__ import annotations

from collections.abc import Callable

from newsdesk.model import Article
from newsdesk.resources import Resources
from newsdesk.stages.repair.boilerplate import boilerplate_rules, find_boilerplate_lines
from newsdesk.stages.repair.chrome import find_repeated_paragraphs, find_site_chrome_lines
from newsdesk.stages.repair.edits import Edit, EditableText
from newsdesk.stages.repair.encoding import find_encoding_edits, find_invisible_edits
from newsdesk.stages.repair.entities import find_entity_edits
from newsdesk.stages.repair.markup import find_markup_edits
from newsdesk.stages.repair.quotes import (
    find_attribution_punctuation_edits,
    find_lone_closer_edits,
    find_quote_edits,
)
from newsdesk.stages.repair.spacing import (
    find_hard_wrap_edits,
    find_layout_edits,
    find_newline_edits,
    find_spacing_edits,
)

EditFinder = Callable[[str], list[Edit]]

# Order matters: references and encodings first, so that later passes see real characters
# ("& mdash;" must be a dash before the quote pass reads "'', — he said"; "&lt;p&gt;" a tag
# before the markup pass sees it); chrome is removed
# before spacing tidies the blank lines it leaves; hard wraps are undone before quotation
# marks are paired, as a quotation runs over the lines of a wrapped paragraph.
_CHARACTER_PASSES: tuple[EditFinder, ...] = (
    find_newline_edits,
    find_hard_wrap_edits,
    find_entity_edits,
    find_encoding_edits,
    find_invisible_edits,
    find_markup_edits,
)
_PUNCTUATION_PASSES: tuple[EditFinder, ...] = (
    find_layout_edits,
    find_lone_closer_edits,
    find_quote_edits,
    find_attribution_punctuation_edits,
    find_spacing_edits,
)
# Passes run again while they still find work (one pass's edits can reveal more for another,
# as when spacing brings a quote mark next to a bracket), at most this many rounds.
_MAX_ROUNDS = 3


def _run_passes(text: EditableText, finders: tuple[EditFinder, ...]) -> None:
    """Run the passes in order, again while any of them still finds work."""
    for _ in range(_MAX_ROUNDS):
        changed = 0
        for finder in finders:
            changed += text.apply(finder(text.text))
        if changed == 0:
            return


def repair_text(
    original: str, resources: Resources, site_chrome: frozenset[str] = frozenset()
) -> EditableText:
    """Repair ``original`` and return the text with its log of repairs and removals;
    lines in ``site_chrome`` (learned for the article's site) go with the other chrome."""
    text = EditableText(original)
    _run_passes(text, _CHARACTER_PASSES)
    text.remove(find_boilerplate_lines(text.text, boilerplate_rules(resources)))
    text.remove(find_site_chrome_lines(text.text, site_chrome))
    text.remove(find_repeated_paragraphs(text.text))
    _run_passes(text, _PUNCTUATION_PASSES)
    return text


def repair(article: Article, resources: Resources) -> Article:
    """Fill ``text``, ``repairs``, ``removed`` and ``offset_map`` from ``original``."""
    repaired = repair_text(article.original, resources, article.site_chrome)
    return article.with_updates(
        text=repaired.text,
        repairs=repaired.repairs,
        removed=repaired.removed,
        offset_map=repaired.offset_map(),
    )
