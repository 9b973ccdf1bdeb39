// Loads the app's WebAssembly module. An external file (no inline script), so pages with a
// strict Content-Security-Policy can run it; every URL is relative to this file, so the built
// folder works wherever it is served or copied. The app mounts into every element with a
// `data-almaty-process` attribute (see docs/embedding.md).
//
// Order: when a host already holds readable text (the built index.html prerenders the
// dataset), that text is painted first, and only then do the glue, the wasm and the dataset
// start to download, so on a slow network they do not compete with the first paint. The
// dataset's download is started here, beside the wasm's, instead of after the app starts.
const base = new URL('./', import.meta.url).href;
globalThis.__almatyProcessAssets = base;
const hosts = [...document.querySelectorAll('[data-almaty-process]')];

// Resolves after the first contentful paint; at once when nothing is there to paint yet or the
// browser does not report paints; after a second at most (a tab opened in the background
// paints nothing until it is shown).
function afterFirstPaint() {
  const reportsPaint = typeof PerformanceObserver === 'function'
    && (PerformanceObserver.supportedEntryTypes || []).includes('paint');
  if (!reportsPaint || !hosts.some((h) => h.querySelector('.ap-prerender'))) return Promise.resolve();
  return new Promise((done) => {
    setTimeout(done, 1000);
    try {
      new PerformanceObserver((list, obs) => {
        if (list.getEntriesByName('first-contentful-paint').length) { obs.disconnect(); setTimeout(done, 0); }
      }).observe({ type: 'paint', buffered: true });
    } catch { done(); }
  });
}

// The app fetches each host's dataset with fetch()'s defaults, which a preload with
// `crossorigin` matches, so the download started here is the one the app reads.
function preloadDatasets() {
  const seen = new Set();
  for (const host of hosts) {
    const src = host.getAttribute('data-src');
    if (!src || seen.has(src)) continue;
    seen.add(src);
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.crossOrigin = 'anonymous';
    link.href = src;
    document.head.append(link);
  }
}

const wasm = new URL('./almaty-process_bg.wasm', base);

// The Share panel's work (figures, alt text, embed snippets) is done by the figure code
// (figure.js + figure_bg.wasm), loaded the first time a reader opens the panel, so the first
// load does not carry it. It reads the dataset's text (fetched once, from the browser's cache).
let figure;
const texts = new Map();
globalThis.__almatyFigure = (what, src, view, link, panel) => {
  figure ||= import('./figure.js').then(async (m) => {
    await m.default({ module_or_path: new URL('./figure_bg.wasm', base) });
    return m;
  }).catch((e) => { figure = undefined; throw e; });
  const url = new URL(src, document.baseURI).href;
  if (!texts.has(url)) {
    texts.set(url, fetch(url).then((r) => { if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`); return r.text(); })
      .catch((e) => { texts.delete(url); throw e; }));
  }
  return Promise.all([figure, texts.get(url)]).then(([m, text]) => m.figure(what, text, view, link, url, base, panel));
};

// A panic is a bug, but a reader should not pay for it: the panicked copy of the app keeps
// each instance's last shown view on its host and calls this, once per page; a fresh copy of
// the glue (a new module, so a new wasm instance) remounts them there. A second panic shows
// the app's message asking for a reload.
globalThis.__almatyProcessRestart = () => {
  delete globalThis.__almatyProcessRestart;
  import('./almaty-process.js?restart=1')
    .then(({ default: init }) => init({ module_or_path: wasm }))
    .then(() => console.warn('almaty-process: restarted after a panic'))
    .catch(failed);
};

function failed(err) {
  console.error(err);
  for (const host of document.querySelectorAll('[data-almaty-process]')) {
    const box = document.createElement('div');
    box.setAttribute('role', 'alert');
    box.textContent = 'The app could not start: ' + (err && err.message ? err.message : String(err));
    host.replaceChildren(box);
  }
}

afterFirstPaint()
  .then(() => {
    preloadDatasets();
    return import('./almaty-process.js');
  })
  .then(({ default: init }) => init({ module_or_path: wasm }))
  .catch(failed);
