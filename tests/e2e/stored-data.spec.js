const { test, expect } = require('./support/fixtures');

test('unreadable stored data is set aside with a message, never a crash', async ({ app, page }) => {
  await app.goto();
  // Once the page has saved its own simulations, damage them.
  await page.waitForFunction(() => localStorage.getItem('laclasse-sim/simulations') !== null);
  await page.evaluate(() => localStorage.setItem('laclasse-sim/simulations', '{"version": 99, "entries": "abîmé"}'));
  await page.reload();
  await expect(app.notice).toContainText("n'ont pas pu être lues");
  await expect(app.notice).toContainText('autre version de laclasse-sim (format 99)');
  await expect(app.yearRow(1)).toContainText('600,00 €');
  const kept = await page.evaluate(() => localStorage.getItem('laclasse-sim/illisible'));
  expect(kept).toBe('{"version": 99, "entries": "abîmé"}');
  await page.getByRole('button', { name: 'Compris' }).click();
  await expect(app.notice).toHaveCount(0);
});
