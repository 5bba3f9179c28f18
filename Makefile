# Lips and Teeth — the two commands are `make lab` (learners) and `make test` (everything).
# Needs only python3 (>= 3.10) and make. Creates .venv on first use.

PYTHON ?= python3
PORT   ?= 8888
# Every target runs course.py (standard library only), which creates .venv/ when absent, installs the course
# (offline from wheelhouse/ when it holds wheels) and hands the command to `python -m alliancelab` in .venv/.
# Windows and macOS users without make run the same commands as `python course.py lab` etc.
COURSE := $(PYTHON) course.py
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: help lab lab-solutions test student workspace install install-test clean-notebooks sync lint bench book html wheelhouse

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
	@echo "make book           the course as a book, learner and instructor editions, in build/book/ (opens from disk)"
	@echo "make html           the same as make book"
	@echo "make cards          write lesson 05's role-play evidence cards (HTML and Markdown) to build/cards/"
	@echo "make wheelhouse     download every package for Windows, macOS and Linux into wheelhouse/ (USB copies)"
	@echo "Without make: python course.py help"

install:
	$(COURSE) install
install-test:
	$(COURSE) install-test

workspace:
	$(COURSE) workspace

lab:
	$(COURSE) lab --port $(PORT)

lab-solutions:
	$(COURSE) lab-solutions --port $(PORT)

student:
	$(COURSE) student

clean-notebooks:
	$(COURSE) clean-notebooks

# Lesson notebooks and their MyST Markdown twins in lessons_src/ (pairing in jupytext.toml). jupytext --sync
# takes the content from whichever file of a pair is newer and rewrites the other; a text in lessons_src/
# without a notebook (a new lesson written as text) gets one. The notebooks are then stored clean.
sync:
	$(COURSE) sync

lint:
	$(COURSE) lint

test: $(if $(shell command -v npm),hub-proxy,)
	$(COURSE) test $(PYTEST_ARGS)

bench:
	$(COURSE) bench

# The course as a book (src/alliancelab/book.py, book/conf.py): build/book/learner/ and build/book/instructor/.
# Its Sphinx packages are the `book` extra (Python 3.11+), which course.py installs for this command only
# (offline from wheelhouse/ when it holds wheels), never in a learner's environment.
.PHONY: book
book:
	$(COURSE) book
html: book

# Lesson 05's role-play: one evidence card per delegation, generated from the course data (alliancelab.cards).
.PHONY: cards
cards:
	$(COURSE) cards
	@echo "Print build/cards/all_cards.html (one card per page) or hand out build/cards/*.md."

# For a workshop USB stick: wheels for Windows (x86-64), macOS (arm64, x86-64) and Linux (x86-64, aarch64) and
# Python 3.10-3.13, in one folder; an offline install picks the ones that fit. PLATFORM=this for this machine only.
PLATFORM ?= all
wheelhouse:
	$(COURSE) wheelhouse --platform $(PLATFORM)

# Editions and marked coursework (instructors/coursework.md). One place decides what each edition holds:
# alliancelab.student.EDITIONS. The learner edition is its own git repository on branch `learner`, for nbgitpuller.
.PHONY: learner editions hub-proxy
# (course.py hands both to alliancelab.cli: python -m alliancelab.student edition learner --dest build/learner --git)
learner:
	$(COURSE) learner

editions:
	$(COURSE) editions

# configurable-http-proxy (npm) for the JupyterHub test, installed under build/node (never globally).
# 5.3.0 needs Node.js 20 or newer; 4.6.3 runs on older ones.
CHP_VERSION := $(shell node -e 'process.stdout.write(+process.versions.node.split(".")[0] >= 20 ? "5.3.0" : "4.6.3")' 2>/dev/null || echo 4.6.3)
hub-proxy: build/node/node_modules/.bin/configurable-http-proxy
build/node/node_modules/.bin/configurable-http-proxy:
	npm install --prefix build/node --no-audit --no-fund --loglevel=error configurable-http-proxy@$(CHP_VERSION)
