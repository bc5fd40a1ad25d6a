"""Work run by many threads, in this process or in spawned child processes.

Kept in a plain module so ``multiprocessing`` (spawn) can import it.
"""
from __future__ import annotations

import threading

from service.store import NamesTaken, open_store

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


def _create_once(store, fair_id, employer_id, items, request_key):
    return [[record["id"] for record in store.create_postings(fair_id, employer_id, items, now=NOW,
                                                              request_key=request_key)]]


def _register(store, fair_id, name, tag):
    try:
        return [store.create_employer(fair_id, {"name": name}, f"hash-{tag}", now=NOW)["id"]]
    except NamesTaken:
        return [None]


TASKS = {"upsert": _upsert, "intents": _intents, "create_once": _create_once, "register": _register}


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
