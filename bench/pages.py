"""Every page a bench-like session gets from the matching core, as JSON lines, to compare two versions.

Run from the repository root, once per version, and compare the outputs:

    python bench/pages.py > before.jsonl
    git switch other-branch && python bench/pages.py > after.jsonl
    cmp before.jsonl after.jsonl

The session is ``bench/speed.py``'s (same fair, same queries, rankings with
and without reasons, each page asked again) plus further pages, by record
id, with ``only``, after upserts, removals and closed postings, and on an
index with other weights for queries without titles or skills and with
English text.  Each line holds a page's ids, scores and reasons, every value
with its type's name (a ``FrozenDict`` is not a ``dict`` here), so equal
files mean the same results, order, scores and reasons, structure included.
"""
import argparse
import json
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quality import generate_fair  # noqa: E402
from speed import occupation_of  # noqa: E402

from matching import MatchIndex  # noqa: E402


def typed(value):
    """``value`` as JSON that also names the type of every dict, list and scalar."""
    if isinstance(value, dict):
        return [type(value).__name__, [[key, typed(item)] for key, item in value.items()]]
    if isinstance(value, (list, tuple)):
        return [type(value).__name__, [typed(item) for item in value]]
    if isinstance(value, float) and math.isnan(value):
        return "NaN"
    return [type(value).__name__, value]


def show(kind, matches):
    print(json.dumps([kind, [[match.id, typed(match.score), typed(match.reasons)] for match in matches]],
                     ensure_ascii=False))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    postings, seekers, _ = generate_fair(18000, 3000, seed=args.seed)
    for posting in postings:
        posting["occupation"] = occupation_of(posting["title"])
    for seeker in seekers:
        seeker["occupations"] = [found for found in map(occupation_of, seeker["desired_titles"]) if found]
    posting_queries = postings[:: max(1, len(postings) // args.queries)][: args.queries]
    seeker_queries = seekers[:: max(1, len(seekers) // args.queries)][: args.queries]

    index = MatchIndex()
    index.upsert_seekers(seekers)
    index.upsert_postings(postings)
    for number, (posting, seeker) in enumerate(zip(posting_queries, seeker_queries)):
        # As bench/speed.py: ranking only and with reasons alternate in order, then the same pages again.
        passes = ("ranking", "reasons") if number % 2 == 0 else ("reasons", "ranking")
        for name in passes:
            with_reasons = name == "reasons"
            show(f"shortlist {name}", index.shortlist(posting, limit=50, reasons=with_reasons))
            show(f"recommend {name}", index.recommend(seeker, limit=10, reasons=with_reasons))
        show("shortlist again", index.shortlist(posting, limit=50))
        show("recommend again", index.recommend(seeker, limit=10))
        if number % 5 == 0:
            show("shortlist by id, second page", index.shortlist(posting["id"], limit=50, offset=50))
            show("recommend by id, excluding", index.recommend(seeker["id"], limit=20, offset=5,
                                                              exclude=[posting_queries[0]["id"]]))
            show("shortlist of some seekers", index.shortlist(posting, limit=50,
                                                              only=[s["id"] for s in seekers[number::97]]))
    changed = [dict(seeker, skills=list(seeker["skills"]) + ["叉车证"]) for seeker in seeker_queries]
    index.upsert_seekers(changed)
    for seeker, posting in zip(changed, posting_queries):
        index.upsert_seekers([dict(seeker, experience_years=3)])
        show("shortlist after an upsert", index.shortlist(posting, limit=50))
        show("recommend after an upsert", index.recommend(seeker, limit=10))
    index.remove_seekers([seeker["id"] for seeker in seekers[:6000:2]])
    index.upsert_postings([dict(posting, status="closed") for posting in postings[:900:3]])
    for posting, seeker in zip(posting_queries[:30], seeker_queries[:30]):
        show("shortlist after removals", index.shortlist(posting, limit=50))
        show("recommend after removals", index.recommend(seeker, limit=10))

    weighted = MatchIndex(weights={"title": 1, "skills": 2, "text": 1, "location": 1})
    weighted.upsert_seekers(seekers[:3000])
    weighted.upsert_postings(postings[:600])
    for seeker in seeker_queries[:20]:
        show("recommend, no titles or skills", weighted.recommend(dict(seeker, desired_titles=[], skills=[]), limit=10))
    for seeker in seeker_queries[20:30]:
        show("recommend, English resume",
             weighted.recommend(dict(seeker, resume_text="Forklift driver, warehouse, Excel"), limit=10))
    for posting in posting_queries[:20]:
        show("shortlist, English description without title or skills",
             weighted.shortlist(dict(posting, title="", skills=[], description="Forklift driver needed"), limit=50))
        show("shortlist, other weights", weighted.shortlist(posting, limit=50))
    return 0


if __name__ == "__main__":
    sys.exit(main())
