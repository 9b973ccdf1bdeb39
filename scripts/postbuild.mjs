// Trunk post-build step for the folder about to become dist/ (release builds only):
//   1. data/*.json written without whitespace (the source files in public/ stay readable);
//   2. the wasm-bindgen JS glue and the loaders from public/ minified with terser (trunk's own
//      minifier is not used on them);
//   3. a .gz (gzip -9) and a .br (brotli, quality 11) beside every text and wasm file, for
//      hosts that serve precompressed files (docs/embedding.md says how).
//   node scripts/postbuild.mjs STAGING_DIR
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';

const dir = process.argv[2];
if (!dir || !fs.existsSync(dir)) { console.error('usage: node scripts/postbuild.mjs STAGING_DIR'); process.exit(2); }
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

function walk(d, out = []) {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p, out); else out.push(p);
  }
  return out;
}

// 1. Minified JSON. Parsing first also refuses to ship a file that is not JSON at all.
for (const f of walk(path.join(dir, 'data')).filter((f) => f.endsWith('.json'))) {
  const text = fs.readFileSync(f, 'utf8').replace(/^\uFEFF/, '');
  fs.writeFileSync(f, JSON.stringify(JSON.parse(text)));
}

// 2. The scripts through terser (installed by scripts/setup.sh into .tools/): the wasm-bindgen
//    glue and the loaders copied from public/ (trunk copies those as they are, comments too).
//    frame-host.js is a classic script, the others are ES modules.
const require = createRequire(path.join(root, '.tools', 'package.json'));
const { minify } = require('terser');
const glues = fs.readdirSync(dir).filter((f) => f.endsWith('_bg.wasm')).map((f) => [f.replace(/_bg\.wasm$/, '.js'), true]);
for (const [name, module] of [...glues, ['boot.js', true], ['edit-boot.js', true], ['frame.js', true], ['frame-host.js', false]]) {
  const file = path.join(dir, name);
  if (!fs.existsSync(file)) continue;
  const out = await minify(fs.readFileSync(file, 'utf8'), {
    module, ecma: 2020, compress: { passes: 2 }, mangle: true, format: { comments: false },
  });
  if (!out.code) throw new Error(`terser returned no code for ${name}`);
  fs.writeFileSync(file, out.code);
}

// 3. Precompressed copies.
const COMPRESSIBLE = /\.(html|js|mjs|css|json|svg|wasm|txt)$/;
for (const f of walk(dir)) {
  if (!COMPRESSIBLE.test(f)) continue;
  const raw = fs.readFileSync(f);
  fs.writeFileSync(`${f}.gz`, zlib.gzipSync(raw, { level: 9 }));
  fs.writeFileSync(`${f}.br`, zlib.brotliCompressSync(raw, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      [zlib.constants.BROTLI_PARAM_MODE]: f.endsWith('.wasm') ? zlib.constants.BROTLI_MODE_GENERIC : zlib.constants.BROTLI_MODE_TEXT,
    },
  }));
}
