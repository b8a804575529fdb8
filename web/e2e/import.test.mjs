// Import (Nhập tệp): the commune clerk uploads a DHIS2 JSON file with one good and one bad row.
// The dry run lists the conflict with its row, field and reason and shows the upload's progress;
// all or nothing (the default) stores nothing; with "keep the good rows" the commit stores the
// good row only.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiFromPage, launchBrowser, screenshot, signIn, startServer } from './server.mjs';

const OWN = 'TYT03325';
const PERIOD = '202612';
const FILE = {
  name: 'bao-cao-thang-12.json',
  mimeType: 'application/json',
  buffer: Buffer.from(
    JSON.stringify({
      dataValues: [
        { dataElement: 'ARI_VISITS', period: PERIOD, orgUnit: OWN, value: '42' },
        { dataElement: 'ARI_TREATED', period: PERIOD, orgUnit: OWN, value: 'abc' },
      ],
    }),
  ),
};

let server;
let browser;
let page;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1024, height: 800 } })).newPage();
  await signIn(page, server.url, 'tyt.muongphang');
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const stored = async (de) => {
  const r = await apiFromPage(page, 'GET', `/api/dataValues?de=${de}&pe=${PERIOD}&ou=${OWN}`);
  return r.status === 200 ? r.json.value : null;
};

async function dryRun() {
  await page.locator('#import-result').evaluate((el) => (el.innerHTML = ''));
  await page.locator('#dry-run').click();
  await page.locator('#import-result h2', { hasText: 'Kết quả chạy thử' }).waitFor();
}

test('the dry run shows the conflict with row, field and reason; all or nothing stores nothing', async () => {
  await page.locator('nav a', { hasText: 'Nhập tệp' }).click();
  await page.getByLabel('Tệp số liệu').setInputFiles(FILE);
  await page.getByLabel('Mã định danh trong tệp').selectOption('CODE');
  await dryRun();
  const conflict = page.locator('#conflicts tbody tr');
  assert.equal(await conflict.count(), 1);
  const cells = await conflict.locator('td').allInnerTexts();
  assert.equal(cells[0], '2', 'the second row of the file');
  assert.equal(cells[1], 'value');
  assert.match(cells[3], /'abc' không phải số nguyên/);
  // The upload went through XMLHttpRequest and reported its progress.
  assert.equal(await page.locator('#upload-progress').evaluate((el) => el.value), 100);
  assert.match(await page.locator('#upload-progress-text').innerText(), /Đã gửi/);
  // All or nothing: committing would store nothing, so the page offers the way out instead.
  assert.ok(await page.locator('#commit').isDisabled());
  await page.locator('#keep-good-hint').waitFor();
  await screenshot(page, 'import-dry-run-conflict');
  assert.equal(await stored('ARI_VISITS'), null);
  assert.equal(await stored('ARI_TREATED'), null);
});

test('with "keep the good rows" the commit stores the good row only', async () => {
  await page.getByLabel(/Giữ các dòng tốt/).check();
  assert.ok(await page.locator('#commit').isDisabled(), 'a changed option needs a new dry run');
  await dryRun();
  assert.match(await page.locator('#import-status').innerText(), /^WARNING/);
  assert.equal(await stored('ARI_VISITS'), null, 'the dry run stored nothing');
  await page.locator('#commit').click();
  await page.locator('#import-result h2', { hasText: 'Kết quả nhập' }).waitFor();
  assert.match(await page.locator('#import-result').innerText(), /Thêm mới 1, cập nhật 0, bỏ qua 1/);
  await screenshot(page, 'import-keep-good');
  assert.equal(await stored('ARI_VISITS'), '42');
  assert.equal(await stored('ARI_TREATED'), null);
});
