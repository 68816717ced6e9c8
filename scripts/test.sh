#!/usr/bin/env bash
# Sets up and runs the whole test suite: lint, format check, type check, then the tests.
# SQLite by default; set DATABASE_URL to run the same suite on PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-packages.sh
bash scripts/setup.sh dev
export GONGKAI_DATA_DIR="${GONGKAI_DATA_DIR:-$(mktemp -d)}"
echo "== ruff" >&2
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "== mypy" >&2
.venv/bin/mypy gongkai
echo "== makemigrations --check" >&2
.venv/bin/gongkai makemigrations --check --dry-run >/dev/null
echo "== pytest (${DATABASE_URL:-sqlite})" >&2
.venv/bin/pytest -n 2 "$@"
