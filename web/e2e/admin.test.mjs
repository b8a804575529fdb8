// Administration (Quản trị): the administrator creates a clerk bound to another commune's
// station, and that clerk signs in and is offered only that station; an administrator corrects an
// indicator's name; non-administrators get no administration menu and the API refuses them.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiFromPage, launchBrowser, screenshot, signIn, startServer, USERS } from './server.mjs';

const OTHER = 'TYT03127';
const NEW_USER = 'tyt.test';
const NEW_PASSWORD = 'mat-khau-moi-2025';

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

test('the administrator creates a clerk for another station; the clerk sees only that unit', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, server.url, 'admin');
  await page.locator('nav a', { hasText: 'Quản trị' }).click();
  await page.locator('#user-list tr[data-user="thongke"]').waitFor();
  const form = page.locator('#user-form');
  // A short password is refused by the server, with its reason in Vietnamese, and nothing is made.
  await form.getByLabel('Tên đăng nhập').fill(NEW_USER);
  await form.getByLabel('Vai trò').selectOption('facility-data-clerk');
  await form.getByLabel('Tìm đơn vị').fill(OTHER);
  const option = form.locator('select[name=orgUnits] option', { hasText: `(${OTHER})` });
  const value = await option.getAttribute('value');
  await form.getByLabel('Đơn vị được giao').selectOption([value]);
  await form.getByLabel('Mật khẩu').fill('ngan');
  await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
  const message = page.locator('#user-message.error');
  await message.waitFor();
  assert.match(await message.innerText(), /ít nhất 10 ký tự/);
  assert.equal(await page.locator(`#user-list tr[data-user="${NEW_USER}"]`).count(), 0);

  await form.getByLabel('Mật khẩu').fill(NEW_PASSWORD);
  await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
  const row = page.locator(`#user-list tr[data-user="${NEW_USER}"]`);
  await row.waitFor();
  assert.match(await row.locator('.role').innerText(), /Cán bộ nhập số liệu/);
  assert.match(await row.locator('.units').innerText(), new RegExp(OTHER));
  await screenshot(page, 'admin-user-created');
  await context.close();

  const clerk = await browser.newContext();
  const clerkPage = await clerk.newPage();
  USERS[NEW_USER] = NEW_PASSWORD;
  await signIn(clerkPage, server.url, NEW_USER);
  assert.match(await clerkPage.locator('#who').innerText(), new RegExp(`Cán bộ nhập số liệu`));
  await clerkPage.locator('select[name=orgUnit]').waitFor();
  const units = await clerkPage.locator('select[name=orgUnit] option').allInnerTexts();
  assert.equal(units.length, 1, `one unit offered: ${units}`);
  assert.match(units[0], new RegExp(`\\(${OTHER}\\)`));
  // The clerk's own station is not the demo clerk's: that one is refused by the API.
  const me = await apiFromPage(clerkPage, 'GET', '/api/me');
  assert.deepEqual(me.json.orgUnits.map((o) => o.code), [OTHER]);
  const foreign = await apiFromPage(clerkPage, 'GET', '/api/dataValues?de=ARI_VISITS&pe=202508&ou=TYT03325');
  assert.equal(foreign.status, 403);
  assert.equal(await clerkPage.locator('nav a', { hasText: 'Quản trị' }).count(), 0);
  await screenshot(clerkPage, 'admin-new-clerk-entry');
  await clerk.close();
});

test('the administrator disables an account, which then cannot sign in', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, server.url, 'admin');
  await page.goto(`${server.url}/#/admin`);
  await page.getByRole('button', { name: 'Sửa tài khoản xem' }).click();
  const form = page.locator('#user-form');
  await form.getByLabel('Khóa tài khoản').check();
  await form.getByRole('button', { name: 'Lưu' }).click();
  await page.locator('#user-list tr[data-user="xem"]', { hasText: 'Đã khóa' }).waitFor();
  const login = await page.evaluate(async (password) => {
    const r = await fetch('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'xem', password }) });
    return r.status;
  }, USERS.xem);
  assert.ok(login === 401 || login === 403, `disabled login refused (${login})`);
  await context.close();
});

test('the administrator corrects an indicator name, and the new name shows on other pages', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, server.url, 'admin');
  await page.goto(`${server.url}/#/admin`);
  const form = page.locator('#meta-form');
  await form.getByLabel('Loại').selectOption('indicators');
  const option = form.locator('select[name=metaObject] option', { hasText: /^I_MMR — / });
  await form.getByLabel('Mục').selectOption([await option.getAttribute('value')]);
  await form.getByLabel('Tên tiếng Việt').fill('Tỷ số tử vong mẹ (trên 100.000 trẻ đẻ sống)');
  await form.getByRole('button', { name: 'Lưu' }).click();
  await page.locator('#meta-message', { hasText: 'Đã lưu I_MMR' }).waitFor();
  const stored = await apiFromPage(page, 'GET', '/api/metadata/indicators');
  assert.equal(stored.json.indicators.find((i) => i.code === 'I_MMR').name, 'Tỷ số tử vong mẹ (trên 100.000 trẻ đẻ sống)');
  await page.goto(`${server.url}/#/plans?period=2025`);
  await page.locator('#plans tr[data-code="I_MMR"] th', { hasText: 'Tỷ số tử vong mẹ (trên 100.000' }).waitFor();
  await screenshot(page, 'admin-metadata');
  await context.close();
});

test('non-administrators get no administration menu, page or API', async () => {
  for (const user of ['thongke', 'tyt.muongphang']) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, server.url, user);
    assert.equal(await page.locator('nav a', { hasText: 'Quản trị' }).count(), 0, `no admin menu for ${user}`);
    await page.goto(`${server.url}/#/admin`);
    await page.locator('main [role=alert]', { hasText: 'không được dùng trang này' }).waitFor();
    const list = await apiFromPage(page, 'GET', '/api/users');
    assert.equal(list.status, 403, `GET /api/users as ${user}`);
    const put = await apiFromPage(page, 'PUT', `/api/users/${user}`, { role: 'administrator' });
    assert.equal(put.status, 403, `PUT /api/users as ${user}`);
    const meta = await apiFromPage(page, 'PUT', '/api/metadata/indicators/I_MMR', { name: 'x' });
    assert.equal(meta.status, 403, `PUT metadata as ${user}`);
    await context.close();
  }
});
