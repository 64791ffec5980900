# odsamen: run `make help` for the list of targets.
# Every target creates the virtual environment .venv on first use.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DATA ?= data
OUT ?= reports
EXPLORE_PORT ?= 8866

.DEFAULT_GOAL := help
.PHONY: help briefings validate test lab explore lint notebooks bench lock clean

help: ## List the targets
	@echo "odsamen: analysis notebooks and board briefings"
	@echo
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*## (.*)/  make \1\t\2/' | expand -t 20

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $@

briefings: $(STAMP) ## Validate the data and build the board pack in reports/
	$(BIN)/odsamen briefings --data $(DATA) --out $(OUT)

validate: $(STAMP) ## Check the tables in data/ and summarise them
	$(BIN)/odsamen validate --data $(DATA)

test: $(STAMP) ## Lint, unit tests and nbval regression checks of the notebooks
	$(BIN)/ruff check lib tests benchmarks
	$(BIN)/python -m pytest -n auto --dist loadfile
	$(BIN)/python -m pytest --nbval notebooks --nbval-sanitize-with notebooks/nbval-sanitize.cfg --nbval-current-env -p no:cacheprovider -n auto --dist loadfile

notebooks: $(STAMP) ## Re-run the notebooks and keep their outputs as the new reference
	$(BIN)/odsamen notebooks

bench: $(STAMP) ## Time the board pack build against the plain papermill/nbconvert loop
	$(BIN)/python benchmarks/bench.py

# Lab is rooted at the repository (so jupytext finds jupytext.toml and pairs each notebook with its
# script) and opens on notebooks/.
lab: $(STAMP) ## Open JupyterLab with odsamen installed
	$(BIN)/jupyter lab --ServerApp.root_dir="$(CURDIR)" --LabApp.default_url=/lab/tree/notebooks

explore: $(STAMP) ## Serve the explorer (notebooks/00-explorer.ipynb) as a web page on localhost, no code shown
	@echo "The explorer will be at http://127.0.0.1:$(EXPLORE_PORT)/ (the first load draws every figure; Ctrl-C stops it)"
	JUPYTER_PATH="$(CURDIR)/share/jupyter" $(BIN)/voila notebooks/00-explorer.ipynb --template=odsamen \
		--no-browser --port $(EXPLORE_PORT) --Voila.ip=127.0.0.1

lint: $(STAMP) ## Check and format the code with ruff
	$(BIN)/ruff check --fix lib tests benchmarks
	$(BIN)/ruff format lib tests benchmarks

lock: ## Re-pin requirements.txt from pyproject.toml in a scratch environment
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --upgrade pip
	.lock-venv/bin/python -m pip install --quiet ".[dev]"
	{ sed -n '1,2p' requirements.txt; .lock-venv/bin/pip freeze --exclude-editable | grep -v '^odsamen'; } > requirements.new
	mv requirements.new requirements.txt && rm -rf .lock-venv

clean: ## Remove the virtual environment and generated reports
	rm -rf $(VENV) $(OUT) $(OUT).partial
