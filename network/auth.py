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
import getpass
import hashlib
import hmac
import os
import sys
from collections.abc import Mapping
from typing import Any

__all__ = ["hash_password", "verify_password", "editors", "allowed_email", "login_configured", "main", "SCRYPT_N"]

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
