// Measures the built site in headless Chromium: time from navigation to the first figures,
// and the time an edit takes to reach the figures in a 625-school scenario.
// `make measure` serves dist/ and runs this; the README keeps the figures.
const { chromium } = require('@playwright/test');
const port = process.env.PORT || 8125;
const base = `http://127.0.0.1:${port}/?aujourdhui=2026-11-30`;

function territory(n) {
  const schools = [];
  for (let i = 0; i < n; i++) {
    const added = i % 5 === 0 ? (i * 97) % (30 * 365) : 0;
    const day = (d) => new Date(Date.UTC(2023, 10, 10) + d * 86400000).toISOString().slice(0, 10);
    schools.push({
      name: `École ${i}`, uai: `069${String(i).padStart(4, '0')}A`,
      level: ['maternelle', 'elementaire', 'primaire'][i % 3], sector: 'public',
      group: `Groupe scolaire ${Math.floor(i / 3)}`, requested: day(added),
      removal_requested: i % 7 === 0 ? day(added + 406 + (i * 31) % (30 * 365)) : null,
      admin: { last_name: `Nom${i}`, first_name: 'Claire', function: 'Directrice', email: `dir${i}@ecole.example.fr`, phone: '04 78 00 00 00' },
    });
  }
  return { format: 'laclasse-sim/1', commune: { name: 'Lyon', insee: '69123' },
    convention: { notified: '2023-11-16', annual_fee_eur: '150.00' }, horizon_until: '2053-11-16', schools };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
  const loads = [];
  for (let i = 0; i < 5; i++) {
    const page = await browser.newPage();
    await page.goto(base, { waitUntil: 'commit' });
    await page.waitForFunction(() => document.querySelector('#annees-convention tbody tr'), null, { polling: 'raf' });
    loads.push(await page.evaluate(() => performance.now()));
    await page.close();
  }
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(base);
  await page.waitForSelector('#annees-convention');
  await page.locator('#fichier').setInputFiles({ name: 'territoire.json', mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(territory(625))) });
  await page.waitForFunction(() => document.querySelector('#pages-ecoles')?.textContent.includes('sur 625'), null, { timeout: 60000 });
  const edits = [];
  for (let i = 0; i < 15; i++) {
    const fee = String(150 + i + 1);
    edits.push(await page.evaluate(async (fee) => {
      const input = document.querySelector('#annual-fee');
      const total = document.querySelector('#annees-convention tfoot');
      const before = total.textContent;
      const t0 = performance.now();
      input.value = fee;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((resolve) => {
        const check = () => (total.textContent !== before ? resolve() : requestAnimationFrame(check));
        check();
      });
      return performance.now() - t0;
    }, fee));
  }
  const name = [];
  for (let i = 0; i < 15; i++) {
    name.push(await page.evaluate(async (i) => {
      const input = document.querySelector('.schools-table tbody tr:nth-child(30) input');
      const t0 = performance.now();
      input.value = `École renommée ${i}`;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 0));
      return performance.now() - t0;
    }, i));
  }
  console.log(JSON.stringify({
    navigation_to_figures_ms_median: Math.round(median(loads)),
    navigation_to_figures_ms_all: loads.map(Math.round),
    edit_fee_625_schools_ms_median: +median(edits).toFixed(1),
    edit_fee_625_schools_ms_max: +Math.max(...edits).toFixed(1),
    edit_school_name_625_schools_ms_median: +median(name).toFixed(1),
  }, null, 1));
  await browser.close();
})().catch((e) => { console.error(e); process.exit(1); });
