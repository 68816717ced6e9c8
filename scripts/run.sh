#!/usr/bin/env bash
# Sets up and runs Gongkai on its embedded default: SQLite in ./data, with demo data, DEBUG off (the pages
# and error pages as users see them). Usage: bash scripts/run.sh [HOST:PORT]   (default 127.0.0.1:8000)
# For production use `gongkai serve` behind a reverse proxy instead: docs/deploy.md.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
address="${1:-127.0.0.1:8000}"
host="${address%:*}"
if [ "$host" = "0.0.0.0" ] || [ "$host" = "[::]" ]; then
  shown_host="$(hostname -I 2>/dev/null | awk '{print $1}')"
  shown_host="${shown_host:-127.0.0.1}"
  export GONGKAI_ALLOWED_HOSTS="${GONGKAI_ALLOWED_HOSTS:-localhost,127.0.0.1,[::1],$shown_host}"
else
  shown_host="$host"
  export GONGKAI_ALLOWED_HOSTS="${GONGKAI_ALLOWED_HOSTS:-localhost,127.0.0.1,[::1],$host}"
fi
shown="${shown_host}:${address##*:}"
.venv/bin/gongkai migrate --noinput
.venv/bin/gongkai demo --address "$shown"
echo "公开 Gongkai 运行于 http://${shown}/（按 Ctrl+C 停止）" >&2
exec .venv/bin/gongkai runserver "$address"
