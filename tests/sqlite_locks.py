"""A SQLite file whose write lock another connection holds, for the store-unavailable tests."""
from __future__ import annotations

import sqlite3
from contextlib import contextmanager


@contextmanager
def write_lock_held(sqlite_url: str):
    """Another connection holds the file's write lock (as a backup or a stuck process would):
    reads go on, writes wait for the busy timeout, then fail."""
    other = sqlite3.connect(sqlite_url[len("sqlite:///"):], isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        yield
    finally:
        if other.in_transaction:
            other.execute("ROLLBACK")
        other.close()
