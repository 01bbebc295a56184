# Two commands on a fresh machine: `make serve` (build the bundled atlas and serve it on
# http://127.0.0.1:8000) and `make test` (everything CI runs). Both set up what is missing:
# a .venv from the lock file, npm assets from package-lock.json, and system packages.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

JS     := $(wildcard src/continuous_function/static/js/*.js)

.PHONY: serve test setup system lint typecheck jscheck lock clean

serve: setup
	$(BIN)/cfn serve curriculum

test: setup system
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts
	$(BIN)/mypy
	$(MAKE) --no-print-directory jscheck
	$(BIN)/pytest -n 2

# Syntax of every browser module (read as an ES module: node 20 skips files with `import` given
# by name, so each goes in on stdin).
jscheck:
	@for f in $(JS); do node --input-type=module --check < $$f || { echo "$$f: syntax error"; exit 1; }; done

setup: $(STAMP) node_modules/.package-lock.json

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements.lock
	$(BIN)/python -m pip install -q --no-deps -e .
	touch $@

node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

system:
	sh scripts/system-deps.sh

lock:
	$(BIN)/pip-compile -q --extra dev --strip-extras --no-header -o requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) node_modules site .cache
