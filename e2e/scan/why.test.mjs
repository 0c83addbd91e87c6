// "Why am I seeing this?" under each recommendation: every condition of its rule in words, in
// the visitor's language, with whether it holds and the values compared; a condition that is a
// calculation is shown as written; the whole rule follows as the assessment writes it. nl and en,
// on the report of the whole default scan, against the engine's own report of the same answers.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { expectNoAxeViolations } from '../lib/axe.mjs';
import { newPage, useServerAndBrowser } from '../lib/browser.mjs';
import {
  DEFAULT_CONTENT, DIST_MISSING, SCAN_ANSWERS, STRINGS, engineScore, saveBeforeLoad, savedAt,
} from '../lib/scan-page.mjs';
import { DIST_DIR } from '../lib/server.mjs';

// Sentences that must read exactly so (the engine's tests cover every kind of condition).
const EXPECTED = {
  en: {
    'mc-vision': 'Your current level for “Which channels are central to your sales and service, and why?” is at most 2 (“A feeling”) — does not hold (3 ≤ 2)',
  },
  nl: {
    'thr-pl': 'De score voor “Basisniveau product” is lager dan 50 — klopt (25 < 50)',
  },
};

describe('why am I seeing this', () => {
  const env = useServerAndBrowser({ root: DIST_DIR }, { skip: DIST_MISSING });

  for (const lang of ['en', 'nl']) {
    test(`${lang}: every recommendation's conditions in words, with the rule as written`, { skip: DIST_MISSING, timeout: 120_000 }, async () => {
      const t = STRINGS[lang];
      const report = await engineScore(DEFAULT_CONTENT, SCAN_ANSWERS[lang], lang);
      const session = await newPage(env.browser, { viewport: { width: 1024, height: 900 } });
      const { page } = session;
      try {
        await saveBeforeLoad(page, savedAt(lang, 'report'));
        await page.goto(`${env.server.url}/index.html?lang=${lang}`);
        const app = page.locator('#app');
        await app.getByRole('heading', { level: 3, name: t.recommendations, exact: true }).waitFor();
        const more = app.locator('details.sx-more > summary');
        if (await more.count()) await more.click();
        const items = app.locator('li.sx-recommendation');
        await items.nth(report.recommendations.length - 1).waitFor();
        assert.equal(await items.count(), report.recommendations.length, 'one item per recommendation');

        let inWords = 0;
        let asWritten = 0;
        for (const [i, rec] of report.recommendations.entries()) {
          const item = items.nth(i);
          assert.equal((await item.getByRole('heading', { level: 4 }).innerText()).trim(), rec.title);
          await item.locator('summary').filter({ hasText: t.why }).click();
          const lines = item.locator('.sx-why ul').first().locator('li');
          await lines.first().waitFor();
          const shown = (await lines.allInnerTexts()).map((s) => s.trim());
          const expected = rec.conditions.map((c) =>
            `${c.text || c.source} — ${t.conditionState[c.met]}${c.detail ? ` (${c.detail})` : ''}`);
          assert.deepEqual(shown, expected, `${rec.id}: the conditions as the engine explains them`);
          // Only a condition without words is shown as code.
          const code = (await lines.locator('code').allInnerTexts()).map((s) => s.trim());
          assert.deepEqual(code, rec.conditions.filter((c) => !c.text).map((c) => c.source), `${rec.id}: code only where there are no words`);
          inWords += rec.conditions.filter((c) => c.text).length;
          asWritten += code.length;
          for (const c of rec.conditions.filter((x) => x.text)) {
            assert.doesNotMatch(c.text, /\b(score|coverage|band|answer|answered|dont_know|desired|gap|chosen|points|profile|count_answered)\(|[<>=]=?\s*\d/,
              `${rec.id}: no rule syntax in "${c.text}"`);
          }
          const rule = item.locator('.sx-rule');
          assert.equal((await rule.innerText()).trim(), `${t.rule} ${rec.rule}`, `${rec.id}: the rule as written`);
          if (EXPECTED[lang][rec.id]) assert.ok(shown.includes(EXPECTED[lang][rec.id]), `${rec.id}: ${JSON.stringify(shown)}`);
        }
        assert.ok(Object.keys(EXPECTED[lang]).every((id) => report.recommendations.some((r) => r.id === id)), 'the exact sentences were on the report');
        assert.ok(inWords >= 10, `most conditions are in words (${inWords} in words, ${asWritten} as written)`);
        assert.ok(inWords > 3 * asWritten, `most conditions are in words (${inWords} in words, ${asWritten} as written)`);
        await expectNoAxeViolations(page, `report with every explanation open (${lang})`);
        assert.deepEqual(session.errors(), [], 'no console errors or page errors');
      } finally {
        await session.close();
      }
    });
  }
});
