"""Every Redis key fairmatch uses, in one place. All start with ``fm:``.

Records are hashes whose field values are JSON (so a partial update is an
HSET and a script can decode just the fields it needs); small records that
never change are JSON strings.

Global keys
    ``fm:ids:{kind}``             string  id counter (INCR) per kind: organizer,
                                          fair, employer, kiosk, posting, seeker
    ``fm:tokens``                 hash    token hash -> JSON ``[role, id, fair_id, name]``
    ``fm:organizer:{id}``         string  JSON organizer record
    ``fm:organizer:{id}:fairs``   zset    fair ids (score = id)
    ``fm:fair:{id}``              string  JSON fair record
    ``fm:employer:{id}``          string  JSON employer record
    ``fm:employer:{id}:request:{key}``  string  ``"fingerprint|id,id,..."``: postings created
                                          under an Idempotency-Key (expires, base.REQUEST_KEY_SECONDS)
    ``fm:kiosk:{id}``             string  JSON kiosk record
    ``fm:employer:{id}:token``, ``fm:kiosk:{id}:token``  string  the principal's current token
                                          hash (what a new token replaces in ``fm:tokens``)
    ``fm:employer:{id}:agreements``  zset  the employer's part of the fair's ``agreements``
                                          (same members and scores), so a booth pages its own
    ``fm:employer:{id}:postings``  zset    the employer's posting ids (score = id), so a booth
                                          lists its own without reading the fair's
    ``fm:posting:{id}``           hash    posting record, field -> JSON value
    ``fm:posting:{id}:interest``  string  number of seekers interested now (counts
                                          toward ``postings_without_interest``)
    ``fm:posting:{id}:intents``   hash    seeker id -> intent state ``"SE|agreed_at"``
    ``fm:seeker:{id}``            hash    seeker record, field -> JSON value
    ``fm:seeker:{id}:intents``    hash    posting id -> intent state (mirror)

Per-fair keys (``fm:fair:{id}:...``)
    ``employers``                 zset    employer ids (score = id)
    ``kiosks``                    zset    kiosk ids
    ``postings``                  zset    posting ids
    ``phones``                    hash    phone -> seeker id (the uniqueness rule)
    ``employer_names``            hash    employer name key (common.employer_name_key) -> employer
                                          id (the uniqueness rule)
    ``counters``                  hash    ``"dim|key|metric"`` -> int (see store/common.py)
    ``occupation_names``          hash    occupation code -> name
    ``seeker_agreed``             hash    seeker id -> number of agreed pairs now
    ``resumes_counted``           set     seeker ids already counted in ``resumes``
    ``agreements``                zset    ``"posting_id:seeker_id"`` agreed now,
                                          score = ``agreement_seq`` at agreement
    ``agreement_seq``             string  counter ordering agreements
    ``seq``                       string  change-feed position (INCR)
    ``changes``                   zset    ``"seeker:{id}"`` / ``"posting:{id}"``, score =
                                          seq of the latest change (re-adding moves it)

An intent state is two flags (seeker, employer interested: ``1``/``0``),
``|`` and the agreed-at time (empty unless agreed), e.g. ``"11|2024-03-02T09:15:00+08:00"``.
"""
from __future__ import annotations

PREFIX = "fm:"
TOKENS = PREFIX + "tokens"
SEEKER_PREFIX = PREFIX + "seeker:"


def ids(kind: str) -> str:
    return f"{PREFIX}ids:{kind}"


def organizer(organizer_id: int) -> str:
    return f"{PREFIX}organizer:{organizer_id}"


def organizer_fairs(organizer_id: int) -> str:
    return f"{PREFIX}organizer:{organizer_id}:fairs"


def fair(fair_id: int) -> str:
    return f"{PREFIX}fair:{fair_id}"


def employer(employer_id: int) -> str:
    return f"{PREFIX}employer:{employer_id}"


def employer_agreements(employer_id: int) -> str:
    return f"{PREFIX}employer:{employer_id}:agreements"


def employer_postings(employer_id: int) -> str:
    return f"{PREFIX}employer:{employer_id}:postings"


def employer_request(employer_id: int, key: str) -> str:
    return f"{PREFIX}employer:{employer_id}:request:{key}"


def kiosk(kiosk_id: int) -> str:
    return f"{PREFIX}kiosk:{kiosk_id}"


def principal_token(role: str, principal_id: int) -> str:
    """The current token hash of an employer or kiosk (``role``)."""
    return f"{PREFIX}{role}:{principal_id}:token"


def posting(posting_id: int) -> str:
    return f"{PREFIX}posting:{posting_id}"


def posting_interest(posting_id: int) -> str:
    return f"{PREFIX}posting:{posting_id}:interest"


# A script walking a fair's postings names each one's intents hash as posting(id) + this.
POSTING_INTENTS_SUFFIX = ":intents"


def posting_intents(posting_id: int) -> str:
    return posting(posting_id) + POSTING_INTENTS_SUFFIX


def seeker(seeker_id: int) -> str:
    return f"{SEEKER_PREFIX}{seeker_id}"


def seeker_intents(seeker_id: int) -> str:
    return f"{SEEKER_PREFIX}{seeker_id}:intents"


FAIR_KEYS = frozenset({
    "employers", "kiosks", "postings", "phones", "employer_names", "counters", "occupation_names",
    "seeker_agreed", "resumes_counted", "agreements", "agreement_seq", "seq", "changes",
})


def fair_key(fair_id: int, name: str) -> str:
    """A per-fair key; ``name`` is one of :data:`FAIR_KEYS`."""
    if name not in FAIR_KEYS:
        raise ValueError(f"unknown per-fair key {name!r}")
    return f"{PREFIX}fair:{fair_id}:{name}"


def counter_field(dim: str, key, metric: str) -> str:
    """The ``counters`` hash field of one cell."""
    return f"{dim}|{key}|{metric}"


def parse_counter_field(field: str) -> tuple[str, str, str]:
    """``(dim, key, metric)`` back from a ``counters`` field."""
    dim, rest = field.split("|", 1)
    key, metric = rest.rsplit("|", 1)
    return dim, key, metric
