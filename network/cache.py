"""In-memory results by graph: one graph fingerprint, one small LRU cache and a per-graph memo.

``graph_key`` and ``LRUCache`` work by the graph's structure (node ids and edge ends, in order):
attributes do not change a layout or a centrality, so a re-styled graph is a cache hit.
``per_graph`` keeps results for as long as one graph object lives. Results kept on disk
across restarts are ``network.diskcache``'s job.
"""

from __future__ import annotations

import functools
import hashlib
import weakref
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import networkx as nx

__all__ = ["graph_key", "LRUCache", "per_graph"]

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
