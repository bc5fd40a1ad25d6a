"""The store interface: everything fairmatch keeps, behind one contract.

Two implementations follow it: :class:`~service.store.sqlite.SQLiteStore`
(the embedded default) and :class:`~service.store.redis.RedisStore` (for
several workers or hosts). ``tests/store`` runs one contract suite against both.

Records are plain dicts shaped as ``docs/DESIGN.md`` says. Every method that
writes more than one thing does it atomically. Methods return ``None`` (or
``False``) for a missing object rather than raising; raising is for broken
invariants (:class:`Conflict`) and for the store being unreachable
(:class:`StoreUnavailable`, which the API answers with 503 and Retry-After).
"""
from __future__ import annotations

import abc
import functools
import inspect
from typing import Callable, Iterable, NamedTuple


class StoreError(Exception):
    """Base class of the store's own errors."""


class StoreUnavailable(StoreError):
    """The backing database cannot be reached, or cannot do this now (locked, busy, full,
    read-only, too slow to answer): nothing is wrong with the call, and it may work if tried
    again shortly. The database's own exception is the ``__cause__``.

    A write that raises it happened whole or not at all: not at all when the database
    refused it; when the connection broke after the database took it, it may have
    happened. Programming errors (an unknown table, a key of the wrong type) are not this.
    """


class Conflict(StoreError):
    """A write would break a uniqueness or state rule (e.g. a duplicate)."""


class NamesTaken(Conflict):
    """Employer names already registered in the fair, or repeated among those being registered.

    ``positions`` are the indexes of those names in the list being registered.
    """

    def __init__(self, positions: list[int]):
        super().__init__(f"employer names taken at positions {positions}")
        self.positions = positions


class PostingClosed(Conflict):
    """A new interest mark on a closed posting: a closed posting takes none until it is reopened."""


class KeyReused(StoreError):
    """An Idempotency-Key already carried out a different request."""


class RequestKey(NamedTuple):
    """A client's key for one request, and a fingerprint of that request's content."""

    key: str
    fingerprint: str


# How long a request key is remembered: longer than any fair day's retries.
REQUEST_KEY_SECONDS = 24 * 3600


class Principal(NamedTuple):
    """Who a token belongs to."""

    role: str  # "organizer" | "employer" | "kiosk"
    id: int  # organizer, employer or kiosk id
    fair_id: int | None  # None for organizers
    name: str


class Changes(NamedTuple):
    """What changed in a fair after a given feed position."""

    version: int
    seekers: list
    postings: list
    removed_seekers: list
    removed_postings: list


SIDES = ("seeker", "employer")


def unavailable_on(errors: type[Exception] | tuple[type[Exception], ...],
                   unavailable: Callable[[Exception], bool]):
    """Class decorator of a store implementation: its public methods (and ``__init__``, which may
    open the database) raise :class:`StoreUnavailable` for the database's ``errors`` that
    ``unavailable(error)`` says mean "cannot reach it / cannot do it now"; other errors pass as
    they are. One place per implementation, so that no caller has to know the database's exceptions.
    """

    def guard(method):
        @functools.wraps(method)
        def guarded(*args, **kwargs):
            try:
                return method(*args, **kwargs)
            except errors as error:
                if unavailable(error):
                    raise StoreUnavailable(f"{type(error).__name__}: {error}") from error
                raise

        return guarded

    def decorate(cls):
        for name, member in list(vars(cls).items()):
            if inspect.isfunction(member) and (name == "__init__" or not name.startswith("_")):
                setattr(cls, name, guard(member))
        return cls

    return decorate


class Store(abc.ABC):
    """Abstract store. ``now`` arguments are ISO-8601 strings with offset."""

    # -- lifecycle -------------------------------------------------------
    @abc.abstractmethod
    def ping(self) -> bool:
        """True when the backing database answers."""

    @abc.abstractmethod
    def close(self) -> None:
        """Release connections."""

    # -- principals ------------------------------------------------------
    @abc.abstractmethod
    def create_organizer(self, name: str, token_hash: str, *, now: str) -> dict:
        """Create an organizer: ``{id, name, created_at}``."""

    @abc.abstractmethod
    def find_principal(self, token_hash: str) -> Principal | None:
        """The owner of a hashed token, or None."""

    # -- fairs -----------------------------------------------------------
    @abc.abstractmethod
    def create_fair(self, organizer_id: int, data: dict, *, now: str) -> dict:
        """Create a fair owned by ``organizer_id``; returns the fair record
        ``{id, organizer_id, name, date, venue, city, district, created_at}``."""

    @abc.abstractmethod
    def get_fair(self, fair_id: int) -> dict | None:
        """The fair record or None."""

    @abc.abstractmethod
    def list_fairs(self, organizer_id: int) -> list[dict]:
        """The organizer's fairs, newest first."""

    # -- employers and kiosks ---------------------------------------------
    @abc.abstractmethod
    def create_employers(self, fair_id: int, items: list[dict], token_hashes: list[str], *,
                         now: str) -> list[dict]:
        """Create employers in a fair all-or-nothing, each with its token hash
        (they count in stats); returns their records in input order, ids increasing:
        ``{id, fair_id, name, industry, credit_code, contact_name, contact_phone, created_at}``.

        One fair never has two employers whose names have the same
        :func:`~service.store.common.employer_name_key`: a name like one
        registered already, or like an earlier item's, raises :class:`NamesTaken`
        with the positions of all such items. The check is part of the atomic
        write, so concurrent registrations of one name make one employer. A token
        hash in use raises :class:`Conflict`.
        """

    def create_employer(self, fair_id: int, data: dict, token_hash: str, *, now: str) -> dict:
        """Create one employer, as :meth:`create_employers` does."""
        return self.create_employers(fair_id, [data], [token_hash], now=now)[0]

    @abc.abstractmethod
    def get_employer(self, employer_id: int) -> dict | None:
        """The employer record or None."""

    @abc.abstractmethod
    def list_employers(self, fair_id: int) -> list[dict]:
        """The fair's employers in creation order."""

    @abc.abstractmethod
    def set_employer_booths(self, booths: dict[int, str | None]) -> list[dict]:
        """Give employers their booths (``{employer id: booth}``, None: none yet), all at once; the
        changed records of the employers found, in the order given. The booth is the one field of
        an employer that changes."""

    @abc.abstractmethod
    def create_kiosk(self, fair_id: int, data: dict, token_hash: str, *, now: str) -> dict:
        """Create a kiosk: ``{id, fair_id, label, created_at}``."""

    @abc.abstractmethod
    def list_kiosks(self, fair_id: int) -> list[dict]:
        """The fair's kiosks in creation order."""

    @abc.abstractmethod
    def replace_token(self, kind: str, principal_id: int, token_hash: str, *, fair_id: int) -> dict | None:
        """Give the employer or kiosk (``kind``) of the fair a new token hash:
        in one atomic step its old hash stops finding it and the new one starts.
        Returns its record, or None when it is not one of that fair's (nothing
        written). A hash already in use raises :class:`Conflict`."""

    # -- postings ----------------------------------------------------------
    @abc.abstractmethod
    def create_postings(self, fair_id: int, employer_id: int, items: list[dict], *, now: str,
                        request_key: RequestKey | None = None) -> list[dict | None]:
        """Create postings all-or-nothing; ``items`` are validated posting
        fields plus ``occupation``. Returns the records in input order.

        With ``request_key``, the employer's request that already used that key
        (within :data:`REQUEST_KEY_SECONDS`) is not carried out again: its
        postings are returned as they are now, ``None`` where deleted since.
        The key with another fingerprint raises :class:`KeyReused`. Checking
        and recording the key are part of the same atomic write.
        """

    @abc.abstractmethod
    def get_posting(self, posting_id: int) -> dict | None:
        """The posting record or None."""

    @abc.abstractmethod
    def posting_owner(self, posting_id: int) -> tuple[int, int] | None:
        """``(fair_id, employer_id)`` of a posting, or None: what access checks
        need, without reading the record (neither ever changes)."""

    @abc.abstractmethod
    def update_posting(self, posting_id: int, changes: dict, *, now: str) -> dict | None:
        """Apply validated field changes (``status`` included); None if missing.
        Counters (positions, open postings) follow the change."""

    @abc.abstractmethod
    def delete_posting(self, posting_id: int, *, now: str) -> bool:
        """Delete a posting and its intents; False if it did not exist."""

    @abc.abstractmethod
    def list_postings(
        self,
        fair_id: int,
        *,
        employer_id: int | None = None,
        occupation: str | None = None,
        status: str | None = None,
        q: str | None = None,
        limit: int = 50,
        offset: int = 0,
        without_interest: bool = False,
    ) -> tuple[list[dict], int]:
        """Postings of a fair, newest first, filtered; returns (page, total).
        ``occupation`` matches a code prefix (``6-18`` matches ``6-18-01-01``);
        ``q`` is a case-insensitive substring of title, description or skills;
        ``without_interest`` keeps postings no seeker has marked (as counted in
        stats' ``postings_without_interest``, which open postings only)."""

    # -- seekers -----------------------------------------------------------
    @abc.abstractmethod
    def upsert_seeker(self, fair_id: int, data: dict, *, now: str) -> tuple[dict, bool]:
        """Create or update the seeker with ``data["phone"]`` in this fair; an
        update replaces the fields ``data`` carries and keeps the others.
        Returns (record, created). Concurrent calls with one phone make one seeker."""

    @abc.abstractmethod
    def get_seeker(self, seeker_id: int) -> dict | None:
        """The seeker record or None."""

    @abc.abstractmethod
    def seeker_fair(self, seeker_id: int) -> int | None:
        """The fair of a seeker, or None (it never changes)."""

    @abc.abstractmethod
    def find_seeker_by_phone(self, fair_id: int, phone: str) -> dict | None:
        """The seeker of a fair with that phone, or None."""

    @abc.abstractmethod
    def delete_seeker(self, seeker_id: int, *, now: str) -> bool:
        """Erase a seeker's data (record, phone index, intents); counts stay."""

    # -- intents -------------------------------------------------------------
    @abc.abstractmethod
    def set_intent(self, posting_id: int, seeker_id: int, side: str, interested: bool, *, now: str) -> dict:
        """Mark (True) or withdraw (False) one side's interest, atomically;
        returns the intent record. ``side`` is one of :data:`SIDES`.

        A new mark on a closed posting raises :class:`PostingClosed` and writes
        nothing; the posting's status is read in the same atomic step, so a mark
        racing a close is refused once the close is written. Repeating a mark
        already set and withdrawing go through as on an open posting."""

    @abc.abstractmethod
    def get_intent(self, posting_id: int, seeker_id: int) -> dict:
        """The intent record (all false when the pair has none)."""

    @abc.abstractmethod
    def get_intents(self, posting_id: int | None = None, seeker_id: int | None = None,
                    *, others: Iterable[int] = ()) -> dict[int, dict]:
        """Intent records keyed by the other side's id: with ``posting_id`` the
        keys are seeker ids, with ``seeker_id`` posting ids. ``others`` limits
        the keys (pairs with no intent are left out); empty means all pairs
        that have one."""

    @abc.abstractmethod
    def intent_counts(self, posting_ids: Iterable[int]) -> dict[int, dict]:
        """How the seekers stand with each posting now, keyed by posting id, every id given
        (all 0 for one without intents or missing): ``{interested, awaiting_employer, agreed}``,
        the seekers interested in it, those of them the employer has not marked yet, and those
        agreed (``interested = awaiting_employer + agreed``). Withdrawn marks and erased seekers
        do not count. Reads the intents of these postings only, never the fair's."""

    @abc.abstractmethod
    def list_agreements(self, fair_id: int, *, employer_id: int | None = None, limit: int | None = None,
                        offset: int = 0) -> tuple[list[dict], int]:
        """Agreed pairs of a fair (optionally one employer's), newest first:
        ``{intent..., posting: record, seeker: record}``; returns (page, total),
        ``limit`` None meaning all from ``offset``. Reads the page only: an
        employer's list costs what the employer has, not what the fair has."""

    # -- change feed and stats ---------------------------------------------
    @abc.abstractmethod
    def fair_version(self, fair_id: int) -> int:
        """The fair's change-feed position (0 when nothing was written)."""

    @abc.abstractmethod
    def changes_since(self, fair_id: int, version: int) -> Changes:
        """Current records of seekers and postings changed after ``version``."""

    @abc.abstractmethod
    def stats(self, fair_id: int) -> dict:
        """The fair's statistics, shaped as docs/DESIGN.md says, from counters; but
        ``awaiting_employer`` (per employer and the fair's) is counted from the intents in
        the same read: the seekers interested now whom the employer has not marked, so
        erased seekers and deleted postings leave it (as in ``intent_counts``)."""
