# innotwin — the two commands a fresh machine needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint messages clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "innotwin needs Python 3.11 or newer; set PYTHON=python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $@

## run: install, set up the SQLite database with the demo programme, and serve http://127.0.0.1:8000
run: $(VENV)/.installed
	scripts/ensure-system-packages.sh run
	$(BIN)/innotwin demo
	$(BIN)/innotwin serve --host $(HOST) --port $(PORT)

## test: install what the tests need, lint, type-check and run the whole suite with coverage
test: $(VENV)/.installed-test
	scripts/ensure-system-packages.sh test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/pytest --cov --cov-report=term

## lint: format the code and fix what ruff can
lint: $(VENV)/.installed-test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## messages: refresh the Korean catalogue from the source, then compile it (needs GNU gettext)
messages: $(VENV)/.installed-test
	cd src/innotwin && DJANGO_SETTINGS_MODULE=innotwin.config.settings ../../$(BIN)/django-admin makemessages -l ko --no-location --no-obsolete
	$(BIN)/python scripts/compile_messages.py

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache .coverage
