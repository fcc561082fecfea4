"""Evaluation against public gold data: the scorers behind ``newsdesk eval`` and CI's gate."""
