// The editor page's benchmark: what its first load fetches (gzip and brotli, beside the
// reader's), how long until it is ready on 127.0.0.1, and how long the validator takes on a
// 5,000-event file in the browser (opening it, and re-validating after one keystroke).
// Prints a markdown report (docs/benchmarks.md, "The editor").
//   node bench/editor.mjs [DIST]    (default dist/; BENCH_RUNS, default 5)
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { serve } from '../e2e/server.mjs';
import { scaleDataset } from './scale-data.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
// playwright-core from the e2e packages (scripts/setup.sh --test installs them).
const { chromium } = createRequire(path.join(here, '..', 'e2e', 'package.json'))('playwright-core');
const dist = path.resolve(process.argv[2] || path.join(here, '..', 'dist'));
const N = Number(process.env.BENCH_RUNS || 5);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await serve(dist);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });

// 1. What each page fetches (measured from the network, not from a list).
async function fetched(url, ready) {
  const page = await browser.newPage();
  const files = new Set();
  page.on('requestfinished', (r) => files.add(new URL(r.url()).pathname));
  await page.goto(url);
  await page.waitForSelector(ready, { timeout: 30000 });
  await page.waitForTimeout(500);
  await page.close();
  let gz = 0, br = 0;
  const rows = [];
  for (const f of [...files].sort()) {
    const file = path.join(dist, f === '/' ? 'index.html' : f.slice(1));
    if (!fs.existsSync(file)) continue;
    const raw = fs.readFileSync(file);
    const g = zlib.gzipSync(raw, { level: 9 }).length;
    const b = zlib.brotliCompressSync(raw).length;
    gz += g; br += b;
    rows.push([f, raw.length, g, b]);
  }
  return { gz, br, rows };
}
const reader = await fetched(`${base}/`, '.ap-app');
const editor = await fetched(`${base}/edit.html`, '[data-testid=counts][data-checks="1"]');

// 2. Time to a ready editor (counts shown) and to a ready reader, on 127.0.0.1, fresh context.
async function ready(url, sel) {
  const times = [];
  for (let i = 0; i < N; i++) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const t0 = Date.now();
    await page.goto(url);
    await page.waitForSelector(sel, { timeout: 30000 });
    times.push(Date.now() - t0);
    await ctx.close();
  }
  return median(times);
}
const readerReady = await ready(`${base}/`, '.ap-app');
const editorReady = await ready(`${base}/edit.html`, '[data-testid=counts][data-checks="1"]');

// 3. Validation of a 5,000-event file in the editor (the wasm validator and cross-checks).
const big = Buffer.from(scaleDataset(5000, 200));
const open = [], retype = [];
for (let i = 0; i < N; i++) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(`${base}/edit.html`);
  // The bundled file validated first, so the next validation is the big file's.
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=counts]')?.dataset.checks) >= 1);
  const checks = () => page.getAttribute('[data-testid=counts]', 'data-checks');
  const next = (n) => page.waitForFunction((c) => document.querySelector('[data-testid=counts]').dataset.checks !== c, n, { timeout: 60000 });
  let n = await checks();
  await page.setInputFiles('[data-testid=open-file]', { name: 'big.json', mimeType: 'application/json', buffer: big });
  await next(n);
  await page.waitForFunction(() => document.querySelector('[data-testid=records]')?.children.length >= 200, null, { timeout: 60000 });
  open.push(Number(await page.getAttribute('[data-testid=counts]', 'data-validate-ms')));
  await page.click('.ed-record >> nth=0');
  n = await checks();
  await page.fill('[data-path="$.events[0].title.en"]', 'Edited');
  await next(n);
  retype.push(Number(await page.getAttribute('[data-testid=counts]', 'data-validate-ms')));
  await ctx.close();
}
await browser.close();
server.close();

const kb = (n) => n.toLocaleString('en-US');
console.log(`| page | first load, gzip | brotli | ready on 127.0.0.1 (median of ${N}) |`);
console.log('|---|---|---|---|');
console.log(`| reader (index.html) | ${kb(reader.gz)} B | ${kb(reader.br)} B | ${readerReady} ms |`);
console.log(`| editor (edit.html) | ${kb(editor.gz)} B | ${kb(editor.br)} B | ${editorReady} ms |`);
console.log('\nEditor files fetched:\n\n| file | bytes | gzip | brotli |\n|---|---|---|---|');
for (const [f, r, g, b] of editor.rows) console.log(`| ${f} | ${kb(r)} | ${kb(g)} | ${kb(b)} |`);
console.log(`\nValidation in the editor, 5,000 events (${kb(big.length)} B of JSON), medians of ${N}:`);
console.log(`- whole file on opening: ${median(open).toFixed(1)} ms (runs: ${open.map((x) => x.toFixed(0)).join(', ')})`);
console.log(`- after one edit (re-validation): ${median(retype).toFixed(1)} ms (runs: ${retype.map((x) => x.toFixed(0)).join(', ')})`);
