"""Stakeholder Network Explorer: the pure-Python core (no Streamlit in here)."""

from .data import DataError, Dataset, Problem, load_dataset
from .graph import build_graph

__all__ = ["DataError", "Dataset", "Problem", "load_dataset", "build_graph"]
