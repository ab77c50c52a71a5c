"""The power-interest grid's picture as the app shows it (issue 23): labels in their dot's quadrant,
readable at 1280x720, nothing cut, footnotes only when they apply."""

from __future__ import annotations

import pytest

from network import build_graph, load_dataset
from network.grid import QUADRANTS, grid
from network.presentation.figure import LABEL_GID, label_collisions
from network.presentation.grid_figure import SCREEN_FIGSIZE, SCREEN_LABEL_PT, grid_figure, grid_texts

from .conftest import DATA, ROOT

SCREEN = {"size": SCREEN_FIGSIZE, "label_pt": SCREEN_LABEL_PT, "min_pt": SCREEN_LABEL_PT}


@pytest.fixture(scope="module")
def bundled_grid():
    return grid(build_graph(load_dataset(ROOT / "data")), None)


def _drawn(fig):
    fig.canvas.draw()
    return fig.canvas.get_renderer()


def _quadrant_boxes(fig, renderer):
    ax = fig.axes[0]
    return {
        p.get_gid()[len("quadrant-") :]: p.get_window_extent(renderer)
        for p in ax.patches
        if str(p.get_gid()).startswith("quadrant-")
    }


def _inside(inner, outer, slack: float = 0.5) -> bool:
    return (
        inner.x0 >= outer.x0 - slack
        and inner.x1 <= outer.x1 + slack
        and inner.y0 >= outer.y0 - slack
        and inner.y1 <= outer.y1 + slack
    )


def test_every_label_lies_in_its_dots_quadrant(bundled_grid):
    from network.presentation.grid_figure import _label

    fig = grid_figure(bundled_grid, **SCREEN)
    renderer = _drawn(fig)
    quadrants = _quadrant_boxes(fig, renderer)
    assert set(quadrants) == set(QUADRANTS)
    by_text = {_label(r, 18): r["quadrant"] for r in bundled_grid["actors"]}
    labels = [x for x in fig.axes[0].texts if x.get_gid() == LABEL_GID]
    assert len(labels) >= 20
    for label in labels:
        q = by_text[label.get_text()]
        assert _inside(label.get_window_extent(renderer), quadrants[q]), f"{label.get_text()!r} left {q}"
    for line in fig.axes[0].lines:
        if line.get_gid() == "leader-line":  # a leader line never crosses into another quadrant
            assert any(_inside(line.get_window_extent(renderer), box) for box in quadrants.values())


def test_the_most_influential_quadrants_are_labelled_in_full(bundled_grid):
    fig = grid_figure(bundled_grid, **SCREEN)
    shown = {x.get_text() for x in fig.axes[0].texts if x.get_gid() == LABEL_GID}
    for r in bundled_grid["actors"]:
        if r["quadrant"] in ("manage_closely", "keep_satisfied", "keep_informed"):
            assert any(r["label"] in s.replace("\n", " ") for s in shown), r["name"]


def test_the_apps_picture_is_readable_at_1280x720_and_nothing_is_cut(bundled_grid):
    # Shown at its natural size (96 px to the inch): 11 pt is 14.7 px, and the picture fits the
    # main column at 1280x720 (820 px).
    assert SCREEN_LABEL_PT * 96 / 72 >= 14 and SCREEN_FIGSIZE[0] * 96 <= 820
    fig = grid_figure(bundled_grid, **SCREEN)
    c = label_collisions(fig)
    assert c.smallest_pt >= SCREEN_LABEL_PT and (c.overlapping_pairs, c.covered, c.cut) == (0, 0, 0)
    renderer = _drawn(fig)
    page = fig.bbox
    for text in fig.texts:  # heading and footer lines: the footer was cut at the right ("…Europes")
        assert _inside(text.get_window_extent(renderer), page), text.get_text()


def test_the_footnote_on_assessments_shows_only_when_a_score_came_from_them(bundled_grid):
    assert not any("assessments.csv" in x for x in grid_texts(bundled_grid, **SCREEN))
    ds = load_dataset(DATA / "stakeholder")
    assert ds.assessments
    assessed = grid(build_graph(ds), "vmp", ds.assessments)
    assert any("assessments.csv" in x for x in grid_texts(assessed, **SCREEN))
