# The README's two commands: `make run` and `make test`. Both set everything up.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
PACKS ?=
INSTALLED := $(VENV)/.installed

.PHONY: run test install lint format demo-packs clean

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
	# (SMTP on port 1025) run beside the server and stop with it.
	DEBUG=1 $(BIN)/python manage.py procrastinate worker & worker=$$!; \
	$(BIN)/python -m aiosmtpd -n -l 127.0.0.1:1025 -c aiosmtpd.handlers.Debugging & mail=$$!; \
	trap 'kill $$worker $$mail 2>/dev/null' EXIT INT TERM; \
	DEBUG=1 $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run --settings=tests.settings
	$(BIN)/pytest

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(INSTALLED)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) var staticfiles
