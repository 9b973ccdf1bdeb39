#!/usr/bin/env bash
# Installs what is missing, then runs every test layer and reports one line per layer:
#   0. style: cargo fmt --check; cargo clippy -D warnings on the host and on wasm32
#   1. native: cargo test (domain logic, dataset contract, broken inputs, fuzz properties)
#   2. browser: wasm-bindgen-test components in headless Chromium
#   3. e2e: the release dist/ served on 127.0.0.1 under a strict CSP, driven by @playwright/test
#   4. size: gzip size of every dist/ file, and the first-load budget (size-budget.json)
# Exits non-zero if any layer fails.
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test || { echo "setup failed"; exit 1; }

export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export CHROMEDRIVER=/usr/bin/chromedriver
export WASM_BINDGEN_TEST_TIMEOUT=180 WASM_BINDGEN_TEST_DRIVER_TIMEOUT=30

declare -a SUMMARY
status=0
layer() { # name, command...
  local name=$1; shift
  local log; log=$(mktemp)
  local t0=$SECONDS
  echo "::: $name: $*"
  "$@" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  local counts
  counts=$(grep -Eo '[0-9]+ passed; [0-9]+ failed' "$log" | awk '{p+=$1; f+=$3} END {if (NR) printf "%d passed, %d failed", p, f}')
  [ -n "$counts" ] || counts=$(grep -Eo '^e2e: [0-9]+ passed, [0-9]+ failed' "$log" | sed 's/^e2e: //')
  [ -n "$counts" ] || counts=$(grep -Eo '^size: .*' "$log" | sed 's/^size: //')
  [ -n "$counts" ] || counts=$(grep -Eo '^style: .*' "$log" | sed 's/^style: //')
  if [ "$rc" = 0 ]; then SUMMARY+=("PASS  $name — ${counts:-ok} ($((SECONDS - t0)) s)")
  else SUMMARY+=("FAIL  $name — ${counts:-exit $rc} ($((SECONDS - t0)) s)"); status=1; fi
  rm -f "$log"
}

style() { # formatting and lints, on the host and on wasm32
  cargo fmt --check &&
    cargo clippy --locked --all-targets -- -D warnings &&
    cargo clippy --locked --target wasm32-unknown-unknown --all-targets --features editor,sheets,figure -- -D warnings &&
    echo "style: ok (cargo fmt --check, clippy on the host and wasm32 with -D warnings)"
}
layer "style (rustfmt, clippy)" style
layer "native (cargo test)" cargo test --locked
layer "browser (wasm-bindgen-test, headless Chromium)" \
  cargo test --locked --target wasm32-unknown-unknown --features editor --test 'ui_*'
layer "release build (trunk)" trunk build --release
if [ -f dist/index.html ]; then
  layer "e2e (@playwright/test, Chromium, dist/)" env E2E_DIST=dist e2e/node_modules/.bin/playwright test -c e2e/playwright.config.mjs
  layer "size (gzip, first-load budget)" node e2e/size.mjs dist
else
  SUMMARY+=("FAIL  e2e — no dist/ (release build failed)"); status=1
fi

echo
echo "==== summary ===="
printf '%s\n' "${SUMMARY[@]}"
exit $status
