// Every demo page in dist/demo/ completes a scan: the consultancy page (the built-in assessment in
// Dutch, with the host's theme), the intranet page (the widget inside the iframe of embed.html)
// and the hostile page (two instances under a global !important reset and a strict CSP, neither
// leaking styles into the host nor broken by the host's styles).

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { expectNoAxeViolations } from '../lib/axe.mjs';
import { EmbedScan, SMALL, assertNoErrors, events, recordEvents, rootClass, skip, useBrowser } from './embed-page.mjs';

const BUILT_IN = { nl: 'Scan Commerciële Excellentie', en: 'Commercial Excellence Scan' };

/** A few numbers and a heading on the report show the scan was really scored. */
async function assertReport(scan) {
  const scores = await scan.scores();
  const values = Object.values(scores);
  assert.ok(values.length >= 3, `the report shows scores: ${JSON.stringify(scores)}`);
  assert.ok(values.some((v) => /^\d+$/.test(v)), `at least one dimension has a number: ${JSON.stringify(scores)}`);
  await scan.recommendationsHeading().waitFor();
}

describe('demo pages complete a scan', () => {
  const ctx = useBrowser();

  test('consultancy.html: the built-in scan in Dutch, with the host theme', { skip, timeout: 240_000 }, async () => {
    await ctx.session(async (session) => {
      const { page } = session;
      await recordEvents(page);
      await page.goto(`${ctx.server.url}/demo/consultancy.html`);
      const element = page.locator('sextant-scan');
      const scan = new EmbedScan(element, 'nl');
      await scan.waitForWelcome(BUILT_IN.nl);

      // The host's own content around the widget.
      await page.getByRole('heading', { level: 1, name: 'Hoe commercieel excellent is uw organisatie?' }).waitFor();
      await page.getByText('Vragen over uw uitslag? Neem contact op met een van onze adviseurs.').waitFor();

      // theme="light" and the host's custom properties reach the widget.
      assert.equal(await rootClass(element), 'sextant sx-theme-light');
      const start = scan.button(scan.t.start);
      assert.equal(await start.evaluate((b) => getComputedStyle(b).backgroundColor), 'rgb(122, 31, 92)',
        'the primary button uses the host\'s --sextant-accent');
      assert.match(await scan.titleHeading().evaluate((h) => getComputedStyle(h).fontFamily), /^Georgia/,
        'the widget uses the host\'s --sextant-font');
      await expectNoAxeViolations(page, 'consultancy: welcome');

      const steps = await scan.completeScan({
        onStep: (n) => expectNoAxeViolations(page, `consultancy: step ${n} (answered)`),
      });
      assert.ok(steps.length >= 10, `passed through every step: ${steps.map((s) => s.heading).join(', ')}`);
      assert.equal(steps[0].heading, 'Uw waardepropositie');
      assert.deepEqual(steps.map((s) => s.n), steps.map((_, i) => i + 1), 'no step skipped');
      await assertReport(scan);
      await expectNoAxeViolations(page, 'consultancy: report');

      const [complete] = await events(page, 'complete');
      assert.equal(complete?.detail?.assessment, 'commercial-excellence-scan');
      assert.equal(complete.detail.report.locale, 'nl');
      assertNoErrors(session);
    });
  });

  test('intranet.html: the built-in scan inside the iframe', { skip, timeout: 240_000 }, async () => {
    await ctx.session(async (session) => {
      const { page } = session;
      await page.goto(`${ctx.server.url}/demo/intranet.html`);
      const scan = new EmbedScan(page.frameLocator('#scan'), 'nl');
      await scan.waitForWelcome(BUILT_IN.nl);
      const frame = page.frame({ url: /\/embed\.html\?/ });
      assert.ok(frame, 'the embed.html frame');
      assert.equal(new URL(frame.url()).searchParams.get('parent-origin'), ctx.server.url,
        'intranet.js gave the frame its own origin as parent-origin');
      await page.getByRole('heading', { level: 1, name: 'Teamsite Sales & Marketing' }).waitFor();
      await expectNoAxeViolations(frame, 'intranet frame: welcome');
      await expectNoAxeViolations(page, 'intranet page: welcome');

      await scan.completeScan({
        onStep: (n) => expectNoAxeViolations(frame, `intranet frame: step ${n} (answered)`),
      });
      await assertReport(scan);
      await expectNoAxeViolations(frame, 'intranet frame: report');
      await expectNoAxeViolations(page, 'intranet page: report');

      // A share link made in the frame points at the intranet page, and opens there.
      const inFrame = page.frameLocator('#scan');
      await inFrame.getByRole('button', { name: 'Maak een deellink', exact: true }).click();
      const link = await inFrame.getByLabel('Deellink', { exact: true }).inputValue();
      assert.ok(link.startsWith(`${ctx.server.url}/demo/intranet.html#r=`), link);
      await page.goto(link);
      await inFrame.getByText('U bekijkt een gedeeld rapport. Het kan niet worden gewijzigd.').waitFor();
      // The frame's own page speaks the widget's language and bears the assessment's title.
      assert.equal(await frame.evaluate(() => document.documentElement.lang), 'nl');
      assert.match(await frame.title(), / · Sextant$/);
      assertNoErrors(session);
    });
  });

  test('hostile.html: both instances complete; no style leaks either way', { skip, timeout: 300_000 }, async () => {
    // What the host's own elements look like without any widget on the page.
    const HOST_PROPS = ['font-family', 'font-size', 'font-weight', 'line-height', 'color', 'background-color',
      'text-transform', 'display', 'margin-top', 'margin-bottom', 'padding-top', 'padding-left', 'float',
      'letter-spacing', 'text-align', 'border-top-width', 'box-sizing'];
    const hostStyles = (page) => page.evaluate((props) => {
      const pick = (el) => Object.fromEntries(props.map((p) => [p, getComputedStyle(el).getPropertyValue(p)]));
      return {
        h1: pick(document.querySelector('main > h1')),
        h2: [...document.querySelectorAll('main > h2')].map(pick),
        note: pick(document.querySelector('#after')),
      };
    }, HOST_PROPS);

    const baseline = await ctx.session(async ({ page }) => {
      await page.route('**/sextant.js', (route) =>
        route.fulfill({ status: 200, contentType: 'text/javascript', body: '// no widget\n' }));
      await page.goto(`${ctx.server.url}/demo/hostile.html`);
      await page.getByRole('heading', { level: 2, name: 'The built-in scan' }).waitFor();
      return hostStyles(page);
    });
    assert.equal(baseline.h2[0]['text-transform'], 'uppercase', 'the baseline has the hostile styles');

    await ctx.session(async (session) => {
      const { page } = session;
      await recordEvents(page);
      await page.goto(`${ctx.server.url}/demo/hostile.html`);
      const first = new EmbedScan(page.locator('sextant-scan#first'), 'en');
      const second = new EmbedScan(page.locator('sextant-scan#second'), 'en');
      await first.waitForWelcome(BUILT_IN.en);
      await second.waitForWelcome(SMALL.title);
      assert.equal(await rootClass(second.scope), 'sextant sx-theme-dark');

      /** The host's hostile CSS did not break the widget's controls or text. */
      const assertWidgetIntact = async (scan, label) => {
        const buttons = scan.scope.getByRole('button');
        const count = await buttons.count();
        assert.ok(count > 0, `${label}: has buttons`);
        for (let i = 0; i < count; i++) {
          const button = buttons.nth(i);
          if (!(await button.isVisible())) continue;
          const box = await button.boundingBox();
          const name = (await button.innerText()).trim() || (await button.getAttribute('aria-label'));
          assert.ok(box.width >= 24 && box.height >= 24,
            `${label}: button "${name}" is at least 24×24 (got ${box.width}×${box.height})`);
        }
        const text = await scan.scope.evaluate((el) => {
          const nodes = [...el.shadowRoot.querySelectorAll('h1, h2, h3, p, button, label, legend, td, th')];
          return nodes.map((n) => ({
            tag: n.localName,
            transform: getComputedStyle(n).textTransform,
            font: getComputedStyle(n).fontFamily,
            color: getComputedStyle(n).color,
            float: getComputedStyle(n).float,
            text: n.textContent.trim().slice(0, 40),
          }));
        });
        assert.ok(text.length > 0, `${label}: has text`);
        for (const n of text) {
          assert.equal(n.transform, 'none', `${label}: <${n.tag}> "${n.text}" is not uppercased`);
          assert.doesNotMatch(n.font, /Comic Sans/, `${label}: <${n.tag}> "${n.text}" keeps the widget's font`);
          assert.notEqual(n.color, 'rgb(255, 0, 255)', `${label}: <${n.tag}> "${n.text}" keeps the widget's colours`);
          assert.equal(n.float, 'none', `${label}: <${n.tag}> "${n.text}" does not float`);
        }
        const heading = scan.scope.getByRole('heading').first();
        const shown = await heading.innerText();
        const source = await heading.evaluate((h) => h.textContent);
        assert.equal(shown.trim(), source.trim(), `${label}: the heading renders as written, not uppercased`);
      };

      await assertWidgetIntact(first, 'first instance, welcome');
      await assertWidgetIntact(second, 'second instance, welcome');
      await expectNoAxeViolations(page, 'hostile: welcome');

      await first.completeScan({
        onStep: async (n) => {
          if (n === 1) await assertWidgetIntact(first, 'first instance, step 1');
          await expectNoAxeViolations(page, `hostile, first instance: step ${n}`);
        },
      });
      await assertReport(first);
      await assertWidgetIntact(first, 'first instance, report');

      await second.completeSmall();
      assert.deepEqual(await second.scores(), SMALL.scores);
      await assertWidgetIntact(second, 'second instance, report');

      // Each instance reported its own result on its own element.
      const complete = await events(page, 'complete');
      assert.deepEqual(complete.map((e) => [e.target, e.detail.assessment]),
        [['sextant-scan#first', 'commercial-excellence-scan'], ['sextant-scan#second', 'e2e-small']]);

      // The host page still renders after the widgets, below them.
      const after = page.getByText('The host page keeps working below the widgets.');
      await after.waitFor();
      const afterBox = await after.boundingBox();
      const secondBox = await second.scope.boundingBox();
      assert.ok(afterBox.y >= secondBox.y + secondBox.height - 1,
        `the host's closing paragraph is below the second widget (${afterBox.y} vs ${secondBox.y + secondBox.height})`);

      // The widget's styles did not leak into the host.
      assert.deepEqual(await hostStyles(page), baseline, 'the host\'s h1, h2 and paragraph styles are unchanged');
      assertNoErrors(session);
      // Last, so that an accessibility finding on the reports cannot hide the checks above.
      await expectNoAxeViolations(page, 'hostile: both reports');
    });
  });
});
