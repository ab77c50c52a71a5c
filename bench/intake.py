"""Leave one document out: intake on each source document against the data without that document's relations.

``python -m bench.intake [--documents DIR] [--data DIR] [--detail]`` prints, per document, the
recall of its curated actor pairs (either direction), the share of proposed pairs that are
curated (precision), the share of the pairs found whose proposed type is a curated type of that
pair (same type: a pair found as "opposes" where the data says "advocates for" counts as found
above, not here), the share of quotes that are verbatim (``text[start:end]`` of the document
and found by ``verify``'s lookup), and the seconds intake took. ``--detail`` lists what was missed
and what was proposed beyond the curated data, for tuning the cues honestly.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from network.intake import IntakeError, propose
from network.io.uploads import load_any
from network.verify import quote_in

ROOT = Path(__file__).resolve().parents[1]


def _pairs(rows) -> set[frozenset[str]]:
    return {frozenset((r["source"], r["target"])) for r in rows if r["source"] != r["target"]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.intake", description=__doc__.splitlines()[0])
    parser.add_argument("--documents", default=str(ROOT.parent / "shared" / "seeds"), help="folder of the source documents")
    parser.add_argument("--data", default=str(ROOT / "data"), help="the curated data folder")
    parser.add_argument("--detail", action="store_true", help="list missed and extra pairs")
    parser.add_argument(
        "--ablate",
        action="store_true",
        help="also the pooled figures without the cue-less reading of asks, without the glossary, and without both",
    )
    parser.add_argument(
        "--at-limit",
        action="store_true",
        help="also time a text at intake's size limit (the documents repeated) and its peak memory",
    )
    args = parser.parse_args(argv)
    ds = load_any(args.data)
    folder = Path(args.documents)
    print(
        f"{'document':34} {'curated':>7} {'proposed':>8} {'recall':>7} {'precision':>9} {'same type':>9} "
        f"{'verbatim':>8} {'seconds':>7}"
    )
    totals = {"curated": 0, "proposed": 0, "hit": 0, "typed": 0, "quotes": 0, "verbatim": 0, "seconds": 0.0, "docs": 0}
    for source in ds.sources:
        path = folder / (source.get("file") or "")
        if not path.is_file():
            print(f"{source['id']:34} (no file {source.get('file')!r} in {folder})")
            continue
        doc_id = source["id"]
        others = [r for r in ds.relations if r.get("source_doc") != doc_id]
        curated = _pairs(r for r in ds.relations if r.get("source_doc") == doc_id)
        data = path.read_bytes()
        t0 = time.perf_counter()
        try:
            p = propose(path.name, data, ds, relations=others)
        except IntakeError as exc:
            print(f"{doc_id:34} {exc}")
            continue
        seconds = time.perf_counter() - t0
        proposed = _pairs({"source": c.source, "target": c.target} for c in p.claims)
        hit = curated & proposed
        curated_types: dict[frozenset[str], set[str]] = {}
        for r in ds.relations:
            if r.get("source_doc") == doc_id:
                curated_types.setdefault(frozenset((r["source"], r["target"])), set()).add(r["type"])
        typed = {
            frozenset((c.source, c.target)) for c in p.claims if c.type in curated_types.get(frozenset((c.source, c.target)), ())
        }
        verbatim = sum(1 for c in p.claims if p.text[c.start : c.end] == c.quote and quote_in(c.quote, p.text))
        recall = len(hit) / len(curated) if curated else 1.0
        precision = len(hit) / len(proposed) if proposed else 1.0
        share = verbatim / len(p.claims) if p.claims else 1.0
        same = len(typed) / len(hit) if hit else 1.0
        print(
            f"{doc_id:34} {len(curated):7} {len(proposed):8} {recall:7.0%} {precision:9.0%} {same:9.0%} "
            f"{share:8.0%} {seconds:7.2f}"
        )
        if args.detail:
            names = {a["id"]: a["name"] for a in ds.actors}
            for label, pairs in (("missed", curated - proposed), ("extra", proposed - curated)):
                for pair in sorted(pairs, key=sorted):
                    print(f"    {label}: " + " — ".join(names.get(a, a) for a in sorted(pair)))
        totals["curated"] += len(curated)
        totals["proposed"] += len(proposed)
        totals["hit"] += len(hit)
        totals["typed"] += len(typed)
        totals["quotes"] += len(p.claims)
        totals["verbatim"] += verbatim
        totals["seconds"] += seconds
        totals["docs"] += 1
    if totals["docs"]:
        t = totals
        print(
            f"{'all (pooled)':34} {t['curated']:7} {t['proposed']:8} {t['hit'] / max(t['curated'], 1):7.0%} "
            f"{t['hit'] / max(t['proposed'], 1):9.0%} {t['typed'] / max(t['hit'], 1):9.0%} "
            f"{t['verbatim'] / max(t['quotes'], 1):8.0%} {t['seconds'] / t['docs']:7.2f}"
        )
        print("seconds: mean per document; pairs are actor pairs in either direction")
    if args.ablate:
        _ablate(ds, folder)
    if args.at_limit:
        _at_limit(ds, folder)
    return 0


def _pooled(ds, folder: Path) -> tuple[float, float]:
    hit = curated_n = proposed_n = 0
    for source in ds.sources:
        path = folder / (source.get("file") or "")
        if not path.is_file():
            continue
        others = [r for r in ds.relations if r.get("source_doc") != source["id"]]
        curated = _pairs(r for r in ds.relations if r.get("source_doc") == source["id"])
        p = propose(path.name, path.read_bytes(), ds, relations=others)
        proposed = _pairs({"source": c.source, "target": c.target} for c in p.claims)
        hit, curated_n, proposed_n = hit + len(curated & proposed), curated_n + len(curated), proposed_n + len(proposed)
    return hit / max(curated_n, 1), hit / max(proposed_n, 1)


def _ablate(ds, folder: Path) -> None:
    """What the parts tuned on these documents add: the cue-less reading of asks, and the glossary."""
    from network.intake import claims, glossary

    topic, words = claims.TOPIC_SCORE, dict(glossary.DUTCH)
    try:
        for label, no_topic, no_glossary in (
            ("without the cue-less reading of asks", True, False),
            ("without the glossary", False, True),
            ("without both", True, True),
        ):
            claims.TOPIC_SCORE = float("inf") if no_topic else topic
            glossary.DUTCH.clear()
            if not no_glossary:
                glossary.DUTCH.update(words)
            recall, precision = _pooled(ds, folder)
            print(f"{label:40} recall {recall:4.0%}  precision {precision:4.0%}")
    finally:
        claims.TOPIC_SCORE = topic
        glossary.DUTCH.clear()
        glossary.DUTCH.update(words)


def _at_limit(ds, folder: Path) -> None:
    """Time and peak memory (tracemalloc) of one text just under MAX_CHARS: the worst a single upload can ask."""
    import tracemalloc

    from network.intake.read import MAX_CHARS

    texts = [(folder / s["file"]).read_text("utf-8") for s in ds.sources if (folder / (s.get("file") or "")).is_file()]
    if not texts:
        return
    big = "\n\n".join(texts)
    big = (big * (MAX_CHARS // len(big) + 1))[: MAX_CHARS - 1000]
    tracemalloc.start()
    t0 = time.perf_counter()
    p = propose("at-limit.txt", big.encode("utf-8"), ds)
    seconds = time.perf_counter() - t0
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(
        f"at the size limit ({len(big):,} characters): {seconds:.1f} s, {len(p.claims)} claims, peak {peak / 2**20:.0f} MB traced"
    )


if __name__ == "__main__":
    sys.exit(main())
