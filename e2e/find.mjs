// End-to-end journeys of issue 15: search (EN, RU with ё/е), a level
// filter through the legend by keyboard, a state filter, comparing the seed's dates, play to
// the last event; each is reopened from its URL, and the new views are scanned with axe-core.
import fs from 'node:fs';
import path from 'node:path';
import { axeViolations } from './axe-rules.mjs';
import { test } from './fixtures.mjs';
import * as h from './helpers.mjs';

const { expect, eventually, waitForApp, dist, Check } = h;
const data = JSON.parse(fs.readFileSync(path.join(dist, 'data', 'dataset.json'), 'utf8'));
const count = () => '[data-testid="match-count"]';
const marks = '[data-testid="event-mark"]';

async function axe(page, name) {
  await page.waitForTimeout(150);
  const v = await axeViolations(page);
  if (v.length) throw new Check(`axe violations in "${name}":\n       ${v.join('\n       ')}`);
}

/** Opens the search and filter bar (closed by default; a link with a search opens it). */
async function openFind(page) {
  const toggle = page.locator('[data-testid="find-toggle"]');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await page.locator('[data-testid="find"]').waitFor({ state: 'visible' });
}

/** Opens `hash` in a fresh page of the same context (a copied link). */
async function reopen(context, base, url) {
  const p = await context.newPage();
  await p.goto(url);
  await waitForApp(p);
  return p;
}

test.describe(() => {
  test.use({ bypassCSP: true });
  test('find: search in English marks matching events, announces the count, survives a reload', async ({ page, base, context }) => {
    await page.goto(base);
    await waitForApp(page);
    await openFind(page);
    const input = page.getByLabel('Search events and states');
    expect(await input.getAttribute('type') === 'search', 'type=search');
    await input.fill('ministerial');
    const expected = data.events.filter((e) => /ministerial/i.test(JSON.stringify([e.title.en, e.summary.en, (e.outcomes || []).map((o) => o.title.en)]))).length;
    await eventually(async () => (await page.locator(count()).textContent()) === `${expected} events match`, `count says ${expected} events match`);
    expect(await page.locator(count()).getAttribute('aria-live') === 'polite', 'announced politely');
    const hit = page.locator(`${marks}[data-event-id="2013-06-05-ministerial"]`);
    expect(await hit.getAttribute('data-match') === 'true', 'the 2013 ministerial is marked');
    expect(/matches the search/.test(await hit.getAttribute('aria-label')), 'the mark says it matches');
    expect(await page.locator(`${marks}[data-match="false"]`).count() > 0, 'others are marked as not matching');
    await eventually(() => page.url().includes('q=ministerial'), `query in the URL: ${page.url()}`);
    // The text view highlights the words.
    await page.getByRole('button', { name: 'Text' }).click();
    await eventually(async () => (await page.locator('mark.ap-mark').count()) > 0, 'words marked in the text view');
    expect(/ministerial/i.test(await page.locator('mark.ap-mark').first().textContent()), 'the mark holds the word');
    const p2 = await reopen(context, base, page.url());
    await eventually(async () => (await p2.locator(count()).textContent()) === `${expected} events match`, 'restored from the URL');
    expect(await p2.getByLabel('Search events and states').inputValue() === 'ministerial', 'the field is refilled');
    await axe(p2, 'text view with a search');
  });
});

test.describe(() => {
  test.use({ bypassCSP: true });
  test('find: Russian search is case-insensitive and treats ё as е', async ({ page, base, context }) => {
    // A Russian word from the dataset that has ё, searched written with е and in capitals.
    const text = data.events.map((e) => e.summary.ru + ' ' + e.title.ru).join(' ');
    const word = text.split(/[^а-яёА-ЯЁ]+/).find((w) => w.includes('ё') && w.length >= 5);
    expect(word, 'the dataset has a Russian word with ё');
    const query = word.replace(/ё/g, 'е').toUpperCase();
    const norm = (s) => s.toLowerCase().replace(/ё/g, 'е');
    const expected = data.events.filter((e) => norm([e.title.ru, e.summary.ru].join(' ')).includes(norm(word))).length;
    await page.goto(`${base}#l=ru`);
    await waitForApp(page);
    await openFind(page);
    await page.getByLabel('Поиск по событиям и государствам').fill(query);
    await eventually(async () => (await page.locator(count()).textContent()).startsWith('Найдено: '), 'Russian count');
    const said = await page.locator(count()).textContent();
    const n = Number(said.match(/\d+/)[0]);
    expect(n >= expected && n > 0, `"${query}" (from "${word}") finds ${n}, at least ${expected}`);
    const forms = ['событие', 'события', 'событий'];
    const k = n % 10 === 1 && n % 100 !== 11 ? 0 : n % 10 >= 2 && n % 10 <= 4 && !(n % 100 >= 12 && n % 100 <= 14) ? 1 : 2;
    expect(said === `Найдено: ${n} ${forms[k]}`, `plural: ${said}`);
    // ё typed as ё finds the same.
    await page.getByLabel('Поиск по событиям и государствам').fill(word.toLowerCase());
    await eventually(async () => (await page.locator(count()).textContent()) === said, 'ё and е find the same');
    const p2 = await reopen(context, base, page.url());
    await eventually(async () => (await p2.locator(count()).textContent()) === said, `restored: ${p2.url()}`);
    await axe(p2, 'visual RU with a search');
  });
});

test.describe(() => {
  test.use({ bypassCSP: true });
  test('find: the legend filters levels, by keyboard, and the marks and keys follow', async ({ page, base, context }) => {
    await page.goto(base);
    await waitForApp(page);
    const senior = data.events.filter((e) => e.level === 'senior_officials').length;
    const toggle = page.locator('[data-testid="level-toggle"][data-level="senior_officials"]');
    expect(await toggle.getAttribute('aria-pressed') === 'true', 'shown at first');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await eventually(async () => (await toggle.getAttribute('aria-pressed')) === 'false', 'toggled off by Enter');
    const shown = data.events.length - senior;
    await page.getByRole('button', { name: 'Fit all' }).click();
    await eventually(async () => {
      const ids = await page.locator(marks).evaluateAll((els) => els.map((e) => e.dataset.eventId));
      return ids.every((id) => data.events.find((e) => e.id === id).level !== 'senior_officials');
    }, 'no senior officials mark is drawn');
    await eventually(() => page.url().includes('lv='), 'levels in the URL');
    // Arrow keys go through the shown events only, in order, to the last.
    await page.locator(`${marks}[tabindex="0"]`).focus();
    await page.keyboard.press('Home');
    await page.waitForTimeout(40);
    const seen = [];
    for (let i = 0; i < shown + 1; i++) {
      const id = await page.evaluate(() => document.activeElement?.dataset?.eventId);
      if (seen[seen.length - 1] !== id) seen.push(id);
      await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(40);
    }
    const want = data.events.filter((e) => e.level !== 'senior_officials').map((e) => e.id);
    expect(JSON.stringify(seen) === JSON.stringify(want), `keys reach every shown event in order: ${seen.length} of ${want.length}`);
    // Space toggles it back.
    await toggle.focus();
    await page.keyboard.press('Space');
    await eventually(async () => (await toggle.getAttribute('aria-pressed')) === 'true', 'toggled on by Space');
    await page.goBack();
    await eventually(async () => (await toggle.getAttribute('aria-pressed')) === 'false', 'Back restores the filter');
    const p2 = await reopen(context, base, page.url());
    expect(await p2.locator('[data-testid="level-toggle"][data-level="senior_officials"]').getAttribute('aria-pressed') === 'false', 'restored from the URL');
    await axe(p2, 'visual with a level filter');
  });
});

test.describe(() => {
  test.use({ bypassCSP: true });
  test('find: attended by Pakistan shows only its events with its role at each', async ({ page, base, context }) => {
    await page.goto(`${base}#v=text`);
    await waitForApp(page);
    await openFind(page);
    await page.getByLabel('Attended by').selectOption('PK');
    const pk = data.events.filter((e) => (e.participants || []).some((p) => p.state === 'PK'));
    await eventually(async () => (await page.locator('[data-testid="event-item"]').count()) === pk.length, `${pk.length} events listed`);
    const ids = await page.locator('[data-testid="event-item"]').evaluateAll((els) => els.map((e) => e.dataset.eventId));
    expect(JSON.stringify(ids) === JSON.stringify(pk.map((e) => e.id)), 'the events Pakistan attended, in order');
    const roles = await page.locator('[data-testid="attended-role"]').allTextContents();
    expect(roles.length === pk.length && roles.every((r) => /^Pakistan: (Observer|Member|Participant|Guest|Chair|Applicant|Signatory)$/.test(r)), `roles: ${roles.join(' | ')}`);
    expect(page.url().includes('a=PK'), `state in the URL: ${page.url()}`);
    const p2 = await reopen(context, base, page.url().replace('v=text', 'v=visual'));
    await p2.getByRole('button', { name: 'Fit all' }).click();
    await eventually(async () => (await p2.locator('[data-testid="event-mark"]').count()) === pk.length, 'only its marks drawn (visual, restored)');
    const label = await p2.locator('[data-testid="event-mark"]').first().getAttribute('aria-label');
    expect(/Pakistan: /.test(label), `the mark names the role: ${label}`);
    // Hide inferred and disputed too.
    await p2.getByLabel('Hide inferred and disputed').check();
    await eventually(() => p2.url().includes('c=sure'), 'c=sure in the URL');
    await axe(p2, 'visual with a state filter');
  });
});

test.describe(() => {
  test.use({ bypassCSP: true });
  test('find: compare 2011-12-31 with 2013-12-31 — Pakistan joined, Russia unchanged, Kazakhstan chair', async ({ page, base, context }) => {
    await page.goto(`${base}#d=2013-12-31`);
    await waitForApp(page);
    await openFind(page);
    await page.getByLabel('Compare with').first().check();
    await page.locator('[data-testid="compare-date"]').fill('2011-12-31');
    await page.locator('[data-testid="compare-date"]').dispatchEvent('change');
    await eventually(() => page.url().includes('cmp=2011-12-31'), `cmp in the URL: ${page.url()}`);
    const check = async (p, lang) => {
      const changes = await p.locator('[data-testid="change"]').allTextContents();
      const same = await p.locator('[data-testid="change-same"]').allTextContents();
      const tileOf = (c) => p.locator(`[data-testid="tile"][data-state="${c}"]`);
      expect(await tileOf('PK').getAttribute('data-change') === 'joined', 'PK tile: joined');
      expect(await tileOf('RU').getAttribute('data-change') === 'unchanged', 'RU tile: unchanged');
      expect(await tileOf('KZ').getAttribute('data-chair-change') === 'became', 'KZ tile: became chair');
      for (const c of ['AF', 'AZ', 'IR', 'KG', 'TJ', 'TR', 'TM']) expect(await tileOf(c).getAttribute('data-change') === 'role-changed', `${c} moved on`);
      if (lang === 'en') {
        expect(changes.includes('Pakistan: not involved → observer'), `changes: ${changes.join(' | ')}`);
        expect(changes.includes('Kazakhstan: signatory (2011 Declaration) → member; became chair'), `KZ: ${changes.join(' | ')}`);
        expect(changes.includes('Iran: signatory (2011 Declaration) → observer'), 'Iran to observer');
        expect(same.includes('Russia: signatory (2011 Declaration), unchanged'), `same: ${same.join(' | ')}`);
        expect(/\+ joined/.test(await tileOf('PK').textContent()), 'the tile says it in words with a glyph');
      } else {
        expect(changes.includes('Пакистан: не участвовало → наблюдатель'), `changes: ${changes.join(' | ')}`);
        expect(changes.some((c) => c.startsWith('Казахстан:') && c.endsWith('стало председателем')), 'KZ RU');
      }
      expect(changes.length === 9, `9 states changed: ${changes.length}`);
    };
    await eventually(async () => (await page.locator('[data-testid="change"]').count()) === 9, 'changes listed');
    await check(page, 'en');
    const p2 = await reopen(context, base, page.url().replace(/([#&])l=en/, '$1l=ru'));
    await eventually(async () => (await p2.locator('[data-testid="change"]').count()) === 9, 'restored (RU)');
    await check(p2, 'ru');
    await axe(p2, 'visual RU comparing two dates');
    const p3 = await reopen(context, base, page.url().replace('v=visual', 'v=text'));
    await eventually(async () => (await p3.locator('[data-testid="change"]').count()) === 9, 'the text view lists the changes too');
    await axe(p3, 'text view comparing two dates');
  });
});

test('find: play steps event by event to the last event and stops; any key stops it', async ({ page, base, context }) => {
  await page.goto(`${base}#d=2020-01-01`);
  await waitForApp(page);
  const play = page.locator('[data-testid="play"]');
  await play.focus();
  await page.keyboard.press('Enter');
  await eventually(async () => (await play.getAttribute('data-playing')) === 'true', 'playing');
  expect(/Pause/.test(await play.textContent()), 'the button says Pause');
  const last = data.events[data.events.length - 1].start;
  await eventually(async () => (await play.getAttribute('data-playing')) === 'false', 'stops at the end', 20000);
  expect(page.url().includes(`d=${last}`), `the date is the last event's: ${page.url()}`);
  expect(/Play/.test(await play.textContent()), 'the button says Play again');
  // From the end, play starts over; a key elsewhere stops it.
  await page.keyboard.press('Enter');
  await eventually(async () => (await play.getAttribute('data-playing')) === 'true', 'playing again');
  await page.locator('[data-testid="next-month"]').focus();
  await page.keyboard.press('Tab');
  await eventually(async () => (await play.getAttribute('data-playing')) === 'false', 'a key press stops play');
  const p2 = await reopen(context, base, `${base}#d=${last}`);
  expect(await p2.locator('[data-testid="play"]').getAttribute('data-playing') === 'false', 'play is not in the URL');
});

test('find: with a level filter, play visits only the shown events and stops at the last of them', async ({ page, base }) => {
  const ministerial = data.events.filter((e) => e.level === 'ministerial').map((e) => e.start).sort();
  await page.goto(`${base}#lv=ministerial&d=2011-01-01`);
  await waitForApp(page);
  const play = page.locator('[data-testid="play"]');
  const days = new Set();
  await play.click();
  await eventually(async () => {
    const m = /[#&]d=(\d{4}-\d\d-\d\d)/.exec(page.url());
    if (m) days.add(m[1]);
    return (await play.getAttribute('data-playing')) === 'false';
  }, 'play stops', 20000);
  const last = ministerial[ministerial.length - 1];
  expect(page.url().includes(`d=${last}`), `stops at the last ministerial conference (${last}): ${page.url()}`);
  const visited = [...days].filter((d) => d !== '2011-01-01');
  expect(visited.every((d) => ministerial.includes(d)), `only ministerial dates were visited: ${visited.join(', ')}`);
});

test.describe(() => {
  test.use({ reducedMotion: 'reduce' });
  test('find: play respects reduced motion (no transitions)', async ({ page, base }) => {
    await page.goto(`${base}#d=2013-12-31`);
    await waitForApp(page);
    await page.locator('[data-testid="play"]').click();
    await eventually(async () => (await page.locator('.ap-app--playing').count()) === 1, 'playing');
    const t = await page.locator('[data-testid="tile"]').first().evaluate((el) => getComputedStyle(el).transitionDuration);
    expect(/^0s/.test(t), `no transition under reduced motion: ${t}`);
    await page.locator('[data-testid="play"]').click();
  });
});

test.describe(() => {
  test.use({ bypassCSP: true });
  test('find: phone layout, search and compare fit without horizontal scroll; axe clean', { tag: '@phone' }, async ({ page, base }) => {
    await page.goto(`${base}#l=ru&q=%D0%B5%D0%BB&cmp=2011-12-31&d=2013-12-31`);
    await waitForApp(page);
    await eventually(async () => (await page.locator('[data-testid="change"]').count()) === 9, 'changes on a phone');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow <= 0, `phone scrolls sideways by ${overflow}px`);
    await axe(page, 'phone RU search and compare');
  });
});
