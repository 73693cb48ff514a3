# claimsift set-up contract: `make run` and `make test` work on a fresh machine with Python 3.11 and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
EXAMPLE := examples/nk_troops_transcript.txt
REPORT := report.md

.PHONY: install install-dev run test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .

install-dev: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'

run: install
	$(BIN)/claimsift analyze $(EXAMPLE) \
	  --hypothesis "North Korean troops are deployed in Russia to fight against Ukraine" \
	  --hypothesis "Russia and North Korea have a treaty that obliges each to give the other military assistance" \
	  --format markdown -o $(REPORT)
	@echo "Report written to $(REPORT)"

test: install-dev
	$(BIN)/python -m pytest -q

lint: install-dev
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy src

bench: install
	$(BIN)/python bench/speed.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache
