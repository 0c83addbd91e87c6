// Journey 10: a 320 px wide screen, and 200 % browser zoom on a 1280 px window (a 640 × 450
// CSS-pixel viewport with two device pixels to each, which is how the browser lays it out).
// No screen may scroll sideways: the welcome screen, a step of each question type (allocation,
// likert and level, bipolar, single and multiple choice, number, level with a desired level)
// and the report, with its share link and explanations open.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { expectNoAxeViolations } from '../lib/axe.mjs';
import { newPage, useServerAndBrowser } from '../lib/browser.mjs';
import { AssessmentText, DEFAULT_CONTENT, DIST_MISSING, ScanPage } from '../lib/scan-page.mjs';
import { DIST_DIR } from '../lib/server.mjs';

const LAYOUTS = [
  { name: '320 px wide', viewport: { width: 320, height: 640 }, deviceScaleFactor: 1 },
  { name: '200 % zoom (a 1280 px window)', viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 },
];

/**
 * The page's horizontal overflow: its scroll width, the window's width, how far it actually
 * scrolls sideways, and the elements sticking out on the right (to say what to fix).
 */
function overflow(page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    window.scrollTo(100000, window.scrollY);
    const scrolled = window.scrollX;
    window.scrollTo(0, window.scrollY);
    const width = root.clientWidth;
    const culprits = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5 && el.getClientRects().length)
      .filter((el) => ![...el.children].some((c) => c.getBoundingClientRect().right > width + 0.5))
      .slice(0, 5)
      .map((el) => `<${el.tagName.toLowerCase()} class="${el.className?.baseVal ?? el.className}"> ` +
        `"${(el.textContent || '').trim().slice(0, 50)}" right=${Math.round(el.getBoundingClientRect().right)}`);
    return { scrollWidth: root.scrollWidth, width, innerWidth: window.innerWidth, scrolled, culprits };
  });
}

describe('narrow viewport and zoom', () => {
  const env = useServerAndBrowser({ root: DIST_DIR }, { skip: DIST_MISSING });

  for (const layout of LAYOUTS) {
    test(`no horizontal scroll at ${layout.name}`, { skip: DIST_MISSING, timeout: 180_000 }, async () => {
      const content = await AssessmentText.load(DEFAULT_CONTENT, 'en');
      const session = await newPage(env.browser, { viewport: layout.viewport, deviceScaleFactor: layout.deviceScaleFactor });
      const { page } = session;
      const scan = new ScanPage(page, env.server.url);
      const t = scan.t;
      const problems = [];
      const check = async (screen) => {
        const o = await overflow(page);
        if (o.scrollWidth > layout.viewport.width || o.scrolled !== 0) {
          problems.push(`${screen}: scrollWidth ${o.scrollWidth} > ${layout.viewport.width} (scrolls ${o.scrolled} px sideways); ` +
            `sticking out: ${o.culprits.join('; ') || 'nothing found'}`);
        }
        await expectNoAxeViolations(page, `${screen} at ${layout.name}`);
      };
      const sections = content.json.sections.map((s) => s.id);
      let step = 0;
      // Step 8 asks for the estimate, which adds the calculator: 11 steps from then on.
      const next = async () => {
        await scan.next();
        step++;
        await scan.waitForStep(step, step >= 9 ? 11 : 10, content.sectionTitle(sections[step - 1]));
        await check(`step ${step}`);
      };

      try {
        await scan.open({ lang: 'en' });
        await scan.button(t.start).waitFor();
        assert.equal(await page.evaluate(() => devicePixelRatio), layout.deviceScaleFactor);
        await check('welcome screen');
        await scan.start();
        step = 1;
        await scan.waitForStep(1, 10, content.sectionTitle('proposition'));

        await scan.answerQuestion(content, 'a_win', { oe: 5, ci: 3, pl: 2 }, { allocation: 'typing' });
        await check('allocation step');
        await next(); // likert and level
        await scan.answerQuestion(content, 't_oe', 4);
        await scan.answerQuestion(content, 'm_focus', { current: 2 });
        await check('likert and level step');
        await next(); // bipolar
        await scan.answerQuestion(content, 'mkt_proc', 1);
        await scan.answerQuestion(content, 'mkt_org', 5);
        await check('bipolar step');
        await next();
        await next();
        await next(); // single choice, and the multiple choice it opens
        await scan.answerQuestion(content, 'split', 'dept');
        await scan.answerQuestion(content, 'split_fn', ['mkt', 'cs']);
        await scan.answerQuestion(content, 'cx', 'tailored');
        await check('single and multiple choice step');
        await next();
        await next(); // delivery: ask for the estimate
        await scan.answerQuestion(content, 'calc', 'yes');
        await page.getByText(t.step(8, 11), { exact: true }).waitFor();
        await check('delivery step');
        await next(); // the calculator: numbers
        await scan.answerQuestion(content, 'c_new', 1000000);
        await scan.answerQuestion(content, 'c_cac', 10000000);
        await scan.answerQuestion(content, 'c_lost', 100);
        await check('number step');
        await next(); // level with current and desired
        await scan.answerQuestion(content, 'v_central', { current: 2, desired: 5 });
        await check('level step with desired levels');
        await scan.stepIndexToggle().click();
        await scan.stepIndexButton(content.sectionTitle('proposition')).waitFor();
        await check('step index open');
        await next();
        await scan.seeResults();
        await check('report');

        await scan.makeShareLink();
        await page.getByText(t.why, { exact: true }).first().click();
        await page.getByText(`${t.whatMoved} ${content.text(content.json.dimensions.find((d) => d.id === 'oe').label)}`, { exact: true }).click();
        await check('report with the share link and explanations open');

        assert.deepEqual(problems, [], 'screens that scroll sideways');
        assert.deepEqual(session.errors(), [], 'no console errors or page errors');
      } finally {
        await session.close();
      }
    });
  }
});
