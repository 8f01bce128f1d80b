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
  await expect(app.notice).toContainText("Le fichier « ecoles.csv » n'est pas un scénario laclasse-sim");
  await expect(app.simulationName).toContainText('bron');
});
