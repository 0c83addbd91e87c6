// Journey 1: a visitor answers every step of the default assessment (the Commercial
// Excellence Scan) and reads the report, once in Dutch and once in English. The numbers on
// the report must be the engine's: the same answers are scored by the CLI.

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

// The browser's own language is deliberately the other one: the report must follow the
// language the visitor chose, not the browser's.
const RUNS = [
  { lang: 'nl', browserLocale: 'en-US', answers: 'scan-answers-nl.json' },
  { lang: 'en', browserLocale: 'nl-NL', answers: 'scan-answers-en.json' },
];

/** A number as the report's language writes a whole amount (12.345 in Dutch, 12,345 in English). */
function grouped(value, lang) {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(value);
}

/** Text with every run of white space (including no-break spaces) as one space. */
const squash = (s) => s.replace(/\s+/g, ' ').trim();

describe('full scan of the default assessment', () => {
  const env = useServerAndBrowser({ root: DIST_DIR }, { skip: DIST_MISSING });

  for (const run of RUNS) {
    test(`every step answered in ${run.lang}, report equals the engine's`, { skip: DIST_MISSING, timeout: 240_000 }, async () => {
      const content = await AssessmentText.load(DEFAULT_CONTENT, run.lang);
      const answers = JSON.parse(await readFile(path.join(FIXTURES_DIR, run.answers), 'utf8'));
      const expected = await engineScore(DEFAULT_CONTENT, answers, run.lang);
      assert.equal(expected.locale, run.lang, 'the engine scored in the requested language');

      const session = await newPage(env.browser, { locale: run.browserLocale });
      const { page } = session;
      const scan = new ScanPage(page, env.server.url);
      scan.useLanguage(run.lang);
      const t = scan.t;
      try {
        await scan.open({ lang: run.lang });
        await scan.titleHeading().filter({ hasText: content.title }).waitFor();
        await scan.button(t.start).waitFor();
        assert.equal(await scan.currentLanguage(), run.lang === 'nl' ? 'Nederlands' : 'English');
        await expectNoAxeViolations(page, `${run.lang}: welcome screen`);

        await scan.start();

        // Every section is shown: the calculator too, because the visitor asks for the estimate.
        const sections = content.json.sections.map((s) => s.id);
        const calculatorAt = sections.indexOf('calculator');
        assert.ok(calculatorAt > 0, 'the default assessment has a calculator step');
        let allocations = 0;
        for (const [i, id] of sections.entries()) {
          const title = content.sectionTitle(id);
          const count = i < calculatorAt ? sections.length - 1 : sections.length;
          await scan.waitForStep(i + 1, count, title);
          assert.equal(await scan.progressText(), t.step(i + 1, count));

          for (const q of content.section(id).questions) {
            if (!(q.id in answers)) continue;
            // Half of the allocations with the + buttons, half by typing the numbers.
            const how = q.type === 'allocation' ? (allocations++ % 2 === 0 ? 'buttons' : 'typing') : 'buttons';
            await scan.answerQuestion(content, q.id, answers[q.id], { allocation: how });
          }
          if (content.section(id).questions.some((q) => q.id === 'calc')) {
            // Choosing the estimate adds the calculator step to the count.
            await page.getByText(t.step(i + 1, sections.length), { exact: true }).waitFor();
          }
          // Every answer of the step is still shown once the step is done.
          for (const q of content.section(id).questions) {
            if (q.id in answers) await scan.expectShown(content, q.id, answers[q.id]);
          }
          await expectNoAxeViolations(page, `${run.lang}: step ${i + 1} (${title}), answered`);

          if (i === sections.length - 1) await scan.seeResults();
          else await scan.next();
        }

        // ---- the report ----
        await scan.focusedStepHeading(t.resultsHeading).waitFor();
        await expectNoAxeViolations(page, `${run.lang}: report`);

        assert.ok(expected.headline, 'these answers give a headline');
        await scan.headline(expected.headline).waitFor();
        for (const profile of expected.profiles.slice(1)) {
          await page.getByRole('paragraph').filter({ hasText: `${profile.label}: ${profile.headline}` }).first().waitFor();
        }
        // Each matching profile's description, the headline's first.
        const descriptions = expected.profiles.filter((p) => p.description).map((p) => p.description);
        assert.ok(descriptions.length > 0, 'these answers match profiles with a description');
        assert.deepEqual(
          (await page.locator('.sx-profile-description').allInnerTexts()).map((s) => s.trim()),
          descriptions,
        );

        // One section per module, in file order, then the key figures and the recommendations.
        const modules = (await scan.moduleHeadings().allInnerTexts()).map((s) => s.trim());
        assert.deepEqual(modules, [...content.groupLabels(), t.keyFigures, t.recommendations]);
        // Every labelled value, as the engine wrote it; one with none is said in words.
        assert.ok(expected.computed.length > 0, 'the assessment has labelled values');
        const figures = await page.locator('.sx-values > div').evaluateAll((rows) =>
          rows.map((r) => [r.querySelector('dt').textContent, r.querySelector('dd').textContent]));
        assert.deepEqual(figures, expected.computed.map((c) => [c.label, c.display === '—' ? `—${t.noValue}` : c.display]));

        // Every chart the engine made is drawn under its own module, with its table.
        const groupLabel = Object.fromEntries(content.json.groups.map((g) => [g.id, content.text(g.label)]));
        for (const group of content.json.groups) {
          assert.ok(expected.charts.some((c) => c.group === group.id && c.kind !== 'estimate'),
            `module ${group.id} has a chart with a drawing`);
        }
        let estimate;
        for (const chart of expected.charts) {
          let figure;
          if (chart.kind === 'estimate') {
            figure = scan.figureWithCaption(chart.title);
            await figure.waitFor();
            estimate = { chart, figure };
          } else {
            figure = scan.chartFigure(chart.title);
            await figure.waitFor();
            const drawing = scan.chartDrawing(chart.title);
            assert.equal(await drawing.evaluate((el) => el.tagName.toLowerCase()), 'svg', `${chart.id} is drawn as svg`);
            assert.ok(await drawing.isVisible(), `${chart.id}: the drawing is visible`);
            await scan.chartTable(chart.title).waitFor();
            if (chart.kind === 'bars') {
              // The table under the drawing carries the engine's numbers.
              const rows = await scan.tableRows(scan.chartTable(chart.title));
              for (const item of chart.items.filter((x) => x.value !== null)) {
                const row = rows.find((r) => r[0] === item.label);
                assert.ok(row, `${chart.id}: a row for ${item.label}`);
                assert.equal(row[1], item.display, `${chart.id}: ${item.label}`);
              }
            }
          }
          // The figure sits between its module's heading and the next one.
          const heading = scan.moduleHeadings().filter({ hasText: groupLabel[chart.group] });
          const next = scan.moduleHeadings().nth(content.json.groups.findIndex((g) => g.id === chart.group) + 1);
          const placed = await figure.evaluate((fig, [h, n]) =>
            Boolean(h.compareDocumentPosition(fig) & Node.DOCUMENT_POSITION_FOLLOWING) &&
            Boolean(n.compareDocumentPosition(fig) & Node.DOCUMENT_POSITION_PRECEDING),
          [await heading.elementHandle(), await next.elementHandle()]);
          assert.ok(placed, `${chart.id} is shown in the module "${groupLabel[chart.group]}"`);
        }

        // Every score is the engine's.
        const shown = await scan.allScores();
        const engine = Object.fromEntries(expected.dimensions.map((d) => [d.label, d.display ?? t.notEnoughAnswers]));
        assert.deepEqual(shown, engine);

        // The recommendations, in the engine's order: the six most urgent first (the
        // content's top_recommendations), the others behind "N more recommendations".
        const titles = expected.recommendations.map((r) => r.title);
        const top = content.json.top_recommendations;
        assert.equal(top, 6);
        assert.equal(expected.top_recommendations, top);
        assert.ok(titles.length > top, 'these answers trigger more recommendations than come first');
        assert.deepEqual(await scan.recommendationTitles(), titles.slice(0, top));
        const more = scan.moreRecommendations(titles.length - top);
        await more.click();
        await scan.page.getByRole('heading', { level: 4, name: titles[top], exact: true }).waitFor();
        assert.deepEqual(await scan.recommendationTitles(), titles);
        const numbers = await scan.page.locator('.sx-recommendations ol').evaluateAll((lists) =>
          lists.map((ol) => [ol.start, ol.children.length]));
        assert.deepEqual(numbers, [[1, top], [top + 1, titles.length - top]], 'numbered on from 7');

        assert.deepEqual(session.errors(), [], 'no console errors or page errors');

        // The estimate's amount, with its digits grouped the way the report's language writes
        // them: "180.000" in Dutch is a hundred and eighty thousand, "180,000" is not.
        assert.ok(estimate, 'the engine made an estimate chart');
        const item = estimate.chart.items[0];
        assert.ok(item.value > 1000, 'the estimate is large enough to show digit grouping');
        const text = squash(await estimate.figure.innerText());
        const amount = `${estimate.chart.unit} ${grouped(item.value, run.lang)}`;
        assert.ok(text.includes(amount),
          `the estimate reads "${amount}" in ${run.lang} (the engine's ${item.value}); the figure says: ${text}`);
        // The same amount among the key figures reads the same way.
        const same = figures.filter(([, value]) => squash(value) === amount);
        assert.equal(same.length, 1, `the key figures show "${amount}" as the estimate does: ${JSON.stringify(figures)}`);
      } finally {
        await session.close();
      }
    });
  }
});

