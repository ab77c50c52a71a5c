"""*Add a document* (editors only): upload a letter or paper, review its proposed actors and claims, add the accepted.

Intake (``network.intake``) reads the upload and proposes; nothing reaches the map until the editor
accepts a proposal and presses the button, which adds the accepted rows through the same checks,
atomic save, backup and undo as every edit (``network.intake.review.apply_proposals``).
"""

from __future__ import annotations

import hashlib
import html
import re
from typing import Any

import streamlit as st

from network import DataError, store
from network import vocabulary as vocab
from network.folder import DataFolder
from network.i18n import t
from network.intake import READABLE, IntakeError, Proposal, propose
from network.intake.review import apply_proposals, keep_document, proposal_rows

from . import data, keys
from .auth import access, can_edit
from .messages import flash, show, show_flash, text

PANEL = "add_document"
TABLES = ("actors.csv", "relations.csv", "sources.csv")  # what an intake save writes, and so what its undo takes back
_DECISIONS = ("accept", "reject")


def _proposal(name: str, payload: bytes, folder: DataFolder) -> Proposal | str:
    """The proposals for an upload, made once per file and version of the tables (a rerun only redraws them)."""
    key = (name, hashlib.sha256(payload).hexdigest(), folder.only("tables"))
    held = st.session_state.get(keys.INTAKE_PROPOSAL)
    if held and held[0] == key:
        return held[1]
    try:
        result: Proposal | str = propose(name, payload, data.dataset(folder))
    except IntakeError as exc:
        result = str(exc)
    st.session_state[keys.INTAKE_PROPOSAL] = (key, result)
    return result


def _paragraph(doc: str, start: int, end: int) -> str:
    """The quote marked in its paragraph, as HTML in which every character of the document is escaped."""
    left = max(doc.rfind("\n\n", 0, start), 0)
    right = doc.find("\n\n", end)
    right = len(doc) if right < 0 else right
    left, right = max(left, start - 600), min(right, end + 600)
    before, quote, after = (" ".join(doc[a:b].split()) for a, b in ((left, start), (start, end), (end, right)))
    return (
        '<div style="font-size:0.9rem;line-height:1.4;border-left:3px solid #ccc;padding-left:0.6rem">'
        f"{html.escape(before)} <mark>{html.escape(quote)}</mark> {html.escape(after)}</div>"
    )


def panel(folder: DataFolder, lang: str) -> None:
    if not can_edit():  # app.py offers the tab only to editors; a session that logged out since gets nothing
        return
    gen = st.session_state.get(keys.INTAKE_GEN, 0)
    st.caption(t("intake_intro", lang))
    show_flash(PANEL)
    _undo_button(folder, lang)
    upload = st.file_uploader(
        t("intake_upload", lang), type=[s.lstrip(".") for s in READABLE], key=f"intake_file_{gen}", max_upload_size=20
    )
    if upload is None:
        return
    proposal = _proposal(upload.name, upload.getvalue(), folder)
    if isinstance(proposal, str):
        show("error", text(proposal))
        return
    names = {a["id"]: a["name"] for a in data.dataset(folder).actors}
    names.update({a["id"]: a["name"] for a in proposal.actors})
    doc = dict(proposal.document)
    st.markdown(f"**{t('intake_document', lang)}**")
    c1, c2, c3 = st.columns([3, 1, 1])
    doc["title"] = c1.text_input(t("intake_title", lang), doc["title"], key=f"intake_doc_title_{gen}")
    doc["date"] = c2.text_input(t("date", lang), doc["date"], key=f"intake_doc_date_{gen}")
    doc["kind"] = c3.text_input(t("intake_kind", lang), doc["kind"], key=f"intake_doc_kind_{gen}")
    st.caption(
        text(
            f"{t('intake_authors', lang)}: {doc['authors'] or '—'} · {t('intake_addressed', lang)}: {doc['addressed_to'] or '—'}"
        )
    )
    if doc["date_note"]:
        st.caption(text(doc["date_note"]))
    for message in proposal.messages:
        show("info", text(message))
    rows = proposal_rows(proposal)
    rows[0].update({k: doc[k] for k in ("title", "date", "kind")})
    new_actors = [r for r in rows if r["record"] == "actor"]
    if new_actors:
        st.markdown(f"**{t('intake_new_actors', lang)}**")
        existing = [""] + sorted(names)
        for i, r in enumerate(new_actors):
            a1, a2, a3 = st.columns([3, 2, 3])
            hint = f" · {t('intake_same_as', lang, name=names.get(r['same_as'], r['same_as']))}" if r["same_as"] else ""
            a1.markdown(text(f"{r['name']} ({vocab.label(r['actor_type'], lang)}){hint}"))
            r["accept"] = (
                "yes"
                if a2.segmented_control(
                    t("intake_decision", lang),
                    _DECISIONS,
                    format_func=lambda k: t(f"intake_{k}", lang),
                    key=f"intake_a{gen}_{i}",
                    label_visibility="collapsed",
                )
                == "accept"
                else ""
            )
            r["merge_into"] = a3.selectbox(
                t("intake_merge_into", lang), existing, format_func=lambda k: names.get(k, k) or "—", key=f"intake_m{gen}_{i}"
            )
    claims = [r for r in rows if r["record"] == "claim"]
    st.markdown(f"**{t('intake_claims', lang, n=len(claims))}**")
    types = list(vocab.RELATION_TYPES)
    by_source: dict[str, list[tuple[int, dict[str, Any]]]] = {}
    for i, r in enumerate(claims):
        by_source.setdefault(r["source"], []).append((i, r))
    for source, group in by_source.items():
        with st.expander(text(f"{names.get(source, source)} ({len(group)})"), expanded=len(by_source) <= 3):
            for i, r in group:
                k1, k2 = st.columns([4, 2])
                k1.markdown(
                    text(f"{vocab.label(r['type'], lang, kind='relation')} → {names.get(r['target'], r['target'])}")
                    + "  \n"
                    + text(" · ".join((r["basis"], r["cue"], f"p. {r['page']}")))
                )
                decision = k2.segmented_control(
                    t("intake_decision", lang),
                    _DECISIONS,
                    format_func=lambda k: t(f"intake_{k}", lang),
                    key=f"intake_c{gen}_{i}",
                    label_visibility="collapsed",
                )
                r["accept"] = "yes" if decision == "accept" else ""
                st.html(_paragraph(proposal.text, int(r["start"]), int(r["end"])))
                if r["note"]:
                    st.caption(text(r["note"]))
                if decision == "accept":
                    e1, e2 = st.columns([1, 3])
                    r["type"] = e1.selectbox(
                        t("type", lang),
                        types,
                        index=types.index(r["type"]),
                        key=f"intake_t{gen}_{i}",
                        format_func=lambda k: vocab.label(k, lang, kind="relation"),
                    )
                    r["evidence"] = e2.text_input(t("intake_quote", lang), r["evidence"], key=f"intake_q{gen}_{i}")
    accepted = [r for r in claims if r["accept"]]
    if st.button(t("intake_apply", lang, n=len(accepted)), key="intake_apply", type="primary", disabled=not accepted):
        _apply(folder, [rows[0], *new_actors, *claims], proposal, gen, lang, upload.name, upload.getvalue())


def _keep(name: str, payload: bytes, lang: str) -> str:
    """The accepted document goes into the documents folder (when one is set), so verify checks its quotes;
    returns what to tell the editor about it."""
    documents = data.documents_dir()
    if not documents:
        return ""
    try:
        return t("intake_kept", lang, file=keep_document(documents, name, payload, access=access()))
    except OSError as exc:  # another file of that name, a folder that cannot be written, or no right
        return t("intake_not_kept", lang, file=name, why=str(exc))


def _apply(
    folder: DataFolder, rows: list[dict[str, Any]], proposal: Proposal, gen: int, lang: str, upload_name: str, payload: bytes
) -> None:
    as_text = [{k: "" if v is None else str(v) for k, v in r.items()} for r in rows]
    try:
        done = apply_proposals(folder.path, as_text, access=access(), document_text=proposal.text, name=PANEL)
    except store.ConflictError as exc:
        flash(PANEL, "error", t("conflict", lang, files=", ".join(exc.files)))
    except store.NotAllowed:
        flash(PANEL, "error", t("read_only_refused", lang))
    except DataError as exc:
        flash(PANEL, "error", text("; ".join(f"{p.line}: {p.column}: {p.message}" for p in exc.errors[:5])))
    else:
        message = t("intake_applied", lang, n=done.relations, m=len(done.actors), doc=done.document)
        flash(PANEL, "success", text(" ".join(filter(None, (message, _keep(upload_name, payload, lang))))))
        st.session_state[keys.INTAKE_GEN] = gen + 1  # a fresh uploader and fresh decisions
        st.session_state.pop(keys.INTAKE_PROPOSAL, None)
    st.rerun()


def _undo_button(folder: DataFolder, lang: str) -> None:
    last = folder.last_save(TABLES)
    if last is None:
        return
    if st.button(text(t("undo_what", lang, what=last.describe())), key="intake_undo"):
        try:
            _, base = folder.load_for_edit()
            done = folder.undo_last_save(base, access=access(), tables=TABLES)
            flash(PANEL, "success", text(t("undone_what", lang, what=done.record.describe() if done.record else "")))
        except (store.ConflictError, store.NothingToUndoError, store.NotAllowed, DataError) as exc:
            flash(PANEL, "error", text(re.sub(r"\s+", " ", str(exc))))
        st.rerun()
