# Two commands on a fresh machine: `make build` builds the site, `make test` passes the tests.
# Both create .venv from the pinned requirements first; nothing else needs installing by hand
# (the browser tests of later work install Debian's chromium in .ci/run).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: build offline test check serve schemas bench clean linkcheck validate integrity audit properdocs

$(BIN)/.installed: requirements.txt requirements-dev.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

# ProperDocs (a maintained fork of MkDocs 1.x) in a venv of its own: .venv stays on MkDocs.
PD_VENV := .venv-properdocs
PLATFORM_TESTS := tests/test_platforms.py tests/test_build.py tests/test_ranges_build.py \
	tests/test_strict.py tests/test_hostile.py

$(PD_VENV)/bin/.installed: requirements-properdocs.txt requirements.txt pyproject.toml
	$(PYTHON) -m venv $(PD_VENV)
	$(PD_VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements-properdocs.txt
	$(PD_VENV)/bin/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

build: $(BIN)/.installed      ## build the site into site/, failing on any warning
	$(BIN)/mkdocs build --strict

offline: $(BIN)/.installed    ## build the offline copy into site-offline/, to open from the file system
	$(BIN)/mkdocs build --strict -f mkdocs.offline.yml

# The accessibility tests (tests/test_a11y.py) run the pinned axe-core in the pages: installed
# below. pytest's -rs lists every skipped test with its reason (a missing tool), and CI=true
# turns such a skip into a failure.
test: $(BIN)/.installed audit/node_modules/.package-lock.json  ## lint, then the whole test suite
	$(BIN)/ruff check mkdocs_plugins tests
	$(BIN)/ruff format --check mkdocs_plugins tests
	$(BIN)/python -m pytest -rs

properdocs: $(BIN)/.installed $(PD_VENV)/bin/.installed  ## the build tests under ProperDocs, then its site against MkDocs' (same but the generator tag)
	SITE_GENERATOR=properdocs $(PD_VENV)/bin/python -m pytest -p no:cacheprovider $(PLATFORM_TESTS)
	$(BIN)/python tests/compare_sites.py $(BIN)/mkdocs $(PD_VENV)/bin/properdocs

check: $(BIN)/.installed      ## validate the content files only (fast)
	$(BIN)/python -m mkdocs_plugins.numbered_document check content

linkcheck: $(BIN)/.installed  ## every internal link and #fragment of both built sites resolves
	$(BIN)/python -m pytest tests/test_integrity.py -k link

validate: $(BIN)/.installed   ## Nu HTML checker on every built page (needs Java)
	$(BIN)/python -m pytest tests/test_integrity.py -k "validator or html5 or theme"

integrity: $(BIN)/.installed  ## reproducible build, link check and HTML validation together
	$(BIN)/python -m pytest tests/test_integrity.py

serve: $(BIN)/.installed      ## live preview; rebuilds when content/ or docs/ change
	$(BIN)/mkdocs serve

schemas: $(BIN)/.installed    ## regenerate schemas/, CONTRIBUTING.md's field reference and the open data's schema
	$(BIN)/python -m mkdocs_plugins.numbered_document schemas content schemas --reference CONTRIBUTING.md --options PACKAGE.md \
		--export-schema mkdocs_plugins/numbered_document/opendata.schema.json

bench: $(BIN)/.installed      ## the plugin's cost next to a plain build, at three sizes (~30 min)
	$(BIN)/python bench/run.py

# Lighthouse and axe-core, pinned in audit/package-lock.json; installed again when it changes,
# from npm's cache when it has them (--prefer-offline).
audit/node_modules/.package-lock.json: audit/package.json audit/package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "npm is missing: it installs axe-core for the \
	accessibility tests and Lighthouse for make audit (apt-get install npm)" >&2; exit 1; }
	npm ci --prefix audit --no-audit --no-fund --prefer-offline
	touch $@

audit: $(BIN)/.installed audit/node_modules/.package-lock.json  ## Lighthouse and axe-core on four pages, failing below the targets (~3 min)
	$(BIN)/python audit/run.py $(AUDIT_ARGS)

clean:
	rm -rf site site-offline $(VENV) $(PD_VENV)
