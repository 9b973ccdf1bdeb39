// End-to-end: sharing a view. The Share panel's figure downloads (SVG and PNG of a deep-linked
// view, naming its event and date), the alt text, the embed snippets (each mounts a working
// instance on a host page), the system share sheet where there is one; the build-time share
// pages with their preview images and oEmbed files.
import fs from 'node:fs';
import path from 'node:path';
import { test } from './fixtures.mjs';
import { expect, eventually, waitForApp, dist, Check } from './helpers.mjs';
import { axeViolations } from './axe-rules.mjs';

const data = JSON.parse(fs.readFileSync(path.join(dist, 'data', 'dataset.json'), 'utf8'));
const EVENT = '2013-06-05-ministerial';
const event = data.events.find((e) => e.id === EVENT);

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(buf) {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  expect(sig.every((b, i) => buf[i] === b), 'a PNG signature');
  expect(buf.toString('latin1', 12, 16) === 'IHDR', 'IHDR first');
  return [buf.readUInt32BE(16), buf.readUInt32BE(20)];
}

async function openShare(page) {
  await page.locator('[data-testid="tools-share"]').click();
  await page.locator('[data-testid="share-panel"]').waitFor({ state: 'visible' });
}

async function download(page, testid) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-testid="${testid}"]`).click()]);
  return { name: d.suggestedFilename(), body: fs.readFileSync(await d.path()) };
}

test('share: SVG and PNG figures of a deep-linked view name its event and date; the alt text is offered', async ({ page, base }) => {
  await page.goto(`${base}#e=${EVENT}&d=2013-06-05&l=en`);
  await waitForApp(page);
  await openShare(page);
  const alt = page.locator('[data-testid="figure-alt"]');
  await eventually(async () => (await alt.inputValue()).includes(event.title.en), 'the alt text names the event', 15000);
  expect((await alt.inputValue()).includes('5 June 2013'), `alt names the date: ${await alt.inputValue()}`);
  const svg = await download(page, 'figure-svg');
  expect(svg.name.endsWith('.svg') && svg.name.includes(`figure-${EVENT}-2013-06-05`), svg.name);
  const text = svg.body.toString('utf8');
  expect(text.startsWith('<svg') && /<title[^>]*>[^<]+<\/title>/.test(text) && /<desc[^>]*>[^<]+<\/desc>/.test(text), text.slice(0, 200));
  expect(text.includes(event.title.en.replace(/&/g, '&amp;').replace(/'/g, '&#39;').slice(0, 30)) || text.includes(event.title.en.slice(0, 30)), 'the SVG names the event');
  expect(text.includes('5 June 2013'), 'the SVG names the date');
  expect(!/<script/i.test(text), 'no script in the figure');
  const png = await download(page, 'figure-png');
  expect(png.name.endsWith('.png') && png.name.includes(`figure-${EVENT}-2013-06-05`), png.name);
  const [w, h] = pngSize(png.body);
  expect(w === 3200 && h === 2000, `PNG at twice the figure's size: ${w}×${h}`);
  // The same state gives the same figure.
  const again = await download(page, 'figure-svg');
  expect(again.body.equals(svg.body), 'identical SVG for the identical view');
});

test('share: the figure and its alt text follow the language (RU)', async ({ page, base }) => {
  await page.goto(`${base}#e=${EVENT}&d=2013-06-05&l=ru`);
  await waitForApp(page);
  await openShare(page);
  const alt = page.locator('[data-testid="figure-alt"]');
  await eventually(async () => (await alt.inputValue()).includes(event.title.ru.slice(0, 20)), 'Russian alt text', 15000);
  expect((await alt.inputValue()).includes('5 июня 2013'), await alt.inputValue());
  const svg = await download(page, 'figure-svg');
  expect(svg.body.toString('utf8').includes('5 июня 2013'), 'the Russian SVG names the date in Russian');
});

test('share: each embed snippet mounts a working instance of the same view on a host page', async ({ page, base, origin }) => {
  await page.goto(`${base}#e=${EVENT}&d=2013-06-05&l=ru`);
  await waitForApp(page);
  await openShare(page);
  // The snippets are written by the figure code, loaded when the panel first opens.
  await eventually(async () => (await page.locator('[data-testid="embed-element"]').inputValue()).includes('boot.js'), 'snippets written', 15000);
  const element = await page.locator('[data-testid="embed-element"]').inputValue();
  const iframe = await page.locator('[data-testid="embed-iframe"]').inputValue();
  expect(element.includes(`${origin}/boot.js`) && element.includes(`data-event="${EVENT}"`) && element.includes('data-lang="ru"'), element);
  expect(iframe.includes(`${origin}/embed.html?`) && iframe.includes(`event=${EVENT}`), iframe);
  const policy = await page.locator('[data-testid="embed-csp"]').textContent();
  expect(policy.includes(`script-src 'self' ${origin} 'wasm-unsafe-eval'`) && policy.includes(`frame-src ${origin}`), policy);
  for (const [name, snippet] of [['element', element], ['iframe', iframe]]) {
    const host = `${origin}/hosts/snippet-${name}.html`;
    await page.context().route(host, (route) => route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body><h1>A host page</h1>${snippet}</body></html>`,
    }));
    const p = await page.context().newPage();
    await p.goto(host);
    const scope = name === 'iframe' ? p.frameLocator('iframe') : p.locator('body');
    await eventually(async () => (await scope.locator('[data-testid="event-detail"]').count()) === 1, `${name}: the event is selected`, 15000);
    const title = await scope.locator('[data-testid="title"]').first().textContent();
    expect(title.includes(data.title.ru.slice(0, 20)), `${name}: in Russian: ${title}`);
    await p.close();
  }
});

test('share: the system share sheet gets the title and the link where the browser has one', async ({ page, base }) => {
  await page.addInitScript(() => {
    navigator.share = async (d) => { window.__shared = { title: d.title, url: d.url }; };
  });
  await page.goto(`${base}#e=${EVENT}&l=en`);
  await waitForApp(page);
  await openShare(page);
  await page.locator('[data-testid="share-native"]').click();
  const shared = await page.evaluate(() => window.__shared);
  expect(shared && shared.title === data.title.en && shared.url.includes(`e=${EVENT}`), JSON.stringify(shared));
});

test('share: without a share sheet the button is not offered', async ({ page, base }) => {
  await page.addInitScript(() => { delete Navigator.prototype.share; });
  await page.goto(base);
  await waitForApp(page);
  await openShare(page);
  expect(await page.locator('[data-testid="share-native"]').isHidden(), 'no share button');
});

test.describe(() => {
  test.use({ bypassCSP: true });
  test('share: the Share panel is axe clean in EN and RU', async ({ page, base }) => {
    for (const l of ['en', 'ru']) {
      await page.goto(`${base}#e=${EVENT}&l=${l}`);
      await page.reload();
      await waitForApp(page);
      await openShare(page);
      await eventually(async () => !(await page.locator('[data-testid="figure-alt"]').inputValue()).endsWith('…'), 'alt text ready', 15000);
      const v = await axeViolations(page);
      if (v.length) throw new Check(`axe violations (${l}):\n       ${v.join('\n       ')}`);
    }
  });
});

test('share pages: one per event and chair term and the index, with their tags, images and oEmbed', async ({ page, origin }) => {
  const dir = path.join(dist, 'share');
  for (const id of [...data.events.map((e) => e.id), ...data.chair_terms.map((t) => t.id), 'index']) {
    expect(fs.existsSync(path.join(dir, `${id}.html`)), `share/${id}.html`);
    const [w, h] = pngSize(fs.readFileSync(path.join(dir, `${id}.png`)));
    expect(w >= 1200 && h >= 630, `${id}.png is ${w}×${h}`);
    const o = JSON.parse(fs.readFileSync(path.join(dir, `${id}.oembed.json`), 'utf8'));
    expect(o.version === '1.0' && o.type === 'rich' && /<iframe /.test(o.html) && o.title && o.thumbnail_url, `${id} oEmbed: ${JSON.stringify(o).slice(0, 200)}`);
  }
  await page.goto(`${origin}/share/${EVENT}.html`);
  const meta = async (sel) => page.locator(sel).first().getAttribute('content');
  expect((await meta('meta[property="og:title"]')).includes(event.title.en.slice(0, 20)), 'og:title');
  expect((await meta('meta[property="og:image"]')).endsWith(`/share/${EVENT}.png`), 'og:image');
  expect(await meta('meta[name="twitter:card"]') === 'summary_large_image', 'twitter:card');
  expect(await page.locator('link[rel="canonical"]').count() === 1, 'canonical link');
  expect((await page.locator('link[rel="alternate"][type="application/json+oembed"]').getAttribute('href')).endsWith(`${EVENT}.oembed.json`), 'oEmbed discovery');
  const into = await page.locator(`a[href*="index.html#e=${EVENT}"]`).count();
  expect(into >= 1, 'a plain link into the app');
  const index = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  expect(/property="og:image"/.test(index) && /application\/json\+oembed/.test(index), 'the app page carries its own preview tags');
});
