const fs = require('fs');
const { test, expect } = require('./support/fixtures');

test('documents: the Annex 1 list loads its module only when asked, then the calendar and the draft', async ({ app, page }) => {
  const requested = [];
  page.on('request', (r) => requested.push(r.url()));
  await app.goto();
  await expect(app.yearRow(1)).toBeVisible();
  expect(requested.some((u) => u.includes('laclasse-sim-export')), 'export module not loaded at start').toBe(false);
  let file = await app.download('Liste annexe 1 (.xlsx)');
  expect(file.suggestedFilename()).toBe('laclasse-sim-tassin-la-demi-lune-annexe1.xlsx');
  const xlsx = fs.readFileSync(await file.path());
  expect(xlsx.subarray(0, 2).toString()).toBe('PK');
  expect(requested.some((u) => u.includes('laclasse-sim-export_bg.wasm'))).toBe(true);
  await expect(page.locator('#export-statut')).toContainText('est prêt');
  file = await app.download('Liste annexe 1 (.ods)');
  expect(file.suggestedFilename()).toMatch(/annexe1\.ods$/);
  // Calendar with a 3-day reminder.
  await page.getByLabel('Rappel (jours avant chaque échéance à venir)').fill('3');
  file = await app.download('Calendrier (.ics)');
  const ics = fs.readFileSync(await file.path(), 'utf8');
  expect(ics).toContain('PRODID:-//laclasse-sim//');
  expect(ics).toContain('TRIGGER:-P3D');
  // 23 deadlines, and the plan to leave at 16/11/2027 still to come (D7): recommended sending,
  // meeting, deliberation enforceable, sending (no convocation date without the population).
  expect(ics.match(/BEGIN:VEVENT/g).length).toBe(27);
  expect(ics.match(/SUMMARY:laclasse.com : résiliation au 16\/11\/2027/g).length).toBe(4);
  // Past deadlines are marked and get no reminder; the person may leave them out.
  const events = ics.split('BEGIN:VEVENT').slice(1);
  const past = events.filter((e) => e.includes('(passée)'));
  expect(past.length).toBeGreaterThan(0);
  expect(past.every((e) => !e.includes('BEGIN:VALARM'))).toBe(true);
  await page.getByLabel('Échéances déjà passées').selectOption('omettre');
  file = await app.download('Calendrier (.ics)');
  const future = fs.readFileSync(await file.path(), 'utf8');
  expect(future.match(/BEGIN:VEVENT/g).length).toBe(events.length - past.length);
  expect(future).not.toContain('(passée)');
  // The draft deliberation, shown in the page and downloadable.
  await page.getByText('Voir le projet').click();
  const draft = page.locator('.draft-body');
  await expect(draft).toContainText('Délibération du conseil municipal de Tassin-la-Demi-Lune');
  // The three schools asked for at the convention's signature; the March 2024 addition is not.
  await expect(draft).toContainText('soit 450,00 € par an pour 3 écoles de la liste prévisionnelle');
  file = await app.download('Télécharger (.html)');
  expect(fs.readFileSync(await file.path(), 'utf8')).toContain('<h2 class="pb">Annexe 1 bis : liste prévisionnelle des établissements / groupes scolaires utilisateurs</h2>');
  // The budget by exercice, as French Excel reads CSV.
  file = await app.download('Budget par exercice (.csv)');
  const csv = fs.readFileSync(await file.path(), 'utf8');
  expect(csv.startsWith('\ufeffExercice;Lecture;Date du titre;')).toBe(true);
  expect(csv).toContain("2024;par école;;;Total de l'exercice 2024 (5 titres);;750,00");
  expect(csv).toContain(';par groupe scolaire;');
  // The yearly list's e-mail, prepared on demand.
  await page.getByRole('button', { name: 'Préparer le courriel et la lettre' }).click();
  await expect(page.locator('.documents .letter').first()).toContainText('Radiations :');
  const mailto = await page.locator('#courriel-liste').getAttribute('href');
  expect(mailto).toMatch(/^mailto:partenariat-laclass\.com@grandlyon\.com\?subject=/);
  expect(decodeURIComponent(mailto)).toContain('liste des écoles de Tassin-la-Demi-Lune — 2027');
  await expect(page.locator('.documents .letter').first()).toContainText('Changements de responsable (nouvel administrateur) :');
  file = await app.download('Lettre signée (.odt)');
  expect(fs.readFileSync(await file.path()).subarray(0, 2).toString()).toBe('PK');
});
