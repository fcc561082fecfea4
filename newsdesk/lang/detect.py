"""Is a text English? A quick test on function words, enough to keep other languages out."""

from __future__ import annotations

import re

# The commonest English function words: in English prose they make up a third or more of the
# words; in other languages written in Latin script, a few percent at most.
FUNCTION_WORDS = frozenset(
    "the of and to a in is that for it was on with as he be by at are this from have his not "
    "but an they were had has its which their or will would been said who we there after".split()
)
# The commonest function words of other languages written in Latin script (Spanish,
# Portuguese, French, Italian, German, Dutch, Indonesian and Malay, Turkish, Polish, Czech,
# Romanian, Swedish, Vietnamese, Tagalog, Hungarian, Finnish, Swahili), none of them an
# English word.
OTHER_FUNCTION_WORDS = frozenset(
    """de la du y e o et zu im el los las del por con una para que se es en su al lo como más
    pero sus le
    os das dos em não uma com para ao pelo pela são foi também
    les des une est dans pour qui sur pas au aux avec ce sont mais ou été
    il gli della delle che di non sono per nel alla anche più essere
    der die das und ist von den dem mit sich des auf für nicht ein eine als auch es
    het een van en zijn op voor niet dat met ook werd
    yang dan di ini itu dengan untuk dari tidak akan pada juga ada
    ve bir bu da için ile olarak çok daha gibi
    się na nie jest że do jak po od przez oraz
    je na se že ve jako jsou
    și în care pentru cu este din sau mai
    och att det som är på för med av till inte
    của và là các có được trong cho những một
    ang ng sa mga ay az és hogy nem ja että ei oli wa ya kwa za""".split()
)
_WORD = re.compile(r"[^\W\d_]+")
_LATIN = re.compile(r"^[a-zà-ÿāăąćčďēėęěğīįıķłńňōőœřśşšţťūůűųźżžđơưạ-ỹ'’-]+$")
MIN_WORDS = 40
MIN_SHARE = 0.12
# A text in another script: most of its words are not written in Latin letters.
MIN_LATIN_SHARE = 0.5


def looks_english(text: str) -> bool:
    """True unless a text of some length reads as another language: too few English function
    words and either mostly another script or more of another language's function words (a
    list of names and scores, with next to no function words of any language, passes)."""
    words = [w.lower() for w in _WORD.findall(text[:20_000])]
    if len(words) < MIN_WORDS:
        return True  # too short to judge: let it through
    english = sum(1 for w in words if w in FUNCTION_WORDS) / len(words)
    if english >= MIN_SHARE:
        return True
    if sum(1 for w in words if _LATIN.match(w)) / len(words) < MIN_LATIN_SHARE:
        return False
    other = sum(1 for w in words if w in OTHER_FUNCTION_WORDS) / len(words)
    return other <= english
