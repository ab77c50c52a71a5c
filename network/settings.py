"""Every setting the explorer takes from its environment, read in one place.

A server is configured by four environment variables; nothing else in ``network/`` or
``ui/`` reads ``os.environ`` for them, so this module is the one list of what can be set:

==========================  ===========================================================
``NETWORK_DATA_DIR``        the data folder (default: the bundled ``data/``)
``NETWORK_DOCUMENTS_DIR``   where the source documents are (default: none), to check quotes
                            and keep accepted documents
``NETWORK_CACHE_DIR``       where layouts and metrics survive a restart (default: the
                            user's cache folder, ``$XDG_CACHE_HOME`` or ``~/.cache``);
                            ``off`` keeps nothing on disk
``NETWORK_READ_ONLY``       ``1``/``true``/``yes``/``on``: nothing is written, everyone is a
                            viewer; ``0``/``false``/``no``/``off`` or unset: editors may write
==========================  ===========================================================

``Settings.from_env()`` reads them afresh on each call (a handful of dictionary look-ups),
so a test or a supervisor that changes the environment is seen at once. A value that
cannot mean anything raises :class:`SettingsError` naming the variable, the value and
what it accepts: a misspelt ``NETWORK_READ_ONLY=ture`` must not leave a public server
writable. Whether the folders exist is not decided here (that needs the disk, and the
loader names a missing folder); ``Settings.check`` says it for a start-up message.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Settings", "SettingsError", "ENVIRONMENT", "APP_NAME", "bundled_data_dir"]

APP_NAME = "stakeholder-network-explorer"

# field of Settings -> the environment variable it comes from
ENVIRONMENT = {
    "data_dir": "NETWORK_DATA_DIR",
    "documents_dir": "NETWORK_DOCUMENTS_DIR",
    "cache_dir": "NETWORK_CACHE_DIR",
    "read_only": "NETWORK_READ_ONLY",
}

_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off", "")


class SettingsError(ValueError):
    """An environment variable holds a value the explorer cannot use; the message names it."""


def bundled_data_dir() -> Path:
    """The curated ``data/`` folder that ships with the project."""
    return Path(__file__).resolve().parents[1] / "data"


@dataclass(frozen=True)
class Settings:
    """Where the data, documents and cache are, and whether anyone may write.

    Built in code (tests, a script) it has no documents and no disk cache unless given;
    ``from_env`` gives a server's settings.

    Examples
    --------
    >>> s = Settings.from_env({"NETWORK_DATA_DIR": "/srv/map", "NETWORK_READ_ONLY": "yes", "NETWORK_CACHE_DIR": "off"})
    >>> str(s.data_dir), s.read_only, s.cache_dir, s.documents_dir
    ('/srv/map', True, None, None)
    >>> Settings.from_env({"NETWORK_READ_ONLY": "ture"})
    Traceback (most recent call last):
      ...
    network.settings.SettingsError: NETWORK_READ_ONLY='ture' is not understood: use 1, true, yes or on for a read-only server, 0, false, no, off or leave it unset to let editors write
    """

    data_dir: Path = dataclasses.field(default_factory=bundled_data_dir)
    documents_dir: Path | None = None
    cache_dir: Path | None = None  # None: nothing is kept on disk
    read_only: bool = False

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """The settings ``environ`` (default ``os.environ``) gives; SettingsError for a value it cannot use."""
        env = os.environ if environ is None else environ
        return cls(
            data_dir=_folder(env, "data_dir") or bundled_data_dir(),
            documents_dir=_folder(env, "documents_dir"),
            cache_dir=_cache_dir(env),
            read_only=_flag(env, "read_only"),
        )

    def check(self) -> list[str]:
        """What is wrong with the folders named, one sentence each (for a message at start-up)."""
        out = []
        for name, path in (("data_dir", self.data_dir), ("documents_dir", self.documents_dir)):
            if path is not None and not path.is_dir():
                what = "is not a folder" if path.exists() else "does not exist"
                out.append(f"{ENVIRONMENT[name]}: {path} {what}")
        if self.cache_dir is not None and self.cache_dir.exists() and not self.cache_dir.is_dir():
            out.append(f"{ENVIRONMENT['cache_dir']}: {self.cache_dir} is not a folder; nothing is kept on disk")
        return out

    def describe(self) -> list[str]:
        """Each setting as ``NAME=value (meaning)``, for a log line or ``network settings``."""
        return [
            f"{ENVIRONMENT['data_dir']}={self.data_dir}",
            f"{ENVIRONMENT['documents_dir']}={self.documents_dir or ''}" + ("" if self.documents_dir else " (none)"),
            f"{ENVIRONMENT['cache_dir']}={self.cache_dir or 'off'}",
            f"{ENVIRONMENT['read_only']}={'1' if self.read_only else '0'}"
            + (" (nobody writes)" if self.read_only else " (editors may write)"),
        ]


def _folder(env: Mapping[str, str], name: str) -> Path | None:
    var = ENVIRONMENT[name]
    raw = env.get(var, "")
    if not raw.strip():
        return None
    if raw != raw.strip():
        # " /srv/map" is almost always a quoting slip in a unit file, not a folder whose name starts with a blank
        raise SettingsError(f"{var}={raw!r} starts or ends with blanks; give the folder's path without them")
    return Path(raw).expanduser()


def _cache_dir(env: Mapping[str, str]) -> Path | None:
    raw = env.get(ENVIRONMENT["cache_dir"], "")
    if raw.strip().casefold() == "off":
        return None
    given = _folder(env, "cache_dir")
    if given is not None:
        return given
    base = env.get("XDG_CACHE_HOME", "").strip()
    if base:
        return Path(base) / APP_NAME
    home = env.get("HOME", "").strip()
    return (Path(home) if home else Path.home()) / ".cache" / APP_NAME


def _flag(env: Mapping[str, str], name: str) -> bool:
    var = ENVIRONMENT[name]
    raw = env.get(var, "")
    value = raw.strip().casefold()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise SettingsError(
        f"{var}={raw!r} is not understood: use {', '.join(_TRUE[:-1])} or {_TRUE[-1]} for a read-only server, "
        f"{', '.join(_FALSE[:-1])} or leave it unset to let editors write"
    )
