"""Settings from ``FAIRMATCH_*`` environment variables, parsed into typed values."""
from __future__ import annotations

import os
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

ENV_PREFIX = "FAIRMATCH_"
DEFAULT_MAX_BODY_BYTES = 1024 * 1024
DEFAULT_TIMEZONE = "Asia/Shanghai"


class ConfigError(RuntimeError):
    """A setting is missing or cannot be parsed."""


def default_store_url(cwd: str | None = None) -> str:
    """The embedded store: a SQLite file in the working directory's ``instance/``."""
    folder = os.path.join(cwd or os.getcwd(), "instance")
    return f"sqlite:///{os.path.join(folder, 'fairmatch.db')}"


def _parse_int(name: str, raw: str, *, minimum: int) -> int:
    try:
        value = int(raw.strip())
    except ValueError:
        raise ConfigError(f"{ENV_PREFIX}{name} must be an integer, got {raw!r}") from None
    if value < minimum:
        raise ConfigError(f"{ENV_PREFIX}{name} must be at least {minimum}, got {value}")
    return value


def _parse_timezone(name: str, raw: str) -> str:
    try:
        ZoneInfo(raw)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"{ENV_PREFIX}{name} is not a known time zone: {raw!r}") from None
    return raw


def from_environ(environ=None) -> dict:
    """Settings found in ``environ`` (default: the process environment), typed.

    Only variables that are set appear in the result, so defaults stay in one
    place (:func:`defaults`) and a test config can still win over both.
    """
    environ = os.environ if environ is None else environ
    settings: dict = {}
    if environ.get(ENV_PREFIX + "STORE_URL"):
        settings["STORE_URL"] = environ[ENV_PREFIX + "STORE_URL"].strip()
    if environ.get(ENV_PREFIX + "SECRET_KEY"):
        settings["SECRET_KEY"] = environ[ENV_PREFIX + "SECRET_KEY"]
    if environ.get(ENV_PREFIX + "MAX_BODY_BYTES"):
        settings["MAX_BODY_BYTES"] = _parse_int(
            "MAX_BODY_BYTES", environ[ENV_PREFIX + "MAX_BODY_BYTES"], minimum=1024
        )
    if environ.get(ENV_PREFIX + "TIMEZONE"):
        settings["TIMEZONE"] = _parse_timezone("TIMEZONE", environ[ENV_PREFIX + "TIMEZONE"])
    return settings


def defaults() -> dict:
    """Settings used when neither the environment nor the caller gives one."""
    return {
        "STORE_URL": default_store_url(),
        "SECRET_KEY": None,
        "MAX_BODY_BYTES": DEFAULT_MAX_BODY_BYTES,
        "TIMEZONE": DEFAULT_TIMEZONE,
        "TESTING": False,
    }
