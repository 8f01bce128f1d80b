const { test, expect } = require('./support/fixtures');

test('a commune with three schools: fees and deadlines', async ({ app, page }) => {
  await app.goto();
  await app.newSimulation();
  await expect(app.simulationName).toContainText('Nouvelle simulation');
  await app.type(app.communeName, 'bron');
  // The code follows the name, and the simulation takes the commune's name.
  await expect(page.getByLabel('Code INSEE')).toHaveValue('69029');
  await expect(app.simulationName).toHaveText('Bron');
  await expect(app.communeStatus).toContainText('69029 est celui de Bron, commune de la Métropole');
  await app.notified.fill('2024-02-29');
  await page.getByLabel('Horizon de la simulation').fill('2026-12-31');
  for (let i = 0; i < 3; i++) await app.addSchool();
  await app.fillSchool(1, { name: 'École Jean Moulin', level: 'elementaire', requested: '2024-02-20', admin: ['Durand', 'Anne', 'Directrice', 'anne.durand@ac-lyon.fr', '04 78 11 22 33'] });
  await app.fillSchool(2, { name: 'École Pasteur', level: 'maternelle', requested: '2024-09-02', admin: ['Martin', 'Luc', 'Directeur', 'luc.martin@ac-lyon.fr', '04 78 11 22 34'] });
  await app.fillSchool(3, { name: 'Collège Ferry', level: 'college', requested: '2024-02-20', admin: ['Petit', 'Marie', 'Principale', 'marie.petit@ac-lyon.fr', '04 78 11 22 35'] });
  // Year 1: 29/02/2024 – 27/02/2025, two first-degree schools; the collège is not eligible.
  await expect(app.yearRow(1)).toContainText('29/02/2024');
  await expect(app.yearRow(1)).toContainText('27/02/2025');
  await expect(app.yearRow(1)).toContainText('300,00 €');
  await expect(app.eligibility).toContainText("Un collège n'est pas un établissement du premier degré");
  // Budget 2024: titles of 29/02 (Jean Moulin) and 16/09 (Pasteur).
  await expect(app.budgetYearRow(1)).toContainText('300,00 €');
  // The notice for the anniversary of 28/02/2025 (month-end rule): three full months before
  // 27/02/2025, latest reception 27/11/2024.
  await page.getByRole('button', { name: /Afficher les \d+ dates passées/ }).click();
  await expect(app.deadlines).toContainText('27/11/2024');
  await expect(app.deadlines).toContainText('pour finir le 28/02/2025');
  await expect(app.deadlines).toContainText('Liste annuelle');
  // Without contacts, every school warns.
  await expect(app.eligibility).toContainText('Contacts de la commune incomplets');
});
