// The province statistician's checks and exports: the validation rules' violations and the
// outliers of the province over 2025, listed in Vietnamese; the pivot exported as .xlsx is a valid
// workbook holding the numbers the pivot shows, totals included.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import { apiFromPage, launchBrowser, screenshot, signIn, startServer, zipEntries, zipRead } from './server.mjs';

let server;
let browser;
let page;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  await signIn(page, server.url, 'thongke');
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('validation violations and outliers of the province over 2025, in Vietnamese', async () => {
  // The demo passes its own rules: break one (more deliveries at a facility than deliveries).
  const put = await apiFromPage(page, 'PUT', '/api/dataValues', {
    de: 'DELIVERIES_AT_FACILITY', pe: '202509', ou: 'TYT03325', co: 'DTTS', value: '9999',
  });
  assert.equal(put.status, 200, JSON.stringify(put.json));
  await page.locator('nav a', { hasText: 'Chất lượng số liệu' }).click();
  await page.getByLabel('Từ kỳ').fill('202501');
  await page.getByLabel('Đến kỳ').fill('202512');
  await page.locator('#run-validation').click();
  await page.locator('#violation-count').waitFor({ timeout: 60000 });
  assert.match(await page.locator('#violation-count').innerText(), /^[\d.]+ vi phạm \(\d+ quy tắc đã kiểm tra\)$/);
  const first = page.locator('#violation-list tbody tr').first();
  await first.waitFor();
  // 9.999 at facility (plus what the demo holds) against the station's deliveries of 202509.
  assert.match(await page.locator('#violation-list').innerText(),
    /Số đẻ tại cơ sở y tế ≤ số phụ nữ đẻ\tTrạm Y tế xã Mường Phăng \(TYT03325\)\t202509\t\d{1,2}\.\d{3} ≤ \d+/);
  // The rule's Vietnamese name and its two sides with the operator.
  assert.match(await first.locator('th').innerText(), /[àáảãạăâđêôơư]/i);
  assert.match(await first.locator('td').nth(2).innerText(), /^[\d.,]+ [=≠<>≤≥⇔⊕] [\d.,]+$/);

  await page.getByLabel('Biểu mẫu').selectOption({ label: await page.locator('select[name=dataSet] option[value=DS_MCH_M]').innerText() });
  await page.locator('#run-outliers').click();
  await page.locator('#outlier-count').waitFor({ timeout: 60000 });
  assert.ok((await page.locator('#outlier-list tbody tr').count()) > 0, 'the demo data has outliers');
  await screenshot(page, 'quality-province-2025');
  // Wrong input gets the server's reason, not a crash.
  await page.getByLabel('Đến kỳ').fill('2025-13');
  await page.locator('#run-validation').click();
  await page.locator('#violations [role=alert]').waitFor();
});

/** Cells of sheet1 as { A1: value } (numbers as numbers, inline strings as strings). */
function sheetCells(xml) {
  const cells = {};
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*?(?: t="inlineStr")?>(?:<v>([^<]*)<\/v>|<is><t[^>]*>([^<]*)<\/t><\/is>)<\/c>/g)) {
    cells[m[1]] = m[2] !== undefined ? Number(m[2]) : m[3].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  }
  return cells;
}

test('the pivot exports as a valid .xlsx holding the numbers shown', async () => {
  await page.goto(`${server.url}/#/analysis?dx=ARI_VISITS&pe=2024;2025&ou=11;LEVEL-3&structure=today&view=table`);
  await page.locator('#pivot-area[data-ready]').waitFor({ timeout: 60000 });
  const shown = await page.locator('#pivot tbody tr').evaluateAll((rows) =>
    rows.map((r) => [...r.children].map((c) => c.textContent)),
  );
  const header = await page.locator('#pivot thead th').allInnerTexts();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-xlsx').click()]);
  assert.equal(download.suggestedFilename(), 'solieu-analytics.xlsx');
  const buffer = fs.readFileSync(await download.path());
  const entries = zipEntries(buffer);
  for (const part of ['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']) {
    assert.ok(entries.includes(part), `${part} in ${entries}`);
  }
  const cells = sheetCells(zipRead(buffer, 'xl/worksheets/sheet1.xml').toString('utf8'));
  assert.deepEqual([cells.A1, cells.B1, cells.C1, cells.D1, cells.E1], header);
  assert.match(cells.C1, /2024/);
  const fmt = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
  // Every row the page shows is in the sheet, with the same numbers (45 communes and the total).
  assert.equal(shown.length, 46);
  shown.forEach((row, i) => {
    const r = i + 2;
    assert.equal(cells[`B${r}`], row[1], `row ${r} org unit`);
    for (const [col, text] of [['C', row[2]], ['D', row[3]], ['E', row[4]]]) {
      const v = cells[`${col}${r}`];
      assert.equal(v === undefined ? '' : fmt.format(v), text, `cell ${col}${r}`);
    }
  });
  assert.equal(cells[`B${shown.length + 1}`], 'Tổng');
  assert.ok(cells[`E${shown.length + 1}`] > 0, 'the grand total is a number');
  await screenshot(page, 'analysis-xlsx-export');
});
