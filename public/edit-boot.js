// Loads the editor's own WebAssembly module (edit.js + edit_bg.wasm). An external file, so the
// page runs under a Content-Security-Policy without 'unsafe-inline'; URLs are relative to it.
import init from './edit.js';

// The workbook code (sheets.js + sheets_bg.wasm) is loaded the first time the editor exports
// or imports a workbook, so opening the editor does not download it.
let sheets;
globalThis.__almatySheets = () => (sheets ||= import('./sheets.js').then(async (m) => {
  await m.default({ module_or_path: new URL('./sheets_bg.wasm', import.meta.url) });
  return m;
}).catch((e) => { sheets = undefined; throw e; }));

init({ module_or_path: new URL('./edit_bg.wasm', import.meta.url) }).catch((e) => {
  const host = document.getElementById('editor');
  if (!host) return;
  const p = document.createElement('p');
  p.className = 'ed-notice ed-notice--bad';
  p.setAttribute('role', 'alert');
  p.textContent = `The editor could not start: ${e && e.message ? e.message : e}. This browser needs WebAssembly.`;
  host.replaceChildren(p);
});
