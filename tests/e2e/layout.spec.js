const AxeBuilder = require('@axe-core/playwright').default;
const { test, expect } = require('./support/fixtures');

const school = (i) => ({
  name: `École élémentaire numéro ${i} du quartier des Tilleuls`, level: 'elementaire', sector: 'public',
  group: `Groupe scolaire ${Math.ceil(i / 2)}`, requested: '2023-11-10',
  admin: { last_name: `Nom${i}`, first_name: 'Prénom', function: 'Directrice', email: `d${i}@ecole.example.fr`, phone: '04 78 00 00 00' },
});
const forty = {
  commune: { name: 'Villeurbanne' }, convention: { notified: '2023-11-16' }, horizon_until: '2028-12-31',
  schools: Array.from({ length: 40 }, (_, i) => school(i + 1)),
};

for (const width of [360, 390, 768, 1366, 1920]) {
  test(`at ${width} px the page is never wider than the screen, with the example and with 40 schools`, async ({ app, page }) => {
    await page.setViewportSize({ width, height: 900 });
    await app.goto();
    await expect(app.yearRow(1)).toBeVisible();
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await app.openScenario('quarante.json', forty);
    await expect(page.locator('#resume-ecoles')).toContainText('40 sur 40');
    expect(await overflow()).toBeLessThanOrEqual(0);
  });
}

test('on a phone the summary is on the first screen, with the figures an official looks for', async ({ app, page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await app.goto();
  const summary = page.locator('#resume');
  await expect(summary).toBeInViewport();
  await expect(page.locator('#resume-annee')).toContainText('450,00 €');
  await expect(page.locator('#resume-annee')).toContainText('n° 4, du 16/11/2026 au 15/11/2027');
  await expect(page.locator('#resume-exercice')).toContainText('450,00 € en 2027');
  await expect(page.locator('#resume-echeance')).toContainText('samedi 19/06/2027');
  await expect(page.locator('#resume-echeance')).toContainText('Liste annuelle');
  await expect(page.locator('#resume-ecoles')).toContainText('4 sur 4');
});

test('after deleting a school by keyboard the focus is on « Annuler »', async ({ app, page }) => {
  await app.goto();
  await app.schoolRow(1).getByRole('button', { name: /Supprimer/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#annuler')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(app.schoolRows).toHaveCount(4);
});

test('the last valid figures keep AA contrast while a field is invalid, and one main landmark', async ({ app, page }) => {
  await app.goto();
  await app.ownCopy();
  await app.type(app.annualFee, '-3');
  await expect(app.errorSummary).toBeVisible();
  await expect(page.locator('#resume .badge')).toContainText('dernière saisie valide');
  expect(await page.locator('main').count()).toBe(1);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
});

test('an explanation opened in a table opens above the page: the table keeps its width, Échap closes it', async ({ app, page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await app.goto();
  const table = page.locator('#annees-convention');
  const before = (await table.boundingBox()).width;
  const why = app.yearRow(1).getByRole('button', { name: 'pourquoi ?' });
  await why.click();
  const dialog = page.getByRole('dialog', { name: 'Explication du calcul' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('4 écoles × 150,00 € = 600,00 €');
  expect((await table.boundingBox()).width).toBe(before);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(why).toBeFocused();
});

for (const width of [390, 1366]) {
  test(`at ${width} px chart text is at least 12 px and the timeline names the next deadline`, async ({ app, page }) => {
    await page.setViewportSize({ width, height: 900 });
    await app.goto();
    await expect(page.locator('.timeline')).toBeVisible();
    const sizes = await page.evaluate(() => [...document.querySelectorAll('.chart svg')].flatMap((svg) => {
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      return [...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
    }));
    expect(sizes.length).toBeGreaterThan(10);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11.9);
    await expect(page.locator('.timeline .next-label')).toHaveText('prochaine : 19/06/2027');
    await expect(page.locator('.timeline text').filter({ hasText: '2027' }).first()).toBeAttached();
  });
}

test('adding a school takes a few key presses from the top of the page', async ({ app, page }) => {
  await app.goto();
  await expect(app.schoolRows).toHaveCount(4);
  let found = false;
  for (let i = 0; i < 6 && !found; i++) {
    await page.keyboard.press('Tab');
    found = (await page.evaluate(() => document.activeElement?.textContent)) === 'Ajouter une école';
  }
  expect(found).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.locator('#ajouter-ecole')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(app.schoolRows).toHaveCount(5);
});
