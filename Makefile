# newslab — one entry point for set-up, the main job, tests and benchmarks.
# Everything runs inside .venv, created from pyproject.toml on first use.
PYTHON ?= python3.11
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed
OUT    ?= reports
ARTICLE ?= seeds/000_0c9859ee3d48e6bf.txt

.PHONY: setup report test notebooks bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (newslab)" >/dev/null
	touch $(STAMP)

## setup: create .venv with newslab, JupyterLab, the test tools and the python3 kernel
setup: $(STAMP)

## report: the main job — every article notebook on the seed (or ARTICLE=...) → $(OUT)/index.html
report: $(STAMP)
	$(BIN)/newslab report $(ARTICLE) --out $(OUT)

## test: the whole suite — unit tests, notebook parameter runs, nbval over committed outputs
test: $(STAMP)
	$(BIN)/python -m pytest tests notebooks --nbval --nbval-current-env --nbval-sanitize-with notebooks/nbval_sanitize.cfg -p no:cacheprovider

## notebooks: re-execute the notebooks in place so their committed outputs match the code
notebooks: $(STAMP)
	$(BIN)/python -m newslab.report refresh

## bench: benchmark scripts (need the bench extra and NEWSLAB_DATA)
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	for b in benchmarks/*.py; do $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache
