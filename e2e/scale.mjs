// End-to-end check at 20,000 events (the most the validator accepts) at the real dataset's text
// density: the page loads, draws only what is near the view, clusters what is dense, zooms,
// reaches the last event by keyboard, and pages the text view. fixtures.mjs serves the generated
// file (bench/scale-data.mjs) at /scale/data/dataset.json.
import { axeViolations } from './axe-rules.mjs';
import { test } from './fixtures.mjs';
import * as h from './helpers.mjs';

const { expect, eventually, attr } = h;
// The zoomed stretch in the URL (`t=`), in days; null when the URL has none.
const spanDays = (page) => {
  const m = /[#&]t=(\d{4}-\d\d-\d\d)\.\.(\d{4}-\d\d-\d\d)/.exec(page.url());
  return m ? (Date.parse(m[2]) - Date.parse(m[1])) / 864e5 : null;
};

test.describe(() => {
  test('scale: 20,000 events load, draw only what is near the view, zoom and page', async ({ page, origin }) => {
  await page.goto(`${origin}/scale/#d=2018-06-15`);
  await page.locator('[data-testid="event-mark"], [data-testid="event-cluster"]').first().waitFor({ timeout: 60000 });
  const drawn = async () => page.evaluate(() => ({
    marks: document.querySelectorAll('[data-testid="event-mark"]').length,
    clusters: [...document.querySelectorAll('[data-testid="event-cluster"]')].map((c) => Number(c.dataset.count)),
  }));
  let d = await drawn();
  expect(d.marks + d.clusters.length < 2000, `only what is near the view is in the DOM: ${d.marks} marks, ${d.clusters.length} clusters`);
  expect(d.clusters.length > 0 && d.clusters.every((n) => n >= 3), `dense runs are counted clusters: ${d.clusters.slice(0, 5)}`);
  const counted = d.marks + d.clusters.reduce((a, b) => a + b, 0);
  expect(counted > 1000, `the clusters count the events they hold (${counted} accounted for near the view)`);
  // Zoom in twice: the span goes into the URL, clusters thin out.
  await page.locator('[data-testid="zoom-in"]').click();
  await page.locator('[data-testid="zoom-in"]').click();
  await eventually(async () => /[#&]t=\d{4}-\d\d-\d\d\.\.\d{4}-\d\d-\d\d/.test(page.url()), 'the shown stretch is in the URL');
  // Fit all: every event is within the drawn range again (as marks or in clusters).
  await page.locator('[data-testid="zoom-fit"]').click();
  await eventually(async () => { d = await drawn(); return d.marks + d.clusters.reduce((a, b) => a + b, 0) >= 19990; }, 'fit all accounts for every event');
  // End on the timeline reaches the very last event, drawn because it holds the tab stop.
  await page.locator('[data-testid="event-mark"][tabindex="0"]').focus();
  await page.keyboard.press('End');
  await eventually(async () => page.evaluate(() => document.activeElement?.dataset.idx === '19999'), 'End focuses the 20,000th event');
  await page.keyboard.press('Enter');
  await eventually(async () => (await page.locator('[data-testid="event-detail"]').count()) === 1, 'Enter selects it');
  // The text view pages the list and opens on the selected event's page.
  await page.locator('[data-testid="view-text"]').click();
  await eventually(async () => (await page.locator('[data-testid="page-where"]').textContent()) === 'Events 19801–20000 of 20000', 'the last page');
  expect(await page.locator('[data-testid="event-item"]').count() === 200, 'one page of 200');
  await page.locator('[data-testid="page-prev"]').click();
  await eventually(async () => (await page.locator('[data-testid="page-where"]').textContent()) === 'Events 19601–19800 of 20000', 'the previous page');
});
});

test('scale: Ctrl+wheel over the timeline zooms around the pointer; + and - keys; 0 fits all', async ({ page, base }) => {
  await page.goto(base);
  await h.waitForApp(page);
  const span = () => spanDays(page);
  const box = await page.locator('.ap-tl__scroll').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -120);
  await page.keyboard.up('Control');
  await eventually(async () => span() !== null, 'Ctrl+wheel puts the zoomed stretch in the URL');
  const first = span();
  await page.locator('[data-testid="zoom-in"]').focus();
  await page.keyboard.press('+');
  await eventually(async () => span() < first, `+ zooms in (${first} days → ${span()})`);
  const narrower = span();
  await page.keyboard.press('-');
  await eventually(async () => span() > narrower, `- zooms out (${narrower} days → ${span()})`);
  await page.keyboard.press('0');
  await eventually(async () => span() > first, `0 fits all (${span()} days)`);
  expect(await page.evaluate(() => window.scrollX === 0), 'the page itself did not zoom or scroll sideways');
});

// Two fingers on the timeline, `from` px apart, moved in steps to `to` px apart, then lifted.
// Returns how many of the touchmove events the page cancelled (a cancelled move is one the
// browser does not use to zoom the page).
async function pinchOnTimeline(page, context, from, to) {
  // The timeline may start below the fold: bring it up, and touch inside the screen.
  await page.evaluate(() => document.querySelector('.ap-tl__scroll').scrollIntoView({ block: 'start' }));
  const box = await page.locator('.ap-tl__scroll').boundingBox();
  const cx = box.x + box.width / 2, cy = box.y + Math.min(150, box.height / 2);
  await page.evaluate(() => {
    window.__cancelledMoves = 0;
    if (!window.__countsMoves) {
      window.__countsMoves = true;
      window.addEventListener('touchmove', (e) => { if (e.defaultPrevented) window.__cancelledMoves++; }, { passive: true });
    }
  });
  const cdp = await context.newCDPSession(page);
  const points = (d) => [{ x: cx - d / 2, y: cy, id: 1 }, { x: cx + d / 2, y: cy, id: 2 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: points(from) });
  for (let i = 1; i <= 4; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: points(from + ((to - from) * i) / 4) });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
  return page.evaluate(() => window.__cancelledMoves);
}

test.describe(() => {
  test.use({ viewport: { width: 1024, height: 768 }, isMobile: true, hasTouch: true });
  test('scale: on a touch tablet, spreading two fingers on the timeline zooms in and pinching zooms out', async ({ page, base, context }) => {
    await page.goto(base);
    await h.waitForApp(page);
    const cancelled = await pinchOnTimeline(page, context, 60, 240);
    await eventually(async () => spanDays(page) !== null, 'spreading two fingers puts a zoomed stretch in the URL');
    expect(cancelled > 0, 'the timeline keeps the gesture (the page is not zoomed with it)');
    const spread = spanDays(page);
    await pinchOnTimeline(page, context, 240, 60);
    await eventually(async () => spanDays(page) > spread, `pinching zooms out again (${spread} days → ${spanDays(page)})`);
  });
});

test('scale: on a phone (the timeline a vertical list without zoom) a pinch is left to the browser, to zoom the page', { tag: '@phone' }, async ({ page, base, context }) => {
  await page.goto(base);
  await h.waitForApp(page);
  const cancelled = await pinchOnTimeline(page, context, 60, 240);
  await page.waitForTimeout(400);
  expect(cancelled === 0, `${cancelled} touch moves were cancelled: the page could not be zoomed`);
  expect(spanDays(page) === null, `the hidden horizontal timeline was zoomed (${page.url()})`);
});

test.describe(() => {
  test.use({ bypassCSP: true });
  test('scale: on a phone, 20,000 events come a page of 50 at a time, opening on the as-of date; Show later/earlier and the keys cross pages', { tag: '@phone' }, async ({ page, origin }) => {
    await page.goto(`${origin}/scale/#d=2018-06-15`);
    await page.locator('[data-testid="event-mark"]').first().waitFor({ timeout: 60000 });
    const drawn = () => page.evaluate(() => [...document.querySelectorAll('[data-testid="event-mark"]')].map((m) => Number(m.dataset.idx)));
    const active = () => page.evaluate(() => Number(document.activeElement?.dataset.idx));
    // The event at the as-of date: the last one that starts on or before it.
    const atDate = await page.evaluate(async () => {
      const ds = await (await fetch('data/dataset.json')).json();
      return ds.events.filter((e) => e.start <= '2018-06-15').length - 1;
    });
    const from = Math.floor(atDate / 50) * 50;
    let idx = await drawn();
    expect(idx.length === 50 && idx[0] === from && idx[49] === from + 49, `the page of the as-of date (event ${atDate}): ${idx.length} marks, ${idx[0]}…${idx[idx.length - 1]}`);
    expect(await attr(page, '[data-testid="event-mark"][tabindex="0"]', 'data-idx') === String(atDate), 'the tab stop is the event at the as-of date');
    expect(await page.locator('[data-testid="event-cluster"]').count() === 0, 'no clusters in the list');
    const later = page.locator('[data-testid="show-later"]');
    const left = (20000 - from - 50).toLocaleString('en');
    expect((await later.textContent()).replace(/\D/g, '') === String(20000 - from - 50), `the later button counts what is left (${left}): ${await later.textContent()}`);
    expect(/^Show earlier: \d+ events$/.test(await page.locator('[data-testid="show-earlier"]').textContent()), 'an earlier button');
    await later.click();
    await eventually(async () => (await active()) === from + 50, 'Show later focuses the first event of the next page');
    idx = await drawn();
    expect(idx.length === 50 && idx[0] === from + 50, `the next page: ${idx[0]}…${idx[idx.length - 1]}`);
    await page.keyboard.press('End');
    await eventually(async () => (await active()) === 19999, 'End reaches the 20,000th event');
    idx = await drawn();
    expect(idx.length === 50 && idx[0] === 19950, `the last page: ${idx[0]}…${idx[idx.length - 1]}`);
    expect(await page.locator('[data-testid="show-later"]').count() === 0, 'nothing later on the last page');
    await page.locator('[data-testid="show-earlier"]').click();
    await eventually(async () => (await active()) === 19949, 'Show earlier focuses the last event of the previous page');
    await page.keyboard.press('ArrowDown');
    await eventually(async () => (await active()) === 19950, 'the arrow key crosses into the next page');
    await page.keyboard.press('Home');
    await eventually(async () => (await active()) === 0, 'Home reaches the first event');
    idx = await drawn();
    expect(idx[0] === 0 && idx.length === 50, `the first page: ${idx[0]}…${idx[idx.length - 1]}`);
    expect(await page.locator('[data-testid="show-earlier"]').count() === 0, 'nothing earlier on the first page');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no horizontal page scroll');
    const v = await axeViolations(page, '.ap-tl');
    expect(v.length === 0, `axe (all WCAG A/AA + best practice) on the paged list:\n       ${v.join('\n       ')}`);
  });
});
