"""Who may edit: nobody on a read-only server, everybody on ``make run`` (localhost, no login set
up), and otherwise only an editor who has logged in.

Editors are configured in Streamlit's secrets (``.streamlit/secrets.toml``, never in git)::

    # user name = the hash printed by `python -m network.auth hash`
    [editors]
    anna = "scrypt$16384$8$1$…$…"

    # Optional: log in with the team's OpenID Connect provider (st.login). Only these
    # addresses, or every address of a "@domain", may edit.
    editor_emails = ["anna@team.example", "@team.example"]

    [auth]
    redirect_uri = "https://explorer.team.example/oauth2callback"
    cookie_secret = "a long random string"
    client_id = "…"
    client_secret = "…"
    server_metadata_url = "https://login.team.example/.well-known/openid-configuration"

``python -m ui.auth check`` exits 1 unless the server is read-only or editors must log in:
``make serve`` runs it before binding every interface.
"""

from __future__ import annotations

import ipaddress
import math
import sys
from collections.abc import Mapping
from typing import Any

import streamlit as st

from network import auth, rights
from network.i18n import t
from network.rights import read_only
from network.settings import Settings, SettingsError

from .messages import text
from .state import section

__all__ = ["secrets", "login_configured", "access", "can_edit", "editor", "login_panel", "logout", "check", "main"]

USER = "_editor"  # session key: the logged-in editor's name (password login)
# One for the server: pauses grow per browser session and per name, and never lock the owner out.
_throttle = auth.LoginThrottle()
_UNKNOWN = auth.hash_password("no such editor", salt=b"\0" * 16)  # checked against for a name that is no editor


def secrets() -> Mapping[str, Any]:
    """Streamlit's secrets, or {} when there is no secrets file."""
    try:
        return {k: st.secrets[k] for k in st.secrets}
    except Exception:  # no secrets.toml, or one that does not parse: no login configured
        return {}


def login_configured() -> bool:
    """True when the secrets name editors (passwords, or e-mails for an OpenID Connect provider)."""
    return auth.login_configured(secrets())


def _oidc() -> bool:
    found = secrets().get("auth")
    return isinstance(found, Mapping) and bool(found)


def _providers() -> list[str | None]:
    """The ``st.login`` providers: None for a plain ``[auth]``, else each ``[auth.<name>]`` with a client id."""
    found = secrets().get("auth")
    if not isinstance(found, Mapping):
        return []
    if "client_id" in found:
        return [None]
    return [name for name, value in found.items() if isinstance(value, Mapping) and "client_id" in value]


def _oidc_email() -> str | None:
    try:
        if _oidc() and st.user.is_logged_in:
            email = st.user.get("email")
            return str(email) if email else None
    except Exception:  # st.user raises when [auth] is incomplete
        return None
    return None


def _local_client() -> bool:
    """True unless the browser connects from another machine (a second guard; ``make run`` binds 127.0.0.1)."""
    try:
        ip = st.context.ip_address
    except Exception:
        return True
    if not isinstance(ip, str):
        return True  # Streamlit gives None for localhost (and AppTest no address at all)
    try:
        return ipaddress.ip_address(ip).is_loopback
    except ValueError:
        return False


def editor() -> str | None:
    """The logged-in editor's name (or provider e-mail), or None."""
    name = st.session_state.get(USER)
    if name and name in auth.editors(secrets()):
        return str(name)
    email = _oidc_email()
    if email and auth.allowed_email(email, secrets().get("editor_emails")):
        return email
    return None


def access() -> rights.Access:
    """Who this session is, for every function of ``network/`` that writes data or reads the engagement log.

    A viewer on a read-only server. With no login configured (``make run``): an editor, for a
    browser on this machine. With editors configured: an editor only after logging in.
    """
    if read_only():
        return rights.VIEWER
    if not login_configured():
        return rights.editor("local") if _local_client() else rights.VIEWER
    who = editor()
    return rights.editor(who) if who else rights.VIEWER


def can_edit() -> bool:
    """May this session upload, edit, save, undo, change saved views, keep positions or see the engagement log?"""
    return rights.may_edit(access())


def _session_key() -> str:
    try:
        from streamlit.runtime.scriptrunner import get_script_run_ctx

        ctx = get_script_run_ctx()
        return f"session:{ctx.session_id}" if ctx else "session:?"
    except Exception:  # no runtime (a bare call): all such calls share one key
        return "session:?"


def try_login(name: str, password: str) -> tuple[str, float]:
    """Check a password login; put the editor in the session. Returns ("ok" | "failed" | "paused", seconds to wait)."""
    name = name.strip()[:200]
    keys = [_session_key(), "name:" + name.casefold()]
    wait = _throttle.wait(keys)
    if wait > 0:
        return "paused", wait
    stored = auth.editors(secrets()).get(name)
    # A name that is no editor costs the same scrypt work, so timing does not tell names apart.
    ok = auth.verify_password(password, stored or _UNKNOWN)
    if ok and stored:
        st.session_state[USER] = name
        _throttle.succeeded(keys)
        return "ok", 0.0
    _throttle.failed(keys, name)
    return "failed", _throttle.wait(keys)


def logout() -> None:
    st.session_state.pop(USER, None)
    if _oidc_email():
        st.logout()


def login_panel(lang: str) -> None:
    """The sidebar box: who is logged in and a log-out button, or the login form. Nothing without a login set up."""
    if read_only() or not login_configured():
        return
    who = editor()
    box = section("login", t("login_title", lang), icon=":material/lock:")
    if not box.open:
        return
    with box:
        if who:
            st.caption(t("logged_in_as", lang, name=text(who)))
            st.button(t("logout", lang), key="auth_logout", on_click=logout, width="stretch")
            return
        email = _oidc_email()
        if email:
            st.warning(t("login_not_editor", lang, name=text(email)))
            st.button(t("logout", lang), key="auth_logout", on_click=logout, width="stretch")
        elif _oidc():
            for provider in _providers():
                label = t("login_with", lang, provider=text(provider or t("login_provider", lang)))
                st.button(label, key=f"auth_oidc_{provider or ''}", on_click=st.login, args=(provider,), width="stretch")
        if auth.editors(secrets()):
            with st.form("auth_login", clear_on_submit=True, border=False):
                name = st.text_input(t("login_user", lang), key="auth_user", max_chars=80)
                password = st.text_input(t("login_password", lang), type="password", key="auth_password", max_chars=200)
                if st.form_submit_button(t("login_button", lang), width="stretch"):
                    outcome, wait = try_login(name, password)
                    if outcome == "ok":
                        st.rerun()
                    st.error(t("login_failed", lang) if outcome == "failed" else t("login_paused", lang, seconds=math.ceil(wait)))
                    if outcome == "failed" and wait > 0:
                        st.caption(t("login_wait", lang, seconds=math.ceil(wait)))
        st.caption(t("login_why", lang))


def check() -> tuple[bool, str]:
    """Whether this server may listen on every interface: read-only, or editors must log in."""
    try:
        settings = Settings.from_env()
    except SettingsError as exc:  # NETWORK_READ_ONLY=ture must not leave a public server writable
        return False, f"refusing to serve: {exc}"
    if settings.read_only:
        return True, "read-only (NETWORK_READ_ONLY=1): viewers cannot change anything"
    if login_configured():
        return True, "editors must log in (secrets: [editors] or [auth] with editor_emails)"
    return False, (
        "refusing to serve a team: set NETWORK_READ_ONLY=1, or configure editors' logins in "
        ".streamlit/secrets.toml ([editors] with hashes from `python -m network.auth hash`)"
    )


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["hash"]:
        return auth.main(args)
    if args[:1] == ["check"]:
        ok, why = check()
        print(why, file=sys.stdout if ok else sys.stderr)
        return 0 if ok else 1
    print("usage: python -m ui.auth check | hash", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
