// The Métropole's view: three commune files opened together; the territory's totals read
// against each commune's own figures, opened one by one as a simulation; a list of communes
// with school counts (CSV).
const fs = require('fs');
const path = require('path');
const AxeBuilder = require('@axe-core/playwright').default;
const { test, expect } = require('./support/fixtures');

const tassin = JSON.parse(fs.readFileSync(path.join(__dirname, '../../data/examples/tassin.json'), 'utf8'));
function commune(name, insee, fee, edit = () => {}) {
  const s = JSON.parse(JSON.stringify(tassin));
  s.commune = { name, insee };
  s.convention.annual_fee_eur = fee;
  edit(s);
  return { name: `${name}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(s)) };
}
const files = [
  { name: 'tassin.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(tassin)) },
  commune('Écully', '69081', '160.00'),
  commune('Bron', '69029', '140.00', (s) => { s.schools[0].removal_requested = '2026-07-01'; }),
];

/** « 1 234,50 € » → 123450. */
const cents = (text) => Number(text.replace(/[^0-9]/g, ''));

test('three commune files add up to the territory, each line its commune\'s own figures', async ({ app, page }) => {
  await app.goto();
  await page.locator('#territoire summary').click();
  await page.getByLabel('Fichiers des communes (.json ou .csv, plusieurs à la fois)').setInputFiles(files);
  const rows = page.locator('#territoire-communes tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(page.locator('#territoire-adhesion')).toContainText('3 communes sur 58');
  // The view keeps its files to itself: « Mes simulations » still holds the example alone,
  // and nothing of them is in the browser's storage or the address.
  await expect(page.locator('#mes-simulations summary')).toHaveText('Mes simulations (1)');
  await page.waitForTimeout(500);
  const kept = await page.evaluate(() => Object.keys(localStorage).map((k) => localStorage.getItem(k)).join() + location.href);
  for (const name of ['Écully', 'Bron', '69081', '69029']) expect(kept).not.toContain(name);

  // Each commune's current year (n° 4, from 16/11/2026) as its own simulation shows it.
  const own = [];
  const ownBudget = [];
  for (const file of files) {
    await app.openFile(file);
    await expect(app.yearRow(4)).toBeVisible();
    own.push(cents(await app.yearRow(4).locator('td').nth(4).textContent()));
    // Its budget years, as its own « Par exercice budgétaire » table gives them.
    ownBudget.push(await page.locator('#exercices tbody tr').evaluateAll((trs) => trs.map((tr) => tr.children[1].textContent)));
  }
  expect(own).toEqual([45000, 48000, 42000]);
  const lines = await rows.evaluateAll((trs) => trs.map((tr) => tr.children[2].textContent));
  expect(lines.map(cents)).toEqual(own);
  // Each commune's line of budget years is its own table's (the same years: one notification).
  const matrix = await page.locator('#territoire-exercices-communes tbody tr').evaluateAll(
    (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
  expect(matrix).toEqual(ownBudget);
  const total = await page.locator('#territoire-communes tfoot td').nth(1).textContent();
  expect(cents(total)).toBe(own.reduce((a, b) => a + b, 0));
  // Annexe 2 of the current years' total, against the reference of 625 schools.
  const annex = await page.locator('#territoire-annexe2 tfoot td').allTextContents();
  expect(annex.map(cents)).toEqual([own.reduce((a, b) => a + b, 0), 9375000]);

  // Sorted by the current year's fee, then the other way, by keyboard.
  const sort = page.getByRole('button', { name: 'Année en cours' });
  await sort.focus();
  await page.keyboard.press('Enter');
  await expect(rows.first()).toContainText('Bron');
  await expect(page.locator('th[aria-sort="ascending"]')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(rows.first()).toContainText('Écully');

  const results = await new AxeBuilder({ page }).include('#territoire').analyze();
  const bad = results.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);

  // The spreadsheet: a sheet of totals and one per commune.
  const file = await app.download('Territoire (.xlsx)');
  expect(file.suggestedFilename()).toBe('laclasse-sim-territoire.xlsx');
  const bytes = fs.readFileSync(await file.path());
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  if (process.env.KEEP_TERRITORY) fs.writeFileSync(process.env.KEEP_TERRITORY, bytes);

  // Every commune's deadlines in one calendar, each event naming its commune.
  const ics = await app.download('Échéances de toutes les communes (.ics)');
  expect(ics.suggestedFilename()).toBe('laclasse-sim-territoire-echeances.ics');
  const calendar = fs.readFileSync(await ics.path(), 'utf8').replace(/\r\n /g, '');
  expect(calendar).toContain('X-WR-CALNAME:laclasse.com — Métropole de Lyon (3 communes)');
  for (const name of ['Tassin-la-Demi-Lune', 'Écully', 'Bron']) {
    expect(calendar).toContain(`SUMMARY:laclasse.com — ${name} : Liste annuelle`);
  }

  // Bron's removal received on 01/07/2026 came after the yearly list's 19 June.
  await expect(page.locator('#listes-tardives')).toContainText('Bron.json : 01/07/2026');
});

test('a file that is not a scenario is refused by name, the others kept', async ({ app, page }) => {
  await app.goto();
  await page.locator('#territoire summary').click();
  await page.getByLabel('Fichiers des communes (.json ou .csv, plusieurs à la fois)').setInputFiles([
    files[0], { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{') },
  ]);
  await expect(page.locator('#territoire-communes tbody tr')).toHaveCount(1);
  await expect(page.locator('#communes-refusees')).toContainText('« notes.json » n\'a pas été ajouté');
  const results = await new AxeBuilder({ page }).include('#territoire').analyze();
  const bad = results.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
});

test('a whole folder opens its scenario files and lists and leaves the others', async ({ app, page }) => {
  const os = require('os');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'communes-'));
  // ASCII names: Chromium does not read a file of a folder given through Playwright when its
  // name has an accent (« Écully.json ») — not the app's doing (files given one by one are).
  for (const f of files) fs.writeFileSync(path.join(dir, f.name.normalize('NFD').replace(/[\u0300-\u036f]/g, '')), f.buffer);
  fs.writeFileSync(path.join(dir, 'lisez-moi.txt'), 'pas un scénario');
  fs.writeFileSync(path.join(dir, 'autres.csv'), 'commune;écoles;notification\nVenissieux;4;16/11/2023\n');
  await app.goto();
  await page.locator('#territoire summary').click();
  await page.getByLabel('Ou tout un dossier (ses fichiers .json et .csv)').setInputFiles(dir);
  await expect(page.locator('#territoire-communes tbody tr')).toHaveCount(4);
  await expect(page.locator('#territoire-communes tbody')).toContainText('Vénissieux');
  await expect(page.locator('#communes-refusees')).toHaveCount(0);
  fs.rmSync(dir, { recursive: true });
});

test('a list of communes with school counts (CSV) adds a commune a line, under its hypothesis', async ({ app, page }) => {
  await app.goto();
  await page.locator('#territoire summary').click();
  // As Excel saves it in France: Windows-1252 (0xC9 is É), semicolons, CRLF, a header.
  const csv = Buffer.concat([
    Buffer.from('Commune;Écoles;Notification\r\nBron;12;16/11/2023\r\n', 'latin1'),
    Buffer.from([0xc9]), Buffer.from('cully;5;15/01/2024\r\nVilleurb;3;16/11/2023\r\nCaluire-et-Cuire;0;\r\n', 'latin1'),
  ]);
  await page.getByLabel('Fichiers des communes (.json ou .csv, plusieurs à la fois)').setInputFiles([
    { name: 'communes.csv', mimeType: 'text/csv', buffer: csv },
    files[0],
    { name: 'classeur.csv', mimeType: 'text/csv', buffer: Buffer.from('PK\x03\x04 pas un csv') },
    { name: 'vide.csv', mimeType: 'text/csv', buffer: Buffer.from(';;\r\n;;\r\n') },
  ]);
  const rows = page.locator('#territoire-communes tbody tr');
  await expect(rows).toHaveCount(3);
  // In the order chosen: the list's communes, then Tassin's own file.
  const names = await rows.evaluateAll((trs) => trs.map((tr) => tr.children[0].textContent));
  expect(names).toEqual(['Bron', 'Écully', 'tassin.json (Tassin-la-Demi-Lune)']);
  // 12 and 5 schools at 150 € in the year begun in November 2026 / January 2026, and Tassin's 450 €.
  const current = await rows.evaluateAll((trs) => trs.map((tr) => tr.children[2].textContent));
  expect(current.map(cents)).toEqual([180000, 75000, 45000]);
  const schools = await rows.evaluateAll((trs) => trs.map((tr) => tr.children[1].textContent));
  expect(schools).toEqual(['12', '5', '3']);
  await expect(page.locator('#territoire-communes tfoot td').nth(1)).toHaveText('3 000,00 €');
  await expect(page.locator('#territoire-adhesion')).toContainText('3 communes sur 58');
  await expect(page.locator('#territoire-adhesion')).toContainText('20 écoles sur 625');
  await expect(page.locator('#territoire-hypothese')).toContainText('Hypothèse : une liste de communes avec leur nombre d\'écoles');
  // Each commune's budget years, from its notification to the same last year for all (no
  // commune's line stops before another's: a budget year never drops), and the territory's.
  const years = await page.locator('#territoire-exercices-communes thead th').allTextContents();
  expect(years).toEqual(['Commune', '2023', '2024', '2025', '2026', '2027', '2028', '2029']);
  const line = (i) => page.locator('#territoire-exercices-communes tbody tr').nth(i).locator('td').allTextContents();
  expect(await line(0)).toEqual(['1 800,00 €', '1 800,00 €', '1 800,00 €', '1 800,00 €', '1 800,00 €', '1 800,00 €', '1 800,00 €']);
  expect(await line(1)).toEqual(['—', '750,00 €', '750,00 €', '750,00 €', '750,00 €', '750,00 €', '750,00 €']);
  const byYear = await page.locator('#territoire-exercices tbody td').allTextContents();
  expect(await page.locator('#territoire-exercices-communes tfoot td').allTextContents()).toEqual(byYear);
  await expect(page.locator('#territoire-hypothese')).toContainText('« communes.csv »');
  // What was left out is said, naming the file, the line and the column.
  const refused = page.locator('#communes-refusees');
  await expect(refused).toContainText('« communes.csv », ligne 4, colonne « commune » : « Villeurb » n\'est pas une commune de la Métropole de Lyon (vouliez-vous dire « Villeurbanne » ?).');
  // A commune without a convention is said, not as an error.
  await expect(page.locator('#communes-non-comptees')).toHaveText('« communes.csv », ligne 5 : Caluire-et-Cuire n\'a ni école ni date de notification (pas de convention) ; elle n\'est pas comptée.');
  await expect(refused).toContainText('« classeur.csv » n\'a pas été ajouté : ce fichier est un classeur (.xlsx ou .ods), pas un CSV');
  await expect(refused).toContainText('« vide.csv » n\'a pas été ajouté : aucune ligne.');
  // The worker's « Lecture du fichier… » is gone once the list is read.
  await expect(page.locator('#lecture-liste')).toHaveCount(0);
  // Nothing of the list in the browser's storage or the address.
  await page.waitForTimeout(500);
  const kept = await page.evaluate(() => Object.keys(localStorage).map((k) => localStorage.getItem(k)).join() + location.href);
  for (const name of ['Bron', 'cully', '69029']) expect(kept).not.toContain(name);
  const results = await new AxeBuilder({ page }).include('#territoire').analyze();
  const bad = results.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  // The spreadsheet carries the hypothesis too.
  const file = await app.download('Territoire (.ods)');
  expect(file.suggestedFilename()).toBe('laclasse-sim-territoire.ods');
  const content = require('child_process').execFileSync('python3', ['-c',
    'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read("content.xml").decode())', await file.path()]).toString();
  expect(content).toContain('Hypothèse : une liste de communes avec leur nombre d');
  expect(content).toContain('Listes lues : « communes.csv ».');
  if (process.env.KEEP_COUNTS) fs.writeFileSync(process.env.KEEP_COUNTS, fs.readFileSync(await file.path()));
});

test.describe('closing while the worker reads', () => {
  // The export worker's loader is held back (the service worker blocked, so that the request
  // is seen): the list's answer surely comes after « Fermer ».
  test.use({ serviceWorkers: 'block' });

  test('« Fermer ces fichiers » while a list is being read leaves nothing of it', async ({ app, page }) => {
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.context().route(/laclasse-sim-export_loader\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await app.goto();
    await page.locator('#territoire summary').click();
    const input = page.getByLabel('Fichiers des communes (.json ou .csv, plusieurs à la fois)');
    await input.setInputFiles([files[0]]);
    await expect(page.locator('#territoire-communes tbody tr')).toHaveCount(1);
    await input.setInputFiles([{ name: 'communes.csv', mimeType: 'text/csv', buffer: Buffer.from('Bron;12;16/11/2023\n') }]);
    await expect(page.locator('#lecture-liste')).toHaveText('Lecture du fichier…');
    await page.getByRole('button', { name: 'Fermer ces fichiers' }).click();
    await expect(page.locator('#territoire-communes')).toHaveCount(0);
    release();
    // Long enough for the worker to load and answer: its answer is dropped.
    await page.waitForTimeout(2000);
    await expect(page.locator('#territoire-communes')).toHaveCount(0);
    await expect(page.locator('#territoire-hypothese')).toHaveCount(0);
    await expect(page.locator('#lecture-liste')).toHaveCount(0);
    // A list opened afterwards is read as usual.
    await input.setInputFiles([{ name: 'autre.csv', mimeType: 'text/csv', buffer: Buffer.from('Bron;12;16/11/2023\n') }]);
    await expect(page.locator('#territoire-communes tbody tr')).toHaveCount(1);
    await expect(page.locator('#territoire-hypothese')).toContainText('« autre.csv »');
  });
});

test('the territory from the directory and a list of three communes: named schools, a count that differs said', async ({ app, page }) => {
  await app.goto();
  await page.locator('#territoire summary').click();
  const directory = { name: 'fr-en-annuaire-education.csv', mimeType: 'text/csv', buffer: fs.readFileSync(path.join(__dirname, '../../data/annuaire-exemple.csv')) };
  const list = { name: 'communes.csv', mimeType: 'text/csv', buffer: Buffer.from('commune;notification\nCraponne;15/01/2025\nTassin-la-Demi-Lune;5;16/11/2023\n69383;01/09/2024\n') };
  // The directory alone waits for its list, and says so; it can be closed.
  const input = page.getByLabel('Fichiers des communes (.json ou .csv, plusieurs à la fois)');
  await input.setInputFiles([directory]);
  await expect(page.locator('#annuaire-attend-liste')).toContainText('une liste « commune;notification » des communes à simuler');
  await page.getByRole('button', { name: 'Fermer ces fichiers' }).click();
  await expect(page.locator('#annuaire-attend-liste')).toHaveCount(0);
  await input.setInputFiles([list, directory]);
  const rows = page.locator('#territoire-communes tbody tr');
  await expect(rows).toHaveCount(3);
  const names = await rows.evaluateAll((trs) => trs.map((tr) => tr.children[0].textContent));
  expect(names).toEqual(['Craponne', 'Tassin-la-Demi-Lune', 'Lyon']);
  const schools = await rows.evaluateAll((trs) => trs.map((tr) => tr.children[1].textContent));
  expect(schools).toEqual(['3', '6', '2']);
  await expect(page.locator('#communes-refusees')).toHaveCount(0);
  await expect(page.locator('#communes-non-comptees')).toContainText("Tassin-la-Demi-Lune : la liste « communes.csv » (ligne 3) compte 5 écoles, l'annuaire en nomme 6 ; les écoles de l'annuaire sont retenues.");
  await expect(page.locator('#territoire-hypothese')).toContainText("Hypothèse : l'annuaire de l'éducation nomme les écoles publiques du premier degré");
  // The last budget year is whole: every commune is simulated to the same year.
  const byYear = await page.locator('#territoire-exercices tbody td').allTextContents();
  expect(byYear.slice(-3)).toEqual(['1 650,00 €', '1 650,00 €', '1 650,00 €']);
  const results = await new AxeBuilder({ page }).include('#territoire').analyze();
  const bad = results.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
});
