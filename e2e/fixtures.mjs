// The fixtures every end-to-end test gets (on top of @playwright/test's page, context and
// browser):
//   base, origin   the built dist/ served on 127.0.0.1 by server.mjs (strict CSP, .br/.gz),
//                  also under /tools/almaty/, with the host pages under /hosts/ and a
//                  20,000-event copy under /scale/ (one server per worker)
//   guards         automatic: a test fails on any uncaught page error, CSP violation or request
//                  to another origin (a test that provokes a page error on purpose names it
//                  with the option `allowPageError` and checks it itself)
// A test with context options of its own (viewport, isMobile, bypassCSP, …, allowPageError)
// sets them with `test.use` in a describe block of its own.
import { test as base } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { scaleDataset } from '../bench/scale-data.mjs';
import { dist } from './helpers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

export const test = base.extend({
  allowPageError: [null, { option: true }],
  site: [async ({}, use) => {
    // 20,000 events at the real text density for the scale suite, made once per worker.
    const scaleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'almaty-e2e-'));
    fs.mkdirSync(path.join(scaleDir, 'data'));
    fs.writeFileSync(path.join(scaleDir, 'data', 'dataset.json'), scaleDataset(20000, 200));
    const server = await serve(dist, 0, {
      '/hosts/': path.join(here, 'hosts'),
      '/scale/data/': path.join(scaleDir, 'data'),
      '/scale/': dist,
    });
    const origin = `http://127.0.0.1:${server.address().port}`;
    await use({ origin, base: `${origin}/` });
    server.close();
    fs.rmSync(scaleDir, { recursive: true, force: true });
  }, { scope: 'worker' }],
  origin: async ({ site }, use) => use(site.origin),
  base: async ({ site }, use) => use(site.base),
  guards: [async ({ page, site, allowPageError }, use) => {
    const problems = [];
    page.on('pageerror', (e) => {
      if (!(allowPageError && allowPageError.test(e.message))) problems.push(`page error: ${e.message}`);
    });
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content.Security.Policy|Refused to/i.test(m.text())) problems.push(`CSP: ${m.text()}`);
    });
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (!['about:', 'data:', 'blob:'].includes(u.protocol) && u.origin !== site.origin) problems.push(`foreign request: ${r.url()}`);
    });
    await use(problems);
    if (problems.length) throw new Error(problems.join('; '));
  }, { auto: true }],
});
