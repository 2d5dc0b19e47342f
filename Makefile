# make run   install what is missing, then start the desktop app
# make test  install what is missing, then run the whole test suite headless
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test deps system-deps lint bench screenshots translations train-scorer clean

run: deps
	@$(BIN)/python main.py || [ $$? -eq 2 ]  # 2: no display, already explained

# The live-microphone tests need the PulseAudio fake microphone, and the sync tests a throwaway
# PostgreSQL cluster; both are set up and torn down here. The suite runs on every core (XDIST).
XDIST ?= -n auto --dist loadfile
test: deps
	@bash .ci/fake-microphone.sh start
	@dsn=$$(bash .ci/postgres.sh start) || { bash .ci/fake-microphone.sh stop; exit 1; }; \
	  TRAINER_FAKE_MIC=1 TRAINER_TEST_PG_DSN=$$dsn $(BIN)/python -m pytest $(XDIST) $(PYTEST_ARGS); status=$$?; \
	  bash .ci/postgres.sh stop; bash .ci/fake-microphone.sh stop; exit $$status

deps: system-deps $(STAMP)

system-deps:
	@bash .ci/system-packages.sh

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $(STAMP)

lint: deps
	$(BIN)/ruff check trainer tests bench docs training main.py
	$(BIN)/lint-imports
	$(BIN)/mypy

bench: deps
	@for b in bench/*.py; do echo "== $$b"; $(BIN)/python $$b; done

screenshots: deps
	xvfb-run -a -s "-screen 0 1400x900x24" $(BIN)/python docs/screenshots.py

# After changing visible strings: refresh the .ts from the code, fill it from
# assets/translations/zh_CN.py and compile the .qm (fails naming any untranslated string).
translations: deps
	$(BIN)/pyside6-lupdate trainer/ui/*.py -ts assets/translations/trainer_zh_CN.ts -no-obsolete
	$(BIN)/python assets/translations/fill_translations.py

# Re-fit the scorer from training/ (see training/README.md): the punctuation model, the item
# detectors, then their thresholds on whole replies of the dev set. Writes assets/rubric/*.npz and
# training/metrics.json; deterministic; a few minutes the first time (embeddings are cached after).
train-scorer: deps
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[train]'
	$(BIN)/python training/check_corpus.py training/corpus/*.jsonl > /dev/null
	$(BIN)/python training/train_punctuation.py
	$(BIN)/python training/train_scorer.py
	$(BIN)/python training/tune_thresholds.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache .hypothesis
