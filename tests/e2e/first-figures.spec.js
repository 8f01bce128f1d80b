// The first figures: a small module draws the opened simulation's figures before the app
// loads; the app, loaded after them, replaces them with the same figures.
const { test, expect } = require('./support/fixtures');
const AxeBuilder = require('@axe-core/playwright').default;

// The app's module is held back by intercepting its request: a service worker answering from
// its cache would start the app unseen, so none is registered here (offline.spec.js tests it).
test.use({ serviceWorkers: 'block' });

/** Holds the app's module until `release()` is called; `requested` lists every path asked. */
async function holdApp(page) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.route(/\/laclasse-sim-web-[0-9a-f]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  return { release, requested };
}

/** What the figures say: the name, the summary, both fee tables without their last column
 * (the app's « pourquoi ? » buttons) and the hypotheses said beside them. */
async function figures(page) {
  return page.evaluate(() => {
    const cells = (id) => [...document.querySelectorAll(`#${id} tr`)]
      .map((tr) => [...tr.children].slice(0, -1).map((c) => c.textContent.trim()).join(' | '));
    return {
      name: document.querySelector('.simulation-name').firstChild.textContent.trim(),
      summary: document.querySelector('#resume dl').innerText,
      years: cells('annees-convention'),
      budget: cells('exercices'),
      notes: [...document.querySelectorAll('.fees .hypothese, #annees-courtes')].map((e) => e.textContent.trim()),
    };
  });
}

test('the first figures show before the app loads, and are the figures the app then shows', async ({ app, page }) => {
  const { release, requested } = await holdApp(page);
  await page.goto('/?aujourdhui=2026-11-30');
  await expect(app.yearRow(1)).toContainText('600,00 €');
  // The app is not there yet: the page says it is busy, nothing can be typed into, and its
  // module is not downloaded.
  await expect(page.locator('#app')).toHaveAttribute('aria-busy', 'true');
  await expect(page.locator('input, select, textarea')).toHaveCount(0);
  await expect(page.locator('.toolbar button:not([disabled])')).toHaveCount(0);
  expect(requested.filter((p) => /laclasse-sim-web-.*_bg\.wasm$/.test(p))).toEqual([]);
  expect(requested.some((p) => /laclasse-sim-figures-.*_bg\.wasm$/.test(p))).toBe(true);
  const first = await figures(page);
  expect(first.name).toBe('Exemple : Tassin-la-Demi-Lune');
  expect(first.summary).toContain('450,00 € (n° 4, du 16/11/2026 au 15/11/2027)');
  expect(first.years.at(-1)).toBe('Total | 2 550,00 € | 2 550,00 € | 1 800,00 € | 750,00 €');
  expect(first.notes).toEqual([expect.stringContaining('Deux lectures du texte')]);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);

  release();
  await app.started();
  await expect(app.annualFee).toHaveValue('150,00');
  expect(await figures(page)).toEqual(first);
  await expect(page.locator('#annees-convention')).toHaveCount(1);
});

test('a stored simulation opens with its own first figures, never the example\'s', async ({ app, page }) => {
  await app.goto();
  await app.annualFee.fill('200,00');
  await expect(app.yearRow(1)).toContainText('800,00 €');
  await expect.poll(() => page.evaluate(() => Object.keys(localStorage)
    .some((k) => (localStorage.getItem(k) || '').includes('"annual_fee":"200,00"')))).toBe(true);

  const { release } = await holdApp(page);
  await page.reload();
  await expect(app.yearRow(1)).toContainText('800,00 €');
  await expect(page.locator('#app')).toHaveAttribute('aria-busy', 'true');
  const first = await figures(page);
  expect(first.summary).toContain('600,00 € (n° 4');
  release();
  await app.started();
  await expect(app.annualFee).toHaveValue('200,00');
  expect(await figures(page)).toEqual(first);
});

test('a shared link and a comparison\'s link show their own first figures before the app, as the app then opens them', async ({ app, page, context }) => {
  const fs = require('fs');
  const tassin = JSON.parse(fs.readFileSync('data/examples/tassin.json', 'utf8'));
  const shared = { ...tassin, convention: { ...tassin.convention, annual_fee_eur: '175' } };
  const b64 = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  for (const [hash, name] of [
    [`#s=${b64(shared)}`, 'Lien partagé : Tassin-la-Demi-Lune'],
    [`#comparer=${b64([{ name: 'Budget 175', scenario: shared }, { name: 'Exemple', scenario: tassin }])}`, 'Budget 175'],
  ]) {
    const other = await context.newPage();
    const { release, requested } = await holdApp(other);
    await other.goto(`/?aujourdhui=2026-11-30${hash}`);
    await expect(other.locator('#annees-convention tbody tr').first()).toContainText('700,00 €');
    await expect(other.locator('#app')).toHaveAttribute('aria-busy', 'true');
    expect(requested.filter((p) => /laclasse-sim-web-.*_bg\.wasm$/.test(p))).toEqual([]);
    const first = await figures(other);
    expect(first.name).toBe(name);
    release();
    await other.locator('#app:not([aria-busy])').waitFor({ state: 'attached' });
    await expect(other.getByLabel('Redevance annuelle par unité (€)')).toHaveValue('175');
    expect(await figures(other)).toEqual(first);
    await other.close();
  }
});
