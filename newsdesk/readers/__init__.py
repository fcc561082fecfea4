"""Readers turn files and streams into unprocessed articles, or explain why they cannot."""
