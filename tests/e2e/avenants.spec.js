// Avenants: a person adds a change of fee to their copy of the example, sees where it takes
// effect in the fee tables, makes the one-click variant of a later rise and compares it, and
// downloads the avenant's draft; the change survives a reload, and a second change on the same
// day is refused by name once the group is left.
const AxeBuilder = require('@axe-core/playwright').default;
const { test, expect } = require('./support/fixtures');

test('an avenant from 01/01/2025 gives 600,00 € then 495,00 €, marked where it takes effect', async ({ app, page }) => {
  await app.goto();
  await app.ownCopy();
  const add = page.getByRole('button', { name: 'Ajouter un changement de redevance' });
  await add.click();
  const from = page.getByLabel(/^En vigueur à partir du, changement 1/);
  await expect(from).toBeFocused();
  await from.fill('2025-01-01');
  await page.getByLabel(/^Nouvelle redevance annuelle par unité \(€\), changement 1/).fill('165,00');
  await page.getByLabel(/^Source \(avenant, délibération, décision\), changement 1/).fill('avenant n° 1');
  await page.locator('h1').click();

  await expect(app.yearRow(2)).toContainText('600,00 €');
  await expect(app.yearRow(3)).toContainText('495,00 €');
  await expect(app.yearRow(3)).toContainText('◆ avenant n° 1');
  await expect(app.yearRow(2)).not.toContainText('avenant');
  const exercice2025 = page.locator('#exercices tbody tr', { hasText: /^2025/ });
  await expect(exercice2025).toContainText('◆ avenant n° 1');
  await expect(page.locator('#avenants-effets')).toContainText('Avenant n° 1 : 165,00 € à partir du 01/01/2025 — premier titre sous cet avenant : 16/11/2025 (année de convention n° 3, exercice 2025).');
  await expect(page.locator('.fees .lead')).toContainText('puis 165,00 € à partir du 01/01/2025 (avenant n° 1)');
  // Beside the change: where it takes effect, and when an avenant binds.
  await expect(page.locator('.avenant-effect')).toContainText('premier titre sous cet avenant : 16/11/2025');
  await expect(page.locator('.avenants')).toContainText("Un avenant n'engage qu'une fois signé par les deux parties");
  // Year 3's « pourquoi ? » names the amount used and its source.
  await app.yearRow(3).getByRole('button', { name: 'pourquoi ?' }).click();
  const dialog = page.getByRole('dialog', { name: 'Explication du calcul' });
  await expect(dialog).toContainText('Titre du 16/11/2025 : 3 unités × 165,00 € = 495,00 € (avenant n° 1, en vigueur depuis le 01/01/2025)');
  await page.keyboard.press('Escape');

  const results = await new AxeBuilder({ page }).include('.convention').include('.fees').analyze();
  const bad = results.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);

  // Kept as typed across a reload.
  await page.reload();
  await app.started();
  await expect(page.getByLabel(/^Nouvelle redevance annuelle par unité \(€\), changement 1/)).toHaveValue('165,00');
  await expect(app.yearRow(3)).toContainText('495,00 €');

  // A second change on the same day: refused by name once the group is left, never before.
  await add.click();
  await page.getByLabel(/^En vigueur à partir du, changement 2/).fill('2025-01-01');
  await page.getByLabel(/^Nouvelle redevance annuelle par unité \(€\), changement 2/).fill('170');
  await page.getByLabel(/^Source \(avenant, délibération, décision\), changement 2/).fill('avenant n° 2');
  await expect(page.locator('#fee-change-1-from-erreur')).toHaveCount(0);
  await page.locator('h1').click();
  // Said beside the second change, which never shows the first one's effect.
  await expect(page.locator('#fee-change-1-from-erreur')).toContainText('changements 1 et 2 : deux changements le même jour (01/01/2025)');
  await expect(page.locator('.avenant').nth(1).locator('.avenant-effect')).toHaveCount(0);
  await page.getByRole('button', { name: 'Retirer le changement 2' }).click();
  await expect(add).toBeFocused();
  await expect(page.locator('.avenants .error')).toHaveCount(0);
  await expect(app.yearRow(3)).toContainText('495,00 €');
});

test('the fee variant in one click, compared with the simulation it varies, and the avenant\'s draft', async ({ app, page }) => {
  await app.goto();
  await app.ownCopy();
  const original = (await app.simulationName.textContent()).trim();
  await page.getByLabel('Nouvelle redevance par unité (€)').fill('180,00');
  await page.getByLabel('À partir du', { exact: true }).fill('2027-01-01');
  await page.getByRole('button', { name: 'Variante : redevance à 180,00 € à partir du 01/01/2027' }).click();
  await expect(app.simulationName).toContainText('Variante : redevance à 180,00 € à partir du 01/01/2027');
  await expect(page.locator('#comparaison-donnees')).toContainText('Avenants : changements de redevance');
  await expect(page.locator('#comparaison-donnees')).toContainText('180,00 € à partir du 01/01/2027');
  // Year 5's title (16/11/2027) is the first at 180 €: 3 × 30 € more.
  const year5 = page.locator('#comparaison-annees tbody tr').nth(4);
  await expect(year5).toContainText('450,00 €');
  await expect(year5).toContainText('540,00 €');
  await expect(year5).toContainText('+90,00 €');
  await expect(app.yearRow(5)).toContainText('◆ avenant n° 1');
  await expect(page.locator('#avenants-effets')).toContainText('180,00 € à partir du 01/01/2027');
  // The variant's change is a row of its own form, saying it is a planning hypothesis.
  await expect(page.getByLabel(/^Source \(avenant, délibération, décision\), changement 1/)).toHaveValue(/variante, avenant à conclure/);
  expect(original).not.toContain('Variante');

  // The avenant's draft, as a file for the word processor.
  const download = page.waitForEvent('download');
  await page.locator('#avenant-odt').click();
  expect((await download).suggestedFilename()).toMatch(/-avenant-1\.odt$/);
});

test('a wrong amount is said beside its change once the group is left by keyboard', async ({ app, page }) => {
  await app.goto();
  await app.ownCopy();
  await page.getByRole('button', { name: 'Ajouter un changement de redevance' }).click();
  await page.getByLabel(/^En vigueur à partir du, changement 1/).fill('2025-01-01');
  await page.getByLabel(/^Nouvelle redevance annuelle par unité \(€\), changement 1/).fill('abc');
  await page.getByLabel(/^Source \(avenant, délibération, décision\), changement 1/).fill('avenant n° 1');
  // From one input of the group to another, nothing is said; out of it by Tab, it is.
  await expect(page.locator('#fee-change-0-from-erreur')).toHaveCount(0);
  const group = page.locator('#fee-changes');
  for (let i = 0; i < 6 && await group.evaluate((g) => g.contains(document.activeElement)); i += 1) {
    await page.keyboard.press('Tab');
  }
  await expect(page.locator('#fee-change-0-from-erreur')).toContainText('changement 1 : montant : "abc"');
  await expect(page.getByLabel(/^En vigueur à partir du, changement 1/)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#erreurs')).toContainText('Avenants : changements de redevance');
});
