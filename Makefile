# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
HOST   ?= 0.0.0.0
PORT   ?= 5000

.PHONY: install run demo test test-fast messages clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $(STAMP)

install: $(STAMP)

## Create the demo event (idempotent) and serve on the LAN; prints the links.
run: install
	@$(BIN)/facilitator demo >/dev/null
	exec $(BIN)/facilitator serve --host $(HOST) --port $(PORT)

demo: install
	$(BIN)/facilitator demo

## The whole suite, browser tests included (Chromium: system first, else Playwright's).
test: install
	@$(BIN)/python tests/browser/find_chromium.py --ensure
	$(BIN)/python -m pytest -q

test-fast: install
	$(BIN)/python -m pytest -q -m "not browser"

## Re-extract user-visible strings and merge them into the catalogues.
messages: install
	$(BIN)/pybabel extract -F babel.cfg -o /tmp/facilitator-messages.pot .
	$(BIN)/pybabel update -i /tmp/facilitator-messages.pot -d facilitator/translations --no-fuzzy-matching

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
