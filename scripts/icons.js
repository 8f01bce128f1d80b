// The app's PNG icons, drawn from assets/icons/icon.svg in Chromium: `node scripts/icons.js`.
// The PNGs are kept in the repository (the build downloads nothing and needs no drawing tool).
// The maskable icon keeps the drawing inside the safe circle (80 % of the side) on the brand
// colour, as installers crop it to their own shape.
const fs = require('fs');
const { chromium } = require('@playwright/test');
(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const svg = fs.readFileSync('assets/icons/icon.svg', 'utf8');
  const uri = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  for (const [name, size, scale, background] of [['icon-192', 192, 1, 'transparent'],
    ['icon-512', 512, 1, 'transparent'], ['icon-maskable-512', 512, 0.8, '#00508f']]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const side = Math.round(size * scale);
    await page.setContent(`<body style="margin:0;background:${background};display:grid;place-items:center;height:${size}px">
      <img src="${uri}" width="${side}" height="${side}" alt=""></body>`);
    await page.screenshot({ path: `assets/icons/${name}.png`, omitBackground: background === 'transparent' });
    await page.close();
  }
  await browser.close();
})().catch((e) => { console.error(e); process.exit(1); });
