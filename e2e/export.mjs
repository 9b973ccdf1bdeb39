// End-to-end tests of issue 14: every download triggered by its
// visible control and its content checked (CSV with a real CSV parser, .ics against RFC 5545
// basics and ical.js, the JSON re-validated by the app), citations and copying, copy link,
// printing (a PDF printed by Chromium, read back with pdftotext; a print preview screenshot),
// the toolbar by keyboard, on a phone, embedded and hidden by attribute; English and Russian.
//   e2e/node_modules/.bin/playwright test -c e2e/playwright.config.mjs export.mjs
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { axeViolations } from './axe-rules.mjs';
import { test } from './fixtures.mjs';
import * as h from './helpers.mjs';

const tid = (id) => `[data-testid="${id}"]`;

const { expect, eventually, waitForApp, dist, artifacts, MINISTERIAL, Check } = h;
const realText = fs.readFileSync(path.join(dist, 'data', 'dataset.json'), 'utf8');
const data = () => JSON.parse(realText);
const ds = data();
const ministerial = ds.events.find((e) => e.id === MINISTERIAL);
const byDay = (e) => /^\d{4}-\d{2}-\d{2}$/.test(e.start) && (!e.end || /^\d{4}-\d{2}-\d{2}$/.test(e.end));

/** Opens the download panel (scoped to `scope`) and clicks `testid`; the file's name and bytes. */
async function download(page, testid, scope = '') {
  await page.locator(`${scope} ${tid('tools-download')}`).click();
  await page.locator(`${scope} ${tid(testid)}`).waitFor({ state: 'visible' });
  const [d] = await Promise.all([page.waitForEvent('download'), page.locator(`${scope} ${tid(testid)}`).click()]);
  const failure = await d.failure();
  if (failure) throw new Check(`download of ${testid} failed: ${failure}`);
  return { name: d.suggestedFilename(), bytes: fs.readFileSync(await d.path()) };
}
const status = (page, scope = '') => page.locator(`${scope} ${tid('tools-status')}`).textContent();

// ---------------------------------------------------------------- CSV

test('export: with a filter on, the event downloads hold only the events shown', async ({ page, base }) => {
  await page.goto(`${base}#lv=ministerial`);
  await waitForApp(page);
  const want = ds.events.filter((e) => e.level === 'ministerial').map((e) => e.id).sort();
  await page.locator(tid('tools-download')).click();
  expect((await page.locator(tid('download-events-csv')).textContent()).includes('Found events only'), 'the button says it holds the found events');
  await page.locator(tid('tools-download')).click();
  const csv = await download(page, 'download-events-csv');
  expect(csv.name.includes('found-events'), `file name says so: ${csv.name}`);
  const rows = parseCsv(csv.bytes, { bom: true });
  const ids = rows.slice(1).map((r) => r[0]).sort();
  expect(JSON.stringify(ids) === JSON.stringify(want), `only the ministerial conferences: ${ids.join(', ')} vs ${want.join(', ')}`);
  const ics = await download(page, 'download-ics');
  const uids = [...ics.bytes.toString('utf8').matchAll(/^UID:([^@\r]+)@/gm)].map((m) => m[1]).sort();
  const wantDay = ds.events.filter((e) => e.level === 'ministerial' && byDay(e)).map((e) => e.id).sort();
  expect(JSON.stringify(uids) === JSON.stringify(wantDay), `calendar: ${uids.join(', ')} vs ${wantDay.join(', ')}`);
});


test('export: events CSV (EN and RU) parses with csv-parse; the 2013 ministerial round-trips with Cyrillic intact', async ({ page, base }) => {
  for (const lang of ['en', 'ru']) {
    await page.goto(`${base}#l=${lang}`);
    await waitForApp(page);
    const { name, bytes } = await download(page, 'download-events-csv');
    expect(name === `almaty-process-events-${lang}.csv`, `file name: ${name}`);
    expect(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf, 'starts with a UTF-8 BOM');
    const text = bytes.toString('utf8');
    expect(!/[^\r]\n/.test(text) && text.endsWith('\r\n'), 'records end with CRLF (RFC 4180)');
    const rows = parseCsv(bytes, { bom: true, relax_column_count: false });
    expect(rows.length === ds.events.length + 1, `${rows.length} rows for ${ds.events.length} events`);
    const head = rows[0];
    const col = (names) => head.findIndex((c) => names.includes(c));
    const [cId, cStart, cTitle, cPlace, cWho, cSources] = [
      col(['ID', 'Идентификатор']), col(['Start', 'Начало']), col(['Title', 'Название']),
      col(['Place', 'Место']), col(['States (role)', 'Государства (статус)']), col(['Sources', 'Источники']),
    ];
    expect([cId, cStart, cTitle, cPlace, cWho, cSources].every((i) => i >= 0), `header: ${head.join(' | ')}`);
    for (const e of ds.events) {
      const r = rows.find((x) => x[cId] === e.id);
      expect(r, `a row for ${e.id}`);
      expect(r[cStart] === e.start, `${e.id} start ${r[cStart]}`);
      expect(r[cTitle] === (e.title[lang] ?? e.title.en), `${e.id} title round-trips in ${lang}`);
    }
    const m = rows.find((x) => x[cId] === MINISTERIAL);
    if (lang === 'ru') {
      expect(m[cTitle] === ministerial.title.ru && /[А-Яа-яЁё]/.test(m[cTitle]), `Cyrillic title intact: ${m[cTitle]}`);
      expect(m[cPlace] === 'Алматы', `place: ${m[cPlace]}`);
      expect(m[cWho].includes('Иран (Наблюдатель)') && m[cWho].includes('Казахстан (Председатель)'), `participants with roles: ${m[cWho]}`);
    } else {
      expect(m[cWho].includes('Iran (Observer)'), `participants with roles: ${m[cWho]}`);
    }
    const ids = new Set(ds.sources.map((s) => s.id));
    expect(m[cSources].split('; ').every((id) => ids.has(id)) && m[cSources].includes(ministerial.sources[0]), `source ids: ${m[cSources]}`);
    expect((await status(page)).includes(name), `the download is announced: ${await status(page)}`);
  }
});

test('export: a hostile dataset cannot put a formula or an extra record into the CSV', async ({ page, base }) => {
  const d = data();
  d.events[0].title.en = '=HYPERLINK("http://evil.example/","click")';
  d.events[0].summary.en = '+1+2, "quoted"\r\nsecond line\n@SUM(A1)';
  await page.route('**/data/dataset.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(d) }));
  await page.goto(base);
  await waitForApp(page);
  const { bytes } = await download(page, 'download-events-csv');
  const rows = parseCsv(bytes, { bom: true });
  expect(rows.length === d.events.length + 1, `${rows.length} rows: a line break inside a field made a new record`);
  const r = rows.find((x) => x[0] === d.events[0].id);
  expect(r[7] === `'${d.events[0].title.en}`, `formula defused with an apostrophe: ${r[7]}`);
  expect(r[8] === `'${d.events[0].summary.en}`, `multi-line field intact: ${JSON.stringify(r[8])}`);
});

test('export: states CSV as of the chosen date (EN) — roles, chair, date in the name and the label', async ({ page, base }) => {
  await page.goto(`${base}#d=2013-06-05`);
  await waitForApp(page);
  await page.locator(tid('tools-download')).click();
  const label = await page.locator(tid('download-states-csv')).textContent();
  expect(label === 'States as of 5 June 2013 (CSV)', `visible label: ${label}`);
  await page.locator(tid('tools-download')).click(); // closed again; download() reopens it
  const { name, bytes } = await download(page, 'download-states-csv');
  expect(name === 'almaty-process-states-2013-06-05-en.csv', `file name: ${name}`);
  const rows = parseCsv(bytes, { bom: true, columns: true });
  expect(rows.length === ds.states.length, `${rows.length} states`);
  expect(rows.every((r) => r['As of'] === '2013-06-05'), 'every row says the date');
  expect(rows.filter((r) => r.Role === 'Member').length === 7, 'seven members on 5 June 2013');
  expect(rows.find((r) => r.Code === 'IR').Role === 'Observer', 'Iran observer');
  expect(rows.filter((r) => r.Chair === 'yes').map((r) => r.Code).join() === 'KZ', 'Kazakhstan chairs');
});

// ---------------------------------------------------------------- iCalendar

/** RFC 5545 §3.1 checks on the raw bytes; returns the unfolded content lines. */
function rfc5545Lines(bytes) {
  const text = bytes.toString('utf8');
  expect(text.endsWith('\r\n'), 'the file ends with CRLF');
  expect(!/[^\r]\n|\r[^\n]/.test(text), 'every line ends with CRLF, no bare CR or LF');
  const strict = new TextDecoder('utf-8', { fatal: true });
  const physical = [];
  let start = 0;
  for (let i = 0; i < bytes.length - 1; i++) {
    if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) { physical.push(bytes.subarray(start, i)); start = i + 2; i++; }
  }
  const lines = [];
  for (const raw of physical) {
    expect(raw.length <= 75, `a line of ${raw.length} octets (max 75): ${raw.toString('utf8').slice(0, 60)}`);
    let s;
    try { s = strict.decode(raw); } catch { throw new Check(`a fold splits a UTF-8 character: ${raw.toString('hex').slice(0, 40)}`); }
    if (s.startsWith(' ')) lines[lines.length - 1] += s.slice(1); else lines.push(s);
  }
  return lines;
}

test('export: iCalendar (EN, RU) — RFC 5545 basics, all-day events, stable UIDs, partial dates left out and counted; ical.js reads it', async ({ page, base }) => {
  const uidsBy = {};
  for (const lang of ['en', 'ru']) {
    await page.goto(`${base}#l=${lang}`);
    await waitForApp(page);
    const { name, bytes } = await download(page, 'download-ics');
    expect(name === `almaty-process-events-${lang}.ics`, `file name: ${name}`);
    const lines = rfc5545Lines(bytes);
    expect(lines[0] === 'BEGIN:VCALENDAR' && lines.at(-1) === 'END:VCALENDAR', 'one VCALENDAR');
    expect(lines.includes('VERSION:2.0') && lines.some((l) => l.startsWith('PRODID:')), 'VERSION and PRODID');
    const dayEvents = ds.events.filter(byDay);
    const left = ds.events.length - dayEvents.length;
    expect(left > 0, 'the dataset has month- or year-dated events');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT').length === dayEvents.length, `${dayEvents.length} VEVENTs`);
    const desc = lines.find((l) => l.startsWith('X-WR-CALDESC:'));
    expect(desc && desc.includes(`: ${left} (`), `left-out events counted in the calendar description: ${desc}`);
    // Every VEVENT has UID, DTSTAMP (UTC) and an all-day DTSTART/DTEND, DTEND after DTSTART.
    let ev = null;
    const uids = [];
    for (const l of lines) {
      if (l === 'BEGIN:VEVENT') { ev = {}; continue; }
      if (l === 'END:VEVENT') {
        for (const k of ['UID', 'DTSTAMP', 'DTSTART', 'DTEND', 'SUMMARY']) expect(ev[k], `a VEVENT without ${k}: ${JSON.stringify(ev)}`);
        expect(/^\d{8}T\d{6}Z$/.test(ev.DTSTAMP), `DTSTAMP is UTC date-time: ${ev.DTSTAMP}`);
        expect(/^VALUE=DATE:\d{8}$/.test(ev.DTSTART) && /^VALUE=DATE:\d{8}$/.test(ev.DTEND), `all-day dates: ${ev.DTSTART} ${ev.DTEND}`);
        expect(ev.DTEND > ev.DTSTART, `DTEND after DTSTART: ${ev.DTSTART} ${ev.DTEND}`);
        uids.push(ev.UID);
        ev = null;
        continue;
      }
      if (ev) {
        const m = /^([A-Z-]+)(?:;([^:]*))?:(.*)$/.exec(l);
        expect(m, `a content line: ${l}`);
        ev[m[1]] = m[1].startsWith('DT') && m[2] ? `${m[2]}:${m[3]}` : m[3];
      }
    }
    expect(new Set(uids).size === uids.length, 'UIDs are unique');
    uidsBy[lang] = uids;
    // A real parser agrees.
    const cal = new ICAL.Component(ICAL.parse(bytes.toString('utf8')));
    const vevents = cal.getAllSubcomponents('vevent');
    expect(vevents.length === dayEvents.length, `ical.js finds ${vevents.length} events`);
    const m = vevents.find((v) => v.getFirstPropertyValue('uid') === `${MINISTERIAL}@almaty-process`);
    expect(m, 'the ministerial is in the calendar');
    const ev0 = new ICAL.Event(m);
    expect(ev0.summary === ministerial.title[lang], `summary read back: ${ev0.summary}`);
    expect(ev0.startDate.isDate && ev0.startDate.toString() === '2013-06-05', `all-day start: ${ev0.startDate}`);
    expect(ev0.endDate.toString() === '2013-06-06', `exclusive end: ${ev0.endDate}`);
    expect(ev0.location === (lang === 'ru' ? 'Алматы, Казахстан' : 'Almaty, Kazakhstan'), `location: ${ev0.location}`);
    expect(ev0.description.includes(ministerial.sources[0]), 'the description lists the sources');
    const url = m.getFirstPropertyValue('url');
    expect(url && url.startsWith(base) && url.endsWith(`e=${MINISTERIAL}`), `URL opens the event: ${url}`);
    // The same export again is byte-identical.
    const again = await download(page, 'download-ics');
    expect(again.bytes.equals(bytes), 'exporting twice gives the same file');
  }
  expect(uidsBy.en.join() === uidsBy.ru.join(), 'UIDs do not depend on the language');
});

// ---------------------------------------------------------------- JSON

test('export: the JSON download is the file the app loaded, and the app validates it again', async ({ page, base, browser }) => {
  await page.goto(base);
  await waitForApp(page);
  const { name, bytes } = await download(page, 'download-json');
  expect(name === `almaty-process-dataset-${ds.updated}.json`, `file name: ${name}`);
  expect(bytes.equals(fs.readFileSync(path.join(dist, 'data', 'dataset.json'))), 'the same bytes as data/dataset.json');
  expect((await status(page)).includes(name), 'announced');
  // Served back to a fresh page as its dataset: the app's validator accepts it.
  const ctx = await browser.newContext();
  const again = await ctx.newPage();
  const errors = [];
  again.on('pageerror', (e) => errors.push(e.message));
  await again.route('**/data/dataset.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: bytes }));
  await again.goto(base);
  await waitForApp(again);
  const marks = await again.locator('[data-testid="event-mark"]').count();
  const alerts = await again.locator('[role="alert"]').count();
  await ctx.close();
  expect(marks === ds.events.length && alerts === 0 && errors.length === 0, `re-validated: ${marks} events, ${alerts} alerts, ${errors}`);
});

// ---------------------------------------------------------------- cite, copy, link

test('export: cite the selected event and the dataset (RU GOST, BibTeX, CSL-JSON; EN APA), copy with the Clipboard API', async ({ page, base, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`${base}#e=${MINISTERIAL}&l=ru`);
  await waitForApp(page);
  await page.locator(tid('tools-cite')).click();
  expect(await page.locator(tid('tools-cite')).getAttribute('aria-expanded') === 'true', 'aria-expanded');
  const text = () => page.locator(tid('cite-text')).inputValue();
  await eventually(async () => (await text()).startsWith(ministerial.title.ru), 'the GOST reference starts with the event title');
  const gost = await text();
  expect(gost.includes('дата обращения') && gost.includes(`e=${MINISTERIAL}`), `GOST reference: ${gost.slice(0, 300)}`);
  for (const id of ministerial.sources) expect(gost.includes(`[${id}]`), `source ${id} listed`);
  await page.locator(tid('cite-bibtex')).check();
  await eventually(async () => (await text()).startsWith(`@misc{almaty-process:${MINISTERIAL},`), 'BibTeX');
  const bib = await text();
  expect((bib.match(/^@misc\{/gm) || []).length >= 1 + ministerial.sources.length, 'one entry per source');
  let depth = 0;
  for (const ch of bib.replace(/\\./g, '')) { depth += ch === '{' ? 1 : ch === '}' ? -1 : 0; expect(depth >= 0, 'braces balance'); }
  expect(depth === 0, 'braces balance');
  await page.locator(tid('cite-csl-json')).check();
  await eventually(async () => (await text()).startsWith('['), 'CSL-JSON');
  const csl = JSON.parse(await text());
  expect(csl[0].type === 'entry' && csl[0].title === ministerial.title.ru, `CSL item: ${JSON.stringify(csl[0]).slice(0, 200)}`);
  expect(JSON.stringify(csl[0]['event-date']) === '{"date-parts":[[2013,6,5]]}', 'event date parts');
  expect(ministerial.sources.every((id) => csl.some((c) => c.id === `almaty-process:${id}`)), 'sources as items');
  // Copy: the Clipboard API gets exactly the text, and it is announced.
  await page.locator(tid('cite-copy')).click();
  await eventually(async () => (await status(page)) === 'Скопировано в буфер обмена', 'copy announced');
  expect(await page.evaluate(() => navigator.clipboard.readText()) === await text(), 'the clipboard holds the citation');
  // The whole dataset.
  await page.locator(tid('cite-dataset')).check();
  await eventually(async () => JSON.parse(await text())[0].type === 'dataset', 'the dataset as CSL-JSON');
  expect(JSON.parse(await text()).length === 1 + ds.sources.length, 'every source listed');
  // English: APA.
  await page.locator(tid('lang-en')).click();
  await page.locator(tid('cite-style')).check();
  await eventually(async () => (await text()).startsWith(`${ds.title.en} [Data set].`), 'APA for the dataset in English');
  expect((await text()).includes('Retrieved ') && (await text()).includes('\n\nSources:\n[SEED] '), `APA: ${(await text()).slice(0, 300)}`);
  // Escape closes the panel and gives the focus back to its button.
  await page.locator(tid('cite-text')).focus();
  await page.keyboard.press('Escape');
  expect(await page.locator(tid('cite-panel')).isHidden(), 'Escape closes the panel');
  expect(await page.evaluate(() => document.activeElement.dataset.testid) === 'tools-cite', 'focus back on Cite');
});

test('export: copy link puts the current view\'s URL on the clipboard (EN)', async ({ page, base, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(base);
  await waitForApp(page);
  await page.locator('[data-testid="tile"][data-state="KZ"]').click();
  await eventually(async () => page.url().includes('s=KZ'), 'the URL holds the selection');
  await page.locator(tid('tools-link')).click();
  await eventually(async () => (await status(page)) === 'Link copied to the clipboard', 'announced');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied === page.url(), `copied ${copied}, page is at ${page.url()}`);
});

test('export: without the Clipboard API the link and the citation are selected for Ctrl+C (RU)', async ({ page, base }) => {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true });
  });
  await page.goto(`${base}#l=ru&e=${MINISTERIAL}`);
  await waitForApp(page);
  await page.locator(tid('tools-link')).click();
  await page.locator(tid('link-text')).waitFor({ state: 'visible' });
  await eventually(async () => /скопирована|Ctrl\+C/.test(await status(page)), 'the fallback is announced');
  const sel = await page.evaluate(() => {
    const a = document.activeElement;
    return { id: a.dataset.testid, value: a.value, start: a.selectionStart, end: a.selectionEnd };
  });
  expect(sel.id === 'link-text' && sel.value === page.url() && sel.start === 0 && sel.end === sel.value.length, `link selected: ${JSON.stringify(sel)}`);
  await page.locator(tid('tools-cite')).click();
  await eventually(async () => (await page.locator(tid('cite-text')).inputValue()).length > 0, 'citation shown');
  await page.locator(tid('cite-copy')).click();
  await eventually(async () => page.evaluate(() => document.activeElement.dataset.testid === 'cite-text'), 'the citation is focused');
  const s2 = await page.evaluate(() => { const a = document.activeElement; return a.selectionEnd - a.selectionStart === a.value.length; });
  expect(s2, 'the whole citation is selected');
});

// ---------------------------------------------------------------- the toolbar itself

test('export: the toolbar by keyboard — Tab to it, Enter opens, Tab goes through the panel next, Escape closes; Print calls window.print', async ({ page, base }) => {
  await page.addInitScript(() => { window.__printed = 0; window.print = () => { window.__printed++; }; });
  await page.goto(base);
  await waitForApp(page);
  let at = '';
  for (let i = 0; i < 20 && at !== 'tools-download'; i++) {
    await page.keyboard.press('Tab');
    at = await page.evaluate(() => document.activeElement?.dataset?.testid || '');
  }
  expect(at === 'tools-download', 'Tab reaches Download');
  await page.keyboard.press('Enter');
  expect(await page.locator(tid('tools-download')).getAttribute('aria-expanded') === 'true', 'Enter opens the panel');
  const order = [];
  for (let i = 0; i < 7; i++) {
    await page.keyboard.press('Tab');
    order.push(await page.evaluate(() => document.activeElement?.dataset?.testid || ''));
  }
  expect(order.join() === 'download-events-csv,download-states-csv,download-ics,download-json,tools-cite,tools-link,tools-share', `the panel follows its button in the tab order: ${order}`);
  await page.keyboard.press('Escape');
  expect(await page.locator(tid('download-panel')).isHidden(), 'Escape closes');
  expect(await page.evaluate(() => document.activeElement.dataset.testid) === 'tools-download', 'focus returns to Download');
  await page.locator(tid('tools-print')).focus();
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => window.__printed) === 1, 'Print calls window.print()');
});

test('export: on a 360 px phone the toolbar and its panels fit (no horizontal scroll) and work by touch', async ({ browser, base }) => {
  const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  const page = await ctx.newPage();
  await page.goto(`${base}#e=${MINISTERIAL}`);
  await waitForApp(page);
  for (const b of ['tools-download', 'tools-cite']) {
    await page.locator(tid(b)).tap();
    await page.waitForTimeout(100);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow <= 0, `${b} open: the page scrolls sideways by ${overflow}px`);
    const boxes = await page.locator(`${tid('toolbar')} button:visible, ${tid('toolbar')} a:visible`).evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => [r.right, r.height]));
    expect(boxes.every(([right, height]) => right <= 360 && height >= 24), `controls fit and are tall enough to tap: ${JSON.stringify(boxes)}`);
  }
  await page.screenshot({ path: path.join(artifacts, 'export-phone.png'), fullPage: false });
  await ctx.close();
});

test('export: embedded instances have the toolbar (shadow DOM, downloads work); data-toolbar="off" hides it', async ({ page, origin }) => {
  await page.goto(`${origin}/hosts/toolbar.html`);
  await page.locator(`#with ${tid('event-mark')}`).first().waitFor({ timeout: 15000 });
  await page.locator(`#without ${tid('event-mark')}`).first().waitFor({ timeout: 15000 });
  expect(await page.locator(`#without ${tid('toolbar')}`).count() === 0, 'no toolbar with data-toolbar="off"');
  expect(await page.locator(`#with ${tid('toolbar')}`).count() === 1, 'the embedded instance has the toolbar');
  const { name, bytes } = await download(page, 'download-events-csv', '#with');
  expect(name === 'almaty-process-events-ru.csv', `file from the shadow root: ${name}`);
  expect(parseCsv(bytes, { bom: true }).length === ds.events.length + 1, 'the embedded download parses');
  expect((await status(page, '#with')).includes(name), 'announced inside the instance');
  // The iframe page passes toolbar=off through.
  await page.goto(`${origin}/embed.html?toolbar=off&lang=en`);
  await waitForApp(page);
  expect(await page.locator(tid('toolbar')).count() === 0, 'embed.html?toolbar=off hides it');
});

test.describe(() => {
  test.use({ bypassCSP: true });
  test('export: axe finds no violations with the toolbar panels open (EN light, RU dark)', async ({ page, base }) => {
    for (const [hash, scheme, panel] of [[`#e=${MINISTERIAL}`, 'light', 'tools-cite'], ['#l=ru', 'dark', 'tools-download'], [`#l=ru&e=${MINISTERIAL}`, 'dark', 'tools-cite']]) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(base + hash);
      await waitForApp(page);
      await page.locator(tid(panel)).click();
      await page.waitForTimeout(150);
      const v = await axeViolations(page);
      expect(v.length === 0, `axe (${hash}, ${scheme}, ${panel} open):\n       ${v.join('\n       ')}`);
    }
  });
});

// ---------------------------------------------------------------- print

const controlLabels = {
  en: [/\bDownload\b/, /\bCite\b/, /\bCopy link\b/, /\bPrint\b/, /\bVisual\b/, /\bText\b/, /\bRetry\b/],
  ru: [/Скачать/, /Цитировать/, /Копировать ссылку/, /Печать/, /Графика/],
};
const oneLine = (s) => s.replace(/\s+/g, ' ');
const printed = (page) => page.locator(tid('print')).evaluate((el) => el.childElementCount);

for (const lang of ['en', 'ru']) {
  test(`export: print (${lang.toUpperCase()}) — Chromium's PDF holds the chronology's first and last titles, notes, states as of the date, the URL, no controls; preview screenshot`, async ({ page, base }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${base}#d=2013-06-05&l=${lang}`);
    await waitForApp(page);
    expect(await printed(page) === 0, 'nothing is rendered for print until printing');
    await page.locator(tid('next-month')).click(); // a date move renders nothing for print
    expect(await printed(page) === 0, 'a date move builds no printout');
    await page.locator(tid('prev-month')).click();
    const url = page.url();
    const pdf = path.join(artifacts, `print-${lang}.pdf`);
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    expect(await printed(page) === 0, 'the printout is dropped after printing (afterprint)');
    let text;
    try {
      text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
    } catch (e) {
      throw new Check(`pdftotext failed (scripts/setup.sh --test installs poppler-utils): ${e.message}`);
    }
    const flat = oneLine(text);
    const title = (e) => oneLine(e.title[lang] ?? e.title.en);
    const first = ds.events[0];
    const last = ds.events.at(-1);
    expect(flat.includes(title(first)), `the first event's title is in the PDF: ${title(first)}`);
    expect(flat.includes(title(last)), `the last event's title is in the PDF: ${title(last)}`);
    expect(flat.includes(oneLine(ministerial.title[lang])), 'the ministerial is in the PDF');
    expect(flat.includes(url.replace(/\s/g, '')) || flat.replace(/ /g, '').includes(url), `the view's URL is printed: ${url}`);
    const asOf = lang === 'en' ? 'As of 5 June 2013: 7 members, 2 observers' : 'На 5 июня 2013 г.: 7 членов, 2 наблюдателя';
    expect(flat.includes(asOf), `the states as of the date: ${asOf}`);
    const notes = lang === 'en' ? 'Source notes' : 'Источники';
    expect(flat.includes(notes) && flat.includes('[SEED]'), 'numbered source notes');
    for (const re of controlLabels[lang]) expect(!re.test(flat), `a control label is printed: ${re}`);
    // The page colours in print: dark text on white even in dark mode.
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const colours = await page.evaluate(() => {
      const root = document.querySelector('.ap-root');
      return { fg: getComputedStyle(root).color, bg: getComputedStyle(root).backgroundColor, tools: getComputedStyle(document.querySelector('[data-testid="toolbar"]')).display };
    });
    expect(colours.fg === 'rgb(0, 0, 0)' && colours.bg === 'rgb(255, 255, 255)' && colours.tools === 'none', `print colours: ${JSON.stringify(colours)}`);
    await page.screenshot({ path: path.join(artifacts, `print-preview-${lang}.png`), fullPage: true });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.emulateMedia({ media: 'screen' });
    expect(await printed(page) === 0, 'afterprint empties the printout');
    try {
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, path.join(artifacts, `print-${lang}-page`)]);
    } catch { /* the rendered first page is only for looking at */ }
  });
}
