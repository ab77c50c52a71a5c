"""igraph for the layouts and communities: imported without its matplotlib drawing, fed our graphs.

igraph's C code lays out and clusters big maps fast; this module is the one door to it, so
no other module pays for (or has to remember) the way it is imported.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Hashable
from importlib.abc import MetaPathFinder
from typing import TYPE_CHECKING, Any

import networkx as nx

if TYPE_CHECKING:  # igraph takes half a second to import: only where it is used
    import igraph

__all__ = ["import_igraph", "to_igraph"]


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
