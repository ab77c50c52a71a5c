"""The engagement log: the team's own dated meetings, calls, letters and events with actors.

The log is ``engagements.csv`` beside the data (loaded and checked with the rest:
``Dataset.engagements``). It is internal. Nothing here is called by an export unless the
caller passes the rows in: a snapshot, a picture, a deck or a link holds no engagement
unless someone chose to include it (``include_in_export``).

Each row: ``date``, ``actors`` (ids separated by ``|``), ``kind`` (meeting, call, letter,
event), ``ask``, ``summary``, ``outcome``, ``follow_up`` with its ``due`` date and ``owner``,
and ``done`` (a follow-up is open until ``done`` is true).
"""

from __future__ import annotations

import datetime as _dt
import html
import io
import json
import zipfile
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import Any

import networkx as nx

from .i18n import t
from .io.csvfile import csv_text
from .model import ENGAGEMENT_COLUMNS, parse_date

__all__ = [
    "actor_ids",
    "for_actor",
    "open_follow_ups",
    "last_contact",
    "months_since",
    "contact_colors",
    "contact_sizes",
    "contact_legend",
    "stale_allies",
    "for_shown",
    "include_in_export",
    "check_rows",
    "CONTACT_BANDS",
    "NEVER_COLOR",
]

# Time since the last contact, in months, as the map colours it (Paul Tol's "sunset", light to dark reads as "longer ago").
CONTACT_BANDS: tuple[tuple[int, str, str], ...] = (
    (3, "#364B9A", "contact_within_3"),
    (6, "#6EA6CD", "contact_within_6"),
    (12, "#FDB366", "contact_within_12"),
    (10**6, "#DD3D2D", "contact_longer"),
)
NEVER_COLOR = "#BBBBBB"


def actor_ids(row: Mapping[str, str]) -> list[str]:
    """The actors of one engagement (``actors`` holds ids separated by ``|``)."""
    return [a.strip() for a in str(row.get("actors", "")).split("|") if a.strip()]


def _day(value: str) -> _dt.date:
    return parse_date(value) or _dt.date.min


def for_actor(engagements: Iterable[Mapping[str, str]], actor: Hashable) -> list[dict[str, str]]:
    """The engagements with ``actor``, newest first.

    Examples
    --------
    >>> log = [{"date": "2025-01-05", "actors": "fnv|cnv", "summary": "a"}, {"date": "2026-02", "actors": "fnv", "summary": "b"}]
    >>> [e["summary"] for e in for_actor(log, "fnv")], [e["summary"] for e in for_actor(log, "cnv")]
    (['b', 'a'], ['a'])
    """
    rows = [dict(e) for e in engagements if str(actor) in actor_ids(e)]
    return sorted(rows, key=lambda e: (_day(e.get("date", "")), e.get("date", "")), reverse=True)


def open_follow_ups(engagements: Iterable[Mapping[str, str]], today: _dt.date | None = None) -> list[dict[str, Any]]:
    """Follow-ups not yet done, soonest due first (undated last), each with ``overdue`` (True/False).

    Examples
    --------
    >>> log = [{"date": "2026-01-05", "actors": "fnv", "follow_up": "send note", "due": "2026-01-10"},
    ...        {"date": "2026-01-06", "actors": "cnv", "follow_up": "call back", "due": "", "done": "true"}]
    >>> [(f["follow_up"], f["overdue"]) for f in open_follow_ups(log, _dt.date(2026, 2, 1))]
    [('send note', True)]
    """
    day = today or _dt.date.today()
    out = []
    for e in engagements:
        if not str(e.get("follow_up", "")).strip() or str(e.get("done", "")).strip() == "true":
            continue
        due = parse_date(str(e.get("due", "")))
        out.append({**e, "overdue": bool(due and due < day)})
    return sorted(out, key=lambda e: (parse_date(e.get("due", "")) or _dt.date.max, e.get("date", "")))


def last_contact(engagements: Iterable[Mapping[str, str]], today: _dt.date | None = None) -> dict[str, _dt.date]:
    """Each actor's most recent engagement on or before ``today`` (planned ones later do not count)."""
    day = today or _dt.date.today()
    out: dict[str, _dt.date] = {}
    for e in engagements:
        when = parse_date(str(e.get("date", "")))
        if when is None or when > day:
            continue
        for a in actor_ids(e):
            if a not in out or when > out[a]:
                out[a] = when
    return out


def months_since(when: _dt.date, today: _dt.date) -> int:
    """Whole months from ``when`` to ``today``.

    Examples
    --------
    >>> months_since(_dt.date(2025, 11, 20), _dt.date(2026, 2, 19)), months_since(_dt.date(2025, 11, 20), _dt.date(2026, 2, 20))
    (2, 3)
    """
    return (today.year - when.year) * 12 + today.month - when.month - (today.day < when.day)


def _months_since_contact(
    G: nx.MultiDiGraph, engagements: Iterable[Mapping[str, str]], today: _dt.date | None
) -> dict[Hashable, int | None]:
    """Months since each actor's last engagement; None for an actor never met."""
    day = today or _dt.date.today()
    last = last_contact(engagements, day)
    return {n: (months_since(last[str(n)], day) if str(n) in last else None) for n in G.nodes}


def contact_colors(
    G: nx.MultiDiGraph, engagements: Iterable[Mapping[str, str]], today: _dt.date | None = None
) -> dict[Hashable, str]:
    """A colour for every actor of ``G`` by the months since its last contact (``CONTACT_BANDS``); grey for never."""
    return {
        n: NEVER_COLOR if months is None else next(color for limit, color, _ in CONTACT_BANDS if months < limit)
        for n, months in _months_since_contact(G, engagements, today).items()
    }


def contact_sizes(
    G: nx.MultiDiGraph, engagements: Iterable[Mapping[str, str]], today: _dt.date | None = None
) -> dict[Hashable, float]:
    """A size for every actor of ``G``: large when contact was recent, small when long ago or never (24 months and more)."""
    return {
        n: round(10 + 30 * max(0.0, 1 - min(24 if months is None else months, 24) / 24), 1)
        for n, months in _months_since_contact(G, engagements, today).items()
    }


def contact_legend(lang: str = "en") -> list[tuple[str, str]]:
    """(label, colour) of the contact bands and of "never", for the map's legend."""
    return [(t(key, lang), color) for _, color, key in CONTACT_BANDS] + [(t("contact_never", lang), NEVER_COLOR)]


def stale_allies(
    G: nx.MultiDiGraph,
    engagements: Iterable[Mapping[str, str]],
    ask: Hashable,
    months: int,
    today: _dt.date | None = None,
) -> list[dict[str, Any]]:
    """Actors *for* ``ask`` (``stance.stance``) with no contact in ``months`` months (or never), longest ago first.

    Each: ``{"id", "name", "last" (ISO date or ""), "months" (None for never)}``.
    """
    from .stance import stance

    if ask not in G:
        return []
    day = today or _dt.date.today()
    last = last_contact(engagements, day)
    out = []
    for entry in stance(G, ask)["for"]:
        when = last.get(str(entry["id"]))
        gap = months_since(when, day) if when else None
        if gap is None or gap >= months:
            out.append({"id": entry["id"], "name": entry["name"], "last": when.isoformat() if when else "", "months": gap})
    return sorted(out, key=lambda r: (r["months"] is not None, -(r["months"] or 0), r["name"].casefold()))


def for_shown(engagements: Iterable[Mapping[str, str]], actors: Iterable[Hashable]) -> list[dict[str, str]]:
    """The engagements that name at least one of ``actors`` (those a view shows), oldest first."""
    shown = {str(a) for a in actors}
    rows = [dict(e) for e in engagements if shown & set(actor_ids(e))]
    return sorted(rows, key=lambda e: (_day(e.get("date", "")), e.get("date", "")))


def check_rows(rows: Iterable[Mapping[str, str]], actors: Iterable[Mapping[str, str]]) -> list[Any]:
    """The problems a save of these engagement rows would raise, line by line as the file will have them (header = 1).

    Examples
    --------
    >>> [str(p) for p in check_rows([{"date": "2026-02-30", "actors": "fnv", "kind": "call"}], [{"id": "fnv"}])]
    ["engagements.csv:2: date: impossible date '2026-02-30' (use YYYY, YYYY-MM or YYYY-MM-DD)"]
    """
    from .model import Table
    from .validate import ProblemLog, validate_team_files

    clean = [{str(k): "" if v is None else str(v).strip() for k, v in r.items()} for r in rows]
    table = Table("engagements.csv", list(ENGAGEMENT_COLUMNS), clean, list(range(2, len(clean) + 2)))
    log = ProblemLog()
    validate_team_files({"engagements.csv": table}, actors, log)
    return log.problems()


def _html_table(rows: Sequence[Mapping[str, str]], lang: str) -> str:
    head = "".join(f"<th>{html.escape(c)}</th>" for c in ENGAGEMENT_COLUMNS)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(r.get(c, '')))}</td>" for c in ENGAGEMENT_COLUMNS) + "</tr>" for r in rows
    )
    return (
        '<section id="engagements" style="font:14px sans-serif;margin:1em;background:#fff">'
        f"<h2>{html.escape(t('engagements', lang))}</h2><p>{html.escape(t('engagements_internal', lang))}</p>"
        f'<table border="1" cellpadding="4" style="border-collapse:collapse"><tr>{head}</tr>{body}</table></section>'
    )


def _pptx_slide(data: bytes, rows: Sequence[Mapping[str, str]], lang: str) -> bytes:
    from pptx import Presentation
    from pptx.util import Inches, Pt

    prs = Presentation(io.BytesIO(data))
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    box = slide.shapes.add_textbox(Inches(0.4), Inches(0.3), prs.slide_width - Inches(0.8), Inches(0.6))
    box.text_frame.text = t("engagements", lang)
    box.text_frame.paragraphs[0].runs[0].font.size = Pt(24)
    columns = ("date", "actors", "kind", "summary", "outcome", "follow_up", "due")
    shown = list(rows)[:14]  # a slide holds about this many readable rows
    table = slide.shapes.add_table(
        len(shown) + 1, len(columns), Inches(0.4), Inches(1.0), prs.slide_width - Inches(0.8), Inches(0.4) * (len(shown) + 1)
    ).table
    for j, c in enumerate(columns):
        table.cell(0, j).text = c
    for i, r in enumerate(shown, 1):
        for j, c in enumerate(columns):
            table.cell(i, j).text = str(r.get(c, ""))
    for row in table.rows:
        for cell in row.cells:
            for p in cell.text_frame.paragraphs:
                for run in p.runs:
                    run.font.size = Pt(12)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def include_in_export(data: bytes, fmt: str, rows: Sequence[Mapping[str, str]], lang: str = "en") -> bytes:
    """An export with the engagement log added, for when the user chose to include it.

    ``csv``: an ``engagements.csv`` in the zip; ``json``: an ``engagements`` list; ``html``: a
    table under the map; ``pptx``: a slide with a table. Pictures (png, svg, pdf), GEXF and
    GraphML stay as they are: they have no place for a log. Only ``rows`` are added (pass
    ``for_shown`` of the view's actors, so the export holds no notes on actors it does not show).
    """
    rows = [{c: str(r.get(c, "")) for c in ENGAGEMENT_COLUMNS} for r in rows]
    if fmt == "csv":
        buf = io.BytesIO(data)
        with zipfile.ZipFile(buf, "a") as zf:
            info = zipfile.ZipInfo("engagements.csv", date_time=(2000, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, csv_text(rows, ENGAGEMENT_COLUMNS).encode("utf-8-sig"))
        return buf.getvalue()
    if fmt == "json":
        doc = json.loads(data)
        doc["engagements"] = rows
        return (json.dumps(doc, sort_keys=True, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    if fmt == "html":
        page = data.decode("utf-8")
        at = page.rfind("</body>")
        section = _html_table(rows, lang)
        page = page[:at] + section + page[at:] if at >= 0 else page + section
        return page.encode("utf-8")
    if fmt == "pptx":
        return _pptx_slide(data, rows, lang)
    return data
