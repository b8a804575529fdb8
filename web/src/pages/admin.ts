// Administration (Quản trị), administrators only, in two tabs. "Tài khoản và danh mục": the
// accounts with their role, org units and state, one form to create or change an account
// (PUT /api/users/{username}), and corrections of the names of data elements, data sets and
// indicators and of a data set's members, its elements and reporting units (PUT /api/metadata/...).
// "Đơn vị": org units and their merges (admin_org_units.ts). The server checks everything again;
// the page only spares a round trip for the obvious mistakes.
import { api, ApiError, NetworkError } from '../api';
import { clear, field, h, select } from '../dom';
import { nameOf, t, type Key } from '../i18n';
import { loadMetadata, reloadMetadata, type DataSet, type Metadata, type OrgUnit } from '../session';
import { renderOrgUnits } from './admin_org_units';

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

export async function render(root: HTMLElement, params?: URLSearchParams): Promise<void> {
  const md = await loadMetadata();
  const usersBox = h('section', { class: 'panel', id: 'users' });
  const formBox = h('section', { class: 'panel', id: 'user-form-box' });
  const metaBox = h('section', { class: 'panel', id: 'metadata-edit' });
  const accounts = h('div', { id: 'admin-accounts', role: 'tabpanel', 'aria-labelledby': 'tab-accounts' }, usersBox, formBox, metaBox);
  const units = h('div', { id: 'admin-org-units', role: 'tabpanel', 'aria-labelledby': 'tab-org-units', hidden: true });
  root.append(h('h1', {}, t('nav.admin')), tabs([accounts, units], params?.get('tab') === 'orgUnits' ? 1 : 0), accounts, units);

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

/** A tab list over `panels` (ARIA tabs: arrow keys move between tabs); the org-unit panel is
 * filled the first time it is shown. */
function tabs(panels: HTMLElement[], selected: number): HTMLElement {
  const names = [t('admin.tab.accounts'), t('admin.tab.orgUnits')];
  const ids = ['tab-accounts', 'tab-org-units'];
  let unitsLoaded = false;
  const buttons = panels.map((panel, i) =>
    h('button', { type: 'button', role: 'tab', id: ids[i], 'aria-controls': panel.id, class: 'tab' }, names[i]),
  );
  const show = (i: number, focus: boolean) => {
    buttons.forEach((b, k) => {
      b.setAttribute('aria-selected', String(k === i));
      b.tabIndex = k === i ? 0 : -1;
      // The selected tab is marked without a stylesheet rule of its own (style.css is shared).
      b.style.fontWeight = k === i ? '700' : '';
      b.style.borderBottom = k === i ? '3px solid currentColor' : '';
      panels[k].hidden = k !== i;
    });
    if (focus) buttons[i].focus();
    if (i === 1 && !unitsLoaded) {
      unitsLoaded = true;
      void renderOrgUnits(panels[1]);
    }
  };
  buttons.forEach((b, i) => {
    b.addEventListener('click', () => show(i, false));
    b.addEventListener('keydown', (ev) => {
      if (ev.key === 'ArrowRight' || ev.key === 'ArrowLeft') {
        ev.preventDefault();
        show((i + (ev.key === 'ArrowRight' ? 1 : buttons.length - 1)) % buttons.length, true);
      }
    });
  });
  show(selected, false);
  return h('div', { role: 'tablist', class: 'tabs', 'aria-label': t('admin.tabs') }, buttons);
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
  const members = dataSetMembers(md);
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
    members.show(kind.value === 'dataSets' ? md.dataSets.find((d) => d.id === object.value) : undefined);
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
    members.element,
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('admin.save'))),
    message,
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const o = current();
    if (!o) return;
    message.className = '';
    const body: Record<string, unknown> = { name: name.value.trim(), nameEn: nameEn.value.trim() };
    const ds = kind.value === 'dataSets' ? md.dataSets.find((d) => d.id === o.id) : undefined;
    if (ds) {
      const chosen = members.chosen();
      if (chosen.dataElements.length === 0) {
        message.className = 'error';
        message.setAttribute('role', 'alert');
        message.textContent = t('admin.dsNeedElement');
        return;
      }
      Object.assign(body, chosen);
    }
    try {
      const r = await api<{ status: string }>(`/api/metadata/${kind.value}/${encodeURIComponent(o.id)}`, {
        method: 'PUT',
        body,
      });
      o.name = name.value.trim();
      o.nameEn = nameEn.value.trim();
      if (ds) Object.assign(ds, members.chosen());
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

/** A data set's members: its data elements and the org units that report it, each a filtered
 * multi-select. Units the listing of today does not hold (closed ones: a form of 2024 was reported
 * by a commune merged since) cannot be shown, so they are kept as they are. */
function dataSetMembers(md: Metadata) {
  const elements = select(
    [...md.dataElements.values()].sort((a, b) => a.code.localeCompare(b.code)).map((d) => ({ value: d.id, label: `${d.code} — ${nameOf(d)}` })),
    undefined,
    { name: 'dsElements', multiple: true, size: 8, style: 'width: 100%' },
  );
  const units = select(unitOptions(md.orgUnits), undefined, { name: 'dsUnits', multiple: true, size: 8, style: 'width: 100%' });
  const listed = new Set([...units.options].map((o) => o.value));
  const filter = h('input', { type: 'search', name: 'dsFilter', placeholder: t('admin.unitFilterHint') });
  filter.addEventListener('input', () => {
    const q = filter.value.trim().toLowerCase();
    for (const s of [elements, units]) {
      for (const o of s.options) o.hidden = q !== '' && !o.text.toLowerCase().includes(q) && !o.selected;
    }
  });
  const kept = h('p', { class: 'muted', id: 'ds-kept' });
  let keptIds: string[] = [];
  const element = h(
    'fieldset',
    { id: 'ds-members', hidden: true, style: 'min-width: 0' },
    h('legend', {}, t('admin.kind.dataSets')),
    field(t('admin.dsFilter'), filter),
    h('div', { class: 'pickers' }, field(t('admin.dsElements'), elements), field(t('admin.dsUnits'), units)),
    kept,
  );
  return {
    element,
    show(ds: DataSet | undefined) {
      element.hidden = !ds;
      if (!ds) return;
      const de = new Set(ds.dataElements);
      const ou = new Set(ds.orgUnits);
      for (const o of elements.options) o.selected = de.has(o.value);
      for (const o of units.options) o.selected = ou.has(o.value);
      keptIds = ds.orgUnits.filter((id) => !listed.has(id));
      kept.textContent = keptIds.length ? t('admin.dsKept', { n: keptIds.length }) : '';
    },
    chosen() {
      return {
        dataElements: [...elements.selectedOptions].map((o) => o.value),
        orgUnits: [...[...units.selectedOptions].map((o) => o.value), ...keptIds],
      };
    },
  };
}
