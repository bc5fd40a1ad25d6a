"""The store: one interface, two implementations, chosen by URL."""
from __future__ import annotations

from .base import Changes, Conflict, NamesTaken, PostingClosed, Principal, Store, StoreError, StoreUnavailable

__all__ = ["Changes", "Conflict", "NamesTaken", "PostingClosed", "Principal", "Store", "StoreError",
           "StoreUnavailable", "open_store"]

SQLITE_PREFIX = "sqlite:///"


def open_store(url: str) -> Store:
    """Open the store at ``url``.

    ``sqlite:///relative/file.db``, ``sqlite:////absolute/file.db`` or
    ``redis://host:port/db`` (also ``rediss://`` and ``unix://``).
    """
    if url.startswith(SQLITE_PREFIX):
        from .sqlite import SQLiteStore

        path = url[len(SQLITE_PREFIX):]
        if not path:
            raise ValueError(f"no database file in store URL {url!r}")
        return SQLiteStore(path)
    if url.startswith(("redis://", "rediss://", "unix://")):
        from .redis import RedisStore

        return RedisStore.from_url(url)
    raise ValueError(f"unsupported store URL {url!r}: use sqlite:///path or redis://host:port/db")
