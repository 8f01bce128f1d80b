const { test, expect } = require('./support/fixtures');

test('a long list of schools is shown a page at a time', async ({ app }) => {
  await app.goto();
  const schools = Array.from({ length: 125 }, (_, i) => ({ name: `École ${i + 1}`, level: 'primaire', sector: 'public', requested: '2024-01-10',
    admin: { last_name: 'N', first_name: 'P', function: 'Directeur', email: `d${i}@e.fr`, phone: '0478000000' } }));
  await app.openScenario('lyon.json', { commune: { name: 'Lyon' }, convention: { notified: '2024-01-02' }, schools });
  await expect(app.schoolPages).toContainText('écoles 1 à 50 sur 125');
  await expect(app.yearRow(1)).toContainText('18 750,00 €');
  await app.schoolPages.getByRole('button', { name: 'Suivantes ›' }).click();
  await expect(app.schoolPages).toContainText('écoles 51 à 100 sur 125');
  await expect(app.schoolName(1)).toHaveValue('École 51');
});
