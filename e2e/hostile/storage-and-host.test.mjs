// Saving that fails, deleting in one tab while another goes on, oversized files and error
// messages, and a host page that pollutes Object.prototype: nothing is lost without a word,
// nothing grows without bound, and the host cannot configure the widget by accident.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { DIST_DIR } from '../lib/server.mjs';
import { newPage, useServerAndBrowser } from '../lib/browser.mjs';

const DIST = `${DIST_DIR}/`; // SEXTANT_DIST, else dist/
const SKIP = !existsSync(`${DIST}index.html`);
const SMALL = '/index.html?lang=en&src=/fixtures/small.json';
const KEY = 'sextant:e2e-small:1';
// The small assessment with a question type that is a 1 MB string: the error quotes it.
const HUGE_TYPE = (() => {
  const small = JSON.parse(readFileSync(new URL('../fixtures/small.json', import.meta.url), 'utf8'));
  small.sections[0].questions[0].type = 'x'.repeat(1_000_000);
  return JSON.stringify(small);
})();
const env = useServerAndBrowser({
  root: DIST,
  routes: {
    '/huge-type.json': { type: 'application/json', body: HUGE_TYPE },
    // Two widgets of the same assessment, both with the default storage key.
    '/two.html': {
      type: 'text/html',
      body: `<!doctype html><html lang="en"><title>Two scans</title><h1>Two scans</h1>
<script type="module" src="/sextant.js"></script>
<sextant-scan id="a" lang="en" src="/fixtures/small.json"></sextant-scan>
<sextant-scan id="b" lang="en" src="/fixtures/small.json"></sextant-scan>`,
    },
  },
});

const option = (page, q, o) => page.getByRole('group', { name: q, exact: true }).getByRole('radio', { name: o, exact: true });
const button = (page, name) => page.getByRole('button', { name, exact: true });

test('deleting in one tab does not remove what another tab saved afterwards', { skip: SKIP }, async () => {
  const context = await env.browser.newContext();
  const a = await context.newPage();
  const b = await context.newPage();
  await a.goto(`${env.server.url}${SMALL}`);
  await button(a, 'Start').click();
  await option(a, 'We deliver quickly.', 'Agree').check();
  await b.goto(`${env.server.url}${SMALL}`);
  await b.getByText('Step 1 of 2').waitFor();

  // Tab A deletes its answers and is back on the welcome screen.
  await button(a, 'Delete my answers').click();
  await button(a, 'Yes, delete').click();
  await a.getByText('Your answers have been erased from this browser.').waitFor();
  assert.equal(await a.evaluate((k) => localStorage.getItem(k), KEY), null);

  // Tab B forgets them too (it would otherwise save them back), then answers afterwards; tab A
  // then moves on without answering anything.
  await b.getByText('Your answers have been erased from this browser.').waitFor();
  await button(b, 'Start').click();
  assert.equal(await option(b, 'We deliver quickly.', 'Agree').isChecked(), false);
  await option(b, 'We rarely miss a deadline.', 'Disagree').check();
  await b.waitForFunction((k) => (localStorage.getItem(k) ?? '').includes('"q2":2'), KEY);
  await button(a, 'Start').click();
  await a.getByText('Step 1 of 2').waitFor();
  await button(a, 'Back').click();
  await button(a, 'Start').waitFor();

  const saved = await b.evaluate((k) => localStorage.getItem(k), KEY);
  assert.ok(saved?.includes('"q2":2'), `tab B's answer is still saved: ${saved}`);
  await b.reload();
  await b.getByText('Step 1 of 2').waitFor();
  assert.ok(await option(b, 'We rarely miss a deadline.', 'Disagree').isChecked());

  // Tab A, which has moved between steps since the delete, now answers another question: its
  // save keeps tab B's answer, and tab B shows both.
  assert.equal(await option(a, 'We rarely miss a deadline.', 'Disagree').count(), 0, 'tab A is still on the welcome screen');
  await button(a, 'Start').click();
  await option(a, 'We deliver quickly.', 'Agree').check();
  await a.waitForFunction((k) => (localStorage.getItem(k) ?? '').includes('"q1":4'), KEY);
  const both = await a.evaluate((k) => JSON.parse(localStorage.getItem(k)).answers, KEY);
  assert.deepEqual(both, { q1: 4, q2: 2 }, 'both tabs\' answers are saved');
  await waitChecked(option(b, 'We deliver quickly.', 'Agree'));
  assert.ok(await option(b, 'We rarely miss a deadline.', 'Disagree').isChecked(), 'tab B keeps its own answer');
  assert.ok(await option(a, 'We rarely miss a deadline.', 'Disagree').isChecked(), 'tab A shows tab B\'s answer');
  await context.close();
});

test('a tab that only follows another tab\'s saves leaves that tab\'s step saved', { skip: SKIP }, async () => {
  const context = await env.browser.newContext();
  const a = await context.newPage();
  const b = await context.newPage();
  await a.goto(`${env.server.url}${SMALL}`);
  await b.goto(`${env.server.url}${SMALL}`);
  await button(b, 'Start').waitFor();
  // Tab A answers everything and reaches the report; tab B stays on its welcome screen.
  await button(a, 'Start').click();
  await option(a, 'We deliver quickly.', 'Agree').check();
  await option(a, 'We rarely miss a deadline.', 'Agree').check();
  await button(a, 'Next').click();
  await option(a, 'We listen to every customer.', 'Agree').check();
  await button(a, 'See results').click();
  await a.getByRole('heading', { name: 'Your results' }).waitFor();
  await a.waitForFunction((k) => JSON.parse(localStorage.getItem(k) ?? '{}').step === 'report', KEY);
  // Tab B has taken the answers over (it shows them) without writing its own step back.
  await b.getByText('Saved answers: 3').waitFor();
  const saved = await b.evaluate((k) => JSON.parse(localStorage.getItem(k)), KEY);
  assert.equal(saved.step, 'report', 'the save is still tab A\'s');
  assert.deepEqual(saved.answers, { q1: 4, q2: 4, q3: 4 });
  // A reload of tab A lands where it was.
  await a.reload();
  await a.getByRole('heading', { name: 'Your results' }).waitFor();
  // Tab B's own move is saved as usual.
  await button(b, 'Continue where you left off').or(button(b, 'Start')).first().click();
  await b.waitForFunction((k) => JSON.parse(localStorage.getItem(k)).step !== 'report', KEY);
  await context.close();
});

test('two widgets on one page with the same storage key keep each other\'s answers, and delete together', { skip: SKIP }, async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const widget = (id) => page.locator(`#${id}`);
  const radio = (id, q, o) => option(widget(id), q, o);
  await page.goto(`${env.server.url}/two.html`);
  for (const id of ['a', 'b']) await button(widget(id), 'Start').click();
  await radio('a', 'We deliver quickly.', 'Agree').check();
  await waitChecked(radio('b', 'We deliver quickly.', 'Agree'));
  await radio('b', 'We rarely miss a deadline.', 'Disagree').check();
  await waitChecked(radio('a', 'We rarely miss a deadline.', 'Disagree'));
  await page.waitForFunction((k) => {
    const saved = JSON.parse(localStorage.getItem(k) ?? '{}').answers ?? {};
    return saved.q1 === 4 && saved.q2 === 2;
  }, KEY);

  await page.reload();
  await widget('a').getByText('Step 1 of 2').waitFor();
  for (const id of ['a', 'b']) {
    assert.ok(await radio(id, 'We deliver quickly.', 'Agree').isChecked(), `${id}: the first widget's answer after a reload`);
    assert.ok(await radio(id, 'We rarely miss a deadline.', 'Disagree').isChecked(), `${id}: the second widget's answer after a reload`);
  }

  // "Delete my answers" in one erases them in the other too, which then saves nothing back.
  await button(widget('a'), 'Delete my answers').click();
  await button(widget('a'), 'Yes, delete').click();
  await widget('b').getByText('Your answers have been erased from this browser.').waitFor();
  await button(widget('b'), 'Start').click();
  assert.equal(await radio('b', 'We deliver quickly.', 'Agree').isChecked(), false);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), null);
  await context.close();
});

/** Waits until a radio or checkbox is checked. */
function waitChecked(locator) {
  return locator.and(locator.page().locator(':checked')).waitFor();
}

test('"Delete my answers" erases everything kept for the assessment: set-aside copies and other versions too, nothing else', { skip: SKIP }, async () => {
  const p = await newPage(env.browser);
  const { page } = p;
  await page.goto(`${env.server.url}${SMALL}`);
  await button(page, 'Start').click();
  await option(page, 'We deliver quickly.', 'Agree').check();
  const kept = {
    [`${KEY}:set-aside`]: 'a damaged copy',
    [`${KEY}:set-aside:2`]: 'another',
    'sextant:e2e-small:0.9': JSON.stringify({ format: 'sextant-state/1', assessment: 'e2e-small', version: '0.9', step: 'pace', locale: 'en', revision: 2, answers: { q1: 1 } }),
    'sextant:e2e-small:0.9:set-aside': 'old damaged copy',
  };
  const others = {
    // Another embedding whose storage key is "sextant:e2e-small": its keys share the prefix.
    'sextant:e2e-small:other-scan:1': JSON.stringify({ format: 'sextant-state/1', assessment: 'other-scan', version: '1', step: 'welcome', locale: 'en', revision: 1, answers: {} }),
    'sextant:e2e-small:ui-prefs': 'the host page\'s, with the same prefix',
    'sextant:another-scan:1': 'another assessment',
    'intranet:e2e-small:1': 'another storage key',
    'host-setting': 'the host page\'s own',
  };
  await page.evaluate((entries) => {
    for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
  }, { ...kept, ...others });
  await button(page, 'Delete my answers').click();
  await button(page, 'Yes, delete').click();
  await page.getByText('Your answers have been erased from this browser.').waitFor();
  const left = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));
  assert.deepEqual(left, others, 'only what is not this assessment\'s is left');
  assert.deepEqual(p.pageErrors, []);
  await p.close();
});

test('when the browser refuses to save, the visitor is told and the answers stay on screen', { skip: SKIP }, async () => {
  const p = await newPage(env.browser);
  const { page } = p;
  // Storage that reads but is full: every write fails as a full localStorage does, until the
  // test frees it (`window.storageFreed`).
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (...args) {
      if (window.storageFreed) return setItem.apply(this, args);
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.goto(`${env.server.url}${SMALL}`);
  await button(page, 'Start').click();
  await option(page, 'We deliver quickly.', 'Agree').check();
  const notice = page.getByRole('status').filter({ hasText: 'could not be saved in this browser' });
  await notice.waitFor();
  assert.ok(await option(page, 'We deliver quickly.', 'Agree').isChecked(), 'the answer stays');
  // Another answer does not repeat the message.
  await option(page, 'We rarely miss a deadline.', 'Agree').check();
  assert.equal(await notice.count(), 1);
  // Once the storage has room again, the next answer saves them all, and the message that
  // they were not saved gives way to one that says they are.
  await page.evaluate(() => { window.storageFreed = true; });
  await option(page, 'We deliver quickly.', 'Neutral').check();
  await page.waitForFunction(() => {
    const answers = JSON.parse(localStorage.getItem('sextant:e2e-small:1') ?? '{}').answers;
    return answers?.q1 === 3 && answers?.q2 === 4;
  });
  await page.getByRole('status').filter({ hasText: 'Your answers are being saved in this browser again' }).waitFor();
  assert.equal(await notice.count(), 0, 'the message that they were not saved is gone');
  assert.deepEqual(p.pageErrors, []);
  await p.close();
});

test('an oversized import is refused before it is read, and long messages are cut short', { skip: SKIP }, async () => {
  const p = await newPage(env.browser);
  const { page } = p;
  await page.goto(`${env.server.url}${SMALL}`);
  await button(page, 'Start').waitFor();
  await page.getByLabel('Import earlier answers', { exact: true }).setInputFiles({
    name: 'big.json', mimeType: 'application/json', buffer: Buffer.alloc(20 * 1024 * 1024, 0x20),
  });
  const notice = page.getByRole('status').filter({ hasText: 'This file could not be imported:' });
  await notice.waitFor();
  assert.match(await notice.textContent(), /^This file could not be imported: it is larger than an export can be \(1 MB\)\. \(the file is 20971520 bytes; the limit is 1048576 bytes\)/);

  // An assessment whose error quotes a 1 MB value: the box shows at most 500 characters of it.
  await page.goto(`${env.server.url}/index.html?lang=en&src=/huge-type.json`);
  const alert = page.getByRole('alert').filter({ hasText: 'This assessment could not be loaded' });
  await alert.waitFor();
  const shown = await alert.locator('code').textContent();
  assert.ok(shown.length <= 501, `the detail is ${shown.length} characters`);
  assert.ok(shown.endsWith('…'), 'where it was cut is marked');
  const height = await alert.evaluate((e) => e.getBoundingClientRect().height);
  assert.ok(height < 2000, `the error box is ${height}px high`);
  await p.close();
});

test('values a host page puts on Object.prototype do not configure the widget', { skip: SKIP }, async () => {
  const p = await newPage(env.browser);
  const { page } = p;
  const posts = [];
  page.on('request', (r) => r.method() === 'POST' && posts.push(r.url()));
  await page.addInitScript(() => {
    Object.prototype['submit-url'] = 'https://attacker.invalid/collect';
    Object.prototype['consent-text'] = 'Sure, send everything to the attacker';
    Object.prototype.src = '/fixtures/broken.json';
  });
  await page.goto(`${env.server.url}/fixtures/embed-host.html`);
  await page.evaluate(() => document.querySelector('#host').append(document.createElement('sextant-scan')));
  const scan = page.locator('sextant-scan');
  // The built-in assessment loads (not the polluted `src`), with no send panel.
  await scan.getByRole('heading', { level: 1, name: 'Commercial Excellence Scan' }).waitFor();
  assert.equal(await scan.getByText('Sure, send everything').count(), 0);
  assert.deepEqual(posts, []);
  await p.close();
});

test("leaving the team view clears only the widget's fragment and keeps the host's history state", { skip: SKIP }, async () => {
  const p = await newPage(env.browser);
  const { page } = p;
  // A single-page host keeps its routing data in history.state.
  await page.goto(`${env.server.url}${SMALL}#team`);
  await button(page, 'Back to the scan').waitFor();
  await page.evaluate(() => history.replaceState({ route: 'scan-page', n: 1 }, '', location.href));
  await button(page, 'Back to the scan').click();
  await button(page, 'Start').waitFor();
  assert.equal(new URL(page.url()).hash, '', '#team is cleared');
  assert.deepEqual(await page.evaluate(() => history.state), { route: 'scan-page', n: 1 });

  // A fragment of the host page's own stays where it is when the visitor enters and leaves
  // the team view.
  await page.evaluate(() => history.replaceState({ route: 'kept' }, '', '#section-2'));
  await button(page, 'Team comparison').click();
  await button(page, 'Back to the scan').click();
  await button(page, 'Start').waitFor();
  assert.equal(new URL(page.url()).hash, '#section-2');
  assert.deepEqual(await page.evaluate(() => history.state), { route: 'kept' });
  assert.deepEqual(p.pageErrors, []);
  await p.close();
});

test('a storage that cannot be read is not written either: the saved answers stay as they were', { skip: SKIP }, async () => {
  const p = await newPage(env.browser);
  const { page } = p;
  const saved = JSON.stringify({ format: 'sextant-state/1', assessment: 'e2e-small', version: '1', step: 's1', locale: 'en', revision: 3, answers: { q1: 4 } });
  // The answers are in storage, but the page's storage refuses to be read.
  await page.addInitScript(([key, value]) => {
    localStorage.setItem(key, value);
    Storage.prototype.getItem = () => { throw new Error('SecurityError: reading is not allowed'); };
  }, [KEY, saved]);
  await page.goto(`${env.server.url}${SMALL}`);
  // The visitor is told that nothing will be kept ...
  await page.getByText('This browser does not allow saving').waitFor();
  await button(page, 'Start').click();
  await option(page, 'We deliver quickly.', 'Agree').check();
  await option(page, 'We deliver quickly.', 'Agree').and(page.locator(':checked')).waitFor();
  // ... and the answers it could not read are not replaced (a save would have been made
  // before the next frame).
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const stored = await page.evaluate((k) => localStorage[k], KEY);
  assert.equal(stored, saved);
  assert.deepEqual(p.errors(), []);
  await p.close();
});
