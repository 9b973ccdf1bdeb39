// Quality gates: accessibility (axe-core on every view), a keyboard-only journey through every
// feature, broken datasets, and network faults. The keyboard journey, the malformed body and the
// 404 with Retry live here only (journeys.mjs has the mouse journeys).
//   e2e/node_modules/.bin/playwright test -c e2e/playwright.config.mjs gates.mjs
// Every test name starts with "gate:"; the axe scans also write artifacts/axe.json.
//
// The app may be mounted in the light DOM or in an open shadow root: Playwright locators pierce
// open shadow roots, and the in-page helpers below walk them explicitly.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AXE_TAGS, AXE_RULES, AXE_VERSION, axeRun } from './axe-rules.mjs';
import { test } from './fixtures.mjs';
import * as h from './helpers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const DATA_ROUTE = '**/data/dataset.json';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const { expect, eventually, mark, tile, attr, waitForApp, dist, artifacts, Check, MINISTERIAL, checkMinisterialSelected, checkKazakhstan } = h;
const realBytes = fs.readFileSync(path.join(dist, 'data', 'dataset.json'));
const realText = realBytes.toString('utf8');
const data = () => JSON.parse(realText); // a fresh copy to mutate
const alertSel = '[role="alert"]';

// ================================================================ 1. accessibility (axe-core)

const axeReport = { tool: `axe-core ${AXE_VERSION} (@axe-core/playwright)`, tags: AXE_TAGS, scans: [] };
const writeAxeReport = () => {
  axeReport.generated = new Date().toISOString();
  fs.writeFileSync(path.join(artifacts, 'axe.json'), JSON.stringify(axeReport, null, 2));
};

async function axeScan(page, name, viewport) {
  await page.waitForTimeout(150); // let reactive updates and layout settle
  const r = await axeRun(page);
  const slim = (list) => list.map((v) => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    tags: v.tags.filter((t) => /^wcag|best-practice/.test(t)),
    nodes: v.nodes.map((n) => ({ target: n.target, html: n.html.slice(0, 300), summary: n.failureSummary || '' })),
  }));
  const result = { url: r.url, rules: AXE_RULES.length, violations: slim(r.violations), incomplete: slim(r.incomplete), passes: r.passes.length, inapplicable: r.inapplicable.length };
  const entry = { name, viewport, ...result };
  axeReport.scans = axeReport.scans.filter((s) => s.name !== name).concat(entry);
  writeAxeReport();
  if (result.violations.length) {
    const lines = result.violations.map((v) => {
      const targets = v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(', ');
      const more = v.nodes.length > 3 ? ` (+${v.nodes.length - 3} more)` : '';
      const summary = (v.nodes[0]?.summary || v.help).replace(/\s+/g, ' ').slice(0, 300);
      return `[${v.id}] ${v.impact}: ${v.help} — ${targets}${more} — ${summary}`;
    });
    throw new Check(`${result.violations.length} axe violation(s) in "${name}":\n       ${lines.join('\n       ')}`);
  }
}

const settleApp = (extra) => async (page) => {
  await waitForApp(page);
  if (extra) await page.locator(extra).first().waitFor({ timeout: 5000 });
};
const tooMany = () => {
  const d = data();
  d.events = Array.from({ length: 300 }, () => structuredClone(d.events[0])); // 299 duplicate ids
  return JSON.stringify(d);
};
const views = [
  { name: 'visual EN', hash: '', ready: settleApp('.ap-app[lang="en"] [data-testid="event-mark"]') },
  { name: 'visual RU', hash: '#l=ru', ready: settleApp('.ap-app[lang="ru"] [data-testid="event-mark"]') },
  { name: 'text EN', hash: '#v=text', ready: settleApp('.ap-app[lang="en"] [data-testid="event-item"]') },
  { name: 'text RU', hash: '#v=text&l=ru', ready: settleApp('.ap-app[lang="ru"] [data-testid="event-item"]') },
  { name: 'event selected', hash: `#e=${MINISTERIAL}`, ready: settleApp(`[data-testid="event-detail"][data-event-id="${MINISTERIAL}"]`) },
  { name: 'state selected', hash: '#s=KZ', ready: settleApp('[data-testid="state-detail"][data-state="KZ"]') },
  {
    name: 'error view (HTTP 404)', hash: '',
    route: (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }),
    ready: async (page) => page.locator('[data-testid="error"]').waitFor({ timeout: 5000 }),
  },
  {
    name: 'error view (200+ problems, scrolling list)', hash: '',
    route: (route) => route.fulfill({ status: 200, contentType: 'application/json', body: tooMany() }),
    ready: async (page) => page.locator('[data-testid="problems"]').waitFor({ timeout: 5000 }),
  },
  { name: 'visual EN, 360 px phone', hash: '', viewport: { width: 360, height: 740 }, ready: settleApp('[data-testid="event-mark"]') },
  { name: 'dark mode, event selected', hash: `#e=${MINISTERIAL}`, scheme: 'dark', ready: settleApp(`[data-testid="event-detail"][data-event-id="${MINISTERIAL}"]`) },
  { name: 'dark mode, text RU', hash: '#v=text&l=ru', scheme: 'dark', ready: settleApp('.ap-app[lang="ru"] [data-testid="event-item"]') },
];
for (const v of views) {
  test.describe(() => {
    test.use({ bypassCSP: true });
    test(`gate: axe — ${v.name}`, async ({ page, base }) => {
      if (v.viewport) await page.setViewportSize(v.viewport);
      if (v.scheme) await page.emulateMedia({ colorScheme: v.scheme });
      if (v.route) await page.route(DATA_ROUTE, v.route);
      await page.goto(base + v.hash);
      await v.ready(page);
      await axeScan(page, v.name, v.viewport || { width: 1366, height: 900 });
    });
  });
}

// ================================================================ 2. keyboard-only journey

// Everything about the focused element, looking through open shadow roots.
const focusInfo = (page) => page.evaluate(() => {
  let a = document.activeElement;
  while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
  if (!a || a === document.body || a === document.documentElement) return { none: true };
  const up = (el, sel) => { // closest() across shadow boundaries
    for (let n = el; n; n = n.parentElement || n.getRootNode()?.host) { if (n.matches?.(sel)) return n; }
    return null;
  };
  const cs = getComputedStyle(a);
  const ring = (s, min) => (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= min);
  let visible = ring(cs, 0.5) || (cs.boxShadow && cs.boxShadow !== 'none');
  let via = visible ? 'self' : '';
  if (!visible) {
    // A composite control may draw its ring on a part (e.g. a timeline mark's glyph).
    for (const d of a.querySelectorAll('*')) {
      const ds = getComputedStyle(d);
      const r = d.getBoundingClientRect();
      if (ring(ds, 2) && r.width > 0 && r.height > 0) { visible = true; via = `child .${[...d.classList].join('.')}`; break; }
    }
  }
  const r = a.getBoundingClientRect();
  return {
    none: false,
    inApp: !!up(a, '[data-almaty-process]'),
    inDetail: !!up(a, '[data-testid="detail"]'),
    testid: a.dataset?.testid || '',
    tag: a.tagName.toLowerCase(),
    cls: typeof a.className === 'string' ? a.className : '',
    label: (a.getAttribute('aria-label') || a.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 60),
    state: a.dataset?.state || '', eventId: a.dataset?.eventId || '', value: a.value ?? '',
    visible, via, outline: `${cs.outlineStyle} ${cs.outlineWidth}`, boxShadow: cs.boxShadow,
    rect: { x: r.x, y: r.y, w: r.width, h: r.height },
  };
});
const describe = (f) => (f.none ? 'nothing (document body)' : `<${f.tag}${f.testid ? ` data-testid=${f.testid}` : ''}${f.cls ? ` class="${f.cls}"` : ''}> "${f.label}"`);

test('gate: keyboard only — every feature, focus always visible, no focus trap', async ({ page, base }) => {
  const soft = []; // accessibility findings that do not stop the journey
  const walk = [];
  const press = async (key, why, { allowOutside = false } = {}) => {
    await page.keyboard.press(key);
    const f = await focusInfo(page);
    walk.push(`${key === ' ' ? 'Space' : key} → ${describe(f)}${f.via && f.via !== 'self' ? ` [ring on ${f.via}]` : ''}`);
    if (f.none || !f.inApp) {
      if (!allowOutside) soft.push(`after ${key} (${why}) focus is lost: it is on ${describe(f)}`);
    } else {
      if (!f.visible) soft.push(`after ${key} (${why}) the focused ${describe(f)} has no visible focus indicator (outline: ${f.outline}; box-shadow: ${f.boxShadow})`);
      if (!(f.rect.w > 0 && f.rect.h > 0)) soft.push(`after ${key} (${why}) the focused ${describe(f)} has no size`);
    }
    return f;
  };
  const tabTo = async (pred, what, { shift = false, max = 120 } = {}) => {
    for (let i = 0; i < max; i++) {
      const f = await press(shift ? 'Shift+Tab' : 'Tab', `looking for ${what}`);
      if (!f.none && pred(f)) return f;
    }
    throw new Check(`${shift ? 'Shift+Tab' : 'Tab'} did not reach ${what} in ${max} presses; last steps:\n       ${walk.slice(-6).join('\n       ')}`);
  };
  const slider = page.locator('[data-testid="asof"]');
  const day = async () => Number(await slider.inputValue());
  const summary = () => page.locator('[data-testid="asof-summary"]').textContent();

  await page.goto(base);
  await waitForApp(page);

  // Language switch.
  let f = await tabTo((x) => x.testid === 'lang-en', 'the EN button');
  expect(f.inApp, 'the first tab stops are the app\'s');
  f = await press('Tab', 'to RU');
  expect(f.testid === 'lang-ru', `Tab after EN goes to RU, got ${describe(f)}`);
  await press('Enter', 'switch to Russian');
  await eventually(async () => (await page.locator('.ap-app').getAttribute('lang')) === 'ru', 'Enter on RU switches the language');
  expect(await attr(page, '[data-testid="lang-ru"]', 'aria-pressed') === 'true', 'RU pressed');
  f = await press('Shift+Tab', 'back to EN');
  expect(f.testid === 'lang-en', `Shift+Tab goes back to EN, got ${describe(f)}`);
  await press(' ', 'switch back to English with Space');
  await eventually(async () => (await page.locator('.ap-app').getAttribute('lang')) === 'en', 'Space on EN switches back');

  // View switch: text view, select an event from the list, then back to the visual view.
  await tabTo((x) => x.testid === 'view-text', 'the text-view button');
  await press('Enter', 'open the text view');
  await page.locator('[data-testid="event-item"]').first().waitFor({ timeout: 5000 });
  f = await tabTo((x) => x.cls.includes('ap-list__title'), 'an event in the text list');
  await press('Enter', 'select the listed event');
  await eventually(async () => (await page.locator('[data-testid="event-detail"]').count()) === 1, 'Enter on a listed event shows its detail');
  await tabTo((x) => x.testid === 'view-visual', 'the visual-view button', { shift: true });
  await press('Enter', 'back to the visual view');
  await page.locator('[data-testid="event-mark"]').first().waitFor({ timeout: 5000 });

  // As-of slider: every key it handles.
  await tabTo((x) => x.testid === 'asof', 'the as-of slider');
  const lo = Number(await slider.getAttribute('min'));
  const hi = Number(await slider.getAttribute('max'));
  let d0 = await day();
  await press('ArrowRight', 'slider +1 month');
  let d1 = await day();
  expect(d1 - d0 >= 28 && d1 - d0 <= 31, `ArrowRight moves a month: ${d0} → ${d1}`);
  await press('ArrowLeft', 'slider -1 month');
  expect(Math.abs((await day()) - d0) <= 3, `ArrowLeft moves back a month: ${d1} → ${await day()}`);
  d0 = await day();
  const s0 = await summary();
  await press('PageUp', 'slider: next event');
  d1 = await day();
  expect(d1 > d0, `PageUp moves to the next event: ${d0} → ${d1}`);
  await eventually(async () => (await summary()) !== s0, 'the summary follows the slider');
  await press('PageDown', 'slider: previous event');
  expect((await day()) < d1, `PageDown moves to the previous event: ${d1} → ${await day()}`);
  await press('Home', 'slider: first day');
  expect((await day()) === lo, `Home goes to the first day (${lo}), got ${await day()}`);
  await press('End', 'slider: last day');
  expect((await day()) === hi, `End goes to the last day (${hi}), got ${await day()}`);
  await press('Home', 'slider: first day again');
  expect(/\S/.test(await slider.getAttribute('aria-valuetext') || ''), 'the slider has a date as aria-valuetext');

  // Step buttons, in order, each activated by keyboard.
  f = await press('Tab', 'to the step buttons');
  expect(f.testid === 'prev-event', `Tab after the slider reaches ◀◀, got ${describe(f)}`);
  for (const id of ['prev-month', 'next-month', 'next-event']) {
    f = await press('Tab', `to ${id}`);
    expect(f.testid === id, `Tab reaches ${id}, got ${describe(f)}`);
  }
  d0 = await day();
  await press('Enter', 'next event');
  d1 = await day();
  expect(d1 > d0, `▶▶ moves to the next event: ${d0} → ${d1}`);
  await press('Enter', 'next event again');
  expect((await day()) > d1, `▶▶ again moves to the event after: ${d1} → ${await day()}`);
  d1 = await day();
  await press('Shift+Tab', 'to next-month');
  await press('Enter', 'next month');
  const d2 = await day();
  expect(d2 - d1 >= 28 && d2 - d1 <= 31, `▶ moves a month: ${d1} → ${d2}`);
  await press('Shift+Tab', 'to prev-month');
  await press(' ', 'previous month');
  expect(Math.abs((await day()) - d1) <= 3, `◀ moves back a month: ${d2} → ${await day()}`);
  await press('Shift+Tab', 'to prev-event');
  d0 = await day();
  await press('Enter', 'previous event');
  expect((await day()) < d0, `◀◀ moves to the previous event: ${d0} → ${await day()}`);

  // Timeline: one tab stop, arrows/Home/End move, Enter selects.
  f = await tabTo((x) => x.testid === 'event-mark', 'the timeline');
  const ids = await page.locator('[data-testid="event-mark"]').evaluateAll((els) => els.map((e) => e.dataset.eventId));
  f = await press('End', 'last mark');
  expect(f.eventId === ids.at(-1), `End focuses the last mark, got ${describe(f)}`);
  f = await press('ArrowLeft', 'previous mark');
  expect(f.eventId === ids.at(-2), `ArrowLeft focuses the previous mark, got ${describe(f)}`);
  f = await press('Home', 'first mark');
  expect(f.eventId === ids[0], `Home focuses the first mark, got ${describe(f)}`);
  for (let i = 0; i < ids.indexOf(MINISTERIAL); i++) f = await press('ArrowRight', 'next mark');
  expect(f.eventId === MINISTERIAL, `arrows reach the ministerial, got ${describe(f)}`);
  expect(await attr(page, mark(MINISTERIAL), 'aria-pressed') === 'false', 'the ministerial is not selected before Enter');
  await press('Enter', 'select the ministerial');
  await eventually(async () => (await attr(page, mark(MINISTERIAL), 'aria-pressed')) === 'true', 'Enter selects the ministerial');
  await page.locator(`[data-testid="event-detail"][data-event-id="${MINISTERIAL}"]`).waitFor({ timeout: 5000 });
  await checkMinisterialSelected(page); // the same facts as the mouse journey: date, roles, highlights

  // Tiles: Tab into the grid, arrows to Kazakhstan, Enter.
  f = await tabTo((x) => x.testid === 'tile', 'the tiles');
  for (let i = 0; i < 40 && f.state !== 'KZ'; i++) {
    const k = await page.locator(tile('KZ')).boundingBox();
    const dy = k.y - f.rect.y;
    const dx = k.x - f.rect.x;
    const key = Math.abs(dy) > 5 ? (dy > 0 ? 'ArrowDown' : 'ArrowUp') : (dx > 0 ? 'ArrowRight' : 'ArrowLeft');
    f = await press(key, 'move across the tiles');
  }
  expect(f.state === 'KZ', `arrows reach Kazakhstan, got ${describe(f)}`);
  await press('Enter', 'select Kazakhstan');
  await page.locator('[data-testid="state-detail"][data-state="KZ"]').waitFor({ timeout: 5000 });
  expect(await attr(page, tile('KZ'), 'aria-pressed') === 'true', 'Kazakhstan tile pressed');
  await checkKazakhstan(page);

  // Detail panel: a button that selects one of the events Kazakhstan attended.
  f = await tabTo((x) => x.inDetail && x.tag === 'button', 'a button in the detail panel');
  const target = f.label;
  await press('Enter', `select "${target}" from the detail panel`);
  await eventually(async () => (await page.locator('[data-testid="event-detail"]').count()) === 1, 'the detail button opens the event');
  const opened = await page.locator('[data-testid="event-detail"] .ap-detail__title').textContent();
  expect(opened.includes(target.slice(0, 20)), `the detail shows "${target}", got "${opened}"`);

  // No trap: Tab goes on until focus leaves the app (to the body / the end of the document)…
  const leave = async (why) => {
    for (let i = 0; i < 400; i++) {
      const x = await press('Tab', why, { allowOutside: true });
      if (x.none || !x.inApp) return true;
    }
    return false;
  };
  expect(await leave('towards the end of the page'), `Tab never left the app (focus trap?); last steps:\n       ${walk.slice(-6).join('\n       ')}`);
  // …then a full cycle from the top: every tab stop in order, each with a visible ring, the
  // timeline and the tile map one stop each, and out again at the end.
  const cycleStart = walk.length;
  f = await press('Tab', 're-enter from the top', { allowOutside: true });
  expect(f.testid === 'about', `Tab from the end of the document wraps to the first control (About this dataset), got ${describe(f)}`);
  expect(await leave('a full cycle through the page'), 'a full Tab cycle leaves the app again');
  const cycle = walk.slice(cycleStart, -1);
  const count = (re) => cycle.filter((line) => re.test(line)).length;
  expect(count(/data-testid=event-mark/) === 1, `the timeline is one tab stop, got ${count(/data-testid=event-mark/)}`);
  expect(count(/data-testid=tile/) === 1, `the tile map is one tab stop, got ${count(/data-testid=tile/)}`);
  expect(count(/data-testid=asof/) === 1 && count(/data-testid=view-text/) === 1, 'the slider and the view switch are in the cycle');
  expect(count(/→ <a>/) > 0, 'the detail panel\'s links are in the cycle');
  f = await press('Shift+Tab', 'back into the app from the end');
  expect(!f.none && f.inApp, `Shift+Tab from the end returns into the app, got ${describe(f)}`);

  // What the keys selected is in the link: a reload shows the same event.
  const url = page.url();
  expect(url.includes('e='), `the selection is in the URL: ${url}`);
  await page.reload();
  await waitForApp(page);
  expect(page.url() === url, `same URL after reload: ${page.url()} (was ${url})`);
  const reopened = await page.locator('[data-testid="event-detail"] .ap-detail__title').textContent();
  expect(reopened === opened, `the reloaded page shows "${opened}", got "${reopened}"`);

  fs.writeFileSync(path.join(artifacts, 'keyboard-walk.txt'), walk.join('\n') + '\n');
  if (soft.length) {
    const uniq = [...new Set(soft)];
    throw new Check(`${uniq.length} keyboard accessibility finding(s):\n       ${uniq.slice(0, 12).join('\n       ')}`);
  }
});

// ================================================================ 3. broken datasets

const json = (d) => JSON.stringify(d);
const mutate = (fn) => { const d = data(); fn(d); return json(d); };
const mi = data().events.findIndex((e) => e.id === MINISTERIAL);
const si = data().sources.findIndex((s) => s.url);
const half = realText.slice(0, Math.floor(realText.length / 2)); // cut on a character boundary

// Each: body (string or Buffer), optional contentType/status, `expect`: substrings of the alert.
const broken = [
  { name: 'malformed JSON', body: '{"format_version": 1,\n  "id": }', expect: ['not valid JSON', 'line 2, column'] },
  { name: 'truncated real file', body: half, expect: ['ends too early', 'line '] },
  { name: 'empty body', body: '', expect: ['empty'] },
  { name: 'whitespace-only body', body: ' \n\t\n', expect: ['empty'] },
  { name: 'null', body: 'null', expect: ['$', 'found null'] },
  { name: 'top-level array', body: `[${realText}]`, expect: ['$', 'expected an object, found an array'] },
  { name: 'top-level string', body: '"almaty-process"', expect: ['$', 'expected an object, found a string'] },
  { name: 'top-level number', body: '42', expect: ['$', 'found a number'] },
  { name: 'trailing comma', body: '{"format_version": 1,}', expect: ['not valid JSON', 'line 1'] },
  { name: 'lone surrogate escape', body: '{"format_version": 1, "id": "\\ud800"}', expect: ['not valid JSON', 'line 1'] },
  {
    // Too big for the browser's test pipe: e2e/server.mjs streams it at /oversize/.
    name: '90 MB body (limit is 80 MB)',
    at: 'oversize/',
    expect: ['94371840 bytes', '80 MB'],
  },
  { name: '10,000-deep nesting', body: '['.repeat(10000) + ']'.repeat(10000), expect: ['not valid JSON', 'line 1'] },
  {
    name: 'invalid UTF-8 bytes',
    body: Buffer.concat([Buffer.from('{"format_version": 1,\n "id": "'), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from('"}')]),
    expect: ['not UTF-8', 'line 2'],
  },
  { name: 'UTF-16 encoded JSON', body: Buffer.from('\ufeff' + realText, 'utf16le'), expect: ['not UTF-8'] },
  {
    name: 'HTML served instead of JSON', contentType: 'text/html; charset=utf-8',
    body: '<!doctype html>\n<html><head><title>Page not found</title></head><body><h1>Oops</h1></body></html>',
    expect: ['looks like HTML'],
  },
  // Semantic problems: the real file, parsed and changed.
  { name: 'unknown state reference', body: mutate((d) => { d.events[mi].participants[0].state = 'XX'; }), expect: [`$.events[${mi}].participants[0].state`, '"XX"'] },
  { name: 'unknown source reference', body: mutate((d) => { d.events[mi].sources[0] = 'NO-SUCH-SOURCE'; }), expect: [`$.events[${mi}].sources[0]`, 'NO-SUCH-SOURCE'] },
  { name: 'duplicate event id', body: mutate((d) => { d.events[1].id = d.events[0].id; }), expect: ['$.events[1].id', 'already used by $.events[0]'] },
  { name: 'impossible date 2013-02-30', body: mutate((d) => { d.events[mi].start = '2013-02-30'; }), expect: [`$.events[${mi}].start`, '2013-02-30'] },
  { name: 'end before start', body: mutate((d) => { d.events[0].end = '2011-03-01'; }), expect: ['$.events[0].end', 'before it starts'] },
  { name: 'overlapping chair terms', body: mutate((d) => { d.chair_terms[1].from = '2015-01'; }), expect: ['$.chair_terms[1].from', 'overlaps'] },
  { name: 'missing language', body: mutate((d) => { delete d.events[0].title.ru; }), expect: ['$.events[0].title.ru', '"ru"'] },
  {
    name: 'javascript: link', body: mutate((d) => { d.sources[si].url = 'javascript:alert(document.domain)'; }),
    expect: [`$.sources[${si}].url`, 'not an http:// or https:// link'],
    after: async (page) => expect(await page.locator('a[href^="javascript:" i]').count() === 0, 'no javascript: link in the page'),
  },
  { name: 'format_version 2', body: mutate((d) => { d.format_version = 2; }), expect: ['$.format_version', 'version 2'] },
  { name: 'required list missing', body: mutate((d) => { delete d.events; }), expect: ['$.events', 'missing'] },
  { name: 'list of the wrong type', body: mutate((d) => { d.states = {}; }), expect: ['$.states', 'expected an array'] },
  { name: 'misspelt top-level key', body: mutate((d) => { d.evnts = d.events; delete d.events; }), expect: ['$.evnts', 'unknown key'] },
  { name: 'text over 5,000 characters', body: mutate((d) => { d.title.en = 'x'.repeat(6000); }), expect: ['$.title.en', '5000'] },
  { name: 'more than 200 problems', body: tooMany, expect: ['$.events[1].id', 'more problems not listed'],
    after: async (page) => expect(await page.locator('[data-testid="problems"] > li').count() === 201, 'the list stops at 200 problems plus a summary line') },
];

for (const c of broken) {
  test(`gate: bad input — ${c.name}`, async ({ page, base }) => {
    if (!c.at) {
      const body = typeof c.body === 'function' ? c.body() : c.body;
      await page.route(DATA_ROUTE, (route) =>
        route.fulfill({ status: c.status || 200, contentType: c.contentType || 'application/json', body }));
    }
    const t0 = Date.now();
    await page.goto(base + (c.at || ''), { waitUntil: 'domcontentloaded' });
    const alert = page.locator(alertSel);
    await alert.first().waitFor({ timeout: Math.max(500, 5000 - (Date.now() - t0)) }).catch(() => {
      throw new Check(`no role="alert" within 5 s of navigation`);
    });
    expect(await alert.count() === 1, `one alert, got ${await alert.count()}`);
    expect(await alert.getAttribute('data-testid') === 'error', `the alert is the error view, not "${await alert.getAttribute('data-testid')}"`);
    expect(await alert.isVisible(), 'the alert is visible');
    const text = (await alert.innerText()).trim();
    expect(text.length > 0, 'the alert is not blank');
    expect(text.includes('data/dataset.json'), `the alert names the file: ${text.slice(0, 200)}`);
    for (const s of c.expect) expect(text.includes(s), `the alert says "${s}": ${text.slice(0, 600)}`);
    expect(await page.locator('[data-testid="retry"]').isVisible(), 'a Retry button is offered');
    expect(await page.locator('[data-testid="event-mark"], [data-testid="event-item"]').count() === 0, 'no half-rendered explorer');
    if (c.after) await c.after(page);
  });
}

// A UTF-8 byte order mark before valid JSON. RFC 8259 §8.1 lets a parser ignore it, and
// editors (Notepad, Excel exports) add it silently; the validator skips it, so the app loads.
test('gate: bad input — UTF-8 BOM before valid JSON loads', async ({ page, base }) => {
  await page.route(DATA_ROUTE, (route) => route.fulfill({
    status: 200, contentType: 'application/json', body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), realBytes]),
  }));
  await page.goto(base);
  const outcome = await eventually(async () => {
    if (await page.locator(alertSel).count()) return 'alert';
    if (await page.locator('[data-testid="event-mark"]').count()) return 'loaded';
    return null;
  }, 'the app either loads or shows an alert');
  if (outcome === 'alert') {
    const text = (await page.locator(alertSel).innerText()).trim().replace(/\s+/g, ' ');
    throw new Check(`a dataset with a BOM is refused: "${text.slice(0, 300)}"`);
  }
  const n = await page.locator('[data-testid="event-mark"]').count();
  expect(n === data().events.length, `every event rendered: ${n} of ${data().events.length}`);
  expect(await page.locator('[data-testid="title"]').textContent() === data().title.en, 'the title is the dataset\'s, without a stray BOM');
});

// Valid JSON under a wrong or missing content type (and a misleading charset) still loads:
// the app reads bytes and decodes UTF-8 itself.
for (const contentType of ['text/plain; charset=windows-1251', 'application/octet-stream']) {
  test(`gate: bad input — valid JSON served as ${contentType} loads`, async ({ page, base }) => {
    await page.route(DATA_ROUTE, (route) => route.fulfill({ status: 200, contentType, body: realBytes }));
    await page.goto(`${base}#l=ru`);
    await waitForApp(page);
    expect(await page.locator(alertSel).count() === 0, 'no alert');
    const n = await page.locator('[data-testid="event-mark"]').count();
    expect(n === data().events.length, `${n} marks`);
    const title = await page.locator('[data-testid="title"]').textContent();
    expect(title === data().title.ru, `Cyrillic decoded as UTF-8: ${title}`);
  });
}

// ================================================================ 4. network faults

const faults = [
  { name: 'HTTP 404', fail: (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }), says: ['HTTP 404'] },
  { name: 'HTTP 500', fail: (route) => route.fulfill({ status: 500, contentType: 'text/html', body: '<h1>Internal Server Error</h1>' }), says: ['HTTP 500'] },
  // Chromium reports any failed fetch as "TypeError: Failed to fetch"; the alert must say so.
  { name: 'aborted connection', fail: (route) => route.abort('connectionreset'), says: ['connection failed', 'Failed to fetch'] },
];
for (const c of faults) {
  test(`gate: network — ${c.name} shows an alert with Retry, and Retry recovers`, async ({ page, base }) => {
    let fail = true;
    let requests = 0;
    await page.route(DATA_ROUTE, (route) => { requests++; return fail ? c.fail(route) : route.continue(); });
    await page.goto(base);
    const alert = page.locator(alertSel);
    await alert.waitFor({ timeout: 5000 });
    const url = (await page.locator('[data-testid="error-url"]').innerText()).trim();
    expect(url === `${base}data/dataset.json`, `names the full URL ${base}data/dataset.json: "${url}"`);
    const reason = (await page.locator('[data-testid="error-reason"]').innerText()).trim();
    for (const s of c.says) expect(reason.includes(s), `the reason says "${s}": "${reason}"`);
    expect(await page.locator('[role="status"]').count() === 0, 'no loading status next to the alert');
    fail = false;
    await page.locator('[data-testid="retry"]').click();
    await waitForApp(page);
    expect(await alert.count() === 0, 'alert gone after Retry');
    expect(requests === 2, `Retry fetched again (${requests} requests)`);
    expect(await page.locator('[data-testid="event-mark"]').count() === data().events.length, 'every event rendered');
  });
}

test('gate: network — a stalled response shows loading, times out at 15 s, and Retry recovers', async ({ page, base }) => {
  let stall = true;
  let release;
  const released = new Promise((r) => { release = r; });
  await page.route(DATA_ROUTE, async (route) => {
    if (!stall) return route.continue();
    await Promise.race([released, sleep(30000)]); // a 30 s stall, unless the test ends first
    await route.fulfill({ status: 200, contentType: 'application/json', body: realBytes }).catch(() => {});
  });
  try {
    const t0 = Date.now();
    await page.goto(base, { waitUntil: 'domcontentloaded' });
    const status = page.locator('[role="status"]');
    const alert = page.locator(alertSel);
    await status.waitFor({ timeout: 5000 });
    expect((await status.innerText()).includes('Loading'), `the status says it is loading: ${await status.innerText()}`);
    expect(await status.getAttribute('aria-live') === 'polite', 'the status is a polite live region');
    // Still loading, and nothing else, until just before the timeout.
    while (Date.now() - t0 < 13000) {
      expect(await status.count() === 1 && await alert.count() === 0,
        `still loading at ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      await sleep(1000);
    }
    await alert.waitFor({ timeout: 8000 });
    const at = (Date.now() - t0) / 1000;
    expect(at >= 14 && at <= 19, `the timeout fired after ${at.toFixed(1)} s (expected about 15 s)`);
    const text = (await alert.innerText()).trim();
    expect(text.includes('no answer within 15 s'), `a timeout message: ${text}`);
    expect(text.includes('data/dataset.json'), `names the URL: ${text}`);
    expect(await status.count() === 0, 'the loading status is gone');
    const retry = page.locator('[data-testid="retry"]');
    expect(await retry.isVisible(), 'a Retry button');
    stall = false;
    await retry.click();
    await waitForApp(page);
    expect(await alert.count() === 0, 'alert gone after Retry');
    expect(await page.locator('[data-testid="event-mark"]').count() === data().events.length, 'every event rendered');
  } finally {
    release();
  }
});
