// Journey 4: points that do not add up. With 7 of 10 points given, Next is refused with an
// alert that says why; focus moves to it and the step stays. Too many points are refused the
// same way. Once the points add up, the alert goes and the visitor goes on.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { expectNoAxeViolations } from '../lib/axe.mjs';
import { newPage, useServerAndBrowser } from '../lib/browser.mjs';
import {
  AssessmentText, DEFAULT_CONTENT, DIST_MISSING, ScanPage, waitForElement,
} from '../lib/scan-page.mjs';
import { DIST_DIR } from '../lib/server.mjs';

describe('point allocation error', () => {
  const env = useServerAndBrowser({ root: DIST_DIR }, { skip: DIST_MISSING });

  for (const lang of ['en', 'nl']) {
    test(`7 of 10 points: Next refused with a focused alert, then fixed (${lang})`, { skip: DIST_MISSING, timeout: 90_000 }, async () => {
      const content = await AssessmentText.load(DEFAULT_CONTENT, lang);
      const session = await newPage(env.browser);
      const { page } = session;
      const scan = new ScanPage(page, env.server.url);
      scan.useLanguage(lang);
      const t = scan.t;
      const title = content.sectionTitle('proposition');
      const question = content.questionText('a_win');
      const [oe, ci] = ['oe', 'ci'].map((o) => content.optionLabel('a_win', o));
      const why = `${question} — ${t.fixPoints(10)}`;

      try {
        await scan.open({ lang });
        await scan.button(t.start).waitFor();
        await expectNoAxeViolations(page, `${lang}: welcome screen`);
        await scan.start();
        await scan.waitForStep(1, 10, title);
        await expectNoAxeViolations(page, `${lang}: step 1`);

        // 7 of 10 with the + button.
        await scan.allocate(content, 'a_win', { oe: 7 }, 'buttons');
        await scan.pointsStatus(question, t.pointsLeft(3, 10)).waitFor();
        await scan.next();
        const alert = scan.blockedAlert();
        await alert.filter({ hasText: why }).waitFor();
        assert.equal((await alert.innerText()).trim(), why, 'the alert names the question and says what to do');
        await waitForElement(alert, (el) => el === document.activeElement);
        assert.equal(await scan.progressText(), t.step(1, 10), 'the step does not change');
        assert.equal((await scan.stepHeading().innerText()).trim(), title);
        assert.equal(await page.getByText(t.step(2, 10), { exact: true }).count(), 0);
        await expectNoAxeViolations(page, `${lang}: step 1 with the points alert`);

        // Too many points are refused as well.
        await scan.pointsField(question, ci).fill('6');
        await scan.pointsStatus(question, t.tooManyPoints(3)).waitFor();
        // Every statement with points is marked as part of the error (3.3.1); the one without is not.
        const invalid = async (option) => scan.pointsField(question, option).getAttribute('aria-invalid');
        assert.deepEqual([await invalid(oe), await invalid(ci), await invalid(content.optionLabel('a_win', 'pl'))], ['true', 'true', null]);
        await scan.next();
        await alert.filter({ hasText: why }).waitFor();
        assert.equal(await scan.progressText(), t.step(1, 10), 'still on step 1 with 13 points');

        // Fixing the points clears the alert and lets the visitor go on.
        await scan.pointsField(question, ci).fill('3');
        await scan.pointsStatus(question, t.pointsLeft(0, 10)).waitFor();
        await alert.waitFor({ state: 'detached' });
        assert.deepEqual([await invalid(oe), await invalid(ci)], [null, null], 'no mark once the total is right');
        assert.equal(await scan.moreButton(question, oe).isDisabled(), true, '+ is disabled with nothing left');
        await expectNoAxeViolations(page, `${lang}: step 1 with the points fixed`);
        await scan.next();
        await scan.waitForStep(2, 10, content.sectionTitle('thresholds'));
        await expectNoAxeViolations(page, `${lang}: step 2`);

        // The answer was kept as given.
        await scan.back();
        await scan.waitForStep(1, 10, title);
        assert.deepEqual(await scan.shownAnswer(content, 'a_win'), { oe: 7, ci: 3, pl: 0 });

        // A field's entry that is not a whole number of points within the total stays as typed,
        // is marked and explained, keeps the points given before, and Next stops (3.3.1).
        const field = scan.pointsField(question, ci);
        // Its message is read out as it appears: a polite live region on the page before (4.1.3).
        const range = page.locator(`#${await field.getAttribute('id')}-range`);
        assert.equal(await range.getAttribute('aria-live'), 'polite', 'a live region for the message, before it appears');
        assert.equal((await range.textContent()).trim(), '', 'and empty while the entry is fine');
        for (const typed of ['15', '2.5']) {
          await field.fill(typed);
          await waitForElement(field, (el, v) => el.value === v && el.getAttribute('aria-invalid') === 'true', typed);
          const message = await page.locator(`#${await field.getAttribute('id')}-range`).innerText();
          assert.equal(message.trim(), t.enterPoints(10));
          // The points before still count: 7 + 3 of 10.
          await scan.pointsStatus(question, t.pointsLeft(0, 10)).waitFor();
          await scan.next();
          await alert.filter({ hasText: `${question} — ${t.enterPoints(10)}` }).waitFor();
          assert.equal(await scan.progressText(), t.step(1, 10), `${typed}: the step stays`);
        }
        // Emptied, the field is 0 points, and is left empty while the visitor types.
        await field.fill('');
        await scan.pointsStatus(question, t.pointsLeft(3, 10)).waitFor();
        assert.equal(await field.inputValue(), '');
        await field.fill('3');
        await alert.waitFor({ state: 'detached' });
        assert.equal(await field.getAttribute('aria-invalid'), null);
        assert.equal((await range.textContent()).trim(), '', 'the message goes when the entry is fine');

        // Each field's entry stands on its own: − on another statement leaves "15" marked, and
        // Next still stops for it.
        await field.fill('15');
        await waitForElement(field, (el) => el.getAttribute('aria-invalid') === 'true');
        await scan.lessButton(question, oe).click();
        await scan.pointsStatus(question, t.pointsLeft(1, 10)).waitFor();
        assert.equal(await field.inputValue(), '15', 'the entry stays as typed');
        assert.equal(await field.getAttribute('aria-invalid'), 'true', 'and stays marked');
        await scan.next();
        await alert.filter({ hasText: `${question} — ${t.enterPoints(10)}` }).waitFor();
        assert.equal(await scan.progressText(), t.step(1, 10), 'the step stays while "15" stands');
        // + on the statement itself settles it: the field shows the points again.
        await scan.moreButton(question, ci).click();
        await waitForElement(field, (el) => el.value === '4' && !el.hasAttribute('aria-invalid'));
        await scan.pointsStatus(question, t.pointsLeft(0, 10)).waitFor();
        await scan.next();
        await scan.waitForStep(2, 10, content.sectionTitle('thresholds'));

        assert.deepEqual(session.errors(), [], 'no console errors or page errors');
      } finally {
        await session.close();
      }
    });
  }
});
