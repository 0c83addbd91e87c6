// The user journeys, written once against the ScanPage contract. The
// skeleton spec runs them against the built widget in dist/; the harness
// self-test runs them against e2e/mock-widget/ to prove the page object and
// the assertions themselves work.

import assert from 'node:assert/strict';
import { expectNoAxeViolations } from './axe.mjs';
import { ScanPage } from './scan-page.mjs';

/**
 * Complete e2e/fixtures/small.json with mouse and keyboard, going back once,
 * with an axe check on every screen.
 * @param {{page: import('playwright-core').Page, errors: () => string[]}} session from newPage()
 * @param {string} baseUrl
 */
export async function smallScanJourney(session, baseUrl) {
  const scan = new ScanPage(session.page, baseUrl);

  await scan.open({ lang: 'en', src: '/fixtures/small.json' });
  await scan.titleHeading().filter({ hasText: 'Small test scan' }).waitFor();
  await scan.button('Start').waitFor();
  await expectNoAxeViolations(session.page, 'welcome screen');

  await scan.start();
  await scan.waitForStep(1, 2, 'Pace');
  assert.equal(await scan.progressText(), 'Step 1 of 2');
  assert.equal(await scan.progressBar().count(), 1, 'one progressbar on the step');

  await scan.answer('We deliver quickly.', 'Agree');
  await scan.answerWithKeyboard('We rarely miss a deadline.', 'Strongly agree');
  assert.ok(await scan.option('We deliver quickly.', 'Agree').isChecked());
  assert.ok(await scan.option('We rarely miss a deadline.', 'Strongly agree').isChecked());
  await scan.option('We deliver quickly.', "Don't know / not applicable").waitFor({ state: 'attached' });
  await expectNoAxeViolations(session.page, 'step 1 (answered)');

  await scan.next();
  await scan.waitForStep(2, 2, 'Attention');
  assert.equal(await scan.progressText(), 'Step 2 of 2');

  await scan.back();
  await scan.waitForStep(1, 2, 'Pace');
  assert.ok(await scan.option('We deliver quickly.', 'Agree').isChecked(), 'answer kept after Back');
  assert.ok(await scan.option('We rarely miss a deadline.', 'Strongly agree').isChecked(), 'answer kept after Back');

  await scan.next();
  await scan.waitForStep(2, 2, 'Attention');
  await scan.answer('We listen to every customer.', 'Disagree');
  await expectNoAxeViolations(session.page, 'step 2 (answered)');

  await scan.seeResults();
  await expectNoAxeViolations(session.page, 'result screen');
  // Speed = 100·(0.75 + 1.0)/2 = 87.5 → 88; Care = 100·(1·1.0 + 2·0.25)/3 = 50.
  assert.deepEqual(await scan.scores(), { Speed: '88', Care: '50' });

  assert.deepEqual(session.errors(), [], 'no console errors or page errors');
}

/** Load e2e/fixtures/broken.json and expect an alert naming the faulty field. */
export async function brokenScanJourney(session, baseUrl) {
  const scan = new ScanPage(session.page, baseUrl);
  await scan.open({ lang: 'en', src: '/fixtures/broken.json' });
  const text = await scan.errorText();
  assert.ok(text.startsWith('This assessment could not be loaded'), `alert text: ${text}`);
  assert.ok(text.includes('sections[0].questions[1].scale'), `alert names the fault path: ${text}`);
  await expectNoAxeViolations(session.page, 'load error screen');
}
