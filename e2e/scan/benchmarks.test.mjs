// Benchmarks: an assessment's reference scores appear on the report next to the visitor's, in a
// column per benchmark, each with its source named below the table; a dimension a benchmark
// gives no score for says so. The table stays within a phone's width, axe finds nothing, and
// a report without benchmarks has no such column.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { expectNoAxeViolations } from '../lib/axe.mjs';
import { newPage, useServerAndBrowser } from '../lib/browser.mjs';
import { DIST_MISSING } from '../lib/scan-page.mjs';
import { DIST_DIR } from '../lib/server.mjs';

const ANSWERS = { q1: 4, q2: 5, q3: 2 };

/** Opens `src`'s report from a saved state with ANSWERS; returns the score table. */
async function openReport(page, base, id, src) {
  const state = { format: 'sextant-state/1', assessment: id, version: '1', step: 'report', locale: 'en', revision: 1, answers: ANSWERS };
  await page.addInitScript(([key, value]) => {
    if (location.protocol === 'http:') localStorage.setItem(key, value);
  }, [`sextant:${id}:1`, JSON.stringify(state)]);
  await page.goto(`${base}/index.html?lang=en&src=${src}`);
  const table = page.locator('#app table.sx-scores');
  await table.waitFor();
  return table;
}

describe('benchmarks on the report', () => {
  const env = useServerAndBrowser({ root: DIST_DIR }, { skip: DIST_MISSING });

  test('a column per benchmark, its source named, at 1024 and 320 px', { skip: DIST_MISSING, timeout: 90_000 }, async () => {
    for (const width of [1024, 320]) {
      const session = await newPage(env.browser, { viewport: { width, height: 900 } });
      const { page } = session;
      try {
        const table = await openReport(page, env.server.url, 'e2e-benchmarked', '/fixtures/benchmarked.json');
        const heads = (await table.locator('thead th').allInnerTexts()).map((s) => s.trim());
        assert.deepEqual(heads, ['Dimension', 'Score', 'Level', 'Peer average', 'Salesorganisationbenchmarkaverage'], 'one column per benchmark');
        // Each row as a screen reader reads it: the row header, then the cells.
        const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => {
          const visible = [...c.childNodes].filter((n) => !(n.nodeType === 1 && n.getAttribute('aria-hidden') === 'true'));
          return visible.map((n) => n.textContent).join('').trim();
        })));
        const speed = rows.find((r) => r[0] === 'Speed');
        const care = rows.find((r) => r[0] === 'Care');
        assert.deepEqual(speed.slice(3), ['unknown', '70'], 'no peer score for Speed, and it says so');
        assert.deepEqual(care.slice(3), ['62', '55'], 'the benchmarks rounded as scores are');
        assert.equal(await table.locator('tbody tr').first().locator('td.sx-benchmark [aria-hidden="true"]').innerText(), '—');
        // The sources, named, and the table described by them.
        const sources = page.locator(`#${await table.getAttribute('aria-describedby')}`);
        assert.deepEqual((await sources.locator('p').allInnerTexts()).map((s) => s.trim()), [
          'Peer average — source: Survey of 40 firms, 2025',
          'Salesorganisationbenchmarkaverage — source: Sector study 2024 (n = 212)',
        ]);
        assert.ok(await sources.isVisible());
        // Nothing runs off the side, and every header stays inside the table.
        const overflow = await page.evaluate(() => {
          const doc = document.documentElement;
          const t = document.querySelector('#app table.sx-scores').getBoundingClientRect();
          const out = [...document.querySelectorAll('#app table.sx-scores th, #app table.sx-scores td')]
            .filter((c) => c.scrollWidth > c.clientWidth + 1 || c.getBoundingClientRect().right > t.right + 1)
            .map((c) => c.textContent);
          return { page: doc.scrollWidth - doc.clientWidth, out };
        });
        assert.deepEqual(overflow, { page: 0, out: [] }, `${width} px: no horizontal overflow`);
        await expectNoAxeViolations(page, `report with benchmarks at ${width} px`);
        assert.deepEqual(session.errors(), []);
      } finally {
        await session.close();
      }
    }
  });

  test('a report without benchmarks has no such column', { skip: DIST_MISSING, timeout: 60_000 }, async () => {
    const session = await newPage(env.browser);
    try {
      const table = await openReport(session.page, env.server.url, 'e2e-small', '/fixtures/small.json');
      assert.equal(await table.locator('thead th').count(), 3);
      assert.equal(await table.getAttribute('aria-describedby'), null);
      assert.equal(await session.page.locator('#app .sx-benchmark-sources').count(), 0);
    } finally {
      await session.close();
    }
  });
});
