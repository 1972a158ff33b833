#!/usr/bin/env bash
# Quick start 1: install what is missing (no browser needed), then serve the app with Trunk at
# http://127.0.0.1:8080 with live reload. Extra arguments go to `trunk serve`, e.g.
#   bash scripts/serve.sh --release
#   bash scripts/serve.sh --port 9000
# Note: the app registers its service worker only in release builds; to try the offline PWA,
# build with `trunk build --release --offline` and serve dist/ with
#   node tests/e2e/server.mjs dist 8080
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "${root}"

printf '==> setup (without browser deps)\n'
RATBOND_SKIP_BROWSER=1 bash scripts/setup.sh
# PATH additions (~/.cargo/bin, node_modules/.bin for wasm-opt) for this shell.
# shellcheck source=scripts/setup.sh
RATBOND_SETUP_NO_RUN=1 source scripts/setup.sh

address="127.0.0.1"
port="8080"
defaults=()
have_address=0
have_port=0
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[i]}" in
    --port | -p) have_port=1 && port="${args[i + 1]:-${port}}" ;;
    --port=*) have_port=1 && port="${args[i]#--port=}" ;;
    --address | -a) have_address=1 && address="${args[i + 1]:-${address}}" ;;
    --address=*) have_address=1 && address="${args[i]#--address=}" ;;
  esac
done
((have_address)) || defaults+=(--address "${address}")
((have_port)) || defaults+=(--port "${port}")

printf '\n==> Ratbond: serving at http://%s:%s/  (Ctrl+C to stop)\n\n' "${address}" "${port}"
exec trunk serve --offline "${defaults[@]}" "$@"
