"""Business operations of fairmatch; views and pages call these, no HTTP here.

Functions take the store (and, for ranking, the worker's index registry)
explicitly and return plain dicts shaped for the output schemas. Rule
violations that depend on stored state raise :class:`InvalidChanges`.
"""
from __future__ import annotations

import functools
import hashlib
import hmac
import re
import secrets
from collections.abc import Callable
from typing import NamedTuple

import orjson
from marshmallow import ValidationError

from matching import default_normalizer, normalize_title
from matching.reasons import FrozenDict
from matching.requirements import read_blank_fields
from matching.text import fold, to_simplified
from schemas.base import english_occupation_name
from schemas.postings import check_salary_range
from service.store.base import Conflict, KeyReused, NamesTaken, PostingClosed, RequestKey
from service.store.common import employer_name_key

TOKEN_PREFIXES = {"organizer": "fmo_", "employer": "fme_", "kiosk": "fmk_"}
SEEKER_SIDE, EMPLOYER_SIDE = "seeker", "employer"
MSG_NAME_TAKEN = "本场招聘会已登记同名单位 / An employer of this name is already registered in this fair."

# A mobile number in free text, in ASCII or full-width characters (\d matches both),
# as Chinese input methods type it: "+86 138-1234-5678", "008613812345678", "１３８１２３４５６７８",
# and as people group the digits: "(138) 1234-5678", "138.1234.5678", "138 - 1234 - 5678" (the phone
# field itself accepts parentheses and spaced dashes, so resumes hold them too), or write them digit
# by digit, one separator between digits, to be read out clearly: "1 3 8 1 2 3 4 5 6 7 8", "1-3-8-...";
# also with the 0 dialled before another city's mobile from a landline: "013812345678".
# Its ``number`` group runs from the first digit of the number to the last, without the +86 or 0. The
# look-ahead of the characters a match can start with lets the engine skip to them (4x faster on a resume).
_PHONE_GAP = r"[\s\-－.．—–()（）]{0,3}"
_DIGIT_GAP = r"[\s\-－.．—–]"
_MOBILE_IN_TEXT = re.compile(
    rf"(?=[+＋0０8８(（1１])(?<!\d)(?:(?:[+＋]|[0０]{{2}})?[8８][6６]{_PHONE_GAP}|[0０])?[(（]?"
    rf"(?P<number>[1１][3-9３-９]\d{_PHONE_GAP}\d{{4}}{_PHONE_GAP}\d{{4}}"
    rf"|[1１]{_DIGIT_GAP}[3-9３-９](?:{_DIGIT_GAP}\d){{9}})(?!\d)")
# A landline number: an area code (010 and 02x of three digits, 0xxx of four), then a local number of
# 7 or 8 digits, which never starts with 0 or 1, grouped and labelled as for mobiles: "023-4012 3456",
# "(023)40123456", "（023）4012-3456", "0234012 3456", "+86 23 4012 3456", "+86 (0)23 4012 3456". The
# ``area`` group holds the area code without its 0; an extension ("转123", "ext. 123", "分机 8001") may
# follow, ``ext`` being what comes before its digits. Without the leading 0 (or +86) a run of digits is
# a year, a salary, a postcode or a certificate number as often as a phone, so it is not taken for one.
_AREA_CODE = r"(?:[1１][0０]|[2２]\d|[3-9３-９]\d{2})"
_LANDLINE_IN_TEXT = re.compile(
    rf"(?=[+＋0０8８(（])(?<!\d)(?:(?:[+＋]|[0０]{{2}})?[8８][6６]{_PHONE_GAP}(?:[0０]{_PHONE_GAP})?|[(（]?[0０])"
    rf"(?P<area>{_AREA_CODE}){_PHONE_GAP}(?P<local>[2-9２-９]\d{{2,3}}{_PHONE_GAP}\d{{4}})(?!\d)"
    rf"(?:(?P<ext>{_PHONE_GAP}(?:转|分机号?|[Ee][Xx][Tt]\.?|[Xx])[\s:：]*)\d{{1,6}}(?!\d))?")
# Other ways to reach a person that Chinese resumes hold, and that would bypass the agreement.
_EMAIL = re.compile(r"(?<![A-Za-z0-9._%+-])([A-Za-z0-9])[A-Za-z0-9._%+-]*([@＠][A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)")
# 身份证号: 17 digits, then a digit or X; run together, or as the card prints it, place, birth date and the
# rest apart: "500101 19900307 1234", "500101-19900307-1234", "500101 19900307-1234".
_RESIDENT_ID = re.compile(r"(?<!\d)(?P<id_head>\d{4})(?:\d{10}|\d{2}[ \u3000\-－]\d{8}[ \u3000\-－])"
                          r"(?P<id_tail>\d{3}[\dXxＸｘ])(?!\d)")
# A first-generation ID number (15 digits: a place whose first digit, the region, is 1-8, then the birth
# date as YYMMDD, then 3 digits). The date is checked: 15-digit runs are also serial numbers and old
# business licence numbers, and 0086 before a mobile makes 15 digits too (no region starts with 0). The
# first look-ahead is for speed, as for mobiles.
_OLD_RESIDENT_ID = re.compile(r"(?=[1-8１-８])(?<!\d)(?=\d{8}(?:[0０][1-9１-９]|[1１][0-2０-２])"
                              r"(?:[0０][1-9１-９]|[12１２]\d|[3３][01０１])\d{3}(?!\d))(\d{4})\d{7}(\d{4})")
# A bank card number: 16 to 19 digits, run together or in groups of four (the last of 1-3 digits for 17
# to 19) with one and the same space or dash between: "6222 0212 3456 7890 123", "6222-0212-3456-7890".
# It starts as the card networks' numbers do (62 UnionPay, 4 Visa, 5 and 22-27 Mastercard, 3 JCB, 9 the
# old domestic cards): so a list of years ("2019 2020 2021 2022") is none, nor a salary and its raise
# ("5000-6000 6000-7000", two separators). A short last group goes on no further ("...7890 023-4012 3456"
# is a card, then a landline's area code). The first look-ahead is for speed.
_CARD_GAP = r"[ \t\u00a0\u3000\-－]"
_BANK_CARD = re.compile(
    r"(?=[2-69２-６９])(?<!\d)(?=[3-69３-６９]|[2２][2-7２-７])(?:\d{16,19}|\d{4}(?P<gap>"
    rf"{_CARD_GAP})\d{{4}}(?:(?P=gap)\d{{4}}){{2}}(?:(?P=gap)\d{{1,3}}(?![\-－.．()（）]\d))?)(?!\d)")
# A WeChat or QQ id after its label; without a colon only digits count ("QQ 12345678", not "WeChat official").
# "*": a phone given as the id is masked already. The first look-ahead is for speed, as above.
_CHAT_ID = re.compile(r"(?=[微wqＱ])((?:微信|wechat|weixin|QQ|ＱＱ)(?:\s*(?:号|账号|id))?"
                      r"(?:\s*[:：]\s*|\s*(?=[0-9０-９*]{5})))[A-Za-z0-9_\-ａ-ｚＡ-Ｚ０-９＿－*]+", re.IGNORECASE)


class InvalidChanges(ValueError):
    """A change is invalid given what is stored; ``errors`` is keyed by field."""

    def __init__(self, errors: dict):
        super().__init__(errors)
        self.errors = errors


class RequestSpent(LookupError):
    """A request was carried out under its Idempotency-Key, and what it created is gone."""


# -- tokens -----------------------------------------------------------------

def hash_token(token: str, secret_key: str) -> str:
    """HMAC-SHA256 of a token under the secret key, hex: what the store keeps."""
    return hmac.new(secret_key.encode(), token.encode(), hashlib.sha256).hexdigest()


def issue_token(role: str, secret_key: str) -> tuple[str, str]:
    """A fresh ``(token, token_hash)`` for a role; the plain token is shown once."""
    token = TOKEN_PREFIXES[role] + secrets.token_urlsafe(32)
    return token, hash_token(token, secret_key)


def create_organizer(store, name: str, *, secret_key: str, now: str) -> tuple[dict, str]:
    """Create an organizer; returns (record, plain token)."""
    token, token_hash = issue_token("organizer", secret_key)
    return store.create_organizer(name, token_hash, now=now), token


def create_employers(store, fair_id: int, items: list[dict], *, secret_key: str, now: str) -> list[dict]:
    """Register employers in a fair all or nothing, in order; each record carries its token this once.

    Raises :class:`~service.store.base.NamesTaken` when names are registered in
    the fair already or repeated among ``items`` (compared by
    :func:`~service.store.common.employer_name_key`).
    """
    issued = [issue_token("employer", secret_key) for _ in items]
    records = store.create_employers(fair_id, items, [token_hash for _, token_hash in issued], now=now)
    return [{**record, "token": token} for record, (token, _) in zip(records, issued)]


def create_employer(store, fair_id: int, data: dict, *, secret_key: str, now: str) -> dict:
    """Register an employer in a fair; the record carries its token this once.

    A name registered in the fair already is refused: a registration retried after its
    answer was lost must not make a second employer (the organizer gives the first a new
    token instead).
    """
    try:
        return create_employers(store, fair_id, [data], secret_key=secret_key, now=now)[0]
    except NamesTaken:
        raise InvalidChanges({"name": [MSG_NAME_TAKEN]}) from None


def me(store, principal) -> dict:
    """Who a token belongs to; for an employer, with its booth (the booth page shows where it is)."""
    answer = principal._asdict()
    if principal.role == "employer":
        answer["booth"] = (store.get_employer(principal.id) or {}).get("booth")
    return answer


def set_employer_booth(store, fair_id: int, employer_id: int, booth: str | None) -> dict | None:
    """Give an employer of the fair its booth; the changed record, None when the fair has no such employer."""
    employer = store.get_employer(employer_id)
    if employer is None or employer["fair_id"] != fair_id:
        return None
    changed = store.set_employer_booths({employer_id: booth})
    return changed[0] if changed else None


def registered_employer_names(store, fair_id: int) -> set[str]:
    """The fair's employer names as compared for duplicates (``employer_name_key``)."""
    return {employer_name_key(employer["name"]) for employer in store.list_employers(fair_id)}


def create_kiosk(store, fair_id: int, data: dict, *, secret_key: str, now: str) -> dict:
    """Add a kiosk to a fair; the record carries its token this once."""
    token, token_hash = issue_token("kiosk", secret_key)
    return {**store.create_kiosk(fair_id, data, token_hash, now=now), "token": token}


def new_token(store, fair_id: int, kind: str, principal_id: int, *, secret_key: str) -> dict | None:
    """A new token for an employer or kiosk (``kind``) of the fair, whose card was lost: the
    old token stops working. The record carries the new token this once; None when the fair
    has no such employer or kiosk."""
    token, token_hash = issue_token(kind, secret_key)
    record = store.replace_token(kind, principal_id, token_hash, fair_id=fair_id)
    return None if record is None else {**record, "token": token}


# -- privacy ----------------------------------------------------------------

def mask_name(name: str) -> str:
    """``张伟`` -> ``张**``: the family name (first character) only."""
    return (name.strip()[:1] or "?") + "**"


def mask_phone(phone: str) -> str:
    """``13812345678`` -> ``138****5678``."""
    return phone[:3] + "****" + phone[-4:]


def _masked_mobile(found: re.Match) -> str:
    """A mobile number found by ``_MOBILE_IN_TEXT`` as :func:`mask_phone` shows it, digits as written."""
    digits = "".join(char for char in found["number"] if char.isdigit())
    return mask_phone(digits)


def _masked_landline(found: re.Match) -> str:
    """A landline found by ``_LANDLINE_IN_TEXT`` as a mobile is shown: its area code (with the 0 a
    domestic caller dials, also after +86), ``****`` and the last four digits, an extension's digits
    masked too: ``023****3456转***``. The area code names a city, as a mobile's first three digits a
    carrier; the four hidden digits leave 10,000 numbers, as for a mobile."""
    area = found["area"]
    digits = "".join(char for char in found["local"] if char.isdigit())
    extension = "" if found["ext"] is None else found["ext"] + "***"
    return ("0" if area.isascii() else "０") + area + "****" + digits[-4:] + extension


def _masked_card(found: re.Match) -> str:
    """A bank card number found by ``_BANK_CARD`` as banks print it, whatever its length and grouping:
    ``**** **** **** 7890`` (its last four digits as written)."""
    digits = [char for char in found[0] if char.isdigit()]
    return "**** **** **** " + "".join(digits[-4:])


# The numbers that reach or identify a person, and how each is masked. They are looked for in one pass,
# which takes whichever starts first in the text whole, so that no rule takes a part of another's number:
# "6222 0312 3456 7890" holds the landline 0312-3456 7890, and "023-4012 3456 6222 0212 3456 7890" the
# card 4012 3456 6222 0212. Where several start at one place the first that fits wins, in this order (a
# card of 18 digits run together is masked as an ID number: 6222**********9012). The look-ahead of the
# characters a number can start with is for speed: on a resume the pass takes 15-30 % longer than the ID
# and mobile rules' two passes did, one pass per rule about twice as long.
_NUMBER_MASKS = {
    "resident_id": (_RESIDENT_ID, r"\g<id_head>**********\g<id_tail>"),
    "old_resident_id": (_OLD_RESIDENT_ID, r"\1*******\2"),
    "bank_card": (_BANK_CARD, _masked_card),
    "landline": (_LANDLINE_IN_TEXT, _masked_landline),
    "mobile": (_MOBILE_IN_TEXT, _masked_mobile),
}
_NUMBER_IN_TEXT = re.compile(r"(?=[\d+＋(（])(?:" + "|".join(
    f"(?P<{kind}>{pattern.pattern})" for kind, (pattern, _) in _NUMBER_MASKS.items()) + ")")


def _masked_number(found: re.Match) -> str:
    """A number found by ``_NUMBER_IN_TEXT``, masked by its own rule (which finds it whole, alone)."""
    pattern, masked = _NUMBER_MASKS[found.lastgroup]
    return pattern.sub(masked, found[0])


# How each way to reach the person is masked in free text, in this order: an e-mail address may hold
# a phone, and a WeChat id may be one.
_CONTACT_MASKS = (
    (_EMAIL, r"\1***\2"),
    (_NUMBER_IN_TEXT, _masked_number),
    (_CHAT_ID, r"\1***"),
)


def _text_masker(name: str) -> Callable[[str], str]:
    """How to mask a seeker's free text: every way to reach the person, and their ``name``.

    Each keeps something recognisable, nothing usable:

    - mobile numbers, however written: ``138****5678`` (digits as written, without +86 or a dialling 0);
    - landline numbers, however written: ``023****3456`` (the area code, then as mobiles), an
      extension's digits too (``转***``);
    - e-mail addresses: ``z***@qq.com`` (the first character and the domain);
    - resident ID numbers (身份证号, 18 characters): ``5001**********1234``, and of the first
      generation (15 digits): ``5001*******1234``;
    - bank card numbers (16 to 19 digits): ``**** **** **** 7890``;
    - WeChat and QQ ids after their label (``微信：``, ``微信号:``, ``WeChat:``, ``QQ：``,
      ``QQ 12345678``): ``微信：***``, the label kept;
    - the name, when of two characters or more: ``张**`` (:func:`mask_name`).
    """
    name = name.strip()  # as written in the resume, without the spaces a form kept
    # Also with spaces between its characters: Chinese resumes pad a two-character name to the width
    # of three ("姓　　名：张　伟"); and in any case: English CVs head with "LI NA"; and in traditional or
    # simplified characters, whichever the kiosk had (張偉 and 张伟): the name is looked for in the
    # simplified text, whose positions are the text's (one character for one).
    # A name in Latin letters is a word of its own: "Li Na" is not the "lina" of "Carolina".
    letters = [re.escape(char) for char in to_simplified(name) if not char.isspace()]
    pattern = r"\s*".join(letters)
    if name.isascii():
        pattern = rf"(?<![A-Za-z]){pattern}(?![A-Za-z])"
    name_in_text = re.compile(pattern, re.IGNORECASE) if len(name) >= 2 else None
    masked_name = mask_name(name)

    def mask(text: str) -> str:
        for contact, masked in _CONTACT_MASKS:
            text = contact.sub(masked, text)
        if name_in_text is None:
            return text
        kept, end = [], 0
        for found in name_in_text.finditer(to_simplified(text)):
            kept += [text[end:found.start()], masked_name]
            end = found.end()
        return "".join(kept) + text[end:]

    return mask


# Seeker fields of free text besides the resume (lists of strings): an employer sees them, so before
# an agreement the same masking applies to each of their values.
_TEXT_LISTS = ("desired_titles", "skills", "locations")


def seeker_as_seen_by_employer(seeker: dict, *, agreed: bool, masked: dict | None = None) -> dict:
    """A seeker for an employer's eyes: name and phone only once the pair has agreed.

    Until then the free text (resume, desired titles, skills, places) has
    phones, e-mail addresses, ID and bank card numbers, WeChat and QQ ids and
    the person's name masked (:func:`_text_masker`). ``masked`` is this function's result
    for ``agreed=False`` when the caller already has it (it is the same for
    every posting).
    """
    if masked is None:
        mask = _text_masker(seeker["name"])
        masked = {key: value for key, value in seeker.items() if key not in ("name", "phone", "consent")}
        masked["masked_name"] = mask_name(seeker["name"])
        masked["masked_phone"] = mask_phone(seeker["phone"])
        masked["resume_text"] = mask(seeker.get("resume_text") or "")
        masked.update((key, [mask(value) for value in seeker[key]]) for key in _TEXT_LISTS if seeker.get(key))
        if "occupations" in seeker:  # shortlists send this view as it is, without a schema's dump
            masked["occupations"] = [shown_occupation(occupation) for occupation in seeker["occupations"]]
    if not agreed:
        return masked
    revealed = ("name", "phone", "resume_text", *_TEXT_LISTS)
    return {**masked, **{key: seeker[key] for key in revealed if key in seeker}}


# Factors whose reasons repeat the seeker's text lists (``actual`` holds their values as given).
_FACTORS_SHOWING_LISTS = frozenset({"title", "skills", "location"})
# The masking of reasons built from an older version of a seeker: rare but for the titles a resume
# names (never in the lists), so kept per name; not per seeker, whose masker is ~0.7 KB.
_masker_of_name = functools.lru_cache(maxsize=1024)(_text_masker)


class MaskedSeeker(NamedTuple):
    """A seeker as every employer sees them before an agreement; each worker keeps one per seeker."""

    view: FrozenDict  # seeker_as_seen_by_employer(seeker, agreed=False), read-only
    # Each value of the seeker's text lists that masking changed, longest first, and its masked form.
    masked_values: dict
    # Every value of the seeker's text lists: a reason showing another one was built from an older
    # version of the seeker (ranked while a kiosk changed it), whose values this one never saw.
    # A tuple: a handful of values, a seventh of a frozenset's memory.
    given_values: tuple
    name: str

    def reasons(self, reasons: list) -> list:
        """A pair's reasons with the seeker's values masked as in ``view`` (the same list when none was changed).

        Reasons repeat a seeker's titles, skills and places as given (in
        ``actual`` and in the words); matching/ knows nothing of masking.
        """
        if not self.masked_values and self._all_current(reasons):
            return reasons
        return [self._masked_reason(reason) for reason in reasons]

    def _all_current(self, reasons: list) -> bool:
        given = self.given_values
        for reason in reasons:  # one loop, not a call per reason: every page asks it of every seeker
            if reason["factor"] in _FACTORS_SHOWING_LISTS:
                for value in reason["actual"]:
                    if value not in given:
                        return False
        return True

    def _current(self, reason: dict) -> bool:
        return self._all_current((reason,))

    def _masked_reason(self, reason: dict) -> dict:
        # Values this version of the seeker does not hold were never checked: the whole masking applies.
        mask = None if self._current(reason) else _masker_of_name(self.name)
        shown = dict(reason)
        if isinstance(reason.get("actual"), list):
            shown["actual"] = [self._masked_value(value, mask) if isinstance(value, str) else value
                               for value in reason["actual"]]
        shown["text"] = {language: self._masked_words(words, mask) for language, words in reason["text"].items()}
        return shown

    def _masked_value(self, value: str, mask: Callable[[str], str] | None) -> str:
        masked = self.masked_values.get(value)
        if masked is not None:
            return masked
        return value if mask is None or value in self.given_values else mask(value)

    def _masked_words(self, words: str, mask: Callable[[str], str] | None) -> str:
        for value, masked in self.masked_values.items():  # longest first: a value inside another waits
            words = words.replace(value, masked)
        return words if mask is None else mask(words)


def _shared_masking(seeker: dict) -> MaskedSeeker:
    """The seeker's :class:`MaskedSeeker`: each worker keeps one per seeker for every shortlist that shows it."""
    view = seeker_as_seen_by_employer(seeker, agreed=False)
    given = tuple([value for key in _TEXT_LISTS for value in seeker.get(key) or ()])
    changed = {value: masked for key in _TEXT_LISTS if seeker.get(key)
               for value, masked in zip(seeker[key], view[key]) if masked != value}
    return MaskedSeeker(FrozenDict(view), dict(sorted(changed.items(), key=lambda item: -len(item[0]))),
                        given, seeker["name"])


# -- occupations --------------------------------------------------------------

@functools.lru_cache(maxsize=8192)
def _occupation_of(title: str) -> tuple[str, str] | None:
    # Kiosks send the same few hundred titles all day; the normaliser takes ~0.3 ms each.
    found = normalize_title(title)
    return None if found is None else (found.code, found.name)


def occupation_of(title: str) -> dict | None:
    """The normalised occupation ``{code, name}`` of a job title, or None."""
    found = _occupation_of(title)
    return None if found is None else {"code": found[0], "name": found[1]}


def shown_occupation(occupation: dict | None) -> dict | None:
    """An occupation as the API shows it: ``{code, name, name_en}`` (``OccupationSchema``'s dump).

    For the ranked pages, which are sent without a schema's dump; ``name_en``
    is never stored, so records stored before it existed read the same.
    """
    if occupation is None:
        return None
    return {**occupation, "name_en": english_occupation_name(occupation.get("code"))}


def occupations_of(titles: list[str]) -> list[dict]:
    """Normalised occupations of desired titles, in order, without repeats."""
    seen, result = set(), []
    for title in titles:
        occupation = occupation_of(title)
        if occupation is not None and occupation["code"] not in seen:
            seen.add(occupation["code"])
            result.append(occupation)
    return result


# -- postings -------------------------------------------------------------------

def with_employer_names(store, postings: list[dict]) -> list[dict]:
    """Postings with ``employer_name`` and ``employer_booth`` added (one store read per distinct employer)."""
    employers: dict[int, dict] = {}
    shown = []
    for posting in postings:
        employer_id = posting["employer_id"]
        if employer_id not in employers:
            employers[employer_id] = store.get_employer(employer_id) or {}
        employer = employers[employer_id]
        shown.append({**posting, "employer_name": employer.get("name"), "employer_booth": employer.get("booth")})
    return shown


def _with_read_facts(posting: dict) -> dict:
    """The posting with ``read_from_description``: its form's blank fields as the matcher reads them from the
    description (the booth sees what its shortlist is ranked by, a kiosk the pay and place)."""
    read = read_blank_fields(posting)
    return {**posting, "read_from_description": read} if read else posting


def shown_postings(store, postings: list[dict], *, counted: Callable[[dict], bool]) -> list[dict]:
    """Postings with employer names, what their descriptions say of fields left blank
    (``read_from_description``, where anything), and ``intent_counts`` on those ``counted(posting)``
    picks (one store read for them all, of their own intents only)."""
    counts = store.intent_counts([posting["id"] for posting in postings if counted(posting)])
    return [_with_read_facts({**posting, "intent_counts": counts[posting["id"]]} if posting["id"] in counts
                             else posting) for posting in with_employer_names(store, postings)]


def create_postings(store, fair_id: int, employer_id: int, items: list[dict], *, now: str,
                    request_key: str | None = None) -> list[dict]:
    """Create validated postings all-or-nothing, each with its normalised occupation.

    With a ``request_key`` (the client's Idempotency-Key), a retry of a request
    already carried out returns its postings instead of creating them again.
    Raises :class:`InvalidChanges` when the key came with different postings,
    :class:`RequestSpent` when its postings were deleted since.
    """
    key = None
    if request_key is not None:
        content = orjson.dumps(items, option=orjson.OPT_SORT_KEYS, default=str)
        key = RequestKey(request_key, hashlib.sha256(content).hexdigest())
    prepared = [{**item, "occupation": occupation_of(item["title"])} for item in items]
    try:
        records = store.create_postings(fair_id, employer_id, prepared, now=now, request_key=key)
    except KeyReused:
        raise InvalidChanges({"Idempotency-Key": ["Already used for other postings; send a new key."]}) from None
    if None in records:
        raise RequestSpent(f"The postings created under this Idempotency-Key ({request_key}) were deleted since.")
    return records


def update_posting(store, posting: dict, changes: dict, *, now: str) -> dict:
    """Apply validated partial changes; the salary range is checked against stored values."""
    merged = {**posting, **changes}
    try:
        check_salary_range(merged.get("salary_min"), merged.get("salary_max"))
    except ValidationError as error:
        raise InvalidChanges(error.normalized_messages()) from None
    if "title" in changes:
        changes = {**changes, "occupation": occupation_of(changes["title"])}
    if not changes:
        return posting
    return store.update_posting(posting["id"], changes, now=now)


def list_postings(store, fair_id: int, *, counted: Callable[[dict], bool], limit: int, offset: int,
                  **filters) -> dict:
    """A page of a fair's postings as :func:`shown_postings` shows them: ``{items, total, limit, offset}``."""
    page, total = store.list_postings(fair_id, limit=limit, offset=offset, **filters)
    return {"items": shown_postings(store, page, counted=counted), "total": total, "limit": limit, "offset": offset}


# -- seekers ----------------------------------------------------------------------

def upsert_seeker(store, fair_id: int, data: dict, *, now: str) -> tuple[dict, bool]:
    """Create or update the seeker with this phone in the fair; returns (record, created)."""
    # Without desired titles, the jobs the resume names stand for them (as in the matcher), so the
    # organizer's counts by occupation include those seekers.
    titles = data.get("desired_titles") or default_normalizer().titles_in_text(data.get("resume_text") or "")
    prepared = {**data, "occupations": occupations_of(titles)}
    return store.upsert_seeker(fair_id, prepared, now=now)


# -- matching -------------------------------------------------------------------------

def _match_score(score: float) -> float:
    return round(min(1.0, max(0.0, float(score))), 4)


def shortlist(store, indexes, fair_id: int, posting_id: int, *, limit: int = 50, offset: int = 0,
              interested: bool = False, seeker_id: int | None = None) -> dict | None:
    """Seekers ranked for a posting, best first, with intent and (agreed-only)
    contact; None when the posting is gone. ``interested``: only the seekers
    who marked interest in it (a booth must reach them wherever they rank);
    ``seeker_id``: only that seeker (a booth's row again, after an agreement)."""
    # With ``interested`` every intent of the posting is read once, before ranking: it picks whom to
    # rank and serves the page's intents.
    posting_intents = store.get_intents(posting_id=posting_id) if interested else None
    only = None if posting_intents is None else [
        seeker for seeker, intent in posting_intents.items() if intent["seeker_interested"]]
    if seeker_id is not None:
        only = [seeker_id] if only is None or seeker_id in only else []
    with indexes.fresh(store, fair_id) as fair_index:
        # The fresh index holds every open posting as stored (ranked by its indexed
        # profile); a closed one is read.
        try:
            ranked = fair_index.matcher.shortlist(posting_id, limit=limit, offset=offset, only=only)
        except KeyError:
            posting = store.get_posting(posting_id)
            if posting is None:
                return None
            ranked = fair_index.matcher.shortlist(posting, limit=limit, offset=offset, only=only)
        # A seeker erased while this page was ranked is left out (None).
        masked = {match.id: fair_index.derived_seeker(match.id, "masked", _shared_masking) for match in ranked}
    matches = [match for match in ranked if masked[match.id] is not None]
    intents = posting_intents
    if intents is None:
        intents = store.get_intents(posting_id=posting_id, others=[match.id for match in matches])
    results = []
    for rank, match in enumerate(matches, start=offset + 1):
        intent = intents.get(match.id) or blank_intent(posting_id, match.id)
        shown, reasons = masked[match.id].view, masked[match.id].reasons(match.reasons)
        record = fair_index.seeker(match.id) if intent["agreed"] else None
        if record is not None:  # None also when erased since ranking: then the masked view stays
            shown, reasons = seeker_as_seen_by_employer(record, agreed=True, masked=shown), match.reasons
        results.append({
            "seeker_id": match.id,
            "rank": rank,
            "score": _match_score(match.score),
            "reasons": reasons,
            "seeker": shown,
            "intent": intent,
        })
    return {"posting_id": posting_id, "limit": limit, "offset": offset, "results": results}


def recommendations(store, indexes, fair_id: int, seeker_id: int, *, limit: int = 10,
                    offset: int = 0, q: str | None = None) -> dict | None:
    """Open postings ranked for a seeker, best first, with the pair's intent;
    None when the seeker is gone. ``q``: only the postings that mention every
    word of it (in title, description, skills, place, occupation or employer
    name; case, width and traditional characters aside), still ranked for the seeker."""
    words = fold(q).split() if q else []
    with indexes.fresh(store, fair_id) as fair_index:
        only = fair_index.postings_mentioning(words, store) if words else None
        # The fresh index holds every seeker of the fair as stored: the seeker is ranked by its indexed profile.
        try:
            ranked = fair_index.matcher.recommend(seeker_id, limit=limit, offset=offset, only=only)
        except KeyError:
            return None
        # A posting closed or deleted while this page was ranked is left out.
        found = [(match, fair_index.postings.get(match.id)) for match in ranked]
    matches = [match for match, posting in found if posting is not None]
    postings = [posting for _, posting in found if posting is not None]
    intents = store.get_intents(seeker_id=seeker_id, others=[posting["id"] for posting in postings])
    shown = with_employer_names(store, postings)
    results = []
    for rank, (match, posting) in enumerate(zip(matches, shown), start=offset + 1):
        results.append({
            "posting_id": match.id,
            "rank": rank,
            "score": _match_score(match.score),
            "reasons": match.reasons,
            "posting": _with_read_facts({**posting, "occupation": shown_occupation(posting.get("occupation"))}),
            "intent": intents.get(match.id) or blank_intent(match.id, seeker_id),
        })
    page = {"seeker_id": seeker_id, "limit": limit, "offset": offset, "results": results}
    if words:
        page["q"] = q
    return page


# -- intents --------------------------------------------------------------------------

def blank_intent(posting_id: int, seeker_id: int) -> dict:
    """The intent of a pair nobody has marked."""
    return {"posting_id": posting_id, "seeker_id": seeker_id, "seeker_interested": False,
            "employer_interested": False, "agreed": False, "agreed_at": None}


def mark_intent(store, posting_id: int, seeker_id: int, side: str, interested: bool, *, now: str) -> dict | None:
    """Mark or withdraw one side's interest (idempotent); returns the pair's
    intent, or None when the posting or seeker is gone or they are of different fairs.

    Raises :class:`~service.store.base.PostingClosed` for a new mark on a closed posting:
    the employer has stopped hiring for it. A mark already set is repeated, and a
    withdrawal goes through, as on an open posting.
    """
    try:
        return store.set_intent(posting_id, seeker_id, side, interested, now=now)
    except PostingClosed:
        raise
    except Conflict:  # of different fairs
        return None


def seeker_intents(store, seeker: dict) -> dict:
    """The postings a seeker has marked, with the pair's intent and the posting, newest posting first.

    A withdrawn mark is left out, and so is an employer's mark the seeker has not
    answered: that is the employer's side, not one of the seeker's marks.
    """
    intents = {posting_id: intent for posting_id, intent in store.get_intents(seeker_id=seeker["id"]).items()
               if intent["seeker_interested"]}
    postings = [store.get_posting(posting_id) for posting_id in sorted(intents, reverse=True)]
    shown = with_employer_names(store, [posting for posting in postings if posting is not None])
    results = [{**intents[posting["id"]], "posting": posting} for posting in shown]
    return {"seeker_id": seeker["id"], "results": results}


def agreements(store, fair_id: int, *, employer_id: int | None = None, limit: int, offset: int) -> dict:
    """A page of agreed pairs with both sides' contact details."""
    page, total = store.list_agreements(fair_id, employer_id=employer_id, limit=limit, offset=offset)
    employers: dict[int, dict | None] = {}
    items = []
    for agreement in page:
        posting = agreement["posting"]
        if posting["employer_id"] not in employers:
            employers[posting["employer_id"]] = store.get_employer(posting["employer_id"])
        employer = employers[posting["employer_id"]] or {}
        items.append({
            **agreement,
            "posting": {**posting, "employer_name": employer.get("name"), "employer_booth": employer.get("booth")},
            "employer_contact_name": employer.get("contact_name"),
            "employer_contact_phone": employer.get("contact_phone"),
        })
    return {"items": items, "total": total, "limit": limit, "offset": offset}


# -- statistics -----------------------------------------------------------------------

STATS_TOTALS = (
    ("employers", "参展单位 Employers"),
    ("kiosks", "登记台 Kiosks"),
    ("postings", "在招岗位 Postings"),
    ("positions", "招聘人数 Positions"),
    ("seekers", "求职者 Seekers"),
    ("resumes", "简历 Resumes"),
    ("seeker_intents", "求职者意向 Seeker intents"),
    ("employer_intents", "单位意向 Employer intents"),
    ("agreements", "达成意向 Agreements"),
    ("seekers_with_agreement", "达成意向的求职者 Seekers with an agreement"),
    ("postings_without_interest", "无人问津的岗位 Postings without interest"),
    ("awaiting_employer", "待回复 Awaiting reply"),
)
