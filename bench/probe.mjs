// Chromium's flags for the benchmarks: headless, and quiet on a machine without a network.
export const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

// In-page probes shared by the benchmarks (run.mjs, scale.mjs): when content first appears,
// and how long an interaction takes until the DOM shows it and the next frame is rendered.

// Installed before any page script: records performance.now() (ms since navigation start) the
// first time the wanted text is in document.body.textContent (t) and the first time the wanted
// selector matches (ts), and when the frame after the latter has been rendered (tf).
export function probe(want) {
  if (window !== window.top) return;
  const b = (window.__bench = { t: null, ts: null, tf: null, csp: [] });
  addEventListener('securitypolicyviolation', (e) => b.csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  const hasText = () => want.text === undefined || (document.body !== null && document.body.textContent.includes(want.text));
  const hasSel = () => want.selector === undefined || document.querySelector(want.selector) !== null;
  const mo = new MutationObserver(() => check());
  function check() {
    const now = performance.now();
    if (b.t === null && want.text !== undefined && hasText()) b.t = now;
    if (b.ts === null && want.selector !== undefined && hasSel()) {
      b.ts = now;
      // When that frame has been rendered: a rAF callback, then a message posted from it.
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => { b.tf = performance.now(); };
        ch.port2.postMessage(0);
      });
    }
    if ((want.text === undefined || b.t !== null) && (want.selector === undefined || b.ts !== null)) mo.disconnect();
  }
  mo.observe(document, { childList: true, subtree: true, characterData: true });
  check();
}

// In the page: run `act`, wait until `done()` holds (checked at once, then on every mutation
// under `root`), then until the next animation frame has run and rendered (a rAF callback, then a
// message posted from it, which is delivered after that frame's style/layout/paint).
// Returns { dom, frame } in ms from just before `act`.
export const interact = String.raw`async ({ kind, id }) => {
  const q = (s) => document.querySelector(s);
  let root, done, act;
  if (kind === 'select') {
    const el = q('[data-testid="event-mark"][data-event-id="' + id + '"]');
    root = q('[data-testid="detail"]');
    done = () => root.querySelector('[data-testid="event-detail"][data-event-id="' + id + '"]') !== null;
    act = () => el.click();
  } else {
    const slider = q('[data-testid="asof"]');
    root = q('[data-testid="asof-summary"]');
    const before = root.textContent;
    done = () => root.textContent !== before;
    act = () => slider.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', code: 'ArrowRight', bubbles: true, cancelable: true }));
    slider.focus();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  }
  const t0 = performance.now();
  const domAt = new Promise((resolve, reject) => {
    const mo = new MutationObserver(() => { if (done()) { mo.disconnect(); resolve(performance.now()); } });
    mo.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
    setTimeout(() => { mo.disconnect(); reject(new Error(kind + ': no change within 10 s')); }, 10000);
  });
  act();
  const tDom = done() ? performance.now() : await domAt;
  const tFrame = await new Promise((r) => requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => r(performance.now());
    ch.port2.postMessage(0);
  }));
  return { dom: tDom - t0, frame: tFrame - t0 };
}`;

// In the page: the id of the drawn timeline mark nearest the middle of the visible timeline
// (the timeline draws only what is near the view, so a fixed id may not be there).
export const middleMark = () => {
  const box = document.querySelector('.ap-tl__scroll').getBoundingClientRect();
  const mid = box.left + box.width / 2;
  let best = null;
  for (const m of document.querySelectorAll('[data-testid="event-mark"]')) {
    const d = Math.abs(m.getBoundingClientRect().left - mid);
    if (!best || d < best.d) best = { d, id: m.dataset.eventId };
  }
  return best.id;
};

export const settle = (page) =>
  page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50)))));

