// End-to-end journeys of the reader's basics: the page, sub-path, compression, load order, no
// inline script, an invalid dataset, mouse journeys, Back/Forward, the text view, screenshots.
import fs from 'node:fs';
import path from 'node:path';
import { test } from './fixtures.mjs';
import { expect, eventually, mark, tile, attr, waitForApp, dist, artifacts, Check, MINISTERIAL, checkMinisterialSelected, checkKazakhstan } from './helpers.mjs';

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
