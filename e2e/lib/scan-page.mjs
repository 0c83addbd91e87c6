// Page object for the Sextant widget.
//
// Everything is found by role, accessible name or visible text, the way a
// screen-reader user finds it; no CSS classes or test ids. If a method here
// cannot find something, the widget's accessibility contract has changed.

import assert from 'node:assert/strict';

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
    step: (n, m) => `Step ${n} of ${m}`,
    stepPattern: /Step \d+ of \d+/,
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
    step: (n, m) => `Stap ${n} van ${m}`,
    stepPattern: /Stap \d+ van \d+/,
  },
};

export class ScanPage {
  /**
   * @param {import('playwright-core').Page} page
   * @param {string} baseUrl server origin, e.g. "http://127.0.0.1:1234"
   */
  constructor(page, baseUrl) {
    this.page = page;
    this.baseUrl = baseUrl;
    this.lang = 'en';
    this.t = STRINGS.en;
  }

  /** Load the widget: the built-in assessment, or the one at `src`. */
  async open({ lang = 'en', src } = {}) {
    if (!STRINGS[lang]) throw new Error(`ScanPage: no strings for language "${lang}"`);
    this.lang = lang;
    this.t = STRINGS[lang];
    let query = `lang=${encodeURIComponent(lang)}`;
    if (src) query += `&src=${encodeURIComponent(src).replaceAll('%2F', '/')}`;
    await this.page.goto(`${this.baseUrl}/index.html?${query}`);
  }

  // ---- locators -----------------------------------------------------------

  /** Level-1 heading with the assessment title (welcome screen). */
  titleHeading() {
    return this.page.getByRole('heading', { level: 1 });
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

  /** The fieldset of one question, named by its legend. */
  question(questionText) {
    return this.page.getByRole('group', { name: questionText, exact: true });
  }

  /** One answer option (radio) of a question. */
  option(questionText, optionLabel) {
    return this.question(questionText).getByRole('radio', { name: optionLabel, exact: true });
  }

  button(name) {
    return this.page.getByRole('button', { name, exact: true });
  }

  resultsHeading() {
    return this.page.getByRole('heading', { level: 2, name: this.t.resultsHeading, exact: true });
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

  /** Choose an option with the mouse. */
  async answer(questionText, optionLabel) {
    await this.option(questionText, optionLabel).check();
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

  async next() {
    await this.button(this.t.next).click();
  }

  async back() {
    await this.button(this.t.back).click();
  }

  /** Press "See results" on the last step and wait for the result screen. */
  async seeResults() {
    await this.button(this.t.seeResults).click();
    await this.resultsHeading().waitFor();
  }

  // ---- reading ------------------------------------------------------------

  /** "Step N of M" (or its translation) as shown now. */
  async progressText() {
    const text = await this.page.getByText(this.t.stepPattern).first().innerText();
    return text.match(this.t.stepPattern)[0];
  }

  /** Wait until the given step is shown and its heading has focus. */
  async waitForStep(n, m, headingText) {
    await this.page.getByText(this.t.step(n, m)).first().waitFor();
    await this.focusedStepHeading(headingText).waitFor();
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
}
