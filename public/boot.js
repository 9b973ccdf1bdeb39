// Loads the app's WebAssembly module. An external file (no inline script), so pages with a
// strict Content-Security-Policy can run it; URLs are relative to this file, so the built
// folder works wherever it is served or copied.
import init from './almaty-process.js';

init({ module_or_path: new URL('./almaty-process_bg.wasm', import.meta.url) }).catch((err) => {
  console.error(err);
  for (const host of document.querySelectorAll('[data-almaty-process]')) {
    const box = document.createElement('div');
    box.setAttribute('role', 'alert');
    box.className = 'ap-error';
    box.textContent = 'The app could not start: ' + (err && err.message ? err.message : String(err));
    host.replaceChildren(box);
  }
});
