#!/usr/bin/env bash
# Builds bench/floor (the smallest Leptos 0.8 CSR app that fetches the dataset and lists it)
# with the project's toolchain, release profile and post-build step, and prints what its first
# load weighs beside the app's: the floor that issue 10's size targets are measured against.
#   bench/floor.sh            (the app's dist/ must be built: scripts/build.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
(cd bench/floor && trunk build --release)
node scripts/postbuild.mjs bench/out/floor
node -e '
const fs = require("fs"), zlib = require("zlib");
const gz = (f) => zlib.gzipSync(fs.readFileSync(f), { level: 9 }).length;
const row = (label, dir, files) => {
  const sizes = files.map((f) => [f, gz(`${dir}/${f}`)]);
  const total = sizes.reduce((a, [, n]) => a + n, 0);
  console.log(`| ${label} | ${sizes.map(([f, n]) => `${f} ${n.toLocaleString("en")}`).join(", ")} | **${total.toLocaleString("en")}** |`);
};
console.log("| build | gzip -9 per file (B) | first load |");
console.log("|---|---|---:|");
row("floor (bench/floor)", "bench/out/floor", ["index.html", "floor.js", "floor_bg.wasm", "data/dataset.json"]);
const budget = JSON.parse(fs.readFileSync("size-budget.json", "utf8"));
row("the app (dist/)", "dist", budget.first_load_files);
'
