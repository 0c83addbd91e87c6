// A panic shows a readable error box and leaves the host page working; two tabs editing the same
// saved state never lose the newer answers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { DIST_DIR, startServer } from '../lib/server.mjs';
import { launch, newPage } from '../lib/browser.mjs';

const DIST = `${DIST_DIR}/`; // SEXTANT_DIST, else dist/
const SKIP = !existsSync(`${DIST}index.html`);
const SMALL = '/index.html?lang=en&src=/fixtures/small.json';
let server;
let browser;

before(async () => {
  server = await startServer({ root: DIST });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('a panic shows an error box with "Copy details" and the host page keeps working', { skip: SKIP }, async () => {
  const p = await newPage(browser);
  const { page } = p;
  await page.goto(`${server.url}${SMALL}`);
  await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
  await page.waitForFunction(() => typeof window.wasmBindings?.panic_for_test === 'function');
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
  await alert.getByRole('button', { name: 'Copy details' }).waitFor();
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
  const context = await browser.newContext();
  const a = await context.newPage();
  await a.goto(`${server.url}${SMALL}`);
  await a.getByRole('button', { name: 'Start', exact: true }).click();
  await a.getByText('Step 1 of 2').waitFor();
  // The second tab opens on the saved step.
  const b = await context.newPage();
  await b.goto(`${server.url}${SMALL}`);
  await b.getByText('Step 1 of 2').waitFor();
  const option = (page, q, o) =>
    page.getByRole('group', { name: q, exact: true }).getByRole('radio', { name: o, exact: true });

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
