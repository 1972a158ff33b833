#!/usr/bin/env bash
# Ratbond: install whatever is missing, pinned. Idempotent; safe to run again and again.
#
#   bash scripts/setup.sh              everything (incl. Chromium + chromedriver for the tests)
#   RATBOND_SKIP_BROWSER=1 bash scripts/setup.sh    skip Chromium/chromedriver (enough to serve)
#   source scripts/setup.sh            same, and keeps the PATH additions in your shell
#
# Installs (only when missing or at another version):
#   - rustup target wasm32-unknown-unknown (+ rustfmt, clippy components)
#   - trunk 0.21.14                          cargo install --locked trunk --version 0.21.14
#   - wasm-bindgen-cli = Cargo.lock's wasm-bindgen version (cargo install, without --locked)
#   - node deps from package-lock.json       npm ci (binaryen 132 = wasm-opt, Playwright, axe)
#   - chromium + chromium-driver             apt-get (root only; otherwise prints what to run)
# PATH gets ~/.cargo/bin and node_modules/.bin (wasm-opt) in front.

# ----------------------------------------------------------------------------- PATH (always)
RATBOND_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export RATBOND_ROOT
case ":${PATH}:" in
  *":${HOME}/.cargo/bin:"*) ;;
  *) PATH="${HOME}/.cargo/bin:${PATH}" ;;
esac
case ":${PATH}:" in
  *":${RATBOND_ROOT}/node_modules/.bin:"*) ;;
  *) PATH="${RATBOND_ROOT}/node_modules/.bin:${PATH}" ;;
esac
export PATH
# Playwright must never download a browser: we use the system Chromium.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

RATBOND_TRUNK_VERSION="0.21.14"
RATBOND_NODE_MAJOR_MIN=20
RATBOND_CHROMIUM="${RATBOND_CHROMIUM:-/usr/bin/chromium}"
RATBOND_CHROMEDRIVER="${RATBOND_CHROMEDRIVER:-/usr/bin/chromedriver}"
export RATBOND_CHROMIUM RATBOND_CHROMEDRIVER

_rb_say() { printf '==> %s\n' "$*"; }
_rb_die() {
  printf '\nERROR: %s\n' "$*" >&2
  return 1
}

# The wasm-bindgen version pinned in Cargo.lock (the CLI must match it exactly).
ratbond_lock_wasm_bindgen_version() {
  awk '
    /^\[\[package\]\]/ { in_pkg = 0 }
    /^name = "wasm-bindgen"$/ { in_pkg = 1; next }
    in_pkg && /^version = / { gsub(/"/, "", $3); print $3; exit }
  ' "${RATBOND_ROOT}/Cargo.lock"
}

_rb_setup_rust() {
  command -v cargo >/dev/null 2>&1 || _rb_die "cargo not found. Install Rust (rustc >= 1.95) with rustup first." || return 1
  command -v rustup >/dev/null 2>&1 || _rb_die "rustup not found (needed for the wasm32 target). Install Rust via rustup." || return 1
  _rb_say "rust ok ($(rustc --version))"

  if rustup target list --installed | grep -qx 'wasm32-unknown-unknown'; then
    _rb_say "wasm32-unknown-unknown target ok"
  else
    _rb_say "installing rustup target wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
  local comp
  for comp in rustfmt clippy; do
    if rustup component list --installed | grep -q "^${comp}"; then
      _rb_say "${comp} ok"
    else
      _rb_say "installing rustup component ${comp}"
      rustup component add "${comp}"
    fi
  done
}

_rb_setup_trunk() {
  local have=""
  if command -v trunk >/dev/null 2>&1; then
    have="$(trunk --version 2>/dev/null | awk '{print $2}')"
  fi
  if [[ "${have}" == "${RATBOND_TRUNK_VERSION}" ]]; then
    _rb_say "trunk ok (${have})"
  else
    _rb_say "installing trunk ${RATBOND_TRUNK_VERSION}${have:+ (found ${have})} - about 15 minutes on 2 cores"
    cargo install --locked trunk --version "${RATBOND_TRUNK_VERSION}"
  fi
}

_rb_setup_wasm_bindgen() {
  local want have="" have_runner=""
  want="$(ratbond_lock_wasm_bindgen_version)"
  [[ -n "${want}" ]] || _rb_die "could not read the wasm-bindgen version from Cargo.lock" || return 1
  if command -v wasm-bindgen >/dev/null 2>&1; then
    have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')"
  fi
  if command -v wasm-bindgen-test-runner >/dev/null 2>&1; then
    have_runner="$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{print $2}')"
  fi
  if [[ "${have}" == "${want}" && "${have_runner}" == "${want}" ]]; then
    _rb_say "wasm-bindgen-cli ok (${have}, matches Cargo.lock)"
  else
    _rb_say "installing wasm-bindgen-cli ${want} (Cargo.lock)${have:+ (found ${have})} - about 10 minutes"
    # Not --locked: its own lock file names a webpki-roots the registry does not have.
    cargo install wasm-bindgen-cli --version "${want}"
  fi
}

_rb_npm_deps_ok() {
  # Every package in package-lock.json is installed at the locked version.
  [[ -d "${RATBOND_ROOT}/node_modules" ]] || return 1
  (cd "${RATBOND_ROOT}" && node -e '
    const fs = require("fs");
    const lock = JSON.parse(fs.readFileSync("package-lock.json", "utf8"));
    for (const [p, info] of Object.entries(lock.packages || {})) {
      if (!p) continue;
      let v;
      try { v = JSON.parse(fs.readFileSync(p + "/package.json", "utf8")).version; } catch { process.exit(1); }
      if (v !== info.version) process.exit(1);
    }
  ')
}

_rb_setup_node() {
  command -v node >/dev/null 2>&1 || _rb_die "node not found: install Node.js >= ${RATBOND_NODE_MAJOR_MIN} (with npm)." || return 1
  command -v npm >/dev/null 2>&1 || _rb_die "npm not found: install npm (Node.js >= ${RATBOND_NODE_MAJOR_MIN})." || return 1
  local major
  major="$(node -p 'process.versions.node.split(".")[0]')"
  if ((major < RATBOND_NODE_MAJOR_MIN)); then
    _rb_die "Node.js $(node --version) is too old: Playwright 1.65 needs Node >= ${RATBOND_NODE_MAJOR_MIN}." || return 1
  fi
  _rb_say "node ok ($(node --version), npm $(npm --version))"
  if _rb_npm_deps_ok; then
    _rb_say "node deps ok (package-lock.json)"
  else
    _rb_say "installing node deps (npm ci: binaryen, @playwright/test, @axe-core/playwright)"
    (cd "${RATBOND_ROOT}" && npm ci --no-audit --no-fund)
  fi
  local wasm_opt
  wasm_opt="$(wasm-opt --version 2>/dev/null || true)"
  [[ "${wasm_opt}" == *"version_132"* ]] || _rb_die "wasm-opt from node_modules/.bin should be version_132, got: ${wasm_opt:-nothing}" || return 1
  _rb_say "wasm-opt ok (${wasm_opt})"
}

_rb_setup_browser() {
  if [[ -x "${RATBOND_CHROMIUM}" && -x "${RATBOND_CHROMEDRIVER}" ]]; then
    :
  elif [[ "$(id -u)" == "0" ]] && command -v apt-get >/dev/null 2>&1; then
    _rb_say "installing chromium + chromium-driver (apt-get)"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver
  else
    printf '\nChromium and chromedriver are needed for the browser tests. Install them by hand:\n\n' >&2
    printf '    sudo apt-get install chromium chromium-driver\n\n' >&2
    printf '(expected at %s and %s)\n' "${RATBOND_CHROMIUM}" "${RATBOND_CHROMEDRIVER}" >&2
    _rb_die "chromium / chromedriver missing (not root, so not installing them)" || return 1
  fi
  local cv dv
  cv="$("${RATBOND_CHROMIUM}" --version 2>/dev/null | grep -oE '[0-9]+(\.[0-9]+)+' | head -n1)"
  dv="$("${RATBOND_CHROMEDRIVER}" --version 2>/dev/null | grep -oE '[0-9]+(\.[0-9]+)+' | head -n1)"
  if [[ -z "${cv}" || -z "${dv}" || "${cv%%.*}" != "${dv%%.*}" ]]; then
    _rb_die "chromium (${cv:-?}) and chromedriver (${dv:-?}) major versions differ or do not run" || return 1
  fi
  _rb_say "chromium ok (${cv}), chromedriver ok (${dv})"
}

# Runs every step (with errexit: the first failure stops it).
ratbond_setup() {
  cd "${RATBOND_ROOT}"
  _rb_setup_rust
  _rb_setup_trunk
  _rb_setup_wasm_bindgen
  _rb_setup_node
  if [[ "${RATBOND_SKIP_BROWSER:-0}" == "1" ]]; then
    _rb_say "browser deps skipped (RATBOND_SKIP_BROWSER=1)"
  else
    _rb_setup_browser
  fi
  _rb_say "setup complete"
}

if [[ "${BASH_SOURCE[0]}" == "${0}" ]]; then
  # Executed: install at top level, so errexit really applies.
  set -euo pipefail
  ratbond_setup
elif [[ "${RATBOND_SETUP_NO_RUN:-0}" != "1" ]]; then
  # Sourced: install in a child bash (errexit there can never kill your shell); the PATH
  # additions above stay in your shell. RATBOND_SETUP_NO_RUN=1 only sets PATH.
  bash "${RATBOND_ROOT}/scripts/setup.sh" || return 1
fi
