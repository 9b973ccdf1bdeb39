// The fold (issue 29): with the 2013 ministerial selected and no scrolling, the selected mark,
// at least 80 % of the state tiles (whole) and the detail's heading are in view at 1280×720,
// 1366×768 and 1920×1080, in English and Russian (and at 1920×1080 the detail's first facts);
// the same inside a 720-pixel `data-height` slot on a hostile host page, where the slot keeps
// its height. Screenshots land in e2e/artifacts/fold-*.png.
import path from 'node:path';
import { test } from './fixtures.mjs';
import * as h from './helpers.mjs';

const SIZES = [[1280, 720], [1366, 768], [1920, 1080]];

// In the page: what of the instance in `sel` (light DOM or shadow root) lies inside `box`
// (the viewport, or the slot's rectangle).
function foldReport({ sel, useSlot }) {
  const host = document.querySelector(sel);
  const root = host.shadowRoot || document;
  const v = { top: 0, left: 0, bottom: innerHeight, right: innerWidth };
  const s = host.getBoundingClientRect();
  // In a slot: what is inside both the slot and the window.
  const box = useSlot
    ? { top: Math.max(v.top, s.top), left: Math.max(v.left, s.left), bottom: Math.min(v.bottom, s.bottom), right: Math.min(v.right, s.right) }
    : v;
  const inside = (el) => {
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5 && r.left >= box.left - 0.5 && r.right <= box.right + 0.5;
  };
  const tiles = [...root.querySelectorAll('[data-testid="tile"]')];
  const mark = root.querySelector('[data-testid="event-mark"][aria-pressed="true"] .ap-tl__glyph');
  const facts = root.querySelector('[data-testid="event-detail"] dl, [data-testid="event-detail"] .ap-detail__facts');
  const firstFact = facts && facts.querySelector('dt, dd, p, li');
  return {
    tiles: tiles.length,
    tilesIn: tiles.filter(inside).length,
    mark: inside(mark),
    heading: inside(root.querySelector('[data-testid="event-detail"] .ap-detail__title')),
    firstFact: inside(firstFact),
    scrolled: Math.round(scrollY),
    slotHeight: Math.round(s.height),
    pageWide: document.documentElement.scrollWidth > innerWidth,
  };
}

const { expect, eventually, artifacts, MINISTERIAL } = h;

async function check(page, name, { sel = '#app', useSlot = false, facts = false } = {}) {
  await page.locator(`[data-testid="event-mark"][data-event-id="${MINISTERIAL}"][aria-pressed="true"]`).waitFor({ timeout: 15000 });
  // (The page scrolls to a slot; inside the slot, nothing scrolls.)
  if (useSlot) await page.evaluate((s) => document.querySelector(s).scrollIntoView({ block: 'start' }), sel);
  // The lanes are fitted after layout (a frame or two): wait until the report settles.
  let r;
  await eventually(async () => {
    r = await page.evaluate(foldReport, { sel, useSlot });
    return r.mark && r.heading && r.tilesIn >= Math.ceil(0.8 * r.tiles) && (!facts || r.firstFact);
  }, `${name}: the fold`, 4000).catch(() => {});
  await page.screenshot({ path: path.join(artifacts, `fold-${name}.png`) });
  expect(r.tiles >= 10, `${name}: ${r.tiles} tiles`);
  if (!useSlot) expect(r.scrolled === 0, `${name}: the page scrolled (${r.scrolled} px)`);
  expect(r.mark, `${name}: the selected mark is out of view`);
  expect(r.tilesIn >= Math.ceil(0.8 * r.tiles), `${name}: only ${r.tilesIn} of ${r.tiles} tiles in view`);
  expect(r.heading, `${name}: the detail's heading is out of view`);
  if (facts) expect(r.firstFact, `${name}: the detail's first facts are out of view`);
  return r;
}

for (const [w, hgt] of SIZES) {
  for (const lang of ['en', 'ru']) {
    test.describe(() => {
      test.use({ viewport: { width: w, height: hgt } });
      test(`layout: the fold at ${w}×${hgt} in ${lang.toUpperCase()} (mark, map, detail heading without scrolling)`, async ({ page, base }) => {
        await page.goto(`${base}#e=${MINISTERIAL}&l=${lang}`);
        await check(page, `${w}x${hgt}-${lang}`, { facts: hgt >= 1080 });
      });
    });
  }
}

test.describe(() => {
  test.use({ viewport: { width: 1366, height: 900 } });
  test('layout: an instance in a 720-pixel slot (data-height) on a hostile host page fits it', async ({ page, origin }) => {
    await page.goto(`${origin}/hosts/slot.html#e=${MINISTERIAL}`);
    const r = await check(page, 'slot-720', { sel: '#slot', useSlot: true });
    expect(await page.evaluate(() => document.querySelector('#slot').scrollTop === 0), 'the slot is not scrolled');
    expect(r.slotHeight === 720, `the slot is ${r.slotHeight} px high, not 720`);
    expect(!r.pageWide, 'the host page scrolls sideways');
  });
});

test('layout: the find bar opens from its toggle, remembers it in the link, and opens by itself for a search', async ({ page, base }) => {
  await page.goto(base);
  await page.locator('[data-testid="find-toggle"]').waitFor();
  const bar = page.locator('[data-testid="find"]');
  expect(!(await bar.isVisible()), 'the find bar starts closed');
  await page.locator('[data-testid="find-toggle"]').click();
  await eventually(() => bar.isVisible(), 'the toggle opens the bar');
  expect((await page.locator('[data-testid="find-toggle"]').getAttribute('aria-expanded')) === 'true', 'aria-expanded follows');
  await eventually(() => /[#&]f=1/.test(page.url()), 'the open bar is in the link');
  await page.reload();
  await eventually(() => bar.isVisible(), 'a reload keeps it open');
  await page.goto(`${base}?n=1#q=Almaty`);
  await eventually(() => bar.isVisible(), 'a link with a search opens the bar');
  expect(/\(1\)/.test(await page.locator('[data-testid="find-toggle"]').textContent()), 'the toggle counts the search');
  await page.locator('[data-testid="find-toggle"]').click();
  await eventually(async () => !(await bar.isVisible()) && /[#&]f=0/.test(page.url()), 'closed with a search on: f=0 in the link');
});

test('layout: About this dataset shows the description on demand', async ({ page, base }) => {
  await page.goto(base);
  const about = page.locator('[data-testid="about"]');
  await about.waitFor();
  expect(!(await page.locator('[data-testid="about-text"]').isVisible()), 'the description starts folded');
  await about.click();
  await eventually(() => page.locator('[data-testid="about-text"]').isVisible(), 'the description shows');
  expect((await about.getAttribute('aria-expanded')) === 'true', 'aria-expanded');
  expect(/Every fact about the process cites its sources/.test(await page.locator('[data-testid="about-text"]').textContent()), 'it is the dataset description');
});
