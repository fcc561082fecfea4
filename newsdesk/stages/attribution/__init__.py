"""The attribution stage: who said (or believes, or found) what, as source, cue and content.

``stage.py`` runs the rules over one article; ``quotations.py`` pairs quotation marks and
reads the cue lexicon; ``syntax.py`` holds the parse-tree helpers and word lists the rules
share; ``base.py`` and ``clauses.py`` hold the rules for quotations and for reported clauses.
"""

from newsdesk.stages.attribution.stage import attribute

__all__ = ["attribute"]
