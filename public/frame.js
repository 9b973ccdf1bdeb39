// For embed.html, the page meant for an <iframe>: copies the query parameters onto the host
// element before the app mounts, and tells the parent page its height whenever it changes.
// Accepted parameters: src (a relative dataset URL only), lang, view, date, event, state, toolbar.
const host = document.querySelector('[data-almaty-process]');
const params = new URLSearchParams(location.search);
const src = params.get('src');
if (src && !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(src)) host.setAttribute('data-src', src);
for (const key of ['lang', 'view', 'date', 'event', 'state', 'toolbar']) {
  const v = params.get(key);
  if (v && /^[A-Za-z0-9_.-]{1,64}$/.test(v)) host.setAttribute(`data-${key}`, v);
}
if (params.get('lang')) document.documentElement.lang = params.get('lang') === 'ru' ? 'ru' : 'en';

let last = 0;
const report = () => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height !== last && window.parent !== window) {
    last = height;
    window.parent.postMessage({ type: 'almaty-process:height', height, frame: params.get('frame') || '' }, '*');
  }
};
new ResizeObserver(report).observe(document.documentElement);
window.addEventListener('load', report);
