// Screenshots of the built site for the README: `node scripts/screenshot.js` (dist/ served on PORT).
const { chromium } = require('@playwright/test');
const port = process.env.PORT || 8124;
(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
    args: ['--lang=fr-FR', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
  for (const [name, width, height] of [['desktop', 1440, 1800], ['phone', 390, 1600]]) {
    const page = await browser.newPage({ viewport: { width, height }, locale: 'fr-FR' });
    await page.goto(`http://127.0.0.1:${port}/?aujourdhui=2026-11-30`);
    await page.waitForSelector('#annees-convention');
    await page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage: false });
    await page.close();
  }
  await browser.close();
})().catch((e) => { console.error(e); process.exit(1); });
