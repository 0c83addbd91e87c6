// Journey 6: export, then import. The JSON export holds the answers and the report; after the
// browser's storage is cleared, importing it through "Import earlier answers" brings the scores
// back. The CSV export has a header and one row per dimension. A file that is not an export
// is refused with a message.

import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { expectNoAxeViolations } from '../lib/axe.mjs';
import { newPage, useServerAndBrowser } from '../lib/browser.mjs';
import { DIST_MISSING, ScanPage } from '../lib/scan-page.mjs';
import { DIST_DIR, FIXTURES_DIR } from '../lib/server.mjs';

const SMALL = '/fixtures/small.json';

/** Split CSV text into rows of fields (quoted fields may hold commas, quotes and newlines). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; } else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

describe('export and import', () => {
  const env = useServerAndBrowser({ root: DIST_DIR }, { skip: DIST_MISSING });
  let tmp;

  before(async () => {
    if (DIST_MISSING) return;
    tmp = await mkdtemp(path.join(os.tmpdir(), 'sextant-e2e-export-'));
  });
  after(async () => {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  test('export JSON, clear storage, import it: the scores come back; CSV has one row per dimension', { skip: DIST_MISSING, timeout: 120_000 }, async () => {
    const session = await newPage(env.browser);
    const { page } = session;
    const scan = new ScanPage(page, env.server.url);
    const t = scan.t;
    try {
      await scan.open({ lang: 'en', src: SMALL });
      await scan.button(t.start).waitFor();
      await expectNoAxeViolations(page, 'welcome screen');
      await scan.start();
      await scan.waitForStep(1, 2, 'Pace');
      await scan.answer('We deliver quickly.', 'Agree');
      await scan.answer('We rarely miss a deadline.', 'Strongly agree');
      await expectNoAxeViolations(page, 'step 1, answered');
      await scan.next();
      await scan.waitForStep(2, 2, 'Attention');
      await scan.answer('We listen to every customer.', 'Disagree');
      await expectNoAxeViolations(page, 'step 2, answered');
      await scan.seeResults();
      const scores = { Speed: '88', Care: '50' };
      assert.deepEqual(await scan.scores(), scores);
      await expectNoAxeViolations(page, 'report before the export');

      // ---- JSON ----
      const json = await scan.download(t.exportJson);
      assert.equal(json.name, 'e2e-small-1.json');
      const exported = JSON.parse(json.text);
      assert.equal(exported.format, 'sextant-export/1');
      assert.equal(exported.assessment, 'e2e-small');
      assert.equal(exported.version, '1');
      assert.deepEqual(exported.answers, { q1: 4, q2: 5, q3: 2 });
      assert.deepEqual(exported.report.dimensions.map((d) => [d.id, d.display]), [['speed', '88'], ['care', '50']]);
      const exportFile = path.join(tmp, json.name);
      await writeFile(exportFile, json.text);

      // ---- CSV ----
      const csv = await scan.download(t.exportCsv);
      assert.equal(csv.name, 'e2e-small-1-scores.csv');
      const rows = parseCsv(csv.text);
      assert.deepEqual(rows[0], ['dimension', 'label', 'group', 'score', 'coverage', 'band'], 'the header row');
      assert.equal(rows.length - 1, exported.report.dimensions.length, 'one row per dimension');
      assert.deepEqual(rows.slice(1).map((r) => r[0]), ['speed', 'care']);
      for (const row of rows.slice(1)) assert.equal(row.length, rows[0].length, `row ${row[0]} has every column`);
      assert.deepEqual(rows.slice(1).map((r) => [r[1], Number(r[3]), Number(r[4])]), [['Speed', 87.5, 1], ['Care', 50, 1]]);

      // ---- clear the browser's storage: a fresh start ----
      await page.evaluate(() => localStorage.clear());
      await page.reload();
      await scan.button(t.start).waitFor();
      assert.equal(await scan.button(t.resume).count(), 0, 'nothing is saved any more');
      await expectNoAxeViolations(page, 'welcome screen after clearing storage');
      await scan.start();
      await scan.skipToReport({ onStep: (at) => expectNoAxeViolations(page, `${at}, empty`) });
      assert.deepEqual(await scan.scores(), { Speed: t.notEnoughAnswers, Care: t.notEnoughAnswers });
      await expectNoAxeViolations(page, 'report without answers');

      // ---- import ----
      await scan.importField().setInputFiles(exportFile);
      await scan.notice(t.imported).waitFor();
      await scan.scoresTable().getByRole('cell', { name: '88', exact: true }).waitFor();
      assert.deepEqual(await scan.scores(), scores, 'the imported answers give the same scores');
      await expectNoAxeViolations(page, 'report after the import');

      // ---- a file that is not an export ----
      const notAnExport = path.join(tmp, 'notes.json');
      await writeFile(notAnExport, '{"hello": "world"}');
      await scan.importField().setInputFiles(notAnExport);
      const failed = page.getByRole('status').filter({ hasText: t.importFailed });
      await failed.waitFor();
      // Why, in the visitor's words, then the detail, marked as English.
      assert.match(await failed.textContent(), new RegExp(`^${t.importFailed} ${t.importUnreadable} \\(`));
      assert.equal(await failed.locator('[lang="en"]').count(), 1);
      // The message takes focus, which brings it into view: the import field is at the end
      // of the report, far below it on a phone.
      await page.waitForFunction(() => {
        const notice = document.activeElement;
        const box = notice?.getBoundingClientRect();
        return notice?.classList.contains('sx-notice') && box.top >= 0 && box.bottom <= innerHeight;
      });
      assert.deepEqual(await scan.scores(), scores, 'a failed import changes nothing');
      // An export of another assessment says so.
      await scan.importField().setInputFiles(path.join(FIXTURES_DIR, 'scan-export-en.json'));
      await page.getByRole('status').filter({ hasText: t.importOtherAssessment }).waitFor();
      assert.deepEqual(await scan.scores(), scores, 'an export of another assessment changes nothing');
      await expectNoAxeViolations(page, 'report after a failed import');

      // An export without one answer that fits changes nothing, and says so.
      const original = JSON.parse(await readFile(exportFile, 'utf8'));
      const emptyFile = path.join(tmp, 'empty.json');
      await writeFile(emptyFile, JSON.stringify({ ...original, answers: {} }));
      await scan.importField().setInputFiles(emptyFile);
      await page.getByRole('status').filter({ hasText: t.importEmpty }).waitFor();
      await page.waitForFunction(() => document.activeElement?.classList.contains('sx-notice'));
      assert.deepEqual(await scan.scores(), scores, 'an empty export changes nothing');

      // Other answers replace those on screen only after a yes; Cancel keeps them.
      const otherFile = path.join(tmp, 'other.json');
      const otherAnswers = Object.fromEntries(Object.entries(original.answers).map(([q]) => [q, 1]));
      await writeFile(otherFile, JSON.stringify({ ...original, answers: otherAnswers }));
      const dialog = page.getByRole('alertdialog', { name: t.confirmImport, exact: true });
      await scan.importField().setInputFiles(otherFile);
      await dialog.waitFor();
      await expectNoAxeViolations(page, 'the import asks before it replaces');
      await scan.button(t.cancel).click();
      await dialog.waitFor({ state: 'detached' });
      assert.deepEqual(await scan.scores(), scores, 'cancelled: the answers stay');
      // Focus goes back to the file field that asked.
      await page.waitForFunction(() => document.activeElement?.type === 'file');
      await scan.importField().setInputFiles(otherFile);
      await scan.button(t.yesImport).click();
      await scan.notice(t.imported).waitFor();
      await scan.scoresTable().getByRole('cell', { name: '0', exact: true }).first().waitFor();
      assert.notDeepEqual(await scan.scores(), scores, 'replaced after the yes');
      // Back to the exported answers, for the rest of the journey.
      await scan.importField().setInputFiles(exportFile);
      await scan.button(t.yesImport).click();
      await scan.scoresTable().getByRole('cell', { name: '88', exact: true }).waitFor();

      // The imported answers are saved like any other answers: they survive a reload.
      assert.deepEqual(session.errors(), [], 'no console errors or page errors before the reload');
      await page.reload();
      await scan.resultsHeading().waitFor();
      assert.deepEqual(await scan.scores(), scores, 'the imported answers are saved');
      await scan.back();
      await scan.waitForStep(2, 2, 'Attention');
      await expectNoAxeViolations(page, 'step 2 after the import and a reload');
      assert.ok(await scan.option('We listen to every customer.', 'Disagree').isChecked(), 'the imported answer is on its step');
      await scan.seeResults();
      await scan.resultsHeading().waitFor();

      assert.deepEqual(session.errors(), [], 'no console errors or page errors');
    } finally {
      await session.close();
    }
  });
});
