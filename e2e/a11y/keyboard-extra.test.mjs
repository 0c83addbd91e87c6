// Keyboard and screen-reader details of the toolbar's confirmations and the report's share link:
// Escape cancels a confirmation exactly as its Cancel button does (focus back to the button that
// asked, nothing changed); "Make a share link" moves focus to the new link field with the link
// selected, so the new field is read out; "Copied." is still announced in a status region that
// was on the page before Copy; and the report's actions are not a region misnamed after one of
// them. nl and en.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { DIST_DIR } from '../lib/server.mjs';
import { newPage, useServerAndBrowser } from '../lib/browser.mjs';
import { expectNoAxeViolations } from '../lib/axe.mjs';
import { DEFAULT_SCAN_KEY, STRINGS, saveBeforeLoad, savedAt } from '../lib/scan-page.mjs';

const DIST = `${DIST_DIR}/`; // SEXTANT_DIST, else dist/
const SKIP = !existsSync(`${DIST}index.html`);
const env = useServerAndBrowser({ root: DIST });

/** A page whose localStorage holds the saved answers at `step` before it loads. */
async function openAt(lang, step) {
  const p = await newPage(env.browser, { viewport: { width: 1024, height: 900 } });
  await saveBeforeLoad(p.page, savedAt(lang, step));
  await p.page.goto(`${env.server.url}/index.html?${new URLSearchParams({ lang, theme: 'light' })}`);
  await p.page.locator('#app h2').first().waitFor();
  return p;
}

const button = (page, name) => page.locator('#app').getByRole('button', { name, exact: true });

/** The focused element, described as "tag: text" or "tag#id". */
function focused(page) {
  return page.evaluate(() => {
    const e = document.activeElement;
    if (!e || e === document.body) return 'body';
    return e.id ? `${e.tagName.toLowerCase()}#${e.id}` : `${e.tagName.toLowerCase()}: ${e.textContent.trim().slice(0, 60)}`;
  });
}

/** Waits until `focused` describes the focused element as `what`, or fails saying where focus is. */
async function expectFocus(page, what, after) {
  try {
    await page.waitForFunction((w) => {
      const e = document.activeElement;
      if (!e || e === document.body) return w === 'body';
      const d = e.id ? `${e.tagName.toLowerCase()}#${e.id}` : `${e.tagName.toLowerCase()}: ${e.textContent.trim().slice(0, 60)}`;
      return d === w;
    }, what, { timeout: 5000 });
  } catch {
    assert.fail(`after ${after}, focus is on "${await focused(page)}", not on "${what}"`);
  }
}

/** Presses a control with the keyboard. */
async function press(locator, key = 'Enter') {
  await locator.focus();
  await locator.press(key);
}

/** The saved answers, as the widget keeps them in localStorage. */
const savedAnswers = (page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null')?.answers, DEFAULT_SCAN_KEY);

for (const lang of ['nl', 'en']) {
  const t = STRINGS[lang];

  test(`Escape in a confirmation cancels it as Cancel does (${lang})`, { skip: SKIP }, async () => {
    for (const [step, ask, yes] of [['proposition', t.startOver, t.yesStartOver], ['report', t.deleteAnswers, t.yesDelete]]) {
      const p = await openAt(lang, step);
      const { page } = p;
      try {
        const heading = await page.locator('#app h2').first().textContent();
        const answers = await savedAnswers(page);
        assert.ok(answers && Object.keys(answers).length > 0, 'the saved answers are loaded');
        const dialog = page.getByRole('alertdialog');
        // Escape on the dialog itself (where focus goes when it opens), on Cancel and on the
        // button that confirms: each time the dialog closes and focus is back on the button.
        for (const inside of [null, t.cancel, yes]) {
          await press(button(page, ask));
          await dialog.waitFor();
          await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'alertdialog');
          if (inside) await button(page, inside).focus();
          await page.keyboard.press('Escape');
          const where = `Escape on ${inside ? `"${inside}"` : 'the dialog'} of "${ask}" (${step})`;
          await dialog.waitFor({ state: 'detached', timeout: 5000 }).catch(() => assert.fail(`${where}: the confirmation is still open`));
          await expectFocus(page, `button: ${ask}`, where);
          assert.equal(await page.locator('#app h2').first().textContent(), heading, `${where}: the screen changed`);
          assert.deepEqual(await savedAnswers(page), answers, `${where}: the answers changed`);
        }
        // Escape outside a confirmation does nothing to the toolbar.
        await page.keyboard.press('Escape');
        assert.equal(await dialog.count(), 0);
        await expectFocus(page, `button: ${ask}`, 'Escape on the toolbar button');
        assert.deepEqual(p.errors(), [], 'no console errors or page errors');
      } finally {
        await p.close();
      }
    }
  });

  test(`"Make a share link" moves focus to the selected link; "Copied." is announced (${lang})`, { skip: SKIP }, async () => {
    const p = await openAt(lang, 'report');
    const { page, context } = p;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
    try {
      const field = page.locator('#app').getByRole('textbox', { name: t.shareLabel, exact: true });
      const selected = () => field.evaluate((el) => el.value.includes('#r=') && el.selectionStart === 0 && el.selectionEnd === el.value.length);
      await press(button(page, t.share));
      await field.waitFor();
      await expectFocus(page, 'input#sx-share-link', `Enter on "${t.share}"`);
      assert.ok(await selected(), 'the whole link is selected');
      assert.ok(await field.evaluate((el) => el.readOnly), 'the link field is read-only');
      await expectNoAxeViolations(page, `report with a share link (${lang})`);

      // Pressing it again (the same link) takes focus to the field again.
      await button(page, t.share).click();
      await expectFocus(page, 'input#sx-share-link', `a second click on "${t.share}"`);
      assert.ok(await selected(), 'the whole link is selected again');

      // Copy: focus stays on the button; "Copied." appears in a status region that was on the
      // page before.
      const status = await page.locator('#app .sx-share [role="status"]').elementHandle();
      assert.equal((await status.textContent()).trim(), '', 'the status region starts empty');
      await page.keyboard.press('Tab');
      await expectFocus(page, `button: ${t.copy}`, 'Tab from the link field');
      await page.keyboard.press('Enter');
      await page.waitForFunction(([el, text]) => el.isConnected && el.textContent.trim() === text, [status, t.copied]);
      await expectFocus(page, `button: ${t.copy}`, `Enter on "${t.copy}"`);
      await expectNoAxeViolations(page, `report with a share link, copied (${lang})`);
      assert.deepEqual(p.errors(), [], 'no console errors or page errors');
    } finally {
      await p.close();
    }
  });

  test(`the report's actions are a region named for all of them, not after one (${lang})`, { skip: SKIP }, async () => {
    const p = await openAt(lang, 'report');
    try {
      await button(p.page, t.share).waitFor();
      // They hold print, the exports and the import too, not only the share link.
      assert.equal(await p.page.locator('#app').getByRole('region', { name: t.share, exact: true }).count(), 0,
        `the report's actions are a region named "${t.share}"`);
      const actions = p.page.locator('#app').getByRole('region', { name: t.actions, exact: true });
      for (const name of [t.print, t.share]) {
        assert.equal(await actions.getByRole('button', { name, exact: true }).count(), 1, `"${name}" is in "${t.actions}"`);
      }
    } finally {
      await p.close();
    }
  });
}

test('the language changes only when its button is pressed: arrow keys change nothing (3.2.2), and focus stays on the button', { skip: SKIP }, async () => {
  const p = await newPage(env.browser, { viewport: { width: 1024, height: 900 } });
  const { page } = p;
  try {
    await page.goto(`${env.server.url}/index.html?lang=nl`);
    const title = page.locator('#app h1');
    await title.filter({ hasText: 'Scan Commerciële Excellentie' }).waitFor();
    const group = page.getByRole('group', { name: STRINGS.nl.language, exact: true });
    const dutch = group.getByRole('button', { name: 'Nederlands', exact: true });
    assert.equal(await dutch.getAttribute('aria-current'), 'true', 'the language shown is marked');
    await dutch.focus();
    for (const key of ['ArrowDown', 'ArrowRight', 'ArrowUp', 'End', 'Home']) await page.keyboard.press(key);
    // Pressing the language already shown changes nothing either.
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'nl');
    assert.match(await title.innerText(), /Scan Commerciële Excellentie/, 'still in Dutch after arrow keys and Enter on Nederlands');
    await expectFocus(page, 'button: Nederlands', 'arrow keys on the language buttons');

    await page.keyboard.press('Tab');
    await expectFocus(page, 'button: English', 'Tab from Nederlands');
    await page.keyboard.press('Enter');
    await title.filter({ hasText: 'Commercial Excellence Scan' }).waitFor();
    const english = page.getByRole('group', { name: STRINGS.en.language, exact: true }).getByRole('button', { name: 'English', exact: true });
    assert.equal(await english.getAttribute('aria-current'), 'true');
    assert.equal(await page.getByRole('group', { name: STRINGS.en.language, exact: true }).locator('[aria-current]').count(), 1);
    await expectFocus(page, 'button: English', 'Enter on English');
    await expectNoAxeViolations(page, 'welcome screen after switching the language with the keyboard');
    assert.deepEqual(p.errors(), [], 'no console errors or page errors');
  } finally {
    await p.close();
  }
});
