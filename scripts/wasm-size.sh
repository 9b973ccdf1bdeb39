#!/usr/bin/env bash
# Builds the release wasm with its names kept (before wasm-bindgen and wasm-opt strip them) and
# prints its size by crate and by function. Shares, not absolute sizes, carry over to dist/.
#   scripts/wasm-size.sh [TOP]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --locked --release --target wasm32-unknown-unknown --bin almaty-process >&2
node scripts/wasm-size.mjs target/wasm32-unknown-unknown/release/almaty-process.wasm "${1:-25}"
