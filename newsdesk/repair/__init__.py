"""Repair passes: each finds the edits one kind of damage needs in a text, and changes nothing.

The repair stage (``newsdesk.stages.repair``) applies them in order through
``newsdesk.textedit.EditableText``, which records every change.
"""
