// The app works offline and installs: a second visit shows the figures with the network cut,
// the documents' worker and the service worker run under the page's Content-Security-Policy,
// and a new version is announced rather than swapped under the person's feet.
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const { test, expect, home } = require('./support/fixtures');

/** Records the page's Content-Security-Policy violations (none is expected). */
async function watchPolicy(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
}

/** Waits until the service worker controls the page (its cache is then filled). */
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
}

test('a second visit shows the figures, and makes documents, without the network', async ({ app, page, context }) => {
  await watchPolicy(page);
  await app.goto();
  await expect(app.yearRow(1)).toContainText('600,00 €');
  await controlled(page);
  await app.annualFee.fill('180,00');
  await expect(app.yearRow(1)).toContainText('720,00 €');

  await context.setOffline(true);
  await page.reload();
  await expect(app.annualFee).toHaveValue('180,00');
  await expect(app.yearRow(1)).toContainText('720,00 €');
  // The documents' worker starts from the cache too.
  const file = await app.download('Liste annexe 1 (.xlsx)');
  expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
  // An address of the app other than its start opens the app as well.
  await page.goto(`${home}&autre=1`);
  await expect(app.yearRow(1)).toContainText('720,00 €');
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
  await context.setOffline(false);
});

test('the page declares a manifest with icons and a start address', async ({ page, request }) => {
  await page.goto(home);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifest = await (await request.get(href)).json();
  expect(manifest.lang).toBe('fr');
  expect(manifest.display).toBe('standalone');
  const sizes = manifest.icons.map((i) => i.sizes);
  expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
  for (const icon of manifest.icons) {
    const response = await request.get(icon.src);
    expect(response.ok(), icon.src).toBe(true);
    expect(response.headers()['content-type']).toContain(icon.type.split('+')[0]);
  }
});

/** A copy of dist/ served by a server of the test's own, to publish a "new version";
 * `cacheControl` is what it says of every file (a careless host: a year for everything). */
function serveCopy(cacheControl = 'no-cache') {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'laclasse-dist-'));
  fs.cpSync('dist', root, { recursive: true });
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm',
    '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/manifest+json' };
  const server = http.createServer((req, res) => {
    let file = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (file.endsWith('/')) file += 'index.html';
    const full = path.join(root, file);
    if (!full.startsWith(root) || !fs.existsSync(full)) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'Content-Type': types[path.extname(full)] || 'application/octet-stream', 'Cache-Control': cacheControl });
    res.end(fs.readFileSync(full));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    root, url: `http://127.0.0.1:${server.address().port}`, close: () => server.close(),
  })));
}

test('a new version is announced and taken only when the person reloads', async ({ browser }) => {
  const site = await serveCopy();
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await page.goto(`${site.url}${home}`);
    await expect(page.locator('#annees-convention tbody tr').first()).toContainText('600,00 €');
    await controlled(page);
    // A first visit announces nothing: the worker just installed is this very version.
    await expect(page.locator('#nouvelle-version')).toHaveCount(0);
    await page.getByLabel('Redevance annuelle par unité (€)').fill('175,00');
    await expect(page.locator('#annees-convention tbody tr').first()).toContainText('700,00 €');

    // The site publishes a new build.
    const worker = path.join(site.root, 'sw.js');
    fs.writeFileSync(worker, fs.readFileSync(worker, 'utf8').replace(/const VERSION = "[^"]*"/, 'const VERSION = "nouvelle"'));
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    const bar = page.locator('#nouvelle-version');
    await expect(bar).toContainText('Nouvelle version disponible');
    // Nothing changed under the person's feet: the page and what was typed are as they were.
    await expect(page.getByLabel('Redevance annuelle par unité (€)')).toHaveValue('175,00');

    await page.evaluate(() => { window.__previousVersion = true; });
    await bar.getByRole('button', { name: 'recharger' }).click();
    // The page reloaded (its previous state is gone) under the new version's worker.
    await page.waitForFunction(() => window.__previousVersion === undefined);
    await expect(page.locator('#annees-convention tbody tr').first()).toContainText('700,00 €');
    await expect(page.getByLabel('Redevance annuelle par unité (€)')).toHaveValue('175,00');
    await expect(page.locator('#nouvelle-version')).toHaveCount(0);
    const caches = await page.evaluate(() => caches.keys());
    expect(caches).toEqual(['laclasse-sim-nouvelle']);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
    site.close();
    fs.rmSync(site.root, { recursive: true, force: true });
  }
});

test('after a redeploy, the new version comes whole even from a host that lets browsers cache everything', async ({ browser }) => {
  // Build A, served with a year of HTTP caching for every file, index.html and the export
  // worker (whose names carry no content hash) included.
  const site = await serveCopy('public, max-age=31536000');
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const build = () => page.evaluate(() => document.querySelector('meta[name="build"]')?.content ?? 'A');
  try {
    await page.goto(`${site.url}${home}`);
    await expect(page.locator('#annees-convention tbody tr').first()).toContainText('600,00 €');
    await controlled(page);
    // A real file of the build opened by its address is that file, not the page.
    const icon = await page.request.get(`${site.url}/icons/icon.svg`);
    expect(icon.headers()['content-type']).toContain('image/svg');
    const iconPage = await context.newPage();
    await iconPage.goto(`${site.url}/icons/icon.svg`);
    expect(await iconPage.evaluate(() => document.contentType)).toBe('image/svg+xml');
    await iconPage.close();
    expect(await build()).toBe('A');

    // Build B on the same address: index.html and the export worker's files change, names
    // kept; A's copies are still fresh in the browser's HTTP cache.
    const index = path.join(site.root, 'index.html');
    const before = fs.readFileSync(index, 'utf8');
    const after = before.replace('<meta charset=utf-8>', '<meta charset=utf-8><meta name=build content=B>');
    expect(after).not.toBe(before);
    fs.writeFileSync(index, after);
    const loader = path.join(site.root, 'laclasse-sim-export_loader.js');
    fs.appendFileSync(loader, '\n// build B\n');
    const worker = path.join(site.root, 'sw.js');
    fs.writeFileSync(worker, fs.readFileSync(worker, 'utf8').replace(/const VERSION = "[^"]*"/, 'const VERSION = "B"'));
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    const bar = page.locator('#nouvelle-version');
    await expect(bar).toContainText('Nouvelle version disponible');
    await page.evaluate(() => { window.__previousVersion = true; });
    await bar.getByRole('button', { name: 'recharger' }).click();
    await page.waitForFunction(() => window.__previousVersion === undefined);
    await page.waitForLoadState('load');
    expect(await build()).toBe('B');
    await expect(page.locator('#annees-convention tbody tr').first()).toContainText('600,00 €');
    // B's cache holds B's files, the unhashed ones included.
    const cachedLoader = await page.evaluate(async () => {
      const cache = await caches.open('laclasse-sim-B');
      const response = await cache.match('laclasse-sim-export_loader.js');
      return response ? response.text() : '';
    });
    expect(cachedLoader).toContain('// build B');
    // And offline, B opens and computes.
    await context.setOffline(true);
    await page.reload();
    expect(await build()).toBe('B');
    await expect(page.locator('#annees-convention tbody tr').first()).toContainText('600,00 €');
    await context.setOffline(false);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
    site.close();
    fs.rmSync(site.root, { recursive: true, force: true });
  }
});
