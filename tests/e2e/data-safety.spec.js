// Nothing lost, nothing mixed, nothing leaked: several tabs, reloads, new simulations, links.
const { test, expect } = require('./support/fixtures');
const { LaclassePage } = require('./support/app-page');

const stored = (page) => page.evaluate(() => Object.keys(localStorage)
  .filter((k) => k.startsWith('laclasse-sim/simulation/'))
  .map((k) => JSON.parse(localStorage.getItem(k))));

test('two tabs: each sees the other\'s saved edit, and simultaneous edits keep both versions', async ({ app, page, context }) => {
  await app.goto();
  await app.ownCopy();
  await expect.poll(async () => (await stored(page)).length).toBe(2);
  const other = await context.newPage();
  const b = new LaclassePage(other);
  await b.goto();
  await expect(b.simulationName).toHaveText('Tassin-la-Demi-Lune');
  await expect(b.communeName).toHaveValue('Tassin-la-Demi-Lune');
  // A renames the commune; once saved, B shows it.
  await app.communeName.fill('Écully');
  await expect(b.communeName).toHaveValue('Écully');
  // B changes the fee; A shows it, with its own rename still there.
  await b.annualFee.fill('175,00');
  await expect(app.annualFee).toHaveValue('175,00');
  await expect(app.communeName).toHaveValue('Écully');
  // Both change the same simulation before either is saved: both versions are kept.
  await app.annualFee.fill('200,00');
  await b.communeName.fill('Bron');
  await expect(page.locator('#mes-simulations summary')).toHaveText('Mes simulations (3)');
  await expect(other.locator('#mes-simulations summary')).toHaveText('Mes simulations (3)');
  // One of the tabs says so (the one whose save found the other's).
  await expect.poll(async () => (await page.locator('#avis-stockage').allInnerTexts()).join(' ')
    + (await other.locator('#avis-stockage').allInnerTexts()).join(' ')).toContain('les deux versions sont gardées');
  const versions = async () => (await stored(page)).map((s) => `${s.draft.commune_name} ${s.draft.annual_fee}`).sort();
  await expect.poll(versions).toEqual(['Bron 175,00', 'Tassin-la-Demi-Lune 150,00', 'Écully 200,00']);
  // Simulations created in both tabs never share an id.
  await app.newSimulation();
  await b.newSimulation();
  await expect.poll(async () => (await stored(page)).length).toBe(5);
  const ids = (await stored(page)).map((s) => s.id);
  expect(new Set(ids).size).toBe(5);
});

test('reloading within 100 ms of typing keeps what was typed, in the same simulation', async ({ app, page }) => {
  await app.goto();
  await expect(app.yearRow(1)).toContainText('600,00 €');
  expect(page.url()).toContain('#sim=exemple');
  await app.annualFee.fill('181,00');
  await page.waitForTimeout(50);
  await page.reload();
  await expect(app.annualFee).toHaveValue('181,00');
  // Typed into the example, it went to a copy, which the address now names.
  expect(page.url()).not.toContain('#sim=exemple');
  await page.locator('#mes-simulations summary').click();
  await expect(page.locator('#mes-simulations summary')).toHaveText('Mes simulations (2)');
  await expect(page.locator('#mes-simulations')).not.toContainText('Lien partagé');
});

test('a new simulation shows and exports nothing of the previous one', async ({ app, page }) => {
  await app.goto();
  await expect(app.yearRow(1)).toContainText('600,00 €');
  await app.newSimulation();
  await app.type(app.communeName, 'Caluire-et-Cuire');
  // Nothing red on a field not yet reached: what is left to fill, said plainly.
  await expect(app.errorSummary).toHaveCount(0);
  await expect(page.locator('#a-completer')).toContainText('Notification de la convention');
  await expect(page.locator('#annees-convention')).toHaveCount(0);
  await expect(page.locator('#export-xlsx')).toHaveCount(0);
  await expect(page.locator('#resultats')).not.toContainText('Tassin');
  // Back in the example with an invalid field: its own last figures stay, documents wait.
  await page.locator('#mes-simulations summary').click();
  await page.getByRole('button', { name: 'Ouvrir « Exemple : Tassin-la-Demi-Lune »' }).click();
  await app.ownCopy();
  await app.type(app.annualFee, 'abc');
  await expect(app.yearRow(1)).toContainText('600,00 €');
  await expect(page.locator('#export-xlsx')).toBeDisabled();
  await expect(page.locator('#documents-bloques')).toContainText('1 champ à corriger');
});

test('the address holds no personal data, and the link without it gives every figure', async ({ app, page, context }) => {
  await app.goto();
  await expect(app.yearRow(1)).toContainText('600,00 €');
  await page.waitForFunction(() => localStorage.getItem('laclasse-sim/simulation/exemple') !== null);
  const example = await page.evaluate(() => JSON.parse(localStorage.getItem('laclasse-sim/simulation/exemple')));
  const names = [example.draft.technical_referent.last_name, example.draft.schools[0].admin.email, example.draft.schools[0].admin.last_name];
  expect(decodeURIComponent(page.url())).not.toContain(names[0]);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copier le lien' }).click();
  await page.getByRole('button', { name: 'Copier le lien sans données personnelles' }).click();
  await expect(page.locator('#partage-statut')).toContainText('sans données personnelles');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const json = Buffer.from(link.split('#s=')[1], 'base64url').toString('utf8');
  for (const n of names) expect(json).not.toContain(n);
  // Opened elsewhere, the link gives the same figures, row by row.
  // Text content, not innerText: a section out of sight is not laid out (content-visibility).
  const figures = async (p) => p.locator('#annees-convention tbody tr, #exercices tbody tr').allTextContents();
  const mine = await figures(page);
  expect(mine).toHaveLength(10);
  expect(mine[0]).toContain('600,00 €');
  const other = await context.newPage();
  await other.goto(link.replace(/^https?:\/\/[^/]+/, ''));
  await expect(other.locator('.simulation-name')).toContainText('Lien partagé');
  // The app itself, not only the first figures drawn before it (they have no « pourquoi ? »).
  await other.locator('#app:not([aria-busy])').waitFor({ state: 'attached' });
  expect(await figures(other)).toEqual(mine);
  await expect(other.locator('#eligibilite')).toContainText('11,2 Go utilisés');
  // The complete link only after a warning.
  await page.getByRole('button', { name: 'Copier le lien complet…' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Le lien complet contient les noms' })).toBeVisible();
  await page.getByRole('button', { name: 'Oui, copier le lien complet' }).click();
  const full = await page.evaluate(() => navigator.clipboard.readText());
  expect(Buffer.from(full.split('#s=')[1], 'base64url').toString('utf8')).toContain(names[1]);
});
