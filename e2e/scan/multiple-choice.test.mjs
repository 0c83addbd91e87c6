// A multiple choice with a minimum and a maximum. The boxes on screen are always what is kept:
// fewer than the minimum are held on the step but are no answer (nothing is saved or scored,
// and the visitor is stopped with the rule rather than losing them),
// a box beyond the maximum stays unticked and the rule under the boxes says why, and unticking
// the last box of a question that needs one clears the answer.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { expectNoAxeViolations } from '../lib/axe.mjs';
import { newPage, useServerAndBrowser } from '../lib/browser.mjs';
import { DIST_MISSING, ScanPage } from '../lib/scan-page.mjs';
import { DIST_DIR } from '../lib/server.mjs';

const KEY = 'sextant:e2e-multi:1';

describe('multiple choice with a minimum and a maximum', () => {
  const env = useServerAndBrowser({ root: DIST_DIR }, { skip: DIST_MISSING });

  for (const [lang, words] of [
    ['en', { question: 'Which channels do you use?', boxes: ['Shop', 'Web', 'Phone', 'Partners'], rule: 'Choose 2 to 3.', chosen: (n) => `${n} chosen.`, full: 'Untick one to choose another.', one: 'Which do you lead with?', price: 'Price' }],
    ['nl', { question: 'Welke kanalen gebruikt u?', boxes: ['Winkel', 'Web', 'Telefoon', 'Partners'], rule: 'Kies er 2 tot en met 3.', chosen: (n) => `${n} gekozen.`, full: 'Vink er eerst een uit om een andere te kiezen.', one: 'Waarmee loopt u voorop?', price: 'Prijs' }],
  ]) {
    test(`the boxes shown are the answer kept (${lang})`, { skip: DIST_MISSING, timeout: 90_000 }, async () => {
      const session = await newPage(env.browser);
      const { page } = session;
      const scan = new ScanPage(page, env.server.url);
      scan.useLanguage(lang);
      const group = page.getByRole('group', { name: words.question });
      const box = (label) => group.getByRole('checkbox', { name: label, exact: true });
      const rule = group.locator('.sx-choose');
      const saved = (id) => page.evaluate(([key, q]) => JSON.parse(localStorage.getItem(key) ?? '{}').answers?.[q] ?? null, [KEY, id]);
      const savedIs = (id, want) => page.waitForFunction(([key, q, w]) =>
        JSON.stringify(JSON.parse(localStorage.getItem(key) ?? '{}').answers?.[q] ?? null) === w, [KEY, id, JSON.stringify(want)]);
      const [shop, web, phone, partners] = words.boxes;
      try {
        await scan.open({ lang, src: '/fixtures/multi-choose.json' });
        await scan.start();
        await rule.filter({ hasText: `${words.rule} ${words.chosen(0)}` }).waitFor();
        // The rule is part of the group's description.
        const described = await group.evaluate((el) => el.getAttribute('aria-describedby')
          .split(' ').map((id) => el.ownerDocument.getElementById(id)?.textContent).join(' '));
        assert.match(described, new RegExp(words.rule.replace('.', '\\.')));

        // One of at least two: ticked on screen, but no answer, and the visitor cannot go on
        // without a word: See results names the question and its rule, and the step stays.
        await box(shop).check();
        await rule.filter({ hasText: words.chosen(1) }).waitFor();
        assert.equal(await box(shop).isChecked(), true);
        await scan.button(scan.t.seeResults).click();
        const alert = scan.blockedAlert().filter({ hasText: `${words.question} — ${words.rule}` });
        await alert.waitFor();
        assert.equal(await box(shop).isChecked(), true, 'the box ticked stays ticked');
        assert.equal(await scan.stepHeading().count(), 1, 'still on the step');
        await expectNoAxeViolations(page, `${lang}: a choice below the minimum`);
        await box(web).check();
        await alert.waitFor({ state: 'detached' });
        await savedIs('pick', ['a', 'b']);
        await box(phone).check();
        await savedIs('pick', ['a', 'b', 'c']);

        // A fourth: refused, and said.
        await box(partners).click();
        await rule.filter({ hasText: words.full }).waitFor();
        assert.equal(await box(partners).isChecked(), false, 'the fourth box stays unticked');
        assert.deepEqual(await saved('pick'), ['a', 'b', 'c']);
        await expectNoAxeViolations(page, `${lang}: the rule after a refused box`);

        // Back below the minimum: the answer is gone, the box still ticked stays ticked.
        await box(shop).uncheck();
        await box(web).uncheck();
        await savedIs('pick', null);
        await rule.filter({ hasText: `${words.rule} ${words.chosen(1)}` }).waitFor();
        assert.equal(await box(phone).isChecked(), true);
        assert.equal(await box(shop).isChecked(), false);

        // "Don't know", then a box: the box shows, and "don't know" is no longer the answer.
        const dontKnow = group.getByRole('checkbox', { name: scan.t.dontKnow, exact: true });
        await box(web).check();
        await savedIs('pick', ['b', 'c']);
        await dontKnow.check();
        await savedIs('pick', 'dont_know');
        assert.equal(await box(phone).isChecked(), false, '"don\'t know" clears the boxes');
        // Unticked, it brings back the boxes it replaced.
        await dontKnow.uncheck();
        await savedIs('pick', ['b', 'c']);
        assert.equal(await box(phone).isChecked(), true);
        await box(phone).uncheck();
        await box(web).uncheck();
        await savedIs('pick', null);
        await dontKnow.check();
        await savedIs('pick', 'dont_know');
        await box(web).check();
        await savedIs('pick', null);
        assert.equal(await box(web).isChecked(), true);
        assert.equal(await dontKnow.isChecked(), false);

        // At least one: unticking the only box clears the answer.
        const one = page.getByRole('group', { name: words.one }).getByRole('checkbox', { name: words.price });
        await one.check();
        await savedIs('one', ['x']);
        await one.uncheck();
        await savedIs('one', null);
        assert.equal(await one.isChecked(), false);
        await page.reload();
        await scan.stepHeading().waitFor();
        assert.equal(await one.isChecked(), false, 'still unticked after a reload');
        assert.deepEqual(session.errors(), [], 'no console errors or page errors');
      } finally {
        await session.close();
      }
    });
  }
});

// Boxes ticked below the minimum are kept in the tab while the visitor goes back and forth,
// and a box ticked over "don't know" does not bring back the answer "don't know" replaced.
describe('multiple choice below its minimum, across steps', () => {
  const env = useServerAndBrowser({ root: DIST_DIR }, { skip: DIST_MISSING });
  const STEPS_KEY = 'sextant:e2e-multi-steps:1';

  test('the boxes stay ticked after Back and Next', { skip: DIST_MISSING, timeout: 90_000 }, async () => {
    const session = await newPage(env.browser);
    const { page } = session;
    const scan = new ScanPage(page, env.server.url);
    const group = page.getByRole('group', { name: 'Which channels do you use?' });
    const box = (label) => group.getByRole('checkbox', { name: label, exact: true });
    const dontKnow = group.getByRole('checkbox', { name: scan.t.dontKnow, exact: true });
    const rule = group.locator('.sx-choose');
    const savedIs = (want) => page.waitForFunction(([key, w]) =>
      JSON.stringify(JSON.parse(localStorage.getItem(key) ?? '{}').answers?.pick ?? null) === w,
    [STEPS_KEY, JSON.stringify(want)]);
    try {
      await scan.open({ src: '/fixtures/multi-choose-steps.json' });
      await scan.start();
      await page.getByRole('group', { name: 'Which do you lead with?' })
        .getByRole('checkbox', { name: 'Price' }).check();
      await scan.button(scan.t.next).click();
      await group.waitFor();

      await box('Shop').check();
      await rule.filter({ hasText: '1 chosen.' }).waitFor();
      await scan.button(scan.t.back).click();
      await group.waitFor({ state: 'detached' });
      await scan.button(scan.t.next).click();
      await group.waitFor();
      assert.equal(await box('Shop').isChecked(), true, 'the box ticked before Back is still ticked');
      await rule.filter({ hasText: 'Choose 2 to 3. 1 chosen.' }).waitFor();
      // Still no answer: See results stops at the question with its rule.
      await scan.button(scan.t.seeResults).click();
      await scan.blockedAlert().filter({ hasText: 'Which channels do you use? — Choose 2 to 3.' }).waitFor();
      await box('Web').check();
      await savedIs(['a', 'b']);

      // An answer, then "don't know", then a box: that box alone, and no answer.
      await dontKnow.check();
      await savedIs('dont_know');
      await box('Phone').check();
      await rule.filter({ hasText: '1 chosen.' }).waitFor();
      assert.equal(await dontKnow.isChecked(), false);
      assert.deepEqual(
        await Promise.all(['Shop', 'Web', 'Phone'].map((b) => box(b).isChecked())),
        [false, false, true],
        'the answer "don\'t know" replaced does not come back',
      );
      await savedIs(null);
      assert.deepEqual(session.errors(), [], 'no console errors or page errors');
    } finally {
      await session.close();
    }
  });
});
