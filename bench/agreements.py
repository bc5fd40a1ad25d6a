"""How long a page of agreements takes to read, from each store, at fair size.

Run from the repository root:

    python bench/agreements.py                       # 520 employers, 8,000 agreements
    python bench/agreements.py --agreements 20000

Builds one fair through the store interface (the reference fair's 520
employers with five postings each, 7,000 seekers, agreements on random
pairs), on a temporary SQLite file and on a private redis-server, then times
``list_agreements``: the organizer's first and last page of 200 (the pages'
``FM.PAGE_LIMIT``) and one employer's whole list (a booth's agreements tab).
"""
import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from redis_server import RedisServer  # noqa: E402

from service.store import open_store  # noqa: E402

NOW = "2024-03-02T10:00:00+08:00"
PAGE = 200


def build_fair(store, *, employers, agreements, seekers, seed):
    organizer = store.create_organizer("组织者", "bench-organizer", now=NOW)
    fair_id = store.create_fair(organizer["id"], {"name": "春季招聘会", "date": "2024-03-02"}, now=NOW)["id"]
    booths, postings = [], []
    for number in range(employers):
        booth = store.create_employer(fair_id, {"name": f"单位{number}"}, f"bench-employer-{number}", now=NOW)
        booths.append(booth)
        postings += store.create_postings(fair_id, booth["id"], [
            {"title": f"岗位{n}", "description": "岗位职责与任职要求。" * 20} for n in range(5)], now=NOW)
    people = [store.upsert_seeker(fair_id, {"name": "求职者", "phone": f"139{n:08d}", "consent": True,
                                            "resume_text": "工作经历与技能。" * 40}, now=NOW)[0]
              for n in range(seekers)]
    rng = random.Random(seed)
    for _ in range(agreements):
        posting, person = rng.choice(postings), rng.choice(people)
        store.set_intent(posting["id"], person["id"], "seeker", True, now=NOW)
        store.set_intent(posting["id"], person["id"], "employer", True, now=NOW)
    return fair_id, booths


def median_ms(read, repeats):
    samples = []
    for _ in range(repeats):
        started = time.perf_counter()
        read()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--employers", type=int, default=520)
    parser.add_argument("--agreements", type=int, default=8000)
    parser.add_argument("--seekers", type=int, default=7000)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder, RedisServer() as redis_server:
        for name, url in (("sqlite", f"sqlite:///{folder}/fair.db"), ("redis", redis_server.url)):
            store = open_store(url)
            started = time.perf_counter()
            fair_id, booths = build_fair(store, employers=args.employers, agreements=args.agreements,
                                         seekers=args.seekers, seed=args.seed)
            built = time.perf_counter() - started
            _, total = store.list_agreements(fair_id, limit=0)
            busiest = max(booths, key=lambda booth: store.list_agreements(fair_id, employer_id=booth["id"],
                                                                         limit=0)[1])
            _, busiest_total = store.list_agreements(fair_id, employer_id=busiest["id"], limit=0)
            first = median_ms(lambda: store.list_agreements(fair_id, limit=PAGE), args.repeats)
            last = median_ms(lambda: store.list_agreements(fair_id, limit=PAGE, offset=max(0, total - PAGE)),
                             args.repeats)
            booth = median_ms(lambda: store.list_agreements(fair_id, employer_id=busiest["id"]), args.repeats)
            print(f"{name:6}: {total} agreements of {args.employers} employers (built in {built:.0f} s); "
                  f"median ms: organizer's first page of {PAGE} {first:.1f}, last page {last:.1f}; "
                  f"the busiest employer's whole list ({busiest_total}) {booth:.1f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
