"""Uploading a data set: CSV files or one workbook, checked whole before anything is drawn."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
import time
import weakref
from pathlib import Path

import streamlit as st

from network import DataError
from network.i18n import t
from network.io.uploads import MAX_UPLOAD_BYTES, load_uploads, upload_positions, write_dataset
from network.model import problem_rows
from network.rights import visible_problems

from . import keys
from .auth import access, can_edit
from .messages import show, text
from .state import section


def panel(lang: str) -> None:
    if not can_edit() and not st.session_state.get(keys.UPLOAD_DIR):
        return  # read-only, or editors must log in: uploading is editing
    box = section("data", t("data", lang), holds=bool(st.session_state.get(keys.UPLOAD_REPORT)))
    if not box.open:
        return
    with box:
        if st.session_state.get(keys.UPLOAD_DIR):
            st.caption(t("using_upload", lang, name=text(st.session_state.get(keys.UPLOAD_NAME, ""))))
            if st.button(t("back_to_bundled", lang), key="upload_reset", width="stretch"):
                drop_upload()
                st.session_state.pop(keys.UPLOAD_REPORT, None)
                st.session_state[keys.INITIALISED] = False
                st.rerun()
        if not can_edit():  # read-only, or editors must log in
            return
        files = st.file_uploader(
            t("upload", lang, mb=MAX_UPLOAD_BYTES // (1024 * 1024)),
            type=["csv", "xlsx"],
            accept_multiple_files=True,
            key=f"uploader_{st.session_state.get(keys.UPLOADS, 0)}",
            help=t("upload_help", lang),
        )
        if files and st.button(t("load_upload", lang), key="upload_load", width="stretch", type="primary"):
            take([(f.name, f.getvalue()) for f in files])


PREFIX = "sne-upload-"
MAX_AGE_SECONDS = 24 * 3600
# The session's _Owned holder of its upload folder. When Streamlit forgets a session (its
# browser tab closed, ``server.disconnectedSessionTTL`` later) or the server stops, the holder
# is freed and its finalizer removes the folder; a folder a killed server left behind goes at
# the next upload once it is a day old.
_OWNER = "_upload_owner"


class _Owned:
    """Removes ``folder`` when this session's state lets go of it (or when called)."""

    def __init__(self, folder: str):
        self.folder = folder
        self.remove = weakref.finalize(self, shutil.rmtree, folder, ignore_errors=True)


def drop_upload() -> None:
    """Remove this session's upload folder (a new upload or going back replaces it)."""
    folder = st.session_state.pop(keys.UPLOAD_DIR, None)
    owner = st.session_state.pop(_OWNER, None)
    if isinstance(owner, _Owned):
        owner.remove()
    if folder and Path(folder).name.startswith(PREFIX):
        shutil.rmtree(folder, ignore_errors=True)


def sweep_stale_uploads(root: str | None = None, max_age: float = MAX_AGE_SECONDS) -> list[str]:
    """Remove upload folders (ours: prefix, owner, a real folder) untouched for ``max_age`` seconds."""
    removed: list[str] = []
    base = Path(root or tempfile.gettempdir())
    now = time.time()
    try:
        entries = list(os.scandir(base))
    except OSError:
        return removed
    for entry in entries:
        if not entry.name.startswith(PREFIX):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() and now - info.st_mtime > max_age:
            shutil.rmtree(entry.path, ignore_errors=True)
            removed.append(entry.name)
    return removed


def take(files: list[tuple[str, bytes]]) -> None:
    if not can_edit():
        return
    names = ", ".join(name for name, _ in files)
    try:
        ds = load_uploads(files)
    except DataError as exc:
        st.session_state[keys.UPLOAD_REPORT] = (names, problem_rows(exc.problems), False)
        return
    drop_upload()
    sweep_stale_uploads()
    # A folder of our own (never a user's value in the path): the app then works on it as on data/.
    # Positions travel with the data: an upload that says where its actors sit opens laid out so.
    kept, warnings = upload_positions(files, ds)
    folder = write_dataset(tempfile.mkdtemp(prefix=PREFIX), ds, access=access(), positions=kept)
    st.session_state[_OWNER] = _Owned(str(folder))
    st.session_state[keys.UPLOAD_DIR] = str(folder)
    st.session_state[keys.UPLOAD_NAME] = names
    st.session_state[keys.UPLOADS] = st.session_state.get(keys.UPLOADS, 0) + 1
    st.session_state[keys.UPLOAD_REPORT] = (names, problem_rows(ds.warnings + warnings), True)
    st.session_state[keys.INITIALISED] = False
    st.rerun()


def report(lang: str) -> None:
    found = st.session_state.get(keys.UPLOAD_REPORT)
    if not found:
        return
    names, rows, ok = found
    if ok:
        show("success", t("upload_ok", lang, name=text(names), n=len(rows)))
    else:
        show("error", t("upload_failed", lang, name=text(names)))
    if rows:
        st.dataframe(rows, hide_index=True, width="stretch", key="upload_table")
    if st.button(t("dismiss", lang), key="upload_dismiss"):
        st.session_state.pop(keys.UPLOAD_REPORT, None)
        st.rerun()


def problems_page(exc: DataError, lang: str) -> None:
    """The data did not load: say so, show every problem, and offer an upload instead."""
    st.title(t("app_title", lang), anchor=False)
    report(lang)
    show("error", t("data_problems", lang))
    # a viewer gets no detail of the internal log's rows, only how many problems it has
    st.dataframe(problem_rows(visible_problems(exc.problems, access())), hide_index=True, width="stretch")
    panel(lang)
