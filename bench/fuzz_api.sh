#!/usr/bin/env bash
# Fuzz the served JSON API against its own OpenAPI document with schemathesis (bounded; about 5-10 minutes).
#
#   bench/fuzz_api.sh DATA_DIR [MAX_EXAMPLES]
#
# DATA_DIR must hold an indexed corpus (e.g. `verisight demo --check --data DATA_DIR`). Overviews are extractive
# (fast), the rate limit is off, the server listens on 127.0.0.1 only. schemathesis lives in its own venv
# (/tmp/verisight-fuzz) so its dependencies do not touch ours. Exit status: schemathesis's (0 = no failures:
# no 5xx, every response valid against the schema).
set -euo pipefail
data=${1:?usage: bench/fuzz_api.sh DATA_DIR [MAX_EXAMPLES]}
examples=${2:-400}
here=$(cd "$(dirname "$0")/.." && pwd)
venv=/tmp/verisight-fuzz
[ -x "$venv/bin/schemathesis" ] || { python3 -m venv "$venv" && "$venv/bin/pip" install -q schemathesis==4.32.5; }
port=$("$here/.venv/bin/python" -c "import socket; s=socket.socket(); s.bind(('127.0.0.1',0)); print(s.getsockname()[1])")
VERISIGHT_HOME="$data" VERISIGHT_SYNTH_MODE=extractive VERISIGHT_RATE_LIMIT_PER_MINUTE=0 \
  "$here/.venv/bin/verisight" serve --host 127.0.0.1 --port "$port" 2>/dev/null &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
"$venv/bin/schemathesis" run "http://127.0.0.1:$port/api/openapi.json" --checks all --workers 1 \
  --max-examples "$examples" --request-timeout 60 --no-color
