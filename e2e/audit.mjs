// End-to-end: what the second audit of the dataset changed for readers. A role whose end is only
// where the sources stop stays on the map as the last role on record (a dashed tile with "?",
// said in words), the comparison reports no change for it, and the change log is readable under
// "About this dataset" and in both languages.
import fs from 'node:fs';
import path from 'node:path';
import { test } from './fixtures.mjs';
import { expect, eventually, tile, attr, waitForApp, dist } from './helpers.mjs';

const data = JSON.parse(fs.readFileSync(path.join(dist, 'data', 'dataset.json'), 'utf8'));

test('a role last on record stays on the map, marked, and is no change in the comparison', async ({ page, base }) => {
  await page.goto(`${base}#d=2024-06-01`);
  await waitForApp(page);
  // Afghanistan: a member as far as the sources go (May 2019), shown as such, marked.
  const af = page.locator(tile('AF'));
  expect(await af.getAttribute('data-role') === 'member', `AF role: ${await af.getAttribute('data-role')}`);
  expect((await af.getAttribute('class')).includes('ap-tile--stale'), 'AF tile marked as last on record');
  const name = await af.evaluate((el) => el.textContent);
  expect(name.includes('last role on record'), `AF tile says it in words: ${name}`);
  // A role in force is not marked.
  expect(!(await page.locator(tile('KZ')).getAttribute('class')).includes('ap-tile--stale'), 'KZ not marked');
  // The as-of sentence counts such states apart.
  const summary = await page.locator('[data-testid="asof-summary"]').textContent();
  expect(/\d+ as last on record/.test(summary), `as-of sentence: ${summary}`);
  // The legend explains the mark.
  expect(await page.locator('.ap-legend__mark').count() === 1, 'legend has the mark');
  // The detail says since when.
  await af.click();
  await eventually(async () => (await page.locator('[data-testid="state-role"]').textContent()).includes('last on record May 2019'), 'AF detail says last on record May 2019');
  // Compared with 2018, Afghanistan did not change; nobody left.
  await page.goto(`${base}#d=2024-06-01&cmp=2018-06-01`);
  await page.reload();
  await waitForApp(page);
  await eventually(async () => (await attr(page, tile('AF'), 'data-change')) === 'unchanged', 'AF unchanged in the comparison');
  const left = await page.locator('[data-testid="tile"][data-change="left"]').count();
  expect(left === 0, `${left} tiles shown as left`);
});

test('the change log is under "About this dataset", in English and Russian', async ({ page, base }) => {
  await page.goto(base);
  await waitForApp(page);
  const log = page.locator('[data-testid="change-log"]');
  expect(await log.isHidden(), 'the log waits behind the disclosure');
  await page.locator('[data-testid="about"]').click();
  await log.waitFor({ state: 'visible' });
  // A disclosure of its own, opened by keyboard.
  const summary = log.locator('summary');
  expect((await summary.textContent()).includes(`Changes to the dataset (${data.changes.length})`), await summary.textContent());
  const items = page.locator('[data-testid="change-log-entry"]');
  expect(await items.first().isHidden(), 'entries wait behind their own disclosure');
  await summary.focus();
  await page.keyboard.press('Enter');
  await items.first().waitFor({ state: 'visible' });
  expect(await items.count() === data.changes.length, `${await items.count()} entries for ${data.changes.length}`);
  const first = await items.first().textContent();
  expect(first.startsWith('8 December 2026'), `first entry: ${first.slice(0, 60)}`);
  expect(first.includes(data.changes[0].what.en.slice(0, 40)), 'what changed, as written');
  await page.locator('[data-testid="lang-ru"]').click();
  await eventually(async () => (await items.first().textContent()).startsWith('8 декабря 2026'), 'Russian date');
  expect((await items.first().textContent()).includes(data.changes[0].what.ru.slice(0, 40)), 'Russian text');
});
