// What a visitor does with links and tabs: "Delete my answers" in one tab empties the others; a
// share or team link pasted into a tab that already shows the page opens; the team view takes
// focus; a refused clipboard is said, not "Copied."; a right-to-left host page does not mirror
// the widget; `ready` is the first event, in the language on screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { DIST_DIR } from '../lib/server.mjs';
import { newPage, useServerAndBrowser } from '../lib/browser.mjs';

const SKIP = !existsSync(`${DIST_DIR}/index.html`);
const SMALL = '/index.html?lang=en&src=/fixtures/small.json';
const KEY = 'sextant:e2e-small:1';
const env = useServerAndBrowser({ root: DIST_DIR });

/** Runs `fn` on a new page of its own, closed afterwards. */
async function onPage(fn) {
  const p = await newPage(env.browser);
  try {
    await fn(p.page, p);
  } finally {
    await p.close();
  }
}

const button = (page, name) => page.getByRole('button', { name, exact: true });
const option = (page, q, o) =>
  page.getByRole('group', { name: q, exact: true }).getByRole('radio', { name: o, exact: true });

test('"Delete my answers" in one tab empties the other tab, which does not save them back', { skip: SKIP }, async () => {
  const context = await env.browser.newContext();
  try {
    const a = await context.newPage();
    await a.goto(`${env.server.url}${SMALL}`);
    await button(a, 'Start').click();
    await option(a, 'We deliver quickly.', 'Agree').check();
    await a.waitForFunction((k) => localStorage.getItem(k)?.includes('"q1"'), KEY);
    const b = await context.newPage();
    await b.goto(`${env.server.url}${SMALL}`);
    await option(b, 'We deliver quickly.', 'Agree').and(b.locator(':checked')).waitFor();

    await button(a, 'Delete my answers').click();
    await button(a, 'Yes, delete').click();
    await a.getByText('Your answers have been erased from this browser.').waitFor();
    // Tab B forgets them too, says so, and is back on the welcome screen.
    await b.getByText('Your answers have been erased from this browser.').waitFor();
    await button(b, 'Start').waitFor();
    assert.equal(await button(b, 'Continue where you left off').count(), 0);
    await button(b, 'Start').click();
    assert.equal(await option(b, 'We deliver quickly.', 'Agree').isChecked(), false);
    await button(b, 'Next').click();
    await b.getByText('Step 2 of 2').waitFor();
    // Nothing B did brought the deleted answer back.
    const saved = await b.evaluate((k) => localStorage.getItem(k), KEY);
    assert.ok(saved === null || !saved.includes('"q1"'), `storage holds ${saved}`);
    assert.deepEqual(await a.evaluate(() => Object.keys(localStorage).filter((k) => k.endsWith(':erased'))), [],
      'the signal leaves nothing behind');
  } finally {
    await context.close();
  }
});

test('a share link or #team pasted into a tab already on the page opens', { skip: SKIP }, async () => {
  await onPage(async (page, p) => {
    await page.goto(`${env.server.url}${SMALL}`);
    await button(page, 'Start').click();
    await option(page, 'We deliver quickly.', 'Agree').check();
    await option(page, 'We rarely miss a deadline.', 'Agree').check();
    await button(page, 'Next').click();
    await option(page, 'We listen to every customer.', 'Disagree').check();
    await button(page, 'See results').click();
    await button(page, 'Make a share link').click();
    const link = await page.getByLabel('Share link', { exact: true }).inputValue();
    const code = link.slice(link.indexOf('#'));
    assert.match(code, /^#r=/);
    // The page again, on the visitor's own report; then only the fragment changes, as when
    // the link is pasted into the address bar.
    await page.goto(`${env.server.url}${SMALL}`);
    await button(page, 'Make a share link').waitFor();
    assert.equal(await page.getByText('You are viewing a shared report. It cannot be changed.').count(), 0);
    await page.evaluate((h) => { location.hash = h; }, code);
    await page.getByText('You are viewing a shared report. It cannot be changed.').waitFor();
    await page.getByRole('cell', { name: '75', exact: true }).waitFor(); // Speed: (0.75 + 0.75) / 2
    // The browser's Back returns to the visitor's own report.
    await page.goBack();
    await button(page, 'Make a share link').waitFor();
    assert.equal(await page.getByText('You are viewing a shared report. It cannot be changed.').count(), 0);
    // #team, likewise; the view's heading takes focus.
    await page.evaluate(() => { location.hash = '#team'; });
    const heading = page.getByRole('heading', { level: 1, name: 'Team comparison', exact: true });
    await heading.waitFor();
    assert.ok(await heading.evaluate((h) => h.getRootNode().activeElement === h), 'the heading has focus');
    assert.deepEqual(p.pageErrors, []);
  });
});

test('the team view, opened from the welcome screen, takes focus on its heading', { skip: SKIP }, async () => {
  await onPage(async (page) => {
    await page.goto(`${env.server.url}${SMALL}`);
    await button(page, 'Team comparison').focus();
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { level: 1, name: 'Team comparison', exact: true });
    await heading.waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'sx-team-title');
  });
});

test('a clipboard the browser refuses is said, and the link is selected for the keyboard', { skip: SKIP }, async () => {
  await onPage(async (page, p) => {
    // As on a plain-http intranet page: no navigator.clipboard at all.
    await page.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true });
    });
    await page.goto(`${env.server.url}${SMALL}`);
    await button(page, 'Start').click();
    await button(page, 'Next').click();
    await button(page, 'See results').click();
    await button(page, 'Make a share link').click();
    await button(page, 'Copy').click();
    await page.getByRole('status').filter({ hasText: 'This browser would not copy. The link is selected' }).waitFor();
    assert.equal(await page.getByText('Copied.', { exact: true }).count(), 0);
    const selected = await page.evaluate(() => {
      const input = document.activeElement;
      return input?.id === 'sx-share-link' && input.selectionStart === 0 && input.selectionEnd === input.value.length;
    });
    assert.ok(selected, 'the link field has focus with the whole link selected');
    assert.deepEqual(p.pageErrors, [], 'no uncaught error');
  });
});

test('a right-to-left host page does not mirror the widget; `ready` comes first, in the language shown', { skip: SKIP }, async () => {
  await onPage(async (page) => {
    await page.goto(`${env.server.url}/fixtures/embed-host.html`);
    await page.evaluate(() => {
      document.documentElement.dir = 'rtl';
      document.documentElement.lang = 'he';
      window.__events = [];
      const el = document.createElement('sextant-scan');
      el.setAttribute('src', '/fixtures/small.json');
      el.setAttribute('lang', 'en');
      for (const n of ['ready', 'step']) el.addEventListener(`sextant:${n}`, (e) => window.__events.push([n, e.detail]));
      document.body.append(el);
    });
    await page.waitForFunction(() => window.__events.length >= 2);
    const [[first, ready], [second]] = await page.evaluate(() => window.__events);
    assert.deepEqual([first, second], ['ready', 'step'], 'ready, then step');
    assert.equal(ready.locale, 'en');
    assert.equal(typeof ready.title, 'string');
    const start = page.locator('sextant-scan').getByRole('button', { name: 'Start', exact: true });
    await start.waitFor();
    const dir = await start.evaluate((b) => getComputedStyle(b).direction);
    assert.equal(dir, 'ltr', 'the widget keeps its own direction');
    assert.equal(await page.locator('sextant-scan').locator('.sx-app').getAttribute('dir'), 'ltr');
  });
});

test('sextant:complete is sent once for a set of answers: not again after Back or a reload', { skip: SKIP }, async () => {
  await onPage(async (page) => {
    await page.addInitScript(() => {
      window.__complete = [];
      window.__reportSteps = 0;
      document.addEventListener('sextant:complete', (e) => window.__complete.push(e.detail.answers));
      document.addEventListener('sextant:step', (e) => {
        if (e.detail.index > e.detail.count) window.__reportSteps += 1;
      });
    });
    const count = () => page.evaluate(() => window.__complete.length);
    await page.goto(`${env.server.url}${SMALL}`);
    await button(page, 'Start').click();
    await option(page, 'We deliver quickly.', 'Agree').check();
    await button(page, 'Next').click();
    await button(page, 'See results').click();
    await page.waitForFunction(() => window.__complete.length === 1);
    // Back and See results again, with the same answers: nothing new to send.
    await button(page, 'Back').click();
    await button(page, 'See results').click();
    await page.waitForFunction(() => window.__reportSteps === 2);
    assert.equal(await count(), 1, 'not sent again after Back');
    // A reload lands on the report: the same answers, still nothing new.
    await page.reload();
    await button(page, 'Make a share link').waitFor();
    // The report's `step` is queued after any `complete` would be: once it is here, count.
    await page.waitForFunction(() => window.__reportSteps === 1);
    assert.equal(await count(), 0, 'not sent again after the reload');
    // Changed answers are a new result.
    await button(page, 'Back').click();
    await option(page, 'We listen to every customer.', 'Agree').check();
    await button(page, 'See results').click();
    await page.waitForFunction(() => window.__complete.length === 1);
    assert.deepEqual(Object.keys((await page.evaluate(() => window.__complete))[0]).sort(), ['q1', 'q3']);
  });
});

test('while the widget loads, the element says so; then the scan replaces the message', { skip: SKIP }, async () => {
  await onPage(async (page) => {
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route((url) => url.pathname.endsWith('.wasm'), async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${env.server.url}/fixtures/embed-host.html`);
    await page.evaluate(() => {
      const el = document.createElement('sextant-scan');
      el.setAttribute('src', '/fixtures/small.json');
      el.setAttribute('lang', 'nl');
      document.body.append(el);
    });
    const scan = page.locator('sextant-scan');
    const loading = scan.getByRole('status').filter({ hasText: 'De vragenlijst wordt geladen…' });
    await loading.waitFor();
    assert.equal(await loading.getAttribute('lang'), 'nl');
    release();
    await scan.getByRole('button', { name: 'Start', exact: true }).waitFor();
    assert.equal(await loading.count(), 0);
  });
});

test('after a crash, focus that was in the widget goes to the error box', { skip: SKIP }, async () => {
  await onPage(async (page) => {
    await page.goto(`${env.server.url}${SMALL}`);
    await button(page, 'Start').focus();
    await page.waitForFunction(() => typeof window.wasmBindings?.panic_for_test === 'function');
    await page.evaluate(() => {
      try {
        window.wasmBindings.panic_for_test();
      } catch {
        // The panic reaches the caller as an exception; the box is what counts here.
      }
    });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'alert');
    assert.equal(await alert.getAttribute('tabindex'), '-1');
  });
});

test("a host page's own anchor named team does not open the team view", { skip: SKIP }, async () => {
  await onPage(async (page) => {
    await page.goto(`${env.server.url}${SMALL}`);
    await button(page, 'Start').waitFor();
    await page.evaluate(() => {
      window.__teamSeen = false;
      new MutationObserver(() => {
        if (document.getElementById('sx-team-title')) window.__teamSeen = true;
      }).observe(document.body, { subtree: true, childList: true });
      const section = document.createElement('h2');
      section.id = 'team';
      section.textContent = 'Our team';
      document.body.append(section);
      location.hash = '#team';
    });
    // Two frames: a team view, had it been asked for, would be drawn by then.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    // A share link still opens afterwards: the listener is alive, it only left the anchor alone.
    await page.evaluate(() => { location.hash = '#r=AAAA'; });
    await page.getByText('This share link cannot be opened:', { exact: false }).waitFor();
    assert.equal(await page.evaluate(() => window.__teamSeen), false, 'the team view never appeared');
  });
});
