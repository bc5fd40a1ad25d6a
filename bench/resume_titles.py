"""Which job a resume names, as a recruiter files the seeker: the matcher's reading against judged resumes.

Run from the repository root:  python bench/resume_titles.py [--show N]

A seeker who types no desired title at a kiosk is matched on the jobs their
resume names (``OccupationNormalizer.titles_in_text``): the first of them
counts fully, the others less.  Each file in ``bench/resume_titles/`` holds
resumes as seekers hand them in (kiosk entries, work histories with dates,
self-introductions, Chinese and English), written apart from the code, each
with the job a recruiter would file the seeker under (``main_job``: the
current or longest career, not a stint or the job wanted; empty when the
resume states none) and the other jobs it says were done.

Reported per file, by occupation code (both sides through the same
normaliser, so this measures the reading, not the normalisation): where a
main job is stated, the share whose first title found is that job's
occupation, the share whose first title is at least in its 小类, and the
share where nothing is found; where none is stated, the share where no job
done is found (the jobs such a resume says are wanted are the seeker's titles,
and count as none); and the share of the other jobs found among the titles.

A seeker who types no years is matched on the years of work their resume
states (``matching.resumes.read_experience``).  ``years`` is what a recruiter
would enter from the resume alone (empty or 0 where it states no work time;
至今 runs to November 2026, when it was judged).  Reported per file: where
years are stated, the share read within a year, the share read to the year,
the share where none are read, and the median error; where none are, the
share where none are read.  Likewise the schooling (``read_education``):
``education`` is the API code a recruiter would enter from the resume alone
(empty where it does not let one tell); reported are the share read as
judged, of the same rank, and where none is stated, the share read as none.
"""
import argparse
import csv
import statistics
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from matching.occupations import default_normalizer  # noqa: E402
from matching.profile import EDUCATION_RANK  # noqa: E402
from matching.resumes import read_education, read_experience, read_jobs  # noqa: E402

RESUMES = Path(__file__).resolve().parent / "resume_titles"
TODAY = date(2026, 11, 30)  # the years were judged in November 2026: 至今 runs to then


def code_of(normalizer, title):
    found = normalizer.normalize(title) if title else None
    return found.code if found else None


def read_years(rows):
    """How :func:`read_experience` reads the years of work of judged resumes (``years``: empty or 0 where
    the resume states no work time)."""
    found = {"stated": 0, "close": 0, "exact": 0, "nothing": 0, "none": 0, "none_right": 0, "misses": []}
    errors = []
    for row in rows:
        read = read_experience(row["resume"].replace("\\n", "\n"), today=TODAY)
        judged = float(row["years"]) if row["years"].strip() else 0.0
        if not judged:
            found["none"] += 1
            found["none_right"] += not read
            if read:
                found["misses"].append((row, read))
            continue
        found["stated"] += 1
        if read is None:
            found["nothing"] += 1
            found["misses"].append((row, read))
            continue
        errors.append(abs(read - judged))
        found["close"] += errors[-1] <= 1.0
        found["exact"] += round(read) == round(judged)
        if errors[-1] > 1.0:
            found["misses"].append((row, read))
    found["median_error"] = statistics.median(errors) if errors else 0.0
    return found


def read_schooling(rows):
    """How :func:`read_education` reads the judged resumes' education (``education``: an API code, empty where
    the resume does not let one tell)."""
    found = {"stated": 0, "exact": 0, "rank": 0, "nothing": 0, "none": 0, "none_right": 0, "misses": []}
    for row in rows:
        read = read_education(row["resume"].replace("\\n", "\n"))
        judged = row["education"].strip()
        if not judged:
            found["none"] += 1
            found["none_right"] += read is None
        else:
            found["stated"] += 1
            found["exact"] += read == judged
            found["rank"] += read is not None and EDUCATION_RANK[read] == EDUCATION_RANK[judged]
            found["nothing"] += read is None
        if read != (judged or None):
            found["misses"].append((row, read))
    return found


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", type=int, default=0, help="print this many misses per file")
    args = parser.parse_args(argv)
    normalizer = default_normalizer()
    for path in sorted(RESUMES.glob("*.tsv")):
        with open(path, encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
        exact = group = nothing = stated = empty = empty_right = others = others_found = 0
        misses = []
        for row in rows:
            resume = row["resume"].replace("\\n", "\n")
            titles = normalizer.titles_in_text(resume)
            codes = [code_of(normalizer, title) for title in titles]
            main_code = code_of(normalizer, row["main_job"].strip())
            if main_code is None:
                empty += 1
                done, _ = read_jobs(normalizer, resume)
                empty_right += not done
                if done:
                    misses.append((row, titles))
            else:
                stated += 1
                first = codes[0] if codes else None
                exact += first == main_code
                group += first is not None and first[:7] == main_code[:7]
                nothing += not titles
                if first != main_code:
                    misses.append((row, titles))
            for other in filter(None, (job.strip() for job in row["other_jobs"].split("|"))):
                other_code = code_of(normalizer, other)
                if other_code is not None:
                    others += 1
                    others_found += other_code in codes
        years = read_years(rows)
        print(f"{path.name}: main job first {exact}/{stated} ({exact / max(stated, 1):.3f}), its 小类 "
              f"{group / max(stated, 1):.3f}, nothing found {nothing / max(stated, 1):.3f}; no job stated and none "
              f"done found {empty_right}/{empty}; other jobs found {others_found}/{others}")
        for row, titles in misses[: args.show]:
            print(f"  {row['main_job'] or '(none)'} <- {titles}: {row['resume'][:120]}")
        judged = max(years["stated"], 1)
        print(f"  years of work: stated in {years['stated']}, read within a year {years['close']}/{years['stated']} "
              f"({years['close'] / judged:.3f}), to the year {years['exact'] / judged:.3f}, "
              f"nothing read {years['nothing'] / judged:.3f}, median error "
              f"{years['median_error']:.1f} years; none stated and none read {years['none_right']}/{years['none']}")
        for row, read in years["misses"][: args.show]:
            print(f"  {row['years'] or '(none)'} <- {read}: {row['resume'][:120]}")
        schooling = read_schooling(rows)
        judged = max(schooling["stated"], 1)
        print(f"  education: stated in {schooling['stated']}, read as judged "
              f"{schooling['exact']}/{schooling['stated']} ({schooling['exact'] / judged:.3f}), of the same rank "
              f"{schooling['rank'] / judged:.3f}, nothing read {schooling['nothing'] / judged:.3f}; none stated and none "
              f"read {schooling['none_right']}/{schooling['none']}")
        for row, read in schooling["misses"][: args.show]:
            print(f"  {row['education'] or '(none)'} <- {read}: {row['resume'][:120]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
