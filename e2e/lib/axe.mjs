// Accessibility checks with axe-core.
//
// axe is injected through page.evaluate (CDP Runtime.evaluate), not a
// <script> tag, so it also runs on pages served under a strict
// Content-Security-Policy.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG 2.0 / 2.1 / 2.2 A and AA rule sets. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Run axe on the page's document and return its violations, simplified. */
export async function axeViolations(page) {
  const loaded = await page.evaluate(() => typeof window.axe === 'object');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const results = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      // A target is an array of selectors when it sits inside shadow roots / iframes.
      targets: v.nodes.map((n) => n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' >>> ')),
    }));
  }, WCAG_TAGS);
}

/** Human-readable list of violations, one rule per paragraph. */
export function formatViolations(violations) {
  return violations
    .map((v) => `- ${v.id} [${v.impact}]: ${v.help}\n    ${v.targets.join('\n    ')}\n    ${v.helpUrl}`)
    .join('\n');
}

/**
 * References by id that point to no element in their own document or shadow root, in every frame:
 * `aria-describedby`, `aria-labelledby` and the other id-reference attributes, and `label[for]`.
 * axe checks some of these only partly (a list of ids passes when one of them exists), yet an id
 * that is not there is a description or name a screen reader never reads (4.1.2).
 */
export async function danglingReferences(page) {
  // A page, or a frame (its own document and the frames inside it).
  const all = (frame) => [frame, ...frame.childFrames().flatMap(all)];
  const frames = typeof page.frames === 'function' ? page.frames() : all(page);
  const found = await Promise.all(frames.map((frame) => frame.evaluate(() => {
    const ATTRIBUTES = ['aria-describedby', 'aria-labelledby', 'aria-controls', 'aria-owns',
      'aria-activedescendant', 'aria-errormessage', 'aria-details', 'aria-flowto'];
    const out = [];
    const name = (el) => `<${el.localName}${el.id ? ` id="${el.id}"` : ''}${el.className && typeof el.className === 'string' ? ` class="${el.className}"` : ''}>`;
    const visit = (root) => {
      for (const el of root.querySelectorAll('*')) {
        for (const attribute of ATTRIBUTES) {
          const value = el.getAttribute(attribute);
          if (value === null) continue;
          for (const id of value.split(/\s+/).filter(Boolean)) {
            if (!root.getElementById(id)) out.push(`${name(el)} ${attribute}="${value}": no element #${id}`);
          }
        }
        const target = el.localName === 'label' ? el.getAttribute('for') : null;
        if (target && !root.getElementById(target)) out.push(`${name(el)} for="${target}": no element #${target}`);
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(document);
    return out;
  }).catch((e) => {
    // A frame that went away meanwhile has nothing left to check.
    if (/detached|context was destroyed/i.test(e.message)) return [];
    throw e;
  })));
  return found.flat();
}

/**
 * Fail (AssertionError) when axe finds any WCAG A/AA violation on the page, or when an id
 * reference points to nothing (`danglingReferences`).
 * @param {import('playwright-core').Page | import('playwright-core').Frame} page
 * @param {string} label names the screen in the failure message
 */
export async function expectNoAxeViolations(page, label = page.url()) {
  assert.deepEqual(await danglingReferences(page), [], `id references that point to nothing on ${label}`);
  const violations = await axeViolations(page);
  if (violations.length > 0) {
    throw new assert.AssertionError({
      message: `axe found ${violations.length} accessibility violation(s) on ${label}:\n${formatViolations(violations)}`,
      actual: violations.map((v) => v.id),
      expected: [],
      operator: 'expectNoAxeViolations',
    });
  }
}

/**
 * Fail when the headings on the page skip a level going down (an h1 followed by an h3), by axe's
 * `heading-order` rule. axe files that rule under best practice, not under a WCAG tag, so
 * `expectNoAxeViolations` does not run it; an outline without gaps is still what 1.3.1 asks of
 * a page that is read by its headings.
 * @param {import('playwright-core').Page} page
 * @param {string} label names the screen in the failure message
 */
export async function expectHeadingOrder(page, label = page.url()) {
  const loaded = await page.evaluate(() => typeof window.axe === 'object');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const { violations, passes } = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'rule', values: ['heading-order'] } });
    return {
      violations: r.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' >>> '))),
      passes: r.passes.reduce((n, v) => n + v.nodes.length, 0),
    };
  });
  assert.deepEqual(violations, [], `headings skip a level on ${label}`);
  assert.ok(passes > 1, `axe checked the order of more than one heading on ${label} (it checked ${passes})`);
}
