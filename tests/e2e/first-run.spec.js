// A first simulation without a stumble (issue 24): the example stays as it is, a simulation is
// named after its commune, name and code agree, and nothing is red before a field is left.
const { test, expect } = require('./support/fixtures');

const stored = (page) => page.evaluate(() => Object.keys(localStorage)
  .filter((k) => k.startsWith('laclasse-sim/simulation/'))
  .map((k) => JSON.parse(localStorage.getItem(k))));

test('typing over the example goes to a copy named after the commune; the example stays', async ({ app, page }) => {
  await app.goto();
  await expect(page.locator('#exemple-lecture-seule')).toContainText('Ceci est un exemple');
  await app.communeName.fill('Craponne');
  // The code was the example's, for its name: it follows the new name.
  await expect(page.getByLabel('Code INSEE')).toHaveValue('69069');
  await expect(app.simulationName).toHaveText('Craponne');
  await expect(page.locator('#avis-stockage')).toContainText("L'exemple reste tel quel");
  await expect(page.locator('#exemple-lecture-seule')).toHaveCount(0);
  // What was typed is in the copy; the example, stored, is Tassin's as before.
  await expect.poll(async () => (await stored(page)).map((s) => `${s.name}|${s.draft.commune_name}|${s.draft.commune_insee}`).sort())
    .toEqual(['Craponne|Craponne|69069', 'Exemple : Tassin-la-Demi-Lune|Tassin-la-Demi-Lune|69244']);
  await page.locator('#mes-simulations summary').click();
  await page.getByRole('button', { name: 'Ouvrir « Exemple : Tassin-la-Demi-Lune »' }).click();
  await expect(app.communeName).toHaveValue('Tassin-la-Demi-Lune');
  // The example's name is not a field: it cannot be renamed by mistake.
  await expect(page.getByLabel('Nom de la simulation ouverte')).toHaveCount(0);
});

test('« Créer ma simulation à partir de l\'exemple » opens a copy with the focus on the commune', async ({ app, page }) => {
  await app.goto();
  await page.getByRole('button', { name: "Créer ma simulation à partir de l'exemple" }).click();
  await expect(app.simulationName).toHaveText('Tassin-la-Demi-Lune');
  await expect(app.communeName).toBeFocused();
  await expect(app.yearRow(1)).toContainText('600,00 €');
  // Renamed by the person, the name stays when the commune changes.
  await page.locator('#mes-simulations summary').click();
  await page.getByLabel('Nom de la simulation ouverte').fill('Budget 2027');
  await app.type(page.getByLabel('Code INSEE'), '69029');
  await expect(app.communeName).toHaveValue('Bron');
  await expect(app.simulationName).toHaveText('Budget 2027');
  // A code typed for another commune than the name: said, never silently settled.
  await app.type(page.getByLabel('Code INSEE'), '');
  await app.type(page.getByLabel('Code INSEE'), '69244');
  await expect(app.communeName).toHaveValue('Bron');
  await expect(app.communeStatus).toContainText("« Bron » est celui d'une autre commune, Bron (69029)");
  await expect(app.communeStatus).toContainText('le code INSEE décide (Tassin-la-Demi-Lune), par hypothèse');
  // A name that is none of the 58 under a Métropole code: to confirm, not silently Tassin.
  await app.type(app.communeName, 'Paris');
  await expect(app.communeStatus).toContainText("✗");
  await expect(app.communeStatus).toContainText("« Paris » n'est celui d'aucune des 58 communes, alors que le code INSEE est celui de Tassin-la-Demi-Lune : la commune est à confirmer");
  // A Métropole name under a code outside it: said too.
  await app.type(app.communeName, 'Craponne');
  await app.type(page.getByLabel('Code INSEE'), '75056');
  await expect(app.communeStatus).toContainText("« Craponne » est celui de Craponne (69069), commune de la Métropole, mais le code INSEE 75056 ne l'est pas");
});

test('a new simulation is not red before anything is typed; errors come when a field is left', async ({ app, page }) => {
  await app.goto();
  await app.newSimulation();
  await expect(app.simulationName).toHaveText('Nouvelle simulation');
  await expect(app.errorSummary).toHaveCount(0);
  await expect(page.locator('.field.invalid')).toHaveCount(0);
  await expect(page.locator('#a-completer')).toContainText('À remplir : Nom de la commune, Notification de la convention');
  // While typing: suggestions, not a verdict.
  await app.communeName.fill('Crap');
  await expect(page.locator('#communes-metropole option[value="Craponne"]')).toHaveCount(1);
  await expect(app.communeStatus).toHaveCount(0);
  await app.communeName.blur();
  await expect(app.communeStatus).toContainText("« Crap » n'est pas le nom d'une des 58 communes");
  await app.type(app.communeName, 'Craponne');
  await expect(app.communeStatus).toContainText('Craponne');
  await expect(app.simulationName).toHaveText('Craponne');
  // An empty required field, left: its error shows, named in French.
  await app.notified.focus();
  await app.notified.blur();
  await expect(app.errorSummary).toContainText('Notification de la convention : champ obligatoire');
  // A save shows every error at once.
  await app.newSimulation();
  await expect(app.errorSummary).toHaveCount(0);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /Enregistrer/ }).first().click();
  await download;
  await expect(app.errorSummary).toContainText('Nom de la commune : indiquer le nom de la commune');
});

// The notice's cautious reading (R2), computed here apart from the app: the letter must arrive
// by the day before the anniversary's date three months earlier.
const latestReception = (anniversary) => {
  const d = new Date(Date.UTC(anniversary.getUTCFullYear(), anniversary.getUTCMonth() - 3, anniversary.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - 1);
  return d;
};
const fr = (d) => `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;

test('« Quitter la convention en 2027 » answers: too late, by when it had to arrive, and the next exit', async ({ app, page }) => {
  await app.goto();
  await app.newSimulation();
  await app.type(app.communeName, 'Craponne');
  await app.type(app.notified, '2025-01-15');
  const leave = page.getByLabel('Quitter la convention en');
  // Today 30/11/2026: the anniversary of 15/01/2027 needed the letter by 14/10/2026.
  await expect(leave).toHaveValue('2028');
  await leave.selectOption('2027');
  const a2027 = new Date(Date.UTC(2027, 0, 15));
  await expect(page.locator('#plan-reponse')).toHaveText(
    `Trop tard pour 2027 : la lettre devait être reçue par la Métropole au plus tard le ${fr(latestReception(a2027))} (pour l'anniversaire du 15/01/2027) ; prochaine sortie possible le 15/01/2028.`);
  expect(fr(latestReception(a2027))).toBe('14/10/2026');
  // The dates to act are those of the next exit, and the letter is written for it.
  await expect(page.locator('#plan-titre')).toContainText('Pour quitter la convention au 15/01/2028');
  await expect(page.locator('#plan-resiliation')).toContainText(`au plus tard le ${fr(latestReception(new Date(Date.UTC(2028, 0, 15))))}`.replace('au plus tard le ', ''));
  await leave.selectOption('2028');
  await expect(page.locator('#plan-reponse')).toContainText('Possible en 2028 : la dénonciation prend effet à la date anniversaire du 15/01/2028 (dernier jour de la convention et des accès : 14/01/2028) si la lettre recommandée est reçue par la Métropole au plus tard le 14/10/2027');
});

test('the meeting by counts: numbers suffice for the quorum and the votants; names are checked against them', async ({ app, page }) => {
  await app.goto();
  await app.ownCopy();
  await page.getByText('Séance du conseil municipal (facultatif').click();
  await app.type(page.getByLabel('Conseillers en exercice'), '29');
  await app.type(page.getByLabel('Nombre de présents'), '22');
  await app.type(page.getByLabel("Nombre d'absents avec pouvoir"), '3');
  await app.type(page.getByLabel("Nombre d'absents sans pouvoir"), '4');
  await expect(page.getByText('Quorum : 22 présents pour 15 requis, atteint.')).toBeVisible();
  await expect(page.getByText('Votants : 25 (3 pouvoirs comptés).')).toBeVisible();
  await expect(page.locator('.field.invalid')).toHaveCount(0);
  // A number typed among the names is never one member: the field says where it goes.
  await app.type(page.getByLabel('Conseillers présents (noms)'), '22');
  await expect(page.locator('.field.invalid')).toContainText('"22" n\'est pas un nom ; indiquer les noms, un par ligne ; un nombre se saisit dans « Nombre de présents »');
  await expect(page.getByText(/Quorum : 1 présents/)).toHaveCount(0);
  // Names given with the count are checked against it.
  await app.type(page.getByLabel('Conseillers présents (noms)'), 'DUPONT Jean\nMARTIN Anne');
  await expect(page.getByText('La liste des présents compte 2 noms pour 22 indiqués').first()).toBeVisible();
  await expect(page.getByText('Quorum : 22 présents pour 15 requis, atteint.')).toBeVisible();
});

for (const width of [390, 1366]) {
  test(`schools as a compact list at ${width} px: the line says eligibility and fee, the rest unfolds, the initial list takes the notification`, async ({ app, page }) => {
    await page.setViewportSize({ width, height: 900 });
    await app.goto();
    await app.newSimulation();
    await app.type(app.communeName, 'Craponne');
    await app.type(app.notified, '2025-01-15');
    // Six heads, not seventeen: name, level, eligibility, fee, actions.
    await expect(page.locator('.schools-table thead th')).toHaveText(['N°', "Nom de l'école", 'Niveau', 'Éligibilité', 'Redevance', 'Actions']);
    await app.addSchool();
    const row = app.schoolRow(1);
    // The person goes on typing the new school's name; the line's fields say what they are.
    await expect(row.getByLabel(/^Nom de l'école, école 1/)).toBeFocused();
    await expect(row.locator('.school-line label', { hasText: "Nom de l'école" })).toBeVisible();
    // A new school opens on its fields, the required date first, taken from the notification.
    const requested = row.getByLabel(/^Demande reçue le, école 1/);
    await expect(requested).toBeVisible();
    await expect(requested).toHaveValue('2025-01-15');
    await expect(row.locator('.school-details')).toContainText('Date de notification : école de la liste initiale (Annexe 1 à la signature)');
    await app.type(row.getByLabel(/^Nom de l'école, école 1/), 'École du Centre');
    await expect(row.locator('.status')).toContainText('✗ administrateur à désigner');
    await expect(row.locator('.fee')).toContainText('non facturée');
    for (const [label, value] of [['nom', 'MARTIN'], ['prénom', 'Anne'], ['fonction', 'Directrice'], ['e-mail', 'anne.martin@ecole.example.fr'], ['téléphone', '04 78 00 00 01']]) {
      await row.getByLabel(new RegExp(`^Administrateur : ${label}, école 1`)).fill(value);
    }
    await row.getByLabel(/^Administrateur : téléphone, école 1/).blur();
    await expect(row.locator('.status')).toHaveText(/✓ éligible/);
    await expect(row.locator('.fee')).toContainText('150,00 € par an, dès le 29/01/2025');
    // Folded by keyboard: the line stays, the panel goes; unfolded again, nothing typed is lost.
    const toggle = row.getByRole('button', { name: "Détails de l'école 1" });
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(requested).toHaveCount(0);
    await page.keyboard.press('Enter');
    await expect(requested).toHaveValue('2025-01-15');
    await expect(row.getByLabel(/^Administrateur : e-mail, école 1/)).toHaveValue('anne.martin@ecole.example.fr');
    // The list fits its column: no sideways scrolling, on the page or in the list.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    expect(await page.evaluate(() => {
      const t = document.querySelector('.schools-table');
      return t.getBoundingClientRect().right - t.closest('.schools').getBoundingClientRect().right;
    })).toBeLessThanOrEqual(1);
    // The notification corrected: the initial list's request follows it.
    await app.type(app.notified, '2025-01-16');
    await expect(requested).toHaveValue('2025-01-16');
    // A later addition starts blank: its date is the request's, not the notification's.
    await app.type(requested, '2025-03-03');
    await app.addSchool();
    await expect(app.schoolRow(2).getByLabel(/^Demande reçue le, école 2/)).toHaveValue('');
  });
}
