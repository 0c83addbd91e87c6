// Page object for the Sextant widget.
//
// Everything is found by role, accessible name or visible text, the way a
// screen-reader user finds it; no CSS classes or test ids. If a method here
// cannot find something, the widget's accessibility contract has changed.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { DIST_DIR, REPO_ROOT } from './server.mjs';
import { WidgetScope } from './widget-scope.mjs';

/** The storage key of the default scan's saved answers. */
export const DEFAULT_SCAN_KEY = 'sextant:commercial-excellence-scan:1.0.0';

/** Answers to the whole default scan per language; they answer "yes" and so show the calculator. */
export const SCAN_ANSWERS = Object.fromEntries(
  ['nl', 'en'].map((lang) => [lang, JSON.parse(readFileSync(path.join(REPO_ROOT, 'e2e', 'fixtures', `scan-answers-${lang}.json`), 'utf8'))]),
);

/** The default scan's saved state with `SCAN_ANSWERS[lang]`, at `step` ("welcome", "report" or a section id). */
export function savedAt(lang, step) {
  return JSON.stringify({ format: 'sextant-state/1', assessment: 'commercial-excellence-scan', version: '1.0.0', step, locale: lang, revision: 1, answers: SCAN_ANSWERS[lang] });
}

/** Puts `saved` (a string) under the default scan's key before each of `page`'s documents loads (not on about:blank). */
export function saveBeforeLoad(page, saved) {
  return page.addInitScript(([key, value]) => {
    if (location.protocol === 'http:') localStorage.setItem(key, value);
  }, [DEFAULT_SCAN_KEY, saved]);
}

/** The widget's visible strings per UI language, as the tests expect them. */
export const STRINGS = {
  en: {
    start: 'Start',
    back: 'Back',
    next: 'Next',
    seeResults: 'See results',
    resultsHeading: 'Your results',
    scoresCaption: 'Scores',
    notEnoughAnswers: 'Not enough answers',
    loadError: 'This assessment could not be loaded',
    enterPoints: (max) => `Enter a whole number from 0 to ${max}.`,
    enterNumber: (min, max) => `Enter a number from ${min} to ${max}.`,
    actions: 'Save and share',
    step: (n, m) => `Step ${n} of ${m}`,
    stepPattern: /Step \d+ of \d+/,
    dontKnow: "Don't know / not applicable",
    currentLevel: 'Current situation',
    desiredLevel: 'Desired situation',
    desiredAfterCurrent: 'Choose the current situation first; then the desired one can be chosen.',
    less: 'Less for',
    more: 'More for',
    pointsLeft: (left, total) => `Points left: ${left} of ${total}`,
    tooManyPoints: (n) => `Too many points given: ${n}`,
    fixPoints: (n) => `Spread exactly ${n} points before you go on.`,
    steps: 'Steps',
    stepIndex: (n, m) => `Steps (${n}/${m})`,
    stepIndexPattern: /^Steps \(\d+\/\d+\)$/,
    resume: 'Continue where you left off',
    savedProgress: (n) => `Saved answers: ${n}`,
    startOver: 'Start over',
    deleteAnswers: 'Delete my answers',
    yesStartOver: 'Yes, start over',
    yesDelete: 'Yes, delete',
    cancel: 'Cancel',
    deleted: 'Your answers have been erased from this browser.',
    close: 'Close',
    headline: 'In one sentence',
    recommendations: 'Recommendations',
    keyFigures: 'Key figures',
    moreRecommendations: (n) => (n === 1 ? '1 more recommendation' : `${n} more recommendations`),
    why: 'Why am I seeing this?',
    conditionState: { true: 'holds', false: 'does not hold', null: 'unknown' },
    rule: 'The rule as the assessment writes it:',
    whatMoved: 'What moved the score for',
    dimension: 'Dimension',
    score: 'Score',
    print: 'Print',
    exportJson: 'Export answers (JSON)',
    exportCsv: 'Export scores (CSV)',
    importAnswers: 'Import earlier answers',
    imported: 'The answers have been imported.',
    importFailed: 'This file could not be imported:',
    importUnreadable: 'it is not an export of this assessment, or it is damaged.',
    importOtherAssessment: 'it is an export of another assessment.',
    importEmpty: 'it holds no answer that fits this assessment. Your answers have not changed.',
    confirmImport: 'The answers in the file will replace all your current answers. This cannot be undone. Continue?',
    yesImport: 'Yes, replace',
    noValue: 'unknown',
    share: 'Make a share link',
    shareLabel: 'Share link',
    copy: 'Copy',
    copied: 'Copied.',
    sharedReport: 'You are viewing a shared report. It cannot be changed.',
    takeScan: 'Take the scan yourself',
    shareBroken: 'This share link cannot be opened:',
    shareOtherVersion: 'the link was made for another version of this assessment',
    shareDamaged: 'the link is damaged or incomplete',
    shareOtherAssessment: 'the link belongs to another assessment',
    team: 'Team comparison',
    language: 'Language',
    teamLinks: 'Share links',
    teamNothing: 'Nothing to compare yet: paste at least one share link, or choose at least one exported file.',
    compare: 'Compare',
    member: 'Member',
    mean: 'Mean',
    spread: 'Spread',
    agreeMost: 'Where the team agrees most',
    differMost: 'Where the team differs most',
    members: 'Members',
    skippedLines: 'Not read:',
    backToScan: 'Back to the scan',
    setAsideCorrupt: 'Saved answers in this browser were damaged and have been set aside; they were not loaded.',
    corruptNotKept: 'Saved answers in this browser were damaged and were not loaded. They could not be set aside (nine damaged copies are kept already, or the storage is full): your new answers will replace them.',
    setAsideVersion: (v) => `Answers were saved for another version of this assessment (version ${v}). They have been kept aside and were not loaded.`,
  },
  nl: {
    start: 'Start',
    back: 'Terug',
    next: 'Volgende',
    seeResults: 'Bekijk resultaten',
    resultsHeading: 'Uw resultaten',
    scoresCaption: 'Scores',
    notEnoughAnswers: 'Te weinig antwoorden',
    loadError: 'Deze vragenlijst kon niet worden geladen',
    enterPoints: (max) => `Vul een heel getal in van 0 tot en met ${max}.`,
    enterNumber: (min, max) => `Vul een getal in van ${min} tot en met ${max}.`,
    actions: 'Bewaren en delen',
    step: (n, m) => `Stap ${n} van ${m}`,
    stepPattern: /Stap \d+ van \d+/,
    dontKnow: 'Weet ik niet / niet van toepassing',
    currentLevel: 'Huidige situatie',
    desiredLevel: 'Gewenste situatie',
    desiredAfterCurrent: 'Kies eerst de huidige situatie; daarna kunt u de gewenste kiezen.',
    less: 'Minder voor',
    more: 'Meer voor',
    pointsLeft: (left, total) => `Nog te verdelen: ${left} van ${total}`,
    tooManyPoints: (n) => `Te veel punten gegeven: ${n}`,
    fixPoints: (n) => `Verdeel precies ${n} punten voordat u verdergaat.`,
    steps: 'Stappen',
    stepIndex: (n, m) => `Stappen (${n}/${m})`,
    stepIndexPattern: /^Stappen \(\d+\/\d+\)$/,
    resume: 'Verder waar u was',
    savedProgress: (n) => `Opgeslagen antwoorden: ${n}`,
    startOver: 'Opnieuw beginnen',
    deleteAnswers: 'Mijn antwoorden wissen',
    yesStartOver: 'Ja, opnieuw beginnen',
    yesDelete: 'Ja, wissen',
    cancel: 'Annuleren',
    deleted: 'Uw antwoorden zijn gewist uit deze browser.',
    close: 'Sluiten',
    headline: 'In één zin',
    recommendations: 'Aanbevelingen',
    keyFigures: 'Kerncijfers',
    moreRecommendations: (n) => (n === 1 ? 'Nog 1 aanbeveling' : `Nog ${n} aanbevelingen`),
    why: 'Waarom zie ik dit?',
    conditionState: { true: 'klopt', false: 'klopt niet', null: 'onbekend' },
    rule: 'De regel zoals die in de vragenlijst staat:',
    whatMoved: 'Wat bepaalt de score voor',
    dimension: 'Onderdeel',
    score: 'Score',
    print: 'Afdrukken',
    exportJson: 'Exporteer antwoorden (JSON)',
    exportCsv: 'Exporteer scores (CSV)',
    importAnswers: 'Importeer eerdere antwoorden',
    imported: 'De antwoorden zijn geïmporteerd.',
    importFailed: 'Dit bestand kon niet worden geïmporteerd:',
    importUnreadable: 'het is geen export van deze vragenlijst, of het is beschadigd.',
    importOtherAssessment: 'het is een export van een andere vragenlijst.',
    importEmpty: 'er staat geen antwoord in dat bij deze vragenlijst past. Uw antwoorden zijn niet veranderd.',
    confirmImport: 'De antwoorden uit het bestand vervangen al uw huidige antwoorden. Dit kan niet ongedaan worden gemaakt. Doorgaan?',
    yesImport: 'Ja, vervangen',
    noValue: 'onbekend',
    share: 'Maak een deellink',
    shareLabel: 'Deellink',
    copy: 'Kopiëren',
    copied: 'Gekopieerd.',
    sharedReport: 'U bekijkt een gedeeld rapport. Het kan niet worden gewijzigd.',
    takeScan: 'Doe de scan zelf',
    shareBroken: 'Deze deellink kan niet worden geopend:',
    shareOtherVersion: 'de link is gemaakt voor een andere versie van deze vragenlijst',
    shareDamaged: 'de link is beschadigd of onvolledig',
    shareOtherAssessment: 'de link hoort bij een andere vragenlijst',
    team: 'Teamvergelijking',
    language: 'Taal',
    teamLinks: 'Deellinks',
    teamNothing: 'Nog niets te vergelijken: plak ten minste één deellink, of kies ten minste één geëxporteerd bestand.',
    compare: 'Vergelijk',
    member: 'Deelnemer',
    mean: 'Gemiddelde',
    spread: 'Spreiding',
    agreeMost: 'Hier is het team het meest eens',
    differMost: 'Hier verschilt het team het meest',
    members: 'Deelnemers',
    skippedLines: 'Niet gelezen:',
    backToScan: 'Terug naar de scan',
    setAsideCorrupt: 'Opgeslagen antwoorden in deze browser waren beschadigd en zijn apart gezet; ze zijn niet geladen.',
    corruptNotKept: 'Opgeslagen antwoorden in deze browser waren beschadigd en zijn niet geladen. Ze konden niet apart worden gezet (er staan al negen beschadigde kopieën, of de opslag is vol): uw nieuwe antwoorden komen ervoor in de plaats.',
    setAsideVersion: (v) => `Er zijn antwoorden bewaard voor een andere versie van deze vragenlijst (versie ${v}). Die zijn apart gehouden en niet geladen.`,
  },
};

export class ScanPage extends WidgetScope {
  /**
   * @param {import('playwright-core').Page} page
   * @param {string} baseUrl server origin, e.g. "http://127.0.0.1:1234"
   */
  constructor(page, baseUrl) {
    super(page, STRINGS.en);
    this.page = page;
    this.baseUrl = baseUrl;
    this.lang = 'en';
  }

  /** Load the widget: the built-in assessment, or the one at `src`. */
  async open({ lang = 'en', src, hash } = {}) {
    this.useLanguage(lang);
    await this.page.goto(this.url({ lang, src, hash }));
  }

  /** Read the page in another UI language from now on (e.g. after a language switch). */
  useLanguage(lang) {
    if (!STRINGS[lang]) throw new Error(`ScanPage: no strings for language "${lang}"`);
    this.lang = lang;
    this.t = STRINGS[lang];
  }

  /** The standalone page's address for these options; `hash` without the "#". */
  url({ lang = this.lang, src, hash } = {}) {
    let query = `lang=${encodeURIComponent(lang)}`;
    if (src) query += `&src=${encodeURIComponent(src).replaceAll('%2F', '/')}`;
    return `${this.baseUrl}/index.html?${query}${hash ? `#${hash}` : ''}`;
  }

  // ---- locators -----------------------------------------------------------

  /** The welcome screen's button for a language, by the language's own name ("English"). */
  languageButton(name) {
    return this.page.getByRole('group', { name: this.t.language, exact: true })
      .getByRole('button', { name, exact: true });
  }

  /** The name of the language the welcome screen marks as the one shown. */
  currentLanguage() {
    return this.page.getByRole('group', { name: this.t.language, exact: true })
      .locator('button[aria-current="true"]').innerText().then((text) => text.trim());
  }

  /** Level-2 heading of the current step (or of the result screen). */
  stepHeading() {
    return this.page.getByRole('heading', { level: 2 });
  }

  /** The current step heading, but only while it has keyboard focus. */
  focusedStepHeading(name) {
    return this.page.getByRole('heading', { level: 2, name, exact: true }).and(this.page.locator(':focus'));
  }

  progressBar() {
    return this.page.getByRole('progressbar');
  }

  scoresTable() {
    return this.page.getByRole('table', { name: this.t.scoresCaption, exact: true });
  }

  /** The load-error alert. */
  errorAlert() {
    return this.page.getByRole('alert').filter({ hasText: this.t.loadError });
  }

  // ---- actions ------------------------------------------------------------

  /** Press "Start" on the welcome screen and wait for the first step. */
  async start() {
    await this.button(this.t.start).click();
    await this.page.getByText(this.t.stepPattern).first().waitFor();
  }

  /**
   * Choose an option with the keyboard only: focus the question's first radio,
   * select it with Space, then move with ArrowDown (which also selects) until
   * the wanted option is checked.
   */
  async answerWithKeyboard(questionText, optionLabel) {
    const radios = this.question(questionText).getByRole('radio');
    const target = this.option(questionText, optionLabel);
    const count = await radios.count();
    assert.ok(count > 0, `question "${questionText}" has no radio buttons`);
    await target.waitFor({ state: 'attached' });

    await radios.first().focus();
    await this.page.keyboard.press('Space');
    for (let moves = 0; !(await target.isChecked()); moves++) {
      assert.ok(moves < count, `"${optionLabel}" was not reached with the arrow keys in "${questionText}"`);
      await this.page.keyboard.press('ArrowDown');
    }
    const focused = await target.evaluate((el) => el === document.activeElement);
    assert.ok(focused, `"${optionLabel}" is checked but does not have focus`);
  }

  // ---- reading ------------------------------------------------------------

  /** "Step N of M" (or its translation) as shown now. */
  async progressText() {
    const text = await this.page.getByText(this.t.stepPattern).first().innerText();
    return text.match(this.t.stepPattern)[0];
  }

  /** Wait until the given step is shown and its heading has focus. */
  async waitForStep(n, m, headingText, { focused = true } = {}) {
    await this.page.getByText(this.t.step(n, m)).first().waitFor();
    if (focused) {
      await this.focusedStepHeading(headingText).waitFor();
    } else {
      // A page that opens on a step leaves focus where the host page has it.
      await this.page.getByRole('heading', { level: 2, name: headingText, exact: true }).waitFor();
      assert.equal(await this.page.evaluate(() => document.activeElement === document.body), true,
        'the widget did not take focus when the page opened');
    }
  }

  /** The scores table as { dimension label: cell text }. */
  async scores() {
    const table = this.scoresTable();
    await table.waitFor();
    const result = {};
    for (const row of await table.getByRole('row').all()) {
      const header = row.getByRole('rowheader');
      if ((await header.count()) === 0) continue; // the column header row
      const label = (await header.first().innerText()).trim();
      result[label] = (await row.getByRole('cell').first().innerText()).trim();
    }
    return result;
  }

  /** Text of the load-error alert, once it is shown. */
  async errorText() {
    const alert = this.errorAlert();
    await alert.waitFor();
    return (await alert.innerText()).trim();
  }

  // ---- steps: more locators ----------------------------------------------

  /** A status message above the screen (set-aside state, imports, …), by its text. */
  notice(text) {
    return this.page.getByRole('status').filter({ hasText: text });
  }

  /** The alert that says why the visitor cannot leave the step. */
  blockedAlert() {
    return this.page.getByRole('alert');
  }

  /** The summary of the "Steps" disclosure, e.g. "Steps (3/10)". */
  stepIndexToggle() {
    return this.page.getByText(this.t.stepIndexPattern);
  }

  /** An earlier step in the opened step index, as a button named by the step's title. */
  stepIndexButton(title) {
    return this.page.getByRole('listitem').getByRole('button', { name: title, exact: true });
  }

  /** The number field of one statement of an allocation question. */
  pointsField(questionText, statement) {
    return this.question(questionText).getByRole('spinbutton', { name: statement, exact: true });
  }

  /** The "+" button of one statement ("More for …"). */
  moreButton(questionText, statement) {
    return this.question(questionText).getByRole('button', { name: `${this.t.more} ${statement}`, exact: true });
  }

  /** The "−" button of one statement ("Less for …"). */
  lessButton(questionText, statement) {
    return this.question(questionText).getByRole('button', { name: `${this.t.less} ${statement}`, exact: true });
  }

  /** The "Points left: n of m" (or "Too many points given: n") line of an allocation question. */
  pointsStatus(questionText, text) {
    return this.question(questionText).getByText(text, { exact: true });
  }

  /** The "current level" radio of a level question, by the level's label. */
  currentLevel(questionText, levelLabel) {
    return this.question(questionText).getByRole('radio', { name: `${this.t.currentLevel}: ${levelLabel}`, exact: true });
  }

  /** The "desired level" radio of a level question, by the level's label. */
  desiredLevel(questionText, levelLabel) {
    return this.question(questionText).getByRole('radio', { name: `${this.t.desiredLevel}: ${levelLabel}`, exact: true });
  }

  /** The number field of a number question (named by the question). */
  numberField(questionText) {
    return this.question(questionText).getByRole('textbox', { name: questionText, exact: true });
  }

  /** One checkbox of a multiple-choice question. */
  checkbox(questionText, optionLabel) {
    return this.question(questionText).getByRole('checkbox', { name: optionLabel, exact: true });
  }

  /** "Don't know / not applicable": a radio, or a checkbox for allocations, numbers and multiple choice. */
  dontKnow(questionText) {
    const q = this.question(questionText);
    return q.getByRole('radio', { name: this.t.dontKnow, exact: true })
      .or(q.getByRole('checkbox', { name: this.t.dontKnow, exact: true }));
  }

  // ---- answering by the assessment's own words --------------------------------

  /**
   * Answer one question the way a visitor would, from an answer in the engine's portable form
   * (the same JSON the CLI scores): a scale value, a bipolar step, an option id, a list of
   * option ids, points per option id, {current, desired}, a number, or "dont_know".
   *
   * @param {AssessmentText} content the assessment, read in the page's language
   * @param {string} id question id
   * @param {unknown} answer
   * @param {{allocation?: 'buttons' | 'typing'}} [how] how points are given (default: + buttons)
   */
  async answerQuestion(content, id, answer, { allocation = 'buttons' } = {}) {
    const q = content.question(id);
    const text = content.text(q.text);
    await this.question(text).waitFor();
    if (answer === 'dont_know') {
      await this.dontKnow(text).check();
      return;
    }
    switch (q.type) {
      case 'likert':
      case 'bipolar':
      case 'single_choice':
        await this.option(text, content.choiceLabel(id, answer)).check();
        return;
      case 'multiple_choice':
        for (const option of answer) await this.checkbox(text, content.choiceLabel(id, option)).check();
        return;
      case 'level':
        await this.currentLevel(text, content.levelLabel(id, answer.current)).check();
        if (answer.desired !== undefined) {
          const desired = this.desiredLevel(text, content.levelLabel(id, answer.desired));
          await waitForElement(desired, (el) => !el.disabled);
          await desired.check();
        }
        return;
      case 'number': {
        const field = this.numberField(text);
        await field.fill(String(answer));
        await waitForElement(field, (el, v) => el.value === v, String(answer));
        return;
      }
      case 'allocation':
        await this.allocate(content, id, answer, allocation);
        return;
      default:
        throw new Error(`answerQuestion: question type ${q.type} of ${id} is not handled`);
    }
  }

  /** Give points per option id, with the + buttons or by typing, and wait until nothing is left. */
  async allocate(content, id, points, how = 'buttons') {
    const q = content.question(id);
    const text = content.text(q.text);
    for (const option of q.options) {
      const label = content.text(option.label);
      const wanted = points[option.id] ?? 0;
      const field = this.pointsField(text, label);
      if (how === 'typing') {
        await field.fill(String(wanted));
      } else {
        const start = Number(await field.inputValue());
        assert.ok(start <= wanted, `allocate: "${label}" already has ${start} points, more than ${wanted}`);
        for (let n = start + 1; n <= wanted; n++) {
          await this.moreButton(text, label).click();
          await waitForElement(field, (el, v) => el.value === v, String(n));
        }
      }
      await waitForElement(field, (el, v) => el.value === v, String(wanted));
    }
    const total = q.total;
    const given = Object.values(points).reduce((a, b) => a + b, 0);
    const status = given <= total ? this.t.pointsLeft(total - given, total) : this.t.tooManyPoints(given - total);
    await this.pointsStatus(text, status).waitFor();
  }

  /** Answer every question of `answers` that belongs to `sectionId`, in the order of the file. */
  async answerSection(content, sectionId, answers, how = {}) {
    for (const q of content.section(sectionId).questions) {
      if (q.id in answers) await this.answerQuestion(content, q.id, answers[q.id], how);
    }
  }

  /**
   * Assert that the controls of `answer` (portable form) are on: the chosen radio or checkboxes,
   * the current and desired level, the number, the points. Cheaper than `shownAnswer`, which
   * also looks at every control that should be off.
   */
  async expectShown(content, id, answer) {
    const q = content.question(id);
    const text = content.text(q.text);
    const on = async (locator, what) => assert.ok(await locator.isChecked(), `${id}: ${what} is chosen`);
    if (answer === 'dont_know') return on(this.dontKnow(text), '"don\'t know"');
    switch (q.type) {
      case 'likert':
      case 'bipolar':
      case 'single_choice':
        return on(this.option(text, content.choiceLabel(id, answer)), `"${content.choiceLabel(id, answer)}"`);
      case 'multiple_choice':
        for (const o of answer) await on(this.checkbox(text, content.choiceLabel(id, o)), `"${o}"`);
        return undefined;
      case 'level':
        await on(this.currentLevel(text, content.levelLabel(id, answer.current)), `current level ${answer.current}`);
        if (answer.desired !== undefined) {
          await on(this.desiredLevel(text, content.levelLabel(id, answer.desired)), `desired level ${answer.desired}`);
        }
        return undefined;
      case 'number':
        return assert.equal(Number(await this.numberField(text).inputValue()), answer, `${id}: the number`);
      case 'allocation':
        for (const o of q.options) {
          assert.equal(Number(await this.pointsField(text, content.text(o.label)).inputValue()), answer[o.id] ?? 0,
            `${id}: points for ${o.id}`);
        }
        return undefined;
      default:
        throw new Error(`expectShown: question type ${q.type} of ${id} is not handled`);
    }
  }

  /** The answer a question shows now, in the portable form (for checks after Back or a reload). */
  async shownAnswer(content, id) {
    const q = content.question(id);
    const text = content.text(q.text);
    await this.question(text).waitFor();
    if (await this.dontKnow(text).isChecked().catch(() => false)) return 'dont_know';
    switch (q.type) {
      case 'likert':
      case 'bipolar':
      case 'single_choice': {
        for (const value of content.choiceValues(id)) {
          if (await this.option(text, content.choiceLabel(id, value)).isChecked()) return value;
        }
        return undefined;
      }
      case 'multiple_choice': {
        const chosen = [];
        for (const o of q.options) {
          if (await this.checkbox(text, content.text(o.label)).isChecked()) chosen.push(o.id);
        }
        return chosen.length ? chosen : undefined;
      }
      case 'level': {
        let current;
        let desired;
        for (let level = 1; level <= q.levels.length; level++) {
          const label = content.levelLabel(id, level);
          if (await this.currentLevel(text, label).isChecked()) current = level;
          if (q.desired && (await this.desiredLevel(text, label).isChecked())) desired = level;
        }
        if (current === undefined) return undefined;
        return desired === undefined ? { current } : { current, desired };
      }
      case 'number': {
        const value = await this.numberField(text).inputValue();
        return value === '' ? undefined : Number(value);
      }
      case 'allocation': {
        const points = {};
        for (const o of q.options) {
          points[o.id] = Number(await this.pointsField(text, content.text(o.label)).inputValue());
        }
        return points;
      }
      default:
        throw new Error(`shownAnswer: question type ${q.type} of ${id} is not handled`);
    }
  }

  // ---- keyboard -------------------------------------------------------------

  /** Whether the element has keyboard focus now. */
  async hasFocus(locator) {
    if ((await locator.count()) !== 1) return false;
    return locator.evaluate((el) => el === document.activeElement);
  }

  /** A short description of the focused element, for failure messages. */
  describeFocus() {
    return this.page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return 'the page body (nothing focused)';
      const name = el.getAttribute('aria-label') || el.labels?.[0]?.textContent || el.textContent || '';
      return `<${el.tagName.toLowerCase()}${el.type ? ` type=${el.type}` : ''}> "${name.trim().slice(0, 80)}"`;
    });
  }

  /**
   * Press Tab (or `key`, e.g. "Shift+Tab") until `locator` has focus; fail after `max` presses.
   * Returns the number of presses.
   */
  async tabTo(locator, { key = 'Tab', max = 60 } = {}) {
    await locator.waitFor();
    for (let presses = 0; presses <= max; presses++) {
      if (await this.hasFocus(locator)) return presses;
      if (presses < max) await this.page.keyboard.press(key);
    }
    throw new assert.AssertionError({
      message: `not reached with ${key} within ${max} presses; focus is on ${await this.describeFocus()}`,
      actual: await this.describeFocus(),
      expected: String(locator),
      operator: 'tabTo',
    });
  }

  /**
   * With focus on one radio of a group, select `target` with the arrow keys (Space when the
   * focused radio is the target but not checked yet). `radios` are the group's radios in order.
   */
  async chooseRadioWithKeyboard(radios, target) {
    const count = await radios.count();
    const goal = await radios.evaluateAll((els, t) => els.indexOf(t), await target.elementHandle());
    assert.ok(goal >= 0, 'chooseRadioWithKeyboard: the target is not one of the radios');
    for (let presses = 0; presses <= count; presses++) {
      if ((await this.hasFocus(target)) && (await target.isChecked())) return;
      const at = await radios.evaluateAll((els) => els.indexOf(document.activeElement));
      assert.ok(at >= 0, `chooseRadioWithKeyboard: focus left the radio group; it is on ${await this.describeFocus()}`);
      if (at === goal) await this.page.keyboard.press('Space');
      else await this.page.keyboard.press(at < goal ? 'ArrowDown' : 'ArrowUp');
    }
    assert.fail(`chooseRadioWithKeyboard: the target is not checked; focus is on ${await this.describeFocus()}`);
  }

  // ---- report -----------------------------------------------------------------

  /** The headline paragraph ("In one sentence: …"). */
  headline(text) {
    return this.page.getByRole('paragraph').filter({ hasText: `${this.t.headline}: ${text}` });
  }

  /** The report's module headings (level 3), including "Recommendations". */
  moduleHeadings() {
    return this.page.getByRole('heading', { level: 3 });
  }

  /** A chart's figure, found by its drawing (an img named by the chart title). */
  chartFigure(title) {
    return this.page.getByRole('figure').filter({ has: this.page.getByRole('img', { name: title, exact: true }) });
  }

  /** A chart's drawing: the svg with role img, named by the chart title. */
  chartDrawing(title) {
    return this.chartFigure(title).getByRole('img', { name: title, exact: true });
  }

  /** A chart's table, named by its caption (the chart title). */
  chartTable(title) {
    return this.chartFigure(title).getByRole('table', { name: title, exact: true });
  }

  /** A figure without a drawing (an estimate), found by its caption text. */
  figureWithCaption(title) {
    return this.page.getByRole('figure').filter({ has: this.page.getByText(title, { exact: true }) });
  }

  /** The disclosure of the recommendations after the first few ("3 more recommendations"). */
  moreRecommendations(n) {
    return this.page.locator('summary').filter({ hasText: new RegExp(`^${this.t.moreRecommendations(n)}$`) });
  }

  /** Titles of the recommendations (level-4 headings), in order. */
  async recommendationTitles() {
    return (await this.page.getByRole('listitem').getByRole('heading', { level: 4 }).allInnerTexts()).map((s) => s.trim());
  }

  /** Every "Scores" table of the report together, as { dimension label: cell text }. */
  async allScores() {
    const tables = this.page.getByRole('table', { name: this.t.scoresCaption, exact: true });
    await tables.first().waitFor();
    const result = {};
    for (const table of await tables.all()) {
      for (const row of await table.getByRole('row').all()) {
        const header = row.getByRole('rowheader');
        if ((await header.count()) === 0) continue;
        const label = (await header.first().innerText()).trim();
        assert.ok(!(label in result), `dimension "${label}" appears in two score tables`);
        result[label] = (await row.getByRole('cell').first().innerText()).trim();
      }
    }
    return result;
  }

  /** A table as an array of rows, each an array of cell texts (header cells included). */
  async tableRows(table) {
    await table.waitFor();
    const rows = [];
    for (const row of await table.getByRole('row').all()) {
      const cells = row.getByRole('columnheader').or(row.getByRole('rowheader')).or(row.getByRole('cell'));
      rows.push((await cells.allInnerTexts()).map((s) => s.trim()));
    }
    return rows;
  }

  /** The share link field (read-only text box). */
  shareLinkField() {
    return this.page.getByRole('textbox', { name: this.t.shareLabel, exact: true });
  }

  /** Press "Make a share link" and return the link shown. */
  async makeShareLink() {
    await this.button(this.t.share).click();
    const field = this.shareLinkField();
    await field.waitFor();
    await waitForElement(field, (el) => el.value.includes('#r='));
    return field.inputValue();
  }

  /** Press an export button and return the download's file name and text. */
  async download(buttonName) {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.button(buttonName).click(),
    ]);
    const file = await download.path();
    return { name: download.suggestedFilename(), text: await readFile(file, 'utf8') };
  }

  /** The file input "Import earlier answers". */
  importField() {
    return this.page.getByLabel(this.t.importAnswers, { exact: true });
  }

  /**
   * Go from the current step to the report with Next (answering nothing more). `onStep` is
   * called with "Step n of m" on every step on the way (this one included), e.g. to run axe.
   */
  async skipToReport({ onStep } = {}) {
    for (let steps = 0; steps < 50; steps++) {
      const see = this.button(this.t.seeResults);
      const next = this.button(this.t.next);
      await see.or(next).first().waitFor();
      const at = await this.progressText();
      if (onStep) await onStep(at);
      if (await see.count()) {
        await this.seeResults();
        return;
      }
      await next.click();
      await this.page.getByText(this.t.stepPattern).filter({ hasNotText: at }).first().waitFor();
    }
    assert.fail('skipToReport: no "See results" after 50 steps');
  }

  /**
   * The items of the list that follows a heading, as a screen-reader user reads on from the
   * heading to the next element (e.g. "Where the team agrees most" and its list).
   */
  async listAfterHeading(name, level = 2) {
    const heading = this.page.getByRole('heading', { level, name, exact: true });
    await heading.waitFor();
    const list = heading.locator('xpath=following-sibling::*[1]');
    assert.equal(await list.evaluate((el) => el.getAttribute('role') ?? el.tagName.toLowerCase()), 'ul',
      `the element after the heading "${name}" is a list`);
    return (await list.getByRole('listitem').allInnerTexts()).map((s) => s.trim());
  }

  /** The team comparison's table (its caption says how many members). */
  teamTable(members) {
    return this.page.getByRole('table', { name: `${this.t.team} (${members})`, exact: true });
  }

  // ---- storage ------------------------------------------------------------------

  /** localStorage as a plain object. */
  storage() {
    return this.page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
  }
}

// ---- helpers for the journeys ---------------------------------------------------

/** Why the built widget cannot be tested (a reason to skip), or false when dist/ is there. */
export const DIST_MISSING = existsSync(path.join(DIST_DIR, 'index.html'))
  ? false
  : `${path.join(DIST_DIR, 'index.html')} is missing: build the widget into dist/ first`;

/** The default assessment, as compiled into the widget. */
export const DEFAULT_CONTENT = path.join(REPO_ROOT, 'content', 'commercial-excellence-scan.json');

/**
 * Wait until `predicate(element, arg)`, run in the page, is true for the element `locator`
 * points at (e.g. an input's value, a radio becoming enabled). Fails with the element's state.
 */
export async function waitForElement(locator, predicate, arg, { timeout } = {}) {
  await locator.waitFor({ state: 'attached', timeout });
  const handle = await locator.elementHandle();
  const check = new Function('args', `return (${predicate.toString()})(args[0], args[1]);`);
  try {
    await locator.page().waitForFunction(check, [handle, arg], { timeout });
  } catch (err) {
    const state = await handle.evaluate((el) => ({
      value: el.value, checked: el.checked, disabled: el.disabled, connected: el.isConnected,
    })).catch(() => 'gone');
    throw new Error(`waitForElement: ${predicate} never held for ${locator} (arg ${JSON.stringify(arg)}; ` +
      `element ${JSON.stringify(state)}): ${err.message.split('\n')[0]}`);
  }
}

/** An assessment file read in one locale: texts and answer labels as the widget shows them. */
export class AssessmentText {
  /**
   * @param {object} json the assessment
   * @param {string} locale e.g. "nl"
   */
  constructor(json, locale) {
    this.json = json;
    this.locale = locale;
  }

  /** Read an assessment file (a path, relative to the repository root or absolute). */
  static async load(file, locale) {
    const json = JSON.parse(await readFile(path.resolve(REPO_ROOT, file), 'utf8'));
    return new AssessmentText(json, locale ?? json.default_locale);
  }

  /** A text in this locale: plain strings as they are, else the locale's or the default's. */
  text(t) {
    if (t === undefined || t === null || typeof t === 'string') return t;
    return t[this.locale] ?? t[this.json.default_locale];
  }

  get title() {
    return this.text(this.json.title);
  }

  section(id) {
    const s = this.json.sections.find((x) => x.id === id);
    if (!s) throw new Error(`AssessmentText: no section ${id}`);
    return s;
  }

  sectionTitle(id) {
    return this.text(this.section(id).title);
  }

  question(id) {
    for (const s of this.json.sections) {
      const q = s.questions.find((x) => x.id === id);
      if (q) return q;
    }
    throw new Error(`AssessmentText: no question ${id}`);
  }

  questionText(id) {
    return this.text(this.question(id).text);
  }

  /** The answers a radio question offers, in display order (scale values, steps or option ids). */
  choiceValues(id) {
    const q = this.question(id);
    if (q.type === 'likert') return this.scale(q.scale).points.map((p) => p.value);
    if (q.type === 'bipolar') return Array.from({ length: q.steps }, (_, i) => i + 1);
    return q.options.map((o) => o.id);
  }

  /** The label of one answer of a radio or checkbox question, as the widget names the control. */
  choiceLabel(id, value) {
    const q = this.question(id);
    switch (q.type) {
      case 'likert': {
        const point = this.scale(q.scale).points.find((p) => p.value === value);
        if (!point) throw new Error(`AssessmentText: ${id} has no scale point ${value}`);
        return this.text(point.label);
      }
      case 'bipolar':
        if (value === 1) return `1 · ${this.text(q.left)}`;
        if (value === q.steps) return `${q.steps} · ${this.text(q.right)}`;
        return String(value);
      default: {
        const option = q.options.find((o) => o.id === value);
        if (!option) throw new Error(`AssessmentText: ${id} has no option ${value}`);
        return this.text(option.label);
      }
    }
  }

  /** The label of a level (counted from 1) of a level question. */
  levelLabel(id, level) {
    const l = this.question(id).levels[level - 1];
    if (!l) throw new Error(`AssessmentText: ${id} has no level ${level}`);
    return this.text(l.label);
  }

  /** The label of an option of an allocation or choice question. */
  optionLabel(id, optionId) {
    return this.choiceLabel(id, optionId);
  }

  scale(id) {
    return this.json.scales.find((s) => s.id === id);
  }

  /** The report's modules: group labels in file order. */
  groupLabels() {
    return (this.json.groups ?? []).map((g) => this.text(g.label));
  }
}

const execFileAsync = promisify(execFile);

/**
 * Score answers with the engine's CLI (`sextant score --locale …`): the numbers the widget must
 * show. Uses target/debug/sextant, or `cargo run` when that binary has not been built.
 *
 * @param {string} contentFile assessment file (relative to the repository root or absolute)
 * @param {Record<string, unknown>} answers question id to answer, in the portable form
 * @param {string} locale the report's locale
 */
export async function engineScore(contentFile, answers, locale) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sextant-e2e-answers-'));
  try {
    const answersFile = path.join(dir, 'answers.json');
    await writeFile(answersFile, JSON.stringify(answers, null, 2));
    const binary = path.join(REPO_ROOT, 'target', 'debug', 'sextant');
    const [command, prefix] = existsSync(binary)
      ? [binary, []]
      : ['cargo', ['run', '-q', '-p', 'sextant-cli', '--']];
    const args = [...prefix, 'score', '--locale', locale, path.resolve(REPO_ROOT, contentFile), answersFile];
    const { stdout } = await execFileAsync(command, args, { cwd: REPO_ROOT, maxBuffer: 64 * 1024 * 1024 });
    return JSON.parse(stdout);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
