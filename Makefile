# Lips and Teeth — the two commands are `make lab` (learners) and `make test` (everything).
# Needs only python3 (>= 3.10) and make. Creates .venv on first use.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8888
# Root (containers, CI) must opt in explicitly; a learner's normal account needs nothing.
ROOT_FLAG := $(shell [ "$$(id -u)" = "0" ] && echo --allow-root)
LAB    := $(BIN)/jupyter lab --config=jupyter/jupyter_server_config.py --ServerApp.port=$(PORT) $(ROOT_FLAG)

.PHONY: help lab lab-solutions test student workspace install install-test clean-notebooks sync lint bench html wheelhouse

help:
	@echo "make lab            set up (first time), add missing lessons to workspace/, open JupyterLab"
	@echo "make test           set up (first time) and run the whole test suite"
	@echo "make lab-solutions  open the master notebooks (with solutions) for instructors"
	@echo "make student        write student versions to build/student/"
	@echo "make learner        write the learner edition (no answers, for a hub or a download) to build/learner/, a git repo"
	@echo "make editions       also the self-study and instructor editions, in build/self-study/ and build/instructor/"
	@echo "make clean-notebooks  strip outputs and widget state from the masters"
	@echo "make sync           pair each lesson notebook with its text in lessons_src/ (the newer file wins), then clean"
	@echo "make lint           run ruff over src/, tests/ and benchmarks/ (make test runs it too)"
	@echo "make bench          time notebooks, explorer callbacks and browser repaints; write benchmarks/results.md"
	@echo "make html           execute every lesson and write a static, offline-readable site to build/html/"
	@echo "make wheelhouse     download every package into wheelhouse/ for offline installs (USB copies)"

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else "Python 3.10 or newer is needed; found " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)

# Re-install when the pins change.
# Offline (a USB copy with wheelhouse/): install from it and never touch the network.
WHEELHOUSE := $(wildcard wheelhouse/*.whl)
PIP_OFFLINE := $(if $(WHEELHOUSE),--no-index --find-links wheelhouse,)

$(VENV)/.installed-core: pyproject.toml | $(BIN)/python
	$(if $(WHEELHOUSE),@echo "Installing offline from wheelhouse/",$(BIN)/python -m pip install --upgrade pip)
	$(BIN)/python -m pip install $(PIP_OFFLINE) -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed-core
	$(BIN)/python -m pip install -e '.[test]'
	@touch $@

install: $(VENV)/.installed-core
install-test: $(VENV)/.installed-test

workspace: install
	$(BIN)/python -m alliancelab.student workspace --src notebooks --dest workspace

lab: workspace
	$(LAB) --ServerApp.root_dir=workspace

lab-solutions: install
	$(LAB) --ServerApp.root_dir=notebooks

student: install
	$(BIN)/python -m alliancelab.student build --src notebooks --dest build/student

clean-notebooks: install
	$(BIN)/python -m alliancelab.nbtools clean notebooks/*.ipynb

# Lesson notebooks and their MyST Markdown twins in lessons_src/ (pairing in jupytext.toml). jupytext --sync
# takes the content from whichever file of a pair is newer and rewrites the other; a text in lessons_src/
# without a notebook (a new lesson written as text) gets one. The notebooks are then stored clean.
LESSON_NOTEBOOKS := $(wildcard notebooks/[0-9][0-9]_*.ipynb)
NEW_LESSON_TEXTS := $(filter-out $(LESSON_NOTEBOOKS:notebooks/%.ipynb=lessons_src/%.md),$(wildcard lessons_src/[0-9][0-9]_*.md))

sync: install-test
	$(BIN)/jupytext --sync $(LESSON_NOTEBOOKS) $(NEW_LESSON_TEXTS)
	$(BIN)/python -m alliancelab.nbtools clean notebooks/[0-9][0-9]_*.ipynb

lint: install-test
	$(BIN)/python -m ruff check src tests conftest.py benchmarks

test: install-test student
	@mkdir -p build
	@start=$$(date +%s); \
	$(BIN)/python -m pytest tests notebooks build/student --nbval-lax --nbval-current-env $(PYTEST_ARGS); status=$$?; \
	echo $$(( $$(date +%s) - start )) > build/make-test-seconds.txt; exit $$status

bench: install-test
	$(BIN)/python benchmarks/bench.py

html: install
	$(BIN)/python -m alliancelab.site --src notebooks --out build/html --syllabus lessons.md
	@echo "Open build/html/index.html in a browser (no server needed)."

# For a workshop USB stick: the packages for this machine's platform and Python version.
wheelhouse: | $(BIN)/python
	$(BIN)/python -m pip download -d wheelhouse . "setuptools>=77" wheel
	rm -f wheelhouse/alliancelab-*
	@echo "wheelhouse/ is ready: copy the whole course folder, wheelhouse/ included, to the USB stick."

# Editions and marked coursework (instructors/coursework.md). One place decides what each edition holds:
# alliancelab.student.EDITIONS. The learner edition is its own git repository on branch `learner`, for nbgitpuller.
.PHONY: learner editions hub-proxy
learner: install
	$(BIN)/python -m alliancelab.student edition learner --dest build/learner --git
	@echo "Publish it: git -C build/learner push <your fork's git URL> learner:learner --force (see instructors/coursework.md)."

editions: learner
	$(BIN)/python -m alliancelab.student edition self-study --dest build/self-study
	$(BIN)/python -m alliancelab.student edition instructor --dest build/instructor

# configurable-http-proxy (npm) for the JupyterHub test, installed under build/node (never globally).
CHP_VERSION := 5.3.0
hub-proxy: build/node/node_modules/.bin/configurable-http-proxy
build/node/node_modules/.bin/configurable-http-proxy:
	npm install --prefix build/node --no-audit --no-fund --loglevel=error configurable-http-proxy@$(CHP_VERSION)
