// The benchmark: the release dist/ against TimelineJS and a static HTML floor showing the same
// events, and the app on a 5,000-event synthetic dataset. Prints a markdown report and writes it
// to docs/benchmarks.md.
//   cd bench && npm install && node make-pages.mjs && node run.mjs
// Environment: BENCH_RUNS (default 7), BENCH_OUT (default ../docs/benchmarks.md; "-" = print only).
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { serve } from '../e2e/server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.join(here, '..');
const srcDist = path.join(repo, 'dist');
const out = path.join(here, 'out');
// The runs use a snapshot of dist/ (bench/out/dist/), so a rebuild during the runs cannot mix
// two builds; it is taken again until dist/ holds still for a second.
const dist = path.join(out, 'dist');
const N = Number(process.env.BENCH_RUNS || 7);
const reportFile = process.env.BENCH_OUT === '-' ? null : path.resolve(here, process.env.BENCH_OUT || '../docs/benchmarks.md');
const COMMAND = 'cd bench && npm install && node make-pages.mjs && node run.mjs';
const VIEWPORT = { width: 1366, height: 900 };
const TITLE = 'Ministerial Conference on Refugee Protection and International Migration';
const MARK = '[data-testid="event-mark"]';
// A date in the middle of the synthetic span, so a +1 month step always changes the summary.
const SYN_DATE = '2008-06-15';
// An earlier build to measure in the same run (BENCH_BASELINE=folder, BENCH_BASELINE_LABEL=text).
const baseline = process.env.BENCH_BASELINE ? path.resolve(process.env.BENCH_BASELINE) : null;
const baselineLabel = process.env.BENCH_BASELINE_LABEL || 'earlier build';

if (!fs.existsSync(path.join(out, 'meta.json'))) {
  console.error('bench/out is missing: run `node make-pages.mjs` first');
  process.exit(2);
}
const meta = JSON.parse(fs.readFileSync(path.join(out, 'meta.json'), 'utf8'));

function hashDir(root) {
  const h = crypto.createHash('sha256');
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.name.startsWith('.')) continue;
      const f = path.join(d, e.name);
      if (e.isDirectory()) walk(f);
      else h.update(path.relative(root, f)).update(fs.readFileSync(f));
    }
  };
  walk(root);
  return h.digest('hex').slice(0, 12);
}
let distHash = null;
for (let tries = 0; tries < 30 && distHash === null; tries++) {
  const before = hashDir(srcDist);
  fs.rmSync(dist, { recursive: true, force: true });
  fs.cpSync(srcDist, dist, { recursive: true, filter: (f) => !path.basename(f).startsWith('.') || f === srcDist });
  await new Promise((r) => setTimeout(r, 1000));
  if (hashDir(dist) === before && hashDir(srcDist) === before) distHash = before;
}
if (distHash === null) {
  console.error('dist/ kept changing for 30 s; is a build running?');
  process.exit(2);
}
const require = createRequire(import.meta.url);
const pwVersion = JSON.parse(fs.readFileSync(require.resolve('playwright-core/package.json'), 'utf8')).version;

// ---------------------------------------------------------------- server
// e2e/server.mjs, with its strict CSP on every response (no page needed more). The extra
// prefixes are tried in order, so /synthetic/data/ (the synthetic dataset) wins over
// /synthetic/ (a second mount of dist/).
const mounts = {
  '/timelinejs/': path.join(out, 'timelinejs'),
  '/static/': path.join(out, 'static'),
  '/synthetic/data/': path.join(out, 'synthetic', 'data'),
  '/synthetic/': dist,
  ...(baseline ? { '/baseline/': baseline } : {}),
};
const server = await serve(dist, 0, mounts);
const origin = `http://127.0.0.1:${server.address().port}`;
// The file a URL is served from (mirrors serve()), for the byte fallback and the breakdown.
function fileFor(url) {
  let p = decodeURIComponent(new URL(url).pathname);
  let file = null;
  for (const [prefix, dir] of Object.entries(mounts)) {
    if (p.startsWith(prefix)) { file = path.join(dir, p.slice(prefix.length)); break; }
  }
  if (!file) file = path.join(dist, p);
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
  return fs.existsSync(file) ? file : null;
}

import { CHROMIUM_ARGS, probe, interact, settle, middleMark } from './probe.mjs';

// ---------------------------------------------------------------- one run

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });

async function loadPage(urlPath, want) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  await context.addInitScript(probe, want);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const requests = [];
  const foreign = [];
  const bodies = [];
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return;
    requests.push(r.url());
    if (u.origin !== origin) foreign.push(r.url());
  });
  page.on('response', (r) => {
    if (!/^https?:/.test(r.url())) return;
    bodies.push(
      r
        .body()
        .catch(() => {
          const f = fileFor(r.url());
          return f ? fs.readFileSync(f) : Buffer.alloc(0);
        })
        .then((b) => ({ url: r.url(), status: r.status(), raw: b.length, gzip: zlib.gzipSync(b, { level: 9 }).length })),
    );
  });
  await page.goto(origin + urlPath, { timeout: 30000 });
  try {
    await page.waitForFunction(
      (w) => {
        const b = window.__bench;
        return b && (w.text === undefined || b.t !== null) && (w.selector === undefined || b.tf !== null);
      },
      want,
      { timeout: 60000, polling: 100 },
    );
  } catch (e) {
    const state = await page.evaluate(() => JSON.stringify(window.__bench)).catch(() => '?');
    throw new Error(`${urlPath}: the wanted content did not appear (${JSON.stringify(want)}; probe ${state}; errors: ${errors.join('; ') || 'none'}): ${e.message}`);
  }
  await page.waitForLoadState('networkidle', { timeout: 30000 });
  const b = await page.evaluate(() => ({
    t: window.__bench.t,
    ts: window.__bench.ts,
    tf: window.__bench.tf,
    csp: window.__bench.csp,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    // When the dataset (ours) had been received, from Resource Timing.
    data: performance.getEntriesByType('resource').find((e) => /\/data\/dataset\.json$/.test(e.name))?.responseEnd ?? null,
  }));
  const files = await Promise.all(bodies);
  return {
    context,
    page,
    t: b.t,
    ts: b.ts,
    tf: b.tf,
    data: b.data,
    fcp: b.fcp,
    csp: b.csp,
    errors,
    foreign,
    requests: requests.length,
    files,
    raw: files.reduce((s, f) => s + f.raw, 0),
    gzip: files.reduce((s, f) => s + f.gzip, 0),
  };
}

const PAGES = [
  {
    key: 'ours',
    label: 'Almaty Process explorer (dist/)',
    url: '/',
    want: { text: TITLE, selector: `${MARK}[data-event-id="${meta.ministerial_id}"]` },
  },
  ...(baseline ? [{
    key: 'baseline',
    label: `Almaty Process explorer, ${baselineLabel}`,
    url: '/baseline/',
    want: { text: TITLE, selector: `${MARK}[data-event-id="${meta.ministerial_id}"]` },
  }] : []),
  { key: 'timelinejs', label: `TimelineJS ${meta.timelinejs_version}`, url: '/timelinejs/', want: { text: TITLE } },
  { key: 'static', label: 'Static HTML, no JS (floor)', url: '/static/', want: { text: TITLE } },
];

async function runContent(p) {
  const r = await loadPage(p.url, p.want);
  await r.context.close();
  return r;
}

async function runSynthetic() {
  const r = await loadPage(`/synthetic/#d=${SYN_DATE}`, { selector: MARK });
  const { page } = r;
  await settle(page);
  const marks = await page.locator(MARK).count();
  const clusters = await page.locator('[data-testid="event-cluster"]').count();
  const id = await page.evaluate(middleMark);
  const select = await page.evaluate(`(${interact})(${JSON.stringify({ kind: 'select', id })})`);
  await settle(page);
  const step = await page.evaluate(`(${interact})(${JSON.stringify({ kind: 'step' })})`);
  await r.context.close();
  return { ...r, marks, clusters, select, step };
}

// ---------------------------------------------------------------- rounds

const loadBefore = os.loadavg();
const results = { ours: [], baseline: [], timelinejs: [], static: [], synthetic: [] };
const problems = new Set();
const check = (name, r) => {
  for (const e of r.errors) problems.add(`${name}: page error: ${e}`);
  for (const c of r.csp) problems.add(`${name}: CSP violation: ${c}`);
  for (const f of r.foreign) problems.add(`${name}: request to another origin: ${f}`);
  for (const f of r.files) if (f.status >= 400) problems.add(`${name}: HTTP ${f.status} for ${f.url}`);
};
const f0 = (x) => (x == null ? '?' : x.toFixed(0));
// Round 0 warms the OS file cache and Chromium's process start-up; it is not counted. The pages
// take turns within each round, so drift in the machine's load spreads over all of them.
for (let round = 0; round <= N; round++) {
  const tag = round === 0 ? 'warm-up' : `run ${round}/${N}`;
  const got = {};
  for (const p of PAGES) {
    const r = await runContent(p);
    check(p.label, r);
    got[p.key] = r;
    if (round > 0) results[p.key].push(r);
  }
  const s = await runSynthetic();
  check('synthetic', s);
  // The timeline draws only what is near the view (marks and counted clusters).
  if (s.marks === 0 || s.marks + s.clusters >= meta.synthetic.events) problems.add(`synthetic: ${s.marks} marks and ${s.clusters} clusters drawn for ${meta.synthetic.events} events`);
  if (round > 0) results.synthetic.push(s);
  console.error(
    `${tag}: content ours ${f0(got.ours.t)} (mark ${f0(got.ours.ts)}), timelinejs ${f0(got.timelinejs.t)}, static ${f0(got.static.t)} ms; ` +
      `synthetic render ${f0(s.ts)} ms, select ${s.select.frame.toFixed(1)} ms, step ${s.step.frame.toFixed(1)} ms`,
  );
}
const loadAfter = os.loadavg();
const chromiumVersion = browser.version();
await browser.close();
server.close();

// ---------------------------------------------------------------- report

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const stat = (xs) => ({ med: median(xs), min: Math.min(...xs), max: Math.max(...xs) });
const ms = (xs, d = 0) => {
  if (xs.some((x) => x == null)) return '—';
  const s = stat(xs);
  return `**${s.med.toFixed(d)}** (${s.min.toFixed(d)}–${s.max.toFixed(d)})`;
};
const int = (x) => Math.round(x).toLocaleString('en-US');
const kb = (x) => `${(x / 1024).toFixed(1)} KiB`;
const sameOrRange = (xs) => {
  const s = stat(xs);
  return s.min === s.max ? int(s.med) : `${int(s.med)} (${int(s.min)}–${int(s.max)})`;
};

const cpu = (fs.readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m) || [])[1] || os.cpus()[0]?.model || 'unknown';
const cores = os.cpus().length;
const now = new Date();
// Which build was measured: git HEAD (and whether the tree had changes) and a hash of dist/.
const git = (args) => {
  try {
    return execFileSync('git', args, { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
};
const head = git(['rev-parse', '--short', 'HEAD']) || 'unknown';
const dirty = git(['status', '--porcelain', '--untracked-files=no']) !== '';

const M = {};
for (const p of PAGES) {
  const rs = results[p.key];
  M[p.key] = { t: median(rs.map((r) => r.t)), gzip: median(rs.map((r) => r.gzip)) };
}
const syn = results.synthetic;
M.ours.mark = median(results.ours.map((r) => r.ts));
M.synthetic = {
  render: median(syn.map((r) => r.ts)),
  select: median(syn.map((r) => r.select.frame)),
  step: median(syn.map((r) => r.step.frame)),
};

const lines = [];
const L = (s = '') => lines.push(s);
L('# Benchmarks');
L();
L(`Generated by \`bench/run.mjs\` on ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC. Re-run with:`);
L();
L('```sh');
L(COMMAND);
L('```');
L();
L('| setting | |');
L('|---|---|');
L(`| CPU | ${cpu}, ${cores} logical cores (\`nproc\`) |`);
L(`| memory | ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB |`);
L(`| load average (1 min) | ${loadBefore[0].toFixed(2)} before, ${loadAfter[0].toFixed(2)} after the runs${Math.max(loadBefore[0], loadAfter[0]) > cores / 2 ? ' — **the machine was busy with other work; times are inflated and noisy**' : ''} |`);
L(`| Chromium | ${chromiumVersion} (Debian \`/usr/bin/chromium\`, \`--headless=new\`, viewport ${VIEWPORT.width}×${VIEWPORT.height}) |`);
L(`| Node | ${process.version} |`);
L(`| playwright-core | ${pwVersion} |`);
L(`| TimelineJS | ${meta.timelinejs_version} (npm \`@knight-lab/timelinejs\`) |`);
L(`| build measured | git ${head}${dirty ? ' with uncommitted changes' : ''}; dist/ fingerprint ${distHash} (sha256 over its files' names and contents) |`);
L(`| runs | ${N} per page, after one uncounted warm-up round; each in a fresh browser context with the HTTP cache disabled |`);
L();
L('Figures are the **median** with (min–max) over the runs. Times in ms from navigation start unless said otherwise.');
L();
L(`## The real dataset (${meta.events} events): first load`);
L();
L(`"Time to content": navigation start → the 2013 ministerial's title ("${TITLE}") present in \`document.body.textContent\`. For our app, "app rendered" is when its interactive timeline mark for that event is in the DOM (the text before that comes from the HTML, if the build prerenders it).`);
L();
L('| page | time to content | app rendered | first contentful paint | gzip -9 bytes | raw bytes | requests |');
L('|---|---:|---:|---:|---:|---:|---:|');
for (const p of PAGES) {
  const rs = results[p.key];
  L(
    `| ${p.label} | ${ms(rs.map((r) => r.t))} | ${['ours', 'baseline'].includes(p.key) ? ms(rs.map((r) => r.ts)) : '—'} | ${ms(rs.map((r) => r.fcp))} | ${sameOrRange(rs.map((r) => r.gzip))} (${kb(M[p.key].gzip)}) | ${sameOrRange(rs.map((r) => r.raw))} | ${sameOrRange(rs.map((r) => r.requests))} |`,
  );
}
L();
L(`Our app received \`data/dataset.json\` at ${ms(results.ours.map((r) => r.data))} ms.`);
L();
L(`## Synthetic dataset (${meta.synthetic.events} events, ${meta.synthetic.states} states, ${meta.synthetic.chair_terms} chair terms; ${int(meta.synthetic.bytes)} B of JSON)`);
L();
L(`The same dist/ served at \`/synthetic/#d=${SYN_DATE}\`, its \`data/dataset.json\` routed to \`bench/out/synthetic/data/dataset.json\`; ${sameOrRange(syn.map((r) => r.requests))} requests, ${int(median(syn.map((r) => r.gzip)))} B gzip, ${int(median(syn.map((r) => r.raw)))} B raw. The dataset was received at ${ms(syn.map((r) => r.data))} ms.`);
L();
L('| measure | DOM updated | + next frame rendered |');
L('|---|---:|---:|');
L(`| first render: navigation → first event mark in the DOM | ${ms(syn.map((r) => r.ts))} | ${ms(syn.map((r) => r.tf))} |`);
L(`| select an event: \`click()\` on the drawn mark nearest the middle of the view → the detail panel shows it | ${ms(syn.map((r) => r.select.dom), 1)} | ${ms(syn.map((r) => r.select.frame), 1)} |`);
L(`| move the date one step: ArrowRight \`keydown\` on the slider → the summary text changes | ${ms(syn.map((r) => r.step.dom), 1)} | ${ms(syn.map((r) => r.step.frame), 1)} |`);
L();
L('Selection and date-move times are measured from the start of the interaction, not from navigation.');
L();
L('## Against the targets');
L();
const pass = (ok) => (ok ? 'met' : '**not met**');
const rTl = M.ours.t / M.timelinejs.t;
const rSt = M.ours.t / M.static.t;
const rTlApp = M.ours.mark / M.timelinejs.t;
const rStApp = M.ours.mark / M.static.t;
L('| target | measured (medians) | |');
L('|---|---|---|');
L(`| first load ≤ 140,000 B gzip (stretch: 100,000 B) | ${int(M.ours.gzip)} B = ${kb(M.ours.gzip)} | ${pass(M.ours.gzip <= 140000)} |`);
L(`| time to content ≤ 0.5 × TimelineJS | ${M.ours.t.toFixed(0)} vs ${M.timelinejs.t.toFixed(0)} ms = ${rTl.toFixed(2)}× (app rendered: ${M.ours.mark.toFixed(0)} ms = ${rTlApp.toFixed(2)}×) | ${pass(rTl <= 0.5)}${rTlApp <= 0.5 ? '' : ' (app rendered: not met)'} |`);
L(`| time to content ≤ 1.2 × static floor | ${M.ours.t.toFixed(0)} vs ${M.static.t.toFixed(0)} ms = ${rSt.toFixed(2)}× (app rendered: ${rStApp.toFixed(2)}×) | ${pass(rSt <= 1.2)}${rStApp <= 1.2 ? '' : ' (app rendered: not met)'} |`);
L(`| synthetic first render < 1 s | ${M.synthetic.render.toFixed(0)} ms | ${pass(M.synthetic.render < 1000)} |`);
L(`| selection < 50 ms (to next frame) | ${M.synthetic.select.toFixed(1)} ms | ${pass(M.synthetic.select < 50)} |`);
L(`| date move < 50 ms (to next frame) | ${M.synthetic.step.toFixed(1)} ms | ${pass(M.synthetic.step < 50)} |`);
L();
L('## What was fetched (last run)');
L();
for (const key of [...PAGES.map((p) => p.key), 'synthetic']) {
  const r = results[key].at(-1);
  const label = PAGES.find((p) => p.key === key)?.label ?? 'Synthetic dataset (dist/)';
  L(`<details><summary>${label}: ${r.files.length} responses, ${int(r.gzip)} B gzip</summary>`);
  L();
  L('| URL | raw | gzip -9 |');
  L('|---|---:|---:|');
  for (const f of r.files) L(`| \`${new URL(f.url).pathname}\` | ${int(f.raw)} | ${int(f.gzip)} |`);
  L();
  L('</details>');
  L();
}
L('## Checks during the runs');
L();
if (problems.size === 0) {
  L("No page errors, no CSP violations, no HTTP errors, and no request left 127.0.0.1, on any page. (The browser's own `/favicon.ico` request, a 404 on every page, is not visible to the page and is not counted.)");
} else {
  L('Problems seen (the figures above may be affected):');
  L();
  for (const p of problems) L(`- ${p}`);
}
L();
L('## What this measures, and what it does not');
L();
L(
  "All pages are served by `e2e/server.mjs` (the e2e suite's static server: strict CSP, `Cache-Control: no-store`, no compression) from 127.0.0.1 to a fresh headless Chromium context with the HTTP cache disabled through CDP: every run is a cold first visit with no network latency and, in effect, unlimited bandwidth, so the times are CPU and rendering times, and the byte counts are reported separately rather than turned into download times. " +
    "**Bytes** are not what went over the wire: each response body as the page received it (playwright `response.body()`) is gzipped in Node at level 9 and the results are summed, i.e. what a host that gzips every response would send, without headers (the method of `e2e/size.mjs`; brotli would be smaller, a host without compression larger). " +
    '**Requests** count every http(s) request the page made until the network had been idle for 500 ms. ' +
    "**Time to content** is `performance.now()` (ms since navigation start) recorded by a MutationObserver installed before any page script, at the first mutation batch after which `document.body.textContent` contains the ministerial's title. It says that the text is in the DOM, not that it is painted, laid out or visible (TimelineJS puts it in a time-nav marker and an off-screen slide; the static page has it as soon as the HTML is parsed), which is why first contentful paint is given beside it. " +
    "**Synthetic first render** is the same observer waiting for the first `[data-testid=event-mark]`; its \"next frame\" column is when the frame after that had been rendered. " +
    "**Selection** and **date moves** are timed inside the page, from just before a programmatic `click()` or a dispatched `keydown` until the expected DOM change (\"DOM updated\"), and until a `requestAnimationFrame` callback has run and a message posted from it has arrived, i.e. until that frame's style, layout and paint are done (\"next frame\"). The latter includes waiting for the next vsync (up to ~16.7 ms). Each is the first such interaction after the page loaded, once per run. " +
    'Not measured: real networks (latency, bandwidth, HTTP/2, CDN compression), a slow phone CPU (no throttling), warm caches or repeat visits, memory use, latency from real input devices, scrolling, pointer drags on the slider, assistive technology, other browsers. ' +
    "TimelineJS runs with `font: null` so it fetches no web fonts (its default font CSS pulls PT Sans/PT Serif from Google Fonts): a default embed would make more requests and bytes than shown here. It shows one event per slide and the static page has no interaction at all, so the comparison is of getting the same text on screen, not of equal features. " +
    'On a shared or busy machine the times vary by tens of percent (see the load average above); compare figures measured on the same machine at the same time.',
);
L();
L(
  `TimelineJS setup (\`bench/make-pages.mjs\`): \`timeline.js\`, \`timeline.css\` and the icon fonts are copied from the npm package into \`bench/out/timelinejs/\`, and the page calls \`new TL.Timeline(el, "data.json", { script_path: <local js/>, font: null, language: "en", hash_bookmark: false })\`. With those options every request stays on the page's origin: the page, \`timeline.css\`, \`page.css\`, \`timeline.js\`, \`init.js\`, \`data.json\` and one icon font (\`tl-icons.ttf\`); English is built in, so \`locale/en.json\` (copied too) is not fetched, and without media, analytics or Soundcite nothing else is loaded. Its data has the same ${meta.events} events (English headline; date, place, the English summary and the Russian title and summary as slide text), a title slide and the chair terms as eras. The static page (\`bench/out/static/index.html\`) has the same text as plain HTML.`,
);
L();

const md = lines.join('\n');
console.log(md);
if (reportFile) {
  // Sections written by other tools (the scale benchmark, the size breakdown) follow a marker
  // line; a new report keeps them.
  const MARKER = '<!-- Below: sections from other benchmarks, kept by bench/run.mjs. -->';
  const old = fs.existsSync(reportFile) ? fs.readFileSync(reportFile, 'utf8') : '';
  const kept = old.includes(MARKER) ? old.slice(old.indexOf(MARKER)) : `${MARKER}\n`;
  fs.writeFileSync(reportFile, `${md.trimEnd()}\n\n${kept}`);
  console.error(`written to ${path.relative(process.cwd(), reportFile)}`);
}
