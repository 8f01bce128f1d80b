// Simulations side by side: a variant of the example that terminates at the first reachable
// anniversary, made in one click, compared with the example; every figure of the comparison
// checked against the figures each simulation shows on its own.
const AxeBuilder = require('@axe-core/playwright').default;
const { test, expect } = require('./support/fixtures');

/** « 1 234,50 € » → 123450 (cents); « — » → null. */
function cents(text) {
  const t = text.trim();
  if (t === '—') return null;
  const sign = t.startsWith('−') ? -1 : 1;
  return sign * Number(t.replace(/[^0-9]/g, ''));
}

/** The single simulation's fee per convention year, by number, and its total. */
async function ownFees(page) {
  const rows = await page.locator('#annees-convention tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [tr.children[0].textContent, tr.children[4].textContent]));
  const total = await page.locator('#annees-convention tfoot td.money').first().textContent();
  return { years: Object.fromEntries(rows.map(([n, fee]) => [Number(n), cents(fee)])), total: cents(total) };
}

/** The comparison's rows: [number, fee A, fee B, gap]. */
async function compared(page) {
  return page.locator('#comparaison-annees tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.children].slice(0, 4).map((td) => td.textContent.trim())));
}

test('a variant that terminates at the first reachable anniversary, compared with the example', async ({ app, page }) => {
  await app.goto();
  const example = await ownFees(page);
  expect(example.total).toBe(255000);

  const variant = page.getByRole('button', { name: 'Variante : résilier en 2027' });
  await variant.click();
  // The variant is kept and opened, and set beside the example.
  await expect(app.simulationName).toContainText('Variante : résilier en 2027');
  await expect(page.locator('#comparaison-annees')).toBeVisible();
  await expect(page.locator('#comparaison-donnees')).toContainText('Lettre de résiliation reçue le');
  await expect(page.locator('#comparaison-donnees')).toContainText('13/08/2027');
  // The termination simulator of the variant says the same end.
  await expect(page.locator('#resultat-resiliation')).toContainText('16/11/2027');

  const mine = await ownFees(page);
  const rows = await compared(page);
  expect(rows.map((r) => Number(r[0]))).toEqual(Object.keys(example.years).map(Number));
  for (const [n, a, b, gap] of rows) {
    // Each column is that simulation's own figure; the gap is the difference.
    expect(cents(a)).toBe(example.years[n]);
    expect(cents(b)).toBe(mine.years[n] ?? null);
    expect(cents(gap)).toBe((mine.years[n] ?? 0) - example.years[n]);
  }
  expect(rows[4]).toEqual(['5', '450,00 €', '—', '−450,00 €']);
  const total = await page.locator('#comparaison-annees tfoot').textContent();
  expect(total).toContain('2 550,00 €');
  expect(total).toContain('2 100,00 €');
  expect(total).toContain('−450,00 €');
  expect(mine.total - example.total).toBe(-45000);

  // The budget year 2027 loses the title of 16/11/2027.
  await expect(page.locator('#comparaison-exercices tbody tr').last()).toContainText('2027');
  await expect(page.locator('#comparaison-exercices tbody tr').last()).toContainText('−450,00 €');

  // Year 5's gap says where it comes from.
  await page.locator('#comparaison-annees tbody tr').nth(4).getByRole('button', { name: 'pourquoi ?' }).click();
  const dialog = page.getByRole('dialog', { name: 'Explication du calcul' });
  await expect(dialog).toContainText("pas d'année n° 5, la convention prend fin le 16/11/2027 (résiliation reçue le 13/08/2027, Art. 8)");
  await expect(dialog).toContainText('Écart pour « Variante : résilier en 2027 » : −450,00 €');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // The comparison passes axe.
  const results = await new AxeBuilder({ page }).include('#comparer').analyze();
  const bad = results.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);

  // By keyboard: the variant unticked, the comparison goes; ticked again, it comes back.
  const box = page.getByRole('checkbox', { name: 'Variante : résilier en 2027' });
  await box.focus();
  await page.keyboard.press('Space');
  await expect(page.locator('#comparaison-annees')).toHaveCount(0);
  await page.keyboard.press('Space');
  await expect(page.locator('#comparaison-annees tfoot')).toContainText('−450,00 €');

  // Printed, the comparison is there and the choice is not.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('#comparaison-annees')).toBeVisible();
  await expect(page.locator('.compare-choice')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
});

test('a simulation with an error is named, and nothing is compared', async ({ app, page }) => {
  await app.goto();
  await page.getByRole('button', { name: 'Variante : résilier en 2027' }).click();
  await expect(page.locator('#comparaison-annees')).toBeVisible();
  await app.annualFee.fill('cent');
  await expect(page.locator('#comparaison-erreur')).toContainText('« Variante : résilier en 2027 » contient 1 erreur');
  await expect(page.locator('#comparaison-annees')).toHaveCount(0);
  await app.annualFee.fill('150,00');
  await expect(page.locator('#comparaison-annees tfoot')).toContainText('−450,00 €');
});

test('the comparison exports to a spreadsheet and its link reopens it, without personal data', async ({ app, page, context, browser }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await app.goto();
  await page.getByRole('button', { name: 'Variante : résilier en 2027' }).click();
  await expect(page.locator('#comparaison-annees')).toBeVisible();

  const file = await app.download('Comparaison (.xlsx)');
  expect(file.suggestedFilename()).toBe('laclasse-sim-comparaison.xlsx');
  const fs = require('fs');
  expect(fs.readFileSync(await file.path()).subarray(0, 2).toString()).toBe('PK');

  await page.getByRole('button', { name: 'Copier le lien de la comparaison' }).click();
  await expect(page.locator('#comparaison-lien-statut')).toContainText('sans données personnelles');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain('#comparer=');
  const payload = Buffer.from(link.split('#comparer=')[1], 'base64url').toString();
  // No director, contact or council member: no e-mail, phone or name of the example's people.
  for (const personal of ['example.fr', '04 78', '0478', 'Nom2', 'Claire', '"Ref"', '"Chef"']) expect(payload).not.toContain(personal);
  expect(payload).toContain('Variante : résilier en 2027');

  // Another browser opens the link: the same comparison, the same gaps.
  const other = await browser.newContext({ locale: 'fr-FR' });
  const page2 = await other.newPage();
  await page2.goto(link.replace(/^https?:\/\/[^/]+/, `${new URL(page.url()).origin}`));
  await page2.locator('#app:not([aria-busy])').waitFor({ state: 'attached' });
  await expect(page2.locator('#comparaison-annees tfoot td.gap')).toHaveText('−450,00 €');
  const row5 = await page2.locator('#comparaison-annees tbody tr').nth(4).evaluate((tr) =>
    [...tr.children].slice(0, 4).map((c) => c.textContent.trim()));
  expect(row5).toEqual(['5', '450,00 €', '—', '−450,00 €']);
  await expect(page2.locator('#comparaison-annees thead')).toContainText('Variante : résilier en 2027');
  // Its own example stays; the link's two simulations are added to it.
  await expect(page2.locator('#mes-simulations summary')).toHaveText('Mes simulations (3)');
  await other.close();
});

test('a variant with more schools bills them at once under its stated hypothesis, goes to the answer, and stays after a reload', async ({ app, page }) => {
  await app.goto();
  await page.getByLabel('Écoles en plus').fill('3');
  await page.getByRole('button', { name: 'Variante : + 3 écoles' }).click();
  await expect(app.simulationName).toContainText('Variante : + 3 écoles');
  // The page goes to the comparison, which answers at once: never 0 € by omission.
  await expect(page.locator('#comparer-titre')).toBeFocused();
  await expect(page.locator('#comparaison-annees tfoot td.gap')).toHaveText('+900,00 €');
  await expect(page.locator('#comparaison-annees tbody tr').nth(3)).toContainText('+450,00 €');
  await expect(page.locator('#comparer')).toContainText("hypothèse : écoles publiques élémentaires dont l'administrateur sera désigné");
  // The new schools wait for their administrators, named as such in the variant.
  await app.openSchool(5);
  await expect(page.getByLabel("Administrateur : nom, école 5")).toHaveValue('(à désigner)');
  // A reload keeps the comparison.
  await page.reload();
  await app.started();
  await expect(page.locator('#comparaison-annees thead')).toContainText('Variante : + 3 écoles');
  await expect(page.locator('#comparaison-annees tfoot td.gap')).toHaveText('+900,00 €');
});
