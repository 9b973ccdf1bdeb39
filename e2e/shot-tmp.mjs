// node shot.mjs DIST OUTPREFIX [hash] — screenshots at the laptop sizes and a phone.
import { chromium } from 'playwright-core';
import { serve } from '/work/main/e2e/server.mjs';
const [dist, out, hash = '#e=2013-06-05-ministerial', sizes = '1280x720,1366x768,1920x1080,390x844'] = process.argv.slice(2);
const server = await serve(dist, 0, { '/hosts/': '/work/main/e2e/hosts' });
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
for (const sz of sizes.split(',')) {
  const [w, h] = sz.split('x').map(Number);
  const page = await browser.newPage({ viewport: { width: w, height: h }, colorScheme: process.env.DARK ? 'dark' : 'light' });
  const url = hash.startsWith('/') ? base + hash.slice(1) : base + hash;
  await page.goto(url);
  await page.locator('.ap-app').first().waitFor();
  await page.waitForTimeout(700);
  await page.screenshot({ path: `${out}-${sz}.png` });
  const info = await page.evaluate(() => {
    const inView = (el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth; };
    const q = (s) => [...document.querySelectorAll(s)];
    const tiles = q('[data-testid="tile"]');
    const sel = document.querySelector('[data-testid="event-mark"][aria-pressed="true"]');
    const head = document.querySelector('.ap-detail__title');
    return { tiles: `${tiles.filter(inView).length}/${tiles.length}`, mark: sel ? inView(sel.querySelector('.ap-tl__glyph') || sel) : null, head: head ? inView(head) : null, scrollH: document.documentElement.scrollHeight };
  });
  console.log(sz, JSON.stringify(info));
  await page.close();
}
await browser.close(); server.close();
