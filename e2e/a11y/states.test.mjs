// WCAG 2.2 AA checks on the states the journeys pass by quickly or not at all: confirmations,
// notices, errors, the number step, a shared report, the team view and the panic box; where
// focus goes after each change of screen; live regions; reflow at a real 320 px viewport (what
// 400 % zoom gives on a 1280 px window); and the language of messages. docs/accessibility.md
// points here (T12–T16).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { DIST_DIR } from '../lib/server.mjs';
import { newPage, useServerAndBrowser } from '../lib/browser.mjs';
import { expectHeadingOrder, expectNoAxeViolations } from '../lib/axe.mjs';
import { DEFAULT_SCAN_KEY, SCAN_ANSWERS, STRINGS, saveBeforeLoad, savedAt, waitForElement } from '../lib/scan-page.mjs';

const DIST = `${DIST_DIR}/`; // SEXTANT_DIST, else dist/
const SKIP = !existsSync(`${DIST}index.html`);

const env = useServerAndBrowser({ root: DIST });

/** A page whose localStorage holds `saved` (a string) under the default key before it loads. */
async function pageWith(saved, options = {}) {
  const p = await newPage(env.browser, options);
  if (saved !== null) await saveBeforeLoad(p.page, saved);
  return p;
}

function url(lang, { theme = 'light', src, hash = '' } = {}) {
  const q = new URLSearchParams({ lang, theme });
  if (src) q.set('src', src);
  return `${env.server.url}/index.html?${q}${hash}`;
}

/** A full page load, also when only the fragment differs from the page's URL. */
async function load(page, address) {
  await page.goto('about:blank');
  await page.goto(address);
}

const button = (page, name) => page.locator('#app').getByRole('button', { name, exact: true });

/** Where focus is: a short description of the focused element. */
function focused(page) {
  return page.evaluate(() => {
    const e = document.activeElement;
    if (!e || e === document.body) return 'body';
    return `${e.tagName.toLowerCase()}: ${e.textContent.trim().slice(0, 60)}`;
  });
}

/** Waits until focus is on `what` ("tag: text", as `focused` describes it), or fails saying where it is. */
async function expectFocus(page, what, after) {
  const at = what.indexOf(': ');
  what = at < 0 ? what : `${what.slice(0, at)}: ${what.slice(at + 2).trim().slice(0, 60)}`;
  try {
    await page.waitForFunction((w) => {
      const e = document.activeElement;
      const d = !e || e === document.body ? 'body' : `${e.tagName.toLowerCase()}: ${e.textContent.trim().slice(0, 60)}`;
      return d === w;
    }, what, { timeout: 5000 });
  } catch {
    assert.fail(`after ${after}, focus is on "${await focused(page)}", not on "${what}"`);
  }
}

/** Resolves once the page has drawn another frame after this call. */
function nextFrame(page) {
  return page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Presses a button with the keyboard, as a keyboard user would. */
async function press(locator) {
  await locator.focus();
  await locator.press('Enter');
}

/** Makes the widget panic (the function the build exports for this test). */
function panic(page) {
  return page.evaluate(() => {
    try {
      window.wasmBindings.panic_for_test();
    } catch {
      /* the panic reaches the caller; the error box is what is checked */
    }
  });
}

/** A share link of the saved answers, made on the report. */
async function shareCode(lang) {
  const p = await pageWith(savedAt(lang, 'report'));
  await p.page.goto(url(lang));
  await button(p.page, STRINGS[lang].share).click();
  const field = p.page.getByRole('textbox', { name: STRINGS[lang].shareLabel, exact: true });
  await p.page.waitForFunction((el) => el.value.includes('#r='), await field.elementHandle());
  const link = await field.inputValue();
  await p.close();
  return link.slice(link.indexOf('#r='));
}

for (const lang of ['nl', 'en']) {
  for (const theme of ['light', 'dark']) {
    test(`axe finds nothing on confirmations, notices, errors and the other views (${lang}, ${theme})`, { skip: SKIP }, async () => {
      const t = STRINGS[lang];
      const hash = await shareCode(lang);
      const check = async (p, what) => expectNoAxeViolations(p.page, `${what} (${lang}, ${theme})`);
      const open = async (saved, options) => {
        const p = await pageWith(saved, { viewport: { width: 1024, height: 900 } });
        await p.page.emulateMedia({ colorScheme: theme });
        await p.page.goto(url(lang, { theme, ...options }));
        return p;
      };
      /** Opens a page that shows an error alert starting with `lead`, and checks it. */
      const visitError = async (options, lead, what) => {
        const p = await open(null, options);
        await p.page.getByRole('alert').filter({ hasText: lead }).waitFor();
        await check(p, what);
        await p.close();
      };

      // A step with the start-over confirmation open, then the report with the delete one.
      let p = await open(savedAt(lang, 'proposition'));
      await button(p.page, t.startOver).click();
      await p.page.getByRole('alertdialog').waitFor();
      await check(p, 'start-over confirmation');
      await p.close();

      p = await open(savedAt(lang, 'report'));
      await button(p.page, t.deleteAnswers).click();
      await p.page.getByRole('alertdialog').waitFor();
      await check(p, 'delete confirmation');
      // After deleting: the welcome screen with its notice.
      await button(p.page, t.yesDelete).click();
      await p.page.getByRole('status').filter({ hasText: t.deleted }).waitFor();
      await check(p, 'welcome with the "deleted" notice');
      // A file that cannot be imported.
      await p.page.getByLabel(t.importAnswers, { exact: true }).setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"not": "an export"') });
      await p.page.getByRole('status').filter({ hasText: `${t.importFailed} ${t.importUnreadable}` }).waitFor();
      await check(p, 'import failed');
      await p.close();

      // Damaged saved answers are set aside with a notice.
      p = await open('{"format": "sextant-state/1", "answers": ');
      await p.page.getByRole('status').filter({ hasText: t.setAsideCorrupt }).waitFor();
      await check(p, 'set-aside notice');
      await p.close();

      // The calculator step, with a number out of range.
      p = await open(savedAt(lang, 'calculator'));
      const number = p.page.locator('#app').getByRole('textbox').first();
      await number.fill('99999999999');
      await p.page.locator('#app [aria-invalid="true"]').first().waitFor();
      // The field's description says so, in a live region, so it is read while typing.
      const described = await number.evaluate((input) =>
        input.getAttribute('aria-describedby').split(' ').map((id) => document.getElementById(id)).filter((e) => e?.getAttribute('aria-live') === 'polite').length);
      assert.equal(described, 1, 'the allowed range is a polite live region');
      await check(p, 'number step with a value out of range');
      await p.close();

      // A shared report, a damaged link, and the team view before and after comparing.
      p = await open(null, { hash });
      await p.page.getByText(t.sharedReport).waitFor();
      await p.page.evaluate(() => document.querySelectorAll('#app details').forEach((d) => (d.open = true)));
      await check(p, 'shared report');
      await expectHeadingOrder(p.page, `shared report (${lang}, ${theme})`);
      await p.close();
      await visitError({ hash: '#r=AAAA' }, t.shareBroken, 'damaged share link');
      p = await open(null, { hash: '#team' });
      await p.page.getByRole('heading', { level: 1, name: t.team }).waitFor();
      await check(p, 'team view, empty');
      await p.page.getByLabel(t.teamLinks, { exact: true }).fill(`Ann: ${env.server.url}/${hash}\n${env.server.url}/${hash}\nnot a link`);
      await button(p.page, t.compare).click();
      await p.page.getByRole('table', { name: `${t.team} (2)` }).waitFor();
      await check(p, 'team view with a comparison and a line not read');
      await expectHeadingOrder(p.page, `team view (${lang}, ${theme})`);
      await p.close();

      // An assessment that cannot be loaded, and a panic.
      await visitError({ src: '/fixtures/broken.json' }, t.loadError, 'load error');
      p = await open(null);
      await button(p.page, t.start).waitFor();
      await panic(p.page);
      await p.page.getByRole('alert').waitFor();
      await check(p, 'panic box');
      await p.close();
    });
  }
}

test('focus goes to the new screen, or back to the button that asked; never lost (2.4.3)', { skip: SKIP }, async () => {
  const t = STRINGS.en;
  const hash = await shareCode('en');
  const p = await pageWith(savedAt('en', 'proposition'));
  const { page } = p;
  await page.goto(url('en'));
  const stepHeading = await page.locator('#app h2').first().textContent();
  // Opening the page on a saved step does not take focus from the host page.
  await page.locator('#app h2').first().waitFor();
  assert.equal(await focused(page), 'body', 'the widget took focus when the page opened');

  await press(button(page, t.startOver));
  await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'alertdialog');
  await press(button(page, t.cancel));
  await expectFocus(page, `button: ${t.startOver}`, 'Cancel');

  // Starting over on the step the visitor is on: focus to that step's heading.
  await press(button(page, t.startOver));
  await press(button(page, t.yesStartOver));
  await expectFocus(page, `h2: ${stepHeading}`, '"Yes, start over" on the first step');

  // Back to the welcome screen, and Start again.
  await press(button(page, t.back));
  const title = await page.locator('#app h1').textContent();
  await expectFocus(page, `h1: ${title}`, 'Back from the first step');
  await press(button(page, t.start));
  await expectFocus(page, `h2: ${stepHeading}`, 'Start');

  // Deleting: the welcome screen takes focus; its notice is announced in a region that was
  // already on the page; closing the notice leaves focus on the screen.
  const region = await page.locator('#app [role="status"]').first().elementHandle();
  await press(button(page, t.deleteAnswers));
  await press(button(page, t.yesDelete));
  await expectFocus(page, `h1: ${title}`, '"Yes, delete"');
  assert.ok(await region.evaluate((r, text) => r.isConnected && r.textContent.includes(text), t.deleted),
    'the "deleted" notice appeared in the live region that was there before');
  await press(button(page, t.close));
  await expectFocus(page, `h1: ${title}`, 'Close on the notice');

  // From the team view and a shared report back to the scan.
  await load(page, url('en', { hash: '#team' }));
  await page.getByRole('heading', { level: 1, name: t.team }).waitFor();
  // Opening the page on the team view or a shared report takes no focus either (effects run
  // before the next frame is drawn).
  await nextFrame(page);
  assert.equal(await focused(page), 'body', 'the team view took focus when the page opened');
  await press(button(page, t.backToScan));
  // The scan opens where the saved answers are (the page stores them again on every load).
  await expectFocus(page, `h2: ${stepHeading}`, 'Back to the scan');
  await load(page, url('en', { hash }));
  await page.getByText(t.sharedReport).waitFor();
  await nextFrame(page);
  assert.equal(await focused(page), 'body', 'the shared report took focus when the page opened');
  await press(button(page, t.takeScan));
  await expectFocus(page, `h2: ${stepHeading}`, 'Take the scan yourself');
  assert.deepEqual(p.errors(), []);
  await p.close();
});

test('the team view announces its result in a live region that was there before (4.1.3)', { skip: SKIP }, async () => {
  const t = STRINGS.en;
  const hash = await shareCode('en');
  const p = await pageWith(null);
  await p.page.goto(url('en', { hash: '#team' }));
  await p.page.getByRole('heading', { level: 1, name: t.team }).waitFor();
  const region = await p.page.locator('#app [role="status"]').elementHandle();
  assert.equal((await region.textContent()).trim(), '', 'the region is empty before comparing');
  await p.page.getByLabel(t.teamLinks, { exact: true }).fill(`${env.server.url}/${hash}\nnot a link`);
  await button(p.page, t.compare).click();
  await p.page.getByRole('table', { name: `${t.team} (1)` }).waitFor();
  const said = await region.evaluate((r) => (r.isConnected ? r.textContent : null));
  assert.ok(said?.includes(`${t.team} (1)`), `the region says how many were compared: ${said}`);
  assert.ok(said.includes(t.skippedLines) && said.includes('#2: '), `the region says which line was not read: ${said}`);
  await p.close();
});

test('at 320 px (400 % zoom of a 1280 px window) nothing is lost and nothing scrolls sideways (1.4.10)', { skip: SKIP }, async () => {
  const hash = await shareCode('nl');
  for (const lang of ['nl', 'en']) {
    const t = STRINGS[lang];
    const p = await pageWith(savedAt(lang, 'report'), { viewport: { width: 320, height: 640 } });
    const { page } = p;
    const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await page.goto(url(lang));
    await page.getByRole('heading', { level: 2, name: t.resultsHeading }).waitFor();
    assert.ok((await sideways()) <= 0, `${lang} report: scrolls sideways by ${await sideways()}px`);
    // Every cell of every score table is shown, the level column included.
    const cells = await page.evaluate(() => {
      const all = [...document.querySelectorAll('#app .sx-module .sx-scores :is(th, td)')];
      return {
        count: all.length,
        hidden: all.filter((c) => c.getClientRects().length === 0 || getComputedStyle(c).visibility === 'hidden').map((c) => c.textContent),
        outside: all.filter((c) => c.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).map((c) => c.textContent),
        columns: [...document.querySelectorAll('#app .sx-module .sx-scores thead tr')].map((r) => r.cells.length),
      };
    });
    assert.ok(cells.count > 50, `only ${cells.count} score-table cells`);
    assert.deepEqual(cells.hidden, [], `${lang}: cells hidden at 320 px`);
    assert.deepEqual(cells.outside, [], `${lang}: cells cut off at 320 px`);
    assert.ok(cells.columns.every((n) => n === 3), `${lang}: every score table keeps its three columns`);

    // The team view with a wide comparison: the page does not scroll, the table does, in a
    // named region that takes keyboard focus.
    await load(page, url(lang, { hash: '#team' }));
    await page.getByRole('heading', { level: 1, name: t.team }).waitFor();
    const links = ['A', 'B', 'C', 'D', 'E'].map((n) => `${n}: ${env.server.url}/${hash}`).join('\n');
    await page.getByLabel(t.teamLinks, { exact: true }).fill(links);
    await button(page, t.compare).click();
    const region = page.getByRole('region', { name: `${t.team} (5)` });
    await region.waitFor();
    assert.ok((await sideways()) <= 0, `${lang} team view: scrolls sideways by ${await sideways()}px`);
    assert.equal(await region.getAttribute('tabindex'), '0');
    assert.ok(await region.evaluate((r) => r.scrollWidth > r.clientWidth), 'the comparison is wider than the phone and scrolls in its region');
    await region.focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((r) => r.scrollLeft > 0, await region.elementHandle());
    await p.close();
  }
});

test('messages are marked with the language they are in (3.1.2)', { skip: SKIP }, async () => {
  const p = await pageWith(null);
  const { page } = p;
  // A load error in Dutch, with the engine's English detail marked as English.
  await page.goto(url('nl', { src: '/fixtures/broken.json' }));
  const alert = page.getByRole('alert').filter({ hasText: STRINGS.nl.loadError });
  await alert.waitFor();
  assert.equal(await alert.evaluate((a) => a.closest('[lang]').getAttribute('lang')), 'nl');
  assert.equal(await alert.locator('code').evaluate((c) => c.closest('[lang]').getAttribute('lang')), 'en');
  // A panic in a Dutch widget: the box is in Dutch, and says so; its detail is English.
  await load(page, url('nl'));
  await button(page, STRINGS.nl.start).waitFor();
  await panic(page);
  const alarm = page.getByRole('alert');
  await alarm.waitFor();
  assert.match(await alarm.textContent(), /Er ging iets mis in de vragenlijst/);
  assert.equal(await alarm.evaluate((a) => a.closest('[lang]').getAttribute('lang')), 'nl');
  assert.equal(await alarm.locator('pre').getAttribute('lang'), 'en');
  // "Copy details" says that it copied, in a status region that was there before, next to
  // the alert and not inside it (a change inside an alert repeats the whole alert).
  const box = page.locator('#app .sx-error');
  await p.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
  await box.getByRole('button', { name: 'Details kopiëren' }).click();
  await box.getByRole('status').filter({ hasText: STRINGS.nl.copied }).waitFor();
  assert.equal(await alarm.getByRole('status').count(), 0, 'the status is not inside the alert');
  assert.equal(await alarm.getByRole('button').count(), 0);
  await p.close();
});

test('the standalone page takes the language and title of what the widget shows; an embedding page keeps its own (3.1.1, 2.4.2)', { skip: SKIP }, async () => {
  const p = await pageWith(null);
  const { page } = p;
  /** Waits until the page's language and title are `lang` and `title`, or fails saying what they are. */
  const expectPage = async (lang, title, what) => {
    try {
      await page.waitForFunction(([l, t]) => document.documentElement.lang === l && document.title === t, [lang, title], { timeout: 5000 });
    } catch {
      const now = await page.evaluate(() => [document.documentElement.lang, document.title]);
      assert.fail(`${what}: the page is lang="${now[0]}", titled "${now[1]}"; expected lang="${lang}", "${title}"`);
    }
  };
  const titles = {};
  for (const lang of ['nl', 'en']) {
    await load(page, url(lang));
    await button(page, STRINGS[lang].start).waitFor();
    titles[lang] = (await page.locator('#app h1').textContent()).trim();
    await expectPage(lang, `${titles[lang]} · Sextant`, `welcome screen (${lang})`);
    // The page's own footer is English, and marked so on a Dutch page (3.1.2).
    assert.equal(await page.locator('footer').getAttribute('lang'), 'en');
  }
  assert.notEqual(titles.nl, titles.en, 'the assessment has a title per language');
  // The team view and a step keep the page in the widget's language.
  await load(page, url('nl', { hash: '#team' }));
  await page.getByRole('heading', { level: 1, name: STRINGS.nl.team }).waitFor();
  await expectPage('nl', `${STRINGS.nl.team} · ${titles.nl} · Sextant`, 'team view (nl)');
  await load(page, url('nl'));
  await press(button(page, STRINGS.nl.start));
  await page.locator('#app h2').first().waitFor();
  await expectPage('nl', `${titles.nl} · Sextant`, 'first step (nl)');
  // An assessment that cannot be loaded: the page takes the error's language, and its title says
  // what happened instead of naming the built-in assessment.
  for (const lang of ['nl', 'en']) {
    await load(page, url(lang, { src: 'fixtures/broken.json' }));
    await page.getByRole('alert').filter({ hasText: STRINGS[lang].loadError }).waitFor();
    await expectPage(lang, `${STRINGS[lang].loadError} · Sextant`, `failed load (${lang})`);
  }
  // Embedded, the host's page is the host's: a Dutch widget leaves its language and title alone.
  await load(page, `${env.server.url}/fixtures/embed-host.html`);
  await page.evaluate(() => {
    const el = document.createElement('sextant-scan');
    el.setAttribute('lang', 'nl');
    el.setAttribute('storage-key', 'embedded'); // not the answers the steps above saved
    document.querySelector('main').append(el);
  });
  await page.locator('sextant-scan').getByRole('button', { name: STRINGS.nl.start, exact: true }).waitFor();
  assert.deepEqual(await page.evaluate(() => [document.documentElement.lang, document.title]), ['en', 'Embedding test host']);
  assert.equal(await page.locator('sextant-scan [lang]').first().getAttribute('lang'), 'nl', 'the widget marks its own part');
  assert.deepEqual(p.errors(), []);
  await p.close();
});

test('every step is laid out as it reads: no text broken a letter per line, no control over text (1.4.10, 1.3.2)', { skip: SKIP }, async () => {
  const content = JSON.parse(readFileSync(new URL('../../content/commercial-excellence-scan.json', import.meta.url), 'utf8'));
  const steps = content.sections.map((section) => section.id);
  let checked = 0;
  for (const width of [1024, 320]) {
    for (const lang of ['nl', 'en']) {
      for (const step of steps) {
        const p = await pageWith(savedAt(lang, step), { viewport: { width, height: 800 } });
        await p.page.goto(url(lang));
        await p.page.locator('#app fieldset').first().waitFor();
        const problems = await p.page.evaluate(() => {
          const found = [];
          const app = document.querySelector('#app');
          const texts = [];
          const walker = document.createTreeWalker(app, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const text = n.textContent.trim();
            if (!text || n.parentElement.closest('svg, .sx-visually-hidden') || !n.parentElement.checkVisibility()) continue;
            const range = document.createRange();
            range.selectNodeContents(n);
            const lines = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
            texts.push({ text, lines });
            // A line box per word at the very most; a letter per line means a squeezed column.
            const words = text.split(/\s+/).length;
            if (text.length >= 6 && lines.length > Math.max(2 * words, 3)) {
              found.push(`"${text.slice(0, 40)}" takes ${lines.length} lines for ${words} word(s)`);
            }
          }
          for (const input of app.querySelectorAll('input, button, select, textarea')) {
            const box = input.getBoundingClientRect();
            if (!input.checkVisibility() || box.width === 0 || box.height === 0) continue;
            for (const { text, lines } of texts) {
              for (const r of lines) {
                const dx = Math.min(box.right, r.right) - Math.max(box.left, r.left);
                const dy = Math.min(box.bottom, r.bottom) - Math.max(box.top, r.top);
                // A button's own text lies inside it; any other text under a control is covered.
                if (dx > 2 && dy > 2 && !input.contains(document.elementFromPoint(r.left + 1, r.top + 1)) && !(input.textContent ?? '').includes(text)) {
                  found.push(`<${input.tagName.toLowerCase()} ${input.id || input.name || ''}> covers "${text.slice(0, 40)}"`);
                }
              }
            }
          }
          return found;
        });
        assert.deepEqual(problems, [], `${lang}, ${width}px, step ${step}`);
        assert.deepEqual(p.errors(), []);
        await p.close();
        checked++;
      }
    }
  }
  assert.equal(checked, 2 * 2 * steps.length);
});

/** The calculator step, opened on saved answers in `lang`, with its first number field (c_new). */
async function openCalculator(lang) {
  const p = await pageWith(savedAt(lang, 'calculator'));
  await p.page.goto(url(lang));
  const field = p.page.locator('#app').getByRole('textbox').first();
  await field.waitFor();
  return { p, page: p.page, field };
}

/** Waits until the saved answer to the calculator's first question (c_new) is `value`. */
function newCustomersSaved(page, value) {
  return page.waitForFunction(([k, v]) => JSON.parse(localStorage.getItem(k)).answers.c_new === v, [DEFAULT_SCAN_KEY, value]);
}

/** Presses Next on a step with a number out of range: the step stays, and its alert says why. */
async function nextRefused(page, t) {
  const heading = await page.locator('#app h2').textContent();
  await button(page, t.next).click();
  const alert = page.locator('#app').getByRole('alert');
  await alert.waitFor();
  // The most new customers a year, grouped as the language writes it.
  const most = t === STRINGS.nl ? '1.000.000' : '1,000,000';
  assert.ok((await alert.textContent()).endsWith(t.enterNumber(0, most)), await alert.textContent());
  assert.equal(await page.locator('#app h2').textContent(), heading, 'the step stays');
  return { alert, heading };
}

test('a number out of range keeps the answer given before, and Next stops with a message that takes focus (3.3.1, 3.3.3)', { skip: SKIP }, async () => {
  for (const lang of ['nl', 'en']) {
    const t = STRINGS[lang];
    const { p, page, field } = await openCalculator(lang);
    const before = SCAN_ANSWERS[lang].c_new;
    assert.equal(await field.inputValue(), String(before), 'the saved answer is shown');
    await field.fill('-5');
    await waitForElement(field, (f) => f.getAttribute('aria-invalid') === 'true');
    // The answer given before stays saved while the entry is out of range.
    await newCustomersSaved(page, before);
    const { alert, heading } = await nextRefused(page, t);
    await expectFocus(page, `div: ${(await alert.textContent()).trim().slice(0, 60)}`, 'Next with a number out of range');
    await expectNoAxeViolations(p.page, `${lang}: a number out of range after Next`);
    // Every press that is refused takes focus to the message again.
    await field.focus();
    await button(page, t.next).click();
    await expectFocus(page, `div: ${(await alert.textContent()).trim().slice(0, 60)}`, 'Next pressed again');
    // Back and forth, the answer given before is still there.
    await button(page, t.back).click();
    await button(page, t.next).click();
    await page.locator('#app h2').filter({ hasText: heading }).waitFor();
    assert.equal(await field.inputValue(), String(before));
    // A valid entry is saved, and Next goes on.
    await field.fill(String(before + 5));
    await newCustomersSaved(page, before + 5);
    await button(page, t.next).click();
    await page.locator('#app h2').filter({ hasNotText: heading }).waitFor();
    assert.deepEqual(p.errors(), []);
    await p.close();
  }
});

test('a number entry that is no number keeps the answer given before, and Next stops (3.3.1)', { skip: SKIP }, async () => {
  const { p, page, field } = await openCalculator('en');
  const before = SCAN_ANSWERS.en.c_new;
  // "45-" is no number. (Filling the field puts the caret after the saved answer, where the
  // "-" is typed.)
  await field.fill(String(before));
  await field.pressSequentially('-');
  await waitForElement(field, (f) => f.value.endsWith('-') && f.getAttribute('aria-invalid') === 'true');
  await newCustomersSaved(page, before);
  await nextRefused(page, STRINGS.en);
  assert.deepEqual(p.errors(), []);
  await p.close();
});

test('numbers are read in the page\'s language, whatever the browser\'s: "1,5" is one and a half, "1.000" a thousand in Dutch', { skip: SKIP }, async () => {
  // The browser runs in English (en-US); the widget speaks Dutch, then English.
  const saved = (page, id, v) =>
    page.waitForFunction(([k, id, v]) => JSON.parse(localStorage.getItem(k)).answers[id] === v, [DEFAULT_SCAN_KEY, id, v]);
  const hours = { nl: /^Hoeveel uur kost het gemiddeld/, en: /^How many hours does it take/ };
  const cases = {
    nl: [['hours', '1,5', 1.5], ['hours', '2.5', 2.5], ['new', '1.000', 1000], ['new', '12 500', 12500]],
    en: [['hours', '1,5', 1.5], ['hours', '0,250', 0.25], ['new', '1,000', 1000], ['new', '1.000', 1]],
  };
  for (const lang of ['nl', 'en']) {
    const { p, page, field } = await openCalculator(lang);
    const hoursField = page.locator('#app').getByRole('textbox', { name: hours[lang] });
    for (const [which, typed, value] of cases[lang]) {
      const f = which === 'hours' ? hoursField : field;
      await f.fill(typed);
      await saved(page, which === 'hours' ? 'c_hours' : 'c_new', value);
      assert.equal(await f.getAttribute('aria-invalid'), null, `${lang}: "${typed}" is a number`);
      assert.equal(await f.inputValue(), typed, `${lang}: "${typed}" stays as typed`);
    }
    // Shown again, on opening the page anew, in the page's own way of writing it.
    await hoursField.fill(lang === 'nl' ? '0,25' : '0.25');
    await saved(page, 'c_hours', 0.25);
    const again = await p.context.newPage();
    await again.goto(url(lang));
    const reopened = again.locator('#app').getByRole('textbox', { name: hours[lang] });
    await reopened.waitFor();
    assert.equal(await reopened.inputValue(), lang === 'nl' ? '0,25' : '0.25');
    assert.equal(await again.locator('#app').getByRole('textbox').first().inputValue(), lang === 'nl' ? '12500' : '1');
    assert.deepEqual(p.errors(), []);
    await p.close();
  }
});

test('a number field offers the phone keypad that can type its range: decimal, or the full keyboard below 0', { skip: SKIP }, async () => {
  const p = await pageWith(null);
  const small = JSON.parse(readFileSync(new URL('../fixtures/small.json', import.meta.url), 'utf8'));
  small.sections[0].questions.push(
    { id: 'temp', type: 'number', text: 'Lowest temperature?', min: -40, max: 40 },
    { id: 'count', type: 'number', text: 'How many?', min: 0, max: 40 },
  );
  await p.page.route((u) => u.pathname === '/fixtures/numbers.json', (r) => r.fulfill({ body: JSON.stringify(small), contentType: 'application/json' }));
  await p.page.goto(url('en', { src: '/fixtures/numbers.json' }));
  await button(p.page, 'Start').click();
  const field = (name) => p.page.locator('#app').getByRole('textbox', { name, exact: true });
  await field('Lowest temperature?').waitFor();
  assert.equal(await field('Lowest temperature?').getAttribute('inputmode'), 'text');
  assert.equal(await field('How many?').getAttribute('inputmode'), 'decimal');
  // The minus sign is read, in either spelling.
  await field('Lowest temperature?').fill('\u22125,5');
  await p.page.waitForFunction(() => Object.values(localStorage).some((v) => v.includes('"temp":-5.5')));
  assert.deepEqual(p.errors(), []);
  await p.close();
});

test('points are read as whole numbers in digits: "2,5" of 100 is marked, not taken for 25; the arrow keys step by one', { skip: SKIP }, async () => {
  const p = await pageWith(null);
  const small = JSON.parse(readFileSync(new URL('../fixtures/small.json', import.meta.url), 'utf8'));
  small.sections[0].questions.push({
    id: 'split', type: 'allocation', text: 'Split 100 points.', total: 100,
    options: [{ id: 'a', label: 'First' }, { id: 'b', label: 'Second' }],
    weights: { speed: { a: 1 }, care: { b: 1 } },
  });
  await p.page.route((u) => u.pathname === '/fixtures/points.json', (r) => r.fulfill({ body: JSON.stringify(small), contentType: 'application/json' }));
  await p.page.goto(url('en', { src: '/fixtures/points.json' }));
  await button(p.page, 'Start').click();
  const first = p.page.locator('#app').getByRole('spinbutton', { name: 'First', exact: true });
  await first.fill('40');
  await p.page.waitForFunction(() => Object.values(localStorage).some((v) => v.includes('"split":{"a":40')));
  await first.fill('2,5');
  await waitForElement(first, (f) => f.getAttribute('aria-invalid') === 'true' && f.value === '2,5');
  assert.equal(await first.getAttribute('aria-valuenow'), '40', 'the points before still count');
  // The arrow keys step from the points that count, and settle the entry.
  await first.press('ArrowUp');
  await waitForElement(first, (f) => f.value === '41' && !f.hasAttribute('aria-invalid') && f.getAttribute('aria-valuenow') === '41');
  await first.press('ArrowDown');
  await first.press('ArrowDown');
  await waitForElement(first, (f) => f.value === '39');
  await p.page.waitForFunction(() => Object.values(localStorage).some((v) => v.includes('"split":{"a":39')));
  await expectNoAxeViolations(p.page, 'points field as a spin button');
  assert.deepEqual(p.errors(), []);
  await p.close();
});

test('a number entry out of range gives way to an answer another tab saves, and the field shows it', { skip: SKIP }, async () => {
  const t = STRINGS.en;
  const { p, page, field } = await openCalculator('en');
  await field.fill('-5');
  await waitForElement(field, (f) => f.getAttribute('aria-invalid') === 'true');
  // A second tab on the same step saves another answer to the question.
  const other = await p.context.newPage();
  await other.goto(url('en'));
  const theirs = other.locator('#app').getByRole('textbox').first();
  await theirs.waitFor();
  await theirs.fill('77');
  await newCustomersSaved(other, 77);
  // The first tab shows the new answer in place of its entry, no longer marked, and goes on.
  await waitForElement(field, (f) => f.value === '77' && !f.hasAttribute('aria-invalid'));
  const heading = await page.locator('#app h2').textContent();
  await button(page, t.next).click();
  await page.locator('#app h2').filter({ hasNotText: heading }).waitFor();
  assert.equal(await page.locator('#app').getByRole('alert').count(), 0);
  assert.deepEqual(p.errors(), []);
  await p.close();
});

test('text spacing as 1.4.12 sets it clips, hides and overlaps nothing (1.4.12)', { skip: SKIP }, async () => {
  const SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
    p, li, dd, dt, legend, caption { margin-bottom: 2em !important; }`;
  let checked = 0;
  for (const width of [1024, 320]) {
    for (const lang of ['nl', 'en']) {
      for (const step of ['welcome', 'proposition', 'combinations', 'calculator', 'channel-vision', 'report']) {
        const p = await pageWith(savedAt(lang, step), { viewport: { width, height: 800 } });
        await p.page.goto(url(lang));
        await p.page.locator('#app h1, #app h2').first().waitFor();
        await p.page.evaluate(() => document.querySelectorAll('#app details').forEach((d) => (d.open = true)));
        await p.page.addStyleTag({ content: SPACING });
        // The new spacing is laid out before it is measured.
        await p.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const problems = await p.page.evaluate(() => {
          const found = [];
          const root = document.documentElement;
          if (root.scrollWidth > root.clientWidth) found.push(`the page scrolls sideways by ${root.scrollWidth - root.clientWidth}px`);
          for (const e of document.querySelectorAll('#app *')) {
            if (e.closest('svg, .sx-visually-hidden')) continue;
            const s = getComputedStyle(e);
            if (s.display === 'none') continue;
            const clipsX = ['hidden', 'clip'].includes(s.overflowX) && e.scrollWidth > e.clientWidth + 1;
            const clipsY = ['hidden', 'clip'].includes(s.overflowY) && e.scrollHeight > e.clientHeight + 1;
            if (clipsX || clipsY) found.push(`clipped: <${e.tagName.toLowerCase()} class="${e.className}">`);
            if (e.children.length === 0 && e.textContent.trim() && s.overflowX === 'visible' && s.display !== 'inline' && e.scrollWidth > e.clientWidth + 1) {
              found.push(`text wider than its box: "${e.textContent.trim().slice(0, 40)}"`);
            }
          }
          return found;
        });
        assert.deepEqual(problems, [], `${step} (${lang}, ${width}px)`);
        checked++;
        await p.close();
      }
    }
  }
  assert.equal(checked, 24);
});
