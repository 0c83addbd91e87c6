// The iframe mode's own page (embed.html) takes the widget's language and the assessment's title,
// and follows both when the visitor switches the language on the welcome screen.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { newPage, useServerAndBrowser } from '../lib/browser.mjs';
import { DIST_MISSING } from '../lib/scan-page.mjs';
import { DIST_DIR } from '../lib/server.mjs';

describe('the frame page follows the widget', () => {
  const env = useServerAndBrowser({ root: DIST_DIR }, { skip: DIST_MISSING });

  test('language and title follow a language switch', { skip: DIST_MISSING, timeout: 60_000 }, async () => {
    const session = await newPage(env.browser);
    const { page } = session;
    try {
      await page.goto(`${env.server.url}/embed.html?lang=nl`);
      await page.waitForFunction(() => document.title === 'Scan Commerciële Excellentie · Sextant');
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'nl');
      await page.getByRole('group', { name: 'Taal', exact: true }).getByRole('button', { name: 'English', exact: true }).click();
      await page.waitForFunction(() => document.title === 'Commercial Excellence Scan · Sextant'
        && document.documentElement.lang === 'en');
      assert.deepEqual(session.errors(), [], 'no console errors or page errors');
    } finally {
      await session.close();
    }
  });
});
