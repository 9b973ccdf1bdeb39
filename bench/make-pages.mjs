// Generates the pages the benchmark compares against, into bench/out/ (rebuilt from scratch):
//   out/timelinejs/   TimelineJS 3 (from node_modules, served locally) showing dist/'s events
//   out/static/       the same events' text as plain HTML, no JavaScript: the floor
//   out/synthetic/    data/dataset.json: a valid 5,000-event, 200-state dataset in our format
//   node make-pages.mjs [DIST]      (DIST defaults to ../dist)
// Deterministic: the same inputs give byte-identical output (seeded PRNG, no clocks).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(process.argv[2] || path.join(here, '..', 'dist'));
const out = path.join(here, 'out');
const require = createRequire(import.meta.url);
const tlPkgPath = require.resolve('@knight-lab/timelinejs/package.json');
const tlRoot = path.dirname(tlPkgPath);
const tlVersion = JSON.parse(fs.readFileSync(tlPkgPath, 'utf8')).version;

const data = JSON.parse(fs.readFileSync(path.join(dist, 'data', 'dataset.json'), 'utf8'));
const byStart = (a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0);
const events = [...data.events].sort(byStart);

fs.rmSync(out, { recursive: true, force: true });
const write = (rel, text) => {
  const f = path.join(out, rel);
  fs.mkdirSync(path.dirname(f), { recursive: true });
  fs.writeFileSync(f, text);
  return f;
};
const copy = (fromRel, toRel) => {
  const f = path.join(out, toRel);
  fs.mkdirSync(path.dirname(f), { recursive: true });
  fs.copyFileSync(path.join(tlRoot, fromRel), f);
};
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
function fmtDate(d) {
  const [y, m, day] = d.split('-').map(Number);
  if (day) return `${day} ${MONTHS[m - 1]} ${y}`;
  if (m) return `${MONTHS[m - 1]} ${y}`;
  return String(y);
}
const fmtRange = (e) => (e.end ? `${fmtDate(e.start)} – ${fmtDate(e.end)}` : fmtDate(e.start));
const stateName = (code) => data.states.find((s) => s.code === code)?.names.at(-1).short.en ?? code;
const placeText = (e) =>
  !e.place ? 'Place unknown' : e.place.online ? 'Online' : `${e.place.city.en}, ${stateName(e.place.country)}`;

// ---------------------------------------------------------------- (a) TimelineJS

// TimelineJS date object from our "YYYY[-MM[-DD]]" (its precision follows the fields given).
function tlDate(d) {
  const [year, month, day] = d.split('-').map(Number);
  const o = { year };
  if (month) o.month = month;
  if (day) o.day = day;
  return o;
}
const tlEvents = events.map((e) => {
  const ev = {
    unique_id: e.id,
    start_date: tlDate(e.start),
    text: {
      headline: esc(e.title.en),
      text:
        `<p>${esc(fmtRange(e))} · ${esc(placeText(e))}</p><p>${esc(e.summary.en)}</p>` +
        `<p lang="ru"><strong>${esc(e.title.ru)}</strong></p><p lang="ru">${esc(e.summary.ru)}</p>`,
    },
  };
  if (e.end) ev.end_date = tlDate(e.end);
  return ev;
});
// Chair terms as eras (TimelineJS needs an end; an open term ends at the dataset's date).
const tlEras = data.chair_terms.map((t) => ({
  start_date: tlDate(t.from),
  end_date: tlDate(t.to ?? data.updated),
  text: { headline: esc(`Chair: ${stateName(t.state)}`) },
}));
write(
  'timelinejs/data.json',
  JSON.stringify({
    title: { text: { headline: esc(data.title.en), text: `<p>${esc(data.description.en)}</p>` } },
    events: tlEvents,
    eras: tlEras,
  }),
);
// Only what the page uses, laid out as in the package so timeline.css's relative icon URLs
// (../js/../css/icons/…) and the locale path (script_path + locale/en.json) resolve locally.
copy('dist/js/timeline.js', 'timelinejs/js/timeline.js');
copy('dist/js/locale/en.json', 'timelinejs/js/locale/en.json');
copy('dist/css/timeline.css', 'timelinejs/css/timeline.css');
for (const f of fs.readdirSync(path.join(tlRoot, 'dist/css/icons'))) copy(`dist/css/icons/${f}`, `timelinejs/css/icons/${f}`);
write(
  'timelinejs/index.html',
  `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>The Almaty Process — TimelineJS ${tlVersion}</title>
<link rel="stylesheet" href="css/timeline.css">
<link rel="stylesheet" href="page.css">
<script src="js/timeline.js"></script>
<script src="init.js" defer></script>
</head>
<body>
<div id="timeline-embed"></div>
</body>
</html>
`,
);
write('timelinejs/page.css', 'html,body{margin:0;height:100%}#timeline-embed{width:100%;height:100vh}\n');
// Options that keep every request on this origin:
//  - script_path: the default is https://cdn.knightlab.com/libs/timeline3/latest/js/ (used for
//    the locale file and font/theme CSS); point it at the local copy.
//  - font: null skips the font CSS entirely (the default, css/fonts/font.default.css, pulls
//    PT Sans/PT Serif from fonts.gstatic.com); timeline.css's own fallback stack is used.
//  - language "en" is still fetched, from script_path + "locale/en.json" (copied above).
//  - no ga_measurement_id, so no Google Tag Manager; no media, so no oEmbed/embed scripts.
write(
  'timelinejs/init.js',
  `// TimelineJS ${tlVersion} with the Almaty Process events (bench/make-pages.mjs).
window.timeline = new TL.Timeline('timeline-embed', new URL('data.json', location.href).href, {
  script_path: new URL('js/', location.href).href,
  font: null,
  language: 'en',
  hash_bookmark: false,
  ga_measurement_id: null,
  soundcite: false,
});
`,
);

// ---------------------------------------------------------------- (b) static floor

const items = events
  .map(
    (e) => `<li id="${esc(e.id)}">
<h2>${esc(e.title.en)}</h2>
<p><time datetime="${esc(e.start)}">${esc(fmtRange(e))}</time> · ${esc(placeText(e))}</p>
<p>${esc(e.summary.en)}</p>
<h3 lang="ru">${esc(e.title.ru)}</h3>
<p lang="ru">${esc(e.summary.ru)}</p>
</li>`,
  )
  .join('\n');
write(
  'static/index.html',
  `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>The Almaty Process — events (static)</title>
</head>
<body>
<main>
<h1>${esc(data.title.en)}</h1>
<p>${esc(data.description.en)}</p>
<ol>
${items}
</ol>
</main>
</body>
</html>
`,
);

// ---------------------------------------------------------------- (c) synthetic dataset

// mulberry32: small seeded PRNG so the file is the same on every machine.
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = prng(20251128);
const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1)); // inclusive
const pick = (a) => a[Math.floor(rnd() * a.length)];
const pad = (n, w = 2) => String(n).padStart(w, '0');
const daysIn = (y, m) => new Date(Date.UTC(y, m, 0)).getUTCDate();

const N_EVENTS = 5000;
const N_STATES = 200;
const N_SOURCES = 120;
const Y0 = 1990;
const Y1 = 2025;

// 200 unique two-letter codes, spread over the alphabet (every 3rd of AA..ZZ, from AB).
const codes = [];
for (let i = 1; codes.length < N_STATES; i += 3) {
  codes.push(String.fromCharCode(65 + Math.floor(i / 26)) + String.fromCharCode(65 + (i % 26)));
}
const LAT = () => Math.round((rnd() * 120 - 60) * 100) / 100;
const LON = () => Math.round((rnd() * 340 - 170) * 100) / 100;
const KINDS = ['official', 'government', 'press', 'ngo', 'mirror', 'primary'];
const sources = Array.from({ length: N_SOURCES }, (_, i) => ({
  id: `S${i + 1}`,
  title: { en: `Synthetic source ${i + 1}`, ru: `Синтетический источник ${i + 1}` },
  publisher: { en: `Publisher ${(i % 17) + 1}`, ru: `Издатель ${(i % 17) + 1}` },
  url: `https://example.org/source/${i + 1}`,
  kind: KINDS[i % KINDS.length],
}));
const srcs = (n) => {
  const s = new Set();
  while (s.size < n) s.add(`S${int(1, N_SOURCES)}`);
  return [...s];
};
const CONF = ['seen', 'seen', 'seen', 'seen_partial', 'inferred', 'gk'];
const ymd = (y, m, d) => `${y}-${pad(m)}-${pad(d)}`;
const randDay = (y0, y1) => {
  const y = int(y0, y1);
  const m = int(1, 12);
  return ymd(y, m, int(1, daysIn(y, m)));
};

const states = codes.map((code, i) => {
  const joined = int(Y0, Y1 - 5);
  const roles = [
    { role: 'signatory', from: `${joined}-${pad(int(1, 12))}`, to: null, sources: srcs(1), confidence: pick(CONF) },
  ];
  if (i % 3 !== 2) {
    const y = Math.min(Y1, joined + int(1, 5));
    const leaves = i % 7 === 0 ? Math.min(Y1, y + int(1, 10)) : null;
    roles.push({ role: 'member', from: String(y), to: leaves === null ? null : String(leaves), sources: srcs(1), confidence: pick(CONF) });
  } else {
    roles.push({ role: 'observer', from: String(Math.min(Y1, joined + 1)), to: null, sources: srcs(1), confidence: pick(CONF) });
  }
  const st = {
    code,
    names: [
      {
        short: { en: `State ${code}`, ru: `Государство ${code}` },
        official: { en: `Republic of ${code}`, ru: `Республика ${code}` },
        sources: srcs(1),
      },
    ],
    capital: { name: { en: `${code} City`, ru: `Город ${code}` }, lat: LAT(), lon: LON() },
    roles,
  };
  return st;
});

const organisations = [
  {
    id: 'ORG1',
    name: { en: 'Synthetic Organisation for Migration', ru: 'Синтетическая организация по миграции' },
    short: { en: 'SOM', ru: 'СОМ' },
    roles: [{ role: 'secretariat', from: `${Y0}`, to: null, sources: ['S1'], confidence: 'seen' }],
  },
  {
    id: 'ORG2',
    name: { en: 'Synthetic Refugee Agency', ru: 'Синтетическое агентство по делам беженцев' },
    short: { en: 'SRA', ru: 'САБ' },
    roles: [{ role: 'partner', from: `${Y0 + 3}`, to: null, sources: ['S2'], confidence: 'seen' }],
  },
];

const LEVELS = [
  ['founding_conference', 'Founding conference', 'Учредительная конференция'],
  ['ministerial', 'Ministerial conference', 'Министерская конференция'],
  ['senior_officials', 'Senior officials’ meeting', 'Совещание старших должностных лиц'],
  ['technical_experts', 'Technical experts’ meeting', 'Встреча технических экспертов'],
  ['national_coordinators', 'National coordinators’ meeting', 'Встреча национальных координаторов'],
  ['thematic', 'Thematic workshop', 'Тематический семинар'],
  ['briefing', 'Briefing', 'Брифинг'],
  ['external_forum', 'External forum', 'Внешний форум'],
];
const TOPICS = [
  ['labour migration', 'трудовой миграции'],
  ['border management', 'управлению границами'],
  ['refugee protection', 'защите беженцев'],
  ['statelessness', 'безгражданству'],
  ['trafficking in persons', 'торговле людьми'],
  ['mixed movements', 'смешанным потокам'],
  ['data and statistics', 'данным и статистике'],
  ['return and reintegration', 'возвращению и реинтеграции'],
];
const EROLES = ['member', 'member', 'member', 'observer', 'guest', 'participant', 'chair'];

const rawEvents = [];
for (let i = 0; i < N_EVENTS; i++) {
  const [level, lvEn, lvRu] = LEVELS[i % LEVELS.length];
  const [tEn, tRu] = pick(TOPICS);
  const prec = rnd();
  let start;
  let end;
  if (prec < 0.9) {
    start = randDay(Y0, Y1);
    if (rnd() < 0.2) {
      const [y, m, d] = start.split('-').map(Number);
      const d2 = Math.min(daysIn(y, m), d + int(1, 3));
      if (d2 > d) end = ymd(y, m, d2);
    }
  } else if (prec < 0.97) {
    start = `${int(Y0, Y1)}-${pad(int(1, 12))}`;
  } else {
    start = String(int(Y0, Y1));
  }
  const n = int(3, 6);
  const ps = new Set();
  while (ps.size < n) ps.add(pick(codes));
  const participants = [...ps].map((state, k) => {
    const p = { state, role: k === 0 ? 'chair' : pick(EROLES.slice(0, 6)) };
    if (k === 0) p.sources = srcs(1);
    return p;
  });
  const host = participants[0].state;
  const no = i + 1;
  const ev = {
    id: `syn-${pad(no, 4)}`,
    start,
    ...(end ? { end } : {}),
    ...(rnd() < 0.03 ? { uncertain: true } : {}),
    place:
      rnd() < 0.08
        ? { online: true }
        : { city: { en: `${host} City`, ru: `Город ${host}` }, country: host, lat: LAT(), lon: LON() },
    level,
    title: { en: `${lvEn} no. ${no} on ${tEn}`, ru: `${lvRu} № ${no} по ${tRu}` },
    summary: {
      en: `Synthetic event ${no}: ${n} states met on ${tEn}, reviewed progress and agreed next steps.`,
      ru: `Синтетическое событие ${no}: ${n} государств обсудили вопросы по ${tRu} и согласовали шаги.`,
    },
    participants,
    sources: srcs(int(1, 2)),
    confidence: pick(CONF),
  };
  if (i % 10 === 0) ev.organisations = [{ org: 'ORG1', role: 'secretariat' }];
  if (i % 25 === 0) {
    ev.outcomes = [{ title: { en: `Outcome of event ${no}`, ru: `Итог события ${no}` }, kind: 'report', sources: srcs(1) }];
  }
  rawEvents.push(ev);
}

// One chair-term series, Jan 1990 onwards, 1–3 years each, back to back (each ends the month
// before the next starts, so none overlap); the last is open.
const chair_terms = [];
{
  let y = Y0;
  let m = 1;
  let k = 0;
  while (y <= Y1 - 1) {
    const len = int(12, 36);
    let ny = y + Math.floor((m - 1 + len) / 12);
    let nm = ((m - 1 + len) % 12) + 1;
    const last = ny > Y1 - 1;
    const toM = nm === 1 ? 12 : nm - 1;
    const toY = nm === 1 ? ny - 1 : ny;
    chair_terms.push({
      id: `chair-${pad(++k, 3)}`,
      state: codes[(k * 37) % codes.length],
      from: `${y}-${pad(m)}`,
      to: last ? null : `${toY}-${pad(toM)}`,
      chairperson: { en: `Chairperson ${k}`, ru: `Председатель ${k}` },
      sources: srcs(1),
      confidence: 'seen',
    });
    if (last) break;
    y = ny;
    m = nm;
  }
}

const disputes = [
  {
    id: 'D1',
    subject: { kind: 'event', id: rawEvents[1234].id },
    field: 'place',
    summary: { en: 'Where the meeting took place.', ru: 'Где прошла встреча.' },
    readings: [
      { text: { en: 'In the host city.', ru: 'В городе-хозяине.' }, sources: ['S3'] },
      { text: { en: 'Online.', ru: 'Онлайн.' }, sources: ['S4'] },
    ],
  },
  {
    id: 'D2',
    subject: { kind: 'chair_term', id: chair_terms[2].id },
    field: 'from',
    summary: { en: 'When the term began.', ru: 'Когда начался срок.' },
    readings: [
      { text: { en: 'As given here.', ru: 'Как указано здесь.' }, sources: ['S5'] },
      { text: { en: 'A month later.', ru: 'Месяцем позже.' }, sources: ['S6'] },
    ],
  },
];

const synthetic = {
  format_version: 1,
  id: 'synthetic-bench',
  languages: ['en', 'ru'],
  title: { en: 'Synthetic benchmark process', ru: 'Синтетический процесс для замеров' },
  description: {
    en: `A generated dataset for benchmarks: ${N_EVENTS} events, ${N_STATES} states. Not real data.`,
    ru: `Сгенерированный набор для замеров: ${N_EVENTS} событий, ${N_STATES} государств. Не реальные данные.`,
  },
  updated: '2025-12-31',
  sources,
  organisations,
  states,
  events: rawEvents,
  chair_terms,
  disputes,
};
const synFile = write('synthetic/data/dataset.json', JSON.stringify(synthetic));

// Which event the runner clicks, and facts it reports.
const meta = {
  timelinejs_version: tlVersion,
  ministerial_id: '2013-06-05-ministerial',
  events: events.length,
  synthetic: {
    events: N_EVENTS,
    states: N_STATES,
    chair_terms: chair_terms.length,
    bytes: fs.statSync(synFile).size,
    // An event in the middle of the time span, to click in the selection test.
    select_id: [...rawEvents].sort(byStart)[Math.floor(N_EVENTS / 2)].id,
  },
};
write('meta.json', JSON.stringify(meta, null, 2) + '\n');

const size = (rel) => fs.statSync(path.join(out, rel)).size;
console.log(`bench/out: TimelineJS ${tlVersion} page (${tlEvents.length} events, ${tlEras.length} eras; data.json ${size('timelinejs/data.json')} B)`);
console.log(`bench/out: static page (${events.length} events, ${size('static/index.html')} B)`);
console.log(
  `bench/out: synthetic dataset (${N_EVENTS} events, ${N_STATES} states, ${chair_terms.length} chair terms, ${meta.synthetic.bytes} B)`,
);
console.log('validate it with: cd .. && cargo run -q --example validate -- bench/out/synthetic/data/dataset.json');
