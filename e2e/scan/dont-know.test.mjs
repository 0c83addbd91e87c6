// "Don't know" replaces an answer for as long as it is ticked: unticking it brings the answer
// back, as it was. On a point allocation the points fields empty while it is ticked, and the
// line about points left says nothing, since there are none to give.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { expectNoAxeViolations } from '../lib/axe.mjs';
import { newPage, useServerAndBrowser } from '../lib/browser.mjs';
import { AssessmentText, DEFAULT_CONTENT, DEFAULT_SCAN_KEY, DIST_MISSING, ScanPage } from '../lib/scan-page.mjs';
import { DIST_DIR } from '../lib/server.mjs';

describe('"don\'t know" and back', () => {
  const env = useServerAndBrowser({ root: DIST_DIR }, { skip: DIST_MISSING });

  for (const lang of ['nl', 'en']) {
    test(`points given before "don't know" come back when it is unticked (${lang})`, { skip: DIST_MISSING, timeout: 60_000 }, async () => {
      const content = await AssessmentText.load(DEFAULT_CONTENT, lang);
      const session = await newPage(env.browser);
      const { page } = session;
      const scan = new ScanPage(page, env.server.url);
      scan.useLanguage(lang);
      const saved = () => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}').answers?.a_win ?? null, DEFAULT_SCAN_KEY);
      const savedIs = (want) => page.waitForFunction(([key, w]) =>
        JSON.stringify(JSON.parse(localStorage.getItem(key) ?? '{}').answers?.a_win ?? null) === w, [DEFAULT_SCAN_KEY, JSON.stringify(want)]);
      try {
        await scan.open({ lang });
        await scan.start();
        const points = { ci: 3, oe: 5, pl: 2 }; // as saved: by option id
        await scan.answerQuestion(content, 'a_win', points);
        await savedIs(points);
        const q = content.question('a_win');
        const text = content.text(q.text);
        const fields = () => Promise.all(q.options.map((o) => scan.pointsField(text, content.text(o.label)).inputValue()));
        const left = page.locator('.sx-points-left').first();
        assert.notEqual((await left.textContent()).trim(), '');

        await scan.dontKnow(text).check();
        await savedIs('dont_know');
        assert.equal((await left.textContent()).trim(), '', 'no points to give while "don\'t know" is ticked');
        await expectNoAxeViolations(page, `${lang}: "don't know" on an allocation`);

        await scan.dontKnow(text).uncheck();
        await savedIs(points);
        assert.deepEqual(await fields(), q.options.map((o) => String(points[o.id])), 'the points are back in their fields');
        assert.notEqual((await left.textContent()).trim(), '');
        assert.deepEqual(await saved(), points);

        // Points still in progress (4 of 10) come back too.
        const first = q.options[0];
        for (const o of q.options) await scan.pointsField(text, content.text(o.label)).fill(o === first ? '4' : '0');
        await page.waitForFunction(([key, id]) => JSON.parse(localStorage.getItem(key)).answers?.a_win?.[id] === 4, [DEFAULT_SCAN_KEY, first.id]);
        const draft = await saved();
        await scan.dontKnow(text).check();
        await savedIs('dont_know');
        await scan.dontKnow(text).uncheck();
        await savedIs(draft);
        assert.deepEqual(await fields(), q.options.map((o) => (o === first ? '4' : '0')));
        assert.deepEqual(session.errors(), []);
      } finally {
        await session.close();
      }
    });
  }
});
