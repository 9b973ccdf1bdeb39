#!/usr/bin/env bash
# Installs what is missing, builds the app (release) and serves it at http://127.0.0.1:8080/
# with live reload. It builds into dist-serve/, never dist/: trunk serve writes an inline
# live-reload script into the page it serves, which must never reach the folder embedders copy
# (scripts/build.sh builds that).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
exec trunk serve --release --dist dist-serve "$@"
