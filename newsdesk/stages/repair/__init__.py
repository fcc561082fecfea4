"""Repair passes: each finds the edits one kind of damage needs in a text, and changes nothing.

The repair stage (``stage.py``) applies them in order through ``edits.EditableText``, which
records every change.
"""

from newsdesk.stages.repair.stage import repair, repair_text

__all__ = ["repair", "repair_text"]
