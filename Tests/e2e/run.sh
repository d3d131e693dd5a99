#!/usr/bin/env bash
# End-to-end check with Google's and OpenAI's Python SDKs: creates a virtualenv with google-genai and openai
# (pinned), starts `switchyard serve` on the default configuration (embedded Google emulator, on free ports), runs
# Tests/e2e/google_genai_e2e.py and Tests/e2e/openai_e2e.py against it, reloads with SIGHUP, then stops the gateway
# with SIGTERM and checks it exits cleanly.
# Needs python3 with venv (scripts/install-deps with SWITCHYARD_WITH_PYTHON=1) and PyPI access.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

genai_version="3.4.0"
openai_version="3.54.0"
venv="${SWITCHYARD_E2E_VENV:-$root/.build/e2e-venv}"
if ! "$venv/bin/python" -c "
import sys, google.genai, openai
sys.exit(google.genai.__version__ != '$genai_version' or openai.__version__ != '$openai_version')" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "google-genai==$genai_version" "openai==$openai_version"
fi

if ! build_output=$(swift build --product switchyard 2>&1); then echo "$build_output" >&2; exit 1; fi
binary="$(swift build --show-bin-path)/switchyard"

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
gateway_port=$(free_port)
emulator_port=$(free_port)
work=$(mktemp -d)
mkdir -p "$root/.build/e2e"
# The default configuration, with only the embedded emulator's port moved to a free one. It lives under the
# package so that the Providers/ catalogs are found the same way.
config="$root/.build/e2e/switchyard-$$.yaml"
sed "s/^  port: 8090$/  port: $emulator_port/" config/switchyard.yaml >"$config"

log="$work/serve.log"
SWITCHYARD_STATE_DIR="$work" SWITCHYARD_EMULATOR_URL="http://127.0.0.1:$emulator_port" \
    "$binary" serve --config "$config" --host 127.0.0.1 --port "$gateway_port" >"$log" 2>&1 &
server=$!
cleanup() {
    if kill -0 "$server" 2>/dev/null; then kill -TERM "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    rm -rf "$work" "$config"
}
trap cleanup EXIT

# Wait (at most 60 s) until the gateway answers /healthz, or fail with its log if it exits.
for _ in $(seq 1 300); do
    if ! kill -0 "$server" 2>/dev/null; then echo "switchyard serve exited early:" >&2; cat "$log" >&2; exit 1; fi
    if python3 -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:$gateway_port/healthz', timeout=1)" 2>/dev/null; then break; fi
    sleep 0.2
done

status=0
for script in google_genai_e2e.py openai_e2e.py; do
    SWITCHYARD_URL="http://127.0.0.1:$gateway_port" SWITCHYARD_KEY="e2e-client-key" \
        timeout 90 "$venv/bin/python" "Tests/e2e/$script" || status=$?
done

# SIGHUP reloads the configuration and the gateway keeps serving.
if [ "$status" = 0 ]; then
    kill -HUP "$server"
    for _ in $(seq 1 100); do grep -q "configuration reloaded" "$log" && break; sleep 0.1; done
    if ! grep -q "configuration reloaded" "$log"; then echo "SIGHUP did not reload the configuration" >&2; status=1; fi
    if ! python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$gateway_port/readyz', timeout=5)"; then
        echo "the gateway stopped answering after SIGHUP" >&2; status=1
    fi
fi

kill -TERM "$server"
if ! wait "$server"; then echo "switchyard serve did not exit cleanly on SIGTERM" >&2; status=1; fi
if [ "$status" != 0 ]; then echo "--- switchyard serve log ---" >&2; cat "$log" >&2; fi
exit "$status"
