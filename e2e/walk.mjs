// State walks (issue 20): seeded random walks over hash edits (valid and invalid values of
// every key), opened links, Back/Forward, clicks on visible controls and keys, on the main
// page at desktop and phone widths and on a page with two embedded instances; the journey that
// crashed the explorer; and the recovery after a panic.
//
// A walk fails on any page error, the crash screen, a missing app, or a URL that reopens
// another view than the one shown (checked by reloading every few steps), and prints the seed,
// the step and the steps before it. Replay one with
//   WALK_SEED=<seed> e2e/node_modules/.bin/playwright test -c e2e/playwright.config.mjs walk.mjs --grep '<name>'
// (WALK_STEPS=<n> makes the walks longer or shorter).

import fs from 'node:fs';
import { test } from './fixtures.mjs';
import * as h from './helpers.mjs';

const STEPS = Number(process.env.WALK_STEPS || 0);
const MINISTERIAL = '2013-06-05-ministerial';

// In the page: every instance's shown view (`.ap-app[data-hash-state]`), inside shadow roots too.
function shownStates() {
  const out = {};
  for (const host of document.querySelectorAll('[data-almaty-process]')) {
    const root = host.shadowRoot || host;
    const app = root.querySelector('.ap-app');
    out[host.id || 'main'] = app ? app.getAttribute('data-hash-state') : null;
  }
  return out;
}

// In the page: tags the visible, enabled controls of every instance with `data-walk` numbers
// and returns how many there are.
function tagControls() {
  const sel = 'button, a[href], input, select, summary, [role="button"], [role="tab"], [tabindex="0"]';
  let n = 0;
  for (const el of document.querySelectorAll('[data-walk]')) el.removeAttribute('data-walk');
  for (const host of document.querySelectorAll('[data-almaty-process]')) {
    const root = host.shadowRoot || host;
    for (const el of root.querySelectorAll('[data-walk]')) el.removeAttribute('data-walk');
    for (const el of root.querySelectorAll(sel)) {
      const r = el.getBoundingClientRect();
      if (r.width < 1 || r.height < 1 || el.disabled) continue;
      // Print opens the browser's dialog; the JSON link is a download; a source's link leaves
      // the site (a walk stays in the app).
      if (el.closest('[data-act="print"], [data-act="json"]')) continue;
      if (el.tagName === 'A' && !el.getAttribute('href').startsWith('#')) continue;
      if (getComputedStyle(el).visibility === 'hidden') continue;
      el.setAttribute('data-walk', String(n++));
    }
  }
  return n;
}

const strip = (h) => (h || '').split('&').filter((p) => p && !/^([a-z]+\.)?t=/.test(p)).sort().join('&');

const { expect, eventually, waitForApp, dist, Check } = h;
const data = JSON.parse(fs.readFileSync(`${dist}/data/dataset.json`, 'utf8'));
const eventIds = data.events.map((e) => e.id);
const stateCodes = data.states.map((s) => s.code);
const days = data.events.map((e) => e.start.slice(0, 10)).filter((d) => /^\d{4}-\d\d-\d\d$/.test(d));

const JUNK = ['', 'x', '%', '%zz', '2013-13-01', '2013-02-30', '..', '<b>', 'ru,en', '9999-01-01', '0001-01-01', 'null'];
function value(r, key) {
  if (r.int(4) === 0) return r.pick(JUNK);
  switch (key) {
    case 'e': return r.pick(eventIds);
    case 's': case 'a': return r.pick(stateCodes);
    case 'd': case 'cmp': return r.pick(days);
    case 'v': return r.pick(['visual', 'text']);
    case 'l': return r.pick(['en', 'ru', 'kk']);
    case 't': { const a = r.pick(days), b = r.pick(days); return a < b ? `${a}..${b}` : `${b}..${a}`; }
    case 'q': return r.pick(['2013', 'Almaty', '%D0%B0', 'a%20b', 'Kazakhstan']);
    case 'lv': return r.pick(['ministerial', 'senior-officials,ministerial', '', 'founding-conference']);
    case 'c': return 'sure';
    case 'f': return r.pick(['1', '0']);
    default: return r.pick(JUNK);
  }
}
const KEYS = ['e', 's', 'd', 'v', 'l', 't', 'q', 'lv', 'a', 'c', 'cmp', 'f', 'zz'];
function randomHash(r, prefixes) {
  const parts = [];
  for (let k = r.int(5); k >= 0; k--) {
    const key = r.pick(KEYS);
    parts.push(`${r.pick(prefixes)}${key}=${value(r, key)}`);
  }
  return parts.join('&');
}
const KEYS_PRESSED = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown',
  'Enter', ' ', '+', '-', '0', 'Escape', 'Tab', 'Shift+Tab', 'Shift+ArrowRight'];

/**
 * One walk of `steps` steps from `url`. `prefixes`: the hash key prefixes of the page's
 * instances ('' for an unnamed one).
 */
async function walk({ page, origin }, { url, steps, prefixes, name }) {
  const seed = Number(process.env.WALK_SEED || 0) || ((Date.now() ^ (name.length * 7919)) >>> 0);
  const r = h.rng(seed);
  const log = [];
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const fail = (step, why) => {
    throw new Check(`walk "${name}" failed at step ${step} of ${steps} (seed ${seed}): ${why}\n` +
      `       last steps:\n         ${log.slice(-12).join('\n         ')}\n` +
      `       replay: WALK_SEED=${seed} e2e/node_modules/.bin/playwright test -c e2e/playwright.config.mjs walk.mjs --grep "${name}"`);
  };
  // The app is there (a filter may leave no event to show, so no mark to wait for).
  const ready = () => page.locator('.ap-app, [data-testid="crash"]').first().waitFor({ timeout: 15000 });
  const settle = () => page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0))));
  const healthy = async (step) => {
    if (errors.length) fail(step, `page error: ${errors[0]}`);
    const crashed = await page.locator('[data-testid="crash"]').count();
    if (crashed) fail(step, 'the crash screen is shown');
  };
  await page.goto(url);
  await waitForApp(page);
  const timing = process.env.WALK_TIMING ? [] : null;
  for (let step = 1; step <= steps; step++) {
    const kind = r.int(100);
    const t0 = Date.now();
    try {
      if (kind < 25) {
        const hash = randomHash(r, prefixes);
        log.push(`${step}: hash #${hash}`);
        await page.evaluate((hsh) => { location.hash = hsh; }, hash);
      } else if (kind < 32) {
        // A link opened in this tab: a new document on a link with a hash.
        const hash = randomHash(r, prefixes);
        log.push(`${step}: open ?n=${step}#${hash}`);
        const u = new URL(url);
        u.search = `?n=${step}`;
        u.hash = hash;
        await page.goto(u.href);
        await ready();
      } else if (kind < 40) {
        const back = r.int(2) === 0;
        log.push(`${step}: ${back ? 'back' : 'forward'}`);
        await (back ? page.goBack({ timeout: 3000 }) : page.goForward({ timeout: 3000 })).catch(() => null);
        // Back past the walk's first page leaves the site (the tab's blank page): come back.
        if (!page.url().startsWith(origin)) {
          log.push(`${step}: forward again (Back left the site)`);
          await page.goForward({ timeout: 3000 }).catch(() => null);
        }
        await ready().catch(() => fail(step, 'no app after Back/Forward'));
      } else if (kind < 75) {
        const n = await page.evaluate(tagControls);
        if (n === 0) { log.push(`${step}: no control to click`); continue; }
        const k = r.int(n);
        const desc = await page.locator(`[data-walk="${k}"]`).evaluate((el) =>
          `${el.tagName.toLowerCase()}${el.dataset.testid ? `[${el.dataset.testid}]` : ''} "${(el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 40)}"`);
        log.push(`${step}: click ${desc}`);
        const el = page.locator(`[data-walk="${k}"]`);
        const type = await el.evaluate((e) => e.type || '');
        if (type === 'range') {
          await el.focus();
          await page.keyboard.press(r.pick(['ArrowLeft', 'ArrowRight', 'PageUp', 'End', 'Home']));
        } else if (type === 'text' || type === 'search' || type === 'date') {
          await el.fill(type === 'date' ? r.pick(days) : r.pick(['2013', 'Almaty', 'Казахстан', 'zzz', '']), { timeout: 800 }).catch(() => {});
        } else {
          await el.click({ timeout: 800 }).catch(() => {});
        }
      } else {
        const n = await page.evaluate(tagControls);
        const key = r.pick(KEYS_PRESSED);
        if (n > 0) {
          const k = r.int(n);
          log.push(`${step}: key ${key} on control ${k}`);
          await page.locator(`[data-walk="${k}"]`).focus({ timeout: 800 }).catch(() => {});
        } else {
          log.push(`${step}: key ${key}`);
        }
        await page.keyboard.press(key);
      }
      await settle();
      await healthy(step);
      // Every 8 steps: the URL reopens what every instance shows (the stretch `t` aside,
      // which the timeline may adjust to the screen's width).
      if (step % 8 === 0) {
        await page.waitForTimeout(400); // a scroll's span settles after 250 ms
        const before = await page.evaluate(shownStates);
        const here = page.url();
        await page.reload();
        await ready();
        await settle();
        const after = await page.evaluate(shownStates);
        for (const [inst, s] of Object.entries(before)) {
          if (strip(s) !== strip(after[inst])) {
            fail(step, `the URL ${here} reopens instance ${inst} as ${after[inst]}, not as shown: ${s}`);
          }
        }
        await healthy(step);
      }
    } catch (e) {
      if (e instanceof Check) throw e;
      fail(step, e.message.split('\n')[0]);
    }
    if (timing) timing.push([Date.now() - t0, log[log.length - 1]]);
  }
  if (timing) console.log(timing.sort((a, b) => b[0] - a[0]).slice(0, 15).map((x) => x.join(' ms  ')).join('\n'));
  await healthy(steps);
}

test('walk: random steps on the desktop page (hash, links, Back/Forward, clicks, keys)', async ({ page, base, origin }) => {
  const ctx = { page, base, origin };
  await walk(ctx, { url: ctx.base, steps: STEPS || 150, prefixes: ['', '', '', 'x.'], name: 'walk: random steps on the desktop page' });
});

test('walk: random steps on a phone', { tag: '@phone' }, async ({ page, base, origin }) => {
  const ctx = { page, base, origin };
  await walk(ctx, { url: ctx.base, steps: STEPS || 150, prefixes: ['', '', '', 'x.'], name: 'walk: random steps on a phone' });
});

test('walk: random steps on a page with two embedded instances', async ({ page, base, origin }) => {
  const ctx = { page, base, origin };
  await walk(ctx, { url: `${ctx.origin}/hosts/two.html`, steps: STEPS || 100,
    prefixes: ['en-instance.', 'ru-instance.', ''], name: 'walk: random steps on a page with two embedded instances' });
});

test('walk journey: a dated link, then an in-page link to the text view (the crash of issue 20)', async ({ page, base }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}#d=2013-06-05`);
  await waitForApp(page);
  await page.evaluate(() => {
    const a = document.createElement('a');
    a.href = '#v=text';
    a.textContent = 'text view';
    document.body.append(a);
    a.click();
  });
  await eventually(async () => (await page.locator('[data-testid="event-item"]').count()) > 0, 'the text view shows');
  expect(await page.locator('[data-testid="crash"]').count() === 0, 'no crash screen');
  expect(errors.length === 0, `page errors: ${errors.join('; ')}`);
  // And back again, with the date and a selection in one link.
  await page.evaluate((id) => { location.hash = `e=${id}&d=2013-06-05&v=visual`; }, MINISTERIAL);
  await eventually(async () => (await page.locator(`[data-testid="event-mark"][data-event-id="${MINISTERIAL}"][aria-pressed="true"]`).count()) === 1,
    'the visual view with the ministerial selected');
  await page.goBack();
  await page.goForward();
  await page.waitForTimeout(200);
  expect(await page.locator('[data-testid="crash"]').count() === 0, 'no crash screen after Back/Forward');
  expect(errors.length === 0, `page errors: ${errors.join('; ')}`);
});

async function panicAndRecover(page) {
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.evaluate(() => window.dispatchEvent(new Event('almaty-process:panic')));
  await eventually(() => warnings.some((w) => /restarted after a panic/.test(w)), 'the restart is reported in the console', 10000);
  return warnings;
}

test.describe(() => {
  test.use({ allowPageError: /unreachable/i });
  test('walk recovery: after a panic the app restarts by itself in the view it showed, once; a second panic asks for a reload', async ({ page, base }) => {
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}#e=${MINISTERIAL}&l=ru`);
    await waitForApp(page);
    // Move on from the opening link by a click: the restart reopens the view shown.
    await page.locator('[data-testid="tile"][data-state="KZ"]').first().click();
    await panicAndRecover(page);
    await waitForApp(page);
    expect(await page.locator('[data-testid="crash"]').count() === 0, 'no crash screen after the restart');
    expect(await page.locator('[data-testid="state-detail"]').count() === 1, 'the selected state is shown again');
    expect((await page.locator('.ap-app').getAttribute('lang')) === 'ru', 'still in Russian');
    expect(errors.length >= 1 && errors.every((e) => /unreachable/i.test(e)), `only the panic's trap is a page error: ${errors.join('; ')}`);
    // The restarted app works: a click selects, the URL follows.
    await page.locator(`[data-testid="event-mark"][data-event-id="${MINISTERIAL}"]`).click();
    await eventually(() => page.url().includes(`e=${MINISTERIAL}`), 'the URL follows a click after the restart');
    await page.evaluate(() => { location.hash = 'v=text&l=en'; });
    await eventually(async () => (await page.locator('[data-testid="event-item"]').count()) > 0, 'the hash still drives the restarted app');
    expect(await page.locator('.ap-app').count() === 1, 'one app, not two');
    // A second panic: the message asking for a reload.
    await page.evaluate(() => window.dispatchEvent(new Event('almaty-process:panic')));
    await eventually(async () => (await page.locator('[data-testid="crash"]').count()) === 1, 'a second panic shows the message');
  });
});

test.describe(() => {
  test.use({ allowPageError: /unreachable/i });
  test('walk recovery: two embedded instances both come back in their views', async ({ page, origin }) => {
    await page.goto(`${origin}/hosts/two.html#en-instance.s=KZ`);
    await page.locator('#ru-instance [data-testid="event-item"]').first().waitFor({ timeout: 15000 });
    await page.locator('#en-instance [data-testid="state-detail"]').waitFor({ timeout: 15000 });
    await panicAndRecover(page);
    await page.locator('#ru-instance [data-testid="event-item"]').first().waitFor({ timeout: 15000 });
    await page.locator('#en-instance [data-testid="state-detail"]').waitFor({ timeout: 15000 });
    expect(await page.locator('[data-testid="crash"]').count() === 0, 'no crash screen');
    expect(await page.locator('#en-instance .ap-app').count() === 1 && await page.locator('#ru-instance .ap-app').count() === 1,
      'each host holds one app');
  });
});
