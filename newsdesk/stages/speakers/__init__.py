"""The speakers stage: who each attribution's source mention refers to, with the evidence.

``stage.py`` runs the stage; ``mentions.py`` classifies a source mention; ``discourse.py``
tracks the referents an article introduces; ``descriptions.py`` and ``rules.py`` resolve
descriptions, pronouns and names to those referents.
"""

from newsdesk.stages.speakers.stage import resolve_speakers

__all__ = ["resolve_speakers"]
