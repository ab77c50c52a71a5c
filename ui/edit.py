"""Editing the data in tables or forms, with live checks, a diff, atomic saves and undo."""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from network import DataError, store
from network import vocabulary as vocab
from network.folder import DataFolder
from network.i18n import t
from network.io.kumu import write_kumu
from network.io.xlsx import write_workbook
from network.model import ACTOR_COLUMNS, RELATION_COLUMNS, problem_rows

from . import data, keys
from .auth import access, can_edit
from .messages import flash, show_flash, text

if TYPE_CHECKING:  # for the annotations only: pandas is imported when an editor opens this panel
    import pandas as pd

PANEL = "edit"
TABLES = ("actors.csv", "relations.csv", "sources.csv")  # what this panel saves, and so what its undo takes back


def _frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame([{c: r.get(c, "") for c in columns} for r in rows], columns=columns, dtype="string")


def _rows(df: pd.DataFrame) -> list[dict[str, str]]:
    return [
        {str(k): ("" if v is None or (isinstance(v, float) and v != v) else str(v)) for k, v in r.items()}
        for r in df.to_dict("records")
    ]


def _held(
    folder: DataFolder, gen: int
) -> tuple[tuple[list[dict], list[dict], list[dict], dict[str, str]], tuple[pd.DataFrame, pd.DataFrame]]:
    # Edits stay against the data as it was when editing began: a save by someone else
    # meanwhile is then a conflict the user is told about, not a silent re-base. So the round is
    # the folder's path and the editor's generation, not the folder's version.
    held = st.session_state.get(keys.EDIT_BASE)
    if not held or held[0] != (folder.path, gen):
        actors0, relations0, sources0, base = data.editable(folder)
        a_cols = list(dict.fromkeys([*ACTOR_COLUMNS, *(k for r in actors0 for k in r)]))
        r_cols = list(dict.fromkeys([*RELATION_COLUMNS, *(k for r in relations0 for k in r)]))
        # The tables as the editors show them, built once per editing round, not on every rerun.
        held = ((folder.path, gen), (actors0, relations0, sources0, base), (_frame(actors0, a_cols), _frame(relations0, r_cols)))
        st.session_state[keys.EDIT_BASE] = held
    return held[1], held[2]


def panels(folder: DataFolder, lang: str) -> dict:
    """The editors' panels under the map: this data editor, and *Add a document* (ui/intake.py)."""
    from . import intake  # loaded when an editor's panels are built: a viewer's page never imports intake

    return {"edit": lambda: panel(folder, lang), "add_document": lambda: intake.panel(folder, lang)}


def panel(folder: DataFolder, lang: str) -> None:
    if not can_edit():  # app.py shows the tab only to editors; a session that logged out since gets nothing
        return
    gen = st.session_state.get(keys.EDIT_GEN, 0)
    (actors0, relations0, sources0, base), (frame_a, frame_r) = _held(folder, gen)
    curated = folder.curated
    st.caption(t("edit_intro_curated" if curated else "edit_intro", lang))
    st.markdown(f"**{t('actors', lang)}**")
    actors_df = st.data_editor(frame_a, num_rows="dynamic", width="stretch", hide_index=True, key=f"edit_actors_{gen}")
    st.markdown(f"**{t('relations', lang)}**")
    relations_df = st.data_editor(frame_r, num_rows="dynamic", width="stretch", hide_index=True, key=f"edit_relations_{gen}")
    pending_a = st.session_state.setdefault(keys.PENDING_ACTORS, [])
    pending_r = st.session_state.setdefault(keys.PENDING_RELATIONS, [])
    _add_forms(actors0, sources0, lang)
    actors, relations = actors0, relations0
    review = store.Review({}, [])
    # Diffing and checking every row costs seconds on a big data set: only when something was edited.
    if pending_a or pending_r or not actors_df.equals(frame_a) or not relations_df.equals(frame_r):
        actors, relations = _rows(actors_df) + pending_a, _rows(relations_df) + pending_r
        review = store.review_edits((_rows(frame_a), _rows(frame_r)), actors, relations, sources0, curated=curated)
    if review.count:
        st.markdown(f"**{t('changes', lang)}**")
        st.dataframe(
            [
                {
                    t("table", lang): t(table, lang),
                    t("change", lang): t(f"change_{kind}", lang),
                    t("row", lang): _describe_row(item),
                }
                for table, d in review.changes.items()
                for kind, items in d.items()
                for item in items
            ],
            hide_index=True,
            width="stretch",
            key="edit_changes",
        )
    if review.problems and review.count:
        st.markdown(f"**{t('check', lang)}**")
        st.dataframe(problem_rows(review.problems), hide_index=True, width="stretch", key="edit_problems")
    c1, c2, c3 = st.columns(3)
    if c1.button(
        t("save", lang, n=review.count), key="edit_save", type="primary", disabled=not review.count or bool(review.errors)
    ):
        _save(folder, actors, relations, base, curated, review.count, gen, lang)
    last = folder.last_save(TABLES)
    undo_label = t("undo_what", lang, what=last.describe()) if last else t("undo_none", lang)
    if c2.button(text(undo_label), key="edit_undo", disabled=last is None):
        _undo(folder, base, gen, lang)
    if c3.button(t("discard", lang), key="edit_discard", disabled=not review.count):
        _reset(gen)
        st.rerun()
    show_flash(PANEL)
    ds = data.dataset(folder)
    d1, d2 = st.columns(2)
    d1.download_button(
        t("download_workbook", lang),
        data=lambda: write_workbook(ds, data.positions(folder)),  # positions travel with the data (issue 25)
        file_name="stakeholder-data.xlsx",
        on_click="ignore",
        key="dl_workbook",
    )
    d2.download_button(
        t("download_kumu", lang),
        data=lambda: write_kumu(ds, lang=lang, positions=data.positions(folder)),
        file_name="stakeholder-data-kumu.xlsx",
        on_click="ignore",
        key="dl_kumu",
    )


def _conflict_text(exc: Exception, lang: str) -> str:
    return t("conflict", lang, files=", ".join(getattr(exc, "files", []) or []) or str(exc))


def _save(folder: DataFolder, actors: list, relations: list, base: dict, curated: bool, n: int, gen: int, lang: str) -> None:
    try:
        folder.save(actors, relations, base=base, access=access(), curated=curated)
    except store.ConflictError as exc:
        flash(PANEL, "error", _conflict_text(exc, lang))
    except store.NotAllowed:  # read-only, or the editor logged out meanwhile
        flash(PANEL, "error", t("read_only_refused", lang))
    except DataError as exc:
        flash(PANEL, "error", text("; ".join(f"{p.line}: {p.column}: {p.message}" for p in exc.errors[:5])))
    else:
        flash(PANEL, "success", t("saved", lang, n=n))
        _reset(gen)
    st.rerun()


def _undo(folder: DataFolder, base: dict, gen: int, lang: str) -> None:
    try:
        done = folder.undo_last_save(base, access=access(), tables=TABLES)
        flash(PANEL, "success", text(t("undone_what", lang, what=done.record.describe() if done.record else "")))
        _reset(gen)
    except store.ConflictError as exc:
        flash(PANEL, "error", _conflict_text(exc, lang))
    except store.NothingToUndoError:
        flash(PANEL, "error", t("nothing_to_undo", lang))
    except store.NotAllowed:
        flash(PANEL, "error", t("read_only_refused", lang))
    except DataError as exc:
        flash(PANEL, "error", text("; ".join(p.message for p in exc.problems[:5])))
    st.rerun()


def _reset(gen: int) -> None:
    # A new editor key starts the tables afresh from the files on disk.
    st.session_state[keys.EDIT_GEN] = gen + 1
    st.session_state[keys.PENDING_ACTORS] = []
    st.session_state[keys.PENDING_RELATIONS] = []


def _add_forms(actors: list[dict], sources: list[dict], lang: str) -> None:
    """Forms that add one actor or one relation to the pending changes (for those who prefer forms to tables)."""
    ids = [a["id"] for a in actors] + [a["id"] for a in st.session_state[keys.PENDING_ACTORS]]
    f1, f2 = st.columns(2)
    with f1.form("add_actor", clear_on_submit=True, border=True):
        st.markdown(f"**{t('add_actor', lang)}**")
        aid = st.text_input("id", key="fa_id")
        name = st.text_input(t("name", lang), key="fa_name")
        atype = st.selectbox(t("type", lang), list(vocab.ACTOR_TYPES), format_func=lambda k: vocab.label(k, lang), key="fa_type")
        country = st.text_input(t("country", lang), key="fa_country")
        description = st.text_input(t("description", lang), key="fa_description")
        if st.form_submit_button(t("add", lang)):
            if not aid.strip() or not name.strip():
                st.error(t("need_id_name", lang))
            elif aid.strip() in ids:
                st.error(t("id_taken", lang, id=text(aid.strip())))
            else:
                row = {
                    "id": aid.strip(),
                    "name": name.strip(),
                    "type": atype,
                    "country": country.strip(),
                    "description": description.strip(),
                }
                st.session_state[keys.PENDING_ACTORS].append(row)
    with f2.form("add_relation", clear_on_submit=True, border=True):
        st.markdown(f"**{t('add_relation', lang)}**")
        src = st.selectbox(t("from", lang), ids, key="fr_source")
        dst = st.selectbox(t("to", lang), ids, key="fr_target")
        rtype = st.selectbox(
            t("relation", lang), list(vocab.RELATION_TYPES), format_func=lambda k: vocab.label(k, lang, "relation"), key="fr_type"
        )
        date = st.text_input(t("date", lang) + " (YYYY[-MM[-DD]])", key="fr_date")
        doc = st.selectbox(t("document", lang), [""] + [s["id"] for s in sources], key="fr_doc")
        evidence = st.text_input(t("quote", lang), key="fr_evidence", max_chars=250)
        if st.form_submit_button(t("add", lang)):
            row = {
                "source": src,
                "target": dst,
                "type": rtype,
                "date": date.strip(),
                "source_doc": doc,
                "evidence": evidence.strip(),
            }
            st.session_state[keys.PENDING_RELATIONS].append(row)


def _describe_row(item: dict) -> str:
    row = item.get("new", item)
    cols = f" ({', '.join(item['columns'])})" if "columns" in item else ""
    if "id" in row:
        return f"{row.get('id', '')} · {row.get('name', '')}" + cols
    return f"{row.get('source', '')} → {row.get('target', '')} · {row.get('type', '')}" + cols
