// Journey 5: a share link. Made on the report, it opens a read-only copy of the report in a
// fresh browser, with a way to take the scan yourself. A link with one character changed, or
// cut short, says it is damaged; a link made for another version of the assessment says so.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { expectNoAxeViolations } from '../lib/axe.mjs';
import { newPage, useServerAndBrowser } from '../lib/browser.mjs';
import { DIST_MISSING, ScanPage, waitForElement } from '../lib/scan-page.mjs';
import { DIST_DIR } from '../lib/server.mjs';

const SMALL = '/fixtures/small.json';
const SMALL_V2 = '/fixtures/scan-small-v2.json';

/** `code` with the character at `at` replaced by another base64url character. */
function tamper(code, at) {
  const replacement = code[at] === 'A' ? 'B' : 'A';
  return code.slice(0, at) + replacement + code.slice(at + 1);
}

describe('share link', () => {
  const env = useServerAndBrowser({ root: DIST_DIR }, { skip: DIST_MISSING });
  // The code of the link the first test makes (for the small fixture), for the tests after it.
  let smallCode;

  /** Open `url` in a fresh browser context and hand its ScanPage to `fn`; no errors allowed. */
  async function inFreshPage(url, fn) {
    const session = await newPage(env.browser);
    try {
      const scan = new ScanPage(session.page, env.server.url);
      await session.page.goto(url);
      await fn(scan, session.page);
      assert.deepEqual(session.errors(), [], `no console errors or page errors on ${url}`);
    } finally {
      await session.close();
    }
  }

  /**
   * Appends English widgets to the host page's <main>, in order, each `[id, src]` (no `src`: the
   * built-in scan), with its id as its storage key.
   */
  const addWidgets = (page, widgets) =>
    page.evaluate((widgets) => {
      for (const [id, src] of widgets) {
        const el = document.createElement('sextant-scan');
        el.id = id;
        el.setAttribute('lang', 'en');
        el.setAttribute('storage-key', id);
        if (src) el.setAttribute('src', src);
        document.querySelector('main').append(el);
      }
    }, widgets);

  /** Adds two widgets: `#small` for the small scan, `#default` for the default one. */
  const twoWidgets = (page) => addWidgets(page, [['small', SMALL], ['default', null]]);

  test('make a link, open it read-only, tamper with it, open it on another version', { skip: DIST_MISSING, timeout: 120_000 }, async () => {
    const session = await newPage(env.browser);
    const { page } = session;
    const scan = new ScanPage(page, env.server.url);
    const t = scan.t;
    let link;
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
      assert.deepEqual(await scan.scores(), { Speed: '88', Care: '50' });
      await expectNoAxeViolations(page, 'report');

      link = await scan.makeShareLink();
      const url = new URL(link);
      assert.equal(url.origin + url.pathname + url.search, scan.url({ src: SMALL }), 'the link opens this page with the same options');
      assert.match(url.hash, /^#r=[A-Za-z0-9_-]+$/, 'the answers are in the fragment, as a base64url code');
      await expectNoAxeViolations(page, 'report with the share link shown');

      // Copy puts the link on the clipboard and says so.
      await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
      await scan.button(t.copy).click();
      await scan.notice(t.copied).waitFor();
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link, 'the clipboard holds the link');
      assert.deepEqual(session.errors(), [], 'no console errors or page errors on the report');
    } finally {
      await session.close();
    }
    const code = link.slice(link.indexOf('#r=') + 3);
    smallCode = code;

    // ---- the link in a fresh browser: the same report, read-only ----
    await inFreshPage(link, async (shared, p) => {
      const heading = p.getByRole('heading', { level: 1, name: 'Small test scan', exact: true });
      await heading.waitFor();
      await shared.notice(t.sharedReport).waitFor();
      assert.deepEqual(await shared.scores(), { Speed: '88', Care: '50' });
      // Nothing to change and nothing to export: one button, to take the scan.
      assert.deepEqual(await p.getByRole('button').allInnerTexts(), [t.takeScan]);
      for (const role of ['radio', 'checkbox', 'textbox', 'spinbutton']) {
        assert.equal(await p.getByRole(role).count(), 0, `no ${role} on a shared report`);
      }
      await expectNoAxeViolations(p, 'shared report');

      await shared.button(t.takeScan).click();
      await shared.button(t.start).waitFor();
      await p.getByRole('heading', { level: 1, name: 'Small test scan', exact: true }).waitFor();
      assert.equal(new URL(p.url()).hash, '', 'taking the scan leaves the shared report behind');
      await expectNoAxeViolations(p, 'welcome screen after a shared report');
      await shared.start();
      await shared.waitForStep(1, 2, 'Pace');
      assert.equal(await shared.option('We deliver quickly.', 'Agree').isChecked(), false,
        'the visitor starts with an empty scan, not with the shared answers');
      await expectNoAxeViolations(p, 'step 1 after leaving the shared report');
    });

    // ---- one character changed ----
    const damaged = `${t.shareBroken} ${t.shareDamaged}.`;
    for (const [what, badCode] of [
      ['one character changed', tamper(code, Math.floor(code.length / 2))],
      ['the last character changed', tamper(code, code.length - 1)],
      ['cut short', code.slice(0, -6)],
    ]) {
      assert.notEqual(badCode, code);
      await inFreshPage(`${link.slice(0, link.indexOf('#'))}#r=${badCode}`, async (shared, p) => {
        const alert = p.getByRole('alert');
        await alert.waitFor();
        const text = (await alert.innerText()).trim();
        assert.ok(text.startsWith(damaged), `${what}: the alert says "${damaged}"; it says: ${text}`);
        assert.equal(await p.getByRole('table').count(), 0, `${what}: no report is shown`);
        await shared.button(t.takeScan).waitFor();
        await expectNoAxeViolations(p, `share link ${what}`);
      });
    }

    // ---- the link opened on another version of the assessment ----
    const otherVersion = `${new ScanPage(null, env.server.url).url({ src: SMALL_V2 })}#r=${code}`;
    await inFreshPage(otherVersion, async (shared, p) => {
      const alert = p.getByRole('alert');
      await alert.waitFor();
      const text = (await alert.innerText()).trim();
      const expected = `${t.shareBroken} ${t.shareOtherVersion}.`;
      assert.ok(text.startsWith(expected), `the alert says "${expected}"; it says: ${text}`);
      assert.equal(await p.getByRole('table').count(), 0, 'no report is shown');
      await shared.button(t.takeScan).waitFor();
      await expectNoAxeViolations(p, 'share link of another version');
    });
  });

  test('on a page with two widgets, a link opens in the widget it was made for; the other shows its scan', { skip: DIST_MISSING, timeout: 60_000 }, async () => {
    assert.ok(smallCode, 'the first test made a link');
    const t = new ScanPage(null, env.server.url).t;
    const host = `${env.server.url}/fixtures/embed-host.html#r=${smallCode}`;
    // The small scan's widget opens the link; the default scan's widget beside it shows its
    // own welcome screen, no error, and leaves the address as it was.
    await inFreshPage(host, async (_, p) => {
      await twoWidgets(p);
      const small = p.locator('sextant-scan#small');
      const other = p.locator('sextant-scan#default');
      await small.getByRole('heading', { level: 1, name: 'Small test scan', exact: true }).waitFor();
      await small.getByText(t.sharedReport).waitFor();
      // Someone's results, not "Your results".
      await small.getByRole('heading', { level: 2, name: 'Results', exact: true }).waitFor();
      await other.getByRole('button', { name: t.start, exact: true }).waitFor();
      assert.equal(await other.getByRole('alert').count(), 0, 'no error in the other widget');
      assert.equal(await other.getByText(t.sharedReport).count(), 0, 'no shared report in the other widget');
      assert.equal(new URL(p.url()).hash, `#r=${smallCode}`, 'the address keeps the link');
      await expectNoAxeViolations(p, 'two widgets, one shared report');
    });

    // The same two widgets inside components' shadow roots, as a site built of web components
    // renders them: in one root, each in a root of its own, or one in the document and one in
    // a root. The document's own query does not see into them; each widget must still find the
    // other.
    for (const layout of ['one root', 'a root each', 'the document and a root']) {
      await inFreshPage(host, async (_, p) => {
        await p.evaluate((layout) => {
          const root = () => {
            const app = document.createElement('div');
            document.querySelector('main').append(app);
            return app.attachShadow({ mode: 'open' });
          };
          const shared = layout === 'one root' ? root() : null;
          for (const [i, [id, src]] of [['small', '/fixtures/small.json'], ['default', null]].entries()) {
            const el = document.createElement('sextant-scan');
            el.id = id;
            el.setAttribute('lang', 'en');
            el.setAttribute('storage-key', id);
            if (src) el.setAttribute('src', src);
            const parent = shared ?? (layout === 'a root each' || i === 0 ? root() : document.querySelector('main'));
            parent.append(el);
          }
        }, layout);
        const small = p.locator('sextant-scan#small');
        const other = p.locator('sextant-scan#default');
        await small.getByText(t.sharedReport).waitFor();
        await other.getByRole('button', { name: t.start, exact: true }).waitFor();
        assert.equal(await other.getByRole('alert').count(), 0, `${layout}: no error in the other widget`);
      });
    }

    // A link for an assessment that no widget on the page holds: the first widget says so,
    // once the second has loaded its assessment (it might have been that one's); the second
    // shows its scan.
    await inFreshPage(host, async (_, p) => {
      await addWidgets(p, [['default', null], ['multi', '/fixtures/multi-choose.json']]);
      const first = p.locator('sextant-scan#default');
      const second = p.locator('sextant-scan#multi');
      await first.getByRole('alert').filter({ hasText: `${t.shareBroken} ${t.shareOtherAssessment}.` }).waitFor();
      await second.getByRole('button', { name: t.start, exact: true }).waitFor();
      assert.equal(await second.getByRole('alert').count(), 0, 'no error in the second widget');
      assert.equal(await first.getByRole('button', { name: t.start, exact: true }).count(), 0,
        'the first widget shows the link, not its scan');
      // The first widget goes and another comes: the second widget, already on its scan,
      // stays there (the link is not taken away from under its visitor), and the newcomer
      // shows its own scan.
      await p.evaluate(() => document.querySelector('sextant-scan#default').remove());
      await addWidgets(p, [['again', null]]);
      await p.locator('sextant-scan#again').getByRole('button', { name: t.start, exact: true }).waitFor();
      // Every widget has drawn what the newcomer's arrival made it decide.
      await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      assert.equal(await second.getByRole('button', { name: t.start, exact: true }).count(), 1,
        'the second widget stays on its scan');
      // One for the link's assessment comes: that one opens the link.
      await addWidgets(p, [['small', SMALL]]);
      await p.locator('sextant-scan#small').getByText(t.sharedReport).waitFor();
      assert.equal(await second.getByRole('button', { name: t.start, exact: true }).count(), 1,
        'the second widget still shows its scan');
      assert.equal(await second.getByRole('alert').count(), 0, 'no error in the second widget');
    });

    // Alone on the page, the default scan's widget says the link is for another assessment.
    await inFreshPage(host, async (_, p) => {
      await addWidgets(p, [['alone', null]]);
      const alert = p.locator('sextant-scan').getByRole('alert');
      await alert.waitFor();
      const text = (await alert.innerText()).trim();
      const expected = `${t.shareBroken} ${t.shareOtherAssessment}.`;
      assert.ok(text.startsWith(expected), `the alert says "${expected}"; it says: ${text}`);
    });
  });

  test('a team link that names an assessment opens the team view only in that widget; `#team` opens it in each', { skip: DIST_MISSING, timeout: 60_000 }, async () => {
    const t = new ScanPage(null, env.server.url).t;
    const teamHeading = (widget) => widget.getByRole('heading', { level: 1, name: t.team, exact: true });
    for (const [hash, inSmall, inDefault] of [
      ['#team=e2e-small', true, false],
      ['#team=commercial-excellence-scan', false, true],
      ['#team', true, true],
      // No widget holds that assessment: the first one mounted opens the team view, as a
      // widget alone on the page does.
      ['#team=not-on-this-page', true, false],
    ]) {
      await inFreshPage(`${env.server.url}/fixtures/embed-host.html${hash}`, async (_, p) => {
        await twoWidgets(p);
        for (const [id, team] of [['small', inSmall], ['default', inDefault]]) {
          const widget = p.locator(`sextant-scan#${id}`);
          // Each widget shows either the team view or its own welcome screen.
          await (team ? teamHeading(widget) : widget.getByRole('button', { name: t.start, exact: true })).waitFor();
          assert.equal(await teamHeading(widget).count(), team ? 1 : 0, `${hash}: the team view in the ${id} widget`);
          assert.equal(await widget.getByRole('alert').count(), 0, `${hash}: no error in the ${id} widget`);
        }
        assert.equal(new URL(p.url()).hash, hash, 'the address keeps the link');
      });
    }
    // Alone on the page, a widget opens a team link whatever assessment it names.
    await inFreshPage(`${env.server.url}/fixtures/embed-host.html#team=e2e-small`, async (_, p) => {
      await addWidgets(p, [['alone', null]]);
      await teamHeading(p.locator('sextant-scan')).waitFor();
    });
  });
});
