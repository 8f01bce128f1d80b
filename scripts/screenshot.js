// Screenshots of the built site for the README: `node scripts/screenshot.js` (dist/ served on PORT).
const { chromium } = require('@playwright/test');
const port = process.env.PORT || 8124;
(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', env: { ...process.env, LANG: 'fr_FR.UTF-8', LANGUAGE: 'fr_FR:fr' },
    args: ['--lang=fr-FR', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
  for (const [name, width, height] of [['desktop', 1366, 1800], ['phone', 390, 1600]]) {
    const page = await browser.newPage({ viewport: { width, height }, locale: 'fr-FR' });
    await page.goto(`http://127.0.0.1:${port}/?aujourdhui=2026-11-30`);
    await page.waitForSelector('#annees-convention');
    await page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage: false });
    await page.close();
  }
  // The printed report's first page, as a PNG of the PDF (pdftoppm, from poppler-utils).
  const page = await browser.newPage({ locale: 'fr-FR' });
  await page.goto(`http://127.0.0.1:${port}/?aujourdhui=2026-11-30`);
  await page.waitForSelector('#annees-convention');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: 'docs/screenshots/print.pdf', format: 'A4' });
  require('child_process').execFileSync('pdftoppm', ['-r', '60', '-f', '1', '-l', '1', '-png', '-singlefile', 'docs/screenshots/print.pdf', 'docs/screenshots/print']);
  require('fs').unlinkSync('docs/screenshots/print.pdf');
  await browser.close();
})().catch((e) => { console.error(e); process.exit(1); });
