// Plans (Kế hoạch): the province statistician types a target in the department's notation and
// sees it on the dashboard with the status colour; a target in an ambiguous notation gets the
// server's Vietnamese reason next to the cell and changes nothing; a viewer sees the targets
// without any edit control.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiFromPage, launchBrowser, screenshot, signIn, startServer } from './server.mjs';

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const targetOf = async (page, code) => {
  const r = await apiFromPage(page, 'GET', '/api/targets?year=2025');
  return r.json.targets.find((x) => x.code === code && x.period === '2025' && x.orgUnitCode === '11');
};

test('thongke sets a target in the page notation and the dashboard shows it with its status', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, server.url, 'thongke');
  // The demo plan has 32,84 for the maternal mortality ratio, which the 2025 value misses.
  await page.goto(`${server.url}/#/dashboard?year=2025`);
  const card = page.locator('#kpis .kpi[data-code="I_MMR"]');
  await card.waitFor();
  assert.match(await card.getAttribute('class'), /not_achieved/);

  await page.goto(`${server.url}/#/plans?period=2025`);
  const input = page.getByLabel(/^Kế hoạch: Tỷ số tử vong mẹ/);
  await input.waitFor();
  assert.equal(await input.inputValue(), '32,84');
  await input.fill('<50');
  await input.press('Tab');
  const row = page.locator('#plans tr[data-code="I_MMR"]');
  await row.locator('.status.saved').waitFor();
  assert.equal(await input.inputValue(), '<50');
  await screenshot(page, 'plans-saved');
  const stored = await targetOf(page, 'I_MMR');
  assert.equal(stored.display, '<50');

  await page.goto(`${server.url}/#/dashboard?year=2025`);
  await page.locator('#kpis .kpi[data-code="I_MMR"].achieved').waitFor();
  assert.match(await card.locator('.target').innerText(), /Kế hoạch: <50/);
  assert.equal(await card.locator('.badge').innerText(), 'Đạt');
  // The colour is what the director reads first: green border for achieved.
  const colour = await card.evaluate((el) => getComputedStyle(el).borderLeftColor);
  assert.equal(colour, 'rgb(30, 123, 58)');
  await screenshot(page, 'plans-dashboard-achieved');
  await context.close();
});

test('an ambiguous target shows the server reason next to the cell and changes nothing', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, server.url, 'thongke');
  const before = await targetOf(page, 'I_IMR');
  await page.goto(`${server.url}/#/plans?period=2025`);
  const row = page.locator('#plans tr[data-code="I_IMR"]');
  const input = row.locator('input');
  await input.waitFor();
  await input.fill('65.7');
  await input.press('Tab');
  const message = row.locator('.message').filter({ hasText: /\S/ });
  await message.waitFor();
  const text = await message.innerText();
  assert.match(text, /dấu phẩy/, `a Vietnamese reason: ${text}`);
  assert.match(text, /65,7/);
  assert.equal(await input.getAttribute('aria-invalid'), 'true');
  await screenshot(page, 'plans-bad-target');
  const after = await targetOf(page, 'I_IMR');
  assert.deepEqual(after, before, 'the stored target is unchanged');
  await context.close();
});

test('a viewer sees the targets without edit controls, and the API refuses a change', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, server.url, 'xem');
  await page.locator('nav a', { hasText: 'Kế hoạch' }).click();
  const row = page.locator('#plans tr[data-code="I_IMR"]');
  await row.waitFor();
  assert.equal(await page.locator('#plans input').count(), 0, 'no inputs for a viewer');
  assert.equal(await row.locator('.target').innerText(), '17,74');
  const put = await apiFromPage(page, 'PUT', '/api/targets', { indicator: 'I_IMR', period: '2025', target: '<10' });
  assert.equal(put.status, 403);
  await screenshot(page, 'plans-viewer');
  await context.close();
});
