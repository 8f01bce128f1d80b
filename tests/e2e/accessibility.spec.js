const AxeBuilder = require('@axe-core/playwright').default;
const { test, expect } = require('./support/fixtures');

test('accessibility: no serious or critical axe violation', async ({ app, page }) => {
  await app.goto();
  await expect(app.yearRow(1)).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
});

test('accessibility: the meeting, its checks, the legality dates and the draft shown pass axe too', async ({ app, page }) => {
  await app.goto();
  await page.getByText('Séance du conseil municipal (facultatif').click();
  await page.getByLabel('Conseillers en exercice').fill('35');
  await page.getByLabel('Conseillers présents (noms)').fill('A B\nC D');
  await page.getByLabel('Transmission en préfecture (facultatif)').fill('2023-11-20');
  await expect(page.locator('#controles-seance #quorum')).toContainText('non atteint');
  await page.getByText('Voir le projet').click();
  // Without quorum on a first convocation, the council cannot deliberate: the draft says so.
  await expect(page.locator('.draft-body')).toContainText('le conseil municipal ne peut délibérer');
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
});

for (const width of [390, 1366]) {
  test(`accessibility at ${width} px: a school's panel unfolded, the meeting by counts, a commune to confirm`, async ({ app, page }) => {
    await page.setViewportSize({ width, height: 900 });
    await app.goto();
    await app.ownCopy();
    await app.openSchool(2);
    await expect(app.schoolRow(2).locator('.school-details')).toBeVisible();
    await page.getByText('Séance du conseil municipal (facultatif').click();
    await app.type(page.getByLabel('Conseillers en exercice'), '29');
    await app.type(page.getByLabel('Nombre de présents'), '22');
    await app.type(page.getByLabel("Nombre d'absents avec pouvoir"), '3');
    await app.type(app.communeName, 'Craponne');
    await app.type(page.getByLabel('Code INSEE'), '75056');
    await expect(app.communeStatus).toContainText('la commune est à confirmer');
    await expect(page.getByText('Quorum : 22 présents pour 15 requis, atteint.')).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
    expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  });
}
