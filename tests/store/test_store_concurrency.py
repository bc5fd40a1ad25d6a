"""Real threads and real processes racing on one store: counts stay exact."""
from __future__ import annotations

import gc
import multiprocessing
import os
import random
import threading

import pytest
from store_helpers import NOW, posting
from store_workers import process_main, run_threads

from service.store import open_store
from service.store.base import RequestKey

THREADS = 16
PROCESSES = 3
THREADS_PER_PROCESS = 4


def run_processes(url, task, args_per_process):
    """Run ``store_workers`` tasks in spawned processes released together."""
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(len(args_per_process))
    queue = context.Queue()
    children = [context.Process(target=process_main, args=(url, task, args, start, queue))
                for args in args_per_process]
    for child in children:
        child.start()
    outcomes = [queue.get(timeout=120) for _ in children]
    for child in children:
        child.join(timeout=60)
        assert child.exitcode == 0
    errors = [detail for status, detail in outcomes if status == "error"]
    assert not errors
    return [item for _, results in outcomes for item in results]


def assert_one_seeker(store, fair, results, calls):
    assert len(results) == calls
    assert len({seeker_id for seeker_id, _ in results}) == 1
    assert sum(created for _, created in results) == 1
    stats = fair.stats()
    assert stats["seekers"] == 1
    assert sum(row["seekers"] for row in stats["by_hour"]) == 1
    assert store.changes_since(fair.id, 0).seekers[0]["id"] == results[0][0]


def test_threads_upserting_one_phone_make_one_seeker(store, store_url, fair):
    results = run_threads(store_url, "upsert",
                          [(fair.id, "13800138000", 3, f"t{i}") for i in range(THREADS)], store=store)
    assert_one_seeker(store, fair, results, THREADS * 3)


@pytest.mark.slow
def test_processes_upserting_one_phone_make_one_seeker(store, store_url, fair):
    per_process = [[(fair.id, "13800138000", 3, f"p{p}t{t}") for t in range(THREADS_PER_PROCESS)]
                   for p in range(PROCESSES)]
    results = run_processes(store_url, "upsert", per_process)
    assert_one_seeker(store, fair, results, PROCESSES * THREADS_PER_PROCESS * 3)


def assert_one_employer(store, fair, results, calls):
    assert len(results) == calls
    created = [employer_id for employer_id in results if employer_id is not None]
    assert len(created) == 1
    assert [e["id"] for e in store.list_employers(fair.id)][2:] == created
    assert fair.stats()["employers"] == 3


def test_threads_registering_one_name_make_one_employer(store, store_url, fair):
    spellings = ["Acme", "ACME", "ａｃｍｅ", " acme "]
    results = run_threads(store_url, "register",
                          [(fair.id, spellings[i % 4], f"t{i}") for i in range(THREADS)], store=store)
    assert_one_employer(store, fair, results, THREADS)


@pytest.mark.slow
def test_processes_registering_one_name_make_one_employer(store, store_url, fair):
    per_process = [[(fair.id, "Acme", f"p{p}t{t}") for t in range(THREADS_PER_PROCESS)] for p in range(PROCESSES)]
    results = run_processes(store_url, "register", per_process)
    assert_one_employer(store, fair, results, PROCESSES * THREADS_PER_PROCESS)


@pytest.fixture
def board(store, fair):
    """4 postings x 6 seekers of full pairs, plus a posting only seekers mark."""
    jobs = fair.post(*(posting(f"岗位{i}") for i in range(5)))
    people = [fair.seeker(f"1380000000{i}") for i in range(6)]
    full = [(job["id"], person["id"]) for job in jobs[:4] for person in people]
    half = [(jobs[4]["id"], person["id"]) for person in people]
    return full, half


def shuffled_marks(full, half, seed, repeats=3):
    ops = [(p, s, side, True) for p, s in full for side in ("seeker", "employer")]
    ops += [(p, s, "seeker", True) for p, s in half]
    ops *= repeats
    random.Random(seed).shuffle(ops)
    return ops


def assert_marks_counted_once(fair, full, half):
    stats = fair.stats()
    assert stats["agreements"] == len(full)
    assert stats["seekers_with_agreement"] == len({s for _, s in full})
    assert stats["seeker_intents"] == len(full) + len(half)
    assert stats["employer_intents"] == len(full)
    assert stats["postings_without_interest"] == 0
    # by_hour counts events: each pair agreed exactly once, each mark made once.
    assert sum(row["agreements"] for row in stats["by_hour"]) == len(full)
    assert sum(row["seeker_intents"] for row in stats["by_hour"]) == len(full) + len(half)


def test_threads_marking_both_sides_count_each_agreement_once(store, store_url, fair, board):
    full, half = board
    ops = shuffled_marks(full, half, seed=1)
    results = run_threads(store_url, "intents", [(ops[i::THREADS],) for i in range(THREADS)], store=store)
    assert results == []
    assert_marks_counted_once(fair, full, half)
    assert all(store.get_intent(p, s)["agreed"] for p, s in full)


@pytest.mark.slow
def test_processes_marking_both_sides_count_each_agreement_once(store, store_url, fair, board):
    full, half = board
    # Every process makes every mark, in its own order: maximal repeats and races.
    per_process = [[(shuffled_marks(full, half, seed=10 * p + t, repeats=1),)
                    for t in range(THREADS_PER_PROCESS)] for p in range(PROCESSES)]
    run_processes(store_url, "intents", per_process)
    assert_marks_counted_once(fair, full, half)


def test_racing_marks_and_withdrawals_keep_counters_equal_to_state(store, store_url, fair, board):
    full, half = board
    pairs = full + half
    rng = random.Random(7)
    ops = [(*rng.choice(pairs), rng.choice(("seeker", "employer")), rng.random() < 0.6) for _ in range(600)]
    run_threads(store_url, "intents", [(ops[i::THREADS],) for i in range(THREADS)], store=store)

    states = [store.get_intent(p, s) for p, s in pairs]
    agreed = [i for i in states if i["agreed"]]
    stats = fair.stats()
    assert stats["agreements"] == len(agreed)
    assert stats["seekers_with_agreement"] == len({i["seeker_id"] for i in agreed})
    assert stats["seeker_intents"] == sum(i["seeker_interested"] for i in states)
    assert stats["employer_intents"] == sum(i["employer_interested"] for i in states)
    marked_postings = {i["posting_id"] for i in states if i["seeker_interested"]}
    assert stats["postings_without_interest"] == 5 - len(marked_postings)
    assert all((i["agreed_at"] is not None) == i["agreed"] for i in states)
    # The fair's and the employer's lists hold exactly the agreed pairs.
    agreed_pairs = {(i["posting_id"], i["seeker_id"]) for i in agreed}
    for options in ({}, {"employer_id": fair.employer["id"]}):
        page, total = store.list_agreements(fair.id, **options)
        assert {(a["posting_id"], a["seeker_id"]) for a in page} == agreed_pairs
        assert total == len(agreed_pairs)


def test_no_mark_lands_on_a_posting_after_its_close(store, store_url, fair):
    # One thread closes the postings one by one while the others mark (never withdraw): the
    # intents read right after a close are the posting's last, whatever the marks' timing.
    postings = [job["id"] for job in fair.post(*(posting(f"岗位{i}") for i in range(5)))]
    people = [fair.seeker(f"138000000{i:02d}")["id"] for i in range(12)]
    ops = [(p, s, side) for p in postings for s in people[1:] for side in ("seeker", "employer")] * 2
    random.Random(11).shuffle(ops)
    late = [(p, people[0], side) for p in postings for side in ("seeker", "employer")]  # after every close
    markers, marks_done, all_closed = THREADS - 1, [], threading.Event()
    results = run_threads(store_url, "close_or_mark",
                          [("close", postings, marks_done, len(ops), all_closed)]
                          + [("mark", ops[i::markers], late[i::markers], marks_done, all_closed)
                             for i in range(markers)], store=store)

    after_close = {posting_id: intents for outcome, posting_id, intents in results if outcome == "closed"}
    assert {posting_id: store.get_intents(posting_id=posting_id) for posting_id in postings} == after_close
    marks = [(outcome, op) for outcome, op, _ in results if outcome != "closed"]
    assert [outcome for outcome, op in marks if op in late] == ["refused"] * len(late)
    assert any(outcome == "marked" for outcome, _ in marks)
    for outcome, (posting_id, seeker_id, side) in marks:
        assert store.get_intent(posting_id, seeker_id)[f"{side}_interested"] is (outcome == "marked")
    states = [store.get_intent(p, s) for p in postings for s in people]
    stats = fair.stats()
    assert stats["seeker_intents"] == sum(i["seeker_interested"] for i in states)
    assert stats["employer_intents"] == sum(i["employer_interested"] for i in states)
    assert stats["agreements"] == sum(i["agreed"] for i in states)


def test_a_store_opened_before_threads_serves_them_all(store_url):
    # One store object shared by threads (as in a threaded server).
    shared = open_store(store_url)
    try:
        organizer = shared.create_organizer("A", "tok", now=NOW)
        fair = shared.create_fair(organizer["id"], {"name": "F", "date": "2024-03-02"}, now=NOW)
        phones = [(fair["id"], f"1390000{i:04d}", 2, f"t{i}") for i in range(THREADS)]
        results = run_threads(store_url, "upsert", phones, store=shared)
        assert len({seeker_id for seeker_id, _ in results}) == THREADS
        assert shared.stats(fair["id"])["seekers"] == THREADS
    finally:
        shared.close()


def test_short_lived_threads_do_not_leak_sqlite_connections(sqlite_url):
    # A threaded server may run each request in a new thread: open files must
    # stop growing, however many threads come and go.
    store = open_store(sqlite_url)

    def open_files_after_threads(count):
        for i in range(count):
            thread = threading.Thread(target=store.ping if i % 2 else store.get_fair, args=() if i % 2 else (1,))
            thread.start()
            thread.join()
        gc.collect()
        return len(os.listdir("/proc/self/fd"))

    try:
        store.ping()
        settled = open_files_after_threads(30)
        assert open_files_after_threads(60) <= settled + 2
    finally:
        store.close()


def test_a_store_used_before_fork_works_in_the_child(store_url):
    store = open_store(store_url)
    try:
        organizer = store.create_organizer("A", "tok-fork", now=NOW)
        fair = store.create_fair(organizer["id"], {"name": "F", "date": "2024-03-02"}, now=NOW)
        child = os.fork()
        if child == 0:  # the child reports by exit status only
            try:
                seeker, created = store.upsert_seeker(
                    fair["id"], {"name": "子进程", "phone": "13800138000", "consent": True}, now=NOW)
                os._exit(0 if created and store.get_seeker(seeker["id"]) else 1)
            except BaseException:
                os._exit(2)
        _, status = os.waitpid(child, 0)
        assert os.waitstatus_to_exitcode(status) == 0
        assert store.find_seeker_by_phone(fair["id"], "13800138000")["name"] == "子进程"
        assert store.stats(fair["id"])["seekers"] == 1
    finally:
        store.close()


def test_threads_retrying_one_request_key_create_its_postings_once(store, store_url, fair):
    key = RequestKey("booth-7-save", "fingerprint")
    items = [posting("焊工"), posting("厨师")]
    results = run_threads(store_url, "create_once",
                          [(fair.id, fair.employer["id"], items, key) for _ in range(THREADS)], store=store)
    assert len(results) == THREADS and len({tuple(ids) for ids in results}) == 1
    assert fair.stats()["postings"] == 2
    assert len(store.changes_since(fair.id, 0).postings) == 2
