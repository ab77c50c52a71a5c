"""The Streamlit interface: one module per panel. Only this package (and app.py) imports Streamlit.

Each panel reads its widgets and calls ``network`` for everything else; session keys live
in ``ui.keys`` and every message goes through ``ui.messages``.
"""
