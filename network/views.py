"""Saved views ("perspectives"): named view states as small JSON files in a folder.

Each view is one readable file, ``<folder>/<slug>.json``, holding
``{"name": ..., "state": ViewState.to_dict()}`` with sorted keys, so a team can
review saved views in git like the data. File names are slugs made from the
name (``[a-z0-9-]``, at most 60 characters): no part of a name a user types
ever reaches a path as it is. Saving, renaming and deleting a view writes the data
folder, so each asks for an editor's ``Access`` (:mod:`network.rights`); listing and
loading are for everyone. These functions take no lock: ``network.folder.DataFolder`` calls
them under the data folder's lock, and is the way in for the app and the command line.
"""

from __future__ import annotations

import json
import os
import unicodedata
from pathlib import Path
from typing import Any

from . import text
from .io.atomic import write_bytes_atomic
from .io.folder import default_data_dir
from .rights import Access, require_editor
from .view import ViewState

__all__ = [
    "SLUG_MAX",
    "default_views_dir",
    "slugify",
    "find_view",
    "view_path",
    "save_view",
    "list_views",
    "load_view",
    "rename_view",
    "delete_view",
]

SLUG_MAX = 60
_NAME_MAX = 200


def default_views_dir(data_dir: str | os.PathLike[str] | None = None) -> Path:
    """The folder saved views live in: ``<data dir>/views``."""
    return Path(data_dir if data_dir is not None else default_data_dir()) / "views"


def _check_name(name: object) -> str:
    if not isinstance(name, str):
        raise ValueError(f"a view name must be text, not {type(name).__name__}")
    clean = name.strip()
    if not clean:
        raise ValueError("a view needs a name")
    if any(unicodedata.category(c) == "Cc" for c in clean):
        raise ValueError(f"view name {clean!r} contains control characters")
    if len(clean) > _NAME_MAX:
        raise ValueError(f"view name is {len(clean)} characters; keep it to {_NAME_MAX}")
    return clean


def slugify(name: str) -> str:
    """The file name stem of a view name: lower-case ``[a-z0-9-]``, at most 60 characters.

    Accents are dropped and every other run of characters becomes one ``-``; a name
    with no letters or digits left raises ValueError.

    Examples
    --------
    >>> slugify("Wie steunt de CSDDD?")
    'wie-steunt-de-csddd'
    >>> slugify("../../etc/passwd")
    'etc-passwd'
    >>> slugify("Coalitie één")
    'coalitie-een'
    """
    clean = _check_name(name)
    ascii_text = unicodedata.normalize("NFKD", clean).encode("ascii", "ignore").decode("ascii")
    slug = text.slugify(ascii_text)[:SLUG_MAX].rstrip("-")
    if not slug:
        raise ValueError(f"view name {clean!r} has no letters or digits to make a file name from")
    return slug


def view_path(folder: str | os.PathLike[str], name: str) -> Path:
    """The file of view ``name`` in ``folder`` (which it never leaves)."""
    base = Path(folder)
    path = base / f"{slugify(name)}.json"
    # The slug alphabet has no separators or dots, so this holds; checked all the same.
    if path.parent != base or path.name.startswith("."):
        raise ValueError(f"view name {name!r} does not give a safe file name")
    return path


def find_view(folder: str | os.PathLike[str], name: str) -> Path:
    """The file that holds view ``name``: its slug's file, or any file whose stored name (or stem) it is.

    A view renamed in git keeps its stored name while its file name changes; it is still found.
    Raises FileNotFoundError (naming the view, not the server's path) when none does.
    """
    path = view_path(folder, name)
    if path.is_file():
        return path
    base = Path(folder)
    if base.is_dir():
        for other in sorted(base.glob("*.json")):
            if other.name.startswith("."):
                continue
            try:
                stored = _read(other).get("name")
            except (ValueError, OSError):
                stored = None
            if name in (stored, other.stem):
                return other
    raise FileNotFoundError(f"no saved view named {name!r}")


def _write_atomic(path: Path, text: str) -> None:
    write_bytes_atomic(path, text.encode("utf-8"))


def _read(path: Path) -> dict[str, Any]:
    """A view file's content; ValueError naming the file when it is not a view."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path.name}: not UTF-8 text (byte {exc.start})") from exc
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path.name}: broken JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("state", {}), dict):
        raise ValueError(f'{path.name}: not a saved view (expected {{"name": ..., "state": {{...}}}})')
    return data


def _content(name: str, state: ViewState) -> str:
    return json.dumps({"name": name, "state": state.to_dict()}, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def save_view(folder: str | os.PathLike[str], name: str, state: ViewState, *, access: Access, overwrite: bool = False) -> Path:
    """Save ``state`` as view ``name`` in ``folder`` (created if needed); return the file.

    Saving again under the same name updates the view. A different name that gives
    the same file name (``"CSDDD!"`` and ``"csddd"``) raises FileExistsError unless
    ``overwrite`` is true.

    Examples
    --------
    >>> import tempfile
    >>> from network.rights import LOCAL_EDITOR
    >>> folder = tempfile.mkdtemp()
    >>> save_view(folder, "Wie steunt CSDDD", ViewState(themes=["csddd"]), access=LOCAL_EDITOR).name
    'wie-steunt-csddd.json'
    >>> load_view(folder, "Wie steunt CSDDD").themes
    ['csddd']
    """
    require_editor(access, "save a view")
    clean = _check_name(name)
    base = Path(folder)
    path = view_path(base, clean)
    if path.exists() and not overwrite:
        try:
            existing = _read(path).get("name")
        except ValueError:
            existing = None
        if existing != clean:
            raise FileExistsError(f"a view named {existing!r} is saved under this file name ({path.name}); choose another name")
    base.mkdir(parents=True, exist_ok=True)
    _write_atomic(path, _content(clean, state))
    return path


def list_views(folder: str | os.PathLike[str]) -> list[str]:
    """Names of the views saved in ``folder``, sorted case-insensitively ([] if there is none).

    A file that does not read as a view is listed by its file name, so it can be
    found; loading it raises the error that says what is wrong.
    """
    base = Path(folder)
    if not base.is_dir():
        return []
    names = []
    for path in base.glob("*.json"):
        if path.name.startswith("."):
            continue
        try:
            name = _read(path).get("name")
        except (ValueError, OSError):
            name = None
        names.append(name if isinstance(name, str) and name.strip() else path.stem)
    return sorted(names, key=lambda n: (n.casefold(), n))


def load_view(folder: str | os.PathLike[str], name: str) -> ViewState:
    """The state saved as view ``name``.

    Raises FileNotFoundError when there is no such view and ValueError (naming the
    file) when the file is not valid JSON or not a view. Values the state no longer
    understands are dropped by ``ViewState.from_dict``; actors or types that left
    the data are reported by ``apply_view`` as notes.
    """
    return ViewState.from_dict(_read(find_view(folder, name)).get("state", {}))


def rename_view(folder: str | os.PathLike[str], old: str, new: str, *, access: Access, overwrite: bool = False) -> Path:
    """Rename view ``old`` to ``new``; return the new file.

    Raises FileNotFoundError when ``old`` is not saved and FileExistsError when
    another view already has the new file name (unless ``overwrite``).
    """
    require_editor(access, "rename a view")
    old_path = find_view(folder, old)
    state = ViewState.from_dict(_read(old_path).get("state", {}))
    clean = _check_name(new)
    new_path = view_path(folder, clean)
    if new_path != old_path and new_path.exists() and not overwrite:
        raise FileExistsError(f"a view is already saved under this file name ({new_path.name}); choose another name")
    _write_atomic(new_path, _content(clean, state))
    if new_path != old_path:
        old_path.unlink()
    return new_path


def delete_view(folder: str | os.PathLike[str], name: str, *, access: Access) -> None:
    """Delete view ``name``; FileNotFoundError when it is not saved."""
    require_editor(access, "delete a view")
    find_view(folder, name).unlink()
