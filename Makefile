# Two commands do all the set-up: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export FLASK_APP := wsgi.py
HOST ?= 127.0.0.1
PORT ?= 5000
# The hand-annotated development corpus that ships beside the project.
CORPUS ?= ../shared/corpus/dev

.PHONY: run test install lock bench bench-install evaluate canary train i18n-extract i18n-update i18n-compile

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall whenever a requirements file changes; hashes are checked for every package.
$(STAMP): $(BIN)/python requirements.txt requirements-dev.txt
	$(BIN)/pip install --quiet --require-hashes -r requirements.txt -r requirements-dev.txt
	touch $(STAMP)

install: $(STAMP) i18n-compile

# Interface translations (Flask-Babel): extract every marked string, merge it into the catalogues,
# compile the .mo files that the app reads (built here, never committed).
TRANSLATIONS := app/translations
POT := $(TRANSLATIONS)/messages.pot
i18n-extract: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg -k lazy_gettext -k t -k tn:1,2 --sort-output --no-location --project "Deliberation capture" -o $(POT) .

i18n-update: i18n-extract
	$(BIN)/pybabel update -i $(POT) -d $(TRANSLATIONS) --no-fuzzy-matching --ignore-obsolete

i18n-compile: $(STAMP)
	$(BIN)/pybabel compile --statistics -d $(TRANSLATIONS)

## Start the app on http://$(HOST):$(PORT) with the demo conference; prints the demo accounts.
run: install
	$(BIN)/flask init-db
	$(BIN)/flask seed-demo
	@echo "Open http://$(HOST):$(PORT)/ and sign in with an account above."
	$(BIN)/flask run --host $(HOST) --port $(PORT)

## Run the whole test suite (real SQLite, real spaCy models, real headless Chromium).
test: install
	$(BIN)/python -m pytest -q

## Recompile the pinned, hashed requirements from the .in files.
lock: $(BIN)/python
	$(BIN)/pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links -o requirements.txt requirements.in
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links -o requirements-dev.txt requirements-dev.in

## Accuracy: the anonymizer on the dev corpus, the sealed held-out notes and the sealed real transcripts,
## each with and without its roster, all/en/fr; then the themes; then the canary (fails if anything survives).
evaluate: install
	$(BIN)/python evaluation/report.py --corpus dev=$(CORPUS) --corpus heldout=evaluation/heldout --corpus heldout-real=evaluation/heldout_real
	$(BIN)/flask evaluate-themes $(CORPUS)/ideas.txt
	$(MAKE) --no-print-directory canary

## Canary: 20 invented people x 20 spellings (400 notes); fails when a name, affiliation or phone survives.
canary: install
	$(BIN)/python -m anonymizer.canary --n-people 20 --seed 0

## Rebuild the trained domain span models (anonymizer/model/en, en-2, fr, fr-2) from synthetic notes; fixed seeds, CPU only.
train: install
	$(BIN)/python -m anonymizer train --lang both --n-notes 8000 --seed 0 --max-steps 3000 --members 2 --out anonymizer/model

# Presidio is for comparison only; its pins would downgrade spaCy's preshed, so no dependency resolution.
bench-install: install
	$(BIN)/pip install --quiet --no-deps -r requirements-bench.txt

## Speed figures: anonymizer vs Presidio vs bare spaCy, capture routes, themes, review pages, exports.
bench: bench-install
	$(BIN)/python benchmarks/anonymizer_bench.py --corpus dev=$(CORPUS) --corpus heldout=evaluation/heldout --corpus heldout-real=evaluation/heldout_real
	$(BIN)/python benchmarks/capture_bench.py
	$(BIN)/python benchmarks/themes_bench.py
	$(BIN)/python benchmarks/review_bench.py
	$(BIN)/python benchmarks/export_bench.py
