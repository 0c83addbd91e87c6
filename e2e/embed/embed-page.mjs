// Helpers for the embedding tests: a page object for one widget (a <sextant-scan> element, or the
// widget inside the iframe of embed.html), recorders for the widget's events and for CSP
// violations, and the suite setup every embedding spec shares.
//
// As in e2e/lib/scan-page.mjs, everything a visitor uses is found by role, accessible name or
// visible text. The scope is a Locator (one element), a FrameLocator or the Page itself, so the
// same methods work for every way the widget is embedded.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';

import { newPage, useServerAndBrowser } from '../lib/browser.mjs';
import { STRINGS } from '../lib/scan-page.mjs';
import { DIST_DIR } from '../lib/server.mjs';
import { WidgetScope } from '../lib/widget-scope.mjs';

/**
 * The widget's strings the embedding tests use, per UI language (see src/i18n.rs): those of the
 * standalone tests, and the ones only embedding shows.
 */
export const UI = {
  en: {
    ...STRINGS.en,
    privacy: 'Your answers stay in this browser. Nothing is sent anywhere.',
    pointsLeftPrefix: 'Points left:',
    noRecommendations: 'There are no recommendations: nothing stands out.',
    send: 'Send my result',
    consent: 'I agree to send my answers and result to this organisation.',
    consentNeeded: 'Tick the consent box first.',
    sent: 'Your result has been sent.',
    sendFailed: 'Sending failed; your result is still on screen. Reason:',
    sendStatus: (n) => `the server answered with error ${n}.`,
    retry: 'Try again',
    sentButton: 'Sent',
  },
  nl: {
    ...STRINGS.nl,
    privacy: 'Uw antwoorden blijven in deze browser. Er wordt niets verstuurd.',
    pointsLeftPrefix: 'Nog te verdelen:',
    noRecommendations: 'Er zijn geen aanbevelingen: er springt niets uit.',
    send: 'Verstuur mijn resultaat',
    consent: 'Ik geef toestemming om mijn antwoorden en resultaat naar deze organisatie te sturen.',
    consentNeeded: 'Vink eerst de toestemming aan.',
    sent: 'Uw resultaat is verstuurd.',
    sendFailed: 'Versturen is niet gelukt; uw resultaat staat nog op het scherm. Reden:',
    sendStatus: (n) => `de server gaf foutcode ${n}.`,
    retry: 'Opnieuw proberen',
    sentButton: 'Verstuurd',
  },
};

/** The answers the small fixture (e2e/fixtures/small.json) is completed with, and its result. */
export const SMALL = {
  title: 'Small test scan',
  steps: ['Pace', 'Attention'],
  answers: [
    ['We deliver quickly.', 'Agree'],
    ['We rarely miss a deadline.', 'Strongly agree'],
    ['We listen to every customer.', 'Disagree'],
  ],
  exported: { q1: 4, q2: 5, q3: 2 },
  // Speed = 100·(0.75 + 1.0)/2 = 87.5 → 88; Care = 100·(1·1.0 + 2·0.25)/3 = 50.
  scores: { Speed: '88', Care: '50' },
};

export const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The widget in `scope`: a Locator (a <sextant-scan>), a FrameLocator, or a Page. */
export class EmbedScan extends WidgetScope {
  /**
   * @param {import('playwright-core').Locator | import('playwright-core').FrameLocator | import('playwright-core').Page} scope
   * @param {'en' | 'nl'} lang the UI language the widget is expected to speak
   */
  constructor(scope, lang = 'en') {
    super(scope, UI.en);
    this.setLang(lang);
  }

  setLang(lang) {
    if (!UI[lang]) throw new Error(`EmbedScan: no strings for "${lang}"`);
    this.lang = lang;
    this.t = UI[lang];
  }

  // ---- locators -------------------------------------------------------------

  stepHeading(name) {
    return this.scope.getByRole('heading', { level: 2, name, exact: true });
  }

  /** "Step n of m" for step n (m: any number, or the given one). */
  stepText(n, m) {
    const [lead] = this.t.step(n, '#').split('#');
    return this.scope.getByText(new RegExp(`^${escapeRegExp(lead)}${m === undefined ? '\\d+' : m}$`));
  }

  scoresTables() {
    return this.scope.getByRole('table', { name: this.t.scoresCaption, exact: true });
  }

  recommendationsHeading() {
    return this.scope.getByRole('heading', { level: 3, name: this.t.recommendations, exact: true });
  }

  // ---- actions --------------------------------------------------------------

  /** Wait until the welcome screen with the Start (or Continue) button is shown. */
  async waitForWelcome(title) {
    if (title) await this.titleHeading().filter({ hasText: title }).waitFor();
    await this.button(this.t.start).or(this.button(this.t.resume)).waitFor();
  }

  /** Press Start on the welcome screen and wait for step 1. */
  async start() {
    await this.button(this.t.start).click();
    await this.stepText(1).waitFor();
  }

  /** Wait for step n (of m) whose heading is `heading`, and for the heading to have focus. */
  async waitForStep(n, m, heading) {
    await this.stepText(n, m).waitFor();
    if (heading) {
      await this.stepHeading(heading).and(this.scope.locator(':focus')).waitFor();
    }
  }

  /** "Step n of m" as shown now, as numbers. */
  async progress() {
    const text = await this.scope.getByText(this.t.stepPattern).first().innerText();
    const [n, m] = text.match(/\d+/g).map(Number);
    return { n, m };
  }

  /**
   * Answer every question on the current step, whatever its type, with the first real option
   * (never "don't know"): likert, single choice and bipolar get their first option, multiple
   * choice its first box, a level question its first level now and its last level as desired,
   * a number 10, and an allocation all points but one per other statement on the first.
   * Questions that appear because of an answer (show_if) are answered too.
   */
  async answerStep() {
    const groups = this.scope.getByRole('group');
    for (let i = 0; i < (await groups.count()); i++) {
      const group = groups.nth(i);
      if (!(await group.isVisible())) continue;
      await this.answerQuestion(group);
    }
  }

  async answerQuestion(group) {
    const t = this.t;
    const spinbuttons = group.getByRole('spinbutton');
    const spinCount = await spinbuttons.count();
    if (spinCount > 1) {
      const status = await group.getByText(new RegExp(`^${escapeRegExp(t.pointsLeftPrefix)}`)).innerText();
      const total = Number(status.match(/(\d+)\D*$/)[1]);
      await spinbuttons.nth(0).fill(String(total - (spinCount - 1)));
      for (let o = 1; o < spinCount; o++) await spinbuttons.nth(o).fill('1');
      await group.getByText(`${t.pointsLeftPrefix} 0 `, { exact: false }).waitFor();
      return;
    }
    const numbers = group.getByRole('textbox');
    if ((await numbers.count()) === 1) {
      await numbers.first().fill('10');
      return;
    }
    const current = group.getByRole('radio', { name: new RegExp(`^${escapeRegExp(t.currentLevel)}: `) });
    if ((await current.count()) > 0) {
      await current.first().check();
      const desired = group.getByRole('radio', { name: new RegExp(`^${escapeRegExp(t.desiredLevel)}: `) });
      if ((await desired.count()) > 0) await desired.last().check();
      return;
    }
    // Choices: "don't know" is always rendered last, so the first input is a real option.
    const radios = group.getByRole('radio');
    if ((await radios.count()) > 0) {
      await radios.first().check();
      return;
    }
    const boxes = group.getByRole('checkbox');
    if ((await boxes.count()) > 1) await boxes.first().check();
    // Anything else (the step index) is not a question.
  }

  /**
   * From the welcome screen to the report: Start, answer every step, Next, See results.
   * Returns the steps passed through: { heading, n, m } as shown when the step opened
   * (m can grow when an answer shows another step).
   */
  async completeScan({ maxSteps = 40, onStep } = {}) {
    const t = this.t;
    const steps = [];
    await this.start();
    for (let i = 0; i < maxSteps; i++) {
      const { n, m } = await this.progress();
      const heading = this.scope.getByRole('heading', { level: 2 }).and(this.scope.locator(':focus'));
      await heading.waitFor();
      steps.push({ heading: (await heading.innerText()).trim(), n, m });
      await this.answerStep();
      if (onStep) await onStep(n);
      if ((await this.button(t.seeResults).count()) > 0) {
        await this.seeResults();
        return steps;
      }
      await this.next();
      await this.stepText(n + 1).waitFor();
    }
    throw new assert.AssertionError({ message: `no report after ${maxSteps} steps` });
  }

  /** Complete the small fixture with SMALL.answers (on a widget showing its welcome screen). */
  async completeSmall() {
    await this.start();
    await this.waitForStep(1, 2, SMALL.steps[0]);
    await this.answer(...SMALL.answers[0]);
    await this.answer(...SMALL.answers[1]);
    await this.next();
    await this.waitForStep(2, 2, SMALL.steps[1]);
    await this.answer(...SMALL.answers[2]);
    await this.seeResults();
  }

  // ---- reading --------------------------------------------------------------

  /** Every scores table on the report, as { dimension label: cell text }. */
  async scores() {
    const tables = this.scoresTables();
    await tables.first().waitFor();
    const result = {};
    for (const table of await tables.all()) {
      for (const row of await table.getByRole('row').all()) {
        const header = row.getByRole('rowheader');
        if ((await header.count()) === 0) continue;
        const label = (await header.first().innerText()).trim();
        result[label] = (await row.getByRole('cell').first().innerText()).trim();
      }
    }
    return result;
  }
}

// ---- the element itself -----------------------------------------------------

/**
 * Append a <sextant-scan> with `attributes` to the host page's <main> (attributes set before it
 * is connected, the way a host writes it in HTML). Returns its locator.
 */
export async function addScan(page, attributes, { id = 'scan', into = 'main' } = {}) {
  await page.evaluate(
    ({ attributes, id, into }) => {
      const el = document.createElement('sextant-scan');
      el.id = id;
      for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
      document.querySelector(into).append(el);
    },
    { attributes, id, into },
  );
  return page.locator(`sextant-scan#${id}`);
}

/** The class of the widget's mount point (the first child of the element's shadow root). */
export function rootClass(element) {
  return element.evaluate((el) => el.shadowRoot?.firstElementChild?.className ?? null);
}

// ---- recorders --------------------------------------------------------------

/**
 * Record every sextant:* event that reaches `document` (in every frame), from the very start of
 * each document. Read them with `events(pageOrFrame)`.
 */
export async function recordEvents(page) {
  await page.addInitScript(() => {
    window.__sextantEvents = [];
    window.__sextantTargets = [];
    for (const name of ['ready', 'step', 'complete', 'error']) {
      document.addEventListener(`sextant:${name}`, (e) => {
        window.__sextantTargets.push(e.composedPath()[0]);
        window.__sextantEvents.push({
          type: e.type,
          detail: e.detail === undefined ? undefined : JSON.parse(JSON.stringify(e.detail)),
          bubbles: e.bubbles,
          composed: e.composed,
          target: e.target instanceof Element ? `${e.target.localName}#${e.target.id}` : String(e.target),
          dispatchedOn: e.composedPath()[0] instanceof Element
            ? `${e.composedPath()[0].localName}#${e.composedPath()[0].id}`
            : String(e.composedPath()[0]),
        });
      });
    }
  });
}

/** The recorded events, optionally only those of one type (`'step'` or `'sextant:step'`). */
export async function events(pageOrFrame, type) {
  const all = await pageOrFrame.evaluate(() => window.__sextantEvents ?? []);
  if (!type) return all;
  const full = type.startsWith('sextant:') ? type : `sextant:${type}`;
  return all.filter((e) => e.type === full);
}

/** Wait until `count` events of `type` have been recorded; returns them. */
export async function waitForEvents(pageOrFrame, type, count = 1) {
  const full = type.startsWith('sextant:') ? type : `sextant:${type}`;
  await pageOrFrame.waitForFunction(
    ({ full, count }) => (window.__sextantEvents ?? []).filter((e) => e.type === full).length >= count,
    { full, count },
  );
  return events(pageOrFrame, full);
}

/** Record every securitypolicyviolation in every frame, from the start of each document. */
export async function recordCspViolations(page) {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener(
      'securitypolicyviolation',
      (e) => {
        window.__cspViolations.push({
          directive: e.effectiveDirective || e.violatedDirective,
          blocked: e.blockedURI,
          source: `${e.sourceFile}:${e.lineNumber}`,
          sample: e.sample,
        });
      },
      true,
    );
  });
}

export function cspViolations(pageOrFrame) {
  return pageOrFrame.evaluate(() => window.__cspViolations ?? []);
}

// ---- errors -----------------------------------------------------------------

/**
 * Assert the session saw no console error and no page error, except those matching one of
 * `expected` (errors a test provokes on purpose). Each expected pattern must have matched at
 * least once, so a provoked error that silently stops happening is noticed too.
 */
export function assertNoErrors(session, { expected = [], label = '' } = {}) {
  const errors = session.errors();
  const unexpected = errors.filter((e) => !expected.some((re) => re.test(e)));
  assert.deepEqual(unexpected, [], `no console errors or page errors${label ? ` (${label})` : ''}`);
  for (const re of expected) {
    assert.ok(errors.some((e) => re.test(e)), `the provoked error ${re} was reported`);
  }
}

// ---- suite ------------------------------------------------------------------

/** A reason to skip when there is no build, as the skeleton spec does. */
export const skip = existsSync(path.join(DIST_DIR, 'sextant.js'))
  ? false
  : `${path.join(DIST_DIR, 'sextant.js')} is missing: build the widget into dist/ first`;

/**
 * Start a server (with `serverOptions`) and a browser before the suite and stop them after it.
 * Call inside describe(); returns an object whose `server` and `browser` are set once the suite
 * runs, and whose `session(fn, options)` runs `fn` with a fresh page and closes it afterwards.
 */
export function useBrowser(serverOptions = {}) {
  const ctx = skip ? { server: null, browser: null } : useServerAndBrowser(serverOptions);
  ctx.session = async (fn, options) => {
    const session = await newPage(ctx.browser, options);
    try {
      return await fn(session);
    } finally {
      await session.close();
    }
  };
  return ctx;
}

/** The server's log from index `from` on, without the implicit favicon request. */
export function requestsSince(server, from) {
  return server.requests.slice(from).filter((r) => r.url !== '/favicon.ico');
}
