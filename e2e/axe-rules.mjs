// The accessibility scans (gates.mjs, host.mjs, export.mjs, find.mjs, scale.mjs), through
// @axe-core/playwright: every rule tagged with one of AXE_TAGS, the experimental ones included
// (a plain tag run leaves those out, and WCAG 2.5.3 Label in Name, label-content-name-mismatch,
// is one of them), deprecated ones not. Every scan checks that the rules ran.
import AxeBuilder from '@axe-core/playwright';
import axe from 'axe-core';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
// Rules of those tags that are not run, each with the reason. None today.
export const AXE_SKIPPED = {};
export const AXE_RULES = axe
  .getRules(AXE_TAGS)
  .filter((r) => !r.tags.includes('deprecated') && !(r.ruleId in AXE_SKIPPED))
  .map((r) => r.ruleId);
export const AXE_VERSION = axe.version;

/**
 * Runs those rules on the page (or only inside the `include` selector) and returns axe's
 * results (violations and incomplete with their nodes; passes and inapplicable counted). Throws
 * when no rule ran, so a scan can never pass by checking nothing.
 */
export async function axeRun(page, include) {
  let builder = new AxeBuilder({ page }).withRules(AXE_RULES).options({ resultTypes: ['violations', 'incomplete'] });
  if (include) builder = builder.include(include);
  const r = await builder.analyze();
  const ran = r.passes.length + r.violations.length + r.incomplete.length;
  if (ran === 0) throw new Error(`axe ran none of its ${AXE_RULES.length} rules`);
  return r;
}

/** The violations of `axeRun`, one line each. */
export async function axeViolations(page, include) {
  const r = await axeRun(page, include);
  return r.violations.map((v) => `[${v.id}] ${v.help}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}
