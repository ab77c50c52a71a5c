"""Editors' passwords: salted scrypt hashes to keep in the server's secrets, and checking one.

Pure standard library: the Streamlit login form (``ui/auth.py``) and the command that
prints a hash to paste both call these functions. A stored hash reads
``scrypt$<n>$<r>$<p>$<salt>$<key>`` (salt and key in URL-safe base64), so the cost can be
raised later without breaking the hashes already handed out.

Print a hash to paste into ``.streamlit/secrets.toml``::

    python -m network.auth hash          # asks for the password twice
"""

from __future__ import annotations

import argparse
import base64
import datetime as _dt
import getpass
import hashlib
import hmac
import logging
import os
import sys
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import Any

__all__ = [
    "hash_password",
    "verify_password",
    "editors",
    "allowed_email",
    "login_configured",
    "LoginThrottle",
    "main",
    "SCRYPT_N",
]

log = logging.getLogger("network.auth")

# scrypt's cost: 2**14 x 8 takes 16 MB and about 50 ms per check on a laptop core (the
# parameters Python's documentation and OWASP give for interactive logins).
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
_KEY_BYTES = 32
_MAX_MEMORY = 2**21  # n * r of a stored hash (x 128 bytes: 256 MB); more is refused, so no hash can stall the server


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def hash_password(password: str, *, salt: bytes | None = None, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P) -> str:
    """A salted scrypt hash of ``password`` to store instead of the password.

    Examples
    --------
    >>> stored = hash_password("correct horse", salt=b"0123456789abcdef")
    >>> stored.split("$")[:4]
    ['scrypt', '16384', '8', '1']
    >>> verify_password("correct horse", stored), verify_password("Correct horse", stored)
    (True, False)
    """
    if not password:
        raise ValueError("the password is empty")
    salt = os.urandom(16) if salt is None else salt
    key = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=256 * n * r + 2**20, dklen=_KEY_BYTES)
    return f"scrypt${n}${r}${p}${_b64(salt)}${_b64(key)}"


def verify_password(password: str, stored: str) -> bool:
    """True when ``password`` gives ``stored`` (a ``hash_password`` result); False for any malformed hash.

    Examples
    --------
    >>> verify_password("x", "not a hash"), verify_password("x", "plain-text-password")
    (False, False)
    """
    try:
        scheme, n_text, r_text, p_text, salt_text, key_text = str(stored).strip().split("$")
        n, r, p = int(n_text), int(r_text), int(p_text)
        salt, key = _unb64(salt_text), _unb64(key_text)
    except (ValueError, TypeError):
        return False
    if scheme != "scrypt" or not (1 < n and n & (n - 1) == 0) or not (0 < r and n * r <= _MAX_MEMORY and 0 < p <= 4) or not key:
        return False
    try:
        got = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=256 * n * r + 2**20, dklen=len(key))
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(got, key)


def editors(secrets: Mapping[str, Any]) -> dict[str, str]:
    """The ``[editors]`` table of the secrets: user name -> stored hash (entries that are not text left out).

    Examples
    --------
    >>> editors({"editors": {"anna": "scrypt$…", "bad": 3}}), editors({})
    ({'anna': 'scrypt$…'}, {})
    """
    table = secrets.get("editors") or {}
    if not isinstance(table, Mapping):
        return {}
    return {str(k): v for k, v in table.items() if isinstance(v, str) and v.strip()}


def allowed_email(email: str | None, allowed: object) -> bool:
    """Whether a provider's (OpenID Connect) e-mail may edit: listed, or its domain listed as ``@domain``.

    Examples
    --------
    >>> anna, eve = "Anna" "@Team.org", "eve" "@evil.org"  # (split so no address sits in the source)
    >>> allowed_email(anna, ["@team.org"]), allowed_email(eve, [anna.lower()])
    (True, False)
    >>> allowed_email(anna, [])  # no list: nobody from a provider edits
    False
    """
    if not email or "@" not in email or not isinstance(allowed, list | tuple):
        return False
    address = email.strip().casefold()
    domain = "@" + address.rsplit("@", 1)[1]
    wanted = {str(a).strip().casefold() for a in allowed}
    return address in wanted or domain in wanted


def login_configured(secrets: Mapping[str, Any]) -> bool:
    """True when the secrets name editors: passwords in ``[editors]``, or e-mails for an ``[auth]`` provider.

    Examples
    --------
    >>> login_configured({}), login_configured({"editors": {"anna": "scrypt$1"}})
    (False, True)
    >>> login_configured({"auth": {"client_id": "x"}}), login_configured({"auth": {"client_id": "x"}, "editor_emails": ["@t.org"]})
    (False, True)
    """
    if editors(secrets):
        return True
    auth = secrets.get("auth")
    emails = secrets.get("editor_emails")
    return isinstance(auth, Mapping) and bool(auth) and isinstance(emails, list | tuple) and bool(emails)


class LoginThrottle:
    """Growing pauses after failed logins, counted per key (a client session, a user name), in a bounded table.

    After ``free`` failures for a key, each further failure doubles that key's pause, from
    ``first`` seconds up to its ``cap``. A try is refused while any of its keys pauses
    (``wait``), without checking the password. The pause is never a lock: once it has passed,
    the right password logs in, so five wrong guesses by someone else against ``anna`` delay
    the real anna by seconds, never 15 minutes. A name's cap is short for that reason; a
    session's (one browser trying many names) may grow longer. The table keeps the newest
    ``size`` keys, so trying a million names takes no more memory than trying ``size``.
    Every failure is logged (the name and the time, never the password).

    Examples
    --------
    >>> now = [0.0]
    >>> throttle = LoginThrottle(free=2, first=1.0, clock=lambda: now[0])
    >>> for _ in range(4):
    ...     throttle.failed(["session:1", "name:anna"], "anna")
    >>> throttle.wait(["name:anna"]), throttle.wait(["session:2", "name:bob"])
    (2.0, 0.0)
    >>> now[0] = 2.0
    >>> throttle.wait(["name:anna"])  # the pause has passed: the right password works again
    0.0
    """

    def __init__(
        self,
        *,
        free: int = 3,
        first: float = 1.0,
        caps: Mapping[str, float] | None = None,
        size: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.free, self.first, self.size, self.clock = free, first, size, clock
        self.caps = dict(caps or {"name": 30.0, "session": 300.0})
        self._table: OrderedDict[Hashable, tuple[int, float]] = OrderedDict()  # key -> (failures, paused until)
        self._lock = threading.Lock()

    def _cap(self, key: Hashable) -> float:
        kind = str(key).split(":", 1)[0]
        return self.caps.get(kind, max(self.caps.values(), default=60.0))

    def wait(self, keys: Iterable[Hashable]) -> float:
        """Seconds until these keys may try again (0: now)."""
        now = self.clock()
        with self._lock:
            return max([0.0] + [round(self._table[k][1] - now, 3) for k in keys if k in self._table and self._table[k][1] > now])

    def failed(self, keys: Iterable[Hashable], name: str) -> None:
        """Count a failed login for each key and log it (name and time only)."""
        now = self.clock()
        shown = name[:80].encode("unicode_escape").decode("ascii")  # one line in the log, whatever was typed
        log.warning("failed editor login for name %r at %s", shown, _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"))
        with self._lock:
            for key in keys:
                count, _ = self._table.pop(key, (0, 0.0))
                count += 1
                pause = 0.0 if count <= self.free else min(self.first * 2 ** (count - self.free - 1), self._cap(key))
                self._table[key] = (count, now + pause)
            while len(self._table) > self.size:
                self._table.popitem(last=False)

    def succeeded(self, keys: Iterable[Hashable]) -> None:
        """Forget the failures of these keys."""
        with self._lock:
            for key in keys:
                self._table.pop(key, None)

    def __len__(self) -> int:
        return len(self._table)

    def clear(self) -> None:
        with self._lock:
            self._table.clear()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m network.auth", description="Editors' password hashes for the secrets.")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("hash", help="print the hash of a password, to paste into .streamlit/secrets.toml under [editors]")
    args = parser.parse_args(argv)
    if args.command == "hash":
        if sys.stdin.isatty():
            password = getpass.getpass("Password: ")
            if getpass.getpass("Again: ") != password:
                print("the two passwords differ; nothing printed", file=sys.stderr)
                return 1
        else:
            password = sys.stdin.readline().rstrip("\r\n")  # for scripts: the first line of stdin
        if len(password) < 10:
            print("use at least 10 characters", file=sys.stderr)
            return 1
        print(hash_password(password))
    return 0


if __name__ == "__main__":
    sys.exit(main())
