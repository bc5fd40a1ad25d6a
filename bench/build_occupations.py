"""Derive matching/data/csco2022.tsv and titles_labelled.tsv from the shared data.

Run from the repository root:  python bench/build_occupations.py [shared/occupations folder]

Keeps level, code, display name (green/digital markers ``L``/``S`` stripped)
and the aliases (deduplicated, stripped, the official name first); and the
labelled ad titles (title, code) that train the normaliser's learned layer,
with the labels ``bench/label_corrections.tsv`` overrules corrected.
The package reads only the derived files, never the shared folder.
"""
import csv
import re
import sys
from pathlib import Path

SOURCE = Path("/work/shared/data/occupations")
DATA = Path(__file__).resolve().parent.parent / "matching" / "data"
CORRECTIONS = Path(__file__).resolve().parent / "label_corrections.tsv"
_MARKERS = re.compile(r"[LS/]+$")


def label_corrections():
    """``{(title, label): corrected code}``: labels of titles-dev.csv that are plainly wrong, for
    titles a fair sees (车间普工 labelled 车工, a lathe operator), overruled in what the
    normaliser learns from; each with its reason in the file."""
    with open(CORRECTIONS, encoding="utf-8", newline="") as handle:
        return {(row["title"], row["label"]): row["corrected"] for row in csv.DictReader(handle, delimiter="\t")}


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
    corrections = label_corrections()
    labelled = []
    with open(source / "titles-dev.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            title = " ".join(row["job_name"].split())
            if title and row["expected_code"] in known:
                labelled.append((title, corrections.pop((title, row["expected_code"]), row["expected_code"])))
    if corrections:  # a correction that no longer meets its row would silently stop applying
        raise SystemExit(f"corrections whose title and label are not in titles-dev.csv: {sorted(corrections)}")
    with open(DATA / "titles_labelled.tsv", "w", encoding="utf-8", newline="") as handle:
        handle.write("title\tcode\n")
        for title, code in labelled:
            handle.write(f"{title}\t{code}\n")
    print(f"wrote {len(rows)} occupations and {len(labelled)} labelled titles to {DATA}")


if __name__ == "__main__":
    main(*sys.argv[1:])
