"""Is a text English? A quick test on function words, enough to keep other languages out."""

from __future__ import annotations

import re

# The commonest English function words: in English prose they make up a third or more of the
# words; in other languages written in Latin script, a few percent at most.
FUNCTION_WORDS = frozenset(
    "the of and to a in is that for it was on with as he be by at are this from have his not "
    "but an they were had has its which their or will would been said who we there after".split()
)
_WORD = re.compile(r"[^\W\d_]+")
MIN_WORDS = 40
MIN_SHARE = 0.12


def looks_english(text: str) -> bool:
    """True unless a text of some length has too few English function words to be English."""
    words = [w.lower() for w in _WORD.findall(text[:20_000])]
    if len(words) < MIN_WORDS:
        return True  # too short to judge: let it through
    share = sum(1 for w in words if w in FUNCTION_WORDS) / len(words)
    return share >= MIN_SHARE
