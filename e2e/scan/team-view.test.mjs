// Journey 7: the team view. Three respondents each take the small scan and make a share link;
// the facilitator opens #team, pastes the links and compares. Means and spreads are checked
// against numbers worked out by hand, and the agree/differ lists against the ranking rule.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { expectNoAxeViolations } from '../lib/axe.mjs';
import { launch, newPage } from '../lib/browser.mjs';
import { DIST_MISSING, ScanPage, waitForElement } from '../lib/scan-page.mjs';
import { DIST_DIR, startServer } from '../lib/server.mjs';

const SMALL = '/fixtures/small.json';

// Speed = mean of q1 and q2; Care = (q2 + 2·q3) / 3; a scale point p counts (p − 1) / 4.
const RESPONDENTS = [
  // Speed 100, Care 100
  { name: 'Alice', q1: 'Strongly agree', q2: 'Strongly agree', q3: 'Strongly agree', speed: '100', care: '100' },
  // Speed 50, Care 50
  { name: 'Bob', q1: 'Neutral', q2: 'Neutral', q3: 'Neutral', speed: '50', care: '50' },
  // Speed (0.25 + 0.75)/2 = 50, Care (0.75 + 0)/3 = 25
  { name: null, q1: 'Disagree', q2: 'Agree', q3: 'Strongly disagree', speed: '50', care: '25' },
];
// Speed: mean (100+50+50)/3 = 66.7 → 67, spread 100−50 = 50, population sd 23.6.
// Care:  mean (100+50+25)/3 = 58.3 → 58, spread 100−25 = 75, population sd 31.2.
// With two ranked dimensions, the team agrees most on the one with the smaller sd (Speed)
// and differs most on the other (Care).

describe('team view', () => {
  let server;
  let browser;

  before(async () => {
    if (DIST_MISSING) return;
    server = await startServer({ root: DIST_DIR });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** One respondent takes the small scan in their own browser and makes a share link. */
  async function shareLinkOf(r) {
    const session = await newPage(browser);
    try {
      const scan = new ScanPage(session.page, server.url);
      const who = r.name ?? 'third respondent';
      await scan.open({ lang: 'en', src: SMALL });
      await scan.button(scan.t.start).waitFor();
      await expectNoAxeViolations(session.page, `${who}: welcome screen`);
      await scan.start();
      await scan.waitForStep(1, 2, 'Pace');
      await scan.answer('We deliver quickly.', r.q1);
      await scan.answer('We rarely miss a deadline.', r.q2);
      await expectNoAxeViolations(session.page, `${who}: step 1`);
      await scan.next();
      await scan.waitForStep(2, 2, 'Attention');
      await scan.answer('We listen to every customer.', r.q3);
      await expectNoAxeViolations(session.page, `${who}: step 2`);
      await scan.seeResults();
      assert.deepEqual(await scan.scores(), { Speed: r.speed, Care: r.care }, `${who}: own report`);
      const link = await scan.makeShareLink();
      await expectNoAxeViolations(session.page, `${who}: report with the share link`);
      assert.deepEqual(session.errors(), [], 'no console errors or page errors for a respondent');
      return link;
    } finally {
      await session.close();
    }
  }

  test('three share links pasted and compared: means, spreads, agree and differ', { skip: DIST_MISSING, timeout: 120_000 }, async () => {
    const links = [];
    for (const r of RESPONDENTS) links.push(await shareLinkOf(r));
    assert.equal(new Set(links).size, 3, 'three different links');

    const session = await newPage(browser);
    const { page } = session;
    const scan = new ScanPage(page, server.url);
    const t = scan.t;
    try {
      await scan.open({ lang: 'en', src: SMALL, hash: 'team' });
      const heading = page.getByRole('heading', { level: 1, name: t.team, exact: true });
      await heading.waitFor();
      await waitForElement(heading, (el) => el === document.activeElement);
      await expectNoAxeViolations(page, 'team view, empty');

      const pasted = RESPONDENTS.map((r, i) => (r.name ? `${r.name}: ${links[i]}` : links[i]));
      await page.getByLabel(t.teamLinks, { exact: true }).fill([...pasted, 'not a share link'].join('\n'));
      await scan.button(t.compare).click();

      const table = scan.teamTable(3);
      await table.waitFor();
      assert.deepEqual(await scan.tableRows(table), [
        [t.dimension, t.mean, t.spread, 'Alice', 'Bob', `${t.member} 3`],
        ['Speed', '67', '50', '100', '50', '50'],
        ['Care', '58', '75', '100', '50', '25'],
      ]);
      assert.deepEqual(await scan.listAfterHeading(t.agreeMost), ['Speed']);
      assert.deepEqual(await scan.listAfterHeading(t.differMost), ['Care']);
      const members = await scan.listAfterHeading(t.members);
      assert.deepEqual(members.map((m) => m.split(':')[0]), ['Alice', 'Bob', `${t.member} 3`]);

      // The line that is not a link is named, not silently dropped.
      const skipped = page.getByRole('status').filter({ hasText: t.skippedLines });
      await skipped.waitFor();
      assert.match(await skipped.innerText(), /#4: /, 'the fourth line is reported as not read');
      await expectNoAxeViolations(page, 'team view with the comparison');

      await scan.button(t.backToScan).click();
      await scan.button(t.start).waitFor();
      assert.equal(new URL(page.url()).hash, '', 'leaving the team view clears #team');
      await expectNoAxeViolations(page, 'welcome screen after the team view');

      assert.deepEqual(session.errors(), [], 'no console errors or page errors');
    } finally {
      await session.close();
    }
  });
});
