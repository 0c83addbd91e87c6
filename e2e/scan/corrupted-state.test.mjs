// Journey 11: saved state that cannot be used. Garbage under the storage key
// (sextant:<assessment id>:<version>) is set aside under "…:set-aside", not deleted, and the
// visitor is told; answers saved for another version stay where they are, unloaded, and the
// visitor is told that too. Nothing crashes and the scan starts fresh.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { expectNoAxeViolations } from '../lib/axe.mjs';
import { newPage, useServerAndBrowser } from '../lib/browser.mjs';
import { DIST_MISSING, ScanPage } from '../lib/scan-page.mjs';
import { DIST_DIR } from '../lib/server.mjs';

const SMALL = '/fixtures/small.json';
const KEY = 'sextant:e2e-small:1';
const SET_ASIDE = `${KEY}:set-aside`;
const OLD_KEY = 'sextant:e2e-small:0';
const OLD_STATE = JSON.stringify({
  format: 'sextant-state/1', assessment: 'e2e-small', version: '0', step: 'pace', locale: 'en', revision: 7, answers: { q1: 5 },
});
const GARBAGE = [
  ['cut-off JSON', '{"format":"sextant-state/1","assessment":"e2e-sm'],
  ['JSON of the wrong shape', '{"format":"sextant-state/1","answers":[1,2,3],"step":42}'],
  ['not JSON at all', '\u0000\u00ff not json \ud83d\ude00'],
];

describe('corrupted saved state', () => {
  const env = useServerAndBrowser({ root: DIST_DIR }, { skip: DIST_MISSING });

  /** Open the small scan, put `items` into localStorage, and reload. */
  async function openWith(scan, items) {
    await scan.open({ lang: 'en', src: SMALL });
    await scan.button(scan.t.start).waitFor();
    await scan.page.evaluate((entries) => {
      localStorage.clear();
      for (const [k, v] of entries) localStorage.setItem(k, v);
    }, Object.entries(items));
    await scan.page.reload();
  }

  for (const [what, garbage] of GARBAGE) {
    test(`${what} under the storage key: set aside with a message, the scan works`, { skip: DIST_MISSING, timeout: 60_000 }, async () => {
      const session = await newPage(env.browser);
      const { page } = session;
      const scan = new ScanPage(page, env.server.url);
      const t = scan.t;
      try {
        await openWith(scan, { [KEY]: garbage, [OLD_KEY]: OLD_STATE });
        const notice = scan.notice(t.setAsideCorrupt);
        await notice.waitFor();
        assert.equal((await notice.getByRole('paragraph').innerText()).trim(), t.setAsideCorrupt);
        await scan.button(t.start).waitFor();
        assert.equal(await scan.button(t.resume).count(), 0, 'nothing was loaded');
        await expectNoAxeViolations(page, `welcome screen with the set-aside message (${what})`);

        const stored = await scan.storage();
        assert.equal(stored[SET_ASIDE], garbage, 'the damaged value is kept under …:set-aside, unchanged');
        assert.equal(stored[KEY], undefined, 'the damaged value no longer sits under the key');
        assert.equal(stored[OLD_KEY], OLD_STATE, 'answers of another version are left alone');

        // The message can be closed, and the scan works as ever.
        await notice.getByRole('button', { name: t.close, exact: true }).click();
        await notice.waitFor({ state: 'detached' });
        await scan.start();
        await scan.waitForStep(1, 2, 'Pace');
        await expectNoAxeViolations(page, `step 1 after setting aside ${what}`);
        assert.equal(await scan.option('We deliver quickly.', 'Strongly agree').isChecked(), false, 'nothing was loaded');
        await scan.answer('We deliver quickly.', 'Agree');
        await page.waitForFunction((key) => (localStorage.getItem(key) ?? '').includes('"q1":4'), KEY);
        const after = await scan.storage();
        assert.equal(after[SET_ASIDE], garbage, 'the set-aside value survives the next save');
        assert.equal(after[OLD_KEY], OLD_STATE);

        // A reload now restores the new answers, without a message.
        await page.reload();
        await scan.waitForStep(1, 2, 'Pace', { focused: false });
        assert.ok(await scan.option('We deliver quickly.', 'Agree').isChecked());
        assert.equal(await scan.notice(t.setAsideCorrupt).count(), 0, 'the message is not shown again');
        assert.equal((await scan.storage())[SET_ASIDE], garbage);

        assert.deepEqual(session.errors(), [], 'no console errors or page errors');
      } finally {
        await session.close();
      }
    });
  }

  test('a second damaged save is set aside next to the first, never over it', { skip: DIST_MISSING, timeout: 60_000 }, async () => {
    const session = await newPage(env.browser);
    const { page } = session;
    const scan = new ScanPage(page, env.server.url);
    const t = scan.t;
    const [first, second, third] = GARBAGE.map(([, g]) => g);
    try {
      await openWith(scan, { [KEY]: second, [SET_ASIDE]: first });
      await scan.notice(t.setAsideCorrupt).waitFor();
      let stored = await scan.storage();
      assert.equal(stored[SET_ASIDE], first, 'the earlier copy is kept as it was');
      assert.equal(stored[`${SET_ASIDE}:2`], second, 'the new damaged value goes to the next slot');
      assert.equal(stored[KEY], undefined);

      // Once more: the third slot. Set-aside copies are not taken for another version.
      await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, third]);
      await page.reload();
      await scan.notice(t.setAsideCorrupt).waitFor();
      stored = await scan.storage();
      assert.deepEqual([stored[SET_ASIDE], stored[`${SET_ASIDE}:2`], stored[`${SET_ASIDE}:3`]], [first, second, third]);
      // With only set-aside copies left, a reload shows no message: they are not answers
      // saved for another version.
      await page.reload();
      await scan.button(t.start).waitFor();
      assert.equal(await page.getByRole('status').filter({ hasText: /\S/ }).count(), 0, 'no message');
      await scan.start();
      await scan.waitForStep(1, 2, 'Pace');
      assert.deepEqual(session.errors(), [], 'no console errors or page errors');
    } finally {
      await session.close();
    }
  });

  test('a damaged save already kept aside takes no second slot; with every slot taken, the visitor is told it will be replaced', { skip: DIST_MISSING, timeout: 60_000 }, async () => {
    const session = await newPage(env.browser);
    const { page } = session;
    const scan = new ScanPage(page, env.server.url);
    const t = scan.t;
    const [first, second] = GARBAGE.map(([, g]) => g);
    const slot = (n) => (n === 1 ? SET_ASIDE : `${SET_ASIDE}:${n}`);
    try {
      // The same damaged value again (another tab wrote the same bytes): it is kept already.
      await openWith(scan, { [KEY]: first, [SET_ASIDE]: first });
      await scan.notice(t.setAsideCorrupt).waitFor();
      let stored = await scan.storage();
      assert.equal(stored[SET_ASIDE], first);
      assert.equal(stored[`${SET_ASIDE}:2`], undefined, 'no second copy of the same value');
      assert.equal(stored[KEY], undefined);

      // Nine other damaged copies kept: this one cannot be set aside, and the message says what
      // will happen to it instead of claiming it was kept.
      const full = Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => [slot(n), `${first}${n}`]));
      await openWith(scan, { ...full, [KEY]: second });
      await scan.notice(t.corruptNotKept).waitFor();
      assert.equal(await scan.notice(t.setAsideCorrupt).count(), 0, 'it does not say "set aside"');
      await expectNoAxeViolations(page, 'welcome screen with the "could not be set aside" message');
      stored = await scan.storage();
      for (const [key, value] of Object.entries(full)) assert.equal(stored[key], value, `${key} is kept as it was`);
      assert.equal(stored[KEY], second, 'until the next save, the damaged value stays where it was');
      // The scan works; its first save takes the key, as the message said.
      await scan.start();
      await scan.waitForStep(1, 2, 'Pace');
      await scan.answer('We deliver quickly.', 'Agree');
      await page.waitForFunction((key) => localStorage.getItem(key)?.startsWith('{"format":"sextant-state/1"'), KEY);
      stored = await scan.storage();
      for (const [key, value] of Object.entries(full)) assert.equal(stored[key], value, `${key} is still kept`);
      assert.deepEqual(session.errors(), [], 'no console errors or page errors');
    } finally {
      await session.close();
    }
  });

  test('saved answers that no longer fit are named, and the saved value is kept aside as it was before the next save', { skip: DIST_MISSING, timeout: 60_000 }, async () => {
    const session = await newPage(env.browser);
    const { page } = session;
    const scan = new ScanPage(page, env.server.url);
    try {
      const saved = JSON.stringify({
        format: 'sextant-state/1', assessment: 'e2e-small', version: '1', step: 'pace', locale: 'en', revision: 3,
        // q3 is no answer at all: it is named with the others, not a reason to drop them all.
        answers: { q1: 4, q2: 99, gone: 3, q3: null },
      });
      await openWith(scan, { [KEY]: saved });
      const skipped = scan.page.getByRole('status').filter({ hasText: 'Some answers no longer fitted the questions; skipped:' });
      await skipped.waitFor();
      for (const named of ['We rarely miss a deadline.', 'gone', 'We listen to every customer.']) {
        assert.ok((await skipped.textContent()).includes(named), `${named} is named`);
      }
      // The page opens on the saved step (without taking focus).
      await page.getByRole('heading', { level: 2, name: 'Pace', exact: true }).waitFor();
      assert.ok(await scan.option('We deliver quickly.', 'Agree').isChecked(), 'the answers that fit are loaded');
      // The scan saves without the two that do not fit; the value as it was is kept aside.
      await page.waitForFunction((key) => !(localStorage.getItem(key) ?? '').includes('gone'), KEY);
      const stored = await scan.storage();
      assert.equal(stored[SET_ASIDE], saved, 'the saved value is kept under …:set-aside, unchanged');
      assert.equal(JSON.parse(stored[KEY]).answers.q1, 4);
      assert.deepEqual(session.errors(), [], 'no console errors or page errors');
    } finally {
      await session.close();
    }
  });

  test('a state saved on the report without a single answer opens on the welcome screen, and Start leads to the first question', { skip: DIST_MISSING, timeout: 60_000 }, async () => {
    const session = await newPage(env.browser);
    const { page } = session;
    const scan = new ScanPage(page, env.server.url);
    const t = scan.t;
    try {
      const empty = JSON.stringify({
        format: 'sextant-state/1', assessment: 'e2e-small', version: '1', step: 'report', locale: 'en', revision: 4, answers: {},
      });
      await openWith(scan, { [KEY]: empty });
      await scan.button(t.start).waitFor();
      assert.equal(await scan.resultsHeading().count(), 0, 'no report of empty scores');
      await scan.start();
      await scan.waitForStep(1, 2, 'Pace');
      assert.deepEqual(session.errors(), [], 'no console errors or page errors');
    } finally {
      await session.close();
    }
  });

  test('answers saved for another version: a message, kept, not loaded', { skip: DIST_MISSING, timeout: 60_000 }, async () => {
    const session = await newPage(env.browser);
    const { page } = session;
    const scan = new ScanPage(page, env.server.url);
    const t = scan.t;
    try {
      await openWith(scan, { [OLD_KEY]: OLD_STATE });
      const notice = scan.notice(t.setAsideVersion('0'));
      await notice.waitFor();
      await scan.button(t.start).waitFor();
      await expectNoAxeViolations(page, 'welcome screen with the other-version message');

      await scan.start();
      await scan.waitForStep(1, 2, 'Pace');
      await expectNoAxeViolations(page, 'step 1 after the other-version message');
      assert.equal(await scan.option('We deliver quickly.', 'Strongly agree').isChecked(), false,
        'the other version\'s answer is not loaded');
      await scan.answer('We rarely miss a deadline.', 'Neutral');
      await page.waitForFunction((key) => (localStorage.getItem(key) ?? '').includes('"q2":3'), KEY);
      const stored = await scan.storage();
      assert.equal(stored[OLD_KEY], OLD_STATE, 'the other version\'s answers are kept as they were');
      assert.equal(stored[`${OLD_KEY}:set-aside`], undefined);

      assert.deepEqual(session.errors(), [], 'no console errors or page errors');
    } finally {
      await session.close();
    }
  });
});
