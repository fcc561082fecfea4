"""Datelines: the place and outlet credit that open a news story's paragraph.

"OSLO (Reuters) - ", "PARIS, May 3 (AFP) -- ", "VIENNA — ", "(CNN)", "Hong Kong (CNN
Business)": set before the story's first words, they are no part of what anyone said nor of
who said it. The stages that read statements and speakers share this one reading of them.
"""

from __future__ import annotations

import re

from newsdesk.model import Paragraph

# A place in capitals, an optional state or country and date, an optional credit, a dash.
_PLACE_AND_DASH = (
    r"[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][A-Za-z. ]{1,25})?(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"\s*(?:\([A-Za-z .&/-]{1,30}\))?\s*(?:-{1,2}|—|–)\s"
)
# An outlet's credit in parentheses, alone, after a place in capitals, or after a place in
# title case when the credit is an acronym ("Hong Kong (CNN Business)"; "Ana Silva (Green)"
# is a name and a party); no dash: the story goes on at once with a capitalised word, often
# glued to the bracket ("(CNN)President").
_CREDIT = r"\([A-Z][A-Za-z .&/-]{0,29}\)"
_ACRONYM_CREDIT = r"\([A-Z]{2,}[A-Za-z .&/-]{0,28}\)"
_TITLE_PLACE = r"[A-Z][\w.'’-]*(?:,?[ \t][A-Z][\w.'’-]*){0,3}[ \t]?"
_CAPITAL_PLACE = r"[A-Z][A-Z.'’-]*(?:,?[ \t][A-Z][A-Z.'’-]*){0,3}[ \t]?"
_PLACE_CREDIT = rf"(?:{_TITLE_PLACE}{_ACRONYM_CREDIT}|(?:{_CAPITAL_PLACE})?{_CREDIT})"
_PLACE_AND_CREDIT = rf"{_PLACE_CREDIT}[ \t]*(?=[A-Z\"“‘'])"
DATELINE = re.compile(rf"{_PLACE_AND_DASH}|{_PLACE_AND_CREDIT}")
# A credit that opens a line glued to the word after it: where a space belongs.
GLUED_CREDIT = re.compile(rf"(?m)^{_PLACE_CREDIT}(?=[A-Z\"“‘])")


def dateline_end(text: str, paragraph_start: int) -> int:
    """Where a dateline that opens the paragraph ends ("OSLO (Reuters) - ", "PARIS, May 3
    (AFP) -- ", "(CNN) "), or ``paragraph_start`` when there is none."""
    match = DATELINE.match(text, paragraph_start)
    return match.end() if match else paragraph_start


def datelines(text: str, paragraphs: list[Paragraph]) -> list[tuple[int, int]]:
    """The (start, end) of each dateline that opens one of the paragraphs, in order."""
    found = []
    for paragraph in paragraphs:
        end = dateline_end(text, paragraph.start)
        if end > paragraph.start:
            found.append((paragraph.start, min(end, paragraph.end)))
    return found


def after_dateline(spans: list[tuple[int, int]], start: int) -> int:
    """``start`` moved past the dateline of ``spans`` it falls in, or kept when in none."""
    for begin, end in spans:
        if begin <= start < end:
            return end
    return start
