// Schools from the national directory (issue 25): the example export read for the open
// commune, ticked, added; an administrator named and the school billed.
const fs = require('fs');
const path = require('path');
const { test, expect } = require('./support/fixtures');

const EXAMPLE = { name: 'fr-en-annuaire-education.csv', mimeType: 'text/csv', buffer: fs.readFileSync(path.join(__dirname, '..', '..', 'data', 'annuaire-exemple.csv')) };

test('Tassin from the directory: ticked, added, one administrator named, that school billed', async ({ app, page }) => {
  await app.goto();
  await app.newSimulation();
  // Without a commune, the directory cannot be read for it: said, nothing asked.
  await page.getByRole('button', { name: "Importer depuis l'annuaire de l'éducation…" }).click();
  await expect(page.locator('#annuaire-erreur')).toHaveText("Choisissez d'abord la commune (nom ou code INSEE) : l'annuaire est lu pour ses écoles.");
  // A commune outside the Métropole: said as such.
  await app.type(app.communeName, 'Villefranche-sur-Saône');
  await page.getByRole('button', { name: "Importer depuis l'annuaire de l'éducation…" }).click();
  await expect(page.locator('#annuaire-erreur')).toHaveText("« Villefranche-sur-Saône » n'est pas une des 58 communes de la Métropole de Lyon : l'annuaire n'est lu que pour elles.");
  await app.type(app.communeName, 'Tassin-la-Demi-Lune');
  await app.type(app.notified, '2025-01-15');
  await page.locator('#fichier-annuaire').setInputFiles(EXAMPLE);
  const list = page.locator('#annuaire-liste');
  await expect(list.locator('legend')).toHaveText("Annuaire de l'éducation : 6 écoles publiques du premier degré à Tassin-la-Demi-Lune");
  await expect(list.locator('li')).toHaveCount(6);
  // « Les Tilleuls », to close: said and not ticked; the others ticked.
  const tilleuls = list.locator('li', { hasText: 'Les Tilleuls' });
  await expect(tilleuls).toContainText('« A FERMER »');
  await expect(tilleuls.getByRole('checkbox')).not.toBeChecked();
  await expect(list.getByRole('checkbox', { checked: true })).toHaveCount(5);
  await expect(list.locator('li').first()).toContainText("Annuaire de l'éducation : 1 rue des Écoles, 69160 Tassin-la-Demi-Lune ; ouverte le 01/09/1970 ; ECOLE MATERNELLE");
  // The person unticks one and adds the others.
  await list.getByLabel(/Ecole primaire des Cerisiers/).uncheck();
  await page.getByRole('button', { name: 'Ajouter les 4 écoles cochées' }).click();
  await expect(app.schoolRows).toHaveCount(4);
  // Said where the list was, the focus back on the import's button.
  await expect(page.locator('.import [role="status"]', { hasText: "4 écoles ajoutées depuis l'annuaire ; chacune attend son administrateur" })).toBeVisible();
  await expect(page.locator('#importer-annuaire')).toBeFocused();
  await expect(app.schoolName(1)).toHaveValue('Ecole maternelle Leclerc');
  // Administrators are not in the directory: each school waits for one.
  await expect(app.schoolRow(1).locator('.status')).toContainText('✗ administrateur à désigner');
  await app.openSchool(1);
  await expect(app.schoolRow(1).getByLabel(/^UAI, école 1/)).toHaveValue('0693201E');
  // What the directory says stays in the school's help (not a field of the scenario).
  await expect(app.schoolRow(1).locator('.directory-note')).toHaveText("Annuaire de l'éducation : 1 rue des Écoles, 69160 Tassin-la-Demi-Lune ; ouverte le 01/09/1970 ; ECOLE MATERNELLE");
  await expect(app.schoolRow(1).getByLabel(/^Demande reçue le, école 1/)).toHaveValue('2025-01-15');
  for (const [label, value] of [['nom', 'MARTIN'], ['prénom', 'Anne'], ['fonction', 'Directrice'], ['e-mail', 'anne.martin@ecole.example.fr'], ['téléphone', '04 78 00 00 01']]) {
    await app.schoolRow(1).getByLabel(new RegExp(`^Administrateur : ${label}, école 1`)).fill(value);
  }
  await app.schoolRow(1).getByLabel(/^Administrateur : téléphone, école 1/).blur();
  await expect(app.schoolRow(1).locator('.status')).toHaveText(/✓ éligible/);
  await expect(app.schoolRow(1).locator('.fee')).toContainText('150,00 € par an, dès le 29/01/2025');
  await expect(app.yearRow(1)).toContainText('150,00 €');
  // Read again: the four are marked as already there and never added twice.
  await page.locator('#fichier-annuaire').setInputFiles(EXAMPLE);
  await expect(list.locator('li', { hasText: 'déjà dans la simulation' })).toHaveCount(4);
  await expect(page.getByRole('button', { name: "Ajouter l'école cochée" })).toBeVisible();
  await page.getByRole('button', { name: 'Annuler' }).last().click();
  await expect(app.schoolRows).toHaveCount(4);
});

test('a file that is not the directory\'s is refused with a French message, nothing added', async ({ app, page }) => {
  await app.goto();
  await app.ownCopy();
  await page.locator('#fichier-annuaire').setInputFiles({ name: 'liste.csv', mimeType: 'text/csv', buffer: Buffer.from('commune;ecoles;notification\nCraponne;3;2025-01-15\n') });
  await expect(page.locator('#annuaire-erreur')).toContainText("« liste.csv » : ce fichier n'est pas un export de l'annuaire de l'éducation : colonnes « Identifiant_de_l_etablissement »");
  await expect(app.schoolRows).toHaveCount(4);
});
