// A small static server for the built dist/: serves it at / and under /tools/almaty/, with a
// strict Content-Security-Policy, so the end-to-end tests see what a careful host would serve.
//   node server.mjs [DIST] [PORT]
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json',
  '.png': 'image/png', '.ico': 'image/x-icon', '.svg': 'image/svg+xml',
};

export function serve(dist, port = 0, extra = {}) {
  const root = path.resolve(dist);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let p = decodeURIComponent(url.pathname);
    for (const [prefix, dir] of Object.entries(extra)) {
      if (p.startsWith(prefix)) {
        return send(req, res, path.join(path.resolve(dir), p.slice(prefix.length)), path.resolve(dir));
      }
    }
    // A 90 MiB dataset (over the app's 80 MiB cap), streamed, for the oversize gate.
    if (p === '/oversize/data/dataset.json') return oversize(res);
    if (p.startsWith('/oversize/')) p = p.slice('/oversize'.length);
    if (p.startsWith('/tools/almaty/')) p = p.slice('/tools/almaty'.length);
    else if (p === '/tools/almaty') { res.writeHead(301, { Location: '/tools/almaty/' }); return res.end(); }
    send(req, res, path.join(root, p), root);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

function oversize(res) {
  const size = 90 * 1024 * 1024, chunk = Buffer.alloc(1024 * 1024, 0x20);
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': size, 'Content-Security-Policy': CSP });
  let sent = 0;
  const more = () => {
    while (sent < size) {
      const part = sent === 0 ? Buffer.concat([Buffer.from('{'), chunk.subarray(1)]) : chunk;
      sent += part.length;
      if (!res.write(sent >= size ? Buffer.concat([part.subarray(0, part.length - 1), Buffer.from('}')]) : part)) return res.once('drain', more);
    }
    res.end();
  };
  res.on('close', () => { sent = size; });
  more();
}

// The precompressed copy the browser accepts (brotli first), if the build wrote one.
function encoded(req, file) {
  const accept = String(req.headers['accept-encoding'] || '');
  for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']]) {
    if (new RegExp(`\\b${enc}\\b`).test(accept) && fs.existsSync(file + ext)) return [enc, file + ext];
  }
  return [null, file];
}

function send(req, res, file, root) {
  if (!file.startsWith(root)) { res.writeHead(403); return res.end(); }
  fs.stat(file, (err, st) => {
    if (!err && st.isDirectory()) return send(req, res, path.join(file, 'index.html'), root);
    if (err) { res.writeHead(404, { 'Content-Type': 'text/plain' }); return res.end('not found'); }
    const [encoding, body] = encoded(req, file);
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
      'Content-Security-Policy': CSP,
      'Cache-Control': 'no-store',
      'Vary': 'Accept-Encoding',
      ...(encoding ? { 'Content-Encoding': encoding } : {}),
    });
    fs.createReadStream(body).pipe(res);
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = process.argv[2] || '../dist';
  const port = Number(process.argv[3] || 8080);
  serve(dist, port).then(() => console.log(`serving ${dist} on http://127.0.0.1:${port}/`));
}
