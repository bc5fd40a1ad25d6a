"""Per-worker match indexes, one per fair, kept fresh from the store's change feed.

Each worker process holds its own :class:`matching.MatchIndex` per fair.
Before every ranking call the index asks the store for what changed since the
version it has seen (``store.changes_since``) and applies only that, so a
seeker or posting written through any worker (or host) is ranked by the next
call here, without rebuilding the index per request.
"""
from __future__ import annotations

import gc
import itertools
import threading
from contextlib import contextmanager
from typing import Iterator

import orjson

from matching import MatchIndex
from matching.text import fold
from schemas.base import english_occupation_name
from service.encoding import compact_json
from service.store.base import StoreUnavailable

# Derived values kept per fair and worker: a masked seeker is ~2.5 KB and takes ~60 µs to make
# (bench/fairday's seekers on a 2-core VM, every text field masked),
# so a reference fair's 18,000 seekers all stay (~45 MB); at 10x it is a cache.
MAX_DERIVED = 30_000
FREEZE_GROWTH = 1.1  # see FairIndex._keep_out_of_collections
FREEZE_MINIMUM = 1_000


class FairIndex:
    """One fair's match index plus the records it was built from.

    The records are kept so that ranked ids can be shown without one store
    round trip per result. ``version`` is the change-feed position applied.
    Seekers are kept JSON-encoded (:meth:`seeker` decodes one): a fair has
    thousands and a decoded record took 3 KB against 1.3 KB encoded, which
    decided whether a worker fits 180,000 seekers in its memory budget.
    """

    def __init__(self, fair_id: int):
        self.fair_id = fair_id
        self.version = 0
        self.matcher = MatchIndex()
        self.seekers: dict[int, bytes] = {}
        self.postings: dict[int, dict] = {}
        # Per open posting: its employer and the folded words a search looks in (:meth:`postings_mentioning`).
        self._searched: dict[int, tuple[int, str]] = {}
        self._names_of_employers: dict[int, str] = {}
        # Guards ``refreshing``, never held across store round trips (see IndexRegistry.fresh).
        self.lock = threading.Lock()
        # Ticket taken when the last completed refresh started, and the refresh under way.
        self.refreshed_from = 0
        self.refreshing: _Refresh | None = None
        self._derived: dict[tuple, tuple[bytes, object]] = {}
        self._records_at_freeze = 0

    def seeker(self, seeker_id: int) -> dict | None:
        """The seeker's current record (a fresh copy), None if not in the fair."""
        encoded = self.seekers.get(seeker_id)
        return None if encoded is None else orjson.loads(encoded)

    def derived_seeker(self, seeker_id: int, name: str, make, **options):
        """``make(record, **options)`` for the seeker's current record, None if not in the fair.

        Pages show the same seekers again and again (an employer refreshes a
        shortlist, many postings share candidates); what a page derives from a
        record, such as a seeker's masked view, is made once per version of the
        record. A changed record is stored as a new object, so a kept value
        is never stale. The values are shared: callers must not change them.
        """
        encoded = self.seekers.get(seeker_id)
        if encoded is None:
            return None
        key = (seeker_id, name)
        found = self._derived.get(key)
        if found is not None and found[0] is encoded:
            return found[1]
        value = make(orjson.loads(encoded), **options)
        if len(self._derived) >= MAX_DERIVED:
            self._derived.clear()  # rare: starting over is cheaper than tracking use
        self._derived[key] = (encoded, value)
        return value

    def postings_mentioning(self, words: list[str], store) -> list[int]:
        """Ids of the open postings whose words, or their employer's name, hold each of ``words``
        (folded, :func:`matching.text.fold`, as the postings' words and the names are)."""
        # A snapshot: a refresh may change the map meanwhile, and copying a dict is atomic under the GIL.
        candidates = list(self._searched.copy().items())
        names = self._employer_names(store, {employer_id for _, (employer_id, _) in candidates})
        for word in words:
            named = {employer_id for employer_id, name in names.items() if word in name}
            candidates = [entry for entry in candidates if word in entry[1][1] or entry[1][0] in named]
        return [posting_id for posting_id, _ in candidates]

    def _employer_names(self, store, employer_ids: set[int]) -> dict[int, str]:
        """Folded names of the fair's employers. An employer's name never changes once registered,
        so the list is read again only when a posting's employer is not in it yet."""
        names = self._names_of_employers
        if not employer_ids <= names.keys():
            names = {employer["id"]: fold(employer["name"]) for employer in store.list_employers(self.fair_id)}
            self._names_of_employers = names
        return names

    def refresh(self, store) -> None:
        """Apply the store's changes since ``version`` (one caller at a time: IndexRegistry.fresh).

        Rankers read concurrently (the matcher locks itself), so a record is
        added to the id maps before the matcher can rank it and leaves them
        only after the matcher forgot it: a ranked id is missing from the maps
        only when it was just removed.
        """
        changes = store.changes_since(self.fair_id, self.version)
        if changes.version == self.version:
            return
        gone_seekers = list(changes.removed_seekers)
        if gone_seekers:
            self.matcher.remove_seekers(gone_seekers)
            for seeker_id in gone_seekers:
                self.seekers.pop(seeker_id, None)
        if changes.seekers:
            self.seekers.update((record["id"], compact_json(record)) for record in changes.seekers)
            self.matcher.upsert_seekers(changes.seekers)
        # A closed posting is never recommended, so it leaves the index like a deleted one.
        closed = [record["id"] for record in changes.postings if record.get("status") == "closed"]
        gone_postings = list(changes.removed_postings) + closed
        if gone_postings:
            self.matcher.remove_postings(gone_postings)
            for posting_id in gone_postings:
                self.postings.pop(posting_id, None)
                self._searched.pop(posting_id, None)
        open_postings = [record for record in changes.postings if record.get("status") != "closed"]
        if open_postings:
            self.postings.update((record["id"], record) for record in open_postings)
            self._searched.update((record["id"], (record["employer_id"], _searched_text(record)))
                                  for record in open_postings)
            self.matcher.upsert_postings(open_postings)
        self.version = changes.version
        self._keep_out_of_collections()

    def _keep_out_of_collections(self) -> None:
        """Move what the index holds out of the garbage collector's full passes.

        The index is long-lived and grows all day; every full collection
        walked all of it with the worker stopped (180 ms at 18,000 seekers,
        five times while they arrived). ``gc.freeze`` exempts the objects
        alive now from later collections. Doing it each time the index has
        grown by a tenth keeps that to a few dozen freezes a day, so the
        request objects that happen to be alive at one (and would leak if
        they later became a reference cycle) stay few.
        """
        records = len(self.seekers) + len(self.postings)
        if records >= max(FREEZE_MINIMUM, self._records_at_freeze * FREEZE_GROWTH):
            gc.freeze()
            self._records_at_freeze = records


def _searched_text(posting: dict) -> str:
    """What a search of the open postings looks in: title, description, skills, place and
    occupation (Chinese and English names), folded."""
    occupation = posting.get("occupation") or {}
    parts = [posting.get("title"), posting.get("description"), *(posting.get("skills") or []),
             posting.get("location"), occupation.get("name"), english_occupation_name(occupation.get("code"))]
    return "\n".join(fold(part) for part in parts if part)


class _Refresh:
    """A refresh of a fair's index under way: the ticket taken when it started, an event set when
    it ends, and the :class:`StoreUnavailable` it ended with, if it found the store so."""

    __slots__ = ("started", "done", "unavailable")

    def __init__(self, started: int):
        self.started = started
        self.done = threading.Event()
        self.unavailable: StoreUnavailable | None = None


class IndexRegistry:
    """The fair indexes of one worker; thread-safe (gunicorn gthread workers)."""

    def __init__(self):
        self._fairs: dict[int, FairIndex] = {}
        self._lock = threading.Lock()
        self._tickets = itertools.count(1)  # next() is atomic under the GIL

    def _fair(self, fair_id: int) -> FairIndex:
        with self._lock:
            found = self._fairs.get(fair_id)
            if found is None:
                found = self._fairs[fair_id] = FairIndex(fair_id)
            return found

    @contextmanager
    def fresh(self, store, fair_id: int) -> Iterator[FairIndex]:
        """The fair's index, brought up to date.

        A caller sees every write completed before it arrived: it waits for
        a refresh that started after its arrival, joining one under way or
        starting the next. Callers wait on an event, not in turn on a lock:
        handed from thread to thread under a busy GIL, a lock that every
        ranking passed through cost each up to a switch interval per waiter
        ahead of it (shortlists waited 47 ms at the median on the reference
        day for refreshes holding it 8 ms). Only the refresh is exclusive;
        ranking runs concurrently. A refresh that finds the store unavailable
        fails the callers that joined it as well (they share its answer either
        way): retrying in turn, each would wait out a timeout of its own.
        """
        fair_index = self._fair(fair_id)
        arrived = next(self._tickets)
        while fair_index.refreshed_from < arrived:
            with fair_index.lock:
                if fair_index.refreshed_from >= arrived:
                    break
                under_way = fair_index.refreshing
                mine = under_way is None
                if mine:
                    under_way = fair_index.refreshing = _Refresh(next(self._tickets))
            if not mine:
                under_way.done.wait()
                if under_way.unavailable is not None and under_way.started > arrived:
                    raise StoreUnavailable(str(under_way.unavailable)) from under_way.unavailable
                # If it started before this caller arrived, the loop then joins or starts the next.
                continue
            try:
                fair_index.refresh(store)
                fair_index.refreshed_from = under_way.started
            except StoreUnavailable as error:
                under_way.unavailable = error
                raise
            finally:
                with fair_index.lock:
                    fair_index.refreshing = None
                under_way.done.set()
        yield fair_index
