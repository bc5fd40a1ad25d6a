"""A per-worker read cache in front of the store, for facts that never change.

Every API request resolves its bearer token, and most check the fair or name
an employer, or check that a posting or seeker belongs to the caller's fair:
one store round trip each. Fairs and employers are never updated once
created (but for an employer's booth, which other workers may show up to a
time to live late), a token's principal changes only when the organizer gives an
employer or kiosk a new token, and a posting's fair and employer or a
seeker's fair never change either, so a worker may keep them for a short
while. The time to live bounds how long a replaced token (or one removed
directly in the store) is still honoured by the other workers that have
seen it (the worker that replaces a token forgets the old one at once),
and how long a deleted posting or seeker still passes the access check
(the operation itself then finds it gone: 404).
"""
from __future__ import annotations

import threading
import time

DEFAULT_TTL_SECONDS = 30.0
MAX_ENTRIES = 50_000  # per cache; far above one fair's employers and devices


class TTLCache:
    """Found values (never ``None``) kept for ``ttl`` seconds; thread-safe.

    >>> cache = TTLCache(ttl=30)
    >>> cache.get_or_load("k", lambda key: {"id": 1})
    {'id': 1}
    """

    def __init__(self, ttl: float, *, max_entries: int = MAX_ENTRIES, clock=time.monotonic):
        self.ttl = ttl
        self.max_entries = max_entries
        self._clock = clock
        self._entries: dict = {}
        self._lock = threading.Lock()

    def put(self, key, value) -> None:
        """Remember a value just written (the worker that wrote it reads it next)."""
        with self._lock:
            if len(self._entries) >= self.max_entries:
                self._entries.clear()  # rare: a fresh start is cheaper than eviction bookkeeping
            self._entries[key] = (self._clock() + self.ttl, value)

    def forget(self, matches) -> None:
        """Drop the entries whose value ``matches(value)``: values that stopped being true."""
        with self._lock:
            for key in [key for key, (_, value) in self._entries.items() if matches(value)]:
                del self._entries[key]

    def get_or_load(self, key, load):
        """The cached value of ``key``, or ``load(key)`` (cached unless it is ``None``)."""
        now = self._clock()
        found = self._entries.get(key)
        if found is not None and found[0] > now:
            return found[1]
        value = load(key)
        if value is not None:
            self.put(key, value)
        return value


class CachedStore:
    """The store, with principals, fairs, employers and the owners of postings
    and seekers cached for ``ttl`` seconds.

    Everything else goes straight to the wrapped store.
    """

    def __init__(self, store, *, ttl: float = DEFAULT_TTL_SECONDS):
        self.store = store
        self._principals = TTLCache(ttl)
        self._fairs = TTLCache(ttl)
        self._employers = TTLCache(ttl)
        self._posting_owners = TTLCache(ttl)
        self._seeker_fairs = TTLCache(ttl)

    def __getattr__(self, name):
        return getattr(self.store, name)

    def find_principal(self, token_hash: str):
        return self._principals.get_or_load(token_hash, self.store.find_principal)

    def get_fair(self, fair_id: int):
        return self._fairs.get_or_load(fair_id, self.store.get_fair)

    def get_employer(self, employer_id: int):
        return self._employers.get_or_load(employer_id, self.store.get_employer)

    def posting_owner(self, posting_id: int):
        return self._posting_owners.get_or_load(posting_id, self.store.posting_owner)

    def seeker_fair(self, seeker_id: int):
        return self._seeker_fairs.get_or_load(seeker_id, self.store.seeker_fair)

    def set_employer_booths(self, booths: dict[int, str | None]) -> list[dict]:
        records = self.store.set_employer_booths(booths)
        for record in records:
            self._employers.put(record["id"], record)
        return records

    def replace_token(self, kind: str, principal_id: int, token_hash: str, *, fair_id: int):
        record = self.store.replace_token(kind, principal_id, token_hash, fair_id=fair_id)
        if record is not None:
            self._principals.forget(lambda principal: (principal.role, principal.id) == (kind, principal_id))
        return record

    def create_postings(self, fair_id: int, employer_id: int, items: list[dict], *, now: str,
                        request_key=None) -> list[dict | None]:
        records = self.store.create_postings(fair_id, employer_id, items, now=now, request_key=request_key)
        for record in records:
            if record is not None:
                self._posting_owners.put(record["id"], (fair_id, employer_id))
        return records

    def upsert_seeker(self, fair_id: int, data: dict, *, now: str) -> tuple[dict, bool]:
        record, created = self.store.upsert_seeker(fair_id, data, now=now)
        self._seeker_fairs.put(record["id"], fair_id)
        return record, created
