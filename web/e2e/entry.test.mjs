// The commune clerk's data entry on a phone-sized screen: a month of the mother-and-child form
// for TYT Mường Phăng typed by keyboard only (Vietnamese number notation), a Vietnamese message
// for a bad value, each value saved and stored, shown in the pivot; another commune's form is
// neither offered nor accepted by the API; offline entries queue with a visible count and sync;
// the form downloads as an Excel entry sheet; a month of the immunisation form moves the
// station's full-immunisation card on the dashboard by exactly what was entered.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fs from 'node:fs';
import path from 'node:path';
import { apiFromPage, launchBrowser, screenshot, screenshots, signIn, startServer, zipEntries } from './server.mjs';

const DATA_SET = 'DS_MCH_M';
const MONTH = '202611';
const OFFLINE_MONTH = '202610';
const OWN = 'TYT03325';
const OTHER = 'TYT03127';

let server;
let browser;
let context;
let page;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN', acceptDownloads: true });
  page = await context.newPage();
  await signIn(page, server.url, 'tyt.muongphang');
  // /api/dataValueSets takes uids for the data set and the clerk's unit.
  const sets = await apiFromPage(page, 'GET', '/api/metadata/dataSets');
  const units = await apiFromPage(page, 'GET', '/api/metadata/orgUnits');
  dsId = sets.json.dataSets.find((d) => d.code === DATA_SET).id;
  ownId = units.json.orgUnits.find((o) => o.code === OWN).id;
});

let dsId;
let ownId;
const valuesOf = (period) =>
  apiFromPage(page, 'GET', `/api/dataValueSets?dataSet=${dsId}&period=${period}&orgUnit=${ownId}`);
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function openForm(period) {
  await page.goto(`${server.url}/#/entry?ds=${DATA_SET}&ou=${OWN}&pe=${period}`);
  await page.locator('#completeness').waitFor();
}

test('the org unit picker offers only the clerk\'s own station', async () => {
  await openForm(MONTH);
  const options = await page.locator('select[name=orgUnit] option').allInnerTexts();
  assert.deepEqual(options, ['Trạm Y tế xã Mường Phăng (TYT03325)']);
  const periods = await page.locator('select[name=period] option').allInnerTexts();
  assert.ok(periods.includes(MONTH));
  // The station opened on 1 July 2025: no earlier month is offered.
  assert.ok(!periods.includes('202506') && periods.includes('202507'));
});

test('a bad value gets a Vietnamese message next to the field and is not saved', async () => {
  await openForm(MONTH);
  const first = page.locator('table.entry-form input').first();
  await first.fill('abc');
  const message = page.locator(`#${await first.getAttribute('id')}-msg`);
  assert.match(await message.innerText(), /không phải là số/);
  await first.fill('2,5');
  assert.match(await message.innerText(), /số nguyên không âm/);
  assert.equal(await first.getAttribute('aria-invalid'), 'true');
  await screenshot(page, 'entry-invalid');
  await first.fill('');
  await first.blur();
  const stored = await valuesOf(MONTH);
  assert.equal(stored.status, 200);
  assert.equal((stored.json.dataValues ?? []).length, 0);
});

test('a month entered by keyboard only is saved, stored and shown in the pivot', async () => {
  await openForm(MONTH);
  const inputs = page.locator('table.entry-form input');
  const n = await inputs.count();
  assert.ok(n >= 20, `the form has an input per category option combo (${n})`);
  await inputs.first().focus();
  // Tab / type / Tab through the whole form; the first value in Vietnamese notation.
  for (let i = 0; i < n; i++) {
    await page.keyboard.type(i === 0 ? '1.250' : String((i % 3) + 1));
    if (i < n - 1) await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Tab');
  await page.waitForFunction(
    () => [...document.querySelectorAll('table.entry-form input')].every((el) => el.dataset.state === 'saved'),
    null,
    { timeout: 30000 },
  );
  assert.match(await page.locator('#completeness').innerText(), new RegExp(`${n}/${n}`));
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `the form fits a 360 px screen (scrollWidth ${width})`);
  await screenshot(page, 'entry-saved');

  const firstCode = await inputs.first().getAttribute('data-de');
  const firstCo = await inputs.first().getAttribute('data-co');
  const stored = await valuesOf(MONTH);
  assert.equal(stored.json.dataValues.length, n, 'every field is stored');
  const values = stored.json.dataValues.map((v) => v.value).sort();
  assert.ok(values.includes('1250'), 'typed 1.250 is stored as 1250');

  await page.getByRole('button', { name: 'Hoàn thành biểu mẫu' }).click();
  await page.locator('#complete-status', { hasText: 'hoàn thành' }).waitFor();

  // The first element's total over its option combos in the pivot, in Vietnamese notation.
  const cocCount = await page.locator(`table.entry-form input[data-de="${firstCode}"]`).count();
  const expected = 1250 + Array.from({ length: cocCount - 1 }, (_, k) => ((k + 1) % 3) + 1).reduce((a, b) => a + b, 0);
  await page.goto(`${server.url}/#/analysis?dx=${firstCode}&pe=${MONTH}&ou=USER_ORGUNIT`);
  const row = page.locator(`#pivot tr[data-dx="${firstCode}"]`);
  await row.waitFor();
  const cells = await row.locator('td').allInnerTexts();
  assert.equal(cells[1], new Intl.NumberFormat('vi-VN').format(expected), `pivot shows ${expected} (${firstCo} + others)`);
  await screenshot(page, 'pivot-after-entry');
});

// I_FULL_IMMUNIZATION = U1_FULLY_IMMUNIZED (monthly, DS_EPI_M) / CHILDREN_U1 (yearly) × 100:
// the numerator is what a station types each month. December 2025 already holds a (synthetic)
// figure, so the card has a value before the clerk's entry and the change can be checked exactly.
const EPI = 'DS_EPI_M';
const EPI_MONTH = '202512';
const EPI_YEAR = EPI_MONTH.slice(0, 4);
const KPI = 'I_FULL_IMMUNIZATION';
const vi = (value, digits) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: digits }).format(value);

/** The year's numerator and denominator of the card at the clerk's station, from /api/analytics. */
async function immunisationFigures() {
  const r = await apiFromPage(
    page,
    'GET',
    `/api/analytics?dimension=dx:U1_FULLY_IMMUNIZED;CHILDREN_U1&dimension=pe:${EPI_YEAR}&dimension=ou:${OWN}`,
  );
  assert.equal(r.status, 200);
  const col = (name) => r.json.headers.findIndex((h) => h.name === name);
  const byCode = {};
  for (const row of r.json.rows) byCode[r.json.metaData.items[row[col('dx')]].code] = Number(row[col('value')]);
  return { fully: byCode.U1_FULLY_IMMUNIZED ?? 0, cohort: byCode.CHILDREN_U1 };
}

async function dashboardKpi() {
  const r = await apiFromPage(page, 'GET', `/api/dashboard/indicators?year=${EPI_YEAR}`);
  assert.equal(r.status, 200);
  assert.equal(r.json.orgUnit.code, OWN, "the clerk's dashboard is her own station's");
  return r.json.indicators.find((k) => k.code === KPI);
}

/** The number shown on the card (its first text node: the unit is a separate span). */
async function cardNumber() {
  // The dashboard's <main> is made anew on each navigation, so this marker is the new page's.
  await page.locator('main[data-ready="indicators"]').waitFor({ timeout: 30000 });
  return page.locator(`article.kpi[data-code="${KPI}"] p.value`).evaluate((p) => p.firstChild.textContent.trim());
}

test('a month of the immunisation form moves the dashboard card by exactly what was entered', async () => {
  const before = await immunisationFigures();
  assert.ok(before.cohort > 0, `the station has an under-1 cohort for ${EPI_YEAR}`);
  const kpiBefore = await dashboardKpi();
  assert.ok(Math.abs(kpiBefore.value - (before.fully / before.cohort) * 100) < 1e-9, 'the card is numerator / cohort × 100');
  await page.goto(`${server.url}/#/dashboard?year=${EPI_YEAR}`);
  const shownBefore = await cardNumber();
  assert.equal(shownBefore, vi(kpiBefore.value, kpiBefore.decimals));

  // The clerk opens December's immunisation form, corrects the fully-immunised count and fills
  // the empty fields, each saved as she leaves it.
  await page.goto(`${server.url}/#/entry?ds=${EPI}&ou=${OWN}&pe=${EPI_MONTH}`);
  await page.locator('#completeness').waitFor();
  const inputs = page.locator('table.entry-form input');
  const fullyInput = page.locator('table.entry-form input[data-de="U1_FULLY_IMMUNIZED"]');
  assert.equal(await fullyInput.count(), 1);
  const epiId = (await apiFromPage(page, 'GET', '/api/metadata/dataSets')).json.dataSets.find((d) => d.code === EPI).id;
  const storedBefore = await apiFromPage(page, 'GET', `/api/dataValueSets?dataSet=${epiId}&period=${EPI_MONTH}&orgUnit=${ownId}`);
  const old = (storedBefore.json.dataValues ?? []).map((v) => Number(v.value));
  assert.ok(old.length <= 1, 'at most the one synthetic December figure is stored');
  const oldFully = old[0] ?? 0;
  assert.equal(await fullyInput.inputValue(), old.length ? vi(oldFully, 10) : '');
  const typed = oldFully + 7;
  const n = await inputs.count();
  const typedInto = [];
  for (let i = 0; i < n; i++) {
    const input = inputs.nth(i);
    if ((await input.getAttribute('data-de')) === 'U1_FULLY_IMMUNIZED') await input.fill(String(typed));
    else if ((await input.inputValue()) === '') await input.fill(String(i + 2));
    else continue;
    await input.press('Tab');
    typedInto.push(await input.getAttribute('id'));
  }
  await page.waitForFunction(
    (ids) => ids.every((id) => document.getElementById(id)?.dataset.state === 'saved'),
    typedInto,
    { timeout: 30000 },
  );

  const after = await immunisationFigures();
  assert.equal(after.cohort, before.cohort, 'the cohort is untouched');
  assert.equal(after.fully, before.fully - oldFully + typed, 'the year counts the new December figure instead of the old');
  const expected = (after.fully / after.cohort) * 100;
  const kpiAfter = await dashboardKpi();
  assert.ok(Math.abs(kpiAfter.value - expected) < 1e-9, `dashboard value ${kpiAfter.value}, expected ${expected}`);

  await page.goto(`${server.url}/#/dashboard?year=${EPI_YEAR}`);
  const shownAfter = await cardNumber();
  assert.equal(shownAfter, vi(expected, kpiAfter.decimals));
  assert.notEqual(shownAfter, shownBefore, 'the card shows the change');
  await screenshot(page, 'dashboard-after-entry');
  await page.locator(`article.kpi[data-code="${KPI}"]`).screenshot({ path: path.join(screenshots, 'dashboard-card-after-entry.png') });
});

test('another commune\'s form is not offered and the API refuses it', async () => {
  await page.goto(`${server.url}/#/entry?ds=${DATA_SET}&ou=${OTHER}&pe=${MONTH}`);
  await page.locator('#ou-refused').waitFor();
  assert.match(await page.locator('#ou-refused').innerText(), /không thuộc phạm vi/);
  await screenshot(page, 'entry-other-commune');
  const write = await apiFromPage(page, 'PUT', '/api/dataValues', { de: 'MATERNAL_DEATHS', pe: MONTH, ou: OTHER, value: '5' });
  assert.equal(write.status, 403);
  assert.ok(write.json.error.message_vi.length > 0);
  const read = await apiFromPage(page, 'GET', `/api/dataValueSets?dataSet=${dsId}&period=${MONTH}&orgUnit=${OTHER}`);
  assert.equal(read.status, 403);
});

test('offline entry queues with a visible count and syncs when the connection returns', async () => {
  await openForm(OFFLINE_MONTH);
  await context.setOffline(true);
  const inputs = page.locator('table.entry-form input');
  await inputs.nth(0).fill('7');
  await inputs.nth(0).press('Tab');
  await inputs.nth(1).fill('1.001');
  await inputs.nth(1).press('Tab');
  await inputs.nth(2).fill('3');
  await inputs.nth(2).press('Tab');
  const unsent = page.locator('#unsent');
  await unsent.filter({ hasText: '3 giá trị chưa gửi' }).waitFor();
  assert.equal(await inputs.nth(1).getAttribute('data-state'), 'queued');
  await screenshot(page, 'entry-offline-queued');
  await context.setOffline(false);
  await unsent.waitFor({ state: 'hidden', timeout: 30000 });
  await page.waitForFunction(() => document.querySelectorAll('table.entry-form input[data-state="saved"]').length === 3);
  const stored = await valuesOf(OFFLINE_MONTH);
  assert.deepEqual(stored.json.dataValues.map((v) => v.value).sort(), ['1001', '3', '7']);
  assert.equal(await page.evaluate(() => JSON.parse(localStorage.getItem('solieu.unsent') ?? '[]').length), 0);
  await screenshot(page, 'entry-offline-synced');
});

test('the form downloads as an Excel entry sheet for the same station and month', async () => {
  await openForm(MONTH);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#entry-sheet').click()]);
  // The server names the file (Content-Disposition); it names the form, the station and the month.
  assert.match(download.suggestedFilename(), new RegExp(`${DATA_SET}-${OWN}-${MONTH}\\.xlsx$`));
  const entries = zipEntries(fs.readFileSync(await download.path()));
  assert.ok(entries.includes('xl/workbook.xml'), `an .xlsx: ${entries.join(', ')}`);
});
