// A panic shows a readable error box and leaves the host page working; two tabs editing the same
// saved state never lose the newer answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { DIST_DIR } from '../lib/server.mjs';
import { newPage, useServerAndBrowser } from '../lib/browser.mjs';

const DIST = `${DIST_DIR}/`; // SEXTANT_DIST, else dist/
const SKIP = !existsSync(`${DIST}index.html`);
const SMALL = '/index.html?lang=en&src=/fixtures/small.json';
const KEY = 'sextant:e2e-small:1';
const env = useServerAndBrowser({ root: DIST });

/** One option of a question of the small scan, by their texts. */
const option = (page, q, o) =>
  page.getByRole('group', { name: q, exact: true }).getByRole('radio', { name: o, exact: true });

/** A new tab in `context` on the small scan, started: on its first step. */
async function onFirstStep(context) {
  const page = await context.newPage();
  await page.goto(`${env.server.url}${SMALL}`);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.getByText('Step 1 of 2').waitFor();
  return page;
}

test('a panic shows an error box with "Copy details" and the host page keeps working', { skip: SKIP }, async () => {
  const p = await newPage(env.browser);
  const { page } = p;
  await page.goto(`${env.server.url}${SMALL}`);
  await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
  await page.waitForFunction(() => typeof window.wasmBindings?.panic_for_test === 'function');
  // The host hears of it: `sextant:error`, with the message, as for any other failure.
  await page.evaluate(() => {
    window.__errors = [];
    document.addEventListener('sextant:error', (e) => window.__errors.push(e.detail.message));
  });
  const thrown = await page.evaluate(() => {
    try {
      window.wasmBindings.panic_for_test();
      return false;
    } catch {
      return true;
    }
  });
  assert.ok(thrown, 'the panic reached the caller as an exception');
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /Something went wrong in the assessment\. The rest of the page still works\./);
  assert.match(await alert.textContent(), /a deliberate panic, raised by the error-box test/);
  await page.locator('#app .sx-error').getByRole('button', { name: 'Copy details' }).waitFor();
  await page.waitForFunction(() => window.__errors.length > 0);
  const [message, ...more] = await page.evaluate(() => window.__errors);
  assert.deepEqual(more, [], 'one event');
  assert.match(message, /^Something went wrong in the assessment\..*a deliberate panic, raised by the error-box test/s);
  // The host page still runs its own script and its own links.
  const hostWorks = await page.evaluate(() => {
    const b = document.createElement('button');
    let clicked = false;
    b.addEventListener('click', () => (clicked = true));
    document.body.append(b);
    b.click();
    return clicked;
  });
  assert.ok(hostWorks);
  assert.ok(await page.getByRole('link', { name: /Demo pages/ }).isVisible());
  assert.deepEqual(p.pageErrors, [], 'no uncaught error escaped to the page');
  await p.close();
});

test('two tabs on the same saved state: the newer answers win and none are lost', { skip: SKIP }, async () => {
  const context = await env.browser.newContext();
  const a = await onFirstStep(context);
  // The second tab opens on the saved step.
  const b = await context.newPage();
  await b.goto(`${env.server.url}${SMALL}`);
  await b.getByText('Step 1 of 2').waitFor();

  await option(a, 'We deliver quickly.', 'Agree').check();
  // Tab B follows the newer save from tab A ...
  await option(b, 'We deliver quickly.', 'Agree').and(b.locator(':checked')).waitFor();
  // ... and its own next answer keeps A's.
  await option(b, 'We rarely miss a deadline.', 'Disagree').check();
  await option(a, 'We rarely miss a deadline.', 'Disagree').and(a.locator(':checked')).waitFor();

  // A tab keeps its own step when it takes over answers from another tab.
  await b.getByRole('button', { name: 'Next', exact: true }).click();
  await b.getByText('Step 2 of 2').waitFor();
  await option(a, 'We deliver quickly.', 'Strongly agree').check();
  await b.waitForFunction(() =>
    Object.keys(localStorage).some((k) => localStorage.getItem(k).includes('"q1":5')),
  );
  await b.getByRole('button', { name: 'Back', exact: true }).click();
  await option(b, 'We deliver quickly.', 'Strongly agree').and(b.locator(':checked')).waitFor();
  assert.ok(await b.getByText('Step 1 of 2').isVisible());

  await a.reload();
  await a.getByText('Step 1 of 2').waitFor();
  assert.ok(await option(a, 'We deliver quickly.', 'Strongly agree').isChecked());
  assert.ok(await option(a, 'We rarely miss a deadline.', 'Disagree').isChecked());
  await context.close();
});

test('two tabs that save at the same moment keep both tabs\' answers (merged, not overwritten)', { skip: SKIP }, async () => {
  const context = await env.browser.newContext();
  const checked = (page, q, o) => option(page, q, o).and(page.locator(':checked'));
  const stored = (page) => page.evaluate((k) => JSON.parse(localStorage.getItem(k)), KEY);
  const a = await onFirstStep(context);
  await option(a, 'We deliver quickly.', 'Agree').check();
  await a.waitForFunction((k) => localStorage.getItem(k)?.includes('"q1"'), KEY);

  // Another tab that had not yet seen that answer saved its own at the same revision: the save
  // replaced this tab's, as happens when both write at once. Its `storage` event arrives here.
  const mine = await stored(a);
  const theirs = { ...mine, answers: { q2: 2 } };
  await a.evaluate(([k, v]) => {
    const old = localStorage.getItem(k);
    localStorage.setItem(k, v);
    window.dispatchEvent(new StorageEvent('storage', { key: k, oldValue: old, newValue: v, storageArea: localStorage }));
  }, [KEY, JSON.stringify(theirs)]);
  // Both answers are kept, on screen and in storage, at a revision above both saves.
  await checked(a, 'We rarely miss a deadline.', 'Disagree').waitFor();
  assert.ok(await checked(a, 'We deliver quickly.', 'Agree').isVisible(), "this tab's answer is kept");
  await a.waitForFunction((k) => { const s = JSON.parse(localStorage.getItem(k)); return s.answers.q1 !== undefined && s.answers.q2 !== undefined; }, KEY);
  assert.ok((await stored(a)).revision > theirs.revision, 'the merge is saved above both revisions');

  // A later save from the other tab that changed an answer, and cleared another, wins for those
  // questions: they were not changed here since.
  const later = { ...(await stored(a)), revision: (await stored(a)).revision + 1, answers: { q2: 1 } };
  await a.evaluate(([k, v]) => {
    localStorage.setItem(k, v);
    window.dispatchEvent(new StorageEvent('storage', { key: k, newValue: v, storageArea: localStorage }));
  }, [KEY, JSON.stringify(later)]);
  await checked(a, 'We rarely miss a deadline.', 'Strongly disagree').waitFor();
  await a.waitForFunction(() => document.querySelectorAll('#app input[type=radio]:checked').length === 1);

  // Two real tabs answering different questions at the same moment end with both answers, in
  // both tabs and in storage, whichever save lands first.
  const b = await context.newPage();
  await b.goto(`${env.server.url}${SMALL}`);
  await b.getByText('Step 1 of 2').waitFor();
  const at = await a.evaluate(() => Date.now() + 300);
  const clickAt = (page, q, o) =>
    page.evaluate(([q, o, at]) => {
      const group = [...document.querySelectorAll('fieldset')].find((f) => f.querySelector('legend')?.textContent.trim() === q);
      const radio = [...group.querySelectorAll('input[type=radio]')].find((r) => r.labels[0]?.textContent.trim().startsWith(o));
      return new Promise((resolve) => setTimeout(() => { radio.click(); resolve(); }, Math.max(0, at - Date.now())));
    }, [q, o, at]);
  await Promise.all([clickAt(a, 'We deliver quickly.', 'Strongly agree'), clickAt(b, 'We rarely miss a deadline.', 'Agree')]);
  for (const page of [a, b]) {
    await checked(page, 'We deliver quickly.', 'Strongly agree').waitFor();
    await checked(page, 'We rarely miss a deadline.', 'Agree').waitFor();
  }
  await a.waitForFunction((k) => { const s = JSON.parse(localStorage.getItem(k)); return s.answers.q1 === 5 && s.answers.q2 === 4; }, KEY);
  await b.reload();
  await checked(b, 'We deliver quickly.', 'Strongly agree').waitFor();
  await checked(b, 'We rarely miss a deadline.', 'Agree').waitFor();
  await context.close();
});

test('the report on screen follows another tab\'s save that it takes over as it is, also at the same revision and at the largest one', { skip: SKIP, timeout: 60_000 }, async () => {
  // Care = 100 · (q2 + 2 · q3) / 3 with each answer scaled 0–1: 0 for q2 = q3 = 1, 67 for q3 = 5.
  const care = (page) => page.locator('#app table.sx-scores tbody tr').filter({ hasText: 'Care' }).locator('td').first();
  for (const revision of ['3', '18446744073709551615']) {
    const context = await env.browser.newContext();
    const a = await context.newPage();
    const saved = `{"format":"sextant-state/1","assessment":"e2e-small","version":"1","step":"report","locale":"en","revision":${revision},"answers":{"q1":1,"q2":1,"q3":1}}`;
    await a.addInitScript(([k, v]) => {
      if (location.protocol === 'http:' && !sessionStorage.getItem('seeded')) {
        sessionStorage.setItem('seeded', '1');
        localStorage.setItem(k, v);
      }
    }, [KEY, saved]);
    await a.goto(`${env.server.url}${SMALL}`);
    await a.getByRole('heading', { name: 'Your results', exact: true }).waitFor();
    assert.equal((await care(a).innerText()).trim(), '0');
    // Another tab saves every answer of this one, and q3 changed, at the revision this tab
    // holds: as when both tabs save at the same moment. This tab takes the save over as it is.
    const theirs = saved.replace('"q3":1', '"q3":5');
    await a.evaluate(([k, v]) => {
      const old = localStorage.getItem(k);
      localStorage.setItem(k, v);
      window.dispatchEvent(new StorageEvent('storage', { key: k, oldValue: old, newValue: v, storageArea: localStorage }));
    }, [KEY, theirs]);
    // The report shows the answers this tab now holds, without going back to the steps.
    await a.waitForFunction(() => [...document.querySelectorAll('#app table.sx-scores tbody tr')]
      .find((tr) => tr.querySelector('th').textContent.trim() === 'Care')
      ?.querySelector('td').textContent.trim() === '67', null, { timeout: 10_000 });
    await a.getByRole('button', { name: 'Back', exact: true }).click();
    assert.ok(await option(a, 'We listen to every customer.', 'Strongly agree').isChecked(), `revision ${revision}: the answer taken over`);
    await context.close();
  }
});

test('a saved revision at the largest number still lets every later answer be saved', { skip: SKIP }, async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.addInitScript((k) => {
    if (location.protocol !== 'http:' || sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem(k, JSON.stringify({ format: 'sextant-state/1', assessment: 'e2e-small', version: '1', step: 'pace', locale: 'en', revision: 0, answers: { q1: 2 } }).replace('"revision":0', '"revision":18446744073709551615'));
  }, KEY);
  await page.goto(`${env.server.url}${SMALL}`);
  await page.getByText('Step 1 of 2').waitFor();
  await page.getByRole('group', { name: 'We rarely miss a deadline.', exact: true }).getByRole('radio', { name: 'Agree', exact: true }).check();
  await page.waitForFunction((k) => localStorage.getItem(k).includes('"q2":4'), KEY);
  await page.reload();
  await page.getByText('Step 1 of 2').waitFor();
  assert.ok(await page.getByRole('group', { name: 'We rarely miss a deadline.', exact: true }).getByRole('radio', { name: 'Agree', exact: true }).isChecked());
  await context.close();
});

test('a value another tab writes that cannot be read is copied aside, and replaced by this tab\'s next answer; no tab writes back at once', { skip: SKIP }, async () => {
  const context = await env.browser.newContext();
  const stored = (page, k) => page.evaluate((k) => localStorage.getItem(k), k);
  const a = await onFirstStep(context);
  await option(a, 'We deliver quickly.', 'Agree').check();
  await a.waitForFunction((k) => localStorage.getItem(k)?.includes('"q1":4'), KEY);

  // A second tab (another version of the page, a foreign script) writes something that is not
  // saved state.
  const b = await context.newPage();
  await b.goto(`${env.server.url}/index.html?lang=en`);
  const damaged = '{"format": "sextant-state/1", "answers": [tru';
  await b.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, damaged]);

  // Tab A keeps a copy aside, says so, and leaves the value where it is: nothing is written
  // back that a tab unable to read A's saves would answer in kind.
  await a.getByRole('status').filter({ hasText: 'Another tab or window saved answers this page cannot read. A copy has been set aside' }).waitFor();
  assert.equal(await stored(a, `${KEY}:set-aside`), damaged, 'kept, byte for byte');
  assert.equal(await stored(a, KEY), damaged);
  assert.ok(await option(a, 'We deliver quickly.', 'Agree').isChecked(), 'the answer on screen stays');
  // A's next answer saves all of A's answers in its place; nothing is lost on reload.
  await option(a, 'We rarely miss a deadline.', 'Disagree').check();
  await a.waitForFunction((k) => { const v = localStorage.getItem(k); return v?.includes('"q1":4') && v.includes('"q2":2'); }, KEY);
  await a.reload();
  await a.getByText('Step 1 of 2').waitFor();
  assert.ok(await option(a, 'We deliver quickly.', 'Agree').isChecked());
  assert.equal(await stored(a, `${KEY}:set-aside`), damaged);

  // With every slot taken, the message says the value could not be kept; the next answer
  // still replaces it.
  await b.evaluate((k) => {
    for (let n = 2; n <= 9; n++) localStorage.setItem(`${k}:set-aside:${n}`, `older copy ${n}`);
  }, KEY);
  await b.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, 'garbage, again']);
  await a.getByRole('status').filter({ hasText: 'They could not be set aside' }).waitFor();
  await option(a, 'We rarely miss a deadline.', 'Agree').check();
  await a.waitForFunction((k) => localStorage.getItem(k)?.includes('"q2":4'), KEY);

  // No tab writes back at once: between two tabs that could not read each other's saves
  // (two versions of the widget), that would go on without end. Each tab records the writes
  // it sees; a probe written by each after it has handled the value shows that the other has
  // seen everything written before it.
  const c = await context.newPage();
  await c.goto(`${env.server.url}${SMALL}`);
  await c.getByText('Step 1 of 2').waitFor();
  const record = (page) => page.evaluate(() => {
    window.__seen = [];
    addEventListener('storage', (e) => window.__seen.push(e.key));
  });
  await record(a);
  await record(c);
  // A free slot again, so that each tab's message changes when it has handled the value.
  await b.evaluate((k) => localStorage.removeItem(`${k}:set-aside:9`), KEY);
  await b.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, 'one more']);
  for (const page of [a, c]) {
    await page.getByRole('status').filter({ hasText: 'A copy has been set aside' }).waitFor();
  }
  assert.equal(await stored(a, `${KEY}:set-aside:9`), 'one more', 'one copy, whichever tab made it');
  await a.evaluate(() => localStorage.setItem('probe-a', '1'));
  await c.evaluate(() => localStorage.setItem('probe-c', '1'));
  await a.waitForFunction(() => window.__seen.includes('probe-c'));
  await c.waitForFunction(() => window.__seen.includes('probe-a'));
  for (const [name, page] of [['A', a], ['C', c]]) {
    const seen = await page.evaluate(() => window.__seen);
    assert.deepEqual(seen.filter((k) => k === KEY), [KEY], `tab ${name} saw only the foreign write to the key: ${seen}`);
  }
  await context.close();
});

test('a newer save from another tab with an answer that does not fit: the rest is taken over, the one left out is named, and the value is kept aside', { skip: SKIP }, async () => {
  const context = await env.browser.newContext();
  const stored = (page, k) => page.evaluate((k) => localStorage.getItem(k), k);
  const a = await onFirstStep(context);
  await option(a, 'We deliver quickly.', 'Agree').check();
  await a.waitForFunction((k) => localStorage.getItem(k)?.includes('"q1":4'), KEY);

  // Another tab (a page of another version, a script) saves a newer state in which q1 is
  // out of the scale.
  const theirs = JSON.stringify({
    format: 'sextant-state/1', assessment: 'e2e-small', version: '1', step: 'pace', locale: 'en', revision: 50, answers: { q1: 99, q2: 2 },
  });
  const b = await context.newPage();
  await b.goto(`${env.server.url}/index.html?lang=en`);
  await b.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, theirs]);

  await a.getByRole('status').filter({ hasText: 'Some answers no longer fitted the questions; skipped: “We deliver quickly.”' }).waitFor();
  assert.ok(await option(a, 'We rarely miss a deadline.', 'Disagree').isChecked(), 'the answer that fits is taken over');
  assert.equal(await stored(a, `${KEY}:set-aside`), theirs, 'the value is kept aside as it was');
  await context.close();
});
