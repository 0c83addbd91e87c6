// Journey 9: keyboard only, no mouse. The small scan from start to report with Tab, Space,
// the arrow keys and Enter, with every report control reachable by Tab; then an allocation
// step and two level steps (one with a desired level) of the default assessment.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { expectNoAxeViolations } from '../lib/axe.mjs';
import { newPage, useServerAndBrowser } from '../lib/browser.mjs';
import {
  AssessmentText, DEFAULT_CONTENT, DIST_MISSING, ScanPage, engineScore, waitForElement,
} from '../lib/scan-page.mjs';
import { DIST_DIR } from '../lib/server.mjs';

const SMALL = '/fixtures/small.json';

describe('keyboard only', () => {
  const env = useServerAndBrowser({ root: DIST_DIR }, { skip: DIST_MISSING });

  test('the small scan from Start to the report, and every report control, by keyboard', { skip: DIST_MISSING, timeout: 120_000 }, async () => {
    const session = await newPage(env.browser);
    const { page } = session;
    const scan = new ScanPage(page, env.server.url);
    const t = scan.t;
    const [q1, q2, q3] = ['We deliver quickly.', 'We rarely miss a deadline.', 'We listen to every customer.'];
    /** Tab into a question's radios (the first one, nothing chosen yet) and choose `label`. */
    const choose = async (question, label) => {
      await scan.tabTo(scan.option(question, 'Strongly disagree'));
      await scan.chooseRadioWithKeyboard(scan.question(question).getByRole('radio'), scan.option(question, label));
    };
    const press = async (control, key = 'Enter') => {
      await scan.tabTo(control);
      await page.keyboard.press(key);
    };
    try {
      await scan.open({ lang: 'en', src: SMALL });
      await scan.button(t.start).waitFor();
      await expectNoAxeViolations(page, 'welcome screen');
      await press(scan.button(t.start));
      await scan.waitForStep(1, 2, 'Pace');

      await choose(q1, 'Agree');
      await choose(q2, 'Strongly agree');
      await expectNoAxeViolations(page, 'step 1 answered by keyboard');
      await press(scan.button(t.next));
      await scan.waitForStep(2, 2, 'Attention');
      await expectNoAxeViolations(page, 'step 2 reached by keyboard');

      await press(scan.button(t.back));
      await scan.waitForStep(1, 2, 'Pace');
      assert.ok(await scan.option(q1, 'Agree').isChecked());
      assert.ok(await scan.option(q2, 'Strongly agree').isChecked());
      await press(scan.button(t.next));
      await scan.waitForStep(2, 2, 'Attention');

      await choose(q3, 'Disagree');
      await expectNoAxeViolations(page, 'step 2 answered by keyboard');
      await press(scan.button(t.seeResults));
      await scan.focusedStepHeading(t.resultsHeading).waitFor();
      assert.deepEqual(await scan.scores(), { Speed: '88', Care: '50' });
      await expectNoAxeViolations(page, 'report reached by keyboard');

      // ---- every control of the report, in order, by Tab ----
      for (const control of [
        scan.button(t.print), scan.button(t.exportJson), scan.button(t.exportCsv), scan.importField(), scan.button(t.share),
      ]) await scan.tabTo(control);
      await page.keyboard.press('Enter');
      await scan.tabTo(scan.shareLinkField());
      assert.match(await scan.shareLinkField().inputValue(), /#r=[A-Za-z0-9_-]+$/, 'Enter made the share link');
      for (const control of [scan.button(t.copy), scan.button(t.back), scan.button(t.startOver), scan.button(t.deleteAnswers)]) {
        await scan.tabTo(control);
      }
      await expectNoAxeViolations(page, 'report with the share link, by keyboard');

      // Going back with Shift+Tab, Enter on an export starts the download.
      await scan.tabTo(scan.button(t.exportJson), { key: 'Shift+Tab' });
      const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      assert.equal(download.suggestedFilename(), 'e2e-small-1.json');

      // The confirmation for deleting takes focus and can be cancelled by keyboard.
      await press(scan.button(t.deleteAnswers));
      const dialog = page.getByRole('alertdialog');
      await dialog.waitFor();
      await waitForElement(dialog, (el) => el === document.activeElement);
      await expectNoAxeViolations(page, 'delete confirmation');
      await press(dialog.getByRole('button', { name: 'Cancel', exact: true }));
      await dialog.waitFor({ state: 'detached' });
      assert.deepEqual(await scan.scores(), { Speed: '88', Care: '50' }, 'nothing was deleted');

      assert.deepEqual(session.errors(), [], 'no console errors or page errors');
    } finally {
      await session.close();
    }
  });

  test('an allocation step and level steps of the default assessment, by keyboard', { skip: DIST_MISSING, timeout: 120_000 }, async () => {
    const content = await AssessmentText.load(DEFAULT_CONTENT, 'en');
    const answers = { a_win: { oe: 6, ci: 3, pl: 1 }, m_focus: { current: 3 }, v_central: { current: 3, desired: 5 } };
    const expected = await engineScore(DEFAULT_CONTENT, answers, 'en');
    const session = await newPage(env.browser);
    const { page } = session;
    const scan = new ScanPage(page, env.server.url);
    const t = scan.t;
    const sections = content.json.sections.map((s) => s.id).filter((id) => id !== 'calculator');
    const press = async (control, key = 'Enter') => {
      await scan.tabTo(control, { max: 150 });
      await page.keyboard.press(key);
    };
    let focusAfterLastPoint;
    try {
      await scan.open({ lang: 'en' });
      await scan.button(t.start).waitFor();
      await expectNoAxeViolations(page, 'welcome screen of the default assessment');
      await press(scan.button(t.start));
      await scan.waitForStep(1, 10, content.sectionTitle('proposition'));

      // ---- allocation: + with Space, the number field with the arrow keys ----
      const win = content.questionText('a_win');
      const [oe, ci, pl] = ['oe', 'ci', 'pl'].map((o) => content.optionLabel('a_win', o));
      await scan.tabTo(scan.moreButton(win, oe));
      for (let n = 1; n <= 6; n++) {
        await page.keyboard.press('Space');
        await waitForElement(scan.pointsField(win, oe), (el, v) => el.value === v, String(n));
      }
      await scan.tabTo(scan.pointsField(win, ci));
      for (let n = 1; n <= 3; n++) {
        await page.keyboard.press('ArrowUp');
        await waitForElement(scan.pointsField(win, ci), (el, v) => el.value === v, String(n));
      }
      await scan.pointsStatus(win, t.pointsLeft(1, 10)).waitFor();
      await scan.tabTo(scan.moreButton(win, pl));
      await page.keyboard.press('Space');
      await scan.pointsStatus(win, t.pointsLeft(0, 10)).waitFor();
      // Every + is now disabled, the one just pressed too; where did focus go?
      focusAfterLastPoint = await page.evaluate((q) => {
        const el = document.activeElement;
        const inQuestion = Boolean(el && el !== document.body && el.closest('fieldset')?.querySelector('legend')?.textContent === q);
        return { inQuestion, onBody: el === document.body };
      }, win);
      assert.deepEqual(await scan.shownAnswer(content, 'a_win'), answers.a_win);
      await expectNoAxeViolations(page, 'allocation given by keyboard');
      await press(scan.button(t.next));
      await scan.waitForStep(2, 10, content.sectionTitle('thresholds'));

      // ---- level (current only) with the arrow keys ----
      const focus = content.questionText('m_focus');
      const currentRadios = (q) => scan.question(q).getByRole('radio', { name: new RegExp(`^${t.currentLevel}: `) });
      await scan.tabTo(scan.currentLevel(focus, content.levelLabel('m_focus', 1)));
      await scan.chooseRadioWithKeyboard(currentRadios(focus), scan.currentLevel(focus, content.levelLabel('m_focus', 3)));
      assert.deepEqual(await scan.shownAnswer(content, 'm_focus'), answers.m_focus);
      await expectNoAxeViolations(page, 'level chosen by keyboard');

      // ---- on to the channel vision with Tab and Enter ----
      const vision = sections.indexOf('channel-vision');
      for (let i = 2; i <= vision; i++) {
        await press(scan.button(t.next));
        await scan.waitForStep(i + 1, 10, content.sectionTitle(sections[i]));
        await expectNoAxeViolations(page, `step ${i + 1} reached by keyboard`);
      }

      // ---- level with current and desired ----
      const central = content.questionText('v_central');
      const desiredRadios = scan.question(central).getByRole('radio', { name: new RegExp(`^${t.desiredLevel}: `) });
      // Until a current level is chosen, the desired levels cannot be, and the question says
      // so, also to each desired level's description.
      const first = scan.question(central).getByText(t.desiredAfterCurrent, { exact: true });
      assert.ok(await first.isVisible(), 'the question says to choose the current situation first');
      assert.ok(await desiredRadios.first().evaluate((el, text) => (el.getAttribute('aria-describedby') ?? '').split(' ')
        .some((id) => document.getElementById(id)?.textContent === text), t.desiredAfterCurrent));
      await scan.tabTo(scan.currentLevel(central, content.levelLabel('v_central', 1)));
      await scan.chooseRadioWithKeyboard(currentRadios(central), scan.currentLevel(central, content.levelLabel('v_central', 3)));
      await waitForElement(desiredRadios.first(), (el) => !el.disabled);
      assert.equal(await first.count(), 0, 'the hint goes once the current level is chosen');
      await page.keyboard.press('Tab');
      const inDesired = await desiredRadios.evaluateAll((els) => els.includes(document.activeElement));
      assert.ok(inDesired, `Tab from the current level goes to the desired levels; focus is on ${await scan.describeFocus()}`);
      await scan.chooseRadioWithKeyboard(desiredRadios, scan.desiredLevel(central, content.levelLabel('v_central', 5)));
      assert.deepEqual(await scan.shownAnswer(content, 'v_central'), answers.v_central);
      await expectNoAxeViolations(page, 'current and desired level chosen by keyboard');

      await press(scan.button(t.next));
      await scan.waitForStep(10, 10, content.sectionTitle(sections[9]));
      await expectNoAxeViolations(page, 'step 10 reached by keyboard');
      await press(scan.button(t.seeResults));
      await scan.focusedStepHeading(t.resultsHeading).waitFor();
      const engine = Object.fromEntries(expected.dimensions.map((d) => [d.label, d.display ?? t.notEnoughAnswers]));
      assert.deepEqual(await scan.allScores(), engine, 'the report has the engine\'s scores for the keyboard answers');
      await expectNoAxeViolations(page, 'report after the keyboard answers');
      assert.deepEqual(session.errors(), [], 'no console errors or page errors');

      // Giving the last point with + disables that button; focus must not fall to the page.
      assert.deepEqual(focusAfterLastPoint, { inQuestion: true, onBody: false },
        'after the last point is given with "+", keyboard focus stays in the question');
    } finally {
      await session.close();
    }
  });
});
