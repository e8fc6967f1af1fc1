# Two commands do everything on a fresh Debian machine (as root):
#   make site   set up, then build every role's site into site/
#   make test   set up, then run the whole test suite
VENV   := .venv
PY     := $(VENV)/bin/python
GUIDES := $(VENV)/bin/guides
# This repository is one project that uses the package, installed editable with the exact
# versions in constraints.txt (pyproject.toml only gives compatible ranges).
PIN    := -c constraints.txt
# Debian packages: WeasyPrint's text engine, PDF tools, git (easy-read stamps), and
# for the tests Debian's own Chromium (no browser is ever downloaded).
SITE_DEBS := python3-venv libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core git
TEST_DEBS := chromium poppler-utils

.PHONY: site test check serve setup setup-test clean

site: setup
	$(GUIDES) build

test: setup-test
	$(PY) -m pytest -q

check: setup
	$(GUIDES) check

serve: setup
	$(GUIDES) serve --role $(or $(ROLE),partner)

setup: $(VENV)/.installed

setup-test: setup
	@$(MAKE) --no-print-directory debs DEBS="$(TEST_DEBS)"
	@test -f $(VENV)/.installed-test || { $(PY) -m pip install -q $(PIN) -e '.[test]' && touch $(VENV)/.installed-test; }

$(VENV)/.installed: pyproject.toml constraints.txt
	@$(MAKE) --no-print-directory debs DEBS="$(SITE_DEBS)"
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check $(PIN) -e .
	rm -f $(VENV)/.installed-test
	touch $@

# Install only the Debian packages that are missing (apt-get needs root).
debs:
	@missing=""; for p in $(DEBS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null \
	    || { echo "Could not install:$$missing (run as root, or install them yourself)"; exit 1; }; \
	fi

clean:
	rm -rf site .guides-cache
