// The built site, used as a person would: typing, clicking, the keyboard alone.
// Every test fails on a console error or on a request to another origin.
const { test, expect } = require('@playwright/test');
const AxeBuilder = require('@axe-core/playwright').default;

const TODAY = '2026-11-30';
const home = `/?aujourdhui=${TODAY}`;

test.beforeEach(async ({ page, baseURL }) => {
  page.consoleErrors = [];
  page.foreignRequests = [];
  page.on('console', (m) => { if (m.type() === 'error') page.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => page.consoleErrors.push(String(e)));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(baseURL) && !url.startsWith('data:') && !url.startsWith('blob:')) page.foreignRequests.push(url);
  });
});

test.afterEach(async ({ page }) => {
  expect(page.consoleErrors, 'console errors').toEqual([]);
  expect(page.foreignRequests, 'requests to another origin').toEqual([]);
});

const yearRow = (page, n) => page.locator('#annees-convention tbody tr').nth(n - 1);

async function fillSchool(page, row, { name, level, requested, admin }) {
  const r = page.locator('.schools-table tbody tr').nth(row);
  await r.getByLabel(/^Nom, école/).fill(name);
  await r.getByLabel(/^Niveau, école/).selectOption(level);
  await r.getByLabel(/^Demande reçue le, école/).fill(requested);
  await r.getByLabel(/^Administrateur : nom, école/).fill(admin[0]);
  await r.getByLabel(/^Administrateur : prénom, école/).fill(admin[1]);
  await r.getByLabel(/^Administrateur : fonction, école/).fill(admin[2]);
  await r.getByLabel(/^Administrateur : e-mail, école/).fill(admin[3]);
  await r.getByLabel(/^Administrateur : téléphone, école/).fill(admin[4]);
}

test('first visit shows the Tassin example with its figures and clauses', async ({ page }) => {
  await page.goto(home);
  await expect(page.locator('.simulation-name')).toContainText('Exemple : Tassin-la-Demi-Lune');
  await expect(page.locator('.simulation-name .badge')).toHaveText('exemple');
  await expect(yearRow(page, 1)).toContainText('16/11/2023');
  await expect(yearRow(page, 1)).toContainText('600,00 €');
  await expect(yearRow(page, 3)).toContainText('450,00 €');
  await expect(page.locator('#exercices tbody tr').nth(1)).toContainText('750,00 €');
  await expect(page.locator('.fees .clause').first()).toHaveText('Art. 6');
  await expect(page.getByText('Vos données restent dans ce navigateur')).toBeVisible();
  // "pourquoi ?" opens the engine's explanation with the clause quoted.
  await page.locator('#annees-convention tbody tr').first().getByText('pourquoi ?').click();
  const explanation = page.locator('#annees-convention .explanation').first();
  await expect(explanation).toContainText('redevance forfaitaire de 150 € par an et par école utilisatrice');
  await expect(explanation).toContainText('4 écoles × 150,00 € = 600,00 €');
  await expect(explanation).toContainText('Hypothèse');
  // Eligibility and warnings.
  await expect(page.locator('#eligibilite')).toContainText('11,2 Go utilisés');
  await expect(page.locator('#eligibilite')).toContainText('du 24/11/2023 au 20/08/2025 exclu');
});

test('a commune with three schools: fees and deadlines', async ({ page }) => {
  await page.goto(home);
  await page.getByRole('button', { name: 'Nouvelle simulation' }).first().click();
  await expect(page.locator('.simulation-name')).toContainText('Simulation 2');
  await page.getByLabel('Nom de la commune').fill('bron');
  await expect(page.locator('.commune .status')).toContainText('Bron (69029), commune de la Métropole');
  await page.getByLabel(/Notification de la convention/).fill('2024-02-29');
  await page.getByLabel('Horizon de la simulation').fill('2026-12-31');
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: '+ Ajouter une école' }).click();
  await fillSchool(page, 0, { name: 'École Jean Moulin', level: 'elementaire', requested: '2024-02-20', admin: ['Durand', 'Anne', 'Directrice', 'anne.durand@ac-lyon.fr', '04 78 11 22 33'] });
  await fillSchool(page, 1, { name: 'École Pasteur', level: 'maternelle', requested: '2024-09-02', admin: ['Martin', 'Luc', 'Directeur', 'luc.martin@ac-lyon.fr', '04 78 11 22 34'] });
  await fillSchool(page, 2, { name: 'Collège Ferry', level: 'college', requested: '2024-02-20', admin: ['Petit', 'Marie', 'Principale', 'marie.petit@ac-lyon.fr', '04 78 11 22 35'] });
  // Year 1: 29/02/2024 – 27/02/2025, two first-degree schools; the collège is not eligible.
  await expect(yearRow(page, 1)).toContainText('29/02/2024');
  await expect(yearRow(page, 1)).toContainText('27/02/2025');
  await expect(yearRow(page, 1)).toContainText('300,00 €');
  await expect(page.locator('#eligibilite')).toContainText("Un collège n'est pas un établissement du premier degré");
  // Budget 2024: titles of 29/02 (Jean Moulin) and 16/09 (Pasteur).
  await expect(page.locator('#exercices tbody tr').first()).toContainText('300,00 €');
  // The notice for the anniversary of 28/02/2025 (month-end rule): latest reception 28/11/2024.
  await page.getByRole('button', { name: /Afficher les \d+ dates passées/ }).click();
  await expect(page.locator('#liste-echeances')).toContainText('28/11/2024');
  await expect(page.locator('#liste-echeances')).toContainText('pour finir le 28/02/2025');
  await expect(page.locator('#liste-echeances')).toContainText('Liste annuelle');
  // Without contacts, every school warns.
  await expect(page.locator('#eligibilite')).toContainText('Contacts de la commune incomplets');
});

test('an invalid field keeps what was typed and figures come back when it is valid', async ({ page }) => {
  await page.goto(home);
  const fee = page.getByLabel('Redevance annuelle par unité (€)');
  await fee.fill('150,5x');
  await expect(fee).toHaveValue('150,5x');
  await expect(page.locator('.convention .error')).toContainText("n'est pas un montant");
  await expect(page.locator('#erreurs')).toContainText('dernière saisie valide');
  await expect(yearRow(page, 1)).toContainText('600,00 €');
  await fee.fill('175');
  await expect(page.locator('#erreurs')).toHaveCount(0);
  await expect(yearRow(page, 1)).toContainText('700,00 €');
});

test('reload finds the scenario as it was left', async ({ page }) => {
  await page.goto(home);
  await page.getByLabel('Redevance annuelle par unité (€)').fill('180,00');
  await expect(yearRow(page, 1)).toContainText('720,00 €');
  await page.reload();
  await expect(page.getByLabel('Redevance annuelle par unité (€)')).toHaveValue('180,00');
  await expect(yearRow(page, 1)).toContainText('720,00 €');
});

test('a deleted school comes back with undo', async ({ page }) => {
  await page.goto(home);
  const rows = page.locator('.schools-table tbody tr');
  await expect(rows).toHaveCount(4);
  await page.getByRole('button', { name: "Supprimer l'école 1" }).click();
  await expect(rows).toHaveCount(3);
  await expect(page.locator('.undo-bar')).toContainText('École « École élémentaire du Bourg » supprimée.');
  await expect(yearRow(page, 1)).toContainText('450,00 €');
  await page.getByRole('button', { name: 'Annuler la suppression' }).click();
  await expect(rows).toHaveCount(4);
  await expect(rows.first().getByLabel(/^Nom, école/)).toHaveValue('École élémentaire du Bourg');
  await expect(yearRow(page, 1)).toContainText('600,00 €');
});

test('a #s= link opens as a simulation of its own', async ({ page }) => {
  const scenario = {
    format: 'laclasse-sim/1',
    commune: { name: 'Écully' },
    convention: { notified: '2025-01-15', annual_fee_eur: '150.00' },
    horizon_until: '2026-12-31',
    schools: [{ name: 'École du Centre', level: 'primaire', sector: 'public', requested: '2025-01-10',
      admin: { last_name: 'A', first_name: 'B', function: 'Directeur', email: 'a@b.fr', phone: '0478000000' } }],
  };
  const b64 = Buffer.from(JSON.stringify(scenario)).toString('base64url');
  await page.goto(`${home}#s=${b64}`);
  await expect(page.locator('.simulation-name')).toContainText('Lien partagé : Écully');
  await expect(yearRow(page, 1)).toContainText('150,00 €');
  await expect(page.getByLabel('Nom de la commune')).toHaveValue('Écully');
  // The example is still there, untouched.
  await page.locator('#mes-simulations summary').click();
  await expect(page.locator('#mes-simulations')).toContainText('Exemple : Tassin-la-Demi-Lune');
});

test('open a scenario file, save it back, and a non-scenario file is refused', async ({ page }) => {
  await page.goto(home);
  const scenario = { commune: { name: 'Bron' }, convention: { notified: '2024-09-01' }, schools: [] };
  await page.locator('#fichier').setInputFiles({ name: 'bron.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(scenario)) });
  await expect(page.locator('.simulation-name')).toContainText('bron');
  await expect(page.getByLabel('Nom de la commune')).toHaveValue('Bron');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Enregistrer (.json)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('laclasse-sim-bron.json');
  const saved = JSON.parse(require('fs').readFileSync(await file.path(), 'utf8'));
  expect(saved.format).toBe('laclasse-sim/1');
  expect(saved.convention.notified).toBe('2024-09-01');
  await page.locator('#fichier').setInputFiles({ name: 'ecoles.csv', mimeType: 'text/csv', buffer: Buffer.from('nom;uai\nÉcole;0691234A\n') });
  await expect(page.locator('.notice')).toContainText("Le fichier « ecoles.csv » n'est pas un scénario laclasse-sim");
  await expect(page.locator('.simulation-name')).toContainText('bron');
});

test('termination simulator', async ({ page }) => {
  await page.goto(home);
  const input = page.getByLabel('Si la lettre recommandée arrive à la Métropole le');
  await input.fill('2025-08-18');
  await expect(page.locator('#resultat-resiliation')).toContainText('La convention prend fin le 16/11/2026');
  await expect(page.locator('.termination')).toContainText('Dernière redevance due : année de convention n° 3, 450,00 €');
  await input.fill('2025-08-16');
  await expect(page.locator('#resultat-resiliation')).toContainText('16/11/2025');
});

test('keyboard only: a new simulation, a commune, a school', async ({ page }) => {
  await page.goto(home);
  await expect(yearRow(page, 1)).toBeVisible();
  const focusOn = async (predicate, max = 80) => {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(predicate)) return;
    }
    throw new Error('focus never reached the target');
  };
  await focusOn(() => document.activeElement?.id === 'nouvelle-simulation');
  await page.keyboard.press('Enter');
  await expect(page.locator('.simulation-name')).toContainText('Simulation 2');
  await focusOn(() => document.activeElement?.id === 'commune-name');
  await page.keyboard.type('Vénissieux');
  await focusOn(() => document.activeElement?.id === 'notified');
  // The browser orders the date's parts by its own locale (jj/mm/aaaa in French, mm/dd/yyyy
  // in a default headless Chromium): type in the order it shows.
  const monthFirst = await page.evaluate(() => new Date(2025, 0, 15).toLocaleDateString(navigator.languages.at(-1) || 'en-US').startsWith('1/'));
  await page.keyboard.type(monthFirst ? '01152025' : '15012025');
  const typed = await page.getByLabel(/Notification de la convention/).inputValue();
  if (typed !== '2025-01-15') {
    // The other order, typed again from the first part.
    await page.keyboard.press('Shift+Tab'); await page.keyboard.press('Shift+Tab');
    await page.keyboard.type(monthFirst ? '15012025' : '01152025');
  }
  await expect(page.getByLabel(/Notification de la convention/)).toHaveValue('2025-01-15');
  await focusOn(() => document.activeElement?.id === 'ajouter-ecole');
  await page.keyboard.press('Enter');
  await expect(page.locator('.schools-table tbody tr')).toHaveCount(1);
  // Focus is visible.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  expect(outline).not.toBe('none');
  await expect(page.locator('.commune .status')).toContainText('Vénissieux');
});

test('print shows the report header with the date and the rules version', async ({ page }) => {
  await page.goto(home);
  await expect(yearRow(page, 1)).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.print-header')).toBeVisible();
  await expect(page.locator('.print-header')).toContainText('imprimé le 30/11/2026');
  await expect(page.locator('.print-header')).toContainText('règles R1–R10');
  await expect(page.locator('nav.toolbar')).toBeHidden();
  await expect(page.locator('.documents')).toBeHidden();
});

test('accessibility: no serious or critical axe violation', async ({ page }) => {
  await page.goto(home);
  await expect(yearRow(page, 1)).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
});

test('unreadable stored data is set aside with a message, never a crash', async ({ page }) => {
  await page.goto(home);
  // Once the page has saved its own simulations, damage them.
  await page.waitForFunction(() => localStorage.getItem('laclasse-sim/simulations') !== null);
  await page.evaluate(() => localStorage.setItem('laclasse-sim/simulations', '{"version": 99, "entries": "abîmé"}'));
  await page.reload();
  await expect(page.locator('.notice')).toContainText("n'ont pas pu être lues");
  await expect(page.locator('.notice')).toContainText('autre version de laclasse-sim (format 99)');
  await expect(yearRow(page, 1)).toContainText('600,00 €');
  const kept = await page.evaluate(() => localStorage.getItem('laclasse-sim/illisible'));
  expect(kept).toBe('{"version": 99, "entries": "abîmé"}');
  await page.getByRole('button', { name: 'Compris' }).click();
  await expect(page.locator('.notice')).toHaveCount(0);
});

test('a long list of schools is shown a page at a time', async ({ page }) => {
  await page.goto(home);
  const schools = Array.from({ length: 125 }, (_, i) => ({ name: `École ${i + 1}`, level: 'primaire', sector: 'public', requested: '2024-01-10',
    admin: { last_name: 'N', first_name: 'P', function: 'Directeur', email: `d${i}@e.fr`, phone: '0478000000' } }));
  const scenario = { commune: { name: 'Lyon' }, convention: { notified: '2024-01-02' }, schools };
  await page.locator('#fichier').setInputFiles({ name: 'lyon.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(scenario)) });
  await expect(page.locator('#pages-ecoles')).toContainText('écoles 1 à 50 sur 125');
  await expect(yearRow(page, 1)).toContainText('18 750,00 €');
  await page.locator('#pages-ecoles').getByRole('button', { name: 'Suivantes ›' }).click();
  await expect(page.locator('#pages-ecoles')).toContainText('écoles 51 à 100 sur 125');
  await expect(page.locator('.schools-table tbody tr').first().getByLabel(/^Nom, école/)).toHaveValue('École 51');
});

test('documents: the Annex 1 list loads its module only when asked, then the calendar and the draft', async ({ page }) => {
  const requested = [];
  page.on('request', (r) => requested.push(r.url()));
  await page.goto(home);
  await expect(yearRow(page, 1)).toBeVisible();
  expect(requested.some((u) => u.includes('laclasse-sim-export')), 'export module not loaded at start').toBe(false);
  let download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Liste annexe 1 (.xlsx)' }).click();
  let file = await download;
  expect(file.suggestedFilename()).toBe('laclasse-sim-tassin-la-demi-lune-annexe1.xlsx');
  const xlsx = require('fs').readFileSync(await file.path());
  expect(xlsx.subarray(0, 2).toString()).toBe('PK');
  expect(requested.some((u) => u.includes('laclasse-sim-export_bg.wasm'))).toBe(true);
  await expect(page.locator('#export-statut')).toContainText('est prêt');
  download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Liste annexe 1 (.ods)' }).click();
  file = await download;
  expect(file.suggestedFilename()).toMatch(/annexe1\.ods$/);
  // Calendar with a 3-day reminder.
  await page.getByLabel('Rappel (jours avant chaque échéance)').fill('3');
  download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Calendrier (.ics)' }).click();
  file = await download;
  const ics = require('fs').readFileSync(await file.path(), 'utf8');
  expect(ics).toContain('BEGIN:VEVENT');
  expect(ics).toContain('TRIGGER;RELATED=START:-PT259200S');
  expect(ics.match(/BEGIN:VEVENT/g).length).toBe(23);
  // The draft deliberation, shown in the page and downloadable.
  await page.getByText('Voir le projet').click();
  await expect(page.locator('.draft-body')).toContainText('Délibération du conseil municipal de Tassin-la-Demi-Lune');
  await expect(page.locator('.draft-body')).toContainText('soit 600,00 € par an pour 4 écoles');
  download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Télécharger (.html)' }).click();
  file = await download;
  expect(require('fs').readFileSync(await file.path(), 'utf8')).toContain('<h2>Annexe : établissements / groupes scolaires utilisateurs</h2>');
  // The yearly list's e-mail, prepared on demand.
  await page.getByRole('button', { name: 'Préparer le courriel et la lettre' }).click();
  await expect(page.locator('.documents .letter').first()).toContainText('Radiations :');
  const mailto = await page.locator('#courriel-liste').getAttribute('href');
  expect(mailto).toMatch(/^mailto:partenariat-laclass\.com@grandlyon\.com\?subject=/);
  expect(decodeURIComponent(mailto)).toContain('liste des écoles de Tassin-la-Demi-Lune — 2027');
});

test('import schools from a French Excel CSV: map, preview, confirm', async ({ page }) => {
  await page.goto(home);
  const rows = page.locator('.schools-table tbody tr');
  await expect(rows).toHaveCount(4);
  // Windows-1252, semicolons, a header, one impossible date.
  const csv = Buffer.concat([
    Buffer.from('Nom de l\'\xe9cole;UAI;Niveau;Date de demande;Nom;Pr\xe9nom;Fonction;Courriel;T\xe9l\xe9phone\r\n', 'latin1'),
    Buffer.from('\xc9cole Saint-Exup\xe9ry;0691237D;\xc9l\xe9mentaire;01/09/2024;Durand;Anne;Directrice;anne@ac-lyon.fr;04 78 11 22 33\r\n', 'latin1'),
    Buffer.from('\xc9cole des Pr\xe9s;0691238E;maternelle;31/02/2024;Martin;Luc;Directeur;luc@ac-lyon.fr;04 78 11 22 34\r\n', 'latin1'),
  ]);
  await page.locator('#fichier-csv').setInputFiles({ name: 'ecoles.csv', mimeType: 'text/csv', buffer: csv });
  await expect(page.locator('.import h3')).toContainText('2 ligne(s)');
  await expect(page.locator('#import-apercu')).toContainText('École Saint-Exupéry');
  await expect(page.locator('#import-apercu')).toContainText('2024-09-01');
  await expect(page.locator('#import-apercu tbody tr').nth(1)).toContainText("n'est pas une date valide");
  // Nothing changed yet.
  await expect(rows).toHaveCount(4);
  // Map the UAI column to "ignore", then confirm.
  await page.locator('#import-colonne-1').selectOption({ label: '(ignorer)' });
  await page.getByRole('button', { name: 'Ajouter les 2 écoles' }).click();
  await expect(rows).toHaveCount(6);
  await expect(rows.nth(4).getByLabel(/^Nom, école/)).toHaveValue('École Saint-Exupéry');
  await expect(rows.nth(4).getByLabel(/^UAI, école/)).toHaveValue('');
  await expect(rows.nth(5).locator('.error')).toContainText("n'est pas une date valide");
  // A spreadsheet given by mistake is refused.
  await page.locator('#fichier-csv').setInputFiles({ name: 'liste.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\x03\x04zzzz', 'latin1') });
  await expect(page.locator('#import-erreur')).toContainText('classeur');
  await expect(rows).toHaveCount(6);
});
