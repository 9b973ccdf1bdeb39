// What the end-to-end suites share: where the build is, the selectors and journeys several
// suites check, and two assertion shorthands over @playwright/test's own `expect`:
//   expect(condition, message)           the condition holds (expect(...).toBeTruthy())
//   eventually(fn, message, ms = 5000)   fn() turns truthy within ms (expect.poll); its value
import { expect as pwExpect } from '@playwright/test';
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The built folder under test: `E2E_DIST` (relative to the repository), else `dist/`. */
export const dist = path.resolve(here, '..', process.env.E2E_DIST || 'dist');
export const artifacts = path.join(here, 'artifacts');
fs.mkdirSync(artifacts, { recursive: true });

export const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
export const MINISTERIAL = '2013-06-05-ministerial';

/** A failed check with its own message (thrown where a journey cannot go on). */
export class Check extends Error {}

export function expect(cond, msg) {
  pwExpect(Boolean(cond), msg).toBe(true);
}

export async function eventually(fn, msg, ms = 5000) {
  let value;
  await pwExpect.poll(async () => {
    try {
      value = await fn();
    } catch (e) {
      value = undefined;
    }
    return Boolean(value);
  }, { message: msg, timeout: ms, intervals: [50] }).toBe(true);
  return value;
}

export const mark = (id) => `[data-testid="event-mark"][data-event-id="${id}"]`;
export const tile = (code) => `[data-testid="tile"][data-state="${code}"]`;
export const attr = (page, sel, name) => page.locator(sel).first().getAttribute(name);

export async function waitForApp(page) {
  await page.locator('[data-testid="event-mark"], [data-testid="event-item"]').first().waitFor({ timeout: 15000 });
}

/** The 2013 ministerial selected: its detail, Iran and Pakistan marked, the as-of sentence. */
export async function checkMinisterialSelected(page) {
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

/** Kazakhstan selected: its two chair terms. */
export async function checkKazakhstan(page) {
  const terms = page.locator('[data-testid="chair-terms"] > li');
  await eventually(async () => (await terms.count()) === 2, 'Kazakhstan has two chair terms');
  const text = await page.locator('[data-testid="chair-terms"]').textContent();
  expect(text.includes('2013') && text.includes('2025'), `chair terms: ${text}`);
}

/** mulberry32: a small seeded generator, the same sequence for the same seed. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n), pick: (xs) => xs[Math.floor(next() * xs.length)] };
}
