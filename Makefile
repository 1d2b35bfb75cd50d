# One entry point for people and CI. `make run` and `make test` do all set-up on a fresh machine.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
UB := $(VENV)/bin/unionbench
export UNIONBENCH_DB ?= var/unionbench.duckdb
PORT ?= 8501
LOCK := requirements.lock
TEST_LOCK := requirements-test.lock
PIP_TOOLS := pip-tools==7.6.2
HOST ?= 127.0.0.1  # this machine only; HOST=0.0.0.0 make run serves the office network (put it behind the proxy)

.PHONY: run test test-fast lint bench install install-test browser db clean lock
.PHONY: serve deploy-deps bench-scaleout bench-screen

$(PY):
	python3 -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# Reinstall only when the dependency list changes. Dependencies come from the lock files (exact versions with
# hashes), then the project itself without resolving anything again.
$(VENV)/.installed: pyproject.toml $(LOCK) | $(PY)
	$(PIP) install --quiet -r $(LOCK)
	$(PIP) install --quiet --no-deps -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(TEST_LOCK) | $(PY)
	$(PIP) install --quiet -r $(TEST_LOCK)
	$(PIP) install --quiet --no-deps -e .
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

# Debian's chromium and a CJK font for browser tests (playwright's own browser download fails offline), and
# LibreOffice Writer to check that the Word briefing's tables lay out in a real office suite.
browser:
	@if ! command -v chromium >/dev/null || ! command -v soffice >/dev/null \
	    || ! fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  $$SUDO apt-get install -y -qq chromium fonts-noto-cjk libreoffice-writer-nogui >/dev/null; \
	fi

# A new database gets the demo data; an existing one is migrated and republished (init is idempotent).
db: install
	@if [ -f "$(UNIONBENCH_DB)" ]; then $(UB) init; else $(UB) init --demo; fi

# Accounts live in the database: a new database gets the demo ones from `init --demo` (README).
run: install db
	$(VENV)/bin/streamlit run dashboard.py --server.address $(HOST) --server.port $(PORT)

test: install-test browser deploy-deps
	$(PY) -m pytest

# The inner loop: every test that needs no browser, server, subprocess, wheel build or office suite (README: Test
# tiers), on two workers, each taking whole files (a module's shared fixtures are built once); nothing to install
# beyond the test lock.
FAST := not browser and not wheel and not crash and not system and not office
# Compiled modules and pytest's rewritten test modules are kept in __pycache__ (ignored by git) even where the
# environment sets PYTHONDONTWRITEBYTECODE: otherwise each of the three processes compiles them again (~2.5 s CPU).
# The tests' folders go to memory (/dev/shm) where it has room (4 GB; a container's is often 64 MB): the tier writes
# some 10 GB of database copies and snapshots, each checkpoint waits for the disk, and nothing of it outlives its
# test (tmp_path_retention_policy), so a few hundred MB are in use at a time.
FAST_TMP := $(shell [ -w /dev/shm ] && [ "$$(df --output=avail -k /dev/shm 2>/dev/null | tail -1)" -ge 4194304 ] \
	2>/dev/null && echo /dev/shm)
test-fast: install-test
	PYTHONDONTWRITEBYTECODE= $(if $(FAST_TMP),TMPDIR=$(FAST_TMP)) $(PY) -m pytest -p xdist -n 2 --dist loadfile -m "$(FAST)"

lint: install-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# Every speed figure beside its goal (Superset when one answers at SUPERSET_URL, the CLI, ingest, page reruns, 20 and
# 50 sessions, first paint), then foundation, ingest, national scale and page reruns: appended to bench/RESULTS.md.
bench: install-test browser deploy-deps
	$(PY) bench/run.py

# The wall screen over time and the briefing: its first frame, 30 minutes open (SOAK_MINUTES), the Word briefing.
bench-screen: install-test browser
	$(PY) bench/briefing.py
	$(PY) bench/screen_first_frame.py
	SOAK_MINUTES=$${SOAK_MINUTES:-30} $(PY) bench/screen_soak.py

# Caches and build output only: the database, its snapshots and the upload archive in var/ are data, not cache, and
# stay (delete var/ yourself to start from nothing; `make run` then builds a new demo database).
clean:
	rm -rf .pytest_cache .ruff_cache var/*.cache tests/artifacts build dist

# Refresh the lock files from pyproject.toml: added or changed dependencies are resolved and the other
# pins stay; `make lock UPGRADE=1` moves every pin to the newest release within pyproject's bounds. The test lock is
# resolved first and constrains the runtime lock, so both give every shared package the same version.
LOCK_FLAGS = --quiet --generate-hashes --strip-extras --no-emit-index-url --no-emit-find-links \
	--annotation-style line --newline lf $(if $(UPGRADE),--upgrade)
lock: | $(PY)
	$(PIP) install --quiet $(PIP_TOOLS)
	CUSTOM_COMPILE_COMMAND="make lock" $(VENV)/bin/pip-compile $(LOCK_FLAGS) --extra test -o $(TEST_LOCK) pyproject.toml
	CUSTOM_COMPILE_COMMAND="make lock" $(VENV)/bin/pip-compile $(LOCK_FLAGS) -c $(TEST_LOCK) -o $(LOCK) pyproject.toml

# Scale-out: nginx (Debian package, run unprivileged from var/serve/) in front of REPLICAS dashboard
# processes on 127.0.0.1:8601… with sticky sessions, and the writer instance for uploads under /admin/ (:8600).
# The site file and systemd units for a real server are in deploy/. HOST=0.0.0.0 serves the office network.
REPLICAS ?= 2
SERVE_PORT ?= 8080
deploy-deps:
	@if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq nginx-light >/dev/null; \
	fi

serve: install db deploy-deps
	$(PY) -m unionbench.serve --replicas $(REPLICAS) --host $(HOST) --port $(SERVE_PORT)

# 50 sessions through nginx with 1, 2 and 4 replicas, and the first paint of the bare page, overview and wall screen.
bench-scaleout: install-test browser deploy-deps
	$(PY) bench/proxy.py
	$(PY) bench/first_paint.py
