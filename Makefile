# The README's two commands: `make run` and `make test`. Both set everything up.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
PACKS ?=
# Test processes (pytest-xdist): one a core by default; `make test TEST_WORKERS=0` runs in one.
# Tests marked with one xdist_group run in one process, sharing what they build once.
TEST_WORKERS ?= auto
INSTALLED := $(VENV)/.installed

.PHONY: run stop test install lint format demo-packs clean mutation

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(INSTALLED)

install: $(INSTALLED)

# Links in emails and the API name the address `make run` serves.
run: export ARCHIVE_BASE_URL ?= http://127.0.0.1:$(PORT)
run: $(INSTALLED)
	DEBUG=1 $(BIN)/python manage.py migrate --no-input
ifeq ($(PACKS),)
	test -d var/demo-packs || DEBUG=1 $(BIN)/python manage.py make_demo_packs var/demo-packs
	DEBUG=1 $(BIN)/python manage.py import_packs var/demo-packs
else
	# A file that fails, or that is kept without a meeting, is listed at the end (exit status
	# 1): the others are imported and served all the same.
	-DEBUG=1 $(BIN)/python manage.py import_packs $(PACKS)
endif
	DEBUG=1 $(BIN)/python manage.py link_matters
	DEBUG=1 $(BIN)/python manage.py make_bulk_data
	# The worker (queued imports, retries, alerts) and a mail catcher that prints each email
	# (SMTP on port 1025) run beside the server and stop with it, and so does the embedded
	# PostgreSQL (a DATABASE_URL's server is left alone).
	DEBUG=1 $(BIN)/python manage.py procrastinate worker & worker=$$!; \
	$(BIN)/python -m aiosmtpd -n -l 127.0.0.1:1025 -c aiosmtpd.handlers.Debugging & mail=$$!; \
	trap 'trap - EXIT; kill $$worker $$mail 2>/dev/null; wait; $(MAKE) --no-print-directory stop' EXIT INT TERM; \
	DEBUG=1 $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# Stop the embedded PostgreSQL (under var/, or ARCHIVE_VAR_DIR) if it is running.
stop: $(INSTALLED)
	$(BIN)/python -m archive.embedded_postgres stop $${ARCHIVE_VAR_DIR:-var}/pgdata

test: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run --settings=tests.settings
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadgroup

# Mutation testing of the modules that guard users (not in CI; docs/testing.md). MODULES and
# TESTS narrow a run: make mutation MODULES=meetings/middleware.py TESTS=tests/test_hardening.py
mutation: $(INSTALLED)
	MODULES="$(MODULES)" TESTS="$(TESTS)" $(BIN)/python tests/mutation.py

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(INSTALLED)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) var staticfiles
