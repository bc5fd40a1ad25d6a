"""What a posting's description requires, as an HR clerk fills the form from it: the matcher's reading
against judged postings.

Run from the repository root:  python bench/posting_fields.py [--show N]

An employer who leaves the form's education, years or pay blank is matched on
what the description states (``matching.requirements.read_requirements``).
Each file in ``bench/posting_fields/`` holds postings written as employers at
a Chongqing fair write them (full ads, booth signs, spreadsheet rows, WeChat
posts), apart from the code, each with what a clerk would enter from the
description alone: ``education_min`` (an API code, ``none`` for 学历不限),
``experience_min_years`` (0 where newcomers are taken), ``salary_min`` and
``salary_max`` (yuan a month; a year's pay a twelfth, to the hundred); empty
where the description states none or only a preference.  A second pass of
hands judged ``location`` from the title and description (where the work is,
as written; not routes, customers' regions or travel), compared by the
districts and cities the location factor reads of it.

Reported per file and field: where one is stated, the share read as judged
(pay: both ends) and the share where none is read; where none is, the share
where none is read.
"""
import argparse
import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from matching.profile import place_tokens  # noqa: E402
from matching.requirements import read_location, read_requirements  # noqa: E402

POSTINGS = Path(__file__).resolve().parent / "posting_fields"
FIELDS = ("education_min", "experience_min_years", "salary", "location")


def places(text):
    """What the location factor reads of a place: its districts and cities, else the place as written."""
    tokens = place_tokens(text) if text else set()
    return frozenset(token for token in tokens if not token.startswith("area:")) or None


def judged(row, field):
    if field == "location":
        return places(row["location"].strip())
    if field == "salary":
        low, high = row["salary_min"].strip(), row["salary_max"].strip()
        return (int(low), int(high) if high else None) if low else None
    value = row[field].strip()
    return (int(value) if field == "experience_min_years" else value) if value else None


def read(requirements, field, location):
    if field == "location":
        return places(location)
    if field == "salary":
        return (requirements.salary_min, requirements.salary_max) if requirements.salary_min is not None else None
    return getattr(requirements, field)


def measure(rows):
    """Per field: counts of stated, read as judged, nothing read; none stated, none read; and the misses."""
    found = {field: {"stated": 0, "right": 0, "nothing": 0, "none": 0, "none_right": 0, "misses": []}
             for field in FIELDS}
    for row in rows:
        description = row["description"].replace("\\n", "\n")
        requirements, location = read_requirements(description), read_location(f"{row['title']}\n{description}")
        for field in FIELDS:
            truth, got, counts = judged(row, field), read(requirements, field, location), found[field]
            if truth is None:
                counts["none"] += 1
                counts["none_right"] += got is None
            else:
                counts["stated"] += 1
                counts["right"] += got == truth
                counts["nothing"] += got is None
            if got != truth:
                counts["misses"].append((row, truth, got))
    return found


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", type=int, default=0, help="print this many misses per file and field")
    args = parser.parse_args(argv)
    for path in sorted(POSTINGS.glob("*.tsv")):
        with open(path, encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
        print(f"{path.name} ({len(rows)} postings)")
        for field, counts in measure(rows).items():
            stated = max(counts["stated"], 1)
            print(f"  {field:21} stated in {counts['stated']:3}: read as judged {counts['right'] / stated:.3f}, "
                  f"nothing read {counts['nothing'] / stated:.3f}; none stated and none read "
                  f"{counts['none_right']}/{counts['none']}")
            for row, truth, got in counts["misses"][: args.show]:
                print(f"    {truth} <- {got}: {row['description'][:140]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
