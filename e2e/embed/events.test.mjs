// The events a <sextant-scan> dispatches for its host (src/host.rs): sextant:ready,
// sextant:step on every step, sextant:complete with the whole result, sextant:error. Every one is
// listened for on `document`, so it must bubble and be composed, and it must be dispatched on the
// element itself.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';

import { expectNoAxeViolations } from '../lib/axe.mjs';
import { REPO_ROOT } from '../lib/server.mjs';
import {
  EmbedScan, SMALL, addScan, assertNoErrors, events, recordEvents, skip, useBrowser, waitForEvents,
} from './embed-page.mjs';

const HOST = '/fixtures/embed-host.html';

/** Every recorded event bubbled, was composed, and came from the element `#id`. */
function assertDispatch(list, id) {
  assert.ok(list.length > 0, 'events were recorded');
  for (const e of list) {
    assert.equal(e.bubbles, true, `${e.type} bubbles`);
    assert.equal(e.composed, true, `${e.type} is composed`);
    assert.equal(e.target, `sextant-scan#${id}`, `${e.type}: event.target is the element`);
    assert.equal(e.dispatchedOn, `sextant-scan#${id}`, `${e.type} is dispatched on the element itself`);
  }
}

describe('events', () => {
  const ctx = useBrowser();

  test('sextant:ready carries { assessment, version, title, locale }', { skip, timeout: 60_000 }, async () => {
    await ctx.session(async (session) => {
      const { page } = session;
      await recordEvents(page);
      await page.goto(`${ctx.server.url}${HOST}`);
      const element = await addScan(page, { lang: 'en', src: '/fixtures/small.json', 'storage-key': 'ev-ready' });
      await new EmbedScan(element, 'en').waitForWelcome(SMALL.title);
      const ready = await waitForEvents(page, 'ready');
      assert.equal(ready.length, 1, 'one sextant:ready');
      assertDispatch(ready, 'scan');
      assert.deepEqual(ready[0].detail, { assessment: 'e2e-small', version: '1', title: SMALL.title, locale: 'en' },
        'the detail documented in src/host.rs');
      assertNoErrors(session);
    });
  });

  test('sextant:step on every step and sextant:complete with the full result (small scan)', { skip, timeout: 90_000 }, async () => {
    await ctx.session(async (session) => {
      const { page } = session;
      await recordEvents(page);
      await page.goto(`${ctx.server.url}${HOST}`);
      const element = await addScan(page, { lang: 'en', src: '/fixtures/small.json', 'storage-key': 'ev-small' });
      const scan = new EmbedScan(element, 'en');
      await scan.waitForWelcome(SMALL.title);
      await expectNoAxeViolations(page, 'events: welcome');
      const step = (index, section) => ({ index, count: 2, section });
      const steps = async () => (await events(page, 'step')).map((e) => e.detail);

      await waitForEvents(page, 'step', 1);
      assert.deepEqual(await steps(), [step(0, null)], 'the welcome screen is step 0');

      await scan.start();
      await scan.waitForStep(1, 2, 'Pace');
      await scan.answer(...SMALL.answers[0]);
      await scan.answer(...SMALL.answers[1]);
      await expectNoAxeViolations(page, 'events: step 1');
      await scan.next();
      await scan.waitForStep(2, 2, 'Attention');
      await scan.back();
      await scan.waitForStep(1, 2, 'Pace');
      await scan.next();
      await scan.waitForStep(2, 2, 'Attention');
      await scan.answer(...SMALL.answers[2]);
      await expectNoAxeViolations(page, 'events: step 2');
      assert.equal((await events(page, 'complete')).length, 0, 'no sextant:complete before the report');
      await scan.seeResults();
      await expectNoAxeViolations(page, 'events: report');

      const [complete] = await waitForEvents(page, 'complete');
      assert.deepEqual(await steps(), [
        step(0, null), step(1, 'pace'), step(2, 'attention'), step(1, 'pace'), step(2, 'attention'), step(3, null),
      ], 'one sextant:step per step shown, the report as count + 1');

      const shown = await scan.scores();
      assert.deepEqual(shown, SMALL.scores);
      const detail = complete.detail;
      assert.equal(detail.format, 'sextant-export/1');
      assert.equal(detail.assessment, 'e2e-small');
      assert.equal(detail.version, '1');
      assert.deepEqual(detail.answers, SMALL.exported);
      assert.equal(detail.report.title, SMALL.title);
      assert.equal(detail.report.locale, 'en');
      assert.deepEqual(Object.fromEntries(detail.report.dimensions.map((d) => [d.label, d.display])), shown,
        'the scores in the event are the scores on the page');
      assert.deepEqual(detail.report.dimensions.map((d) => d.score), [87.5, 50]);
      assert.deepEqual(detail.report.profiles, []);
      assert.deepEqual(detail.report.recommendations, []);
      await scan.scope.getByText(scan.t.noRecommendations).waitFor();

      // The detail is the export the visitor can download.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        scan.button('Export answers (JSON)').click(),
      ]);
      const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
      assert.deepEqual(detail, exported, 'sextant:complete carries exactly the JSON export');

      assertDispatch(await events(page), 'scan');
      assertNoErrors(session);
    });
  });

  test('sextant:complete on the built-in scan: profiles and recommendations as on the page', { skip, timeout: 240_000 }, async () => {
    const content = JSON.parse(await readFile(path.join(REPO_ROOT, 'content', 'commercial-excellence-scan.json'), 'utf8'));
    await ctx.session(async (session) => {
      const { page } = session;
      await recordEvents(page);
      await page.goto(`${ctx.server.url}${HOST}`);
      const element = await addScan(page, { lang: 'en', 'storage-key': 'ev-built-in' });
      const scan = new EmbedScan(element, 'en');
      await scan.waitForWelcome('Commercial Excellence Scan');
      const passed = await scan.completeScan();
      await expectNoAxeViolations(page, 'events: built-in report');

      const [complete] = await waitForEvents(page, 'complete');
      const { answers, report } = complete.detail;
      assert.equal(complete.detail.assessment, content.id);
      assert.equal(complete.detail.version, content.version);

      // Every step passed through was announced, in order, with the count shown on it (the
      // calculator step appears once "make an estimate" is chosen), then the report.
      const steps = (await events(page, 'step')).map((e) => e.detail);
      const count = passed.length;
      assert.ok(passed.some((p) => p.heading === 'What do broken promises cost?'), 'the optional step was shown');
      assert.deepEqual(steps.map((s) => s.index), [0, ...passed.map((p) => p.n), count + 1]);
      assert.deepEqual(steps.slice(1, -1).map((s) => s.count), passed.map((p) => p.m), 'count as shown on each step');
      assert.equal(steps.at(-1).count, count, 'the report counts every step passed through');
      const titles = Object.fromEntries(content.sections.map((s) => [s.id, s.title.en]));
      assert.deepEqual(steps.slice(1, -1).map((s) => titles[s.section]), passed.map((p) => p.heading),
        'each step names its section');

      // The answers given by EmbedScan.answerStep().
      const [first, ...others] = content.sections[0].questions[0].options.map((o) => o.id);
      assert.deepEqual(answers.a_win, { [first]: 10 - others.length, ...Object.fromEntries(others.map((o) => [o, 1])) });
      assert.equal(answers.t_oe, 1);
      assert.equal(answers.calc, 'yes');
      assert.equal(answers.c_new, 10);
      assert.deepEqual(answers.v_central, { current: 1, desired: content.sections.at(-2).questions[0].levels.length });
      assert.equal(answers.split, content.sections.find((s) => s.id === 'combinations').questions[0].options[0].id);

      // The report in the event is the report on the page.
      const shown = await scan.scores();
      const notEnough = scan.t.notEnoughAnswers;
      const expected = Object.fromEntries(report.dimensions.map((d) => [d.label, d.display ?? notEnough]));
      for (const [label, value] of Object.entries(shown)) {
        assert.equal(expected[label], value, `score of ${label}`);
      }
      assert.ok(report.profiles.length > 0, 'a profile matched');
      assert.equal(report.headline, report.profiles[0].headline);
      await scan.scope.getByText(`${scan.t.headline}: ${report.headline}`, { exact: true }).waitFor();
      for (const profile of report.profiles.slice(1)) {
        await scan.scope.getByText(`${profile.label}: ${profile.headline}`, { exact: true }).waitFor();
      }
      for (const profile of report.profiles.filter((p) => p.description)) {
        await scan.scope.getByText(profile.description, { exact: true }).waitFor();
      }
      const recommendationTitles = await scan.scope.getByRole('heading', { level: 4 }).allInnerTexts();
      assert.ok(report.recommendations.length > 0, 'recommendations were triggered');
      assert.ok(report.top_recommendations > 0 && report.top_recommendations <= 6);
      assert.deepEqual(recommendationTitles.map((t) => t.trim()),
        report.recommendations.slice(0, report.top_recommendations).map((r) => r.title),
        'the recommendations the page puts first are the event\'s first, in order');

      assertDispatch(await events(page), 'scan');
      assertNoErrors(session);
    });
  });

  test('sextant:error when the assessment cannot be loaded', { skip, timeout: 60_000 }, async () => {
    await ctx.session(async (session) => {
      const { page } = session;
      await recordEvents(page);
      await page.goto(`${ctx.server.url}${HOST}`);
      const element = await addScan(page, { lang: 'en', src: '/fixtures/embed-missing.json' }, { id: 'broken' });
      const alert = element.getByRole('alert');
      await alert.filter({ hasText: 'This assessment could not be loaded' }).waitFor();
      await expectNoAxeViolations(page, 'events: load error');
      const [error] = await waitForEvents(page, 'error');
      assert.match(error.detail.message, /embed-missing\.json: HTTP 404/);
      assert.equal((await events(page, 'ready')).length, 0, 'no sextant:ready');
      assertDispatch(await events(page), 'broken');
      assertNoErrors(session, { expected: [/Failed to load resource: .*404.*embed-missing\.json/] });
    });
  });
});
