# Stakeholder Network Explorer — the two commands that matter are `make run` and `make test`.
VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CHROMIUM ?= /usr/bin/chromium

.PHONY: install install-dev chromium graphviz jemalloc js run serve test unit e2e lint format validate benchmark clean

# Create .venv (if needed) and install the runtime dependencies; re-runs only when requirements.txt changes.
install: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# Add the test and lint tools on top of the runtime.
install-dev: $(VENV)/.installed-dev

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# Debian's Chromium for the browser tests (Playwright cannot download browsers here).
chromium:
	@test -x $(CHROMIUM) || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; }
	@test -x $(CHROMIUM)

# Graphviz's neato lays the map out with room for every label (issue 23); without it the map is laid
# out by igraph alone and labels may touch.
graphviz:
	@command -v neato >/dev/null || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq graphviz >/dev/null; }

# jemalloc for a served app (see serve): optional, so a machine without apt still serves.
jemalloc:
	@ls /usr/lib/*/libjemalloc.so.2 >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libjemalloc2 >/dev/null; } || true

# graphology-gexf (the GEXF reader Gephi Lite uses) for the export tests, run by Debian's Node.js.
js: tests/js/node_modules/.package-lock.json

tests/js/node_modules/.package-lock.json: tests/js/package.json tests/js/package-lock.json
	@command -v npm >/dev/null || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nodejs npm >/dev/null; }
	npm ci --prefix tests/js --no-audit --no-fund --loglevel=error
	touch $@

# Start the app on the bundled data (or on $$NETWORK_DATA_DIR), for this machine only (127.0.0.1).
run: install graphviz
	$(VENV)/bin/streamlit run app.py --server.address 127.0.0.1

# Serve a team on every interface (port $$PORT, default 8501): refuses to start unless the server is
# read-only (NETWORK_READ_ONLY=1) or editors must log in (.streamlit/secrets.toml); no error details in the browser.
PORT ?= 8501
# The server runs on jemalloc (Debian's libjemalloc2), which hands freed memory back to the system within
# seconds: with glibc's malloc a 10-session soak left the server 117 MB above its idle figure a minute
# after everyone left, with jemalloc 33 MB (python -m bench.soak). Without the library, glibc with two
# arenas (each session's thread would otherwise keep an arena of its own).
MALLOC_ARENAS ?= 2
JEMALLOC_CONF ?= background_thread:true,dirty_decay_ms:5000,muzzy_decay_ms:5000
serve: install graphviz jemalloc
	$(PY) -m ui.auth check
	LD_PRELOAD=$$(ls /usr/lib/*/libjemalloc.so.2 2>/dev/null | head -n 1) MALLOC_CONF=$(JEMALLOC_CONF) \
	MALLOC_ARENA_MAX=$(MALLOC_ARENAS) $(VENV)/bin/streamlit run app.py --server.address 0.0.0.0 --server.port $(PORT) \
		--client.showErrorDetails none --client.toolbarMode viewer --browser.gatherUsageStats false

# Every test: unit, doctests, app tests and browser tests in headless Chromium.
test: install-dev chromium graphviz js
	$(PY) -m pytest

# The fast loop: everything but the browser tests, spread over every core (pytest-xdist). tests/e2e is
# not even imported (each worker would load Playwright for nothing), and bytecode is cached even where
# PYTHONDONTWRITEBYTECODE is set: each worker otherwise compiles and rewrites every module anew, ~5 s a run.
unit: install-dev graphviz js
	PYTHONDONTWRITEBYTECODE= $(PY) -m pytest -m "not e2e" --ignore=tests/e2e -n auto

# Only the browser tests.
e2e: install-dev chromium graphviz
	$(PY) -m pytest -m e2e

# Check the bundled data and print its counts.
validate: install
	$(PY) -m network validate data

# Time the pipeline on synthetic data (100 to 10,000 actors) against the naive pyvis path,
# then the running app in Chromium: cold start, reload, each change until the map shows it.
benchmark: install-dev chromium
	$(PY) -m bench --sizes 100,1000,5000,10000 --markdown --app

# Lint, check formatting, and check the import contract (the layers in pyproject.toml: no upward import).
# Python: ruff, the import layers, types. The map's JavaScript (biome.json names the files): Biome.
lint: install-dev js
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check . && $(VENV)/bin/lint-imports && $(VENV)/bin/mypy
	tests/js/node_modules/.bin/biome ci .

# Format the code.
format: install-dev js
	$(VENV)/bin/ruff format . && $(VENV)/bin/ruff check --fix .
	tests/js/node_modules/.bin/biome check --write .

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
