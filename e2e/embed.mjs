// End-to-end tests of embedding: several instances with hostile host CSS, a hidden tab, the
// iframe page, the strict CSP, hostile dataset text, and dates in both languages.
import fs from 'node:fs';
import path from 'node:path';
import { test } from './fixtures.mjs';
import * as h from './helpers.mjs';

/** Runs in the page: querySelectorAll that also looks inside open shadow roots. */
const DEEP = `window.__deepAll = (sel, root = document) => {
  const out = [...root.querySelectorAll(sel)];
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) out.push(...window.__deepAll(sel, el.shadowRoot));
  return out;
};`;

const { expect, eventually, MINISTERIAL, dist } = h;

test('embed: two instances (EN, RU) on a host page with hostile CSS, isolated both ways', async ({ page, origin }) => {
  await page.addInitScript(DEEP);
  await page.goto(`${origin}/hosts/two.html`);
  const en = page.locator('#en-instance [data-testid="asof-summary"]');
  const ru = page.locator('#ru-instance [data-testid="asof-summary"]');
  await eventually(async () => (await en.textContent()).startsWith('As of 5 June 2013: 7 members, 2 observers'), 'EN instance');
  await eventually(async () => (await ru.textContent()).startsWith('На 5 июня 2013 г.: 7 членов, 2 наблюдателя'), 'RU instance');
  expect(await page.locator('#ru-instance [data-testid="event-item"]').count() > 0, 'RU instance in text view');
  // The host's rules do not reach inside.
  const inside = await page.evaluate(() => {
    const mark = window.__deepAll('[data-testid="event-mark"]')[0];
    const cs = getComputedStyle(mark);
    const title = window.__deepAll('[data-testid="title"]')[0];
    return { display: cs.display, color: getComputedStyle(title).color, font: getComputedStyle(title).fontFamily, spacing: getComputedStyle(title).letterSpacing };
  });
  expect(inside.display !== 'none', `marks hidden by host CSS: ${JSON.stringify(inside)}`);
  expect(inside.color !== 'rgb(255, 0, 0)', `host colour leaked in: ${JSON.stringify(inside)}`);
  expect(!/Comic/.test(inside.font), `host font leaked in: ${inside.font}`);
  // The app's rules do not reach out.
  const host = await page.evaluate(() => ({
    bg: getComputedStyle(document.querySelector('.host-probe')).backgroundColor,
    list: getComputedStyle(document.querySelector('.host-list')).listStyleType,
    margin: getComputedStyle(document.querySelector('.host-list')).marginTop,
  }));
  expect(host.bg === 'rgb(1, 2, 3)' && host.list === 'square' && host.margin === '10px', `host styles changed: ${JSON.stringify(host)}`);
  // Independent state: selecting in one leaves the other alone.
  await page.locator(`#en-instance [data-testid="event-mark"][data-event-id="${MINISTERIAL}"]`).click({ force: true });
  await eventually(async () => (await page.locator('#en-instance [data-testid="event-detail"]').count()) === 1, 'EN detail');
  expect(await page.locator('#ru-instance [data-testid="event-detail"]').count() === 0, 'RU instance unaffected');
  expect(page.url().includes('en-instance.e=') && !page.url().includes('ru-instance.e='), `hash keys are per instance: ${page.url()}`);
  // Keys pressed outside the app are not taken by it.
  const prevented = await page.evaluate(() => {
    const ev = new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true });
    document.body.dispatchEvent(ev);
    return ev.defaultPrevented;
  });
  expect(!prevented, 'an arrow key on the host page was captured');
});

test('embed: an instance created in a hidden tab lays out when shown', async ({ page, origin }) => {
  await page.goto(`${origin}/hosts/tabs.html`);
  await page.waitForFunction(() => document.querySelector('[data-almaty-process]')?.shadowRoot?.querySelector('[data-testid="event-mark"]'));
  await page.locator('#show').click();
  const marks = page.locator('[data-testid="event-mark"]');
  await marks.first().waitFor({ state: 'visible' });
  const xs = await marks.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().x));
  expect(new Set(xs.map(Math.round)).size > xs.length / 2, `marks spread along the axis: ${xs.slice(0, 6)}`);
  const tiles = await page.locator('[data-testid="tile"]').evaluateAll((els) => els.map((e) => { const r = e.getBoundingClientRect(); return [Math.round(r.x), Math.round(r.y), Math.round(r.width)]; }));
  expect(tiles.every((t) => t[2] > 20), 'tiles have width');
  expect(new Set(tiles.map((t) => `${t[0]},${t[1]}`)).size === tiles.length, 'no two tiles overlap');
});

test('embed: the iframe page sizes its frame through postMessage', async ({ page, origin }) => {
  await page.goto(`${origin}/hosts/frame.html`);
  const frame = page.frameLocator('iframe[data-almaty-process-frame]');
  await frame.locator('[data-testid="event-detail"]').waitFor({ timeout: 15000 });
  await eventually(async () => {
    const [outer, inner] = await Promise.all([
      page.locator('iframe').evaluate((f) => f.getBoundingClientRect().height),
      page.frames()[1].evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height)),
    ]);
    return outer > 500 && Math.abs(outer - inner) <= 2;
  }, 'iframe height follows its content');
  expect((await frame.locator('[data-testid="asof-summary"]').textContent()).startsWith('На 5 июня 2013 г.'), 'frame configured by query parameters');
});

test('embed: zero CSP violations under the strict policy while using the app', async ({ page, base }) => {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(base);
  await h.waitForApp(page);
  await page.locator(`[data-testid="event-mark"][data-event-id="${MINISTERIAL}"]`).click();
  await page.locator('[data-testid="tile"][data-state="KZ"]').click();
  await page.locator('[data-testid="view-text"]').click();
  await page.locator('[data-testid="lang-ru"]').click();
  const v = await page.evaluate(() => window.__violations);
  expect(v.length === 0, `CSP violations: ${v.join('; ')}`);
});

test('embed: dataset text full of HTML/JS payloads renders literally and runs nothing', async ({ page, base }) => {
  const data = JSON.parse(fs.readFileSync(path.join(dist, 'data', 'dataset.json'), 'utf8'));
  const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><a href="javascript:window.__pwned=3">x</a>';
  const poison = (t) => { for (const k of Object.keys(t)) t[k] = `${payload} ${t[k]}`; };
  poison(data.title);
  for (const e of data.events) { poison(e.title); poison(e.summary); }
  for (const s of data.states) for (const n of s.names) { poison(n.short); poison(n.official); }
  for (const s of data.sources) poison(s.title);
  await page.route('**/data/dataset.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(data) }));
  await page.goto(`${base}#e=${MINISTERIAL}`);
  await h.waitForApp(page);
  await page.locator('[data-testid="tile"][data-state="KZ"]').click();
  await page.locator('[data-testid="view-text"]').click();
  const r = await page.evaluate(() => ({
    pwned: window.__pwned,
    imgs: document.querySelectorAll('#app img').length,
    scripts: document.querySelectorAll('#app script').length,
    jsLinks: [...document.querySelectorAll('#app a')].filter((a) => a.href.startsWith('javascript:')).length,
    text: document.querySelector('#app').textContent.includes('<img src=x onerror="window.__pwned=1">'),
  }));
  expect(r.pwned === undefined && r.imgs === 0 && r.scripts === 0 && r.jsLinks === 0, `injected: ${JSON.stringify(r)}`);
  expect(r.text, 'payload shown as literal text');
});

test('embed: dates in both languages, partial dates included', async ({ page, base }) => {
  const data = JSON.parse(fs.readFileSync(path.join(dist, 'data', 'dataset.json'), 'utf8'));
  const monthly = data.events.find((e) => /^\d{4}-\d{2}$/.test(e.start));
  expect(monthly, 'the dataset has a month-precision event');
  await page.goto(`${base}#v=text&d=2013-06-05`);
  await page.locator('[data-testid="event-item"]').first().waitFor();
  const en = await page.locator(`[data-testid="event-item"][data-event-id="${MINISTERIAL}"] time`).textContent();
  expect(en === '5 June 2013', `EN date: ${en}`);
  const monthsEn = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const monthsRu = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];
  const [y, m] = monthly.start.split('-').map(Number);
  const enMonth = await page.locator(`[data-testid="event-item"][data-event-id="${monthly.id}"] time`).textContent();
  expect(enMonth.startsWith(`${monthsEn[m - 1]} ${y}`), `EN month date: ${enMonth}`);
  await page.locator('[data-testid="lang-ru"]').click();
  await eventually(async () => (await page.locator(`[data-testid="event-item"][data-event-id="${MINISTERIAL}"] time`).textContent()) === '5 июня 2013 г.', 'RU date');
  const ruMonth = await page.locator(`[data-testid="event-item"][data-event-id="${monthly.id}"] time`).textContent();
  expect(ruMonth.startsWith(`${monthsRu[m - 1]} ${y} г.`), `RU month date: ${ruMonth}`);
  expect(await page.locator('.ap-app').getAttribute('lang') === 'ru', 'lang attribute follows the switch');
  expect(page.url().includes('l=ru'), 'language kept in the link');
});
