"""Bearer tokens to principals, and the role / ownership / fair checks every view makes.

Rules (API.md "Roles and tokens"): a missing or unknown token is 401; a known
token with the wrong role, or acting on someone else's object in its own fair,
is 403; an object of another fair is 404, so its existence is not revealed.
"""
from __future__ import annotations

import functools

from flask import current_app, g, request
from flask_smorest import abort

from service.context import get_store
from service.domain import hash_token
from service.store.base import Principal

ORGANIZER, EMPLOYER, KIOSK = "organizer", "employer", "kiosk"


def _bearer_token() -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def current_principal() -> Principal:
    """The caller, from the bearer token; aborts 401 when missing or unknown."""
    if "principal" not in g:
        token = _bearer_token()
        if token is None:
            abort(401, message="Send 'Authorization: Bearer <token>'.")
        found = get_store().find_principal(hash_token(token, current_app.config["SECRET_KEY"]))
        if found is None:
            abort(401, message="Unknown token.")
        g.principal = found
    return g.principal


def require_role(*roles: str) -> Principal:
    """The caller, who must have one of ``roles``; aborts 403 otherwise."""
    principal = current_principal()
    if principal.role not in roles:
        abort(403, message=f"Needs a {' or '.join(roles)} token.")
    return principal


def in_fair(principal: Principal, fair: dict) -> bool:
    """Whether the principal belongs to (or, as organizer, runs) the fair."""
    if principal.role == ORGANIZER:
        return fair.get("organizer_id") == principal.id
    return fair["id"] == principal.fair_id


def fair_for(fair_id: int, *roles: str) -> tuple[Principal, dict]:
    """The caller and a fair they belong to; 404 for another fair, 403 for a wrong role."""
    principal = current_principal()
    fair = get_store().get_fair(fair_id)
    if fair is None or not in_fair(principal, fair):
        abort(404, message=f"Fair {fair_id} not found.")
    if principal.role not in roles:
        abort(403, message=f"Needs a {' or '.join(roles)} token of this fair.")
    return principal, fair


def _fair_of_object(principal: Principal, fair_id: int) -> bool:
    if principal.role == ORGANIZER:
        fair = get_store().get_fair(fair_id)
        return fair is not None and fair.get("organizer_id") == principal.id
    return principal.fair_id == fair_id


def _check_posting(principal: Principal, posting_id: int, owner: tuple[int, int] | None,
                   roles: tuple[str, ...], owner_only: bool) -> None:
    fair_id, employer_id = owner if owner is not None else (None, None)
    if owner is None or not _fair_of_object(principal, fair_id):
        abort(404, message=f"Posting {posting_id} not found.")
    if principal.role not in roles:
        abort(403, message=f"Needs a {' or '.join(roles)} token of this fair.")
    if owner_only and principal.role == EMPLOYER and employer_id != principal.id:
        abort(403, message="This posting belongs to another employer.")


def posting_for(posting_id: int, *roles: str, owner_only: bool = True) -> tuple[Principal, dict]:
    """The caller and a posting of their fair.

    404 when the posting is missing or in another fair; 403 for a wrong role,
    or (with ``owner_only``) for an employer who does not own it.
    """
    principal = current_principal()
    posting = get_store().get_posting(posting_id)
    _check_posting(principal, posting_id, posting and (posting["fair_id"], posting["employer_id"]),
                   roles, owner_only)
    return principal, posting


def sees_intent_counts(principal: Principal, posting: dict) -> bool:
    """Whether the caller sees a posting's intent counts: its own employer and the organizer
    (of its fair, as the view's access check found); not kiosks, nor the fair's other employers."""
    return principal.role == ORGANIZER or (principal.role == EMPLOYER and posting["employer_id"] == principal.id)


def posting_access(posting_id: int, *roles: str) -> tuple[Principal, int]:
    """The caller and the posting's fair, checked as :func:`posting_for` does
    (owner employers only) from the posting's owner alone, which workers cache:
    for views that get the record elsewhere or never need it."""
    principal = current_principal()
    owner = get_store().posting_owner(posting_id)
    _check_posting(principal, posting_id, owner, roles, True)
    return principal, owner[0]


def _check_seeker(principal: Principal, seeker_id: int, fair_id: int | None, roles: tuple[str, ...]) -> None:
    if fair_id is None or not _fair_of_object(principal, fair_id):
        abort(404, message=f"Seeker {seeker_id} not found.")
    if principal.role not in roles:
        abort(403, message=f"Needs a {' or '.join(roles)} token of this fair.")


def seeker_for(seeker_id: int, *roles: str) -> tuple[Principal, dict]:
    """The caller and a seeker of their fair; 404 for another fair, 403 for a wrong role."""
    principal = current_principal()
    seeker = get_store().get_seeker(seeker_id)
    _check_seeker(principal, seeker_id, seeker and seeker["fair_id"], roles)
    return principal, seeker


def seeker_access(seeker_id: int, *roles: str) -> tuple[Principal, int]:
    """The caller and the seeker's fair, checked as :func:`seeker_for` does
    from the seeker's fair alone, which workers cache."""
    principal = current_principal()
    fair_id = get_store().seeker_fair(seeker_id)
    _check_seeker(principal, seeker_id, fair_id, roles)
    return principal, fair_id


def authorized(check):
    """Run ``check(**path_args)`` before the request body or query is validated.

    Placed above ``@blp.arguments``, it makes 401/403/404 win over 422, so a
    caller without access learns nothing from validation messages. The check's
    result reaches the view as the ``access`` keyword argument.
    """

    def decorator(view):
        @functools.wraps(view)
        def wrapper(*args, **kwargs):
            kwargs["access"] = check(**kwargs)
            return view(*args, **kwargs)

        return wrapper

    return decorator
