# The two commands a newcomer needs: `make run` and `make test`.
UV := $(shell command -v uv 2>/dev/null || echo "python3 -m uv")

.PHONY: run test install lint format messages

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
