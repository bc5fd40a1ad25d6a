"""Derive matching/data/csco2022.tsv and titles_labelled.tsv from the shared data.

Run from the repository root:  python bench/build_occupations.py [shared/occupations folder]

Keeps level, code, display name (green/digital markers ``L``/``S`` stripped)
and the aliases (deduplicated, stripped, the official name first); and the
labelled ad titles (title, code) that train the normaliser's learned layer.
The package reads only the derived files, never the shared folder.
"""
import csv
import re
import sys
from pathlib import Path

SOURCE = Path("/work/shared/data/occupations")
DATA = Path(__file__).resolve().parent.parent / "matching" / "data"
_MARKERS = re.compile(r"[LS/]+$")


def main(source=SOURCE):
    source = Path(source)
    rows = []
    with open(source / "csco2022.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            name = _MARKERS.sub("", row["name"].strip())
            aliases = [name]
            for alias in row["aliases"].split(","):
                alias = alias.strip()
                if alias == row["name"].strip():
                    alias = name
                if alias and alias not in aliases:
                    aliases.append(alias)
            rows.append((row["level"], row["code"], name, "|".join(aliases)))
    DATA.mkdir(parents=True, exist_ok=True)
    with open(DATA / "csco2022.tsv", "w", encoding="utf-8", newline="") as handle:
        handle.write("level\tcode\tname\taliases\n")
        for row in rows:
            handle.write("\t".join(row) + "\n")
    known = {row[1] for row in rows}
    labelled = []
    with open(source / "titles-dev.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            title = " ".join(row["job_name"].split())
            if title and row["expected_code"] in known:
                labelled.append((title, row["expected_code"]))
    with open(DATA / "titles_labelled.tsv", "w", encoding="utf-8", newline="") as handle:
        handle.write("title\tcode\n")
        for title, code in labelled:
            handle.write(f"{title}\t{code}\n")
    print(f"wrote {len(rows)} occupations and {len(labelled)} labelled titles to {DATA}")


if __name__ == "__main__":
    main(*sys.argv[1:])
