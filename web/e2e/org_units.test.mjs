// Org units in the administration page: the administrator merges two communes in the "Đơn vị"
// tab; the pivot on today's structure then shows the merged commune carrying both communes'
// values while "as it was" still shows both; a bad merge is refused with a Vietnamese message and
// changes nothing. And a data set's members (elements, reporting units) edited in the data-set
// editor, keeping the closed units the page cannot list.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiFromPage, launchBrowser, screenshot, signIn, startServer } from './server.mjs';

const INTO = '03160'; // Xã Mường Nhé
const FROM = '03162'; // Xã Nậm Kè
const MERGE_DATE = '2026-01-01';
const ELEMENT = 'ARI_VISITS';
const PERIOD = '202508';

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

/** The pivot's value cell of a commune row, as a number (Vietnamese display "1.234,5"). */
async function pivotValue(page, code) {
  const cell = page.locator(`#pivot tr[data-ou="${code}"] td.n`).first();
  if ((await page.locator(`#pivot tr[data-ou="${code}"]`).count()) === 0) return null;
  const text = (await cell.innerText()).trim();
  return text === '' ? null : Number(text.replace(/\./g, '').replace(',', '.'));
}

async function openPivot(page, structure) {
  await page.goto(`${server.url}/#/analysis?dx=${ELEMENT}&pe=${PERIOD}&ou=11;LEVEL-3&structure=${structure}&view=table`);
  await page.locator('#pivot-area[data-ready="1"] #pivot').waitFor();
}

test('the administrator merges two communes; today shows the sum, as it was shows both', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, server.url, 'admin');

  await openPivot(page, 'today');
  const into = await pivotValue(page, INTO);
  const from = await pivotValue(page, FROM);
  assert.ok(into > 0 && from > 0, `both communes have August values (${into}, ${from})`);
  await openPivot(page, 'as-it-was');
  const intoAsItWas = await pivotValue(page, INTO);
  const fromAsItWas = await pivotValue(page, FROM);

  await page.goto(`${server.url}/#/admin`);
  const tab = page.getByRole('tab', { name: 'Đơn vị' });
  await tab.focus();
  await page.keyboard.press('ArrowRight'); // keyboard moves between tabs (and wraps)
  await page.keyboard.press('ArrowRight');
  assert.equal(await tab.getAttribute('aria-selected'), 'true');
  await page.locator(`#org-unit-list tr[data-code="${FROM}"]`).waitFor();
  const form = page.locator('#org-merge-form');
  const optionValue = async (select, code) =>
    form.locator(`select[name=${select}] option`, { hasText: `(${code})` }).getAttribute('value');

  // Merging a commune into itself is refused in Vietnamese, and nothing changes.
  await form.getByLabel('Ngày sáp nhập').fill(MERGE_DATE);
  await form.getByLabel('Đơn vị nhận').selectOption(await optionValue('into', INTO));
  await form.getByLabel('Các đơn vị được sáp nhập').selectOption([await optionValue('from', INTO)]);
  await form.getByRole('button', { name: 'Sáp nhập' }).click();
  await page.locator('#org-merge-message.error', { hasText: 'không được nằm trong' }).waitFor();
  // The server's own refusal: a facility and a commune are not of one level.
  await form.getByLabel('Các đơn vị được sáp nhập').selectOption([await optionValue('from', `TYT${FROM}`)]);
  await form.getByRole('button', { name: 'Sáp nhập' }).click();
  await page.locator('#org-merge-message.error', { hasText: 'chỉ sáp nhập đơn vị cùng cấp' }).waitFor();

  await form.getByLabel('Các đơn vị được sáp nhập').selectOption([await optionValue('from', FROM)]);
  await form.getByRole('button', { name: 'Sáp nhập' }).click();
  await page.locator('#org-merge-message.ok', { hasText: `vào` }).waitFor();
  // Today's list: the merged commune is gone, its station belongs to the target, history says so.
  assert.equal(await page.locator(`#org-unit-list tr[data-code="${FROM}"]`).count(), 0);
  assert.match(await page.locator(`#org-unit-list tr[data-code="TYT${FROM}"] .parent`).innerText(), new RegExp(`\\(${INTO}\\)`));
  assert.match(await page.locator(`#org-unit-list tr[data-code="${INTO}"] .history`).innerText(), new RegExp(`Sáp nhập từ .*\\(${FROM}\\) \\(${MERGE_DATE}\\)`));
  await screenshot(page, 'org-units-merged');

  const events = await apiFromPage(page, 'GET', '/api/orgUnits/events');
  assert.equal(events.json.events[0].date, MERGE_DATE);
  assert.equal(events.json.events[0].old.code, FROM);

  await openPivot(page, 'today');
  assert.equal(await pivotValue(page, FROM), null, 'the merged commune has no row today');
  assert.equal(await pivotValue(page, INTO), into + from);
  await screenshot(page, 'org-units-pivot-today');
  await openPivot(page, 'as-it-was');
  assert.equal(await pivotValue(page, INTO), intoAsItWas);
  assert.equal(await pivotValue(page, FROM), fromAsItWas);
  await screenshot(page, 'org-units-pivot-as-it-was');
  await context.close();
});

test('the data-set editor changes members and keeps the closed units it cannot list', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  await signIn(page, server.url, 'admin');
  const before = (await apiFromPage(page, 'GET', '/api/metadata/dataSets')).json.dataSets.find((d) => d.code === 'DS_MCH_M');
  const elements = (await apiFromPage(page, 'GET', '/api/metadata/dataElements')).json.dataElements;
  const added = elements.find((e) => !before.dataElements.includes(e.id));
  assert.ok(added, 'an element outside the data set');

  await page.goto(`${server.url}/#/admin`);
  const form = page.locator('#meta-form');
  await form.getByLabel('Loại').selectOption('dataSets');
  const option = form.locator('select[name=metaObject] option', { hasText: /^DS_MCH_M — / });
  await form.getByLabel('Mục').selectOption([await option.getAttribute('value')]);
  const members = form.locator('select[name=dsElements]');
  await members.waitFor();
  const chosen = await members.evaluate((s) => [...s.selectedOptions].map((o) => o.value));
  assert.deepEqual([...chosen].sort(), [...before.dataElements].sort());
  // Take the first element out, put another in.
  await form.getByLabel('Chỉ tiêu trong biểu mẫu').selectOption([...chosen.slice(1), added.id]);
  await form.getByRole('button', { name: 'Lưu' }).click();
  await page.locator('#meta-message', { hasText: 'Đã lưu DS_MCH_M' }).waitFor();
  await screenshot(page, 'org-units-data-set-members-360');

  const after = (await apiFromPage(page, 'GET', '/api/metadata/dataSets')).json.dataSets.find((d) => d.code === 'DS_MCH_M');
  assert.deepEqual([...after.dataElements].sort(), [...chosen.slice(1), added.id].sort());
  // The reporting units are as they were, the closed pre-2025 stations included.
  assert.deepEqual([...after.orgUnits].sort(), [...before.orgUnits].sort());
  const log = await apiFromPage(page, 'GET', '/api/audit/events?action=put_data_set');
  assert.ok(log.json.events[0].detail.dataElements, 'the change is logged');
  // The "Đơn vị" tab fits a phone screen: its forms do not widen the page.
  await page.getByRole('tab', { name: 'Đơn vị' }).click();
  await page.locator('#org-merge-form').waitFor();
  const width = await page.evaluate(() => document.querySelector('#admin-org-units').scrollWidth);
  assert.ok(width <= 360, `the org-unit tab is ${width} px wide`);
  await screenshot(page, 'org-units-tab-360');
  await context.close();
});
