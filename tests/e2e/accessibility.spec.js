const AxeBuilder = require('@axe-core/playwright').default;
const { test, expect } = require('./support/fixtures');

test('accessibility: no serious or critical axe violation', async ({ app, page }) => {
  await app.goto();
  await expect(app.yearRow(1)).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
});
