"""Temporal expressions found in text and normalised to TimeML values against an anchor date.

Our own rules, no network, no JVM: absolute and partial dates ("Aug. 7, 1998", "January 2"),
coordinations and ranges ("January 5 and 6", "from 5 to 7 January"), relative expressions
("yesterday", "last week", "on Monday", "since the beginning of this year", "two days ago"),
quarters and seasons, times ("10:35 a.m.", "Friday morning"), durations and sets. Values follow
TimeML: ``1998-08-07``, ``1998-W32``, ``1989-Q3``, ``1998-FA``, ``1998-08-07TMO``,
``PAST_REF``, ``P3D``. Without an anchor, a year the text does not give stays ``XXXX`` and a
relative expression keeps an unresolved value: nothing is invented. Numbers, percentages and
pronouns are never dates.
"""

from newsdesk.stages.dates.find import find_dates
from newsdesk.stages.dates.stage import normalise_dates

__all__ = ["find_dates", "normalise_dates"]
