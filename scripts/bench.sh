#!/usr/bin/env bash
# Quick start 3 (not a test): benchmark a release build against a minimal Leptos baseline.
#
#   bash scripts/bench.sh                 BENCH_RUNS=5 by default; BENCH_LIGHTHOUSE=0 skips Lighthouse
#
# Steps:
#   1 setup            scripts/setup.sh (pinned tools, node deps incl. Lighthouse, Chromium)
#   2 build app        trunk build --release --offline --dist target/bench/dist (never dist/)
#   3 build baseline   bench/baseline (Leptos 0.8 csr, same profile and flags) -> target/bench/baseline-dist
#   4 five-year data   cargo run --release --example five_years_dump -> target/bench/five_years.json
#   5 measure          node bench/run.mjs: loads, a logged session, a rat page, bytes, Lighthouse
#                      -> table on stdout, every figure in target/bench/results.json
# Figures are printed with their targets as pass/miss; nothing here fails on a number.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "${root}"

bench_dir="target/bench"
app_dist="${bench_dir}/dist"
baseline_dist="${bench_dir}/baseline-dist"
started=${SECONDS}

step() { printf '\n==> [%s] %s\n' "$1" "$2"; }

step 1/5 "setup"
bash scripts/setup.sh
# PATH additions (~/.cargo/bin, node_modules/.bin) for this shell.
# shellcheck source=scripts/setup.sh
RATBOND_SETUP_NO_RUN=1 source scripts/setup.sh
# A RUSTFLAGS variable would replace --cfg erase_components from .cargo/config.toml (README "Size").
if [[ -n "${RUSTFLAGS:-}" ]]; then
  printf 'RUSTFLAGS is set (%s): unset it, it replaces the release flags being measured.\n' "${RUSTFLAGS}" >&2
  exit 1
fi
# One target dir for both crates: the baseline reuses the app's compiled Leptos.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-${root}/target}"
mkdir -p "${bench_dir}"

step 2/5 "build app (release) -> ${app_dist}"
trunk build --release --offline --dist "${app_dist}"
test -f "${app_dist}/index.html" && test -f "${app_dist}/sw.js"

step 3/5 "build baseline (release) -> ${baseline_dist}"
(cd bench/baseline && trunk build --release --offline --dist "${root}/${baseline_dist}")
test -f "${baseline_dist}/index.html"

step 4/5 "five-year data set -> ${bench_dir}/five_years.json"
cargo run --release --example five_years_dump -- "${bench_dir}/five_years.json" "${bench_dir}/five_years_info.json"

step 5/5 "measure (BENCH_RUNS=${BENCH_RUNS:-5})"
BENCH_APP_DIST="${app_dist}" BENCH_BASELINE_DIST="${baseline_dist}" CHROMIUM_PATH="${RATBOND_CHROMIUM}" \
  node bench/run.mjs

elapsed=$((SECONDS - started))
printf '\nbench.sh took %dm%02ds\n' $((elapsed / 60)) $((elapsed % 60))
