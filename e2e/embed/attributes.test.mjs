// Changing the attributes of a mounted <sextant-scan>: `lang` switches the language and keeps the
// saved answers; `theme` switches light/dark on the mount point without remounting; `src` loads
// the other assessment.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { expectNoAxeViolations } from '../lib/axe.mjs';
import {
  EmbedScan, SMALL, UI, addScan, assertNoErrors, events, recordEvents, rootClass, skip, useBrowser, waitForEvents,
} from './embed-page.mjs';

const HOST = '/fixtures/embed-host.html';
const BILINGUAL = {
  src: '/fixtures/embed-bilingual.json',
  title: { nl: 'Tweetalige testscan', en: 'Bilingual test scan' },
  step1: { nl: 'Tempo', en: 'Pace' },
  q1: { nl: 'We leveren snel.', en: 'We deliver quickly.' },
  q2: { nl: 'We missen zelden een deadline.', en: 'We rarely miss a deadline.' },
  agree: { nl: 'Eens', en: 'Agree' },
  stronglyAgree: { nl: 'Helemaal eens', en: 'Strongly agree' },
};

const setAttribute = (element, name, value) =>
  element.evaluate((el, [name, value]) => el.setAttribute(name, value), [name, value]);

describe('attribute changes', () => {
  const ctx = useBrowser();

  test('lang nl → en switches the language and keeps the saved answers', { skip, timeout: 90_000 }, async () => {
    await ctx.session(async (session) => {
      const { page } = session;
      await recordEvents(page);
      await page.goto(`${ctx.server.url}${HOST}`);
      const element = await addScan(page, { lang: 'nl', src: BILINGUAL.src, 'storage-key': 'attr-lang' });
      const scan = new EmbedScan(element, 'nl');
      await scan.waitForWelcome(BILINGUAL.title.nl);
      await scan.start();
      await scan.waitForStep(1, 2, BILINGUAL.step1.nl);
      await scan.answer(BILINGUAL.q1.nl, BILINGUAL.agree.nl);
      await scan.answer(BILINGUAL.q2.nl, BILINGUAL.stronglyAgree.nl);
      await expectNoAxeViolations(page, 'lang: step 1 in Dutch');

      await setAttribute(element, 'lang', 'en');
      await waitForEvents(page, 'ready', 2);
      // The same step, now in English, with the answers given in Dutch.
      const english = new EmbedScan(element, 'en');
      await scan.stepText(1, 2).or(english.stepText(1, 2)).waitFor();
      const shown = await element.getByText(/^(Stap|Step) 1 (van|of) 2$/).innerText();
      assert.equal(shown, 'Step 1 of 2', 'after lang="en" the widget speaks English');
      scan.setLang('en');
      await scan.stepHeading(BILINGUAL.step1.en).waitFor();
      assert.ok(await scan.option(BILINGUAL.q1.en, BILINGUAL.agree.en).isChecked(), 'q1 kept its answer');
      assert.ok(await scan.option(BILINGUAL.q2.en, BILINGUAL.stronglyAgree.en).isChecked(), 'q2 kept its answer');
      assert.equal(await scan.button(UI.en.next).count(), 1, 'the interface speaks English');
      assert.equal(await scan.button(UI.nl.next).count(), 0, 'no Dutch left');
      assert.equal(await element.getByRole('group', { name: BILINGUAL.q1.nl }).count(), 0, 'no Dutch question left');
      await expectNoAxeViolations(page, 'lang: step 1 in English');
      assertNoErrors(session);
    });
  });

  test('lang in any letter case, and a language the assessment lacks falls back to the browser\'s, then the default', { skip, timeout: 90_000 }, async () => {
    // [browser locale, lang attribute, the language shown]
    for (const [browser, lang, shown] of [
      ['en-US', 'EN', 'en'],
      ['nl-NL', 'En-gb', 'en'],
      ['en-US', 'fr', 'en'],
      ['nl-NL', 'fr', 'nl'],
      ['de-DE', 'fr', 'nl'],
    ]) {
      await ctx.session(async (session) => {
        const { page } = session;
        await page.goto(`${ctx.server.url}${HOST}`);
        const element = await addScan(page, { lang, src: BILINGUAL.src, 'storage-key': `attr-case-${browser}-${lang}` });
        const scan = new EmbedScan(element, shown);
        await scan.waitForWelcome(BILINGUAL.title[shown]);
        assert.equal(await element.locator('.sx-app').getAttribute('lang'), shown, `${browser}, lang="${lang}"`);
        assertNoErrors(session);
      }, { locale: browser });
    }
  });

  test('theme light → dark → auto changes the mount point\'s class without remounting', { skip, timeout: 60_000 }, async () => {
    await ctx.session(async (session) => {
      const { page } = session;
      await recordEvents(page);
      await page.goto(`${ctx.server.url}${HOST}`);
      const element = await addScan(page, { lang: 'en', src: '/fixtures/small.json', theme: 'light', 'storage-key': 'attr-theme' });
      const scan = new EmbedScan(element, 'en');
      await scan.waitForWelcome(SMALL.title);
      await scan.start();
      await scan.waitForStep(1, 2, SMALL.steps[0]);
      await scan.answer(...SMALL.answers[0]);
      assert.equal(await rootClass(element), 'sextant sx-theme-light');
      const background = () => element.evaluate((el) => getComputedStyle(el.shadowRoot.firstElementChild).backgroundColor);
      assert.equal(await background(), 'rgb(255, 255, 255)');
      // Mark the rendered DOM: a remount would replace it.
      await element.evaluate((el) => { window.__mounted = el.shadowRoot.querySelector('h2'); });
      const readyBefore = (await events(page, 'ready')).length;
      await expectNoAxeViolations(page, 'theme: light');

      await setAttribute(element, 'theme', 'dark');
      assert.equal(await rootClass(element), 'sextant sx-theme-dark', 'dark at once (no remount, no wait)');
      assert.equal(await background(), 'rgb(20, 24, 30)', 'the dark colours apply');
      await expectNoAxeViolations(page, 'theme: dark');

      await setAttribute(element, 'theme', 'auto');
      assert.equal(await rootClass(element), 'sextant');

      assert.ok(await element.evaluate((el) => el.shadowRoot.querySelector('h2') === window.__mounted),
        'the same rendered step: not remounted');
      assert.equal((await events(page, 'ready')).length, readyBefore, 'no new sextant:ready');
      await scan.stepText(1, 2).waitFor();
      assert.ok(await scan.option(...SMALL.answers[0]).isChecked(), 'the answer on screen is kept');
      assertNoErrors(session);
    });
  });

  test('src change loads the other assessment', { skip, timeout: 60_000 }, async () => {
    await ctx.session(async (session) => {
      const { page } = session;
      await recordEvents(page);
      await page.goto(`${ctx.server.url}${HOST}`);
      const element = await addScan(page, { lang: 'en', src: '/fixtures/small.json', 'storage-key': 'attr-src' });
      const scan = new EmbedScan(element, 'en');
      await scan.waitForWelcome(SMALL.title);
      await expectNoAxeViolations(page, 'src: small');

      await setAttribute(element, 'src', BILINGUAL.src);
      await scan.waitForWelcome(BILINGUAL.title.en);
      assert.equal(await scan.titleHeading().count(), 1, 'one widget in the element');
      assert.equal(await element.getByText(SMALL.title).count(), 0, 'the first assessment is gone');
      const ready = await waitForEvents(page, 'ready', 2);
      assert.deepEqual(ready.map((e) => e.detail.assessment), ['e2e-small', 'e2e-bilingual']);

      await scan.start();
      await scan.waitForStep(1, 2, BILINGUAL.step1.en);
      await scan.question(BILINGUAL.q1.en).waitFor();
      await expectNoAxeViolations(page, 'src: bilingual step 1');
      assertNoErrors(session);
    });
  });

  test('a blank src counts as none (the built-in scan); a src that answers with a web page is named, with what came back', { skip, timeout: 60_000 }, async () => {
    await ctx.session(async (session) => {
      const { page } = session;
      await recordEvents(page);
      await page.goto(`${ctx.server.url}${HOST}`);
      const blank = await addScan(page, { lang: 'en', src: '   ', 'storage-key': 'attr-blank' });
      await new EmbedScan(blank, 'en').waitForWelcome('Commercial Excellence Scan');

      // A single-page app's index, served where the file was expected.
      await setAttribute(blank, 'src', HOST);
      const alert = blank.getByRole('alert').filter({ hasText: 'This assessment could not be loaded' });
      await alert.waitFor();
      const said = `${ctx.server.url}${HOST}: not valid JSON at line 1, column 1: this is an HTML or XML page, not JSON: the address may lead to a web page instead of the file`;
      assert.ok((await alert.innerText()).includes(said), await alert.innerText());
      const [error] = await waitForEvents(page, 'error');
      assert.equal(error.detail.message, said);
      await expectNoAxeViolations(page, 'src: a web page');
      assertNoErrors(session, { expected: [] });
    });
  });

  test('attribute changes while the widget is still loading: the last one wins', { skip, timeout: 60_000 }, async () => {
    await ctx.session(async (session) => {
      const { page } = session;
      await recordEvents(page);
      await page.goto(`${ctx.server.url}${HOST}`);
      // Connected and changed in the same task, before the wasm module has loaded.
      await page.evaluate((src) => {
        const el = document.createElement('sextant-scan');
        el.id = 'scan';
        el.setAttribute('lang', 'nl');
        el.setAttribute('src', '/fixtures/small.json');
        document.querySelector('main').append(el);
        el.setAttribute('src', src);
        el.setAttribute('lang', 'en');
      }, BILINGUAL.src);
      const element = page.locator('sextant-scan#scan');
      const scan = new EmbedScan(element, 'en');
      await scan.waitForWelcome(BILINGUAL.title.en);
      const ready = await waitForEvents(page, 'ready', 1);
      assert.deepEqual(ready.map((e) => e.detail.assessment), ['e2e-bilingual'], 'only the last options mounted');
      assert.equal(await element.evaluate((el) => el.shadowRoot.children.length), 1, 'one mount point');
      assert.equal(await scan.titleHeading().count(), 1);
      assertNoErrors(session);
    });
  });
});
