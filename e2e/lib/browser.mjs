// Launching the system Chromium through playwright-core, and pages that
// record every console error and uncaught page error.

import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

import { startServer } from './server.mjs';

export const CHROMIUM_PATH = process.env.CHROMIUM || '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Launch headless Chromium (set CHROMIUM to use another binary). */
export function launch(options = {}) {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    ...options,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
}

// Chromium fetches /favicon.ico on its own when a page links no icon; a 404
// for that request is not the page's error. Anything the page itself loads
// and fails on is still reported.
function isImplicitFaviconMiss(text, url) {
  if (!text.startsWith('Failed to load resource') || !url) return false;
  try {
    return new URL(url).pathname === '/favicon.ico';
  } catch {
    return false;
  }
}

/**
 * Open a page in a fresh browser context (own cache, storage and cookies).
 *
 * The returned object has:
 *   page, context        the Playwright objects
 *   consoleErrors        text of every console message of type "error" (console.error,
 *                        failed loads, CSP reports), except the implicit /favicon.ico 404
 *   pageErrors           message of every uncaught exception or unhandled rejection
 *   errors()             both lists together, for `assert.deepEqual(session.errors(), [])`
 *   close()              closes the context
 *
 * @param {import('playwright-core').Browser} browser
 * `deviceScaleFactor` is the device pixels per CSS pixel: browser zoom at 400 % on a 1280 × 900
 * window is a 320 × 225 viewport with a scale factor of 4 (media queries see 320 px).
 *
 * @param {{locale?: string, viewport?: {width: number, height: number}, deviceScaleFactor?: number, timeout?: number}} [options]
 */
export async function newPage(browser, { locale = 'en-US', viewport = { width: 1280, height: 800 }, deviceScaleFactor = 1, timeout = 15_000 } = {}) {
  const context = await browser.newContext({ locale, viewport, deviceScaleFactor });
  context.setDefaultTimeout(timeout);
  const page = await context.newPage();

  const consoleErrors = [];
  const pageErrors = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const { url, lineNumber } = msg.location();
    if (isImplicitFaviconMiss(msg.text(), url)) return;
    consoleErrors.push(url ? `${msg.text()} (${url}:${lineNumber})` : msg.text());
  });
  page.on('pageerror', (err) => pageErrors.push(err.stack || err.message || String(err)));

  return {
    page,
    context,
    consoleErrors,
    pageErrors,
    errors: () => [...consoleErrors.map((e) => `console: ${e}`), ...pageErrors.map((e) => `page: ${e}`)],
    close: () => context.close(),
  };
}

/**
 * A test server and a browser for the tests of one file: started before them, closed after.
 * Returns an object whose `server` and `browser` are set once they run.
 *
 * @param {Parameters<typeof startServer>[0]} [serverOptions]
 */
export function useServerAndBrowser(serverOptions = {}, { skip = false } = {}) {
  const env = { server: null, browser: null };
  before(async () => {
    if (skip) return;
    env.server = await startServer(serverOptions);
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
