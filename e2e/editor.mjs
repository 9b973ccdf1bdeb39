// The dataset editor (edit.html, its own wasm): the bundled file opened clean, an edit seen in
// the live preview, an error shown at its field and in the problems list, the draft restored
// after a reload, a new event filled in and downloaded in canonical form (checked by the
// validator and by a JSON diff), undo and redo, bad files refused with the draft kept, a state
// renamed with its references and a cited source deleted, axe in English and Russian on a
// desktop and a phone, the phone's panes, and a seeded random walk.
//   e2e/node_modules/.bin/playwright test -c e2e/playwright.config.mjs editor.mjs
// Replay a walk with EDITOR_WALK_SEED=<seed> (EDITOR_WALK_STEPS=<n> for a longer or shorter one,
// EDITOR_WALK_LOG=1 to print its steps).
//
// Every test starts with an empty localStorage: @playwright/test gives each test a new browser
// context, and the first test checks that nothing of the draft is left from another.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { isDeepStrictEqual } from 'node:util';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { axeViolations } from './axe-rules.mjs';
import { test } from './fixtures.mjs';
import * as h from './helpers.mjs';

const { expect, eventually, Check } = h;
const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const REPO_FILE = path.join(repo, 'public', 'data', 'dataset.json');
const data = () => JSON.parse(fs.readFileSync(REPO_FILE, 'utf8')); // a fresh copy to mutate
const DATA = data();
const KEY = { doc: 'almaty-process:draft:doc', opened: 'almaty-process:draft:opened', name: 'almaty-process:draft:name' };

// The records the journeys use, found by id (their positions are the paths of their fields).
const LAST_EVENT = DATA.events[DATA.events.length - 1].id; // the newest: in view on the preview's timeline
const at = (list, id, key = 'id') => {
  const i = DATA[list].findIndex((r) => r[key] === id);
  if (i < 0) throw new Error(`${id} is not in ${list}`);
  return i;
};
const MIN = at('events', h.MINISTERIAL);
const LAST = at('events', LAST_EVENT);
const KZ = at('states', 'KZ', 'code');

// Every place a source id is cited: the JSON paths of the strings in `sources` lists below the
// top level (what the editor's references walk finds).
function citations(doc, id) {
  const out = [];
  const walk = (v, p, top) => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${p}[${i}]`, false));
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'sources' && !top && Array.isArray(x)) x.forEach((s, i) => { if (s === id) out.push(`${p}.${k}[${i}]`); });
        else walk(x, `${p}.${k}`, false);
      }
    }
  };
  walk(doc, '$', true);
  return out;
}

// ---------------------------------------------------------------- page helpers

const editUrl = (base, lang) => `${base}edit.html${lang ? `?lang=${lang}` : ''}`;
const settle = (page) => page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0))));
const field = (page, p) => page.locator(`[data-path="${p}"]`);
const countsText = (page) => page.locator('[data-testid="counts"]').textContent();
async function counts(page) {
  const t = await countsText(page);
  const m = /^(\d+)\D+(\d+)/.exec(t.trim());
  if (!m) throw new Check(`counts read "${t}"`);
  return { errors: Number(m[1]), warnings: Number(m[2]) };
}
const errorsAre = (page, n, why) => eventually(async () => (await counts(page)).errors === n, `${why}: ${n} errors`);
const stored = (page, k = KEY.doc) => page.evaluate((key) => localStorage.getItem(key), k);
const storedDoc = async (page) => JSON.parse(await stored(page));

/** Opens the editor and waits until a file is open (the record lists drawn). */
async function open(page, base, lang) {
  await page.goto(editUrl(base, lang));
  await page.locator('.ed-main').waitFor({ timeout: 15000 });
  await page.locator('[data-testid="kind-events"]').waitFor({ timeout: 5000 });
  await settle(page);
}

/** Shows the records of `kind` (events, states, …) and selects the one with this id. */
async function select(page, kind, id) {
  await page.locator(`[data-testid="kind-${kind}"]`).click();
  const row = page.locator('[data-testid="records"] .ed-record')
    .filter({ has: page.locator('.ed-recid').getByText(id, { exact: true }) });
  await row.click();
  await eventually(async () => (await row.getAttribute('aria-current')) === 'true', `${kind} ${id} selected`);
}

/** The problem buttons whose path is exactly `p`. */
const problemAt = (page, p) => page.locator('[data-testid="problem"]')
  .filter({ has: page.locator('code').getByText(p, { exact: true }) });

/** The field at `p` shows an error: aria-invalid, and its description holds the visible message. */
async function showsError(page, p) {
  const f = field(page, p);
  await eventually(async () => (await f.getAttribute('aria-invalid')) === 'true', `${p} is aria-invalid`);
  const ids = ((await f.getAttribute('aria-describedby')) || '').split(/\s+/).filter(Boolean);
  const lists = [];
  for (const id of ids) {
    const el = page.locator(`[id="${id}"]`);
    if ((await el.count()) === 1 && (await el.evaluate((e) => e.classList.contains('ed-msgs')))) lists.push(el);
  }
  expect(lists.length === 1, `${p}: aria-describedby (${ids.join(' ')}) names its list of messages`);
  const msg = lists[0].locator('[data-testid="field-problem"]').first();
  expect(await msg.isVisible(), `${p}: the message is visible`);
  return (await msg.textContent()).trim();
}

async function showsNoError(page, p) {
  const f = field(page, p);
  await eventually(async () => (await f.getAttribute('aria-invalid')) === 'false', `${p} is no longer aria-invalid`);
  expect(!((await f.getAttribute('aria-describedby')) || '').includes('-msg'), `${p}: no message described`);
}

const focusedPath = (page) => page.evaluate(() => document.activeElement && document.activeElement.getAttribute('data-path'));
const noSideScroll = (page) => page.evaluate(() => document.scrollingElement.scrollWidth - innerWidth);

// ---------------------------------------------------------------- 1. open, edit, preview

test('editor: the bundled file opens clean; the event opened in the form shows in the preview, and so does its new title', async ({ page, base }) => {
  await open(page, base);
  // A fresh context: nothing restored; the opened file becomes the draft at once.
  expect(await page.locator('[data-testid="notice"]').count() === 0, 'no "draft restored" notice on a fresh start');
  const kept = await stored(page);
  expect(kept !== null && isDeepStrictEqual(JSON.parse(kept), DATA), 'the draft kept in storage is the bundled file, nothing of another test');
  expect((await page.locator('[data-testid="file-name"]').textContent()) === 'dataset.json', 'the bundled file is named');
  await eventually(async () => (await countsText(page)) === '0 errors · 0 warnings', 'the bundled file: 0 errors · 0 warnings');
  expect(await page.locator('[data-testid="download"]').textContent() === 'Download dataset.json', 'a plain download');
  expect(!(await page.locator('[data-testid="pane-edit"]').isVisible()), 'no pane tabs on a wide screen');
  const records = await page.locator('[data-testid="records"] .ed-record').count();
  expect(records === DATA.events.length, `${records} events listed of ${DATA.events.length}`);

  // The newest event, opened in the form, is selected in the preview too.
  const preview = page.locator('[data-testid="preview"] .ap-app');
  await select(page, 'events', LAST_EVENT);
  const detail = preview.locator(`[data-testid="event-detail"][data-event-id="${LAST_EVENT}"]`);
  await detail.waitFor({ timeout: 5000 });
  const old = DATA.events[LAST].title.en;
  expect((await detail.textContent()).includes(old), 'the preview shows the old title');

  const title = 'Third Ministerial Conference (edited end to end)';
  await field(page, `$.events[${LAST}].title.en`).fill(title);
  await errorsAre(page, 0, 'after the edit');
  await eventually(async () => (await preview.locator(`[data-testid="event-detail"][data-event-id="${LAST_EVENT}"]`).textContent()).includes(title),
    'the preview\'s detail shows the new title');
  await eventually(async () => (await page.locator('[data-testid="change-totals"]').textContent()) === '0 added · 1 changed · 0 removed', 'one change counted');
  expect((await page.locator('[data-testid="records"] .ed-record[aria-current="true"]').textContent()).includes(title), 'the record list shows the new title');
  // And the preview's text view lists the event under its new title.
  await preview.locator('[data-testid="view-text"]').click();
  const item = preview.locator(`[data-testid="event-item"][data-event-id="${LAST_EVENT}"]`);
  const plain = async (loc) => (await loc.textContent()).replace(/\u00ad/g, ''); // the reader hyphenates softly
  await eventually(async () => (await plain(item)).includes(title), 'the text view lists the new title');
  const listed = await plain(item.locator('.ap-list__title'));
  expect(listed.includes(title) && !listed.includes(old), `the listed title is the new one: ${listed}`);
  expect((await storedDoc(page)).events[LAST].title.en === title, 'the draft is kept in storage');
});

// Selecting in the preview opens that record's form (and the list marks it).
test('editor: an event or a state selected in the preview opens its form', async ({ page, base }) => {
  await open(page, base);
  const preview = page.locator('[data-testid="preview"] .ap-app');
  await preview.locator(h.mark(LAST_EVENT)).click();
  await eventually(async () => (await field(page, `$.events[${LAST}].id`).inputValue()) === LAST_EVENT, 'the form shows the event chosen in the preview');
  const row = page.locator('[data-testid="records"] .ed-record[aria-current="true"] .ed-recid');
  expect((await row.textContent()) === LAST_EVENT, 'the record list marks it');
  await preview.locator(h.tile('KZ')).click();
  await eventually(async () => (await field(page, `$.states[${KZ}].code`).count()) === 1, 'the form shows the state chosen in the preview');
  expect(await page.locator('[data-testid="kind-states"]').getAttribute('aria-pressed') === 'true', 'the states are listed');
});

// Leaving a field by a click in the preview must not rebuild the preview under that click.
test('editor: right after typing in a field, a click in the preview lands', async ({ page, base }) => {
  await open(page, base);
  await select(page, 'events', LAST_EVENT);
  const preview = page.locator('[data-testid="preview"] .ap-app');
  await field(page, `$.events[${LAST}].title.en`).fill('Typed, then a click in the preview');
  await eventually(async () => (await preview.locator(`[data-testid="event-detail"][data-event-id="${LAST_EVENT}"]`).textContent()).includes('Typed, then'), 'the preview follows the typing');
  await preview.locator('[data-testid="view-text"]').click();
  await eventually(async () => (await preview.getAttribute('data-view')) === 'text', 'the click on Text switches the preview to the text view');
});

// ---------------------------------------------------------------- 2. an error at its field

test('editor: an impossible date is an error at its field and in the problems list; the problem focuses the field; fixed, it goes', async ({ page, base }) => {
  await open(page, base);
  await select(page, 'events', h.MINISTERIAL);
  const p = `$.events[${MIN}].start`;
  await field(page, p).fill('2013-02-30');
  await errorsAre(page, 1, 'an impossible date');
  const msg = await showsError(page, p);
  expect(msg.length > 0, 'the field has a message');
  const problem = problemAt(page, p);
  await problem.waitFor({ timeout: 5000 });
  expect((await problem.textContent()).includes(msg), `the problem has the field's message: ${msg}`);
  expect(await page.locator('[data-testid="download"]').textContent() === 'Download with errors', 'the download warns of errors');
  expect(await page.locator('[data-testid="preview"] .ed-banner').isVisible(), 'the preview says it shows the last version without errors');
  const badge = page.locator('[data-testid="records"] .ed-record[aria-current="true"] .ed-badge');
  expect((await badge.textContent()) === '1', 'the record is marked with its one problem');

  // From elsewhere (another kind shown), the problem opens the record and focuses the field.
  await page.locator('[data-testid="kind-sources"]').click();
  expect(await field(page, p).count() === 0, 'the event form is closed');
  await problem.click();
  await eventually(async () => (await focusedPath(page)) === p, 'the problem focuses its field');
  expect(await page.locator('[data-testid="kind-events"]').getAttribute('aria-pressed') === 'true', 'the events are shown again');

  // Fixed: the error goes from the field, the list and the counts.
  await field(page, p).fill('2013-06-05');
  await showsNoError(page, p);
  await errorsAre(page, 0, 'fixed');
  expect(await problemAt(page, p).count() === 0, 'the problem is gone');
  expect(await page.locator('[data-testid="preview"] .ed-banner').count() === 0, 'no stale-preview banner');
  expect(await page.locator('[data-testid="download"]').textContent() === 'Download dataset.json', 'a plain download again');
});

// ---------------------------------------------------------------- 3. the draft kept across a reload

test('editor: after a reload the draft is restored with the edit, and the notice says so', async ({ page, base }) => {
  await open(page, base);
  await select(page, 'events', h.MINISTERIAL);
  const p = `$.events[${MIN}].title.ru`;
  const title = 'Министерская конференция (черновик)';
  await field(page, p).fill(title);
  await eventually(async () => (await storedDoc(page)).events[MIN].title.ru === title, 'the edit is kept in storage');
  const before = await stored(page);
  await page.reload();
  await page.locator('.ed-main').waitFor({ timeout: 15000 });
  const notice = page.locator('[data-testid="notice"]');
  await notice.waitFor({ timeout: 5000 });
  expect((await notice.textContent()).includes('Draft restored from this browser.'), `notice: ${await notice.textContent()}`);
  expect(await notice.getAttribute('role') === 'status', 'a restored draft is news, not an alarm');
  expect(await stored(page) === before, 'the stored draft is the same after the reload');
  await select(page, 'events', h.MINISTERIAL);
  expect(await field(page, p).inputValue() === title, 'the form shows the edit');
  await errorsAre(page, 0, 'the restored draft');
  expect((await page.locator('[data-testid="change-totals"]').textContent()) === '0 added · 1 changed · 0 removed',
    'changes are still counted from the file as opened');
  // The notice closes.
  await notice.getByRole('button').click();
  expect(await page.locator('[data-testid="notice"]').count() === 0, 'the notice closes');
});

// ---------------------------------------------------------------- 4. a new event, downloaded

test('editor: a new event filled in field by field, downloaded: valid, canonical, and the only difference from the repository file', async ({ page, base }) => {
  test.setTimeout(600_000); // cargo may wait for the lock of another build
  await open(page, base);
  const i = DATA.events.length;
  const e = (k) => `$.events[${i}].${k}`;
  await page.locator('[data-testid="kind-events"]').click();
  await page.locator('[data-testid="add-record"]').click();
  await eventually(async () => (await focusedPath(page)) === e('id'), 'the new record\'s id field has focus');
  expect(await field(page, e('id')).inputValue() === 'new-event', 'a fresh id');
  expect((await counts(page)).errors > 0, 'a blank event has errors');

  const id = '2025-06-e2e-working-meeting';
  await field(page, e('id')).fill(id);
  await field(page, e('id')).press('Enter');
  await eventually(async () => (await page.locator('#ed-form-title').textContent()).includes(id), 'renamed on Enter');
  await field(page, e('start')).fill('2025-06');
  await field(page, e('level')).selectOption('senior_officials');
  await field(page, e('title.en')).fill('Working meeting of senior officials (test)');
  await field(page, e('title.ru')).fill('Рабочее совещание старших должностных лиц (тест)');
  await field(page, e('summary.en')).fill('A meeting added by the end-to-end test.');
  await field(page, e('summary.ru')).fill('Встреча, добавленная сквозным тестом.');
  await field(page, e('confidence')).selectOption('seen');
  await page.locator(`[id="${`f${e('sources')}`.replace(/[^A-Za-z0-9]/g, '_')}-add"]`).selectOption('S10');
  await eventually(async () => (await page.locator(`[data-path="${e('sources[0]')}"]`).textContent()).includes('S10'), 'the source is a chip');
  await page.locator(`[data-path="${e('participants')}"] [data-testid="add-participants"]`).click();
  await field(page, e('participants[0].state')).selectOption('KZ');
  await field(page, e('participants[0].role')).selectOption('member');
  // Also a dataset field, so the download differs in two places.
  await page.locator('[data-testid="kind-dataset"]').click();
  await field(page, '$.updated').fill('2025-06-30');
  await field(page, '$.updated').press('Tab');
  let problems = [];
  await eventually(async () => (await counts(page)).errors === 0, 'no errors when filled in', 5000).catch(async () => {
    problems = await page.locator('[data-testid="problem"]').allTextContents();
    throw new Check(`errors left: ${problems.join(' | ')}`);
  });
  await eventually(async () => (await page.locator('[data-testid="change-totals"]').textContent()) === '1 added · 0 changed · 0 removed', 'one added');

  // Download.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="download"]').click()]);
  expect(download.suggestedFilename() === 'dataset.json', `downloads ${download.suggestedFilename()}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'almaty-editor-'));
  const file = path.join(dir, 'dataset.json');
  await download.saveAs(file);
  const text = fs.readFileSync(file, 'utf8');

  // The validator: no errors (0 clean, 2 warnings only), and canonical form (--check-fmt).
  const env = { ...process.env, PATH: `${os.homedir()}/.cargo/bin:${process.env.PATH}` };
  const run = spawnSync('cargo', ['run', '--quiet', '--offline', '--locked', '--example', 'validate', '--', '--check-fmt', file],
    { cwd: repo, env, encoding: 'utf8', timeout: 540_000 });
  expect(run.status === 0 || run.status === 2, `validate --check-fmt exits ${run.status}:\n${run.stdout}\n${run.stderr}`);
  // The same layout as the repository's file, byte for byte outside the changes: two-space
  // indent, a final newline, no carriage returns.
  expect(text.endsWith('}\n') && !text.includes('\r') && /^\{\n {2}"format_version": 1,\n/.test(text), 'canonical layout');

  // A JSON diff against the repository's file: the new event and the date, nothing else.
  const got = JSON.parse(text);
  const want = data();
  want.updated = '2025-06-30';
  const added = got.events.find((x) => x.id === id);
  expect(added, 'the new event is in the download');
  expect(isDeepStrictEqual(got.events.filter((x) => x.id !== id), want.events), 'the other events are unchanged');
  expect(got.events[got.events.length - 1].id === id, 'the new event is last');
  for (const k of new Set([...Object.keys(got), ...Object.keys(want)])) {
    if (k !== 'events') expect(isDeepStrictEqual(got[k], want[k]), `"${k}" is as in the repository (with the edits)`);
  }
  expect(Object.keys(got).join() === Object.keys(want).join(), `keys in the repository's order: ${Object.keys(got).join()}`);
  const expected = {
    id, start: '2025-06', level: 'senior_officials',
    title: { en: 'Working meeting of senior officials (test)', ru: 'Рабочее совещание старших должностных лиц (тест)' },
    summary: { en: 'A meeting added by the end-to-end test.', ru: 'Встреча, добавленная сквозным тестом.' },
    participants: [{ state: 'KZ', role: 'member', sources: [] }], sources: ['S10'], confidence: 'seen',
  };
  // (A participant's empty source list may be written or left out: the file's reading is the same.)
  const norm = (ev) => ({ ...ev, participants: ev.participants.map((p) => ({ sources: [], ...p })) });
  expect(isDeepStrictEqual(norm(added), expected), `the new event as filled in: ${JSON.stringify(added)}`);
  fs.rmSync(dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------- 4b. the spreadsheet round trip

// The workbook the editor exports, edited by another library (ExcelJS, as a spreadsheet program
// would), imported back: the changes are listed field by field before anything is applied,
// applying is one undo step, and a workbook that is not one is refused with the draft kept.
test('editor: a workbook exported, edited in ExcelJS and imported shows its changes, applies as one undo step', async ({ page, base }) => {
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await open(page, base);
  expect(!fetched.some((p) => p.includes('sheets')), `opening the editor fetches no workbook code: ${fetched.join(' ')}`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="export-xlsx"]').click()]);
  expect(download.suggestedFilename() === 'dataset.xlsx', `exports ${download.suggestedFilename()}`);
  expect(fetched.some((p) => p.endsWith('/sheets_bg.wasm')), 'the workbook code is fetched on the first export');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'almaty-sheet-'));
  const file = path.join(dir, 'dataset.xlsx');
  await download.saveAs(file);

  // Edit one cell with ExcelJS: the English title of the ministerial conference.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  expect(wb.worksheets[0].name === 'README', 'the README sheet comes first');
  const events = wb.getWorksheet('events');
  expect(!!events, 'an events sheet');
  const header = events.getRow(1).values; // 1-based, [0] empty
  const idCol = header.indexOf('id'), titleCol = header.indexOf('title.en');
  expect(idCol > 0 && titleCol > 0, `id and title.en columns (${header.slice(1, 8).join(', ')}…)`);
  let edited = 0;
  const title = 'Ministerial Conference (edited in a spreadsheet)';
  events.eachRow((row, n) => {
    if (n > 1 && row.getCell(idCol).text === h.MINISTERIAL) { row.getCell(titleCol).value = title; edited++; }
  });
  expect(edited === 1, `one row for ${h.MINISTERIAL}`);
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());

  const before = await stored(page);
  await page.locator('[data-testid="import-xlsx"]').setInputFiles({ name: 'edited.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
  const review = page.locator('[data-testid="import-review"]');
  await review.waitFor({ timeout: 15000 });
  const changes = await review.locator('[data-testid="import-changes"] li').allTextContents();
  expect(changes.length === 1 && changes[0].includes(h.MINISTERIAL) && changes[0].includes('title'),
    `exactly the edited record and field are listed: ${JSON.stringify(changes)}`);
  expect((await review.locator('[data-testid="import-errors"]').count()) === 0, 'no import errors');
  expect((await stored(page)) === before, 'nothing is applied before the user says so');

  await review.locator('[data-testid="import-apply"]').click();
  await eventually(async () => (await review.count()) === 0, 'the review closes');
  await errorsAre(page, 0, 'after the import');
  await eventually(async () => (await storedDoc(page)).events[MIN].title.en === title, 'the draft has the new title');
  const doc = await storedDoc(page);
  const expected = data();
  expected.events[MIN].title.en = title;
  expect(isDeepStrictEqual(doc, expected), 'the import changed that one field and nothing else');

  // One undo takes the whole import back.
  await page.locator('[data-testid="undo"]').click();
  await eventually(async () => (await stored(page)) === before, 'one undo restores the draft from before the import');

  // Not a workbook: refused by name, the draft kept.
  await page.locator('[data-testid="import-xlsx"]').setInputFiles({ name: 'broken.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('not a zip') });
  await eventually(async () => ((await page.locator('[data-testid="notice"]').textContent()) || '').includes('broken.xlsx'), 'the notice names the file');
  expect((await stored(page)) === before, 'the draft is kept');
  fs.rmSync(dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------- 5. undo and redo

test('editor: undo and redo, by the buttons and the keys (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y); their disabled states follow', async ({ page, base }) => {
  await open(page, base);
  const undo = page.locator('[data-testid="undo"]');
  const redo = page.locator('[data-testid="redo"]');
  expect(await undo.isDisabled() && await redo.isDisabled(), 'nothing to undo or redo at the start');
  await select(page, 'events', h.MINISTERIAL);
  const p = `$.events[${MIN}].title.en`;
  const old = DATA.events[MIN].title.en;
  const edited = 'Ministerial Conference (undo test)';
  await field(page, p).fill(edited);
  await field(page, p).press('Tab'); // leaving the field ends the undo step
  await eventually(async () => !(await undo.isDisabled()), 'undo enabled after an edit');
  expect(await redo.isDisabled(), 'redo disabled after an edit');

  await page.locator('#ed-preview-title').click(); // focus away from the inputs
  await page.keyboard.press('Control+z');
  await eventually(async () => (await field(page, p).inputValue()) === old, 'Ctrl+Z restores the title');
  await eventually(async () => (await undo.isDisabled()) && !(await redo.isDisabled()), 'after the undo: undo disabled, redo enabled');
  await page.keyboard.press('Control+Shift+z');
  await eventually(async () => (await field(page, p).inputValue()) === edited, 'Ctrl+Shift+Z reapplies the edit');
  await eventually(async () => !(await undo.isDisabled()) && (await redo.isDisabled()), 'after the redo: undo enabled, redo disabled');
  expect((await storedDoc(page)).events[MIN].title.en === edited, 'storage follows the redo');

  // The buttons, and Ctrl+Y; and the keys work with focus in a field too.
  await undo.click();
  await eventually(async () => (await field(page, p).inputValue()) === old, 'Undo (button) restores the title');
  expect((await storedDoc(page)).events[MIN].title.en === old, 'storage follows the undo');
  await field(page, `$.events[${MIN}].start`).focus();
  await page.keyboard.press('Control+y');
  await eventually(async () => (await field(page, p).inputValue()) === edited, 'Ctrl+Y redoes');
  expect(await field(page, `$.events[${MIN}].start`).inputValue() === DATA.events[MIN].start, 'the focused field is untouched by the key');
  await page.keyboard.press('Control+z');
  await eventually(async () => (await field(page, p).inputValue()) === old, 'Ctrl+Z with focus in a field undoes the draft\'s edit');
  await redo.click();
  await eventually(async () => (await field(page, p).inputValue()) === edited, 'Redo (button) reapplies');

  // Two edits are two steps.
  await field(page, `$.events[${MIN}].start`).fill('2013-06-06');
  await field(page, `$.events[${MIN}].start`).press('Tab');
  await undo.click();
  await eventually(async () => (await field(page, `$.events[${MIN}].start`).inputValue()) === DATA.events[MIN].start, 'the second edit undone');
  expect(await field(page, p).inputValue() === edited, 'the first edit stays');
  // A new edit after an undo clears the redo.
  await field(page, `$.events[${MIN}].summary.en`).fill('Short summary.');
  await eventually(async () => await redo.isDisabled(), 'a new edit clears redo');
});

// ---------------------------------------------------------------- 6. bad files

// A file dropped on the page opens like one picked; "Discard draft" asks, and only a yes drops
// the draft and reopens the bundled file.
test('editor: a dropped file opens; Discard draft asks, and a yes reopens the bundled file', async ({ page, base }) => {
  await open(page, base);
  const mine = data();
  mine.events[MIN].title.en = 'Opened by a drop';
  const text = JSON.stringify(mine);
  await page.evaluate((body) => {
    const dt = new DataTransfer();
    dt.items.add(new File([body], 'dropped.json', { type: 'application/json' }));
    const target = document.querySelector('.ed');
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, text);
  await eventually(async () => (await page.locator('[data-testid="file-name"]').textContent()) === 'dropped.json', 'the dropped file is open');
  await eventually(async () => (await storedDoc(page)).events[MIN].title.en === 'Opened by a drop', 'and kept as the draft');
  expect((await page.locator('.ed--dragging').count()) === 0, 'the drop hint is gone');

  // No: nothing changes.
  page.once('dialog', (d) => d.dismiss());
  await page.locator('[data-testid="discard"]').click();
  await settle(page);
  expect((await page.locator('[data-testid="file-name"]').textContent()) === 'dropped.json', 'a no keeps the file');
  expect((await storedDoc(page)).events[MIN].title.en === 'Opened by a drop', 'a no keeps the draft');
  // Yes: the bundled file, and a reload finds no draft to restore.
  page.once('dialog', (d) => d.accept());
  await page.locator('[data-testid="discard"]').click();
  await eventually(async () => (await page.locator('[data-testid="file-name"]').textContent()) === 'dataset.json', 'the bundled file is open again');
  await eventually(async () => (await storedDoc(page)).events[MIN].title.en === DATA.events[MIN].title.en, 'its text is the draft');
  await page.reload();
  await page.locator('.ed-main').waitFor({ timeout: 15000 });
  await settle(page);
  expect((await page.locator('[data-testid="notice"]').count()) === 1, 'the reload restores the (bundled) draft and says so');
  expect((await page.locator('[data-testid="file-name"]').textContent()) === 'dataset.json', 'not the dropped file');
});

test('editor: a file that is not JSON, another format_version or over 80 MiB is refused by name, and the draft is kept', async ({ page, base }) => {
  await open(page, base);
  await select(page, 'events', h.MINISTERIAL);
  const p = `$.events[${MIN}].title.en`;
  const edited = 'Ministerial Conference (kept through bad files)';
  await field(page, p).fill(edited);
  await eventually(async () => (await storedDoc(page)).events[MIN].title.en === edited, 'the edit is kept');
  const before = await stored(page);
  const input = page.locator('[data-testid="open-file"]');
  const notice = page.locator('[data-testid="notice"]');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'almaty-editor-'));
  const big = path.join(dir, 'huge.json');
  fs.writeFileSync(big, '{');
  fs.truncateSync(big, 81 * 1024 * 1024); // sparse: 81 MiB on paper
  const bad = [
    { files: { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('These are notes, not a dataset.') }, name: 'notes.txt', why: 'is not a JSON file' },
    { files: { name: 'future.json', mimeType: 'application/json', buffer: Buffer.from('{"format_version": 2}') }, name: 'future.json', why: 'has another format_version than 1' },
    { files: big, name: 'huge.json', why: 'is too large to open' },
  ];
  for (const b of bad) {
    await input.setInputFiles(b.files);
    await eventually(async () => (await notice.count()) === 1 && (await notice.textContent()).includes(`“${b.name}”`), `the notice names ${b.name}`);
    const t = await notice.textContent();
    expect(await notice.getAttribute('role') === 'alert', `${b.name}: the notice is an alert`);
    expect(t.includes(b.why) && t.includes('The draft is unchanged.'), `${b.name}: the notice says why: ${t}`);
    expect(await field(page, p).inputValue() === edited, `${b.name}: the edit is still in the form`);
    expect(await stored(page) === before, `${b.name}: the stored draft is unchanged`);
    expect((await page.locator('[data-testid="file-name"]').textContent()) === 'dataset.json', `${b.name}: the file name is unchanged`);
    await input.setInputFiles([]);
  }
  await errorsAre(page, 0, 'the draft after the refusals');
  fs.rmSync(dir, { recursive: true, force: true });

  // A good file opens (and the alert goes): the control that the refusals are not the picker's.
  const good = data();
  good.events[MIN].title.en = 'Opened from disk';
  await input.setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(good)) });
  await eventually(async () => (await page.locator('[data-testid="file-name"]').textContent()) === 'mine.json', 'a good file opens');
  expect(await notice.count() === 0, 'the alert is gone');
  await select(page, 'events', h.MINISTERIAL);
  expect(await field(page, p).inputValue() === 'Opened from disk', 'the opened file is shown');
  expect(await page.locator('[data-testid="undo"]').isDisabled(), 'a new file starts a new history');
});

// ---------------------------------------------------------------- 7. references

test('editor: renaming a state\'s code updates every reference; deleting a cited source asks, and accepted leaves reference errors', async ({ page, base }) => {
  await open(page, base);
  // Rename KZ (cited by participants, places, chair terms).
  const refsBefore = JSON.stringify(DATA).split('"KZ"').length - 1;
  expect(refsBefore > 5, `KZ is referred to ${refsBefore} times`);
  await select(page, 'states', 'KZ');
  const code = field(page, `$.states[${KZ}].code`);
  await code.fill('QZ');
  await code.press('Enter');
  await eventually(async () => (await page.locator('#ed-form-title').textContent()).includes('QZ'), 'the state is renamed');
  await errorsAre(page, 0, 'after the rename (every reference follows)');
  const doc = await storedDoc(page);
  const text = JSON.stringify(doc);
  expect(!text.includes('"KZ"'), 'no "KZ" left in the draft');
  expect(text.split('"QZ"').length - 1 === refsBefore, `"QZ" written ${text.split('"QZ"').length - 1} times for ${refsBefore}`);
  // A participant's picker shows the new code.
  const ev = DATA.events.findIndex((x) => (x.participants || []).some((q) => q.state === 'KZ'));
  const j = DATA.events[ev].participants.findIndex((q) => q.state === 'KZ');
  await select(page, 'events', DATA.events[ev].id);
  const picker = field(page, `$.events[${ev}].participants[${j}].state`);
  expect(await picker.inputValue() === 'QZ', 'the participant picker holds QZ');
  expect((await picker.locator('option:checked').textContent()).startsWith('QZ'), 'and shows it');
  expect(await picker.locator('option[value="KZ"]').count() === 0, 'KZ is no longer offered');
  expect((await page.locator('[data-testid="change-totals"]').textContent()).includes('changed'), 'the changes count the renamed records');

  // Delete a cited source: asked, and refused keeps it; accepted leaves reference errors.
  const src = DATA.sources.find((s) => citations(DATA, s.id).length >= 1 && citations(DATA, s.id).length <= 3);
  const cited = citations(doc, src.id);
  await select(page, 'sources', src.id);
  let asked = '';
  page.once('dialog', (d) => { asked = d.message(); d.dismiss(); });
  await page.locator('[data-testid="delete"]').click();
  await eventually(() => asked, 'deleting a cited source asks');
  expect(asked.includes('Delete it anyway?') && cited.every((c) => asked.includes(c)), `the question names every citation (${cited.join(', ')}): ${asked}`);
  expect(await page.locator('[data-testid="records"] .ed-recid').getByText(src.id, { exact: true }).count() === 1, 'refused: the source stays');
  await errorsAre(page, 0, 'refused');
  const removedBefore = Number(/(\d+) removed/.exec(await page.locator('[data-testid="change-totals"]').textContent())[1]);
  page.once('dialog', (d) => d.accept());
  await page.locator('[data-testid="delete"]').click();
  await eventually(async () => (await page.locator('[data-testid="records"] .ed-recid').getByText(src.id, { exact: true }).count()) === 0, 'accepted: the source is gone');
  await errorsAre(page, cited.length, 'one reference error per citation');
  for (const c of cited) {
    const pr = problemAt(page, c);
    expect(await pr.count() === 1, `a problem at ${c}`);
    expect((await pr.textContent()).includes(src.id), `the problem at ${c} names ${src.id}`);
  }
  // (A renamed record counts as one removed and one added: the changes match records by id.)
  const totals = await page.locator('[data-testid="change-totals"]').textContent();
  expect(totals.includes(`${removedBefore + 1} removed`), `the source counted as removed: ${totals}`);
});

// ---------------------------------------------------------------- 8. accessibility

async function axeEditor(page, base, lang, { panes = false } = {}) {
  // Each language from the bundled file (not the draft left by the scan before, whose error
  // would leave the preview empty).
  await open(page, base, lang);
  await page.evaluate(() => localStorage.clear());
  await open(page, base, lang);
  await page.locator('[data-testid="preview"] .ap-app').waitFor({ state: 'attached', timeout: 10000 });
  await select(page, 'events', h.MINISTERIAL);
  await field(page, `$.events[${MIN}].start`).fill('2013-02-30');
  await showsError(page, `$.events[${MIN}].start`);
  expect(await page.locator('.ed').getAttribute('lang') === (lang || 'en'), `the page speaks ${lang || 'en'}`);
  const found = [];
  const scan = async (where) => {
    await page.waitForTimeout(150); // let reactive updates and layout settle
    for (const v of await axeViolations(page)) found.push(`${where}: ${v}`);
  };
  await scan(`${lang || 'en'}, record with an error`);
  if (panes) {
    for (const pane of ['preview', 'problems']) {
      await page.locator(`[data-testid="pane-${pane}"]`).click();
      await scan(`${lang || 'en'}, ${pane} pane`);
    }
  } else {
    await page.locator('[data-testid="kind-dataset"]').click();
    await scan(`${lang || 'en'}, the dataset's fields`);
  }
  return found;
}

// axe on every pane, with a record selected and an error shown, in English and Russian.
test.describe(() => {
  test.use({ bypassCSP: true });
  test('editor: axe — English and Russian, a record with an error shown (desktop)', async ({ page, base }) => {
    const found = [...await axeEditor(page, base), ...await axeEditor(page, base, 'ru')];
    expect(found.length === 0, `axe violations:\n       ${found.join('\n       ')}`);
  });
  test('editor: axe — English and Russian, a record with an error shown, every pane (phone)', { tag: '@phone' }, async ({ page, base }) => {
    const found = [...await axeEditor(page, base, undefined, { panes: true }), ...await axeEditor(page, base, 'ru', { panes: true })];
    expect(found.length === 0, `axe violations:\n       ${found.join('\n       ')}`);
  });
});

// ---------------------------------------------------------------- 9. the phone's panes

test('editor: on a phone the pane tabs switch between edit, preview and problems, and nothing scrolls sideways', { tag: '@phone' }, async ({ page, base }) => {
  await open(page, base);
  const width = await page.evaluate(() => innerWidth);
  expect(width <= 400, `a phone-sized window (${width} px)`);
  const tabs = { edit: '[data-testid="records"]', preview: '[data-testid="preview"]', problems: '[data-testid="problems"]' };
  const check = async (pane, why) => {
    await page.locator(`[data-testid="pane-${pane}"]`).click();
    await eventually(async () => (await page.locator('.ed').getAttribute('data-pane')) === pane, `${pane} pane chosen`);
    for (const [other, sel] of Object.entries(tabs)) {
      const pressed = await page.locator(`[data-testid="pane-${other}"]`).getAttribute('aria-pressed');
      expect(pressed === String(other === pane), `${why}: pane-${other} aria-pressed=${pressed}`);
      const shown = await page.locator(sel).isVisible();
      expect(shown === (other === pane), `${why}: the ${other} pane is ${shown ? 'shown' : 'hidden'}`);
    }
    const over = await noSideScroll(page);
    expect(over <= 0, `${why}: the page scrolls sideways by ${over} px`);
  };
  await check('edit', 'at the start');
  await check('preview', 'the preview');
  await page.locator('[data-testid="preview"] .ap-app [data-testid="event-mark"]').first().waitFor({ timeout: 10000 });
  await check('problems', 'the problems');
  await check('edit', 'back to editing');

  // A record's form, and one with an error, fit too; the problem leads back to the edit pane.
  await select(page, 'events', h.MINISTERIAL);
  let over = await noSideScroll(page);
  expect(over <= 0, `a record's form: the page scrolls sideways by ${over} px`);
  await field(page, `$.events[${MIN}].start`).fill('2013-02-30');
  await showsError(page, `$.events[${MIN}].start`);
  await check('problems', 'the problems, with one');
  await problemAt(page, `$.events[${MIN}].start`).click();
  await eventually(async () => (await page.locator('.ed').getAttribute('data-pane')) === 'edit', 'the problem opens the edit pane');
  await eventually(async () => (await focusedPath(page)) === `$.events[${MIN}].start`, 'and focuses the field');
  await check('preview', 'the preview of a draft with errors');
  expect(await page.locator('[data-testid="preview"] .ed-banner').isVisible(), 'the preview says it is the last good version');
  for (const k of ['states', 'sources', 'dataset']) {
    await page.locator('[data-testid="pane-edit"]').click();
    await page.locator(`[data-testid="kind-${k}"]`).click();
    if (k !== 'dataset') await page.locator('[data-testid="records"] .ed-record').first().click();
    await settle(page);
    over = await noSideScroll(page);
    expect(over <= 0, `the ${k} form: the page scrolls sideways by ${over} px`);
  }
  await page.locator('.ed-head button[lang="ru"]').click();
  await settle(page);
  over = await noSideScroll(page);
  expect(over <= 0, `in Russian: the page scrolls sideways by ${over} px`);
});

// ---------------------------------------------------------------- 10. a random walk

// In the page: tags the visible, enabled elements matching `sel` with `data-walk` numbers.
function tagVisible(sel) {
  for (const el of document.querySelectorAll('[data-walk]')) el.removeAttribute('data-walk');
  let n = 0;
  for (const el of document.querySelectorAll(sel)) {
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1 || el.disabled || getComputedStyle(el).visibility === 'hidden') continue;
    el.setAttribute('data-walk', String(n++));
  }
  return n;
}

const TEXTS = ['2013', '2013-02-30', '2025-06', '2025-13-01', '', 'Almaty', 'Алматы', 'KZ', 'x'.repeat(120), '<b>&amp;', ' padded ', 'S1'];
const KINDS = ['dataset', 'events', 'states', 'chair_terms', 'sources', 'disputes', 'organisations'];
const STEPS = Number(process.env.EDITOR_WALK_STEPS || 0) || 60;

async function editorWalk(page, base, name) {
  const seed = Number(process.env.EDITOR_WALK_SEED || 0) || ((Date.now() ^ (name.length * 7919)) >>> 0);
  const r = h.rng(seed);
  const log = [];
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => { log.push(`   (dialog "${d.message().split('\n')[0]}" accepted)`); d.accept(); });
  const fail = (step, why) => {
    throw new Check(`walk "${name}" failed at step ${step} of ${STEPS} (seed ${seed}): ${why}\n` +
      `       last steps:\n         ${log.slice(-12).join('\n         ')}\n` +
      `       replay: EDITOR_WALK_SEED=${seed} e2e/node_modules/.bin/playwright test -c e2e/playwright.config.mjs editor.mjs --grep "${name}"`);
  };
  const pickVisible = async (sel) => {
    const n = await page.evaluate(tagVisible, sel);
    return n ? page.locator(`[data-walk="${r.int(n)}"]`) : null;
  };
  const describe = (el) => el.evaluate((e) => `${e.tagName.toLowerCase()}${e.dataset.testid ? `[${e.dataset.testid}]` : ''}${e.dataset.path ? ` ${e.dataset.path}` : ''} "${(e.getAttribute('aria-label') || e.textContent || '').trim().slice(0, 30)}"`);
  await open(page, base);
  for (let step = 1; step <= STEPS; step++) {
    const k = r.int(100);
    try {
      if (k < 12) {
        const kind = r.pick(KINDS);
        log.push(`${step}: show ${kind}`);
        await page.locator(`[data-testid="kind-${kind}"]`).click();
      } else if (k < 26) {
        const el = await pickVisible('[data-testid="records"] .ed-record');
        if (!el) { log.push(`${step}: no record to select`); continue; }
        log.push(`${step}: select ${await describe(el)}`);
        await el.click({ timeout: 1500 });
      } else if (k < 48) {
        const el = await pickVisible('.ed-form input[type="text"], .ed-form textarea, .ed-filter');
        if (!el) { log.push(`${step}: no field to type into`); continue; }
        const t = r.pick(TEXTS);
        log.push(`${step}: type ${JSON.stringify(t.slice(0, 20))} into ${await describe(el)}`);
        await el.fill(t, { timeout: 1500 });
        if (r.int(2)) await page.keyboard.press(r.pick(['Enter', 'Tab']));
      } else if (k < 56) {
        const el = await pickVisible('.ed-form select');
        if (!el) { log.push(`${step}: no select`); continue; }
        const values = await el.evaluate((s) => [...s.options].map((o) => o.value));
        const v = r.pick(values);
        log.push(`${step}: choose "${v}" in ${await describe(el)}`);
        await el.selectOption(v, { timeout: 1500 });
      } else if (k < 66) {
        const el = await pickVisible('[data-testid="add-record"], [data-testid="duplicate"], [data-testid="delete"], .ed-form [data-testid^="add-"], .ed-x, .ed-item > button, .ed-radio input');
        if (!el) { log.push(`${step}: no record action`); continue; }
        log.push(`${step}: click ${await describe(el)}`);
        await el.click({ timeout: 1500 });
      } else if (k < 82) {
        const key = r.pick(['Control+z', 'Control+z', 'Control+Shift+z', 'Control+y']);
        log.push(`${step}: key ${key}`);
        await page.keyboard.press(key);
      } else if (k < 88) {
        const el = await pickVisible('[data-testid="undo"], [data-testid="redo"]');
        if (!el) { log.push(`${step}: nothing to undo or redo`); continue; }
        log.push(`${step}: click ${await describe(el)}`);
        await el.click({ timeout: 1500 });
      } else if (k < 94) {
        const el = await pickVisible('[data-testid="problem"]');
        if (!el) { log.push(`${step}: no problem to open`); continue; }
        log.push(`${step}: open problem ${await describe(el)}`);
        await el.click({ timeout: 1500 });
      } else {
        const l = r.pick(['EN', 'RU']);
        log.push(`${step}: language ${l}`);
        await page.locator('.ed-head button', { hasText: new RegExp(`^${l}$`) }).click();
      }
      await settle(page);
      if (errors.length) fail(step, `page error: ${errors[0]}`);
      if ((await page.locator('[data-testid="counts"]').count()) !== 1) fail(step, 'the counts are gone');
      if (!/^\d+ \D+ · \d+ \D+$/.test((await countsText(page)).trim())) fail(step, `counts read "${await countsText(page)}"`);
      if (await page.locator('#editor-crash').isVisible()) fail(step, 'the crash message is shown');
    } catch (e) {
      if (e instanceof Check) throw e;
      fail(step, e.message.split('\n')[0]);
    }
  }
  if (process.env.EDITOR_WALK_LOG) console.log(log.join("\n"));
  // After the walk: a reload restores the same draft, with the same counts.
  await page.locator('[data-testid="kind-dataset"]').click(); // leave an id field, if one was being typed
  await settle(page);
  await page.waitForTimeout(300);
  const before = { doc: await stored(page), counts: await counts(page) };
  await page.reload();
  await page.locator('.ed-main').waitFor({ timeout: 15000 });
  await settle(page);
  expect(before.doc !== null && (await stored(page)) === before.doc, `the stored draft is the same after the reload (seed ${seed})`);
  // (The interface keeps the language the walk chose last: English or Russian.)
  const notice = await page.locator('[data-testid="notice"]').textContent();
  expect(notice.includes('Draft restored') || notice.includes('Черновик восстановлен'), 'the notice says the draft was restored');
  await eventually(async () => isDeepStrictEqual(await counts(page), before.counts),
    `the counts after the reload are ${before.counts.errors} errors, ${before.counts.warnings} warnings (seed ${seed})`);
  if (errors.length) fail(STEPS, `page error: ${errors[0]}`);
}

test('editor walk: 60 seeded random steps (kinds, records, fields, add/duplicate/delete, undo/redo, language); a reload restores the draft', async ({ page, base }) => {
  await editorWalk(page, base, 'editor walk: 60 seeded random steps');
});
