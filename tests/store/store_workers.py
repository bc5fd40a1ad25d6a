"""Work run by many threads, in this process or in spawned child processes.

Kept in a plain module so ``multiprocessing`` (spawn) can import it.
"""
from __future__ import annotations

import threading
import time

from service.store import NamesTaken, PostingClosed, open_store

NOW = "2024-03-02T09:15:00+08:00"


def _upsert(store, fair_id, phone, rounds, tag):
    results = []
    for i in range(rounds):
        record, created = store.upsert_seeker(
            fair_id, {"name": f"{tag}-{i}", "phone": phone, "consent": True}, now=NOW)
        results.append((record["id"], created))
    return results


def _intents(store, ops):
    for posting_id, seeker_id, side, interested in ops:
        store.set_intent(posting_id, seeker_id, side, interested, now=NOW)
    return []


def _close_amid_marks(store, posting_ids, marks_done, marks_total, all_closed):
    """Close the postings one by one, spread over the first half of the marks (``marks_done``
    grows as they are made), reading each posting's intents right after its close."""
    results = []
    give_up = time.monotonic() + 60  # a marker that failed never makes its marks
    try:
        for number, posting_id in enumerate(posting_ids, 1):
            while len(marks_done) < number * marks_total // (2 * len(posting_ids)) and time.monotonic() < give_up:
                time.sleep(0.0005)
            store.update_posting(posting_id, {"status": "closed"}, now=NOW)
            results.append(("closed", posting_id, store.get_intents(posting_id=posting_id)))
    finally:
        all_closed.set()
    return results


def _mark_unless_closed(store, ops, late_ops, marks_done, all_closed):
    """Mark each (posting, seeker, side) of ``ops``, then of ``late_ops`` once every posting is
    closed, noting whether the store took or refused each mark."""
    results = []
    for op in ops:
        results.append(_mark(store, op))
        marks_done.append(op)
        time.sleep(0.001)  # room for the closing thread, whose several round trips wait on the GIL
    all_closed.wait(timeout=60)
    results.extend(_mark(store, op) for op in late_ops)
    return results


def _mark(store, op):
    try:
        store.set_intent(*op, True, now=NOW)
    except PostingClosed:
        return ("refused", op, None)
    return ("marked", op, None)


def _close_or_mark(store, role, *args):
    return _close_amid_marks(store, *args) if role == "close" else _mark_unless_closed(store, *args)


def _create_once(store, fair_id, employer_id, items, request_key):
    return [[record["id"] for record in store.create_postings(fair_id, employer_id, items, now=NOW,
                                                              request_key=request_key)]]


def _register(store, fair_id, name, tag):
    try:
        return [store.create_employer(fair_id, {"name": name}, f"hash-{tag}", now=NOW)["id"]]
    except NamesTaken:
        return [None]


TASKS = {"upsert": _upsert, "intents": _intents, "create_once": _create_once, "register": _register,
         "close_or_mark": _close_or_mark}


def run_threads(url, task, per_thread_args, start=None, store=None):
    """Run ``TASKS[task]`` once per argument tuple, each in its own thread,
    all released together; returns the concatenated results."""
    own_store = store is None
    store = store or open_store(url)
    gate = threading.Barrier(len(per_thread_args))
    results, errors = [], []

    def work(args):
        try:
            gate.wait()
            results.extend(TASKS[task](store, *args))
        except BaseException as exc:  # reported to the test, not lost in a thread
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(args,)) for args in per_thread_args]
    if start is not None:
        start.wait()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if own_store:
        store.close()
    if errors:
        raise errors[0]
    return results


def process_main(url, task, per_thread_args, start, queue):
    """Child-process entry: run the threads, send back results or the error text."""
    try:
        queue.put(("ok", run_threads(url, task, per_thread_args, start=start)))
    except BaseException as exc:
        queue.put(("error", repr(exc)))
