"""Build newsdesk/lang/en/first_names.tsv: first names with the gender they almost always carry.

Source: the 1990 US Census name frequency files (dist.male.first, dist.female.first), a work
of the US government in the public domain, as shipped in the ``names`` package on PyPI (0.3.0).
A name is kept when one gender has at least nine tenths of its combined frequency. Names from
newsdesk/lang/en/first_names_extra.tsv (international names common in the news) are added after.

Usage: python scripts/first_names.py PATH/TO/names-0.3.0/names > newsdesk/lang/en/first_names.tsv
"""

from __future__ import annotations

import sys
from pathlib import Path

SHARE = 0.85


def read(path: Path) -> dict[str, float]:
    """Name -> percentage of people of that sex who carry it."""
    frequencies = {}
    for line in path.read_text("ascii").splitlines():
        cells = line.split()
        if len(cells) >= 2:
            frequencies[cells[0].title()] = float(cells[1])
    return frequencies


def main() -> None:
    """Print the table."""
    folder = Path(sys.argv[1])
    male = read(folder / "dist.male.first")
    female = read(folder / "dist.female.first")
    print("# First names and the gender they almost always carry (m or f), one per line.")
    print("# From the 1990 US Census name frequency files (US government work, public domain):")
    print(f"# a name is listed when one gender has at least {SHARE:.0%} of its frequency.")
    print("# Built by scripts/first_names.py; international names are in first_names_extra.tsv.")
    for name in sorted(set(male) | set(female)):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if m >= SHARE * (m + f):
            print(f"{name}\tm")
        elif f >= SHARE * (m + f):
            print(f"{name}\tf")


if __name__ == "__main__":
    main()
