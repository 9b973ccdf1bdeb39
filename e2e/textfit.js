// Runs in the page (injected by host.mjs): finds text that does not fit. For every visible text
// node inside `root` (shadow roots included) it reports
//   overflow: its element's content is wider (or taller) than the element's box
//             (scrollWidth > clientWidth), for block-level elements;
//   clipped:  a line of it lies partly or wholly outside an ancestor that clips (overflow other
//             than visible, or paint containment), up to the nearest intentional scroll area
//             (an element marked data-scroll-area) or the instance root; text that an .ap-fit
//             box dropped whole (wrapped entirely out of sight: not drawn) is allowed;
//   broken:   a word split across lines anywhere but at a soft hyphen, a hyphen or a dash;
//   overlap:  two drawn timeline labels cover each other.
// Visually hidden text (clip/clip-path, the .ap-visually-hidden pattern) is skipped.
window.__textFit = (root) => {
  const problems = [];
  const parentOf = (n) => n.parentElement || (n.parentNode && n.parentNode.host) || null;
  const describe = (el) => {
    const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    return `<${el.tagName.toLowerCase()}${cls}>`;
  };
  const isHiddenVisually = (el) => {
    for (let a = el; a && a !== root; a = parentOf(a)) {
      const cs = getComputedStyle(a);
      if (cs.display === 'none' || cs.visibility === 'hidden') return true;
      if ((cs.clip && cs.clip !== 'auto') || (cs.clipPath && cs.clipPath !== 'none')) return true;
    }
    return false;
  };
  const clips = (cs) => cs.overflowX !== 'visible' || cs.overflowY !== 'visible' || /paint|strict|content/.test(cs.contain);
  const textNodes = [];
  const walk = (node) => {
    for (const c of node.childNodes) {
      if (c.nodeType === 3) { if (c.textContent.trim()) textNodes.push(c); }
      else if (c.nodeType === 1) {
        if (c.tagName === 'SCRIPT' || c.tagName === 'STYLE') continue;
        walk(c);
        if (c.shadowRoot) walk(c.shadowRoot);
      }
    }
  };
  walk(root);
  if (root.shadowRoot) walk(root.shadowRoot);
  const seenOverflow = new Set();
  const range = document.createRange();
  const rectsOf = (node, a, b) => { range.setStart(node, a); range.setEnd(node, b); return [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0); };
  for (const t of textNodes) {
    const el = t.parentElement;
    if (!el || isHiddenVisually(el)) continue;
    const text = t.textContent;
    const all = rectsOf(t, 0, text.length);
    if (!all.length) continue;
    const sample = text.trim().replace(/\s+/g, ' ').slice(0, 50);
    // 1. the element's own box
    const cs = getComputedStyle(el);
    if (!cs.display.startsWith('inline') && cs.display !== 'contents' && !seenOverflow.has(el)) {
      if (el.scrollWidth > el.clientWidth + 1 || (clips(cs) && el.scrollHeight > el.clientHeight + 1)) {
        seenOverflow.add(el);
        problems.push({ kind: 'overflow', where: describe(el), text: sample, detail: `scroll ${el.scrollWidth}×${el.scrollHeight} > client ${el.clientWidth}×${el.clientHeight}` });
      }
    }
    // 2. clipping ancestors
    for (let a = el; a && a !== root; a = parentOf(a)) {
      if (a.hasAttribute && a.hasAttribute('data-scroll-area')) break;
      if (a === el && cs.display.startsWith('inline')) continue;
      const acs = getComputedStyle(a);
      if (!clips(acs)) continue;
      const b = a.getBoundingClientRect();
      const box = { l: b.left + a.clientLeft, t: b.top + a.clientTop, r: b.left + a.clientLeft + a.clientWidth, b: b.top + a.clientTop + a.clientHeight };
      const out = all.filter((r) => r.left < box.l - 1 || r.right > box.r + 1 || r.top < box.t - 1 || r.bottom > box.b + 1);
      // An .ap-fit box shows its text whole or drops it whole (wrapped out of sight): dropped
      // text is not drawn, which is allowed; text half in, half out is not.
      const dropped = a.classList.contains('ap-fit') && all.every((r) => r.top >= box.b - 1 || r.bottom <= box.t + 1);
      if (out.length && !dropped) {
        problems.push({ kind: 'clipped', where: describe(el), text: sample, detail: `by ${describe(a)}: line at x ${Math.round(out[0].left)}–${Math.round(out[0].right)}, box ${Math.round(box.l)}–${Math.round(box.r)}` });
        break;
      }
    }
    // 3. words broken across lines
    const re = /[^\s\u00ad\-\u2010-\u2015\/]+/g;
    let m;
    while ((m = re.exec(text))) {
      // A soft hyphen's drawn "-" belongs to the character after it: look at each character's
      // own (last) box then.
      const afterShy = m.index > 0 && text[m.index - 1] === '\u00ad';
      const rs = afterShy
        ? Array.from({ length: m[0].length }, (_, k) => rectsOf(t, m.index + k, m.index + k + 1).at(-1)).filter(Boolean)
        : rectsOf(t, m.index, m.index + m[0].length);
      const lines = new Set(rs.map((r) => Math.round(r.bottom / 3)));
      if (lines.size > 1) problems.push({ kind: 'broken', where: describe(el), text: m[0], detail: `split over ${lines.size} lines in "${sample}"` });
    }
  }
  // 4. drawn timeline labels never cover each other
  const labels = [];
  const collect = (node) => {
    for (const l of node.querySelectorAll('.ap-tl__label')) if (!isHiddenVisually(l)) labels.push(l);
    for (const e of node.querySelectorAll('*')) if (e.shadowRoot) collect(e.shadowRoot);
  };
  collect(root.shadowRoot || root);
  const boxes = labels.map((l) => [l, l.getBoundingClientRect()]).filter(([, r]) => r.width > 0);
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const [a, ra] = boxes[i]; const [b, rb] = boxes[j];
    if (ra.left < rb.right - 1 && rb.left < ra.right - 1 && ra.top < rb.bottom - 1 && rb.top < ra.bottom - 1) {
      problems.push({ kind: 'overlap', where: '.ap-tl__label', text: `${a.textContent.trim().slice(0, 30)} / ${b.textContent.trim().slice(0, 30)}`, detail: 'labels overlap' });
    }
  }
  return problems;
};

// The text an element shows, in order: its visible text nodes (not display:none, not visually
// hidden, not dropped whole by an .ap-fit box), with a space around every block-level box. For
// a form field (input, select, textarea) its visible label is what it shows: the text of its
// <label>, without the field's own content (a select's options).
window.__visibleText = (control) => {
  if (!control.checkVisibility({ visibilityProperty: true })) return '';
  const field = /^(INPUT|SELECT|TEXTAREA)$/.test(control.tagName);
  const el = field ? control.labels && control.labels[0] : control;
  if (!el) return '';
  const hiddenBy = (node) => {
    for (let a = node; a; a = a.parentElement) {
      const cs = getComputedStyle(a);
      if (cs.display === 'none' || cs.visibility === 'hidden') return true;
      if ((cs.clip && cs.clip !== 'auto') || (cs.clipPath && cs.clipPath !== 'none')) return true;
      if (a === el) break;
    }
    return false;
  };
  const dropped = (t) => {
    const fit = t.parentElement && t.parentElement.closest('.ap-fit');
    if (!fit) return false;
    const r = document.createRange();
    r.selectNodeContents(t);
    const box = fit.getBoundingClientRect();
    return [...r.getClientRects()].every((x) => x.top >= box.bottom - 1 || x.bottom <= box.top + 1);
  };
  let out = '';
  const walk = (node) => {
    for (const c of node.childNodes) {
      if (c.nodeType === 3) {
        if (!hiddenBy(c.parentElement) && !dropped(c)) out += c.textContent;
      } else if (c.nodeType === 1) {
        if (field && c === control) continue;
        const block = !getComputedStyle(c).display.startsWith('inline');
        if (block) out += ' ';
        walk(c);
        if (block) out += ' ';
      }
    }
  };
  walk(el);
  return out;
};
