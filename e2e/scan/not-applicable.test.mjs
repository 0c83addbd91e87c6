// A dimension whose questions were all hidden by `show_if` does not apply to the visitor: the
// score table says so ("Does not apply" / "Niet van toepassing"), rather than "Not enough
// answers", which stays for a dimension whose questions were shown and left unanswered. A step
// whose questions are all hidden is no step: not counted, not shown.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { expectNoAxeViolations } from '../lib/axe.mjs';
import { newPage, useServerAndBrowser } from '../lib/browser.mjs';
import { DIST_MISSING, ScanPage } from '../lib/scan-page.mjs';
import { DIST_DIR } from '../lib/server.mjs';

const SRC = '/fixtures/not-applicable.json';
const KEY = 'sextant:e2e-not-applicable:1';

/** The score table's rows, label to score cell. */
async function scoreRows(page) {
  const table = page.locator('#app table.sx-scores');
  await table.waitFor();
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [
    tr.querySelector('th').textContent.trim(),
    tr.querySelector('td').textContent.trim(),
  ]));
  return Object.fromEntries(rows);
}

describe('a dimension that does not apply', () => {
  const env = useServerAndBrowser({ root: DIST_DIR }, { skip: DIST_MISSING });

  test('hidden by the answers: the report says it does not apply (clicked through, en)', { skip: DIST_MISSING, timeout: 60_000 }, async () => {
    const session = await newPage(env.browser);
    try {
      const scan = new ScanPage(session.page, env.server.url);
      await scan.open({ lang: 'en', src: SRC });
      await scan.start();
      // The only question of the step abroad is shown when q1 is 3 or more: until then, the
      // step is not counted.
      await session.page.getByText('Step 1 of 1').waitFor();
      await scan.answer('We sell outside our home region.', 'Agree');
      await session.page.getByText('Step 1 of 2').waitFor();
      assert.equal(await scan.button('Next').count(), 1);
      await scan.answer('We sell outside our home region.', 'Strongly disagree');
      await scan.answer('We deliver quickly.', 'Agree');
      // Its question hidden again, the step abroad is gone, and this step is the last.
      await session.page.getByText('Step 1 of 1').waitFor();
      assert.equal(await scan.button('Next').count(), 0, 'no Next into an empty step');
      await scan.seeResults();
      assert.deepEqual(await scoreRows(session.page), { Speed: '38', Reach: 'Does not apply' });
      await expectNoAxeViolations(session.page, 'report with a dimension that does not apply');
      assert.deepEqual(session.errors(), []);
    } finally {
      await session.close();
    }
  });

  test('shown and left unanswered: not enough answers; in Dutch too', { skip: DIST_MISSING, timeout: 60_000 }, async () => {
    const cases = [
      { locale: 'nl', answers: { q1: 1, q2: 4 }, expected: { Snelheid: '38', Bereik: 'Niet van toepassing' } },
      { locale: 'nl', answers: { q1: 4, q2: 4 }, expected: { Snelheid: '75', Bereik: 'Te weinig antwoorden' } },
      { locale: 'en', answers: { q1: 4, q2: 4 }, expected: { Speed: '75', Reach: 'Not enough answers' } },
    ];
    for (const { locale, answers, expected } of cases) {
      const session = await newPage(env.browser);
      try {
        const state = { format: 'sextant-state/1', assessment: 'e2e-not-applicable', version: '1', step: 'report', locale, revision: 1, answers };
        await session.page.addInitScript(([key, value]) => {
          if (location.protocol === 'http:') localStorage.setItem(key, value);
        }, [KEY, JSON.stringify(state)]);
        await session.page.goto(`${env.server.url}/index.html?lang=${locale}&src=${SRC}`);
        assert.deepEqual(await scoreRows(session.page), expected, `${locale} ${JSON.stringify(answers)}`);
        assert.deepEqual(session.errors(), []);
      } finally {
        await session.close();
      }
    }
  });
});
