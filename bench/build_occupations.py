"""Derive matching/data/csco2022.tsv and titles_labelled.tsv from the shared data.

Run from the repository root:  python bench/build_occupations.py [shared/occupations folder]

Keeps level, code, display name (green/digital markers ``L``/``S`` stripped)
and the aliases (deduplicated, stripped, the official name first); and the
labelled ad titles (title, code) that train the normaliser's learned layer,
as :func:`learning_rows` gives them (plainly wrong labels corrected).
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


def learning_rows(titles, codes, names):
    """Labelled titles as the normaliser learns them: ``(titles, codes)`` with the labels
    :func:`label_corrections` overrules corrected. An occupation whose only labels were wrong
    would drop out of the classifier, and its own aliases with it (殡葬服务员 went to
    餐厅服务员 once 续期服务专员 no longer taught 殡仪服务员): its official name (``names``:
    code -> name) stands in as its one example."""
    corrections = label_corrections()
    learned = [corrections.get((" ".join(title.split()), code), code) for title, code in zip(titles, codes)]
    emptied = sorted(set(codes) - set(learned))
    return list(titles) + [names[code] for code in emptied], learned + emptied


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
    names = {row[1]: row[2] for row in rows}
    titles, codes = [], []
    with open(source / "titles-dev.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            title = " ".join(row["job_name"].split())
            if title and row["expected_code"] in names:
                titles.append(title)
                codes.append(row["expected_code"])
    # A correction that no longer meets its row would silently stop applying.
    stale = set(label_corrections()) - set(zip(titles, codes))
    if stale:
        raise SystemExit(f"corrections whose title and label are not in titles-dev.csv: {sorted(stale)}")
    titles, codes = learning_rows(titles, codes, names)
    with open(DATA / "titles_labelled.tsv", "w", encoding="utf-8", newline="") as handle:
        handle.write("title\tcode\n")
        for title, code in zip(titles, codes):
            handle.write(f"{title}\t{code}\n")
    print(f"wrote {len(rows)} occupations and {len(titles)} labelled titles to {DATA}")


if __name__ == "__main__":
    main(*sys.argv[1:])
