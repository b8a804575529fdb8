// The province statistician (thongke): the dashboard with its key indicators against plan (target,
// status, sparkline, the synthetic-data notice) and the map of the
// 45 communes (and the time until the indicators are drawn, recorded as evidence), the yearly
// report downloaded as .docx and .xlsx (valid zips with their main parts), and an open outbreak
// alert verified from its page.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { apiFromPage, launchBrowser, screenshot, screenshots, signIn, startServer, zipEntries } from './server.mjs';

let server;
let browser;
let context;
let page;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  await signIn(page, server.url, 'thongke');
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('dashboard: key indicators, trend with the reform marked, and the map of the 45 communes', async () => {
  // A fresh page load, so the navigation timing starts at the dashboard itself.
  await page.goto(`${server.url}/#/dashboard?year=2025`);
  await page.reload();
  await page.locator('main[data-ready="indicators"]').waitFor({ timeout: 30000 });
  const indicatorsMs = await page.evaluate(() => performance.getEntriesByName('solieu:indicators-rendered')[0].startTime);
  const cards = await page.locator('#kpis .kpi').count();
  assert.ok(cards >= 5, `key indicator cards (${cards})`);
  // The cards come from /api/dashboard/indicators: each shows its target and, where there is
  // one, the status against it; the demo store says its figures are synthetic.
  const kpis = await page.locator('#kpis .kpi').evaluateAll((els) =>
    els.map((el) => ({ code: el.dataset.code, target: el.querySelector('.target')?.textContent, status: el.querySelector('.badge')?.dataset.status })),
  );
  const withStatus = kpis.filter((k) => ['achieved', 'not_achieved', 'exceeded'].includes(k.status));
  assert.ok(withStatus.length >= 5, `cards with a status: ${JSON.stringify(kpis)}`);
  const vaccination = kpis.find((k) => k.code === 'I_FULL_IMMUNIZATION');
  assert.equal(vaccination?.target, 'Kế hoạch: 95,0');
  assert.ok(await page.locator('#synthetic-notice').isVisible(), 'the synthetic-data notice is shown');
  assert.equal(await page.locator('#kpis .kpi[data-code="I_FULL_IMMUNIZATION"] svg.spark polyline').count(), 1, 'sparkline drawn');
  await page.locator('#commune-map[data-regions]').waitFor({ timeout: 30000 });
  const map = await page.evaluate(() => {
    const c = window.__solieuCharts.map;
    const series = c.getOption().series[0];
    const model = c.getModel().getSeriesByIndex(0);
    return {
      data: series.data.length,
      withValue: series.data.filter((d) => d.value !== null && d.value !== undefined).length,
      regions: model.coordinateSystem.regions.length,
      paths: c.getDom().querySelectorAll('path').length,
    };
  });
  assert.equal(map.regions, 45, 'the map draws 45 commune regions');
  assert.equal(map.data, 45);
  assert.equal(map.withValue, 45, 'every commune has a value (codes of the boundaries match the org units)');
  assert.ok(map.paths >= 45, `SVG paths drawn (${map.paths})`);
  await page.waitForFunction(() => !!window.__solieuCharts.trend);
  const trend = await page.evaluate(() => {
    const series = window.__solieuCharts.trend.getOption().series[0];
    return { marks: series.markLine.data.length, values: series.data.filter((v) => v !== null).length };
  });
  assert.equal(trend.marks, 1, 'the reform is marked on the trend chart');
  assert.ok(trend.values >= 5, `the trend has values (${trend.values})`);
  await page.locator('#alerts li').first().waitFor();
  await screenshot(page, 'dashboard-thongke');
  fs.mkdirSync(screenshots, { recursive: true });
  fs.writeFileSync(
    path.join(screenshots, 'metrics.json'),
    JSON.stringify({ dashboardIndicatorsRenderedMs: Math.round(indicatorsMs), measuredAt: new Date().toISOString() }, null, 2),
  );
  console.log(`# dashboard: key indicators rendered ${Math.round(indicatorsMs)} ms after navigation start`);
});

test('the yearly report downloads as valid .docx and .xlsx', async () => {
  await page.goto(`${server.url}/#/reports?report=indicators-year&period=2025`);
  await page.locator('#report-preview').waitFor();
  await page
    .waitForFunction(() => (document.querySelector('#report-preview')?.srcdoc ?? '').length > 1000, null, { timeout: 30000 })
    .catch(async (e) => {
      throw new Error(`no preview; status: ${await page.locator('#report-status').innerText()} (${e.message})`);
    });
  await screenshot(page, 'report-preview');
  for (const [format, part] of [
    ['docx', 'word/document.xml'],
    ['xlsx', 'xl/workbook.xml'],
  ]) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`#download-${format}`).click()]);
    assert.equal(download.suggestedFilename(), `indicators-year-2025.${format}`);
    const file = await download.path();
    const entries = zipEntries(fs.readFileSync(file));
    assert.ok(entries.includes(part), `${format} has ${part}: ${entries.join(', ')}`);
    assert.ok(entries.includes('[Content_Types].xml'));
  }
});

test('an open alert is verified from its page', async () => {
  await page.goto(`${server.url}/#/surveillance?status=open`);
  const link = page.locator('#alert-list a').first();
  await link.waitFor();
  const href = await link.getAttribute('href');
  const id = href.split('alert=')[1];
  await link.click();
  await page.locator('#alert-status', { hasText: 'Đang mở' }).waitFor();
  await page.waitForFunction(() => !!window.__solieuCharts?.alert?.getOption().series[0].data.length);
  await page.getByLabel('Ghi chú').fill('Đã gọi trạm y tế xác minh');
  await page.getByRole('button', { name: 'Đã xác minh – theo dõi' }).click();
  await page.locator('#alert-status', { hasText: 'Đang theo dõi' }).waitFor();
  await screenshot(page, 'alert-verified');
  const stored = await apiFromPage(page, 'GET', `/api/surveillance/alerts/${id}`);
  assert.equal(stored.json.status, 'monitoring');
  assert.equal(stored.json.verifiedBy, 'thongke');
  assert.equal(stored.json.note, 'Đã gọi trạm y tế xác minh');
});
