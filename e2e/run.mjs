// End-to-end tests: the release dist/ served on 127.0.0.1 (with a strict CSP), driven by
// playwright-core in Debian's Chromium. Every test gets a fresh context and fails on any
// uncaught page error, CSP violation or request to another origin.
//   node run.mjs [DIST]               (exit code 1 if any test fails)
//   E2E_ONLY=text node run.mjs [DIST]  (only the tests whose name contains the text; a filter
//                                       that matches no test fails the run)
// The suites gates.mjs, embed.mjs and find.mjs register more tests; a suite that is missing, does not load
// or registers nothing fails the run too.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { serve } from './server.mjs';
import { scaleDataset } from '../bench/scale-data.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(process.argv[2] || path.join(here, '..', 'dist'));
const artifacts = path.join(here, 'artifacts');
fs.mkdirSync(artifacts, { recursive: true });

export const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const MINISTERIAL = '2013-06-05-ministerial';
const tests = [];
const test = (name, fn, opts = {}) => tests.push({ name, fn, opts });

class Check extends Error {}
function expect(cond, msg) { if (!cond) throw new Check(msg); }
async function eventually(fn, msg, ms = 5000) {
  const until = Date.now() + ms;
  let last;
  for (;;) {
    try { const v = await fn(); if (v) return v; last = v; } catch (e) { last = e; }
    if (Date.now() > until) throw new Check(`${msg} (last: ${last})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
const mark = (id) => `[data-testid="event-mark"][data-event-id="${id}"]`;
const tile = (code) => `[data-testid="tile"][data-state="${code}"]`;
const attr = (page, sel, name) => page.locator(sel).first().getAttribute(name);

async function waitForApp(page) {
  await page.locator('[data-testid="event-mark"], [data-testid="event-item"]').first().waitFor({ timeout: 15000 });
}

// ---------------------------------------------------------------- foundation

test('the page shows the title and every event (served at /)', async ({ page, base }) => {
  await page.goto(base);
  await waitForApp(page);
  const title = await page.locator('[data-testid="title"]').textContent();
  expect(/Almaty Process/.test(title), `title: ${title}`);
  const n = await page.locator('[data-testid="event-mark"]').count();
  const data = JSON.parse(fs.readFileSync(path.join(dist, 'data', 'dataset.json'), 'utf8'));
  expect(n === data.events.length, `${n} marks for ${data.events.length} events`);
  expect(await page.locator(mark(MINISTERIAL)).count() === 1, 'the 2013 ministerial is on the timeline');
});

test('the same dist works under a sub-path (/tools/almaty/)', async ({ page, origin }) => {
  await page.goto(`${origin}/tools/almaty/`);
  await waitForApp(page);
  expect(await page.locator(mark(MINISTERIAL)).count() === 1, 'ministerial shown under the sub-path');
});

test('every file arrives precompressed when the browser accepts it (the build writes .br/.gz)', async ({ page, base }) => {
  const seen = {};
  page.on('response', (r) => { seen[new URL(r.url()).pathname] = r.headers()['content-encoding'] || 'identity'; });
  await page.goto(base);
  await waitForApp(page);
  for (const p of ['/', '/almaty-process_bg.wasm', '/almaty-process.js', '/styles.css', '/data/dataset.json']) {
    expect(['br', 'gzip'].includes(seen[p]), `${p} came as ${seen[p]}`);
  }
});

test('load order: the prerendered text paints before the wasm is requested; the dataset downloads beside the wasm, once', async ({ page, base }) => {
  const datasetRequests = [];
  page.on('request', (r) => { if (new URL(r.url()).pathname.endsWith('/dataset.json')) datasetRequests.push(r.url()); });
  await page.goto(base);
  await waitForApp(page);
  const t = await page.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    const res = performance.getEntriesByType('resource');
    const find = (end) => res.filter((e) => new URL(e.name).pathname.endsWith(end));
    return { fcp: fcp && fcp.startTime, wasm: find('.wasm').map((e) => e.startTime), data: find('/dataset.json').map((e) => e.startTime) };
  });
  expect(typeof t.fcp === 'number', 'the page reports a first contentful paint');
  expect(t.wasm.length === 1 && t.wasm[0] >= t.fcp, `wasm requested at ${t.wasm} ms, first paint at ${t.fcp} ms`);
  expect(datasetRequests.length === 1 && t.data.length === 1, `dataset fetched ${datasetRequests.length} times (${t.data.length} resource entries)`);
  expect(t.data[0] < t.wasm[0], `dataset requested at ${t.data[0]} ms, after the wasm (${t.wasm[0]} ms): it waited for the app`);
});

test('the built index.html has no inline script', async () => {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  expect(scripts.length > 0, 'a script tag loads the app');
  for (const [, attrs, body] of scripts) {
    expect(/\bsrc=/.test(attrs) && body.trim() === '', `inline script found: ${attrs} ${body.slice(0, 80)}`);
  }
  expect(!/\son[a-z]+=/i.test(html), 'no inline event handler attributes');
});

// A 404 with Retry, the other network faults and the malformed body are in gates.mjs
// ("gate: network — …", "gate: bad input — malformed JSON").

test('an invalid dataset lists its problems with JSON paths', async ({ page, base }) => {
  const data = JSON.parse(fs.readFileSync(path.join(dist, 'data', 'dataset.json'), 'utf8'));
  data.events[0].start = '2013-02-30';
  data.events[1].participants = [{ state: 'XX', role: 'member' }];
  await page.route('**/data/dataset.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(data) }));
  await page.goto(base);
  const problems = page.locator('[data-testid="problems"]');
  await problems.waitFor({ timeout: 5000 });
  const text = await problems.textContent();
  expect(text.includes('$.events[0].start'), `date problem path: ${text}`);
  expect(text.includes('$.events[1].participants[0].state'), `reference problem path: ${text}`);
});

// ---------------------------------------------------------------- explorer journeys

async function checkMinisterialSelected(page) {
  await eventually(async () => (await attr(page, mark(MINISTERIAL), 'aria-pressed')) === 'true', 'ministerial selected');
  const detail = await page.locator('[data-testid="event-detail"]').textContent();
  expect(detail.includes('2013'), 'detail shows the date');
  expect(await attr(page, tile('IR'), 'data-event-role') === 'observer', 'Iran highlighted as observer');
  expect(await attr(page, tile('PK'), 'data-event-role') !== '', 'Pakistan highlighted');
  expect((await page.locator(tile('IR')).getAttribute('class')).includes('ap-tile--highlight'), 'Iran tile highlighted');
  expect((await page.locator(tile('PK')).getAttribute('class')).includes('ap-tile--highlight'), 'Pakistan tile highlighted');
  const summary = await page.locator('[data-testid="asof-summary"]').textContent();
  expect(summary.startsWith('As of 5 June 2013: 7 members, 2 observers'), `summary: ${summary}`);
}

async function checkKazakhstan(page) {
  const terms = page.locator('[data-testid="chair-terms"] > li');
  await eventually(async () => (await terms.count()) === 2, 'Kazakhstan has two chair terms');
  const text = await page.locator('[data-testid="chair-terms"]').textContent();
  expect(text.includes('2013') && text.includes('2025'), `chair terms: ${text}`);
}

test('by mouse: ministerial → Pakistan and Iran; 2011 → Russia signatory; Kazakhstan; reload', async ({ page, base }) => {
  await page.goto(base);
  await waitForApp(page);
  await page.locator(mark(MINISTERIAL)).click();
  await checkMinisterialSelected(page);
  // Move the date back to 2011 with the slider's own control: drag to the far left, then step.
  const slider = page.locator('[data-testid="asof"]');
  const box = await slider.boundingBox();
  await page.mouse.click(box.x + 2, box.y + box.height / 2);
  await page.locator('[data-testid="next-event"]').click();
  await eventually(async () => (await page.locator('[data-testid="asof-summary"]').textContent()).includes('2011'), 'date in 2011');
  await page.locator('[data-testid="next-month"]').click();
  await eventually(async () => (await attr(page, tile('RU'), 'data-role')) === 'signatory', 'Russia signatory in 2011');
  expect((await page.locator(tile('RU')).textContent()).replace(/\u00ad/g, '').includes('Signatory'), 'role shown as text on the tile');
  await page.locator(tile('KZ')).click();
  await checkKazakhstan(page);
  const url = page.url();
  expect(url.includes('s=KZ'), `URL holds the selection: ${url}`);
  const day = await slider.inputValue();
  await page.goto('about:blank');
  await page.goto(url);
  await waitForApp(page);
  await checkKazakhstan(page);
  expect(await slider.inputValue() === day, 'date restored from the link');
  expect(await attr(page, tile('KZ'), 'aria-pressed') === 'true', 'Kazakhstan selected after reload');
  // Back walks the selections made since the link was opened, then leaves the app: an event
  // selected after Kazakhstan is undone by one Back, and one more Back (from the view the link
  // opened) returns to the page before it.
  await page.locator(mark(MINISTERIAL)).click();
  await checkMinisterialSelected(page);
  expect(!page.url().includes('s=KZ'), `selecting the event replaced the state in the URL: ${page.url()}`);
  await page.goBack();
  await eventually(async () => (await attr(page, tile('KZ'), 'aria-pressed')) === 'true', 'Back reselects Kazakhstan');
  await checkKazakhstan(page);
  expect(page.url() === url, `Back restores the link's URL: ${page.url()} (expected ${url})`);
  expect(await attr(page, mark(MINISTERIAL), 'aria-pressed') === 'false', 'Back deselects the ministerial');
  await page.goBack();
  await page.waitForURL('about:blank', { timeout: 3000 }).catch(() => {
    throw new Check(`one Back from the view the link opened should leave the app, but the page is still ${page.url()}`);
  });
});

// The keyboard-only journey is gates.mjs's "gate: keyboard only — …" (with the same checks of
// what the ministerial and Kazakhstan show).

test('Back and Forward walk through selections; a malformed hash is ignored', async ({ page, base }) => {
  await page.goto(base);
  await waitForApp(page);
  await page.locator(mark(MINISTERIAL)).click();
  await page.locator(tile('KZ')).click();
  await checkKazakhstan(page);
  await page.goBack();
  await eventually(async () => (await attr(page, mark(MINISTERIAL), 'aria-pressed')) === 'true', 'Back reselects the ministerial');
  await page.goForward();
  await checkKazakhstan(page);
  await page.goto(`${base}#e=%3Cscript%3E&d=2013-99-99&v=nonsense&s=kz`);
  await waitForApp(page);
  expect(await page.locator('[role="alert"]').count() === 0, 'no error for a malformed hash');
});

test('text view lists every event with <time> and a table of states by role', async ({ page, base }) => {
  await page.goto(`${base}#v=text&d=2013-06-05`);
  await page.locator('[data-testid="event-item"]').first().waitFor();
  const items = await page.locator('[data-testid="event-item"]').count();
  const marks = JSON.parse(fs.readFileSync(path.join(dist, 'data', 'dataset.json'), 'utf8')).events.length;
  expect(items === marks, `${items} list items`);
  expect(await page.locator('[data-testid="event-item"] time[datetime]').count() === items, 'each has <time datetime>');
  const members = await page.locator('[data-testid="state-row"][data-role="member"]').count();
  expect(members === 7, `7 members as of 5 June 2013, got ${members}`);
  expect(await page.locator('[data-testid="state-row"][data-state="IR"]').getAttribute('data-role') === 'observer', 'Iran observer in the table');
});

test('screenshots: desktop and phone layouts (phone has no horizontal scroll)', async ({ browser, base }) => {
  for (const [name, viewport] of [['desktop', { width: 1366, height: 900 }], ['phone', { width: 360, height: 740 }]]) {
    const ctx = await browser.newContext({ viewport, deviceScaleFactor: 1 });
    const page = await ctx.newPage();
    await page.goto(`${base}#e=${MINISTERIAL}`);
    await waitForApp(page);
    await page.waitForTimeout(200);
    await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: name === 'phone' });
    if (name === 'phone') {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow <= 0, `phone layout scrolls horizontally by ${overflow}px`);
    }
    await ctx.close();
  }
});

// Further suites register their tests through the same helpers. Each must exist, load, and
// register at least one test: a suite that is missing, broken or empty fails the run (it is
// reported as a failed test), it is never skipped.
const helpers = {
  expect, eventually, mark, tile, attr, waitForApp, dist, artifacts, Check, MINISTERIAL, CHROMIUM_ARGS,
  checkMinisterialSelected, checkKazakhstan,
};
const SUITES = ['./gates.mjs', './embed.mjs', './scale.mjs', './export.mjs', './find.mjs', './host.mjs', './walk.mjs', './layout.mjs'];
const setupFailures = [];
for (const suite of SUITES) {
  const before = tests.length;
  try {
    if (!fs.existsSync(path.join(here, suite))) throw new Error('the file is missing');
    const mod = await import(suite);
    if (typeof mod.default !== 'function') throw new Error('it has no default export registering tests');
    mod.default(test, helpers);
    if (tests.length === before) throw new Error('it registered no tests');
  } catch (e) {
    tests.length = before; // nothing half-registered
    setupFailures.push(`suite ${suite}: ${e.message}`);
  }
}

// ---------------------------------------------------------------- runner

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
// 20,000 events at the real text density for the scale suite, made once per run.
const scaleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'almaty-e2e-'));
fs.mkdirSync(path.join(scaleDir, 'data'));
fs.writeFileSync(path.join(scaleDir, 'data', 'dataset.json'), scaleDataset(20000, 200));
const server = await serve(dist, 0, {
  '/hosts/': path.join(here, 'hosts'),
  '/scale/data/': path.join(scaleDir, 'data'),
  '/scale/': dist,
});
const origin = `http://127.0.0.1:${server.address().port}`;
const base = `${origin}/`;
let passed = 0;
let failed = 0;
for (const f of setupFailures) { failed++; console.log(`FAIL ${f}`); }
const only = process.env.E2E_ONLY;
const selected = only ? tests.filter((t) => t.name.includes(only)) : tests;
if (selected.length === 0) {
  failed++;
  console.log(`FAIL ${only ? `E2E_ONLY=${JSON.stringify(only)} matches no test` : 'no tests registered'}`);
}
for (const t of selected) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, ...(t.opts.context || {}) });
  const page = await context.newPage();
  const problems = [];
  // A test that provokes a page error on purpose names it (`allowPageError`) and checks it.
  page.on('pageerror', (e) => {
    if (!(t.opts.allowPageError && t.opts.allowPageError.test(e.message))) problems.push(`page error: ${e.message}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content.Security.Policy|Refused to/i.test(m.text())) problems.push(`CSP: ${m.text()}`);
  });
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (!['about:', 'data:', 'blob:'].includes(u.protocol) && u.origin !== origin) problems.push(`foreign request: ${r.url()}`);
  });
  const t0 = Date.now();
  try {
    await t.fn({ page, base, origin, browser, context });
    if (problems.length) throw new Check(problems.join('; '));
    passed++;
    console.log(`ok   ${t.name} (${Date.now() - t0} ms)`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${t.name}\n     ${e instanceof Check ? e.message : e.stack}`);
    await page.screenshot({ path: path.join(artifacts, `fail-${tests.indexOf(t)}.png`) }).catch(() => {});
  }
  await context.close();
}
await browser.close();
server.close();
fs.rmSync(scaleDir, { recursive: true, force: true });
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
