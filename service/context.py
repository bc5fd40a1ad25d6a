"""Per-process resources of the running app: the store, the match indexes, the clock.

They are created lazily on first use, after gunicorn has forked its workers,
so that no worker shares a database connection with another.
"""
from __future__ import annotations

import threading
from datetime import datetime
from zoneinfo import ZoneInfo

from flask import current_app

from service.index import IndexRegistry
from service.store import open_store
from service.store.cached import CachedStore

_EXTENSION = "fairmatch"
_lock = threading.Lock()


class Resources:
    """What one app instance holds: its store (behind a short read cache) and its per-fair match indexes."""

    def __init__(self, store_url: str):
        self.store = CachedStore(open_store(store_url))
        self.indexes = IndexRegistry()

    def close(self):
        self.store.close()


def resources(app=None) -> Resources:
    """The app's resources, opened on first use."""
    app = app or current_app
    found = app.extensions.get(_EXTENSION)
    if found is None:
        with _lock:
            found = app.extensions.get(_EXTENSION)
            if found is None:
                found = Resources(app.config["STORE_URL"])
                app.extensions[_EXTENSION] = found
    return found


def get_store():
    """The store of the current app."""
    return resources().store


def get_indexes() -> IndexRegistry:
    """The match indexes of the current app (one per fair, in this worker)."""
    return resources().indexes


def now(app=None) -> str:
    """The current time, ISO-8601 with offset, in the configured time zone."""
    zone = ZoneInfo((app or current_app).config["TIMEZONE"])
    return datetime.now(zone).isoformat(timespec="seconds")


def close_resources(app) -> None:
    """Close the app's store, if it was opened (tests and CLI commands)."""
    found = app.extensions.pop(_EXTENSION, None)
    if found is not None:
        found.close()
