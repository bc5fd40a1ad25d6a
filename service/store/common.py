"""What both stores share: record defaults, counter rules and the stats shape.

Counters are kept as ``(dim, key, metric) -> int`` cells per fair:

- dim ``"fair"`` (key ``""``): employers, kiosks, postings, positions, seekers,
  resumes, seeker_intents, employer_intents, agreements,
  seekers_with_agreement, postings_without_interest;
- dim ``"employer"`` (key = employer id): postings, positions,
  seeker_intents, employer_intents, agreements;
- dim ``"occupation"`` (key = occupation code): postings, positions,
  seekers, agreements;
- dim ``"hour"`` (key = start of the hour, ISO with offset): seekers,
  seeker_intents, agreements (events, never decremented).

``postings`` and ``positions`` count *open* postings: closing or deleting a
posting takes it off offer. Intent and agreement counters follow the pair's
current state; erasing a seeker or deleting a posting moves none of them.

``awaiting_employer`` (per employer and the fair's total) is no counter: the stores count
it from the intents when stats are read, so an erased seeker, who can't be answered, no
longer waits.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from datetime import datetime, timezone

FAIR_METRICS = (
    "employers", "kiosks", "postings", "positions", "seekers", "resumes",
    "seeker_intents", "employer_intents", "agreements",
    "seekers_with_agreement", "postings_without_interest",
)
EMPLOYER_METRICS = ("postings", "positions", "seeker_intents", "employer_intents", "agreements")
OCCUPATION_METRICS = ("postings", "positions", "seekers", "agreements")
HOUR_METRICS = ("seekers", "seeker_intents", "agreements")



_SPACES = re.compile(r"\s+")


def employer_name_key(name: str) -> str:
    """What two employer names share when they name one employer: ``ＡＢＣ（重庆） 公司``
    and ``abc(重庆) 公司`` alike (NFKC folds full-width forms, then case is folded and
    spaces trimmed, runs of them made one)."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", name).casefold()).strip()


def names_taken(names: list[str], registered: set[str]) -> list[int]:
    """Positions of the names whose key is in ``registered`` or repeats an earlier name's."""
    seen, taken = set(registered), []
    for position, name in enumerate(names):
        key = employer_name_key(name)
        if key in seen:
            taken.append(position)
        seen.add(key)
    return taken


EMPLOYER_FIELDS = ("industry", "credit_code", "contact_name", "contact_phone", "booth")


def employer_record(fair_id: int, data: dict, now: str) -> dict:
    """A new employer's record from validated fields (optional ones None when not given)."""
    return {"fair_id": fair_id, "name": data["name"], **{field: data.get(field) for field in EMPLOYER_FIELDS},
            "created_at": now}


def posting_defaults() -> dict:
    """Fresh defaults of a posting's optional fields (fresh: lists are mutable)."""
    return {
        "title": "", "description": "", "skills": [], "headcount": 1, "education_min": None,
        "experience_min_years": None, "salary_min": None, "salary_max": None,
        "location": None, "job_type": "full_time", "status": "open", "occupation": None,
    }


def seeker_defaults() -> dict:
    """Fresh defaults of a seeker's optional fields."""
    return {
        "name": "", "phone": "", "consent": True, "desired_titles": [], "skills": [],
        "education": None, "experience_years": None, "salary_expectation": None,
        "locations": [], "resume_text": "", "occupations": [],
    }


def hour_bucket(now: str) -> str:
    """The start of ``now``'s hour, keeping its offset: ``...T09:00:00+08:00``."""
    return datetime.fromisoformat(now).replace(minute=0, second=0, microsecond=0).isoformat()


def first_occupation(seeker: dict) -> dict | None:
    """The seeker's first normalised desired occupation, or None."""
    occupations = seeker.get("occupations") or []
    return occupations[0] if occupations else None


def search_text(posting: dict) -> str:
    """Lower-cased title, description and skills, what ``q`` searches."""
    parts = [posting.get("title") or "", posting.get("description") or ""]
    parts.extend(posting.get("skills") or [])
    return "\n".join(parts).lower()


def intent_record(posting_id: int, seeker_id: int, seeker_interested: bool,
                  employer_interested: bool, agreed_at: str | None) -> dict:
    """The intent shape of docs/DESIGN.md."""
    return {
        "posting_id": posting_id,
        "seeker_id": seeker_id,
        "seeker_interested": bool(seeker_interested),
        "employer_interested": bool(employer_interested),
        "agreed": bool(seeker_interested and employer_interested),
        "agreed_at": agreed_at,
    }


def intent_counts_record(interested: int = 0, awaiting_employer: int = 0, agreed: int = 0) -> dict:
    """A posting's intent counts as ``Store.intent_counts`` gives them."""
    return {"interested": interested, "awaiting_employer": awaiting_employer, "agreed": agreed}


def dumps(value) -> str:
    """Compact JSON that keeps Chinese readable."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def build_stats(fair_id: int, cells, employers: dict[int, dict], occupation_names: dict,
                awaiting_employer: dict[int, int]) -> dict:
    """The stats shape of docs/DESIGN.md from ``(dim, key, metric, value)`` cells.

    ``employers`` holds every employer record of the fair by id (its name and booth are
    shown), so employers without postings still get a row. ``awaiting_employer`` counts, per
    employer id, the seekers interested now whom the employer has not marked.
    """
    totals = dict.fromkeys(FAIR_METRICS, 0)
    by = {dim: defaultdict(dict) for dim in ("employer", "occupation", "hour")}
    for dim, key, metric, value in cells:
        if dim == "fair":
            totals[metric] = int(value)
        else:
            by[dim][key][metric] = int(value)

    by_employer = []
    for employer_id, employer in employers.items():
        row = by["employer"].get(str(employer_id), {})
        by_employer.append({"employer_id": int(employer_id), "name": employer["name"], "booth": employer.get("booth"),
                            **{m: row.get(m, 0) for m in EMPLOYER_METRICS},
                            "awaiting_employer": awaiting_employer.get(int(employer_id), 0)})
    by_employer.sort(key=lambda r: (-r["agreements"], r["name"], r["employer_id"]))

    by_occupation = []
    for code, row in by["occupation"].items():
        if any(row.values()):
            by_occupation.append({"code": code, "name": occupation_names.get(code, code),
                                  **{m: row.get(m, 0) for m in OCCUPATION_METRICS}})
    by_occupation.sort(key=lambda r: (-r["positions"], -r["seekers"], r["code"]))

    by_hour = [{"hour": hour, **{m: row.get(m, 0) for m in HOUR_METRICS}}
               for hour, row in by["hour"].items()]
    by_hour.sort(key=lambda r: datetime.fromisoformat(r["hour"]))

    return {
        "fair_id": fair_id,
        "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        **totals,
        "awaiting_employer": sum(awaiting_employer.values()),
        "by_occupation": by_occupation,
        "by_employer": by_employer,
        "by_hour": by_hour,
    }


def posting_cells(posting: dict | None, seeker_interest: int) -> list[tuple]:
    """Counter cells an existing posting contributes: (dim, key, metric, value).

    A write applies ``new contribution - old contribution``, which handles
    create, update (status, headcount, occupation) and delete alike.
    """
    if posting is None or posting.get("status", "open") != "open":
        return []
    headcount = int(posting.get("headcount") or 1)
    employer = str(posting["employer_id"])
    cells = [
        ("fair", "", "postings", 1), ("fair", "", "positions", headcount),
        ("employer", employer, "postings", 1), ("employer", employer, "positions", headcount),
    ]
    occupation = posting.get("occupation")
    if occupation:
        cells += [("occupation", occupation["code"], "postings", 1),
                  ("occupation", occupation["code"], "positions", headcount)]
    if seeker_interest == 0:
        cells.append(("fair", "", "postings_without_interest", 1))
    return cells


def difference(new: list[tuple], old: list[tuple]) -> list[tuple]:
    """``new - old`` as cells, leaving out zeros."""
    total = defaultdict(int)
    for dim, key, metric, value in new:
        total[dim, key, metric] += value
    for dim, key, metric, value in old:
        total[dim, key, metric] -= value
    return [(*cell, value) for cell, value in total.items() if value]
