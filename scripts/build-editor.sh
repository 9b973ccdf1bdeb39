#!/usr/bin/env sh
# Builds the editor page's own WebAssembly (the `edit` bin) into a trunk staging folder, so
# dist/edit.html loads edit.js and edit_bg.wasm and the reader's first load never carries the
# editor's code. Trunk builds one wasm per page; this is the second, run from its post-build
# hook with the same cargo flags, wasm-bindgen and wasm-opt.
#   scripts/build-editor.sh STAGING_DIR PROFILE   (PROFILE: release or debug)
set -eu
dir=$1
profile=${2:-debug}
cd "$(dirname "$0")/.."
if [ "$profile" = release ]; then flag=--release; else flag=; fi
cargo build --quiet --offline --locked --target wasm32-unknown-unknown --features editor --bin edit $flag
wasm-bindgen --target web --no-typescript --out-dir "$dir" --out-name edit \
  "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/$profile/edit.wasm"
if [ "$profile" = release ]; then
  wasm-opt -Oz --converge --output "$dir/edit_bg.wasm" "$dir/edit_bg.wasm"
fi
