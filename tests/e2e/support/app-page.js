// The app as a person sees it: the places they look at and the things they do.
// Rows are counted from 1, as shown on screen (year 1, the first school shown).

const TODAY = '2026-11-30';
// The app with its clock set to TODAY, so dates and figures do not move.
const home = `/?aujourdhui=${TODAY}`;

class LaclassePage {
  constructor(page) {
    this.page = page;
    this.simulationName = page.locator('.simulation-name');
    this.communeName = page.getByLabel('Nom de la commune');
    this.communeStatus = page.locator('.commune .status');
    this.notified = page.getByLabel(/Notification de la convention/);
    this.annualFee = page.getByLabel('Redevance annuelle par unité (€)');
    this.schoolRows = page.locator('.schools-table tbody.school');
    this.schoolPages = page.locator('#pages-ecoles');
    this.eligibility = page.locator('#eligibilite');
    this.deadlines = page.locator('#liste-echeances');
    this.errorSummary = page.locator('#erreurs');
    this.notice = page.locator('.notice');
  }

  /** Opens the app on TODAY; `hash` is appended as is (e.g. `#s=…`). Returns when the app
   * itself has started, not just the first figures drawn before it. */
  async goto(hash = '') {
    await this.page.goto(`${home}${hash}`);
    await this.started();
  }

  /** Waits for the app to take over from the first figures (it clears `aria-busy`). */
  async started() {
    await this.page.locator('#app:not([aria-busy])').waitFor({ state: 'attached' });
  }

  /** Row n of the table of convention years. */
  yearRow(n) {
    return this.page.locator('#annees-convention tbody tr').nth(n - 1);
  }

  /** Row n of the table of budget years (exercices). */
  budgetYearRow(n) {
    return this.page.locator('#exercices tbody tr').nth(n - 1);
  }

  /** Row n of the schools table, as shown on the current page. */
  schoolRow(n) {
    return this.schoolRows.nth(n - 1);
  }

  /** Unfolds the panel of the school in row n (its fields other than name and level). */
  async openSchool(n) {
    const toggle = this.schoolRow(n).locator('.details-toggle');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  }

  /** The name field of the school in row n. */
  schoolName(n) {
    return this.schoolRow(n).getByLabel(/^Nom de l'école, école/);
  }

  /** « Créer ma simulation à partir de l'exemple »: the example stays as it is. */
  async ownCopy() {
    await this.page.getByRole('button', { name: "Créer ma simulation à partir de l'exemple" }).click();
    await this.page.locator('.example-banner').waitFor({ state: 'detached' });
  }

  /** Types `value` into `field` and leaves it, as a person does (Tab moves within a date's
   * parts, so the field is left as a click elsewhere leaves it). */
  async type(field, value) {
    await field.fill(value);
    await field.blur();
  }

  async newSimulation() {
    await this.page.getByRole('button', { name: 'Nouvelle simulation' }).first().click();
  }

  async addSchool() {
    await this.page.getByRole('button', { name: '+ Ajouter une école' }).click();
  }

  /** Fills the school in row n; admin is [last name, first name, function, e-mail, phone]. */
  async fillSchool(n, { name, level, requested, admin }) {
    const r = this.schoolRow(n);
    await this.openSchool(n);
    await r.getByLabel(/^Nom de l'école, école/).fill(name);
    await r.getByLabel(/^Niveau, école/).selectOption(level);
    await r.getByLabel(/^Demande reçue le, école/).fill(requested);
    await r.getByLabel(/^Administrateur : nom, école/).fill(admin[0]);
    await r.getByLabel(/^Administrateur : prénom, école/).fill(admin[1]);
    await r.getByLabel(/^Administrateur : fonction, école/).fill(admin[2]);
    await r.getByLabel(/^Administrateur : e-mail, école/).fill(admin[3]);
    await r.getByLabel(/^Administrateur : téléphone, école/).fill(admin[4]);
  }

  /** Gives a file to "Ouvrir un fichier": `{ name, mimeType, buffer }`. */
  async openFile(file) {
    await this.page.locator('#fichier').setInputFiles(file);
  }

  /** Opens a scenario, given as an object, from a .json file of that name. */
  async openScenario(name, scenario) {
    await this.openFile({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(scenario)) });
  }

  /** Gives a file to the schools' CSV import: `{ name, mimeType, buffer }`. */
  async importSchools(file) {
    await this.page.locator('#fichier-csv').setInputFiles(file);
  }

  /** Clicks the button of that name and returns the download it starts. */
  async download(buttonName) {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: buttonName }).click();
    return download;
  }
}

module.exports = { LaclassePage, TODAY, home };
