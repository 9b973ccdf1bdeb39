// First load on a slow phone connection, observed (not simulated): Chromium's own network and
// CPU throttling through CDP, at Lighthouse's mobile settings (150 ms round trip, 1.6 Mbit/s
// down, 750 kbit/s up, 4× CPU slowdown), a 412×823 phone viewport, a cold cache.
// Builds are measured in turns (A, B, A, B, …) so a busy moment hits both alike.
//   node throttled.mjs DIST[=LABEL] [DIST[=LABEL] …]     (RUNS env, default 5)
// Prints a markdown table: medians with (min–max), ms from navigation start.
import { chromium } from 'playwright-core';
import { serve } from '../e2e/server.mjs';

const RUNS = Number(process.env.RUNS || 5);
const builds = process.argv.slice(2).map((a) => { const [dir, label] = a.split('='); return { dir, label: label || dir, rows: [] }; });
if (!builds.length) { console.error('usage: node throttled.mjs DIST[=LABEL] …'); process.exit(2); }
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
});
for (const b of builds) b.server = await serve(b.dir, 0, {});

async function once(b) {
  const ctx = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(() => {
    window.__m = { lcp: 0 };
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__m.lcp = e.startTime; })
      .observe({ type: 'largest-contentful-paint', buffered: true });
  });
  await page.goto(`http://127.0.0.1:${b.server.address().port}/`);
  await page.locator('[data-testid="event-mark"]').first().waitFor({ timeout: 60000 });
  const appRendered = await page.evaluate(() => performance.now());
  await page.waitForTimeout(300);
  const m = await page.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    const res = performance.getEntriesByType('resource');
    const end = (suffix) => Math.max(0, ...res.filter((e) => e.name.endsWith(suffix)).map((e) => e.responseEnd));
    return { fcp: fcp ? fcp.startTime : NaN, lcp: window.__m.lcp, wasm: end('.wasm'), data: end('/dataset.json') };
  });
  await ctx.close();
  return { ...m, app: appRendered };
}

await Promise.all(builds.map((b) => once(b))); // warm-up, not counted
for (let i = 0; i < RUNS; i++) for (const b of builds) b.rows.push(await once(b));
await browser.close();
for (const b of builds) b.server.close();

const stat = (rows, k) => {
  const v = rows.map((r) => r[k]).sort((x, y) => x - y);
  return `**${Math.round(v[Math.floor(v.length / 2)])}** (${Math.round(v[0])}–${Math.round(v[v.length - 1])})`;
};
console.log('| build | first contentful paint | largest contentful paint | wasm received | dataset received | app rendered |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const b of builds) {
  console.log(`| ${b.label} | ${['fcp', 'lcp', 'wasm', 'data', 'app'].map((k) => stat(b.rows, k)).join(' | ')} |`);
}
console.log(`\nmedians (min–max) of ${RUNS} runs, ms from navigation start; Chromium ${browser.version()}; ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`);
