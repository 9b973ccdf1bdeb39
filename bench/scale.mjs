// Scale benchmark: the release dist/ with synthetic datasets at the real text density
// (bench/scale-data.mjs) of 500, 1,000, 5,000 and 20,000 events and 200 states. For each size:
// data received → interactive (the dataset's responseEnd → the first timeline mark in the DOM
// and its frame rendered), select an event → next frame, a one-month date step → next frame,
// and the JS heap after loading. Medians over RUNS runs (default 5) in fresh contexts.
//   node scale.mjs [DIST] [SIZES]      e.g. node scale.mjs ../dist 500,5000
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../e2e/server.mjs';
import { CHROMIUM_ARGS, probe, interact, settle, middleMark } from './probe.mjs';
import { scaleDataset } from './scale-data.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(process.argv[2] || path.join(here, '..', 'dist'));
const sizes = (process.argv[3] || '500,1000,5000,20000').split(',').map(Number);
const RUNS = Number(process.env.RUNS || 5);
const STATES = 200;
// VIEWPORT=390x844 measures the phone layout (the timeline as a vertical list).
const [VW, VH] = (process.env.VIEWPORT || '1366x900').split('x').map(Number);
const out = path.join(here, 'out', 'scale');

const extra = {};
const bytes = {};
for (const n of sizes) {
  const dir = path.join(out, String(n), 'data');
  fs.mkdirSync(dir, { recursive: true });
  const f = path.join(dir, 'dataset.json');
  if (!fs.existsSync(f)) fs.writeFileSync(f, scaleDataset(n, STATES));
  bytes[n] = fs.statSync(f).size;
  extra[`/s${n}/data/`] = dir;
  extra[`/s${n}/`] = dist;
}
const server = await serve(dist, 0, extra);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'] });
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

async function once(n) {
  const context = await browser.newContext({ viewport: { width: VW, height: VH } });
  const page = await context.newPage();
  await page.addInitScript(probe, { selector: '[data-testid="event-mark"]' });
  await page.goto(`${origin}/s${n}/#d=2018-06-15`);
  await page.waitForFunction(() => window.__bench && window.__bench.tf !== null, null, { timeout: 120000 });
  const load = await page.evaluate(() => {
    const r = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/data/dataset.json'));
    return { received: r.responseEnd, interactive: window.__bench.tf, heap: performance.memory.usedJSHeapSize };
  });
  await settle(page);
  // Select the mark nearest the middle of the visible timeline.
  const id = await page.evaluate(middleMark);
  const select = await page.evaluate(`(${interact})(${JSON.stringify({ kind: 'select', id })})`);
  await settle(page);
  const step = await page.evaluate(`(${interact})(${JSON.stringify({ kind: 'step' })})`);
  await context.close();
  return { interactive: load.interactive - load.received, select: select.frame, step: step.frame, heap: load.heap };
}

const rows = [];
for (const n of sizes) {
  const runs = [];
  await once(n); // warm-up, not counted
  for (let i = 0; i < RUNS; i++) runs.push(await once(n));
  const r = {
    n, mb: bytes[n] / 1e6,
    interactive: median(runs.map((x) => x.interactive)),
    select: median(runs.map((x) => x.select)),
    step: median(runs.map((x) => x.step)),
    heap: median(runs.map((x) => x.heap)) / 1048576,
  };
  rows.push(r);
  console.error(`${n}: ${JSON.stringify(r)}`);
}
await browser.close();
server.close();
console.log(`| events | JSON MB | data received → interactive | select → next frame | date step → next frame | JS heap |`);
console.log(`|---:|---:|---:|---:|---:|---:|`);
for (const r of rows) {
  console.log(`| ${r.n.toLocaleString('en')} | ${r.mb.toFixed(1)} | ${r.interactive.toFixed(0)} ms | ${r.select.toFixed(1)} ms | ${r.step.toFixed(1)} ms | ${r.heap.toFixed(1)} MiB |`);
}
console.log(`\n${VW}×${VH} viewport; ${STATES} states; medians of ${RUNS} runs after one warm-up; Chromium ${browser.version()}; ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`);
