"""Property: any bytes as a CSV give either data or a clear validation error, never a crash."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from network import DataError, load_dataset

GOOD = Path(__file__).parent / "data" / "good"
_FORMAT = r"^.+:\d+: .+$"

csv_like = st.one_of(
    st.binary(max_size=400),
    st.lists(
        st.lists(st.text(alphabet=st.characters(codec="utf-8"), max_size=12), min_size=1, max_size=8).map(
            lambda cells: ",".join(cells)
        ),
        max_size=8,
    ).map(lambda lines: ("id,name,type\n" + "\n".join(lines)).encode("utf-8", "surrogatepass")),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(which=st.sampled_from(["actors.csv", "relations.csv", "sources.csv"]), content=csv_like)
def test_any_bytes_give_data_or_a_clear_error(which: str, content: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "data"
        shutil.copytree(GOOD, folder)
        (folder / which).write_bytes(content)
        try:
            ds = load_dataset(folder)
        except DataError as exc:
            assert exc.errors, "a DataError always carries at least one error"
            for p in exc.errors:
                assert p.file.endswith(".csv") or p.file.endswith("data")
                assert p.message and p.line >= 0
                assert str(p).count(":") >= 2
        else:
            ids = {a["id"] for a in ds.actors}
            assert all(r["source"] in ids and r["target"] in ids for r in ds.relations)
