const { test, expect } = require('./support/fixtures');

test('termination simulator', async ({ app, page }) => {
  await app.goto();
  const letterArrives = page.getByLabel('Si la lettre recommandée arrive à la Métropole le');
  await letterArrives.fill('2025-08-18');
  await expect(page.locator('#resultat-resiliation')).toContainText('la convention prendrait fin le 16/11/2026');
  await expect(page.locator('.termination')).toContainText('Dernière redevance due : année de convention n° 3, 450,00 €');
  // R2's cautious deadline for 16/11/2025 is 15/08/2025: on the 16th, one year later.
  await letterArrives.fill('2025-08-16');
  await expect(page.locator('#resultat-resiliation')).toContainText('16/11/2026');
  await letterArrives.fill('2025-08-15');
  await expect(page.locator('#resultat-resiliation')).toContainText('16/11/2025');
});

test('leaving the convention: the plan backwards from the anniversary, by the council or the mayor', async ({ page }) => {
  await page.goto('/?aujourdhui=2025-06-01');
  await page.locator('#app:not([aria-busy])').waitFor({ state: 'attached' });
  const plan = page.locator('#plan-resiliation');
  // Without the population, the meeting's date but not the convocation's.
  await expect(plan.locator('#plan-titre')).toContainText('Pour quitter la convention au 16/11/2025 : réunir le conseil au plus tard le vendredi 08/08/2025');
  await expect(plan).toContainText('Envoyer la lettre recommandée avec accusé de réception : au plus tard le lundi 11/08/2025');
  // The chain that sends on the recommended day, and the latest one.
  await expect(plan.locator('#plan-conseille')).toContainText('réunir le conseil au plus tard le mardi 29/07/2025, envoyer la lettre au plus tard le mercredi 30/07/2025');
  await expect(plan).toContainText('Réception par la Métropole : au plus tard le jeudi 14/08/2025');
  await expect(plan.locator('#plan-aout')).toContainText('La séance tomberait en août');
  await expect(plan.locator('#plan-aout')).toContainText('le jeudi 31/07/2025');
  // With the commune's population (22 000: five jours francs), the convocation.
  await page.getByText('Séance du conseil municipal (facultatif').click();
  await page.getByLabel('Population de la commune').fill('22000');
  await expect(plan.locator('#plan-titre')).toContainText('Pour quitter la convention au 16/11/2025 : convoquer le conseil au plus tard le vendredi 01/08/2025');
  await expect(plan.locator('#plan-conseille')).toContainText('convoquer le conseil au plus tard le mercredi 23/07/2025');
  // Another year, chosen.
  await page.getByLabel('Quitter la convention en').selectOption('2026');
  await expect(plan.locator('#plan-titre')).toContainText('Pour quitter la convention au 16/11/2026');
  // With the council's delegation to the mayor (L2122-22 4°): no meeting.
  await page.getByLabel('Délégation au maire pour résilier (CGCT L2122-22 4°)').selectOption('true');
  await expect(plan.locator('#plan-titre')).toContainText('décision du maire exécutoire au plus tard');
  await expect(plan.locator('#plan-decision')).toContainText('L2122-22 4°');
  await expect(plan).not.toContainText('Convoquer le conseil municipal');
});

test('the termination letter is written for the chosen anniversary, citing the act, ready for the Maire to sign', async ({ app, page, context }) => {
  // Today Monday 30/11/2026: the next anniversary still reachable is 16/11/2027.
  await app.goto();
  await page.getByLabel('Acte de résiliation : numéro').fill('2027-18');
  await page.getByLabel('Acte de résiliation : date').fill('2027-07-08');
  const file = await app.download('Lettre de résiliation (.odt)');
  expect(file.suggestedFilename()).toBe('laclasse-sim-tassin-la-demi-lune-lettre-resiliation.odt');
  const fs = require('fs');
  const odt = fs.readFileSync(await file.path());
  expect(odt.subarray(0, 2).toString()).toBe('PK');
  expect(odt.subarray(30, 38).toString()).toBe('mimetype');
  // The printable letter opens in a new tab and says what the official needs.
  const opened = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Ouvrir la lettre pour imprimer' }).click();
  const letter = await opened;
  const body = letter.locator('body');
  await expect(body).toContainText('Lettre recommandée avec accusé de réception');
  // Written on 30/11/2026: it leaves the working day after the act it cites, never before it.
  await expect(body).toContainText('Tassin-la-Demi-Lune, le vendredi 9 juillet 2027');
  await expect(body).toContainText('en application de la délibération du conseil municipal n° 2027-18 du jeudi 8 juillet 2027');
  await expect(body).toContainText('prend effet à la date anniversaire du mardi 16 novembre 2027, moyennant le préavis de trois mois ; à défaut, à la date anniversaire suivante, le jeudi 16 novembre 2028');
  await expect(body).not.toContainText('faisant foi');
});
