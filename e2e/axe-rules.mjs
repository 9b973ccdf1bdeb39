// Which axe-core rules the accessibility scans run (gates.mjs, host.mjs, export.mjs, find.mjs, scale.mjs): every rule tagged
// with one of AXE_TAGS, the experimental ones included (a plain tag run leaves those out, and
// WCAG 2.5.3 Label in Name, label-content-name-mismatch, is one of them), deprecated ones not.
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
// Rules of those tags that are not run, each with the reason. None today.
export const AXE_SKIPPED = {};

// Runs those rules on the page (or only inside the `include` selector) and returns the
// violations, one line each. The page's context needs `bypassCSP: true` (axe is injected as an
// inline script).
import fs from 'node:fs';
import { createRequire } from 'node:module';
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export async function axeViolations(page, include) {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async ([tags, skipped, include]) => {
    /* global axe */
    const rules = axe.getRules(tags).filter((r) => !r.tags.includes('deprecated') && !(r.ruleId in skipped)).map((r) => r.ruleId);
    const r = await axe.run(include ? { include: [include] } : document, { runOnly: { type: 'rule', values: rules } });
    return r.violations.map((v) => `[${v.id}] ${v.help}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  }, [AXE_TAGS, AXE_SKIPPED, include]);
}
