#!/usr/bin/env bash
# Installs what is missing and builds the copyable folder dist/ (release): the folder to copy
# into another site (docs/embedding.md). Fails if a page in it has an inline script, which a
# strict Content-Security-Policy would block.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
trunk build --release "$@"
# grep: 0 = an inline script found, 1 = none, anything else = the check itself failed.
found=0
inline=$(grep -l -P '<script(?![^>]*\bsrc=)[^>]*>' dist/*.html) || found=$?
if [ "$found" = 0 ]; then
  echo "build: inline <script> in $inline: not safe to copy under a strict CSP" >&2
  exit 1
elif [ "$found" != 1 ]; then
  echo "build: could not check dist/*.html for inline scripts (grep exit $found)" >&2
  exit 1
fi
echo "build: dist/ is ready to copy ($(du -sh dist | cut -f1))"
