#!/usr/bin/env bash
# Installs what building and testing need, skipping whatever is already present.
#   scripts/setup.sh          build tools (wasm target, trunk, wasm-bindgen CLI, wasm-opt) and
#                             the DejaVu fonts (the share pages' preview images)
#   scripts/setup.sh --test   also Chromium, ChromeDriver, poppler-utils (pdftotext) and the
#                             end-to-end npm packages
# Versions are pinned: the wasm-bindgen CLI must equal the wasm-bindgen crate in Cargo.lock.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
BINARYEN_VERSION=132.0.0
TERSER_VERSION=5.51.4
export TRUNK_SKIP_VERSION_CHECK=true
export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"

say() { printf '[setup] %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 10 minutes on 2 cores)"
  # Not --locked: its lockfile pins a crate version the registry no longer offers.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 20 minutes on 2 cores)"
  cargo install --locked trunk --version "$TRUNK_VERSION" --force
fi

if [ "$(wasm-opt --version 2>/dev/null | awk '{print $3}')" != "132" ]; then
  say "installing wasm-opt (npm binaryen@$BINARYEN_VERSION) into .tools/"
  mkdir -p .tools
  [ -f .tools/package.json ] || echo '{"name":"tools","private":true}' > .tools/package.json
  npm install --prefix .tools --no-audit --no-fund "binaryen@$BINARYEN_VERSION"
fi

if [ ! -f .tools/node_modules/terser/package.json ]; then
  say "installing terser (minifies the JS glue in release builds) into .tools/"
  mkdir -p .tools
  [ -f .tools/package.json ] || echo '{"name":"tools","private":true}' > .tools/package.json
  npm install --prefix .tools --no-audit --no-fund "terser@$TERSER_VERSION"
fi

# The share pages' preview images (the `share` example, run by every trunk build) draw their
# text with DejaVu Sans.
if [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then
  say "installing Debian's fonts-dejavu-core (the text of the share images)"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq fonts-dejavu-core
fi

if [ "${1:-}" = "--test" ]; then
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    say "installing Debian's chromium and chromium-driver"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver
  fi
  if ! command -v pdftotext >/dev/null; then
    say "installing Debian's poppler-utils (pdftotext reads back the printed PDF)"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq poppler-utils
  fi
  missing=""
  for pkg in @playwright/test @axe-core/playwright playwright-core axe-core csv-parse ical.js exceljs; do [ -d "e2e/node_modules/$pkg" ] || missing=1; done
  if [ -n "$missing" ]; then
    say "installing the end-to-end npm packages"
    # (Debian's Chromium is the browser: nothing is downloaded for Playwright.)
    (cd e2e && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
  fi
fi

say "cargo fetch"
cargo fetch --locked >/dev/null
say "tools ready: $(trunk --version), $(wasm-bindgen --version), $(wasm-opt --version)"
