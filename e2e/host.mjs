// End-to-end tests that an instance looks the same on any host page and shows its text whole,
// (every test name starts with "host:"):
//   1. a host page that forces every inherited property (on html and *, with !important), a 10px
//      root font size, box-sizing games and `all: unset` on buttons, against a clean host page:
//      same size, same boxes and computed text styles for every element, same pixels
//      (screenshots in artifacts/host-*.png); theming through --ap-* still works there;
//   2. axe-core with every WCAG 2.0/2.1/2.2 A and AA rule and best practice, experimental rules
//      included, on the hostile page;
//   3. no text overflows its box, is cut by a clipping ancestor or broken inside a word, and no
//      two timeline labels overlap (e2e/textfit.js), at 360, 768, 1024 and 1366 px, EN and RU,
//      visual and text views;
//   4. every control's accessible name (Chromium's, from the accessibility tree) contains the
//      words it shows (WCAG 2.5.3 Label in Name);
//   5. no built HTML page has an inline script or a dev server's live-reload hook.
//   e2e/node_modules/.bin/playwright test -c e2e/playwright.config.mjs host.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { comparePng } from './png.mjs';
import { AXE_RULES, axeRun } from './axe-rules.mjs';
import { test } from './fixtures.mjs';
import * as h from './helpers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const TEXTFIT = fs.readFileSync(path.join(here, 'textfit.js'), 'utf8');
// The computed properties compared between the clean and the hostile host page.
const PROPS = [
  'font-family', 'font-size', 'font-style', 'font-weight', 'font-variant', 'font-stretch', 'font-kerning',
  'font-feature-settings', 'font-size-adjust', 'line-height', 'letter-spacing', 'word-spacing', 'text-transform',
  'text-align', 'text-indent', 'text-shadow', 'white-space', 'word-break', 'overflow-wrap', 'hyphens',
  'direction', 'unicode-bidi', 'writing-mode', 'color', '-webkit-text-fill-color', '-webkit-text-stroke-width',
  'box-sizing', 'display', 'visibility', 'list-style-type', 'border-spacing', 'cursor', 'tab-size',
  'background-color', 'margin-top', 'padding-top', 'border-top-width',
];

/** In the page: the instance root, light DOM or shadow root. */
const ROOT_OF = (sel) => `(() => { const h = document.querySelector(${JSON.stringify(sel)}); return (h.shadowRoot && h.shadowRoot.querySelector('.ap-root')) || h; })()`;

const { expect, artifacts, dist, MINISTERIAL } = h;
const ready = (page) => page.locator('[data-testid="event-mark"], [data-testid="event-item"]').first().waitFor({ timeout: 15000 });
const settle = async (page) => { await ready(page); await page.evaluate(() => document.fonts.ready); await page.waitForTimeout(250); };

// ================================================================ 1. hostile host page

async function snapshot(page, url) {
  await page.goto(url);
  await settle(page);
  return page.evaluate(([rootExpr, props]) => {
    const root = eval(rootExpr); // eslint-disable-line no-eval
    const o = root.getBoundingClientRect();
    const els = [root, ...root.querySelectorAll('*')];
    const round = (v) => Math.round(v * 10) / 10;
    return {
      size: { width: round(o.width), height: round(o.height) },
      h1: getComputedStyle(root.querySelector('h1')).fontSize,
      headings: [...root.querySelectorAll('h1, h2, h3')].map((x) => `${x.tagName} ${getComputedStyle(x).fontSize}`),
      els: els.map((e) => {
        const cs = getComputedStyle(e);
        const b = e.getBoundingClientRect();
        return {
          what: `<${e.tagName.toLowerCase()} class="${typeof e.className === 'string' ? e.className : ''}">`,
          box: b.width || b.height ? [b.left - o.left, b.top - o.top, b.width, b.height].map(round).join(',') : 'no box',
          style: props.map((p) => cs.getPropertyValue(p)),
        };
      }),
    };
  }, [ROOT_OF('#slot'), PROPS]);
}

const compareLog = [];
for (const lang of ['en', 'ru']) {
  for (const [device, viewport] of [['desktop', { width: 1366, height: 900 }], ['phone', { width: 360, height: 740 }]]) {
    test(`host: a hostile host page changes nothing — ${lang.toUpperCase()}, ${device} ${viewport.width} px`, async ({ browser, origin }) => {
      const ctx = await browser.newContext({ viewport, deviceScaleFactor: 1 });
      try {
        const page = await ctx.newPage();
        const shots = {};
        const snaps = {};
        for (const kind of ['clean', 'hostile']) {
          const file = kind === 'clean' ? 'clean.html' : 'hostile-all.html';
          snaps[kind] = await snapshot(page, `${origin}/hosts/${file}#l=${lang}&e=${MINISTERIAL}`);
          // The instance is at the top of both pages; whole pixels only (a last, partly
          // covered row would show the host page's own background).
          const png = path.join(artifacts, `host-${kind}-${lang}-${viewport.width}.png`);
          const top = await page.evaluate(() => document.querySelector('#slot').getBoundingClientRect().top + scrollY);
          expect(top === 0, `the instance is not at the top of ${file} (${top}px)`);
          const clip = { x: 0, y: 0, width: Math.floor(snaps[kind].size.width), height: Math.floor(snaps[kind].size.height) };
          shots[kind] = await page.screenshot({ path: png, fullPage: true, clip, animations: 'disabled', caret: 'hide' });
        }
        const [a, b] = [snaps.clean, snaps.hostile];
        const pixels = comparePng(shots.clean, shots.hostile);
        compareLog.push({ lang, viewport: viewport.width, clean: { size: a.size, h1: a.h1 }, hostile: { size: b.size, h1: b.h1 }, elements: a.els.length, pixels });
        fs.writeFileSync(path.join(artifacts, 'host-compare.json'), JSON.stringify(compareLog, null, 2));
        expect(a.els.length === b.els.length, `${a.els.length} elements on the clean page, ${b.els.length} on the hostile one`);
        expect(a.size.width === b.size.width && a.size.height === b.size.height,
          `instance size: clean ${JSON.stringify(a.size)}, hostile ${JSON.stringify(b.size)}`);
        expect(a.h1 === b.h1, `h1 font size: clean ${a.h1}, hostile ${b.h1}`);
        expect(JSON.stringify(a.headings) === JSON.stringify(b.headings), `headings: clean ${a.headings.join(', ')}; hostile ${b.headings.join(', ')}`);
        const diffs = [];
        for (let i = 0; i < a.els.length; i++) {
          const [x, y] = [a.els[i], b.els[i]];
          const d = PROPS.map((p, k) => (x.style[k] !== y.style[k] ? `${p}: ${x.style[k]} → ${y.style[k]}` : null)).filter(Boolean);
          if (x.box !== y.box) d.push(`box ${x.box} → ${y.box}`);
          if (d.length) diffs.push(`${x.what} ${d.join('; ')}`);
        }
        expect(diffs.length === 0, `${diffs.length} element(s) differ on the hostile page:\n       ${diffs.slice(0, 10).join('\n       ')}`);
        // Same pixels (measured: identical). The small allowance is for anti-aliasing noise:
        // an instance at a fractional offset gets a few edge pixels a shade different.
        const where = `artifacts/host-clean-${lang}-${viewport.width}.png vs host-hostile-${lang}-${viewport.width}.png`;
        expect(pixels.sameSize, `the screenshots differ in size: ${JSON.stringify(pixels)} (${where})`);
        expect(pixels.maxDelta <= 48 && pixels.share < 0.0005,
          `the screenshots differ: ${pixels.differing} pixels, up to ${pixels.maxDelta}/255, in ${JSON.stringify(pixels.box)} (${where})`);
      } finally {
        await ctx.close();
      }
    });
  }
}

test('host: theming through --ap-* custom properties still works on the hostile page', async ({ page, origin }) => {
  await page.goto(`${origin}/hosts/hostile-all.html`);
  await settle(page);
  const pressed = page.locator('[data-testid="lang-en"]');
  const before = await pressed.evaluate((e) => getComputedStyle(e).backgroundColor);
  await page.evaluate(() => {
    const slot = document.querySelector('#slot');
    slot.style.setProperty('--ap-accent', 'rgb(122, 31, 61)');
    slot.style.setProperty('--ap-font', 'serif');
  });
  const after = await pressed.evaluate((e) => getComputedStyle(e).backgroundColor);
  const font = await page.locator('[data-testid="title"]').evaluate((e) => getComputedStyle(e).fontFamily);
  expect(after === 'rgb(122, 31, 61)', `--ap-accent on the host element recolours the pressed button: ${before} → ${after}`);
  expect(font === 'serif', `--ap-font on the host element sets the font: ${font}`);
});

// ================================================================ 2. axe on the hostile page

async function axeScan(page, include) {
  const r = await axeRun(page, include);
  const slim = (list) => list.map((v) => `[${v.id}] ${v.help} — ${v.nodes.length} node(s): ${v.nodes.slice(0, 2).map((n) => n.html.slice(0, 120)).join(' | ')}`);
  return { rules: AXE_RULES.length, ran: r.passes.length + r.violations.length + r.incomplete.length, violations: slim(r.violations), incomplete: r.incomplete.map((v) => v.id), passes: r.passes.length };
}

for (const [name, hash] of [['visual EN', `#e=${MINISTERIAL}`], ['visual RU', `#l=ru&s=KZ`], ['text RU', '#l=ru&v=text&e=' + MINISTERIAL], ['visual EN, 360 px', '#s=RU&d=2011-06-01']]) {
  test.describe(() => {
    test.use({ bypassCSP: true });
    test(`host: axe (all WCAG A/AA + best practice) on the hostile page — ${name}`, async ({ page, origin }) => {
      if (name.includes('360')) await page.setViewportSize({ width: 360, height: 740 });
      await page.goto(`${origin}/hosts/hostile-all.html${hash}`);
      await settle(page);
      // The host page's own text is red on white by design: only the instance is scanned.
      const r = await axeScan(page, '#slot');
      fs.writeFileSync(path.join(artifacts, `axe-hostile-${name.replace(/\W+/g, '-')}.json`), JSON.stringify(r, null, 2));
      expect(r.rules >= 90, `only ${r.rules} axe rules ran`);
      expect(r.violations.length === 0, `${r.violations.length} axe violation(s) on the hostile page (${r.rules} rules):\n       ${r.violations.join('\n       ')}`);
      expect(!r.incomplete.includes('label-content-name-mismatch'), 'axe could not decide Label in Name for some control');
    });
  });
}

// ================================================================ 3. text that does not fit

const fitViews = {
  visual: [`#e=${MINISTERIAL}`, '#s=RU&d=2011-06-01'],
  text: [`#v=text&s=KZ`, `#v=text&e=${MINISTERIAL}&d=2011-06-01`],
};
for (const width of [360, 768, 1024, 1366]) {
  for (const lang of ['en', 'ru']) {
    for (const [view, hashes] of Object.entries(fitViews)) {
      test(`host: no clipped, overflowing or broken text — ${width} px, ${lang.toUpperCase()}, ${view} view`, async ({ page, base }) => {
        await page.setViewportSize({ width, height: 900 });
        const found = [];
        for (const hash of hashes) {
          await page.goto(`${base}${hash}&l=${lang}`);
          await settle(page);
          await page.evaluate(TEXTFIT);
          const problems = await page.evaluate(() => window.__textFit(document.querySelector('#app')));
          found.push(...problems.map((p) => `${hash}: ${p.kind} ${p.where} "${p.text}" — ${p.detail}`));
          const hscroll = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          if (hscroll > 0) found.push(`${hash}: the page scrolls sideways by ${hscroll}px`);
        }
        expect(found.length === 0, `${found.length} problem(s):\n       ${found.slice(0, 12).join('\n       ')}`);
      });
    }
  }
}

// ================================================================ 4. Label in Name

/** Chromium's accessible name of a control, from its ARIA snapshot. */
const accName = async (loc) => {
  let line = (await loc.ariaSnapshot()).split('\n')[0].replace(/^- /, '');
  // YAML wraps an entry in single quotes when it holds ": " (doubling its own quotes).
  if (line.startsWith("'")) line = line.slice(1, line.lastIndexOf("'")).replace(/''/g, "'");
  const m = line.match(/^[\w-]+ "((?:[^"\\]|\\.)*)"/);
  return m ? m[1].replace(/\\(.)/g, '$1') : '';
};
const norm = (s) => s.replace(/\u00ad/g, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

for (const [name, hash, width] of [
  ['visual EN', `#e=${MINISTERIAL}`, 1366], ['visual RU', `#l=ru&s=RU&d=2011-06-01`, 1366],
  ['text EN', `#v=text&s=KZ`, 1366], ['text RU', `#l=ru&v=text&e=${MINISTERIAL}`, 1366],
  ['visual RU, 360 px', `#l=ru&e=${MINISTERIAL}`, 360], ['visual EN, 360 px', `#s=KZ`, 360],
]) {
  test(`host: every control's accessible name contains its visible text — ${name}`, async ({ page, base }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(base + hash);
    await settle(page);
    await page.evaluate(TEXTFIT);
    const controls = page.locator('#app').locator('button, a[href], input, select, textarea, [role="button"], [role="link"], [role="tab"]');
    const n = await controls.count();
    expect(n > 20, `only ${n} controls found`);
    const bad = [];
    let checked = 0;
    for (let i = 0; i < n; i++) {
      const c = controls.nth(i);
      const visible = await c.evaluate((el) => window.__visibleText(el));
      if (!norm(visible)) continue;
      checked++;
      const accessible = await accName(c);
      if (!norm(accessible).includes(norm(visible))) bad.push(`shows "${visible.trim().replace(/\s+/g, ' ').slice(0, 60)}", named "${accessible.slice(0, 80)}"`);
    }
    expect(checked > 20, `only ${checked} controls with visible text`);
    expect(bad.length === 0, `${bad.length} of ${checked} control(s) whose name lacks the words they show:\n       ${bad.slice(0, 10).join('\n       ')}`);
  });
}

// ================================================================ 5. the copyable build

test('host: no HTML page in the built folder has an inline script or a live-reload hook', async () => {
  const pages = fs.readdirSync(dist).filter((f) => f.endsWith('.html'));
  expect(pages.includes('index.html') && pages.includes('embed.html'), `built pages: ${pages.join(', ')}`);
  for (const f of pages) {
    const html = fs.readFileSync(path.join(dist, f), 'utf8');
    for (const [, attrs, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
      expect(/\bsrc\s*=/.test(attrs) && body.trim() === '', `${f}: inline script: <script${attrs}>${body.trim().slice(0, 80)}`);
    }
    expect(!/\son[a-z]+\s*=/i.test(html), `${f}: an inline event handler attribute`);
    expect(!/javascript:/i.test(html), `${f}: a javascript: URL`);
    expect(!/wss?:\/\/|__trunk|trunk_address|autoreload|live.?reload/i.test(html), `${f}: a dev server's live-reload hook (was it written by trunk serve?)`);
  }
});

