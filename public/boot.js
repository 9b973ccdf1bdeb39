// Loads the app's WebAssembly module. An external file (no inline script), so pages with a
// strict Content-Security-Policy can run it; every URL is relative to this file, so the built
// folder works wherever it is served or copied. The app mounts into every element with a
// `data-almaty-process` attribute (see docs/embedding.md).
import init from './almaty-process.js';

const base = new URL('./', import.meta.url).href;
globalThis.__almatyProcessAssets = base;

init({ module_or_path: new URL('./almaty-process_bg.wasm', base) }).catch((err) => {
  console.error(err);
  for (const host of document.querySelectorAll('[data-almaty-process]')) {
    const box = document.createElement('div');
    box.setAttribute('role', 'alert');
    box.textContent = 'The app could not start: ' + (err && err.message ? err.message : String(err));
    host.replaceChildren(box);
  }
});
