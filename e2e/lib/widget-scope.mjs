// What the two page objects share: the widget's controls found by role and accessible name
// inside a scope, and moving between its screens.
//
// `ScanPage` (e2e/lib/scan-page.mjs) drives the standalone page, with the Page as its scope;
// `EmbedScan` (e2e/embed/embed-page.mjs) drives one embedded widget, with a Locator, a
// FrameLocator or the Page as its scope.

export class WidgetScope {
  /**
   * @param {import('playwright-core').Locator | import('playwright-core').FrameLocator | import('playwright-core').Page} scope
   * @param {object} strings the widget's strings in the language it is expected to speak
   */
  constructor(scope, strings) {
    this.scope = scope;
    this.t = strings;
  }

  // ---- locators -------------------------------------------------------------

  /** Level-1 heading with the assessment title (welcome screen). */
  titleHeading() {
    return this.scope.getByRole('heading', { level: 1 });
  }

  button(name) {
    return this.scope.getByRole('button', { name, exact: true });
  }

  /** The fieldset of one question, named by its legend. */
  question(questionText) {
    return this.scope.getByRole('group', { name: questionText, exact: true });
  }

  /** One answer option (radio) of a question. */
  option(questionText, optionLabel) {
    return this.question(questionText).getByRole('radio', { name: optionLabel, exact: true });
  }

  resultsHeading() {
    return this.scope.getByRole('heading', { level: 2, name: this.t.resultsHeading, exact: true });
  }

  // ---- actions --------------------------------------------------------------

  /** Choose an option with the mouse. */
  async answer(questionText, optionLabel) {
    await this.option(questionText, optionLabel).check();
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
}
