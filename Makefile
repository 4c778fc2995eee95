# The one place each command lives. README and CI call these targets.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8501
# A wildcard address (ADDRESS=0.0.0.0, to serve a LAN) makes Streamlit look up its external IP on
# the internet at start; the default stays on this machine and makes no request.
ADDRESS ?= localhost

.PHONY: run serve-cluster warehouse build check test test-fast test-browser bench bench-synthetic bench-registry bench-deck fuzz load rerun-cpu lint lock reference fonts clean deck pack preflight

run: $(VENV)/.run-deps  ## set up, build the warehouse if stale, serve at localhost:$(PORT)
	@$(PY) -m etl build --if-stale || { test -f build/CURRENT && echo "Serving the last good warehouse."; }
	$(PY) -m filmdash.serve --server.port $(PORT) --server.address $(ADDRESS)

# N Streamlit workers behind HAProxy (Debian's haproxy), cookie-sticky, health-checked, drained on
# Ctrl-C (docs/deploy.md). WORKERS defaults to the number of cores.
WORKERS ?= $(shell nproc 2>/dev/null || echo 2)
serve-cluster: $(VENV)/.run-deps  ## N workers behind HAProxy at localhost:$(PORT)
	@$(PY) -m etl build --if-stale || { test -f build/CURRENT && echo "Serving the last good warehouse."; }
	$(PY) -m filmdash.cluster --workers $(WORKERS) --port $(PORT) --address $(ADDRESS)

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check uv==0.13.9

# Installs exactly the locked tree (every package pinned, with its hashes): what was tested is what runs.
# --compile-bytecode: where PYTHONDONTWRITEBYTECODE is set, a process never caches what it compiles,
# and each one (a test run, `make deck`, the server) spent seconds compiling ~1,400 modules again.
$(VENV)/.run-deps: requirements.lock | $(VENV)/bin/python
	$(VENV)/bin/uv pip install --quiet --compile-bytecode --python $(PY) --require-hashes -r requirements.lock
	touch $@

$(VENV)/.dev-deps: requirements.lock requirements-dev.lock | $(VENV)/bin/python
	$(VENV)/bin/uv pip install --quiet --compile-bytecode --python $(PY) --require-hashes -r requirements-dev.lock
	touch $@ $(VENV)/.run-deps

lock: | $(VENV)/bin/python  ## re-resolve requirements*.txt into the hashed lock files (the dev tree within the run-time one)
	$(VENV)/bin/uv pip compile requirements.txt --generate-hashes --python-version 3.11 --quiet -o requirements.lock
	$(VENV)/bin/uv pip compile requirements-dev.txt -c requirements.lock --generate-hashes --python-version 3.11 \
		--quiet -o requirements-dev.lock

warehouse: $(VENV)/.run-deps  ## build only when an input or the ETL changed
	$(PY) -m etl build --if-stale

build: $(VENV)/.run-deps
	$(PY) -m etl build

check: $(VENV)/.run-deps
	$(PY) -m etl check

reference: $(VENV)/.dev-deps  ## re-resolve countries, city coordinates and boundaries (build-time only)
	$(PY) -m etl reference

# npm packages for build and test time only (axe-core for the browser tests, Noto Sans SC/TC for
# `make fonts`), exactly as package-lock.json pins them
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

fonts: $(VENV)/.dev-deps node_modules/.package-lock.json  ## subset Noto Sans SC/TC to the characters shown -> static/fonts/ (commit it)
	$(PY) -m etl fonts

# Two workers (the machine has two cores); each test file stays on one worker, so a module's shared
# server or app run is made once.
PYTEST_WORKERS ?= 2

test: $(VENV)/.dev-deps node_modules/.package-lock.json warehouse  ## the whole suite, browser tests included
	$(PY) -m pytest -n $(PYTEST_WORKERS) --dist loadfile

test-fast: $(VENV)/.dev-deps warehouse
	$(PY) -m pytest -n $(PYTEST_WORKERS) --dist loadfile -m "not browser"

fuzz: $(VENV)/.dev-deps  ## the ETL fuzzers with thousands of mutated inputs (make test runs a few hundred)
	HYPOTHESIS_PROFILE=fuzz $(PY) -m pytest tests/etl/test_fuzz.py -o timeout=0 -p no:cacheprovider

bench: $(VENV)/.dev-deps warehouse  ## page and filter timings in headless Chromium -> bench/results.json
	$(PY) -m bench

bench-synthetic: $(VENV)/.dev-deps warehouse  ## /data on 1,000,000 synthetic rows (build/synthetic/): DuckDB, Chromium vs the baseline, server memory; XLSX and release timings -> bench/SYNTHETIC.md
	$(PY) -m bench.synthetic

bench-registry: $(VENV)/.dev-deps  ## registry import (100k) and build (1M companies) on synthetic data -> bench/REGISTRY.md
	$(PY) -m bench.registry

bench-deck: $(VENV)/.dev-deps warehouse  ## make deck cold (caches removed) and warm -> bench/DECK.md
	$(PY) -m bench.deck

deck: $(VENV)/.run-deps warehouse  ## the FilMart deck as PPTX and PDF in each language -> build/handouts/
	$(PY) -m filmdash.presenter.handouts $(if $(PUBLIC_URL),--public-url $(PUBLIC_URL))

pack: $(VENV)/.dev-deps warehouse  ## before the fair, with a network: wheels, warehouse, fonts, handouts -> build/pack/
	$(PY) -m filmdash.fair pack

preflight: $(VENV)/.dev-deps  ## on the fair laptop: offline server, every page and slide, fonts, handouts
	$(PY) -m filmdash.fair preflight

# Protocol-level load test (Locust users speaking Streamlit's websocket protocol) against 10, 50,
# 100 and 200 viewers on one worker, then 1 against WORKERS workers behind HAProxy, then the target
# (100 viewers acting every 10 s) against WORKERS workers -> bench/LOAD.md
load: $(VENV)/.dev-deps warehouse
	$(PY) -m bench.load --workers $(WORKERS)

# Server CPU per rerun, per page and per action (open, filter, language), one viewer at a time
# against one warmed worker -> bench/RERUN_CPU.md (a few minutes; LABEL names the run kept there)
rerun-cpu: $(VENV)/.dev-deps warehouse
	$(PY) -m bench.rerun_cpu --label "$(or $(LABEL),current)"

lint: $(VENV)/.dev-deps
	$(VENV)/bin/ruff check .

clean:
	rm -rf build .pytest_cache
