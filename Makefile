# make run   install what is missing, then start the desktop app
# make test  install what is missing, then run the whole test suite headless
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test deps system-deps lint bench clean

run: deps
	@$(BIN)/python main.py || [ $$? -eq 2 ]  # 2: no display, already explained

test: deps
	@$(BIN)/python -m pytest $(PYTEST_ARGS)

deps: system-deps $(STAMP)

system-deps:
	@bash .ci/system-packages.sh

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $(STAMP)

lint: deps
	$(BIN)/ruff check trainer tests bench main.py
	$(BIN)/lint-imports
	$(BIN)/mypy

bench: deps
	@for b in bench/*.py; do echo "== $$b"; $(BIN)/python $$b; done

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache .hypothesis
