"""One graph fingerprint and one small LRU cache, for the layout and the analysis.

Both cache work by the graph's structure (node ids and edge ends, in order): attributes
do not change a layout or a centrality, so a re-styled graph is a cache hit.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sys
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from importlib.abc import MetaPathFinder
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import networkx as nx

from .io.atomic import write_bytes_atomic

if TYPE_CHECKING:  # igraph takes half a second to import: only where it is used
    import igraph

__all__ = ["graph_key", "LRUCache", "to_igraph", "import_igraph", "per_graph", "cache_dir", "disk_get"]

V = TypeVar("V")


def graph_key(G: nx.Graph, *extra: object) -> str:
    """A hash of the graph's structure (and ``extra``, e.g. a seed): equal keys, equal results.

    Examples
    --------
    >>> graph_key(nx.path_graph(3)) == graph_key(nx.path_graph(3))
    True
    >>> graph_key(nx.path_graph(3)) == graph_key(nx.path_graph(4)), graph_key(nx.path_graph(3), 1) == graph_key(nx.path_graph(3), 2)
    (False, False)
    """
    h = hashlib.sha256(f"{type(G).__name__}\2{extra!r}\2".encode())
    for n in G.nodes:
        h.update(f"{n!r}\0".encode())
    h.update(b"\2")
    for u, v in G.edges():
        h.update(f"{u!r}\1{v!r}\0".encode())
    return h.hexdigest()


class LRUCache(Generic[V]):
    """The newest ``size`` results by key; ``misses`` counts how often one had to be computed."""

    def __init__(self, size: int):
        self.size = size
        self._items: OrderedDict[str, V] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def get(self, key: str, make: Callable[[], V]) -> V:
        if key in self._items:
            self.hits += 1
            self._items.move_to_end(key)
            return self._items[key]
        self.misses += 1
        value = self._items[key] = make()
        if len(self._items) > self.size:
            self._items.popitem(last=False)
        return value

    def clear(self) -> None:
        self._items.clear()


def per_graph(fn: Callable[..., V]) -> Callable[..., V]:
    """Keep ``fn(G, *args)`` for as long as the graph object lives: for graphs nobody changes after
    building them (the app's full graph, a page's shown graph) asked the same thing several times.

    A graph that cannot be weakly referenced is simply worked out each time.
    """
    kept: weakref.WeakKeyDictionary[Any, dict[tuple[Any, ...], V]] = weakref.WeakKeyDictionary()

    @functools.wraps(fn)
    def cached(G: Any, *args: Any) -> V:
        try:
            results = kept.setdefault(G, {})
        except TypeError:
            return fn(G, *args)
        if args not in results:
            results[args] = fn(G, *args)
        return results[args]

    return cached


def cache_dir() -> Path | None:
    """Where results survive a restart: ``$NETWORK_CACHE_DIR``, else the user's cache folder; None if "off"."""
    env = os.environ.get("NETWORK_CACHE_DIR")
    if env == "off":
        return None
    return Path(env) if env else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "stakeholder-network-explorer"


def disk_get(namespace: str, key: str, make: Callable[[], list[list[Any]]]) -> list[list[Any]]:
    """``make()``'s result (JSON-able pairs) kept on disk under ``key``, so a restart need not recompute it.

    A missing, damaged or unwritable cache only costs the computation: it never fails the caller.
    """
    folder = cache_dir()
    path = folder / namespace / f"{key}.json" if folder else None
    if path is not None:
        try:
            return json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            pass
    value = make()
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_bytes_atomic(path, json.dumps(value).encode("utf-8"))
        except OSError:
            pass
    return value


class _NoMatplotlibInThisThread(MetaPathFinder):
    """Refuses matplotlib to the one thread importing igraph (other threads import it as usual)."""

    def __init__(self) -> None:
        self.thread = threading.get_ident()

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        if threading.get_ident() == self.thread and name.partition(".")[0] == "matplotlib":
            raise ImportError("matplotlib is not needed for igraph's layouts")
        return None


_IGRAPH_IMPORT = threading.Lock()


def import_igraph() -> Any:
    """The igraph module, imported without its matplotlib drawing.

    igraph's drawing code imports matplotlib.pyplot when matplotlib is installed (for us it is:
    the picture exports). That was 0.35 s of the 0.4 s an ``import igraph`` costs, in every
    first layout of a big map and every CLI export that lays one out (issue 13). We only use
    igraph's layouts and communities; its drawing falls back to a stand-in that says
    matplotlib is missing. matplotlib itself stays importable: the finder refuses it only to
    the thread importing igraph, and only while it does.
    """
    with _IGRAPH_IMPORT:  # a second thread waits for the whole module, not half of it
        if "igraph" in sys.modules or "matplotlib" in sys.modules:  # done, or matplotlib already paid for
            import igraph

            return igraph
        finder = _NoMatplotlibInThisThread()
        sys.meta_path.insert(0, finder)
        try:
            import igraph
        finally:
            sys.meta_path.remove(finder)
        return igraph


def to_igraph(G: nx.Graph) -> tuple[list[Hashable], igraph.Graph]:
    """The undirected simple graph as igraph, with the node list giving vertex order."""
    igraph = import_igraph()

    nodes = list(G.nodes)
    index = {n: i for i, n in enumerate(nodes)}
    edges = sorted({(min(index[u], index[v]), max(index[u], index[v])) for u, v in G.edges() if u != v})
    return nodes, igraph.Graph(n=len(nodes), edges=edges)
