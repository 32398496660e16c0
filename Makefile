# sddc.manager: one command to test, one to demo. Everything they install and write stays in the
# checkout: .venv (test tools), .venv-demo (ansible-core and requests only), .build (builds, logs, and
# the HOME that ansible-test, ansible-lint and antsibull use), demo-output (what the demo wrote).
#   make test   sanity, lint, unit and integration tests, then one summary line per stage
#   make demo   start the simulator and run the docs' example playbooks against it

PYTHON ?= python3
VENV := $(CURDIR)/.venv
BIN := $(VENV)/bin
BUILD := $(CURDIR)/.build
# ansible-test needs the collection at .../ansible_collections/<namespace>/<name>
SRC_COPY := $(BUILD)/src/ansible_collections/sddc/manager
INSTALLED := $(BUILD)/collections
SANITY_PYTHON ?= $(shell $(PYTHON) -c 'import sys; print("%d.%d" % sys.version_info[:2])')
# ansible-test warns unless it runs in en_US.UTF-8; use it where the machine has it (.ci/run makes it).
TEST_LOCALE := $(if $(shell locale -a 2>/dev/null | grep -i '^en_US.utf-\?8$$'),en_US.UTF-8,C.UTF-8)

# ansible-test keeps its venvs (about 130 MB) and antsibull its log under HOME: keep them here.
TOOL_HOME := $(BUILD)/home
DEMO_VENV := $(CURDIR)/.venv-demo
DEMO_COLLECTIONS := $(BUILD)/demo/collections

export ANSIBLE_COLLECTIONS_PATH := $(INSTALLED)
export ANSIBLE_HOME := $(BUILD)/ansible-home
# Where modules run on localhost (remote_tmp, by default ~/.ansible/tmp).
export ANSIBLE_REMOTE_TEMP := $(BUILD)/ansible-home/remote-tmp
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: test test-matrix sanity lint units integration docs demo benchmark collection venv clean

test:
	@tests/utils/run-stages.sh sanity lint units integration

venv: $(VENV)/.installed

$(VENV)/.installed: requirements.txt tests/requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r tests/requirements.txt
	touch $@

# A copy of the working tree where ansible-test wants it, and the built artifact installed
# the way users install it (ansible-galaxy), so tests run what Galaxy would ship.
collection: venv
	rm -rf $(BUILD)/src $(INSTALLED) $(BUILD)/dist
	mkdir -p $(INSTALLED) $(BUILD)/dist
	tests/utils/copy-collection.sh $(SRC_COPY)
	cd $(SRC_COPY) && $(BIN)/ansible-galaxy collection build --force --output-path $(BUILD)/dist >/dev/null
	$(BIN)/ansible-galaxy collection install --force -p $(INSTALLED) $(BUILD)/dist/sddc-manager-*.tar.gz >/dev/null

sanity: collection
	mkdir -p $(TOOL_HOME)
	HOME=$(TOOL_HOME) $(BIN)/python tests/utils/pip_bootstrap_shim.py
	cd $(SRC_COPY) && HOME=$(TOOL_HOME) LC_ALL=$(TEST_LOCALE) $(BIN)/ansible-test sanity --venv \
	    --python $(SANITY_PYTHON) --color no

# Sanity and unit tests on every supported ansible-core, each with a Python it supports.
CORE_MATRIX ?= 2.16:3.11 2.17:3.11 2.18:3.11 2.19:3.11 2.20:3.12 2.21:3.13
test-matrix:
	@set -e; for pair in $(CORE_MATRIX); do \
	    tests/utils/run-core.sh $${pair%%:*} $${pair##*:}; \
	done

# ansible-lint over the whole tree as a contributor runs it (settings in .ansible-lint), the plugin
# and extra docs, the changelog, and galaxy-importer on the built artifact (any warning fails); and
# flake8 over all the Python: pycodestyle at 120 columns (as ansible-test's pep8, stricter), unused imports.
lint: collection
	$(BIN)/flake8 --max-line-length=120 --select=E,W,F401,F811,F841 --extend-ignore=E402,W503,W504 \
	    plugins tests simulator benchmarks docs
	mkdir -p $(TOOL_HOME)
	cd $(SRC_COPY) && HOME=$(TOOL_HOME) PATH=$(BIN):$$PATH LC_ALL=$(TEST_LOCALE) $(BIN)/ansible-lint --nocolor
	cd $(SRC_COPY) && HOME=$(TOOL_HOME) PATH=$(BIN):$$PATH $(BIN)/antsibull-docs lint-collection-docs --plugin-docs .
	HOME=$(TOOL_HOME) $(BIN)/antsibull-changelog lint
	cd $(BUILD) && HOME=$(TOOL_HOME) PATH=$(BIN):$$PATH $(BIN)/python -m galaxy_importer.main $(BUILD)/dist/sddc-manager-*.tar.gz \
	    > $(BUILD)/galaxy-importer.log 2>&1 || { cat $(BUILD)/galaxy-importer.log; exit 1; }
	@if grep -E '^(WARNING|ERROR)' $(BUILD)/galaxy-importer.log; then echo 'galaxy-importer warned'; exit 1; fi
	@tail -n 1 $(BUILD)/galaxy-importer.log

# PYTEST_ARGS picks tests, for example PYTEST_ARGS='-k findings'. The branch coverage of plugins/ is
# printed (per file, then TOTAL) after the tests.
PYTEST_ARGS ?=
units: collection
	cd $(SRC_COPY) && PYTHONPATH=$(BUILD)/src $(BIN)/python -m pytest -q -p no:cacheprovider \
	    --import-mode=importlib --cov=plugins --cov-branch --cov-report=term:skip-covered tests/unit $(PYTEST_ARGS)

# Each test drives ansible-playbook against a simulator over real sockets and waits on it most of the
# time, so the tests run on INTEGRATION_WORKERS pytest-xdist workers, each with simulators of its own
# (INTEGRATION_WORKERS=0 runs them in one process).
INTEGRATION_WORKERS ?= 2
integration: collection
	PATH=$(BIN):$$PATH $(BIN)/python -m pytest -q -rs -p no:cacheprovider --import-mode=importlib \
	    -n $(INTEGRATION_WORKERS) tests/integration $(PYTEST_ARGS)

# The demo needs only what a user installs: ansible-core and requests, in their own small venv.
$(DEMO_VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(DEMO_VENV)
	$(DEMO_VENV)/bin/pip install --quiet --upgrade pip
	$(DEMO_VENV)/bin/pip install --quiet 'ansible-core>=2.16' -r requirements.txt
	touch $@

demo: $(DEMO_VENV)/.installed
	rm -rf $(BUILD)/demo
	mkdir -p $(DEMO_COLLECTIONS)
	$(DEMO_VENV)/bin/ansible-galaxy collection build --force --output-path $(BUILD)/demo . >/dev/null
	ANSIBLE_COLLECTIONS_PATH=$(DEMO_COLLECTIONS) $(DEMO_VENV)/bin/ansible-galaxy collection install --force \
	    -p $(DEMO_COLLECTIONS) \
	    $(BUILD)/demo/sddc-manager-*.tar.gz >/dev/null
	ANSIBLE_COLLECTIONS_PATH=$(DEMO_COLLECTIONS) PATH=$(DEMO_VENV)/bin:$$PATH docs/demo/run-demo.sh

# HTML docs of every module, the action, the role and the guides in docs/docsite/ (antsibull-docs).
docs: collection
	mkdir -p $(TOOL_HOME)
	HOME=$(TOOL_HOME) PATH=$(BIN):$$PATH docs/build-docsite.sh $(BUILD)/docsite

# Prints figures: the findings walker on 100,000-node results; a diff and a trend; four ways to wait (wall, CPU,
# connections, logins, latency). Not a test.
benchmark: collection
	PYTHONPATH=$(BUILD)/src $(BIN)/python benchmarks/findings_benchmark.py
	PYTHONPATH=$(BUILD)/src $(BIN)/python benchmarks/history_benchmark.py
	$(BIN)/python benchmarks/wait_benchmark.py
	PATH=$(BIN):$$PATH $(BIN)/python benchmarks/fleet_benchmark.py --managers 10 50 --duration 20

clean:
	rm -rf $(VENV) $(DEMO_VENV) $(BUILD) tests/output demo-output
