#!/usr/bin/env bash
# Sets up and runs Gongkai on its embedded default: SQLite in ./data, with demo data.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export GONGKAI_DEBUG="${GONGKAI_DEBUG:-1}"
.venv/bin/gongkai migrate --noinput
.venv/bin/gongkai demo
exec .venv/bin/gongkai runserver "${1:-127.0.0.1:8000}"
