// A synthetic dataset at the real dataset's text density: every event is a copy of a real
// event (bilingual title, summary, note, participants, outcomes, sources) under a new id and
// date, so the bytes per event match the real file. Chair terms, roles, sources and disputes
// are the real ones; `states` extra synthetic states (each a member from 2013) bring the map to
// a given size. Deterministic: the same arguments give the same bytes.
//   node scale-data.mjs EVENTS [STATES] > dataset.json
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export function scaleDataset(events, states = 0) {
  const real = JSON.parse(fs.readFileSync(path.join(here, '..', 'public', 'data', 'dataset.json'), 'utf8'));
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const day0 = Date.UTC(2011, 0, 1), days = 15 * 365;
  const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
  const out = { ...real, events: [...real.events], states: [...real.states] };
  for (let i = real.events.length; i < events; i++) {
    const src = real.events[i % real.events.length];
    const start = day0 + Math.floor(rand() * days) * 86400000;
    const e = JSON.parse(JSON.stringify(src));
    e.id = `syn-${i}`;
    e.start = iso(start);
    if (e.end) e.end = iso(start + 86400000 * (1 + Math.floor(rand() * 2)));
    e.uncertain = false;
    e.title.en = `${e.title.en} (${i})`;
    if (e.title.ru) e.title.ru = `${e.title.ru} (${i})`;
    out.events.push(e);
  }
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const used = new Set(out.states.map((s) => s.code));
  for (let i = 0, made = 0; made < states - real.states.length && i < 676; i++) {
    const code = letters[Math.floor(i / 26)] + letters[i % 26];
    if (used.has(code)) continue;
    made++;
    out.states.push({
      code,
      names: [{ short: { en: `State ${code}`, ru: `Государство ${code}` }, official: { en: `Republic of ${code}`, ru: `Республика ${code}` }, sources: [] }],
      capital: { name: { en: `Capital ${code}`, ru: `Столица ${code}` }, lat: -40 + rand() * 100, lon: -20 + rand() * 160 },
      roles: [{ role: 'member', from: '2013-06-05', to: null, sources: ['S16'], confidence: 'inferred' }],
    });
  }
  return JSON.stringify(out);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(scaleDataset(Number(process.argv[2] || 5000), Number(process.argv[3] || 0)));
}
