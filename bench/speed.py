"""Speed and memory of the matching core, side by side with bm25s on the same texts.

Run from the repository root (needs the ``bench`` extra: bm25s):

    python bench/speed.py                 # fair size: 18,000 seekers x 3,000 postings
    python bench/speed.py --scale 10      # 180,000 seekers x 3,000 postings
    python bench/speed.py --scale 0.1 --queries 50

One process, one core (numpy/BLAS threads pinned to 1 before import).  The
fair comes from ``bench/quality.py``'s generator.  Reported: index build
time, per-query latency (median and p95 over ``--queries`` queries) of a
shortlist (top 50 seekers for a posting) and of a recommendation list (top
10 postings for a seeker), the cost of one incremental upsert, and memory
(resident-set growth while building, and tracemalloc's count of the index's
Python allocations).  bm25s gets the same texts (title + skills + description
/ resume, jieba tokens) and is timed on the same queries, query
tokenisation included for both.

fairmatch is timed ranking only (ids and scores, like bm25s) and with the
reasons the API serves, each query's first time (its reasons are looked up
in the index's reason cache and the new ones built).  A third line, "reasons,
again", times the same page asked a second time right after (an employer
reopening a shortlist): every reason is then found in the cache.
"""
import argparse
import gc
import os
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quality import generate_fair, posting_text, seeker_text  # noqa: E402

from matching import MatchIndex  # noqa: E402
from matching.occupations import default_normalizer  # noqa: E402
from matching.text import tokenize  # noqa: E402


def occupation_of(title):
    found = default_normalizer().normalize(title)
    return None if found is None else {"code": found.code, "name": found.name}


def rss_mb():
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def timed(function, queries):
    """Milliseconds per call of ``function(query)`` for each query."""
    samples = []
    for query in queries:
        started = time.perf_counter()
        function(query)
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def summary(samples):
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return statistics.median(ordered), p95


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiple of 18,000 seekers (postings stay 3,000)")
    parser.add_argument("--postings", type=int, default=3000)
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--skip-bm25", action="store_true")
    parser.add_argument("--tracemalloc", action="store_true", help="also count Python allocations of the build (slow)")
    args = parser.parse_args(argv)
    n_seekers = int(18000 * args.scale)

    started = time.perf_counter()
    postings, seekers, _ = generate_fair(n_seekers, args.postings, seed=args.seed)
    print(f"generated {n_seekers} seekers and {len(postings)} postings in {time.perf_counter() - started:.1f}s", flush=True)
    # Records as the store holds them: the service normalises titles when they are written.
    started = time.perf_counter()
    for posting in postings:
        posting["occupation"] = occupation_of(posting["title"])
    for seeker in seekers:
        seeker["occupations"] = [found for found in map(occupation_of, seeker["desired_titles"]) if found]
    print(f"normalised the titles of all records in {time.perf_counter() - started:.1f}s", flush=True)
    tokenize("预热")  # load jieba's dictionary outside the timings
    step = max(1, len(postings) // args.queries)
    posting_queries = postings[::step][: args.queries]
    seeker_queries = seekers[:: max(1, len(seekers) // args.queries)][: args.queries]

    gc.collect()
    before = rss_mb()
    if args.tracemalloc:
        tracemalloc.start()
    started = time.perf_counter()
    index = MatchIndex()
    index.upsert_seekers(seekers)
    index.upsert_postings(postings)
    build = time.perf_counter() - started
    traced = None
    if args.tracemalloc:
        traced = tracemalloc.get_traced_memory()[0] / 2**20
        tracemalloc.stop()
    gc.collect()
    grown = rss_mb() - before
    print(f"fairmatch index built in {build:.1f}s", flush=True)

    # Every system answers each query in turn, so a busy shared machine slows all alike.
    systems = {
        "fairmatch (ranking only)": (lambda p: index.shortlist(p, limit=50, reasons=False),
                                     lambda s: index.recommend(s, limit=10, reasons=False)),
        "fairmatch (with reasons)": (lambda p: index.shortlist(p, limit=50), lambda s: index.recommend(s, limit=10)),
    }
    builds = {name: (build, grown, traced) for name in systems}
    if not args.skip_bm25:
        import bm25s

        gc.collect()
        before = rss_mb()
        started = time.perf_counter()
        over_seekers = bm25s.BM25()
        over_seekers.index([tokenize(seeker_text(s)) for s in seekers], show_progress=False)
        over_postings = bm25s.BM25()
        over_postings.index([tokenize(posting_text(p)) for p in postings], show_progress=False)
        bm25_build = time.perf_counter() - started
        gc.collect()
        print(f"bm25s indexes built in {bm25_build:.1f}s", flush=True)
        builds["bm25s (jieba tokens)"] = (bm25_build, rss_mb() - before, None)
        systems["bm25s (jieba tokens)"] = (
            lambda p: over_seekers.retrieve([tokenize(posting_text(p))], k=50, show_progress=False, n_threads=1),
            lambda s: over_postings.retrieve([tokenize(seeker_text(s))], k=10, show_progress=False, n_threads=1),
        )
    for shortlist, recommend in systems.values():  # warm-up
        shortlist(posting_queries[0])
        recommend(seeker_queries[0])
    samples = {name: ([], []) for name in systems}
    repeat = "fairmatch (reasons, again)"
    samples[repeat] = ([], [])
    builds[repeat] = builds["fairmatch (with reasons)"]
    for number, (posting, seeker) in enumerate(zip(posting_queries, seeker_queries)):
        # Alternate the order, so that neither fairmatch pass always finds the title memo warm.
        order = list(systems.items()) if number % 2 == 0 else list(systems.items())[::-1]
        for name, (shortlist, recommend) in order:
            samples[name][0].extend(timed(shortlist, [posting]))
            samples[name][1].extend(timed(recommend, [seeker]))
        # The same pages asked again (an employer reopening a shortlist): the reasons are kept.
        shortlist, recommend = systems["fairmatch (with reasons)"]
        samples[repeat][0].extend(timed(shortlist, [posting]))
        samples[repeat][1].extend(timed(recommend, [seeker]))
    rows = [(name, *builds[name][:1], summary(short), summary(rec), *builds[name][1:])
            for name, (short, rec) in samples.items()]
    changed = [dict(s, skills=list(s["skills"]) + ["叉车证"]) for s in seeker_queries]
    upsert = summary(timed(lambda s: index.upsert_seekers([s]), changed))
    fresh_samples = []
    for seeker, posting in zip(changed, posting_queries):
        index.upsert_seekers([dict(seeker, experience_years=3)])
        fresh_samples.extend(timed(lambda p: index.shortlist(p, limit=50), [posting]))
    extra = {"upsert": upsert, "shortlist_after_upserts": summary(fresh_samples)}

    print()
    print(f"Speed: {n_seekers} seekers x {len(postings)} postings, {len(posting_queries)} shortlist and "
          f"{len(seeker_queries)} recommendation queries, one core")
    print(f"{'system':26} | {'build s':>8} | {'shortlist@50 ms med/p95':>24} | {'recommend@10 ms med/p95':>24} | {'RSS growth MB':>13}")
    for name, build_s, short, rec, grown_mb, traced_mb in rows:
        print(f"{name:26} | {build_s:8.1f} | {short[0]:11.2f} / {short[1]:10.2f} | {rec[0]:11.2f} / {rec[1]:10.2f} | {grown_mb:13.0f}")
    by_name = {row[0]: row for row in rows}
    if "bm25s (jieba tokens)" in by_name:
        # Like with like: ranking only returns ids and scores, as bm25s does; with reasons is what the API
        # serves (each query's first time: every reason of the page is looked up, new ones are built).
        bm25 = by_name["bm25s (jieba tokens)"]
        print("latency ratio fairmatch / bm25s (target: shortlist with reasons <= 1.0), median and p95:")
        for fairmatch in (row for row in rows if row[0].startswith("fairmatch")):
            print(f"  {fairmatch[0]:26} shortlist {fairmatch[2][0] / bm25[2][0]:.2f} / {fairmatch[2][1] / bm25[2][1]:.2f}, "
                  f"recommend {fairmatch[3][0] / bm25[3][0]:.2f} / {fairmatch[3][1] / bm25[3][1]:.2f}")
    print(f"fairmatch upsert of one seeker: median {extra['upsert'][0]:.2f} ms, p95 {extra['upsert'][1]:.2f} ms; "
          f"shortlist right after an upsert: median {extra['shortlist_after_upserts'][0]:.2f} ms, "
          f"p95 {extra['shortlist_after_upserts'][1]:.2f} ms")
    if rows[0][5] is not None:
        print(f"fairmatch index Python allocations (tracemalloc): {rows[0][5]:.0f} MB")
    print(f"process RSS now: {rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
