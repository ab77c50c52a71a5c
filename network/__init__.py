"""Stakeholder Network Explorer: the pure core (no Streamlit anywhere under this package)."""

from .graph import build_graph
from .io.folder import load_dataset
from .model import DataError, Dataset, Problem

__all__ = ["DataError", "Dataset", "Problem", "load_dataset", "build_graph"]
