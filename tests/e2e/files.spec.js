const fs = require('fs');
const { test, expect } = require('./support/fixtures');

test('open a scenario file, save it back, and a non-scenario file is refused', async ({ app }) => {
  await app.goto();
  await app.openScenario('bron.json', { commune: { name: 'Bron' }, convention: { notified: '2024-09-01' }, schools: [] });
  await expect(app.simulationName).toContainText('bron');
  await expect(app.communeName).toHaveValue('Bron');
  const file = await app.download('Enregistrer (.json)');
  expect(file.suggestedFilename()).toBe('laclasse-sim-bron.json');
  const saved = JSON.parse(fs.readFileSync(await file.path(), 'utf8'));
  expect(saved.format).toBe('laclasse-sim/1');
  expect(saved.convention.notified).toBe('2024-09-01');
  await app.openFile({ name: 'ecoles.csv', mimeType: 'text/csv', buffer: Buffer.from('nom;uai\nÉcole;0691234A\n') });
  await expect(app.notice).toContainText("Le fichier « ecoles.csv » n'a pas été ouvert : ce n'est pas un scénario laclasse-sim");
  await expect(app.simulationName).toContainText('bron');
});

test('a scenario of a later format is refused, naming its version, and nothing changes', async ({ app, page }) => {
  await app.goto();
  await app.openScenario('futur.json', { format: 'laclasse-sim/2', commune: { name: 'Bron' }, convention: { notified: '2024-09-01' }, nouveau: 1 });
  await expect(app.notice).toContainText("Le fichier « futur.json » n'a pas été ouvert : le scénario est au format « laclasse-sim/2 »");
  await page.locator('#mes-simulations summary').click();
  await expect(page.locator('#mes-simulations summary')).toHaveText('Mes simulations (1)');
});

test('a notification near 2300 keeps a horizon a file can hold, and saves', async ({ app }) => {
  await app.goto();
  await app.openScenario('loin.json', { commune: { name: 'Bron' }, convention: { notified: '2296-01-01' } });
  await expect(app.yearRow(1)).toContainText('01/01/2296');
  await expect(app.errorSummary).toHaveCount(0);
  const file = await app.download('Enregistrer (.json)');
  const saved = JSON.parse(fs.readFileSync(await file.path(), 'utf8'));
  expect(saved.convention.notified).toBe('2296-01-01');
  // The documents write the scenario back, horizon included: the list is made.
  const list = await app.download('Liste annexe 1 (.xlsx)');
  expect(list.suggestedFilename()).toBe('laclasse-sim-bron-annexe1.xlsx');
});
