// Journey 3: going back keeps every answer, the "Steps" disclosure jumps back to an earlier
// step (only to steps already passed), and "Continue where you left off" on the welcome screen
// returns to the furthest step reached.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { expectNoAxeViolations } from '../lib/axe.mjs';
import { newPage, useServerAndBrowser } from '../lib/browser.mjs';
import { AssessmentText, DEFAULT_CONTENT, DIST_MISSING, ScanPage } from '../lib/scan-page.mjs';
import { DIST_DIR } from '../lib/server.mjs';

describe('back navigation and the step index', () => {
  const env = useServerAndBrowser({ root: DIST_DIR }, { skip: DIST_MISSING });

  test('Back keeps the answers; the step index jumps back to step 1', { skip: DIST_MISSING, timeout: 120_000 }, async () => {
    const content = await AssessmentText.load(DEFAULT_CONTENT, 'en');
    const session = await newPage(env.browser);
    const { page } = session;
    const scan = new ScanPage(page, env.server.url);
    const t = scan.t;
    const titles = ['proposition', 'thresholds', 'marketing'].map((id) => content.sectionTitle(id));
    const given = {
      proposition: { a_win: { oe: 1, ci: 2, pl: 7 } },
      thresholds: { t_ci: 2, m_focus: { current: 1 } },
      marketing: { mkt_proc: 2, mkt_org: 'dont_know', mkt_ppl: 5 },
    };
    const expectAnswers = async (section) => {
      for (const [id, answer] of Object.entries(given[section])) {
        assert.deepEqual(await scan.shownAnswer(content, id), answer, `${id} is kept`);
      }
    };

    try {
      await scan.open({ lang: 'en' });
      await scan.button(t.start).waitFor();
      await expectNoAxeViolations(page, 'welcome screen');
      await scan.start();
      await scan.waitForStep(1, 10, titles[0]);
      await scan.answerSection(content, 'proposition', given.proposition, { allocation: 'typing' });
      await expectNoAxeViolations(page, 'step 1, answered');
      await scan.next();
      await scan.waitForStep(2, 10, titles[1]);
      await scan.answerSection(content, 'thresholds', given.thresholds);
      await expectNoAxeViolations(page, 'step 2, answered');
      await scan.next();
      await scan.waitForStep(3, 10, titles[2]);
      await scan.answerSection(content, 'marketing', given.marketing);
      await expectNoAxeViolations(page, 'step 3, answered');

      // ---- Back, Back ----
      await scan.back();
      await scan.waitForStep(2, 10, titles[1]);
      await expectAnswers('thresholds');
      await expectNoAxeViolations(page, 'step 2 after Back');
      await scan.back();
      await scan.waitForStep(1, 10, titles[0]);
      await expectAnswers('proposition');
      await expectNoAxeViolations(page, 'step 1 after Back');

      // ---- forward again: nothing lost on the way ----
      await scan.next();
      await scan.waitForStep(2, 10, titles[1]);
      await expectAnswers('thresholds');
      await scan.next();
      await scan.waitForStep(3, 10, titles[2]);
      await expectAnswers('marketing');

      // ---- the step index ----
      const toggle = scan.stepIndexToggle();
      assert.equal(await toggle.innerText(), t.stepIndex(3, 10));
      await toggle.click();
      await scan.stepIndexButton(titles[0]).waitFor();
      await expectNoAxeViolations(page, 'step 3 with the step index open');
      // Steps already passed are buttons; the current one is marked, later ones are not links.
      assert.equal(await scan.stepIndexButton(titles[1]).count(), 1, 'step 2 can be jumped to');
      assert.equal(await scan.stepIndexButton(titles[2]).count(), 0, 'the current step is not a button');
      const current = page.getByRole('listitem').filter({ hasText: titles[2] }).getByText(titles[2], { exact: true });
      assert.equal(await current.getAttribute('aria-current'), 'step', 'the current step is marked aria-current="step"');
      const later = content.sectionTitle('account-management');
      await page.getByRole('listitem').filter({ hasText: later }).waitFor();
      assert.equal(await scan.stepIndexButton(later).count(), 0, 'a later step cannot be jumped to');

      await scan.stepIndexButton(titles[0]).click();
      await scan.waitForStep(1, 10, titles[0]);
      await expectAnswers('proposition');
      assert.equal(await scan.stepIndexToggle().innerText(), t.stepIndex(1, 10));
      await expectNoAxeViolations(page, 'step 1 after the jump');

      // Walking forward after the jump still finds every answer.
      await scan.next();
      await scan.waitForStep(2, 10, titles[1]);
      await expectAnswers('thresholds');
      await scan.next();
      await scan.waitForStep(3, 10, titles[2]);
      await expectAnswers('marketing');

      // ---- back to the welcome screen (to change the language, say), and on again ----
      for (const n of [2, 1]) {
        await scan.back();
        await scan.waitForStep(n, 10, titles[n - 1]);
      }
      await scan.back();
      await scan.button(t.resume).click();
      await scan.waitForStep(3, 10, titles[2]);
      await expectAnswers('marketing');

      assert.deepEqual(session.errors(), [], 'no console errors or page errors');
    } finally {
      await session.close();
    }
  });
});
