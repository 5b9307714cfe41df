# Two entry points: `make demo` (set up, build the seeds into build/) and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install demo test browser eval clean

# torch is installed first and pinned: a plain `pip install stanza` would pull a
# multi-GB CUDA build; 2.13.0 is the CPU build.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/kg build seeds/ --out build/
	$(BIN)/kg eval build/graph.ttl seeds/gold/coalition_meeting_2017_ar.entities.tsv seeds/gold/coalition_meeting_2017_ar.facts.tsv

# Debian's chromium and chromedriver for the browser tests (skipped when they cannot be installed).
browser:
	@scripts/setup_browser.sh

# The browser tests must run, not skip, where chromium could be installed.
test: $(STAMP) browser
	KG_REQUIRE_BROWSER=1 $(BIN)/python -m pytest -q

clean:
	rm -rf build .pytest_cache
