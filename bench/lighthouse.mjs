// Lighthouse (mobile defaults: simulated slow 4G, 4× CPU slowdown) on one or more builds, each
// served by e2e/server.mjs on 127.0.0.1 (strict CSP, .br/.gz copies served), in turns.
// Lighthouse is not a project dependency; install it beside the other benchmark output first:
//   npm install --prefix out/lh lighthouse@12.8.2
//   node lighthouse.mjs DIST[=LABEL] [DIST[=LABEL] …]     (RUNS env, default 5)
// Prints a markdown table: medians, with every run's LCP and TBT.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../e2e/server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const req = createRequire(path.join(here, 'out', 'lh', 'package.json'));
let lighthouse, chromeLauncher;
try {
  lighthouse = (await import(req.resolve('lighthouse'))).default;
  chromeLauncher = await import(req.resolve('chrome-launcher'));
} catch {
  console.error('Lighthouse is not installed: npm install --prefix out/lh lighthouse@12.8.2');
  process.exit(2);
}
const version = req('lighthouse/package.json').version;

const RUNS = Number(process.env.RUNS || 5);
const builds = process.argv.slice(2).map((a) => { const [dir, label] = a.split('='); return { dir, label: label || dir, runs: [] }; });
if (!builds.length) { console.error('usage: node lighthouse.mjs DIST[=LABEL] …'); process.exit(2); }

for (let i = 0; i < RUNS; i++) {
  for (const b of builds) {
    const server = await serve(b.dir, 0, {});
    const chrome = await chromeLauncher.launch({
      chromePath: '/usr/bin/chromium',
      chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
    });
    try {
      const { lhr } = await lighthouse(`http://127.0.0.1:${server.address().port}/`, {
        port: chrome.port, output: 'json', logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      });
      const score = (k) => Math.round(lhr.categories[k].score * 100);
      const audit = (k) => lhr.audits[k].numericValue;
      b.runs.push({
        perf: score('performance'), a11y: score('accessibility'), bp: score('best-practices'), seo: score('seo'),
        fcp: audit('first-contentful-paint'), lcp: audit('largest-contentful-paint'),
        tbt: audit('total-blocking-time'), cls: audit('cumulative-layout-shift'),
      });
    } finally {
      await chrome.kill();
      server.close();
    }
  }
}

const median = (runs, k) => { const v = runs.map((r) => r[k]).sort((x, y) => x - y); return v[Math.floor(v.length / 2)]; };
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
console.log(`Lighthouse ${version}, mobile defaults, median of ${RUNS} runs per build, builds in turns.\n`);
console.log('| build | performance | accessibility | best practices | SEO | FCP | LCP | TBT | CLS | LCP per run | TBT per run |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|');
for (const b of builds) {
  const r = b.runs;
  console.log(`| ${b.label} | ${median(r, 'perf')} | ${median(r, 'a11y')} | ${median(r, 'bp')} | ${median(r, 'seo')} | ${s(median(r, 'fcp'))} | ${s(median(r, 'lcp'))} | ${Math.round(median(r, 'tbt'))} ms | ${median(r, 'cls').toFixed(3)} | ${r.map((x) => Math.round(x.lcp)).join(', ')} | ${r.map((x) => Math.round(x.tbt)).join(', ')} |`);
}
