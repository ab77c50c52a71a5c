"""The app as app.py runs it, counting its whole-page runs in the file ``$SNE_RUN_COUNT``.

A section's own rerun (a fragment) does not run this file again, so the count tells a test
whether a change ran the whole page or only the section it was made in (issue 13).
"""

import os
import runpy
from pathlib import Path

if __name__ == "__main__":  # as streamlit runs it (pytest's doctest collection imports it too)
    count = Path(os.environ["SNE_RUN_COUNT"])
    count.write_text(str(int(count.read_text() or "0") + 1 if count.exists() else 1), "utf-8")
    runpy.run_path(str(Path(__file__).resolve().parents[2] / "app.py"), run_name="__main__")
