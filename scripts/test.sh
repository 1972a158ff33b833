#!/usr/bin/env bash
# Quick start 2: run EVERY test, failing fast, one clearly headed and timed stage after another.
#
#   bash scripts/test.sh
#
# Stages:
#    1 setup            scripts/setup.sh (pinned tools, node deps, Chromium + chromedriver)
#    2 fmt              cargo fmt --all -- --check
#    3 clippy native    cargo clippy --all-targets -- -D warnings
#    4 clippy wasm      cargo clippy --target wasm32-unknown-unknown --lib --bins [--test web_*] -- -D warnings
#    5 test native      cargo test
#    6 test browser     cargo test --target wasm32-unknown-unknown --test 'web_*'  (headless Chromium)
#    7 build release    trunk build --release --offline                         -> dist/
#    8 size budget      node tests/size-budget.mjs dist  (html+js+wasm+css gzip -9 <= 465000 bytes)
#    9 build sub-path   trunk build --release --offline --public-url /ratbond/  -> tests/e2e/.builds/subpath
#   10 build next       RATBOND_VERSION=<version>-update-test trunk build ...   -> tests/e2e/.builds/next
#   11 e2e              npx playwright test
#
# Env: RATBOND_SKIP_BROWSER is ignored here (every test needs the browser).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "${root}"

# PATH (~/.cargo/bin, node_modules/.bin) without installing anything yet; stage 1 installs.
# shellcheck source=scripts/setup.sh
RATBOND_SETUP_NO_RUN=1 source scripts/setup.sh
unset RATBOND_SKIP_BROWSER

export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export WASM_BINDGEN_TEST_WEBDRIVER_JSON="${root}/webdriver.json"
# Chromium start-up plus a wasm test binary can be slow on 2 busy cores (default is 20 s).
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}"
export WASM_BINDGEN_TEST_DRIVER_TIMEOUT="${WASM_BINDGEN_TEST_DRIVER_TIMEOUT:-30}"

SUBPATH_DIST="tests/e2e/.builds/subpath"
NEXT_DIST="tests/e2e/.builds/next"

STAGES_TOTAL=11
stage_no=0
passed=0
summary=()
e2e_details=""
run_started=${SECONDS}

fmt_duration() {
  local s=$1
  if ((s >= 60)); then printf '%dm%02ds' $((s / 60)) $((s % 60)); else printf '%ds' "${s}"; fi
}

print_summary() {
  local status=$1
  printf '\n========================================================================\n'
  printf ' Ratbond test summary\n'
  printf '========================================================================\n'
  local line
  for line in "${summary[@]}"; do printf ' %s\n' "${line}"; done
  printf '%s\n' '------------------------------------------------------------------------'
  if [[ -n "${e2e_details}" ]]; then
    printf '%s\n' "${e2e_details}"
    printf '%s\n' '------------------------------------------------------------------------'
  fi
  printf ' total %s\n' "$(fmt_duration $((SECONDS - run_started)))"
  if [[ "${status}" == ok ]]; then
    printf ' ALL %d STAGES PASSED\n' "${passed}"
    printf 'stages: %d passed, 0 failed\n' "${passed}"
  else
    printf ' FAILED at stage %d/%d: %s\n' "${stage_no}" "${STAGES_TOTAL}" "${status}"
    printf 'stages: %d passed, 1 failed\n' "${passed}"
  fi
}

# run_stage "title" command args...   (the command runs in a subshell with errexit on)
run_stage() {
  local title=$1
  shift
  stage_no=$((stage_no + 1))
  printf '\n========================================================================\n'
  printf ' [%d/%d] %s\n' "${stage_no}" "${STAGES_TOTAL}" "${title}"
  printf '========================================================================\n'
  local started=${SECONDS} rc=0
  set +e
  (
    set -euo pipefail
    "$@"
  )
  rc=$?
  set -e
  local took
  took="$(fmt_duration $((SECONDS - started)))"
  if ((rc != 0)); then
    summary+=("$(printf '[%2d] %-16s FAILED (exit %d) %8s' "${stage_no}" "${title}" "${rc}" "${took}")")
    printf '\n!!! stage %d/%d "%s" FAILED (exit %d) after %s\n' "${stage_no}" "${STAGES_TOTAL}" "${title}" "${rc}" "${took}" >&2
    # The summary is what the tail of a CI log shows: name the failed e2e tests there too.
    if [[ "${title}" == e2e ]]; then
      e2e_details="$(node scripts/e2e-failures.mjs test-results/e2e-report.json 2>&1 || true)"
    fi
    print_summary "${title}"
    exit "${rc}"
  fi
  passed=$((passed + 1))
  if [[ "${title}" == e2e ]]; then
    e2e_details="$(node scripts/e2e-failures.mjs --passed test-results/e2e-report.json 2>&1 || true)"
  fi
  summary+=("$(printf '[%2d] %-16s ok     %17s' "${stage_no}" "${title}" "${took}")")
  printf '\n--- stage %d/%d "%s" ok (%s)\n' "${stage_no}" "${STAGES_TOTAL}" "${title}" "${took}"
}

web_test_targets() {
  # Integration tests named tests/web_*.rs are the browser (wasm-bindgen-test) suites.
  local f
  for f in tests/web_*.rs; do
    [[ -e "${f}" ]] && basename "${f}" .rs
  done
  return 0
}

stage_setup() {
  bash scripts/setup.sh
}

stage_fmt() {
  cargo fmt --all -- --check
}

stage_clippy_native() {
  cargo clippy --all-targets -- -D warnings
}

stage_clippy_wasm() {
  local extra=() t
  while read -r t; do
    [[ -n "${t}" ]] && extra+=(--test "${t}")
  done < <(web_test_targets)
  # The web test files are empty on native (#![cfg(target_arch = "wasm32")]): lint them here.
  cargo clippy --target wasm32-unknown-unknown --lib --bins "${extra[@]}" -- -D warnings
}

stage_test_native() {
  cargo test
}

stage_test_browser() {
  local targets=() t
  while read -r t; do
    [[ -n "${t}" ]] && targets+=(--test "${t}")
  done < <(web_test_targets)
  if ((${#targets[@]} == 0)); then
    printf 'No tests/web_*.rs suites yet: nothing to run in the browser.\n'
    return 0
  fi
  printf 'Browser suites: %s (chromedriver %s, webdriver.json flags)\n' "${targets[*]}" "${CHROMEDRIVER}"
  # Only the web_* integration tests: the lib's native unit tests never run in the browser.
  cargo test --target wasm32-unknown-unknown "${targets[@]}"
}

stage_build_release() {
  trunk build --release --offline
  test -f dist/index.html
  test -f dist/sw.js
}

stage_size_budget() {
  node tests/size-budget.mjs dist
}

stage_build_subpath() {
  # Same sources and env as stage 7, so cargo has nothing to rebuild (only wasm-bindgen and
  # wasm-opt run again).
  trunk build --release --offline --public-url /ratbond/ --dist "${SUBPATH_DIST}"
  grep -q '<base href="/ratbond/"' "${SUBPATH_DIST}/index.html"
}

package_version() {
  cargo metadata --no-deps --format-version 1 --offline |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const m=JSON.parse(s);console.log(m.packages.find(p=>p.name==="ratbond").version)})'
}

stage_build_next() {
  RATBOND_VERSION="${RATBOND_NEXT_VERSION}" trunk build --release --offline --dist "${NEXT_DIST}"
  if cmp -s dist/sw.js "${NEXT_DIST}/sw.js"; then
    printf 'next build has the same sw.js as dist/: does the app use option_env!("RATBOND_VERSION")?\n' >&2
    return 1
  fi
}

stage_e2e() {
  npx --no-install playwright test
}

run_stage "setup" stage_setup
run_stage "fmt" stage_fmt
run_stage "clippy native" stage_clippy_native
run_stage "clippy wasm" stage_clippy_wasm
run_stage "test native" stage_test_native
run_stage "test browser" stage_test_browser
run_stage "build release" stage_build_release
run_stage "size budget" stage_size_budget
run_stage "build sub-path" stage_build_subpath
RATBOND_NEXT_VERSION="$(package_version)-update-test"
export RATBOND_NEXT_VERSION
run_stage "build next" stage_build_next
run_stage "e2e" stage_e2e

print_summary ok
