// Which axe-core rules the accessibility gates run (gates.mjs, host.mjs): every rule tagged
// with one of AXE_TAGS, the experimental ones included (a plain tag run leaves those out, and
// WCAG 2.5.3 Label in Name, label-content-name-mismatch, is one of them), deprecated ones not.
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
// Rules of those tags that are not run, each with the reason. None today.
export const AXE_SKIPPED = {};
