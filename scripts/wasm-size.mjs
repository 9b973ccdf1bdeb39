// Size breakdown of a wasm module by crate and by function, from its name section.
//   node scripts/wasm-size.mjs FILE.wasm [TOP]
// Build a module that still has names with `scripts/wasm-size.sh` (a release cargo build
// before wasm-bindgen and wasm-opt strip them). Sizes are code bytes per function body;
// data (string constants, tables) is reported as one line.
import fs from 'node:fs';

const [file, topArg] = process.argv.slice(2);
if (!file) { console.error('usage: node scripts/wasm-size.mjs FILE.wasm [TOP]'); process.exit(2); }
const top = Number(topArg || 25);
const buf = fs.readFileSync(file);
let pos = 8;
const u32 = () => { let r = 0, s = 0, b; do { b = buf[pos++]; r |= (b & 0x7f) << s; s += 7; } while (b & 0x80); return r >>> 0; };
const str = () => { const n = u32(); const s = buf.toString('utf8', pos, pos + n); pos += n; return s; };

let importedFns = 0;
const bodies = [];
const names = new Map();
let dataBytes = 0;
const sections = {};
while (pos < buf.length) {
  const id = buf[pos++];
  const size = u32();
  const end = pos + size;
  if (id === 0) {
    const name = str();
    sections[`custom:${name}`] = size;
    if (name === 'name') {
      while (pos < end) {
        const sub = buf[pos++];
        const len = u32();
        const subEnd = pos + len;
        if (sub === 1) {
          const n = u32();
          for (let i = 0; i < n; i++) { const idx = u32(); names.set(idx, str()); }
        }
        pos = subEnd;
      }
    }
  } else {
    sections[id] = size;
    if (id === 2) {
      const n = u32();
      for (let i = 0; i < n; i++) {
        str(); str();
        const kind = buf[pos++];
        if (kind === 0) { u32(); importedFns++; }
        else if (kind === 1) { pos++; const f = u32(); u32(); if (f & 1) u32(); }
        else if (kind === 2) { const f = u32(); u32(); if (f & 1) u32(); }
        else if (kind === 3) { pos += 2; }
      }
    } else if (id === 10) {
      const n = u32();
      for (let i = 0; i < n; i++) { const len = u32(); bodies.push(len); pos += len; }
    } else if (id === 11) {
      dataBytes = size;
    }
  }
  pos = end;
}

// Rust's legacy mangling (`_ZN4core3fmt5write17h…E`) to a path (`core::fmt::write`); v0
// names (`_R…`) keep their form but give their crate (`…Cs<hash>_8dlmalloc…`).
function demangle(name) {
  if (!name.startsWith('_ZN')) return name;
  let i = 3; const parts = [];
  while (i < name.length && name[i] !== 'E') {
    const m = name.slice(i).match(/^(\d+)/);
    if (!m) break;
    i += m[1].length;
    parts.push(name.slice(i, i + Number(m[1])));
    i += Number(m[1]);
  }
  if (parts.length && /^h[0-9a-f]{16}$/.test(parts[parts.length - 1])) parts.pop();
  return parts.join('::')
    .replace(/\$LT\$/g, '<').replace(/\$GT\$/g, '>').replace(/\$RF\$/g, '&').replace(/\$BP\$/g, '*')
    .replace(/\$C\$/g, ',').replace(/\$u20\$/g, ' ').replace(/\$u7b\$/g, '{').replace(/\$u7d\$/g, '}')
    .replace(/\$u27\$/g, "'").replace(/\$u5b\$/g, '[').replace(/\$u5d\$/g, ']').replace(/\.\./g, '::')
    .replace(/^_</, '<');
}
// "core::fmt::write" → "core"; "<serde_json::de::X as …>::f" → "serde_json".
function crateOf(name) {
  if (!name) return '(unnamed)';
  if (name.startsWith('_R')) {
    const m = name.match(/C[sn]?[0-9A-Za-z]*_(\d+)([A-Za-z_][A-Za-z0-9_]*)/);
    return m ? m[2].slice(0, Number(m[1])) : '(other)';
  }
  // `<T as reactive_graph::traits::With>::f`: a generic parameter's code belongs to the trait.
  const generic = name.match(/^<[A-Z][A-Za-z0-9_]* as ([A-Za-z_][A-Za-z0-9_]*)::/);
  if (generic) return generic[1];
  const m = name.replace(/^([<&*\s]|dyn |mut |const )+/g, '').match(/^([A-Za-z_][A-Za-z0-9_]*)(::|$| )/);
  return m ? m[1] : '(other)';
}
const byCrate = new Map();
const fns = [];
let codeTotal = 0;
bodies.forEach((len, i) => {
  const name = demangle(names.get(importedFns + i) || `func${importedFns + i}`);
  codeTotal += len;
  const c = crateOf(name);
  byCrate.set(c, (byCrate.get(c) || 0) + len);
  fns.push([len, name]);
});
const pct = (n) => `${(100 * n / codeTotal).toFixed(1)}%`;
console.log(`${file}: ${buf.length} B; code ${codeTotal} B in ${bodies.length} functions; data ${dataBytes} B`);
console.log('\n| crate | code bytes | share |\n|---|---:|---:|');
for (const [c, n] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`| ${c} | ${n} | ${pct(n)} |`);
console.log(`\n| largest functions (top ${top}) | bytes |\n|---|---:|`);
for (const [n, name] of fns.sort((a, b) => b[0] - a[0]).slice(0, top)) console.log(`| \`${name.slice(0, 110).replace(/\|/g, '\\|')}\` | ${n} |`);
