# The two commands a newcomer needs: `make run` and `make test`.
UV := $(shell command -v uv 2>/dev/null || echo "python3 -m uv")

.PHONY: run test install lint format messages screenshots

install:
	@command -v uv >/dev/null 2>&1 || python3 -m uv --version >/dev/null 2>&1 || python3 -m pip install --quiet uv
	@$(UV) sync --frozen --quiet

run: install
	$(UV) run kokeilu run

lint: install
	$(UV) run ruff check .
	$(UV) run ruff format --check .

test: lint
	$(UV) run pytest tests/unit tests/http
	$(UV) run pytest tests/e2e

format: install
	$(UV) run ruff check --fix .
	$(UV) run ruff format .

# After adding or changing user-facing strings: re-extract them and update the fi/sv/en catalogues,
# then translate the new entries in app/translations/<lang>/LC_MESSAGES/messages.po.
messages: install
	$(UV) run pybabel extract -F app/translations/babel.cfg -k N_ -k _ -k gettext -k ngettext:1,2 -c Translators: --no-wrap --sort-by-file --project=Kokeilu --copyright-holder=Kokeilu -o app/translations/messages.pot .
	for lang in fi sv en; do \
		$(UV) run pybabel update -i app/translations/messages.pot -d app/translations -D messages -l $$lang \
			--init-missing --no-fuzzy-matching --ignore-obsolete --ignore-pot-creation-date --no-wrap || exit 1; \
	done

# Screenshots of the main pages (Finnish; 390 and 1280 px wide) into docs/screenshots/.
screenshots: install
	KOKEILU_SCREENSHOTS=1 $(UV) run pytest tests/e2e -k screenshots
