# The two commands the README starts with: `make demo` and `make test`.
# Both create .venv when it is missing and install the project into it first.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DEMO_OUT ?= demo-out

.PHONY: install system-deps demo test lint bench clean-demo

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# Debian chromium + chromium-driver for the browser tests (a warning, not a failure, outside CI).
system-deps:
	@scripts/system-deps.sh

demo: install
	$(VENV)/bin/storyline run examples/corpus --out $(DEMO_OUT)
	@echo "Browse it: $(VENV)/bin/storyline serve --db $(DEMO_OUT)/storyline.db  (then open http://127.0.0.1:8000/)"

# pytest exits 5 when it collected no test: that is a failure here, never a silent pass.
test: install system-deps
	@$(PY) -m pytest; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: failing"; exit 1; fi; \
	exit $$rc

lint: install
	$(VENV)/bin/ruff check src tests benchmarks

bench: install
	for b in benchmarks/*.py; do case $$b in */_*) continue;; esac; $(PY) $$b || exit 1; done

clean-demo:
	rm -rf $(DEMO_OUT)
