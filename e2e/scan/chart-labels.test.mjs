// Chart labels are laid out by the engine from estimated text widths. On this machine the
// system font is DejaVu Sans, wider than Arial or Segoe UI: every label must still stay inside
// its drawing and clear of the others, on the default report and on one with long Dutch labels,
// on a phone and on a desktop.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';

import { newPage, useServerAndBrowser } from '../lib/browser.mjs';
import { DIST_MISSING } from '../lib/scan-page.mjs';
import { DIST_DIR } from '../lib/server.mjs';

const ANSWERS = JSON.parse(await readFile(new URL('../fixtures/answers-default.json', import.meta.url), 'utf8'));

/** Every drawn label that sticks out of its chart or overlaps another, on the current page. */
function labelProblems(page) {
  return page.evaluate(() => [...document.querySelectorAll('#app svg')].flatMap((svg, i) => {
    const box = svg.getBoundingClientRect();
    const labels = [];
    for (const text of svg.querySelectorAll('text')) {
      const parts = text.querySelectorAll('tspan');
      for (const node of parts.length ? parts : [text]) {
        const b = node.getBoundingClientRect();
        if (b.width) labels.push({ text: node.textContent, b });
      }
    }
    const problems = [];
    for (const { text, b } of labels) {
      if (b.left < box.left - 1 || b.right > box.right + 1) problems.push(`chart ${i}: "${text}" outside its drawing`);
    }
    for (let a = 0; a < labels.length; a++) {
      for (let c = a + 1; c < labels.length; c++) {
        const [A, B] = [labels[a].b, labels[c].b];
        const x = Math.min(A.right, B.right) - Math.max(A.left, B.left);
        const y = Math.min(A.bottom, B.bottom) - Math.max(A.top, B.top);
        if (x > 1 && y > 2) problems.push(`chart ${i}: "${labels[a].text}" overlaps "${labels[c].text}"`);
      }
    }
    return problems;
  }));
}

describe('chart labels', () => {
  const env = useServerAndBrowser({ root: DIST_DIR }, { skip: DIST_MISSING });

  const cases = [
    { name: 'the default report', key: 'sextant:commercial-excellence-scan:1.0.0', id: 'commercial-excellence-scan', version: '1.0.0', answers: ANSWERS },
    { name: 'long Dutch labels', key: 'sextant:e2e-chart-labels:1', id: 'e2e-chart-labels', version: '1', answers: { q1: 4, q2: 3, q3: 2 }, src: '/fixtures/chart-labels.json' },
  ];
  for (const c of cases) {
    test(`${c.name}: labels inside their charts and apart (nl, en; 320 and 1024 px)`, { skip: DIST_MISSING, timeout: 120_000 }, async () => {
      for (const width of [320, 1024]) {
        const session = await newPage(env.browser, { viewport: { width, height: 900 } });
        const { page } = session;
        try {
          for (const lang of ['nl', 'en']) {
            const state = { format: 'sextant-state/1', assessment: c.id, version: c.version, step: 'report', locale: lang, revision: 1, answers: c.answers };
            await page.goto(`${env.server.url}/index.html?lang=${lang}${c.src ? `&src=${c.src}` : ''}`);
            await page.evaluate(([k, s]) => { localStorage.clear(); localStorage.setItem(k, s); }, [c.key, JSON.stringify(state)]);
            await page.reload();
            await page.locator('#app svg text').first().waitFor();
            assert.ok(await page.locator('#app svg').count() >= 1, 'charts are drawn');
            assert.deepEqual(await labelProblems(page), [], `${lang}, ${width} px`);
          }
          assert.deepEqual(session.errors(), [], 'no console errors or page errors');
        } finally {
          await session.close();
        }
      }
    });
  }
});
