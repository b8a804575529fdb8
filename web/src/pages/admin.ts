// Administration (Quản trị), administrators only: the accounts with their role, org units and
// state, one form to create or change an account (PUT /api/users/{username}), and corrections of
// the names of data elements, data sets and indicators (PUT /api/metadata/...). The server checks
// everything again; the page only spares a round trip for the obvious mistakes.
import { api, ApiError, NetworkError } from '../api';
import { clear, field, h, select } from '../dom';
import { nameOf, t, type Key } from '../i18n';
import { loadMetadata, reloadMetadata, type Metadata, type OrgUnit } from '../session';

interface UserRow {
  username: string;
  role: string;
  orgUnits: { id: string; code: string; name: string }[];
  groups: string[];
  disabled: boolean;
}

const ROLES = ['administrator', 'province-data-manager', 'facility-data-clerk', 'viewer'];
const LEVEL_ORDER = ['province', 'district', 'commune', 'facility'];

function errorText(e: unknown): string {
  if (e instanceof ApiError) return e.localized();
  if (e instanceof NetworkError) return t('error.network');
  return String(e);
}

export async function render(root: HTMLElement): Promise<void> {
  const md = await loadMetadata();
  const usersBox = h('section', { class: 'panel', id: 'users' });
  const formBox = h('section', { class: 'panel', id: 'user-form-box' });
  const metaBox = h('section', { class: 'panel', id: 'metadata-edit' });
  root.append(h('h1', {}, t('nav.admin')), usersBox, formBox, metaBox);

  const refresh = async (focusUser?: string) => {
    clear(usersBox);
    usersBox.append(h('h2', {}, t('admin.users')));
    try {
      const r = await api<{ users: UserRow[] }>('/api/users');
      usersBox.append(usersTable(r.users, (u) => showForm(u)));
      if (focusUser) usersBox.querySelector<HTMLElement>(`tr[data-user="${CSS.escape(focusUser)}"]`)?.classList.add('flash');
    } catch (e) {
      usersBox.append(h('p', { class: 'error', role: 'alert' }, errorText(e)));
    }
  };
  const showForm = (u: UserRow | null) => {
    clear(formBox);
    formBox.append(userForm(u, md, (name) => void refresh(name)));
    formBox.querySelector<HTMLElement>('input, select')?.focus();
  };
  await refresh();
  showForm(null);
  metaBox.append(metadataEditor(md));
}

function roleLabel(role: string): string {
  const key = `role.${role}` as Key;
  const s = t(key);
  return s === key ? role : s;
}

function usersTable(users: UserRow[], edit: (u: UserRow) => void): HTMLElement {
  return h(
    'div',
    { class: 'scroll' },
    h(
      'table',
      { id: 'user-list' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          [t('auth.username'), t('admin.role'), t('admin.orgUnits'), t('admin.groups'), t('admin.state'), ''].map((x) =>
            h('th', { scope: 'col' }, x),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        users.map((u) =>
          h(
            'tr',
            { 'data-user': u.username, class: u.disabled ? 'disabled' : null },
            h('th', { scope: 'row' }, u.username),
            h('td', { class: 'role' }, roleLabel(u.role)),
            h('td', { class: 'units' }, u.orgUnits.map((o) => `${o.name} (${o.code})`).join(', ')),
            h('td', {}, u.groups.join(', ')),
            h('td', {}, u.disabled ? t('admin.disabled') : t('admin.active')),
            h(
              'td',
              {},
              h(
                'button',
                { type: 'button', class: 'link', 'aria-label': t('admin.editUser', { user: u.username }), onclick: () => edit(u) },
                t('admin.edit'),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

function unitOptions(units: OrgUnit[]): { value: string; label: string; group: string }[] {
  const open = units.filter((o) => !o.closedDate);
  return open
    .sort((a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) || a.name.localeCompare(b.name, 'vi'))
    .map((o) => ({ value: o.id, label: `${nameOf(o)} (${o.code})`, group: t(`admin.level.${o.level}` as Key) }));
}

function userForm(u: UserRow | null, md: Metadata, saved: (username: string) => void): HTMLElement {
  const username = h('input', {
    name: 'username',
    value: u?.username ?? '',
    readonly: !!u,
    autocomplete: 'off',
    pattern: '[a-z0-9._\\-]{1,64}',
    required: true,
  });
  const role = select(
    ROLES.map((r) => ({ value: r, label: roleLabel(r) })),
    u?.role ?? 'facility-data-clerk',
    { name: 'role' },
  );
  const units = select(unitOptions(md.orgUnits), undefined, { name: 'orgUnits', multiple: true, size: 8 });
  const chosen = new Set(u?.orgUnits.map((o) => o.id) ?? []);
  for (const o of units.options) o.selected = chosen.has(o.value);
  const unitFilter = h('input', { type: 'search', name: 'unitFilter', placeholder: t('admin.unitFilterHint') });
  unitFilter.addEventListener('input', () => {
    const q = unitFilter.value.trim().toLowerCase();
    for (const o of units.options) o.hidden = q !== '' && !o.text.toLowerCase().includes(q) && !o.selected;
  });
  const password = h('input', {
    type: 'password',
    name: 'password',
    autocomplete: 'new-password',
    minlength: 10,
    required: !u,
    'aria-describedby': 'password-hint',
  });
  const groups = h('input', { name: 'groups', value: u?.groups.join(', ') ?? '', 'aria-describedby': 'groups-hint' });
  const disabled = h('input', { type: 'checkbox', name: 'disabled', id: 'user-disabled', checked: !!u?.disabled });
  const message = h('p', { id: 'user-message', 'aria-live': 'polite' });
  const form = h(
    'form',
    { id: 'user-form', novalidate: true },
    h('h2', {}, u ? t('admin.editTitle', { user: u.username }) : t('admin.createTitle')),
    h(
      'div',
      { class: 'pickers' },
      field(t('auth.username'), username),
      field(t('admin.role'), role),
      field(t('admin.password'), password, h('small', { id: 'password-hint', class: 'muted' }, u ? t('admin.passwordKeep') : t('admin.passwordNew'))),
      field(t('admin.groups'), groups, h('small', { id: 'groups-hint', class: 'muted' }, t('admin.groupsHint'))),
    ),
    field(t('admin.unitFilter'), unitFilter),
    field(t('admin.orgUnits'), units),
    h('div', { class: 'checkbox' }, disabled, h('label', { for: 'user-disabled' }, t('admin.disableAccount'))),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit' }, u ? t('admin.save') : t('admin.create')),
      u ? h('button', { type: 'button', class: 'link', onclick: () => form.replaceWith(userForm(null, md, saved)) }, t('admin.newUser')) : null,
    ),
    message,
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    message.className = '';
    const name = username.value.trim();
    const ous = [...units.selectedOptions].map((o) => o.value);
    const fail = (text: string) => {
      message.className = 'error';
      message.setAttribute('role', 'alert');
      message.textContent = text;
    };
    if (!/^[a-z0-9._-]{1,64}$/.test(name)) return fail(t('admin.badUsername'));
    if (ous.length === 0) return fail(t('admin.needUnit'));
    if (!u && password.value === '') return fail(t('admin.needPassword'));
    const body: Record<string, unknown> = {
      role: role.value,
      orgUnits: ous,
      disabled: disabled.checked,
      groups: groups.value
        .split(',')
        .map((g) => g.trim())
        .filter(Boolean),
    };
    if (password.value !== '') body.password = password.value;
    try {
      await api(`/api/users/${encodeURIComponent(name)}`, { method: 'PUT', body });
      password.value = '';
      message.removeAttribute('role');
      message.className = 'ok';
      message.textContent = u ? t('admin.savedUser', { user: name }) : t('admin.createdUser', { user: name });
      saved(name);
    } catch (e) {
      fail(errorText(e));
    }
  });
  return form;
}

type MetaKind = 'dataElements' | 'dataSets' | 'indicators';

function metadataEditor(md: Metadata): HTMLElement {
  const lists: Record<MetaKind, { id: string; code: string; name: string; nameEn: string }[]> = {
    dataElements: [...md.dataElements.values()],
    dataSets: md.dataSets,
    indicators: md.indicators,
  };
  const kind = select(
    [
      { value: 'indicators', label: t('admin.kind.indicators') },
      { value: 'dataElements', label: t('admin.kind.dataElements') },
      { value: 'dataSets', label: t('admin.kind.dataSets') },
    ],
    'indicators',
    { name: 'metaKind' },
  );
  const object = h('select', { name: 'metaObject' });
  const name = h('input', { name: 'metaName', required: true });
  const nameEn = h('input', { name: 'metaNameEn' });
  const message = h('p', { id: 'meta-message', 'aria-live': 'polite' });
  const current = () => lists[kind.value as MetaKind].find((o) => o.id === object.value);
  const fillObjects = () => {
    clear(object);
    for (const o of [...lists[kind.value as MetaKind]].sort((a, b) => a.code.localeCompare(b.code)))
      object.append(h('option', { value: o.id }, `${o.code} — ${nameOf(o)}`));
    fillNames();
  };
  const fillNames = () => {
    const o = current();
    name.value = o?.name ?? '';
    nameEn.value = o?.nameEn ?? '';
    message.textContent = '';
  };
  kind.addEventListener('change', fillObjects);
  object.addEventListener('change', fillNames);
  fillObjects();
  const form = h(
    'form',
    { id: 'meta-form' },
    h('h2', {}, t('admin.metadata')),
    h('p', { class: 'muted' }, t('admin.metadataIntro')),
    h('div', { class: 'pickers' }, field(t('admin.kind'), kind), field(t('admin.object'), object)),
    h('div', { class: 'pickers' }, field(t('admin.nameVi'), name), field(t('admin.nameEn'), nameEn)),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('admin.save'))),
    message,
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const o = current();
    if (!o) return;
    message.className = '';
    try {
      const r = await api<{ status: string }>(`/api/metadata/${kind.value}/${encodeURIComponent(o.id)}`, {
        method: 'PUT',
        body: { name: name.value.trim(), nameEn: nameEn.value.trim() },
      });
      o.name = name.value.trim();
      o.nameEn = nameEn.value.trim();
      // Other pages read the names from the cached metadata: fetch it afresh next time.
      reloadMetadata();
      message.removeAttribute('role');
      message.className = 'ok';
      message.textContent = r.status === 'unchanged' ? t('admin.unchanged') : t('admin.savedObject', { code: o.code });
      const opt = object.selectedOptions[0];
      if (opt) opt.textContent = `${o.code} — ${nameOf(o)}`;
    } catch (e) {
      message.className = 'error';
      message.setAttribute('role', 'alert');
      message.textContent = errorText(e);
    }
  });
  return form;
}
