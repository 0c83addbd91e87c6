// Journey 10: a 320 px wide screen, and 200 % browser zoom on a 1280 px window (a 640 × 450
// CSS-pixel viewport with two device pixels to each, which is how the browser lays it out).
// No screen may scroll sideways: the welcome screen, a step of each question type (allocation,
// likert and level, bipolar, single and multiple choice, number, level with a desired level)
// and the report, with its share link and explanations open.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { expectNoAxeViolations } from '../lib/axe.mjs';
import { newPage, useServerAndBrowser } from '../lib/browser.mjs';
import { AssessmentText, DEFAULT_CONTENT, DIST_MISSING, ScanPage, saveBeforeLoad, savedAt } from '../lib/scan-page.mjs';
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

  // Larger text alone (the browser's font size at 32 px, as "very large" sets it), on a phone:
  // the level descriptions and the score tables keep a readable width, and nothing scrolls
  // sideways (1.4.4, 1.4.10).
  for (const lang of ['nl', 'en']) {
    test(`${lang}: 200 % text on a 320 px phone keeps level texts and score tables readable`, { skip: DIST_MISSING }, async () => {
      const session = await newPage(env.browser, { viewport: { width: 320, height: 640 } });
      const { page, context } = session;
      try {
        const cdp = await context.newCDPSession(page);
        await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
        for (const step of ['channel-vision', 'report']) {
          await saveBeforeLoad(page, savedAt(lang, step));
          await page.goto(`${env.server.url}/index.html?lang=${lang}`);
          await page.locator(step === 'report' ? '.sx-scores' : '.sx-level').first().waitFor();
          const o = await overflow(page);
          assert.ok(o.scrollWidth <= 320 && o.scrolled === 0, `${step}: scrolls sideways: ${o.culprits.join('; ')}`);
          // The narrowest box, in ems of its own text: a word of a few letters fits (it was
          // under one letter wide, so every letter took a line).
          const narrowest = await page.evaluate((sel) => Math.min(...[...document.querySelectorAll(sel)].map((e) =>
            e.getBoundingClientRect().width / parseFloat(getComputedStyle(e).fontSize))), step === 'report'
            ? '#app .sx-module .sx-scores td:last-child:not(:empty)' : '#app .sx-level > label');
          assert.ok(narrowest >= 4, `${step}: a box only ${narrowest.toFixed(1)} em wide`);
          if (step === 'report') {
            // Still a table, with row and column headers, as the browser tells assistive
            // technology.
            const { root } = await cdp.send('DOM.getDocument');
            const role = async (selector) => {
              const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
              const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
              return nodes[0]?.role?.value;
            };
            assert.equal(await role('#app .sx-module .sx-scores'), 'table');
            assert.equal(await role('#app .sx-module .sx-scores thead th:nth-child(3)'), 'columnheader');
            assert.equal(await role('#app .sx-module .sx-scores tbody th'), 'rowheader');
            assert.equal(await role('#app .sx-module .sx-scores tbody td:last-child'), 'cell');
          }
        }
        assert.deepEqual(session.errors(), []);
      } finally {
        await session.close();
      }
    });
  }

  // At the usual text size on a phone, short headings and poles keep their words whole.
  test('at 320 px, a key figure whose unit is one long word wraps instead of widening the page', { skip: DIST_MISSING }, async () => {
    const session = await newPage(env.browser, { viewport: { width: 320, height: 640 } });
    const { page } = session;
    try {
      const saved = JSON.stringify({ format: 'sextant-state/1', assessment: 'e2e-long-unit', version: '1', step: 'report',
        locale: 'en', revision: 1, answers: { q1: 4, q2: 5, q3: 2 } });
      await page.addInitScript((value) => {
        if (location.protocol === 'http:') localStorage.setItem('sextant:e2e-long-unit:1', value);
      }, saved);
      const scan = new ScanPage(page, env.server.url);
      await scan.open({ lang: 'en', src: '/fixtures/long-unit.json' });
      const figure = page.locator('.sx-values dd').filter({ hasText: 'klanttevredenheidsonderzoeksresultaatpunten' });
      await figure.waitFor();
      const o = await overflow(page);
      assert.ok(o.scrollWidth <= 320 && o.scrolled === 0,
        `scrolls ${o.scrolled} px sideways; sticking out: ${o.culprits.join('; ')}`);
      assert.deepEqual(session.errors(), []);
    } finally {
      await session.close();
    }
  });

  test('on a 360 px phone, chart table headings and the poles of a scale are not broken inside a word', { skip: DIST_MISSING }, async () => {
    const session = await newPage(env.browser, { viewport: { width: 360, height: 740 } });
    const { page } = session;
    const broken = (sel) => page.evaluate((sel) => [...document.querySelectorAll(sel)].flatMap((el) => {
      const out = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node; (node = walker.nextNode());) {
        for (const m of node.textContent.matchAll(/[\p{L}\p{N}]+/gu)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (lines.size > 1) out.push(m[0]);
        }
      }
      return out;
    }), sel);
    try {
      for (const lang of ['nl', 'en']) {
        for (const [step, sel] of [['report', '#app .sx-chart-table thead th'], ['marketing', '#app .sx-poles > span']]) {
          await saveBeforeLoad(page, savedAt(lang, step));
          await page.goto(`${env.server.url}/index.html?lang=${lang}`);
          await page.locator(sel).first().waitFor();
          assert.ok(await page.locator(sel).count() > 1, sel);
          assert.deepEqual(await broken(sel), [], `${lang} ${step}: words broken in ${sel}`);
        }
      }
      // On a wide screen a heading keeps its natural width: one line.
      await page.setViewportSize({ width: 1024, height: 800 });
      const lines = await page.evaluate(() => [...document.querySelectorAll('#app .sx-chart-table thead th')].map((th) => {
        const range = document.createRange();
        range.selectNodeContents(th);
        return [th.textContent, new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size];
      }).filter(([, n]) => n > 1));
      assert.deepEqual(lines, [], 'headings on more than one line at 1024 px');
    } finally {
      await session.close();
    }
  });
});
