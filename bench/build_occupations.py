"""Derive matching/data/csco2022.tsv from the shared CSCO 2022 table.

Run from the repository root:  python bench/build_occupations.py [path/to/csco2022.csv]

Keeps level, code, display name (green/digital markers ``L``/``S`` stripped)
and the aliases (deduplicated, stripped, the official name first).  The
package reads only the derived file, never the shared folder.
"""
import csv
import re
import sys
from pathlib import Path

SOURCE = Path("/work/shared/data/occupations/csco2022.csv")
TARGET = Path(__file__).resolve().parent.parent / "matching" / "data" / "csco2022.tsv"
_MARKERS = re.compile(r"[LS/]+$")


def main(source=SOURCE):
    rows = []
    with open(source, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            name = _MARKERS.sub("", row["name"].strip())
            aliases = [name]
            for alias in row["aliases"].split(","):
                alias = _MARKERS.sub("", alias.strip()) if alias.strip() == row["name"].strip() else alias.strip()
                if alias and alias not in aliases:
                    aliases.append(alias)
            rows.append((row["level"], row["code"], name, "|".join(aliases)))
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    with open(TARGET, "w", encoding="utf-8", newline="") as handle:
        handle.write("level\tcode\tname\taliases\n")
        for row in rows:
            handle.write("\t".join(row) + "\n")
    print(f"wrote {len(rows)} occupations to {TARGET}")


if __name__ == "__main__":
    main(*sys.argv[1:])
