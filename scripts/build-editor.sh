#!/usr/bin/env sh
# Builds the editor page's own WebAssembly (the `edit` bin, and `sheets`, its workbook code that
# it loads on demand) into a trunk staging folder, so dist/edit.html loads edit.js and
# edit_bg.wasm and the reader's first load never carries the
# editor's code. Trunk builds one wasm per page; this is the second, run from its post-build
# hook with the same cargo flags, wasm-bindgen and wasm-opt.
#   scripts/build-editor.sh STAGING_DIR PROFILE   (PROFILE: release or debug)
set -eu
dir=$1
profile=${2:-debug}
cd "$(dirname "$0")/.."
if [ "$profile" = release ]; then flag=--release; else flag=; fi
# edit: the editor; sheets: its workbook code, loaded only when a workbook is exported or imported;
# figure: the reader's figure code (SVG, PNG), loaded only when a reader opens the Share panel.
for bin in edit sheets figure; do
  case $bin in sheets) feature=sheets ;; figure) feature=figure ;; *) feature=editor ;; esac
  cargo build --quiet --offline --locked --target wasm32-unknown-unknown --features "$feature" --bin "$bin" $flag
  wasm-bindgen --target web --no-typescript --out-dir "$dir" --out-name "$bin" \
    "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/$profile/$bin.wasm"
  if [ "$profile" = release ]; then
    wasm-opt -Oz --converge --output "$dir/${bin}_bg.wasm" "$dir/${bin}_bg.wasm"
  fi
done
