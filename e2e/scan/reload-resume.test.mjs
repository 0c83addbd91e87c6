// Journey 2: the visitor reloads the page in the middle of the scan. The answers are saved as
// they are given (localStorage), so after the reload the same step is back, with its answers,
// and the step heading has focus. Points being spread (not adding up yet) are kept too.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { expectNoAxeViolations } from '../lib/axe.mjs';
import { newPage, useServerAndBrowser } from '../lib/browser.mjs';
import { AssessmentText, DEFAULT_CONTENT, DIST_MISSING, ScanPage } from '../lib/scan-page.mjs';
import { DIST_DIR } from '../lib/server.mjs';

const KEY = 'sextant:commercial-excellence-scan:1.0.0';

describe('reload mid-scan', () => {
  const env = useServerAndBrowser({ root: DIST_DIR }, { skip: DIST_MISSING });

  test('answers and step come back after a reload, without taking focus', { skip: DIST_MISSING, timeout: 120_000 }, async () => {
    const content = await AssessmentText.load(DEFAULT_CONTENT, 'en');
    const session = await newPage(env.browser);
    const { page } = session;
    const scan = new ScanPage(page, env.server.url);
    const t = scan.t;
    const step1 = content.sectionTitle('proposition');
    const step2 = content.sectionTitle('thresholds');
    const given = {
      a_win: { oe: 5, ci: 3, pl: 2 },
      a_praise: { oe: 4, ci: 4, pl: 2 },
      t_oe: 4,
      t_pl: 'dont_know',
      m_focus: { current: 3 },
    };
    /** Wait until the saved state holds `answers` and `step`, as the widget writes it. */
    const saved = (answers, step) => page.waitForFunction(([key, want]) => {
      const raw = localStorage.getItem(key);
      if (!raw) return false;
      const state = JSON.parse(raw);
      return state.step === want.step && JSON.stringify(Object.keys(want.answers).map((k) => state.answers[k])) ===
        JSON.stringify(Object.values(want.answers));
    }, [KEY, { answers, step }]);

    try {
      await scan.open({ lang: 'en' });
      await scan.button(t.start).waitFor();
      await expectNoAxeViolations(page, 'welcome screen');
      await scan.start();
      await scan.waitForStep(1, 10, step1);
      await expectNoAxeViolations(page, 'step 1');
      await scan.answerQuestion(content, 'a_win', given.a_win, { allocation: 'buttons' });
      await scan.answerQuestion(content, 'a_praise', given.a_praise, { allocation: 'typing' });
      await scan.next();
      await scan.waitForStep(2, 10, step2);
      for (const id of ['t_oe', 't_pl', 'm_focus']) await scan.answerQuestion(content, id, given[id]);
      await expectNoAxeViolations(page, 'step 2 before the reload');
      await saved({ t_oe: 4, t_pl: 'dont_know', m_focus: { current: 3 }, a_win: { ci: 3, oe: 5, pl: 2 } }, 'thresholds');

      // ---- reload on step 2 ----
      await page.reload();
      await scan.waitForStep(2, 10, step2, { focused: false });
      assert.equal(await scan.button(t.start).count(), 0, 'no welcome screen after the reload');
      assert.equal(await scan.progressText(), t.step(2, 10));
      for (const id of ['t_oe', 't_pl', 'm_focus']) {
        assert.deepEqual(await scan.shownAnswer(content, id), given[id], `${id} is back after the reload`);
      }
      assert.equal(await scan.shownAnswer(content, 't_ci'), undefined, 'an unanswered question stays unanswered');
      await expectNoAxeViolations(page, 'step 2 after the reload');

      await scan.back();
      await scan.waitForStep(1, 10, step1);
      await expectNoAxeViolations(page, 'step 1 after Back');
      assert.deepEqual(await scan.shownAnswer(content, 'a_win'), given.a_win);
      assert.deepEqual(await scan.shownAnswer(content, 'a_praise'), given.a_praise);
      await scan.pointsStatus(content.questionText('a_win'), t.pointsLeft(0, 10)).waitFor();

      // ---- reload while points are still being spread ----
      const measure = content.questionText('a_measure');
      const oe = content.optionLabel('a_measure', 'oe');
      await scan.pointsField(measure, oe).fill('4');
      await scan.pointsStatus(measure, t.pointsLeft(6, 10)).waitFor();
      await saved({ a_measure: { ci: 0, oe: 4, pl: 0 } }, 'proposition');
      await page.reload();
      await scan.waitForStep(1, 10, step1, { focused: false });
      assert.deepEqual(await scan.shownAnswer(content, 'a_measure'), { oe: 4, ci: 0, pl: 0 }, 'points in progress are kept');
      await scan.pointsStatus(measure, t.pointsLeft(6, 10)).waitFor();
      assert.deepEqual(await scan.shownAnswer(content, 'a_win'), given.a_win);
      await expectNoAxeViolations(page, 'step 1 after the second reload');

      assert.deepEqual(session.errors(), [], 'no console errors or page errors');
    } finally {
      await session.close();
    }
  });

  test('a language chosen against the page\'s lang is kept on reload', { skip: DIST_MISSING, timeout: 120_000 }, async () => {
    const session = await newPage(env.browser);
    const { page } = session;
    const scan = new ScanPage(page, env.server.url);
    const en = await AssessmentText.load(DEFAULT_CONTENT, 'en');
    try {
      // The page asks for Dutch; the visitor picks English on the welcome screen and answers.
      await scan.open({ lang: 'nl' });
      await scan.languageButton('English').click();
      scan.useLanguage('en');
      await scan.start();
      await scan.waitForStep(1, 10, en.sectionTitle('proposition'));
      await scan.answerQuestion(en, 'a_win', { oe: 5, ci: 3, pl: 2 }, { allocation: 'buttons' });
      await page.waitForFunction((key) => Object.values(JSON.parse(localStorage.getItem(key) ?? '{}').answers?.a_win ?? {}).reduce((a, b) => a + b, 0) === 10, KEY);

      await page.reload();
      await scan.waitForStep(1, 10, en.sectionTitle('proposition'), { focused: false });
      assert.equal(await page.locator('.sx-app').getAttribute('lang'), 'en', 'the visitor\'s English is kept');
      assert.deepEqual(await scan.shownAnswer(en, 'a_win'), { oe: 5, ci: 3, pl: 2 });

      // A visit to a page that asks for no language does not forget against what it was chosen.
      await page.goto(`${env.server.url}/index.html`);
      await scan.waitForStep(1, 10, en.sectionTitle('proposition'), { focused: false });
      await page.waitForFunction((key) => JSON.parse(localStorage.getItem(key) ?? '{}').host_locale === 'nl', KEY);
      await scan.open({ lang: 'nl' });
      scan.useLanguage('en');
      await scan.waitForStep(1, 10, en.sectionTitle('proposition'), { focused: false });
      assert.equal(await page.locator('.sx-app').getAttribute('lang'), 'en', 'still English on the Dutch page');

      assert.deepEqual(session.errors(), [], 'no console errors or page errors');
    } finally {
      await session.close();
    }
  });
});
