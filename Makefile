# Both targets set up .venv on first use, so a fresh clone needs nothing else.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: test demo lint clean screenshot

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	# torch first, from the local CPU build: a bare torch requirement pulls a multi-GB CUDA build.
	$(BIN)/python -m pip install --quiet torch==2.13.0
	# llama-cpp-python compiles from source the first time (about 12 minutes on 2 cores); pip caches the wheel.
	$(BIN)/python -m pip install -e '.[dev]'
	touch $(STAMP)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: lint
	$(BIN)/pytest -q

demo: $(STAMP)
	$(BIN)/python -m frontier.demo

# The README's picture of the report, through the browser test's code path.
screenshot: $(STAMP)
	test -f reports/demo.html || $(MAKE) demo
	$(BIN)/python -m reports.browser reports/demo.html docs/report.png

clean:
	rm -rf $(VENV) runs
