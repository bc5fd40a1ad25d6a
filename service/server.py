"""Running the app on gunicorn, configured for a fair-day box.

Defaults: one worker per CPU core, each with many threads (``gthread``), so
a slow client does not hold a whole worker and, above all, so that every
request in flight has a thread: the GIL then shares the core among them and
a kiosk's submission or a mark (about a millisecond of CPU) is not queued
behind rankings (several); with 4 threads per worker the fair-day replay's
submissions waited in line (p50 138 ms), with 32 they took 35 ms. On
SQLite, whose writes take turns in one file, 8 threads served the replay
better than 32 (submission p99 370 against 580 ms). Also: generous but
finite timeouts; a graceful shutdown window so in-flight submissions finish
on restart (HUP) or stop (TERM). The app is loaded once in the master and
forked; the store and the match indexes are opened lazily inside each worker. The occupation
normaliser is fitted once in the master before the fork, so every worker
starts with it (shared copy-on-write) instead of fitting it on its first
request, and no worker comes up later than the others.

A kept-alive connection is closed after ``KEEPALIVE_REQUESTS`` requests (as
nginx's ``keepalive_requests``): connections stay with the worker that
accepted them, so without this a busy client pool opened in one burst can
pin most of the load on one worker for good; reconnecting lets the worker
that is free at that moment take it.
"""
from __future__ import annotations

import ctypes
import gc
import os

from gunicorn.app.base import BaseApplication

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
THREADS_FOR_STORE = {"redis": 32, "sqlite": 8}  # per worker; see the module docstring
YOUNG_COLLECTION_THRESHOLD = 10_000  # container allocations between young garbage collections (CPython: 700)
KEEPALIVE_REQUESTS = 100


def default_threads(store_url: str) -> int:
    """Threads per worker for the configured store."""
    return THREADS_FOR_STORE["sqlite" if store_url.startswith("sqlite:") else "redis"]


def default_workers() -> int:
    """One worker per CPU core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # platforms without sched_getaffinity
        return max(1, os.cpu_count() or 1)


def server_options(*, host: str, port: int, workers: int | None, threads: int,
                   access_log: bool = False) -> dict:
    """gunicorn settings for ``fairmatch serve``.

    The access log is off unless asked for: writing it took about a quarter
    of the CPU of a small request (0.15 of 0.56 ms on /healthz).
    """
    return {
        "bind": f"{host}:{port}",
        "workers": workers or default_workers(),
        "worker_class": "gthread",
        "threads": threads,
        "timeout": 60,
        "graceful_timeout": 30,
        "keepalive": 5,
        "preload_app": True,
        # Query strings never carry phones or tokens, so the default access log is safe.
        "accesslog": "-" if access_log else None,
        "errorlog": "-",
        "loglevel": "info",
        "proc_name": "fairmatch",
        # The shared control socket path would clash between instances on one host.
        "control_socket_disable": True,
        "forwarded_allow_ips": "127.0.0.1",
        "pre_request": _recycle_connection,
    }


def _recycle_connection(worker, req) -> None:
    """Ask the client to reconnect after every ``KEEPALIVE_REQUESTS`` requests on a connection."""
    if req.req_number % KEEPALIVE_REQUESTS == 0:
        req.must_close = True


MALLOC_ARENAS = 2
M_ARENA_MAX = -8  # mallopt parameter, from glibc's <malloc.h>


def _limit_malloc_arenas() -> None:
    """Cap glibc's malloc arenas for the threads the workers will start.

    glibc gives busy threads arenas of their own (up to eight per core), and
    each keeps the memory of the large numpy temporaries ranking frees: with
    32 threads a worker's memory grew well past what it holds. Set before the
    fork, the cap applies to every worker. Other C libraries are left alone.
    """
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return
    libc.mallopt(M_ARENA_MAX, MALLOC_ARENAS)


class FairmatchServer(BaseApplication):
    """gunicorn started from Python with a ready-made Flask app."""

    def __init__(self, app, options: dict):
        self.application = app
        self.options = options
        super().__init__()

    def load_config(self):
        for key, value in self.options.items():
            # Older gunicorn releases lack some settings (e.g. the control socket); skip those.
            if key in self.cfg.settings:
                self.cfg.set(key, value)

    def load(self):
        from matching import default_normalizer

        default_normalizer()  # in the master (preload_app): see the module docstring
        # What the master built (app, normaliser model) lives as long as the
        # workers: kept out of their garbage collections, a full pass costs a
        # worker 60 ms less, and collections no longer touch (copy) the pages
        # the workers share with the master.
        gc.freeze()
        # A worker allocates some thousands of containers per request, nearly all freed
        # by reference counting; at the default threshold (700) it ran a young collection
        # every few requests, and each tenth of a tenth became a full one (30-80 ms with
        # every thread stopped). At 10,000 full passes became rare; requests per second on
        # the half-scale replay rose by 0-11 % (two A/B pairs).
        gc.set_threshold(YOUNG_COLLECTION_THRESHOLD, *gc.get_threshold()[1:])
        _limit_malloc_arenas()
        return self.application
