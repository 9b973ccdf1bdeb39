// Prints the gzip size (level 9) of every file in the release dist/ and their total, then
// checks the first load (what a visitor's browser fetches) against the budget in
// size-budget.json. Exit code 1 if the budget is exceeded.
//   node size.mjs [DIST]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(process.argv[2] || path.join(here, '..', 'dist'));
const budget = JSON.parse(fs.readFileSync(path.join(here, '..', 'size-budget.json'), 'utf8'));

const files = [];
(function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p); else files.push(p);
  }
})(dist);
files.sort();
let total = 0, totalRaw = 0, first = 0;
const firstLoad = new Set(budget.first_load_files);
console.log(`${'file'.padEnd(34)} ${'raw'.padStart(9)} ${'gzip'.padStart(9)}`);
for (const f of files) {
  const raw = fs.readFileSync(f);
  const gz = zlib.gzipSync(raw, { level: 9 }).length;
  const rel = path.relative(dist, f);
  total += gz; totalRaw += raw.length;
  if (firstLoad.has(rel)) first += gz;
  console.log(`${rel.padEnd(34)} ${String(raw.length).padStart(9)} ${String(gz).padStart(9)}${firstLoad.has(rel) ? '  (first load)' : ''}`);
}
console.log(`${'total'.padEnd(34)} ${String(totalRaw).padStart(9)} ${String(total).padStart(9)}`);
console.log(`first load (gzip): ${first} bytes; budget ${budget.first_load_gzip_bytes} bytes`);
const missing = [...firstLoad].filter((f) => !files.includes(path.join(dist, f)));
if (missing.length) { console.log(`size: missing first-load files: ${missing.join(', ')}`); process.exit(1); }
if (first > budget.first_load_gzip_bytes) {
  console.log(`size: FAIL — first load is ${first - budget.first_load_gzip_bytes} bytes over budget`);
  process.exit(1);
}
console.log(`size: ok — first load ${first} B gzip, ${budget.first_load_gzip_bytes - first} B under budget`);
