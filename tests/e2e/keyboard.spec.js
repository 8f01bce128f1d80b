const { test, expect } = require('./support/fixtures');

test('keyboard only: a new simulation, a commune, a school', async ({ app, page }) => {
  await app.goto();
  await expect(app.yearRow(1)).toBeVisible();
  // Tab until the element with that id has the focus.
  const tabTo = async (id, max = 80) => {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((target) => document.activeElement?.id === target, id)) return;
    }
    throw new Error('focus never reached the target');
  };
  await tabTo('nouvelle-simulation');
  await page.keyboard.press('Enter');
  await expect(app.simulationName).toContainText('Nouvelle simulation');
  // The focus is already on the commune's name.
  await expect(page.locator('#commune-name')).toBeFocused();
  await page.keyboard.type('Vénissieux');
  await tabTo('notified');
  // The browser orders the date's parts by its own locale (jj/mm/aaaa in French, mm/dd/yyyy
  // in a default headless Chromium): type in the order it shows.
  const monthFirst = await page.evaluate(() => new Date(2025, 0, 15).toLocaleDateString(navigator.languages.at(-1) || 'en-US').startsWith('1/'));
  await page.keyboard.type(monthFirst ? '01152025' : '15012025');
  const typed = await app.notified.inputValue();
  if (typed !== '2025-01-15') {
    // The other order, typed again from the first part.
    await page.keyboard.press('Shift+Tab'); await page.keyboard.press('Shift+Tab');
    await page.keyboard.type(monthFirst ? '15012025' : '01152025');
  }
  await expect(app.notified).toHaveValue('2025-01-15');
  await tabTo('ajouter-ecole');
  await page.keyboard.press('Enter');
  await expect(app.schoolRows).toHaveCount(1);
  // Focus is visible.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  expect(outline).not.toBe('none');
  await expect(app.communeStatus).toContainText('Vénissieux');
});
