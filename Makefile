# Build the explainer site from sources/. `make help` lists the targets.
.DEFAULT_GOAL := all
.DELETE_ON_ERROR:

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
STAMPS := .build
export NO_MKDOCS_2_WARNING := 1

# One line that changes whenever a file in sources/ or generator/ is added, removed or edited
# (file names may contain spaces, which make's own prerequisite lists cannot hold).
state = $(shell find $(1) -type f -not -path '*/__pycache__/*' -printf '%p %s %T@\n' 2>/dev/null | sort | cksum)
# The published address and the commit are in the pages' citations (generator/render/cite_this.py).
INPUTS := $(call state,sources generator) $(REPO_URL) $(SITE_URL) $(shell grep -s '^site_url' mkdocs.yml) \
	$(shell git rev-parse HEAD 2>/dev/null)
THEME  := $(call state,mkdocs.yml generator/publish)

.PHONY: all test test-fast system-tools check serve clean help lock bench audit FORCE translations paragraphs \
	new-source new-term new-actor new-site new-language update-source confirm-paragraph rename-source remove-source changes

all: $(STAMPS)/site ## Set up .venv, generate docs/ from sources/, build site/ (default)

$(BIN)/.installed: requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $@

# The test tools, on top: only `make test` and `make test-fast` install them.
$(BIN)/.installed-test: $(BIN)/.installed requirements-test.lock
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock -r requirements-test.lock
	touch $@

# Stamps that change only when what they describe changes, so `make` skips work it need not do.
$(STAMPS)/inputs: FORCE
	@mkdir -p $(STAMPS)
	@echo '$(INPUTS)' | cmp -s - $@ || echo '$(INPUTS)' > $@

$(STAMPS)/theme: FORCE
	@mkdir -p $(STAMPS)
	@echo '$(THEME)' | cmp -s - $@ || echo '$(THEME)' > $@

# The generator touches $(STAMPS)/pages only when it wrote or removed a page.
$(STAMPS)/docs: $(BIN)/.installed $(STAMPS)/inputs
	$(PY) -m generator generate --stamp $(STAMPS)/pages
	@touch $@

$(STAMPS)/pages: $(STAMPS)/docs ;

$(STAMPS)/site: $(STAMPS)/pages $(STAMPS)/theme
	$(PY) -m generator.publish.build
	@touch $@

node_modules/.installed: package.json package-lock.json | system-tools
	npm ci --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

# Chromium, Java and npm: installed when missing (as root or with sudo), or a stop with the command.
system-tools:
	@bash tools/system-tools.sh

# The tiers (markers in pyproject.toml): test-fast leaves out what needs MkDocs, a browser or Java.
PYTEST := $(PY) -m pytest -n auto

test: system-tools $(BIN)/.installed-test $(STAMPS)/site node_modules/.installed ## The whole test suite, the full gate (unit, end-to-end, browser, Java)
	$(PYTEST)

test-fast: $(BIN)/.installed-test ## The tests that need no MkDocs build, browser or Java (the edit loop)
	$(PYTEST) -m "not build and not browser and not java"

check: $(BIN)/.installed ## Validate sources/ without building; lists missing or stale translations
	$(PY) -m generator check

paragraphs: $(BIN)/.installed ## Every paragraph with the key to cite it by: make paragraphs [ID=001]
	@$(PY) -m generator paragraphs $(ID)

translations: $(BIN)/.installed ## List missing and stale translations per file (UPDATE=1 adds TODO entries)
	$(PY) -m generator translations $(if $(UPDATE),--update)

changes: $(BIN)/.installed ## What a change does to the site, as Markdown: make changes BASE=origin/main
	@test -n "$(BASE)" || { echo "usage: make changes BASE=<git ref>"; exit 2; }
	@$(PY) -m generator changes --base "$(BASE)"

new-source: $(BIN)/.installed ## Add an article: make new-source FILE=path/to/article.txt [LANGUAGE=xx]
	@test -n "$(FILE)" || { echo "usage: make new-source FILE=path/to/article.txt [LANGUAGE=xx]"; exit 2; }
	$(PY) -m generator new source "$(FILE)" $(if $(LANGUAGE),--language "$(LANGUAGE)")

new-term: $(BIN)/.installed ## Start a glossary term: make new-term ID=example-term
	@test -n "$(ID)" || { echo "usage: make new-term ID=<id>"; exit 2; }
	$(PY) -m generator new term "$(ID)"

new-actor: $(BIN)/.installed ## Start an actor profile: make new-actor ID=jane-doe
	@test -n "$(ID)" || { echo "usage: make new-actor ID=<id>"; exit 2; }
	$(PY) -m generator new actor "$(ID)"

new-site: $(BIN)/.installed ## Start your own explainer: make new-site DIR=../my-site LANGUAGES=en,id [TITLE="..."]
	@test -n "$(DIR)" -a -n "$(LANGUAGES)" || { echo 'usage: make new-site DIR=<new folder> LANGUAGES=en,id [TITLE="..."]'; exit 2; }
	$(PY) -m generator new-site "$(DIR)" --languages "$(LANGUAGES)" --title "$(TITLE)"

new-language: $(BIN)/.installed ## Interface words for another language: make new-language LANG=fr
	@test "$(origin LANG)" = "command line" || { echo "usage: make new-language LANG=<code> (e.g. LANG=fr)"; exit 2; }
	$(PY) -m generator new-language "$(LANG)"

# REASON="..." is in the site's first language; REASON_en="..." (any language code) adds another.
REASONS = $(if $(REASON),--reason "$(REASON)") \
	$(foreach v,$(filter REASON_%,$(.VARIABLES)),--reason "$(v:REASON_%=%)=$($(v))")

update-source: $(BIN)/.installed ## Record a corrected source: make update-source ID=001 FILE=new.txt REASON="..."
	@test -n "$(ID)" || { echo 'usage: make update-source ID=<document> FILE=<corrected text> [REASON="..."]'; exit 2; }
	$(PY) -m generator update-source "$(ID)" $(if $(FILE),--file "$(FILE)") $(REASONS)

confirm-paragraph: $(BIN)/.installed ## After a correction: make confirm-paragraph ID=001 PARAGRAPH=7 (or all)
	@test -n "$(ID)" -a -n "$(PARAGRAPH)" || { echo "usage: make confirm-paragraph ID=<document> PARAGRAPH=<key ...|all>"; exit 2; }
	$(PY) -m generator confirm-paragraph "$(ID)" $(PARAGRAPH)

rename-source: $(BIN)/.installed ## Give a source a new id: make rename-source ID=003 TO=003_example-news
	@test -n "$(ID)" -a -n "$(TO)" || { echo "usage: make rename-source ID=<document> TO=<new id>"; exit 2; }
	$(PY) -m generator rename-source "$(ID)" "$(TO)"

remove-source: $(BIN)/.installed ## Take a source out: make remove-source ID=003 REASON="..."
	@test -n "$(ID)" || { echo 'usage: make remove-source ID=<document> [REASON="..."]'; exit 2; }
	$(PY) -m generator remove-source "$(ID)" $(REASONS)

# The preview regenerates docs/ itself, out of make's sight: the next `make` rebuilds site/.
serve: $(STAMPS)/docs ## Preview at http://127.0.0.1:8000/ (or PORT=...), regenerating when sources/ change
	@rm -f $(STAMPS)/site
	SITE_URL=http://127.0.0.1:$(or $(PORT),8000)/ $(PY) -m mkdocs serve --dev-addr 127.0.0.1:$(or $(PORT),8000) \
	  -f "$$(SITE_URL=http://127.0.0.1:$(or $(PORT),8000)/ $(PY) -m generator.publish.builder_config)"

clean: ## Remove generated pages, site/ and build stamps (keeps .venv)
	test ! -x $(PY) || $(PY) -m generator clean
	rm -rf site .site.new .site.new.* .site.old $(STAMPS)

# requirements.lock: the [project] dependencies' tree. requirements-test.lock: what the `test` extras
# add to it, resolved with requirements.lock as constraints so that the two never disagree. The lists
# are read from pyproject.toml (the project itself is not installed).
LOCK_VENV := $(STAMPS)/lock-venv
LOCK_PIP  := $(LOCK_VENV)/bin/pip --quiet --disable-pip-version-check
wanted     = $(PYTHON) -c 'import sys, tomllib; p = tomllib.load(open("pyproject.toml", "rb"))["project"]; \
	print("\n".join(p["dependencies"] if sys.argv[1] == "build" else p["optional-dependencies"]["test"]))' $(1) \
	> $(LOCK_VENV)/$(1).in

lock: ## Re-pin requirements.lock (builds the site) and requirements-test.lock (tests) from pyproject.toml
	rm -rf $(LOCK_VENV) && $(PYTHON) -m venv $(LOCK_VENV)
	$(call wanted,build) && $(call wanted,test)
	$(LOCK_PIP) install -r $(LOCK_VENV)/build.in
	{ echo '# What builds the site, every package pinned. Generated by `make lock` from pyproject.toml.'; \
	  $(LOCK_PIP) freeze; } > requirements.lock
	$(LOCK_PIP) install --constraint requirements.lock -r $(LOCK_VENV)/test.in
	{ echo '# The test tools (the `test` extras) beyond requirements.lock, pinned. Generated by `make lock`.'; \
	  $(LOCK_PIP) freeze | grep -vxF -f requirements.lock; } > requirements-test.lock
	rm -rf $(LOCK_VENV)

bench: $(BIN)/.installed ## Benchmark 10, 100 and 1,000 synthetic documents; writes BENCHMARKS.md
	$(PY) tools/bench.py

# `make audit`: checkers we did not write, at these versions, installed under .build/audit on first
# use (npm and the package index needed then; Chromium and Java always). vnu comes from package.json.
AUDIT_NPM := lighthouse@12.8.2 pa11y@9.1.1
AUDIT_PIP := LinkChecker==10.6.0

$(STAMPS)/audit/installed: FORCE
	@mkdir -p $(@D)
	@echo '$(AUDIT_NPM) $(AUDIT_PIP)' | cmp -s - $@ || { set -e; \
	  PUPPETEER_SKIP_DOWNLOAD=1 npm install --prefix $(@D) --no-save --ignore-scripts --no-audit --no-fund \
	    --loglevel=error $(AUDIT_NPM); \
	  test -x $(@D)/venv/bin/pip || $(PYTHON) -m venv $(@D)/venv; \
	  $(@D)/venv/bin/pip install --quiet --disable-pip-version-check $(AUDIT_PIP); \
	  echo '$(AUDIT_NPM) $(AUDIT_PIP)' > $@; }

audit: $(STAMPS)/site node_modules/.installed $(STAMPS)/audit/installed ## vnu, LinkChecker, pa11y, Lighthouse; writes BENCHMARKS.md (ONLY=pa11y KINDS=timeline: a part)
	$(PY) tools/audit.py $(AUDIT_ARGS)

AUDIT_ARGS = $(if $(ONLY),--only "$(ONLY)") $(if $(KINDS),--kinds "$(KINDS)") \
	$(if $(LANGUAGES),--langs "$(LANGUAGES)") $(if $(FINDINGS),--findings "$(FINDINGS)")

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'
