// Journey 8: printing the report. Under print media the buttons are hidden, the charts are
// still drawn, and every module starts on a new page; printed to an A4 PDF the report takes
// more than one page, at least one per module.
//
// The report is reached the quick way: through the steps without answering, then "Import
// earlier answers" with a full set of answers (e2e/fixtures/scan-export-en.json).

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';

import { expectNoAxeViolations } from '../lib/axe.mjs';
import { newPage, useServerAndBrowser } from '../lib/browser.mjs';
import {
  AssessmentText, DEFAULT_CONTENT, DIST_MISSING, ScanPage, engineScore,
} from '../lib/scan-page.mjs';
import { DIST_DIR, FIXTURES_DIR } from '../lib/server.mjs';

const EXPORT = path.join(FIXTURES_DIR, 'scan-export-en.json');

/** The number of page objects in a PDF (`/Type /Page`, not the `/Type /Pages` tree nodes). */
function pdfPageCount(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

describe('print to PDF', () => {
  const env = useServerAndBrowser({ root: DIST_DIR }, { skip: DIST_MISSING });

  test('print media hides the buttons, keeps the charts, one module per page', { skip: DIST_MISSING, timeout: 120_000 }, async () => {
    const answers = JSON.parse(await readFile(EXPORT, 'utf8')).answers;
    const expected = await engineScore(DEFAULT_CONTENT, answers, 'en');
    const content = await AssessmentText.load(DEFAULT_CONTENT, 'en');
    const session = await newPage(env.browser);
    const { page } = session;
    const scan = new ScanPage(page, env.server.url);
    const t = scan.t;
    const buttons = [t.print, t.exportJson, t.exportCsv, t.share, t.back, t.startOver, t.deleteAnswers];
    try {
      await scan.open({ lang: 'en' });
      await scan.button(t.start).waitFor();
      await expectNoAxeViolations(page, 'welcome screen');
      await scan.start();
      await scan.skipToReport({ onStep: (at) => expectNoAxeViolations(page, `${at}, empty`) });
      await expectNoAxeViolations(page, 'report without answers');
      await scan.importField().setInputFiles(EXPORT);
      await scan.notice(t.imported).waitFor();
      const engine = Object.fromEntries(expected.dimensions.map((d) => [d.label, d.display ?? t.notEnoughAnswers]));
      await page.getByRole('cell', { name: engine['Explicit choice'], exact: true }).first().waitFor();
      assert.deepEqual(await scan.allScores(), engine, 'the full report is on screen');
      for (const name of buttons) assert.ok(await scan.button(name).isVisible(), `"${name}" is shown on screen`);
      await expectNoAxeViolations(page, 'report on screen');

      // ---- print media ----
      await page.emulateMedia({ media: 'print' });
      for (const name of buttons) {
        const button = page.getByRole('button', { name, exact: true, includeHidden: true });
        assert.equal(await button.count(), 1, `"${name}" is still in the page`);
        assert.equal(await button.isVisible(), false, `"${name}" is hidden in print`);
      }
      assert.equal(await scan.importField().isVisible(), false, 'the import field is hidden in print');
      assert.equal(await page.getByRole('status', { includeHidden: true }).filter({ hasText: t.imported }).isVisible(), false,
        'the import message is hidden in print');

      const charts = expected.charts.filter((c) => c.kind !== 'estimate');
      assert.ok(charts.length >= 4, 'the report has a drawn chart per module');
      for (const chart of charts) {
        const drawing = scan.chartDrawing(chart.title);
        assert.equal(await drawing.evaluate((el) => el.tagName.toLowerCase()), 'svg');
        assert.ok(await drawing.isVisible(), `${chart.id}: the svg is visible in print`);
        const box = await drawing.boundingBox();
        assert.ok(box && box.width > 50 && box.height > 50, `${chart.id}: the svg has a size in print (${JSON.stringify(box)})`);
        assert.ok(await scan.chartTable(chart.title).isVisible(), `${chart.id}: its table is printed too`);
      }

      // Every module after the first starts a new page.
      const modules = await scan.moduleHeadings().all();
      const breaks = [];
      for (const heading of modules) {
        breaks.push(await heading.evaluate((h) => [h.textContent, getComputedStyle(h.parentElement).breakBefore]));
      }
      assert.deepEqual(breaks.map(([name]) => name), [...content.groupLabels(), t.keyFigures, t.recommendations],
        'the modules, the key figures and the recommendations');
      assert.notEqual(breaks[0][1], 'page', 'the first module follows the headline on page 1');
      for (const [name, value] of breaks.slice(1)) {
        // The key figures, a short list, follow the last module on its page.
        assert.equal(value, name === t.keyFigures ? 'auto' : 'page', `"${name}" ${name === t.keyFigures ? 'follows on' : 'starts'} a page`);
      }

      await expectNoAxeViolations(page, 'report under print media');
      const pdf = await page.pdf({ format: 'A4' });
      assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
      const pages = pdfPageCount(pdf);
      assert.ok(pages > 1, `the report takes more than one page (${pages})`);
      assert.ok(pages >= modules.length, `at least one page per module: ${pages} pages for ${modules.length} modules`);

      // Back to the screen: the buttons are there again.
      await page.emulateMedia({ media: 'screen' });
      await scan.button(t.print).waitFor();

      assert.deepEqual(session.errors(), [], 'no console errors or page errors');
    } finally {
      await session.close();
    }
  });

  test('the dark theme prints in the light theme\'s colours; every recommendation is printed, however the print starts', { skip: DIST_MISSING, timeout: 120_000 }, async () => {
    const answers = JSON.parse(await readFile(EXPORT, 'utf8')).answers;
    const expected = await engineScore(DEFAULT_CONTENT, answers, 'en');
    const titles = expected.recommendations.map((r) => r.title);
    const top = expected.top_recommendations;
    assert.ok(titles.length > top, `these answers trigger more than ${top} recommendations`);
    const session = await newPage(env.browser);
    const { page } = session;
    const scan = new ScanPage(page, env.server.url);
    const t = scan.t;
    try {
      await page.emulateMedia({ colorScheme: 'dark' });
      await scan.open({ lang: 'en' });
      await scan.start();
      await scan.skipToReport();
      await scan.importField().setInputFiles(EXPORT);
      await scan.notice(t.imported).waitFor();
      const label = page.locator('.sx-recommendation .sx-muted').first();
      await label.waitFor();
      const colour = () => label.evaluate((el) => getComputedStyle(el).color);
      assert.equal(await colour(), 'rgb(183, 192, 204)', 'light grey on the dark screen');
      const more = scan.moreRecommendations(titles.length - top);
      const isOpen = () => more.evaluate((summary) => summary.parentElement.open);
      assert.equal(await isOpen(), false);
      assert.deepEqual(await scan.recommendationTitles(), titles.slice(0, top), 'on screen, the others wait behind their summary');

      // A print started by the host page's own script: the browser says so inside the call,
      // and lays the page out before anything else runs. Everything is there at once.
      const atOnce = await page.evaluate(() => {
        window.dispatchEvent(new Event('beforeprint'));
        const shown = [...document.querySelectorAll('.sx-recommendation h4')].filter((h) => h.checkVisibility());
        window.dispatchEvent(new Event('afterprint'));
        return shown.map((h) => h.textContent.trim());
      });
      assert.deepEqual(atOnce, titles);
      assert.equal(await isOpen(), false);

      // Printing from the browser's menu: the browser says so before it lays out the page.
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
      assert.equal(await colour(), 'rgb(74, 83, 96)', 'dark grey on paper');
      await page.getByRole('heading', { level: 4, name: titles.at(-1), exact: true }).waitFor();
      assert.ok(await isOpen());
      assert.deepEqual(await scan.recommendationTitles(), titles, 'every recommendation is printed');
      await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
      await page.emulateMedia({ media: 'screen', colorScheme: 'dark' });
      assert.equal(await isOpen(), false, 'closed again after printing');

      // The Print button: the print starts with every recommendation already on the page.
      await page.evaluate(() => {
        window.print = () => {
          window.__printed = {
            open: document.querySelector('.sx-more').open,
            titles: [...document.querySelectorAll('.sx-recommendation h4')].map((h) => h.textContent.trim()),
          };
        };
      });
      await scan.button(t.print).click();
      await page.waitForFunction(() => window.__printed);
      const printed = await page.evaluate(() => window.__printed);
      assert.equal(printed.open, true);
      assert.deepEqual(printed.titles, titles);
      await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
      assert.equal(await isOpen(), false);

      // Opened by the visitor, it stays open after printing.
      await more.click();
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
      assert.equal(await isOpen(), true);
      assert.deepEqual(session.errors(), [], 'no console errors or page errors');
    } finally {
      await session.close();
    }
  });
});
