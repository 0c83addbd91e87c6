// The user journey against the built widget in dist/.
// Skipped (with a message) when dist/index.html does not exist; the full
// test command builds dist/ before running the e2e tests.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { launch, newPage } from './lib/browser.mjs';
import { brokenScanJourney, smallScanJourney } from './lib/journeys.mjs';
import { DIST_DIR, startServer } from './lib/server.mjs';

const skip = existsSync(path.join(DIST_DIR, 'index.html'))
  ? false
  : `${path.join(DIST_DIR, 'index.html')} is missing: build the widget into dist/ first`;

describe('widget journey (dist/)', () => {
  let server;
  let browser;

  before(async () => {
    if (skip) return;
    server = await startServer({ root: DIST_DIR });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('small scan from /fixtures/small.json: mouse, keyboard, back, axe, scores', { skip, timeout: 120_000 }, async () => {
    const session = await newPage(browser);
    try {
      await smallScanJourney(session, server.url);
    } finally {
      await session.close();
    }
  });

  test('broken scan from /fixtures/broken.json: alert names the faulty field', { skip, timeout: 60_000 }, async () => {
    const session = await newPage(browser);
    try {
      await brokenScanJourney(session, server.url);
    } finally {
      await session.close();
    }
  });
});
