"""Waiting for the run of the app that a person's action starts.

Since issue 26 every change reruns the whole page. The page's ``data-test-script-state`` is
``notRunning`` before the action and again after its run, so reading it right after a click can
pass before the run has even started. ``after_run`` counts the runs that end instead: it watches
the attribute's changes from the page itself and waits until a run that began after the action
has ended.
"""

from __future__ import annotations

from collections.abc import Callable

# Each change of the attribute is recorded with its old value: a record whose old value was
# "running" (or "rerunRequested") marks a run that ended, however quickly the states followed.
_WATCH = """() => {
  if (window.__sneTestRunsEnded !== undefined) { return window.__sneTestRunsEnded; }
  window.__sneTestRunsEnded = 0;
  const app = document.querySelector('[data-testid=stApp]');
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.oldValue === 'running' || r.oldValue === 'rerunRequested') { window.__sneTestRunsEnded += 1; }
    }
  }).observe(app, {attributes: true, attributeFilter: ['data-test-script-state'], attributeOldValue: true});
  return 0;
}"""

_ENDED = """(before) => window.__sneTestRunsEnded > before
  && document.querySelector('[data-testid=stApp]').dataset.testScriptState === 'notRunning'"""


def after_run(page, action: Callable[[], object], timeout: float = 30.0) -> None:
    """Do ``action`` (a click, a key) and wait until the app's run it started is over."""
    before = page.evaluate(_WATCH)
    action()
    page.wait_for_function(_ENDED, arg=before, timeout=timeout * 1000)
