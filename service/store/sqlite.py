"""SQLiteStore: the embedded default store, one file, safe across threads and processes.

WAL mode lets readers run beside the single writer; every write that touches
more than one row runs in ``BEGIN IMMEDIATE`` so writers queue up (waiting up
to ``busy_timeout``) instead of failing half way. Each operation borrows a
connection of its own from a small per-process pool, opened lazily, so the
store is safe in threaded servers and a store created before a gunicorn fork
is safe to use in the workers.
"""
from __future__ import annotations

import json
import os
import sqlite3
import threading
from contextlib import contextmanager
from datetime import datetime
from typing import Iterable

from .base import (
    REQUEST_KEY_SECONDS, Changes, Conflict, KeyReused, NamesTaken, PostingClosed, Principal, SIDES, Store,
    unavailable_on,
)
from .common import (
    build_stats, difference, dumps, employer_name_key, employer_record,
    first_occupation, names_taken, hour_bucket, intent_counts_record, intent_record, posting_cells,
    posting_defaults, search_text, seeker_defaults,
)

BUSY_TIMEOUT_MS = 30_000
POOL_SIZE = 32  # idle connections kept open per process: one per server thread

SCHEMA = """
CREATE TABLE IF NOT EXISTS organizers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS tokens (
    token_hash TEXT PRIMARY KEY,
    role TEXT NOT NULL,
    principal_id INTEGER NOT NULL,
    fair_id INTEGER,
    name TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS tokens_principal ON tokens(role, principal_id);
CREATE TABLE IF NOT EXISTS fairs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organizer_id INTEGER NOT NULL REFERENCES organizers(id),
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS fairs_organizer ON fairs(organizer_id);
CREATE TABLE IF NOT EXISTS employers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    fair_id INTEGER NOT NULL REFERENCES fairs(id),
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS employers_fair ON employers(fair_id);
CREATE TABLE IF NOT EXISTS kiosks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    fair_id INTEGER NOT NULL REFERENCES fairs(id),
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS kiosks_fair ON kiosks(fair_id);
CREATE TABLE IF NOT EXISTS postings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    fair_id INTEGER NOT NULL REFERENCES fairs(id),
    employer_id INTEGER NOT NULL REFERENCES employers(id),
    status TEXT NOT NULL,
    occupation_code TEXT,
    search TEXT NOT NULL,
    seeker_interest INTEGER NOT NULL DEFAULT 0,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS postings_fair_employer ON postings(fair_id, employer_id);
CREATE INDEX IF NOT EXISTS postings_fair_occupation ON postings(fair_id, occupation_code);
CREATE TABLE IF NOT EXISTS seekers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    fair_id INTEGER NOT NULL REFERENCES fairs(id),
    phone TEXT NOT NULL,
    resume_counted INTEGER NOT NULL DEFAULT 0,
    agreed_pairs INTEGER NOT NULL DEFAULT 0,
    data TEXT NOT NULL,
    UNIQUE (fair_id, phone)
);
CREATE TABLE IF NOT EXISTS intents (
    posting_id INTEGER NOT NULL REFERENCES postings(id) ON DELETE CASCADE,
    seeker_id INTEGER NOT NULL REFERENCES seekers(id) ON DELETE CASCADE,
    fair_id INTEGER NOT NULL,
    seeker_interested INTEGER NOT NULL DEFAULT 0,
    employer_interested INTEGER NOT NULL DEFAULT 0,
    agreed_at TEXT,
    PRIMARY KEY (posting_id, seeker_id)
);
CREATE INDEX IF NOT EXISTS intents_seeker ON intents(seeker_id);
CREATE INDEX IF NOT EXISTS intents_fair_agreed ON intents(fair_id, agreed_at);
CREATE TABLE IF NOT EXISTS counters (
    fair_id INTEGER NOT NULL,
    dim TEXT NOT NULL,
    key TEXT NOT NULL,
    metric TEXT NOT NULL,
    value INTEGER NOT NULL,
    PRIMARY KEY (fair_id, dim, key, metric)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS occupation_names (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    fair_id INTEGER NOT NULL,
    kind TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    UNIQUE (fair_id, kind, entity_id)
);
CREATE INDEX IF NOT EXISTS changes_fair_seq ON changes(fair_id, seq);
CREATE TABLE IF NOT EXISTS request_keys (
    employer_id INTEGER NOT NULL,
    key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    posting_ids TEXT NOT NULL,
    expires_at REAL NOT NULL,
    PRIMARY KEY (employer_id, key)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS request_keys_expiry ON request_keys(expires_at);
"""

# SQLite's primary result codes for a file that cannot be used now, rather than a wrong statement:
# BUSY and LOCKED (another connection kept the lock past the busy timeout), READONLY, IOERR,
# FULL, CANTOPEN and PROTOCOL (a race for the WAL's locks that gave up). "No such table" and
# syntax errors are SQLITE_ERROR: bugs.
_UNAVAILABLE_CODES = frozenset({5, 6, 8, 10, 13, 14, 15})
_UNAVAILABLE_MESSAGES = (  # the same, as Python 3.10 reports them (without the code)
    "database is locked", "database table is locked", "attempt to write a readonly database", "disk I/O error",
    "database or disk is full", "unable to open database file", "locking protocol",
)


def _unavailable(error: sqlite3.OperationalError) -> bool:
    """Whether SQLite failed because the file cannot be used now (see :class:`StoreUnavailable`)."""
    code = getattr(error, "sqlite_errorcode", None)  # Python 3.11+
    if code is not None:
        return code & 0xFF in _UNAVAILABLE_CODES
    return str(error).startswith(_UNAVAILABLE_MESSAGES)


_INTENT_COLUMNS = "intents (posting_id, seeker_id, fair_id, seeker_interested, employer_interested, agreed_at)"
_WRITE_INTENT = (f"INSERT INTO {_INTENT_COLUMNS} VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET"
                 " seeker_interested = excluded.seeker_interested,"
                 " employer_interested = excluded.employer_interested, agreed_at = excluded.agreed_at")
_WRITE_AGREEMENT = f"INSERT OR REPLACE INTO {_INTENT_COLUMNS} VALUES (?, ?, ?, ?, ?, ?)"


def _one(conn, sql: str, params=()):
    """The first row of a query, or None. The statement is closed at once: a
    statement left open would hold the connection's read snapshot."""
    cursor = conn.execute(sql, params)
    try:
        return cursor.fetchone()
    finally:
        cursor.close()


def _posting(row) -> dict:
    record = json.loads(row["data"])
    record.update(id=row["id"], fair_id=row["fair_id"], employer_id=row["employer_id"])
    return record


def _seeker(row) -> dict:
    record = json.loads(row["data"])
    record.update(id=row["id"], fair_id=row["fair_id"], phone=row["phone"])
    return record


def _data_record(row) -> dict:
    record = json.loads(row["data"])
    record["id"] = row["id"]
    return record


def _intent(row) -> dict:
    return intent_record(row["posting_id"], row["seeker_id"], row["seeker_interested"],
                         row["employer_interested"], row["agreed_at"])


@unavailable_on(sqlite3.OperationalError, _unavailable)
class SQLiteStore(Store):
    """Store in one SQLite file (``path``)."""

    def __init__(self, path: str):
        self.path = path
        self._pool: list[sqlite3.Connection] = []
        self._pool_pid = os.getpid()
        self._writers = threading.Lock()
        self._writers_pid = os.getpid()
        directory = os.path.dirname(os.path.abspath(path))
        os.makedirs(directory, exist_ok=True)
        setup = self._connect()
        try:
            setup.execute("PRAGMA journal_mode=WAL")
            setup.execute("BEGIN IMMEDIATE")
            setup.executescript(SCHEMA)  # executescript commits
        finally:
            setup.close()

    # -- connections -------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000,
                               isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA synchronous=NORMAL")
        return conn

    @contextmanager
    def _connection(self):
        """A connection for this thread's exclusive use until the block ends.

        Idle connections wait in a small pool, so threads that come and go
        (one per request in some servers) reuse them instead of each opening
        its own; list append/pop are atomic, so no lock is needed.
        """
        if self._pool_pid != os.getpid():
            # Never use a connection across a fork, nor close it (closing could
            # checkpoint the parent's WAL): keep it untouched, start afresh.
            self._inherited_connections = self._pool
            self._pool, self._pool_pid = [], os.getpid()
        pool = self._pool
        try:
            conn = pool.pop()
        except IndexError:
            conn = self._connect()
        try:
            yield conn
        finally:
            # A connection left inside a transaction (its end failed) would hold the file's lock or snapshot.
            if len(pool) < POOL_SIZE and not conn.in_transaction:
                pool.append(conn)
            else:
                conn.close()

    @contextmanager
    def _write(self):
        # One writing thread per process: the others wait on a lock that wakes
        # them the moment it is free. Left to SQLite, each would poll its busy
        # handler, which sleeps up to 100 ms between tries: with 32 threads per
        # worker, writes had a p99 of a second. Processes still take turns in SQLite.
        if self._writers_pid != os.getpid():  # a lock copied by fork may look held
            self._writers, self._writers_pid = threading.Lock(), os.getpid()
        with self._writers, self._connection() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                # SQLite may have rolled back already (a full disk, an I/O error): a second
                # ROLLBACK would fail, and its error would hide the one that matters.
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise

    @contextmanager
    def _read(self):
        """A read transaction: one consistent snapshot for several queries."""
        with self._connection() as conn:
            conn.execute("BEGIN")
            try:
                yield conn
            finally:
                if conn.in_transaction:  # not after an error that ended it
                    conn.execute("COMMIT")

    def _one(self, sql: str, params=()):
        with self._connection() as conn:
            return _one(conn, sql, params)

    def _all(self, sql: str, params=()) -> list:
        with self._connection() as conn:
            return conn.execute(sql, params).fetchall()

    def ping(self) -> bool:
        try:
            # Reads the file, not just the library: the database must answer.
            self._one("SELECT count(*) FROM sqlite_master")
            return True
        except sqlite3.Error:
            return False

    def close(self) -> None:
        pool, self._pool = self._pool, []
        if self._pool_pid == os.getpid():
            for conn in pool:
                conn.close()

    # -- helpers -------------------------------------------------------------
    @staticmethod
    def _bump(conn, fair_id: int, cells: Iterable[tuple]) -> None:
        conn.executemany(
            "INSERT INTO counters (fair_id, dim, key, metric, value) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT DO UPDATE SET value = value + excluded.value",
            [(fair_id, dim, str(key), metric, value) for dim, key, metric, value in cells])

    @staticmethod
    def _log_change(conn, fair_id: int, kind: str, entity_id: int) -> None:
        # Replacing the row gives it a new, higher seq: the feed holds each
        # entity once, at its latest change.
        conn.execute("INSERT OR REPLACE INTO changes (fair_id, kind, entity_id) VALUES (?, ?, ?)",
                     (fair_id, kind, entity_id))

    @staticmethod
    def _name_occupation(conn, occupation: dict | None) -> None:
        if occupation:
            conn.execute("INSERT OR REPLACE INTO occupation_names (code, name) VALUES (?, ?)",
                         (occupation["code"], occupation["name"]))

    # -- principals ------------------------------------------------------------
    def create_organizer(self, name: str, token_hash: str, *, now: str) -> dict:
        with self._write() as conn:
            organizer_id = conn.execute(
                "INSERT INTO organizers (name, created_at) VALUES (?, ?)", (name, now)).lastrowid
            self._add_token(conn, token_hash, "organizer", organizer_id, None, name)
        return {"id": organizer_id, "name": name, "created_at": now}

    @staticmethod
    def _add_token(conn, token_hash, role, principal_id, fair_id, name) -> None:
        try:
            conn.execute("INSERT INTO tokens VALUES (?, ?, ?, ?, ?)",
                         (token_hash, role, principal_id, fair_id, name))
        except sqlite3.IntegrityError as exc:
            raise Conflict("token already in use") from exc

    def find_principal(self, token_hash: str) -> Principal | None:
        row = self._one(
            "SELECT role, principal_id, fair_id, name FROM tokens WHERE token_hash = ?",
            (token_hash,))
        return Principal(row["role"], row["principal_id"], row["fair_id"], row["name"]) if row else None

    # -- fairs -----------------------------------------------------------------
    def create_fair(self, organizer_id: int, data: dict, *, now: str) -> dict:
        record = {"organizer_id": organizer_id, "name": data["name"], "date": data.get("date"),
                  "venue": data.get("venue"), "city": data.get("city"),
                  "district": data.get("district"), "created_at": now}
        with self._write() as conn:
            record["id"] = conn.execute("INSERT INTO fairs (organizer_id, data) VALUES (?, ?)",
                                        (organizer_id, dumps(record))).lastrowid
        return record

    def get_fair(self, fair_id: int) -> dict | None:
        row = self._one("SELECT id, data FROM fairs WHERE id = ?", (fair_id,))
        return _data_record(row) if row else None

    def list_fairs(self, organizer_id: int) -> list[dict]:
        rows = self._all("SELECT id, data FROM fairs WHERE organizer_id = ? ORDER BY id DESC",
                         (organizer_id,))
        return [_data_record(row) for row in rows]

    # -- employers and kiosks ----------------------------------------------------
    def create_employers(self, fair_id: int, items: list[dict], token_hashes: list[str], *,
                         now: str) -> list[dict]:
        if not items:
            return []
        records = [employer_record(fair_id, item, now) for item in items]
        with self._write() as conn:
            # Checked inside the write transaction, which holds the file's write lock: no other
            # registration can come between the check and the inserts. (A scan of the fair's
            # few hundred names, rather than a unique index: that would need a new column
            # filled in on existing files, and could not be built where duplicates exist.)
            registered = {employer_name_key(name) for (name,) in conn.execute(
                "SELECT json_extract(data, '$.name') FROM employers WHERE fair_id = ?", (fair_id,))}
            taken = names_taken([record["name"] for record in records], registered)
            if taken:
                raise NamesTaken(taken)
            for record, token_hash in zip(records, token_hashes, strict=True):
                record["id"] = conn.execute("INSERT INTO employers (fair_id, data) VALUES (?, ?)",
                                            (fair_id, dumps(record))).lastrowid
                self._add_token(conn, token_hash, "employer", record["id"], fair_id, record["name"])
            self._bump(conn, fair_id, [("fair", "", "employers", len(records))])
        return records

    def get_employer(self, employer_id: int) -> dict | None:
        row = self._one("SELECT id, data FROM employers WHERE id = ?", (employer_id,))
        return _data_record(row) if row else None

    def list_employers(self, fair_id: int) -> list[dict]:
        rows = self._all("SELECT id, data FROM employers WHERE fair_id = ? ORDER BY id", (fair_id,))
        return [_data_record(row) for row in rows]

    def set_employer_booths(self, booths: dict[int, str | None]) -> list[dict]:
        records = []
        with self._write() as conn:
            for employer_id, booth in booths.items():
                row = _one(conn, "SELECT id, data FROM employers WHERE id = ?", (employer_id,))
                if row is None:
                    continue
                record = {**_data_record(row), "booth": booth}
                conn.execute("UPDATE employers SET data = ? WHERE id = ?",
                             (dumps({name: value for name, value in record.items() if name != "id"}), employer_id))
                records.append(record)
        return records

    def create_kiosk(self, fair_id: int, data: dict, token_hash: str, *, now: str) -> dict:
        record = {"fair_id": fair_id, "label": data["label"], "created_at": now}
        with self._write() as conn:
            record["id"] = conn.execute("INSERT INTO kiosks (fair_id, data) VALUES (?, ?)",
                                        (fair_id, dumps(record))).lastrowid
            self._add_token(conn, token_hash, "kiosk", record["id"], fair_id, record["label"])
            self._bump(conn, fair_id, [("fair", "", "kiosks", 1)])
        return record

    def list_kiosks(self, fair_id: int) -> list[dict]:
        rows = self._all("SELECT id, data FROM kiosks WHERE fair_id = ? ORDER BY id", (fair_id,))
        return [_data_record(row) for row in rows]

    def replace_token(self, kind: str, principal_id: int, token_hash: str, *, fair_id: int) -> dict | None:
        table = {"employer": "employers", "kiosk": "kiosks"}[kind]
        with self._write() as conn:
            row = _one(conn, f"SELECT id, data FROM {table} WHERE id = ? AND fair_id = ?", (principal_id, fair_id))
            if row is None:
                return None
            record = _data_record(row)
            conn.execute("DELETE FROM tokens WHERE role = ? AND principal_id = ?", (kind, principal_id))
            self._add_token(conn, token_hash, kind, principal_id, fair_id,
                            record["name" if kind == "employer" else "label"])
        return record

    # -- postings ----------------------------------------------------------------
    def create_postings(self, fair_id: int, employer_id: int, items: list[dict], *, now: str,
                        request_key=None) -> list[dict | None]:
        if not items:
            return []
        records = []
        with self._write() as conn:
            if request_key is not None:
                moment = datetime.fromisoformat(now).timestamp()
                conn.execute("DELETE FROM request_keys WHERE expires_at <= ?", (moment,))
                done = _one(conn, "SELECT fingerprint, posting_ids FROM request_keys WHERE employer_id = ? AND key = ?",
                            (employer_id, request_key.key))
                if done is not None:
                    if done["fingerprint"] != request_key.fingerprint:
                        raise KeyReused(request_key.key)
                    found = [_one(conn, "SELECT * FROM postings WHERE id = ?", (posting_id,))
                             for posting_id in json.loads(done["posting_ids"])]
                    return [_posting(row) if row else None for row in found]
            for item in items:
                record = {**posting_defaults(), **item, "created_at": now, "updated_at": now}
                record.pop("id", None)
                posting_id = conn.execute(
                    "INSERT INTO postings (fair_id, employer_id, status, occupation_code, search, data)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (fair_id, employer_id, record["status"],
                     (record["occupation"] or {}).get("code"), search_text(record), dumps(record)),
                ).lastrowid
                record.update(id=posting_id, fair_id=fair_id, employer_id=employer_id)
                self._bump(conn, fair_id, posting_cells(record, 0))
                self._name_occupation(conn, record["occupation"])
                self._log_change(conn, fair_id, "posting", posting_id)
                records.append(record)
            if request_key is not None:
                conn.execute("INSERT INTO request_keys VALUES (?, ?, ?, ?, ?)",
                             (employer_id, request_key.key, request_key.fingerprint,
                              json.dumps([record["id"] for record in records]), moment + REQUEST_KEY_SECONDS))
        return records

    def get_posting(self, posting_id: int) -> dict | None:
        row = self._one("SELECT * FROM postings WHERE id = ?", (posting_id,))
        return _posting(row) if row else None

    def posting_owner(self, posting_id: int) -> tuple[int, int] | None:
        row = self._one("SELECT fair_id, employer_id FROM postings WHERE id = ?", (posting_id,))
        return (row["fair_id"], row["employer_id"]) if row else None

    def update_posting(self, posting_id: int, changes: dict, *, now: str) -> dict | None:
        with self._write() as conn:
            row = _one(conn, "SELECT * FROM postings WHERE id = ?", (posting_id,))
            if row is None:
                return None
            old = _posting(row)
            record = {**old, **changes, "updated_at": now}
            for fixed in ("id", "fair_id", "employer_id", "created_at"):
                record[fixed] = old[fixed]
            interest = row["seeker_interest"]
            self._bump(conn, old["fair_id"],
                       difference(posting_cells(record, interest), posting_cells(old, interest)))
            self._name_occupation(conn, record.get("occupation"))
            conn.execute(
                "UPDATE postings SET status = ?, occupation_code = ?, search = ?, data = ? WHERE id = ?",
                (record["status"], (record.get("occupation") or {}).get("code"),
                 search_text(record), dumps(record), posting_id))
            self._log_change(conn, old["fair_id"], "posting", posting_id)
        return record

    def delete_posting(self, posting_id: int, *, now: str) -> bool:
        with self._write() as conn:
            row = _one(conn, "SELECT * FROM postings WHERE id = ?", (posting_id,))
            if row is None:
                return False
            old = _posting(row)
            self._bump(conn, old["fair_id"], difference([], posting_cells(old, row["seeker_interest"])))
            conn.execute("DELETE FROM postings WHERE id = ?", (posting_id,))
            self._log_change(conn, old["fair_id"], "posting", posting_id)
        return True

    def list_postings(self, fair_id, *, employer_id=None, occupation=None, status=None,
                      q=None, limit=50, offset=0, without_interest=False):
        where, params = ["fair_id = ?"], [fair_id]
        if employer_id is not None:
            where.append("employer_id = ?")
            params.append(employer_id)
        if occupation:
            # Prefix match on a code: "6-18" matches itself and "6-18-...".
            where.append("(occupation_code = ? OR substr(occupation_code, 1, ?) = ?)")
            params += [occupation, len(occupation) + 1, occupation + "-"]
        if status:
            where.append("status = ?")
            params.append(status)
        if q:
            where.append("instr(search, ?) > 0")
            params.append(q.lower())
        if without_interest:
            where.append("seeker_interest = 0")
        condition = " AND ".join(where)
        with self._read() as conn:
            total = _one(conn, f"SELECT count(*) FROM postings WHERE {condition}", params)[0]
            rows = conn.execute(
                f"SELECT * FROM postings WHERE {condition} ORDER BY id DESC LIMIT ? OFFSET ?",
                [*params, limit, offset]).fetchall()
        return [_posting(row) for row in rows], total

    # -- seekers -------------------------------------------------------------------
    def upsert_seeker(self, fair_id: int, data: dict, *, now: str) -> tuple[dict, bool]:
        phone = data["phone"]
        with self._write() as conn:
            row = _one(conn, "SELECT * FROM seekers WHERE fair_id = ? AND phone = ?",
                       (fair_id, phone))
            if row is None:
                record = {**seeker_defaults(), **data, "created_at": now, "updated_at": now}
                old_occupation, resume_counted = None, False
                cells = [("fair", "", "seekers", 1), ("hour", hour_bucket(now), "seekers", 1)]
            else:
                old = _seeker(row)
                record = {**old, **data, "created_at": old["created_at"], "updated_at": now}
                old_occupation, resume_counted = first_occupation(old), bool(row["resume_counted"])
                cells = []
            new_occupation = first_occupation(record)
            if (old_occupation or {}).get("code") != (new_occupation or {}).get("code"):
                if old_occupation:
                    cells.append(("occupation", old_occupation["code"], "seekers", -1))
                if new_occupation:
                    cells.append(("occupation", new_occupation["code"], "seekers", 1))
                    self._name_occupation(conn, new_occupation)
            count_resume = bool(record.get("resume_text")) and not resume_counted
            if count_resume:
                cells.append(("fair", "", "resumes", 1))
            stored = {k: v for k, v in record.items() if k not in ("id", "fair_id", "phone")}
            if row is None:
                seeker_id = conn.execute(
                    "INSERT INTO seekers (fair_id, phone, resume_counted, data) VALUES (?, ?, ?, ?)",
                    (fair_id, phone, int(count_resume), dumps(stored))).lastrowid
            else:
                seeker_id = row["id"]
                conn.execute("UPDATE seekers SET resume_counted = ?, data = ? WHERE id = ?",
                             (int(resume_counted or count_resume), dumps(stored), seeker_id))
            self._bump(conn, fair_id, cells)
            self._log_change(conn, fair_id, "seeker", seeker_id)
        record.update(id=seeker_id, fair_id=fair_id, phone=phone)
        return record, row is None

    def get_seeker(self, seeker_id: int) -> dict | None:
        row = self._one("SELECT * FROM seekers WHERE id = ?", (seeker_id,))
        return _seeker(row) if row else None

    def seeker_fair(self, seeker_id: int) -> int | None:
        row = self._one("SELECT fair_id FROM seekers WHERE id = ?", (seeker_id,))
        return row["fair_id"] if row else None

    def find_seeker_by_phone(self, fair_id: int, phone: str) -> dict | None:
        row = self._one("SELECT * FROM seekers WHERE fair_id = ? AND phone = ?",
                        (fair_id, phone))
        return _seeker(row) if row else None

    def delete_seeker(self, seeker_id: int, *, now: str) -> bool:
        with self._write() as conn:
            row = _one(conn, "SELECT fair_id FROM seekers WHERE id = ?", (seeker_id,))
            if row is None:
                return False
            # Intents go by ON DELETE CASCADE; counters stay as reported.
            conn.execute("DELETE FROM seekers WHERE id = ?", (seeker_id,))
            self._log_change(conn, row["fair_id"], "seeker", seeker_id)
        return True

    # -- intents ---------------------------------------------------------------------
    def set_intent(self, posting_id: int, seeker_id: int, side: str, interested: bool, *, now: str) -> dict:
        if side not in SIDES:
            raise ValueError(f"side must be one of {SIDES}, not {side!r}")
        with self._write() as conn:
            posting = _one(conn, "SELECT * FROM postings WHERE id = ?", (posting_id,))
            seeker = _one(conn, "SELECT fair_id, agreed_pairs FROM seekers WHERE id = ?",
                          (seeker_id,))
            if posting is None or seeker is None:
                return None
            fair_id = posting["fair_id"]
            if seeker["fair_id"] != fair_id:
                raise Conflict("posting and seeker belong to different fairs")
            row = _one(conn, "SELECT * FROM intents WHERE posting_id = ? AND seeker_id = ?",
                       (posting_id, seeker_id))
            old = {"seeker": bool(row and row["seeker_interested"]),
                   "employer": bool(row and row["employer_interested"])}
            agreed_at = row["agreed_at"] if row else None
            if old[side] == bool(interested):
                return intent_record(posting_id, seeker_id, old["seeker"], old["employer"], agreed_at)
            if interested and posting["status"] == "closed":
                raise PostingClosed(f"posting {posting_id} is closed")
            new = {**old, side: bool(interested)}
            step = 1 if interested else -1
            employer = str(posting["employer_id"])
            occupation = posting["occupation_code"]
            hour = hour_bucket(now)
            metric = f"{side}_intents"
            cells = [("fair", "", metric, step), ("employer", employer, metric, step)]
            if side == "seeker":
                if interested:
                    cells.append(("hour", hour, "seeker_intents", 1))
                interest = posting["seeker_interest"] + step
                conn.execute("UPDATE postings SET seeker_interest = ? WHERE id = ?", (interest, posting_id))
                # The first seeker mark takes an open posting out of
                # "without interest"; the last withdrawal puts it back.
                if posting["status"] == "open" and (interest, step) in ((1, 1), (0, -1)):
                    cells.append(("fair", "", "postings_without_interest", -step))
            was_agreed, is_agreed = all(old.values()), all(new.values())
            if was_agreed != is_agreed:
                agreed_step = 1 if is_agreed else -1
                cells += [("fair", "", "agreements", agreed_step),
                          ("employer", employer, "agreements", agreed_step)]
                if occupation:
                    cells.append(("occupation", occupation, "agreements", agreed_step))
                if is_agreed:
                    cells.append(("hour", hour, "agreements", 1))
                pairs = seeker["agreed_pairs"] + agreed_step
                conn.execute("UPDATE seekers SET agreed_pairs = ? WHERE id = ?", (pairs, seeker_id))
                if (pairs, agreed_step) in ((1, 1), (0, -1)):
                    cells.append(("fair", "", "seekers_with_agreement", agreed_step))
                agreed_at = now if is_agreed else None
            # A new agreement's row is written anew (REPLACE: the next rowid), so agreements of one
            # second (agreed_at has whole seconds) are listed in the order they were made, as Redis
            # lists them. Other marks update in place: REPLACE costs every write ~14 % more.
            conn.execute(_WRITE_AGREEMENT if is_agreed and not was_agreed else _WRITE_INTENT,
                         (posting_id, seeker_id, fair_id, int(new["seeker"]), int(new["employer"]), agreed_at))
            self._bump(conn, fair_id, cells)
        return intent_record(posting_id, seeker_id, new["seeker"], new["employer"], agreed_at)

    def get_intent(self, posting_id: int, seeker_id: int) -> dict:
        row = self._one("SELECT * FROM intents WHERE posting_id = ? AND seeker_id = ?",
                        (posting_id, seeker_id))
        return _intent(row) if row else intent_record(posting_id, seeker_id, False, False, None)

    def get_intents(self, posting_id=None, seeker_id=None, *, others=()) -> dict[int, dict]:
        if (posting_id is None) == (seeker_id is None):
            raise ValueError("give exactly one of posting_id and seeker_id")
        mine, other = ("posting_id", "seeker_id") if posting_id is not None else ("seeker_id", "posting_id")
        others = list(others)
        sql = f"SELECT * FROM intents WHERE {mine} = ?"
        params = [posting_id if posting_id is not None else seeker_id]
        if others:
            sql += f" AND {other} IN (SELECT value FROM json_each(?))"
            params.append(json.dumps(others))
        return {row[other]: _intent(row) for row in self._all(sql, params)}

    def intent_counts(self, posting_ids: Iterable[int]) -> dict[int, dict]:
        counts = {int(posting_id): intent_counts_record() for posting_id in posting_ids}
        if not counts:
            return counts
        # One grouped read over the primary key's (posting_id, seeker_id) ranges of these postings.
        rows = self._all(
            "SELECT posting_id, sum(seeker_interested) AS interested,"
            " sum(seeker_interested AND NOT employer_interested) AS awaiting_employer,"
            " sum(seeker_interested AND employer_interested) AS agreed"
            " FROM intents WHERE posting_id IN (SELECT value FROM json_each(?)) GROUP BY posting_id",
            (json.dumps(list(counts)),))
        for row in rows:
            counts[row["posting_id"]] = intent_counts_record(row["interested"], row["awaiting_employer"], row["agreed"])
        return counts

    def list_agreements(self, fair_id: int, *, employer_id: int | None = None, limit: int | None = None,
                        offset: int = 0) -> tuple[list[dict], int]:
        if employer_id is None:
            joined = (" FROM intents i JOIN postings p ON p.id = i.posting_id JOIN seekers s ON s.id = i.seeker_id"
                      " WHERE i.fair_id = ? AND i.agreed_at IS NOT NULL")
            params = [fair_id]
        else:
            # CROSS JOIN keeps this order: the employer's postings first (an index), then their
            # intents, rather than every agreement of the fair checked for its employer.
            joined = (" FROM postings p CROSS JOIN intents i ON i.posting_id = p.id"
                      " JOIN seekers s ON s.id = i.seeker_id"
                      " WHERE p.fair_id = ? AND p.employer_id = ? AND i.agreed_at IS NOT NULL")
            params = [fair_id, employer_id]
        with self._read() as conn:
            total = _one(conn, "SELECT count(*)" + joined, params)[0]
            rows = conn.execute(
                "SELECT i.*, p.id AS p_id, p.fair_id AS p_fair_id, p.employer_id, p.data AS p_data,"
                " s.phone, s.data AS s_data" + joined + " ORDER BY i.agreed_at DESC, i.rowid DESC LIMIT ? OFFSET ?",
                [*params, -1 if limit is None else limit, offset]).fetchall()
        page = []
        for row in rows:
            posting = json.loads(row["p_data"])
            posting.update(id=row["p_id"], fair_id=row["p_fair_id"], employer_id=row["employer_id"])
            seeker = json.loads(row["s_data"])
            seeker.update(id=row["seeker_id"], fair_id=fair_id, phone=row["phone"])
            page.append({**_intent(row), "posting": posting, "seeker": seeker})
        return page, total

    # -- change feed and stats -----------------------------------------------------------
    def fair_version(self, fair_id: int) -> int:
        row = self._one("SELECT max(seq) FROM changes WHERE fair_id = ?", (fair_id,))
        return row[0] or 0

    def changes_since(self, fair_id: int, version: int) -> Changes:
        with self._read() as conn:
            current = _one(conn, "SELECT max(seq) FROM changes WHERE fair_id = ?", (fair_id,))[0]
            seekers = [_seeker(row) for row in conn.execute(
                "SELECT s.* FROM changes c JOIN seekers s ON s.id = c.entity_id"
                " WHERE c.fair_id = ? AND c.kind = 'seeker' AND c.seq > ? ORDER BY c.seq",
                (fair_id, version))]
            postings = [_posting(row) for row in conn.execute(
                "SELECT p.* FROM changes c JOIN postings p ON p.id = c.entity_id"
                " WHERE c.fair_id = ? AND c.kind = 'posting' AND c.seq > ? ORDER BY c.seq",
                (fair_id, version))]
            removed = {"seeker": [], "posting": []}
            for row in conn.execute(
                    "SELECT c.kind, c.entity_id FROM changes c"
                    " LEFT JOIN seekers s ON c.kind = 'seeker' AND s.id = c.entity_id"
                    " LEFT JOIN postings p ON c.kind = 'posting' AND p.id = c.entity_id"
                    " WHERE c.fair_id = ? AND c.seq > ? AND s.id IS NULL AND p.id IS NULL"
                    " ORDER BY c.seq", (fair_id, version)):
                removed[row["kind"]].append(row["entity_id"])
        return Changes(current or 0, seekers, postings, removed["seeker"], removed["posting"])

    def stats(self, fair_id: int) -> dict:
        with self._read() as conn:
            cells = conn.execute("SELECT dim, key, metric, value FROM counters WHERE fair_id = ?",
                                 (fair_id,)).fetchall()
            employers = {row["id"]: json.loads(row["data"]) for row in conn.execute(
                "SELECT id, data FROM employers WHERE fair_id = ?", (fair_id,))}
            names = dict(conn.execute(
                "SELECT n.code, n.name FROM occupation_names n JOIN counters c ON c.key = n.code"
                " WHERE c.fair_id = ? AND c.dim = 'occupation'", (fair_id,)).fetchall())
            # CROSS JOIN keeps this order: the fair's postings by employer (a covering index, so no
            # sort for the grouping), then each one's intents by the primary key; ~3x faster than
            # from the fair's intents at fair size.
            awaiting = dict(conn.execute(
                "SELECT p.employer_id, count(*) FROM postings p CROSS JOIN intents i ON i.posting_id = p.id"
                " WHERE p.fair_id = ? AND p.status = 'open' AND i.seeker_interested AND NOT i.employer_interested"
                " GROUP BY p.employer_id", (fair_id,)).fetchall())
        return build_stats(fair_id, cells, employers, names, awaiting)
