// Prints the gzip (level 9) and brotli size of every file in the release dist/ and their
// totals, checks the precompressed .gz/.br copies beside them decompress to the same bytes,
// then checks the first load (what a visitor's browser fetches) against the budget in
// size-budget.json. Exit code 1 if the budget is exceeded or a copy is missing or stale.
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
    if (e.isDirectory()) walk(p); else if (!/\.(gz|br)$/.test(p)) files.push(p);
  }
})(dist);
files.sort();
const brotli = (raw) => zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
let total = 0, totalRaw = 0, totalBr = 0, first = 0, firstBr = 0;
const problems = [];
const firstLoad = new Set(budget.first_load_files);
console.log(`${'file'.padEnd(30)} ${'raw'.padStart(9)} ${'gzip'.padStart(9)} ${'brotli'.padStart(9)}`);
for (const f of files) {
  const raw = fs.readFileSync(f);
  const gz = zlib.gzipSync(raw, { level: 9 }).length;
  const br = brotli(raw);
  const rel = path.relative(dist, f);
  total += gz; totalRaw += raw.length; totalBr += br;
  if (firstLoad.has(rel)) { first += gz; firstBr += br; }
  // Precompressed copies (written by scripts/postbuild.mjs) must be there and current.
  if (/\.(html|js|css|json|svg|wasm)$/.test(f)) {
    for (const [ext, unpack] of [['.gz', zlib.gunzipSync], ['.br', zlib.brotliDecompressSync]]) {
      if (!fs.existsSync(f + ext)) problems.push(`${rel}${ext} is missing`);
      else if (!unpack(fs.readFileSync(f + ext)).equals(raw)) problems.push(`${rel}${ext} does not match ${rel}`);
    }
  }
  console.log(`${rel.padEnd(30)} ${String(raw.length).padStart(9)} ${String(gz).padStart(9)} ${String(br).padStart(9)}${firstLoad.has(rel) ? '  (first load)' : ''}`);
}
console.log(`${'total'.padEnd(30)} ${String(totalRaw).padStart(9)} ${String(total).padStart(9)} ${String(totalBr).padStart(9)}`);
console.log(`first load: ${first} B gzip, ${firstBr} B brotli; budget ${budget.first_load_gzip_bytes} B gzip`);
// The reader's first load never carries the editor: none of the editor's strings is in the
// reader's wasm, and the editor's own wasm exists beside it.
const readerWasm = fs.readFileSync(path.join(dist, 'almaty-process_bg.wasm'));
for (const s of ['Dataset editor', 'almaty-process:draft:doc']) {
  if (readerWasm.includes(Buffer.from(s))) problems.push(`the reader's wasm contains the editor's "${s}"`);
}
if (!fs.existsSync(path.join(dist, 'edit_bg.wasm'))) problems.push('edit_bg.wasm (the editor) is missing');
else if (!fs.readFileSync(path.join(dist, 'edit_bg.wasm')).includes(Buffer.from('Dataset editor'))) {
  problems.push("edit_bg.wasm does not contain the editor's title: the check above would prove nothing");
}
const missing = [...firstLoad].filter((f) => !files.includes(path.join(dist, f)));
if (missing.length) problems.push(`missing first-load files: ${missing.join(', ')}`);
if (problems.length) { console.log(`size: FAIL — ${problems.join('; ')}`); process.exit(1); }
if (first > budget.first_load_gzip_bytes) {
  console.log(`size: FAIL — first load is ${first - budget.first_load_gzip_bytes} bytes over budget`);
  process.exit(1);
}
console.log(`size: ok — first load ${first} B gzip (${firstBr} B brotli), ${budget.first_load_gzip_bytes - first} B under budget`);
