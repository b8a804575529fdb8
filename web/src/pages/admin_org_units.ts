// Administration, "Đơn vị" tab: the org units of the administrator's subtrees as the structure
// stood on a chosen day, each with its parent, opening and closing dates and its merges (from
// GET /api/orgUnits/events); a form to create a unit, one to rename or close one, and one to merge
// units into another from a date. The server checks the whole history again (levels, dates,
// values after a closing) and answers in Vietnamese and English; the page only spares a round trip
// for the obvious mistakes.
import { api, ApiError, NetworkError } from '../api';
import { clear, field, h, select } from '../dom';
import { nameOf, t, type Key } from '../i18n';
import { reloadMetadata, type OrgUnit } from '../session';

interface UnitRef {
  id: string;
  code: string;
  name: string;
  nameEn: string;
}

interface OrgEvent {
  date: string;
  kind: 'merge' | 'split';
  old: UnitRef;
  new: UnitRef;
  share: number;
}

const LEVELS = ['province', 'district', 'commune', 'facility'];
const FACILITY_TYPES = ['tyt', 'ttyt', 'hospital', 'pkdkkv', 'diem_tram', 'cdc', 'specialty_center', 'department', 'school', 'private_clinic', 'pharmacy'];
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

function errorText(e: unknown): string {
  if (e instanceof ApiError) return e.localized();
  if (e instanceof NetworkError) return t('error.network');
  return String(e);
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function label(u: { code: string; name: string; nameEn?: string }): string {
  return `${nameOf(u)} (${u.code})`;
}

function unitOptions(units: OrgUnit[], levels = LEVELS) {
  return units
    .filter((u) => levels.includes(u.level))
    .sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) || a.code.localeCompare(b.code))
    .map((u) => ({ value: u.id, label: label(u), group: t(`admin.level.${u.level}` as Key) }));
}

function message(id: string): HTMLParagraphElement {
  return h('p', { id, 'aria-live': 'polite' });
}

function say(p: HTMLElement, text: string, ok: boolean): void {
  p.className = ok ? 'ok' : 'error';
  if (ok) p.removeAttribute('role');
  else p.setAttribute('role', 'alert');
  p.textContent = text;
}

/** Renders the tab into `box`, for the structure of `asOf`; re-renders itself after a change. */
export async function renderOrgUnits(box: HTMLElement, asOf = today(), notice?: { id: string; text: string }): Promise<void> {
  clear(box);
  box.append(h('h2', {}, t('ou.title')), h('p', { class: 'muted' }, t('common.loading')));
  let units: OrgUnit[];
  let events: OrgEvent[];
  try {
    [units, events] = await Promise.all([
      api<{ orgUnits: OrgUnit[] }>(`/api/metadata/orgUnits?asOf=${encodeURIComponent(asOf)}`).then((r) => r.orgUnits),
      api<{ events: OrgEvent[] }>('/api/orgUnits/events').then((r) => r.events),
    ]);
  } catch (e) {
    clear(box);
    box.append(h('h2', {}, t('ou.title')), h('p', { class: 'error', role: 'alert' }, errorText(e)));
    return;
  }
  const changed = (text: string, id: string, date = asOf) => {
    // Other pages read org units from the cached metadata: fetch it afresh next time.
    reloadMetadata();
    void renderOrgUnits(box, date, { id, text });
  };
  clear(box);
  const day = h('input', { type: 'date', name: 'asOf', value: asOf, required: true });
  day.addEventListener('change', () => {
    if (DATE_RE.test(day.value)) void renderOrgUnits(box, day.value);
  });
  box.append(
    h('h2', {}, t('ou.title')),
    h('div', { class: 'pickers' }, field(t('ou.asOf'), day)),
    unitTable(units, events),
    createForm(units, asOf, changed),
    editForm(units, changed),
    mergeForm(units, asOf, changed),
  );
  if (notice) {
    const p = box.querySelector<HTMLElement>(`#${notice.id}`);
    if (p) say(p, notice.text, true);
  }
}

function unitTable(units: OrgUnit[], events: OrgEvent[]): HTMLElement {
  const byId = new Map(units.map((u) => [u.id, u]));
  const filter = h('input', { type: 'search', name: 'unitListFilter', placeholder: t('admin.unitFilterHint') });
  const history = (u: OrgUnit): string => {
    const parts: string[] = [];
    const incoming = new Map<string, string[]>();
    for (const e of events) {
      if (e.new.id === u.id && e.old.id !== u.id) incoming.set(e.date, [...(incoming.get(e.date) ?? []), label(e.old)]);
      if (e.old.id === u.id && e.new.id !== u.id) parts.push(t('ou.mergedInto', { unit: label(e.new), date: e.date }));
    }
    for (const [date, from] of incoming) parts.push(t('ou.mergedFrom', { units: from.join(', '), date }));
    return parts.join('; ');
  };
  const sorted = [...units].sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) || a.code.localeCompare(b.code));
  const rows = sorted.map((u) =>
    h(
      'tr',
      { 'data-code': u.code, 'data-id': u.id },
      h('td', {}, u.code),
      h('th', { scope: 'row' }, nameOf(u)),
      h('td', {}, t(`admin.level.${u.level}` as Key)),
      h('td', { class: 'parent' }, u.parent && byId.get(u.parent) ? label(byId.get(u.parent)!) : ''),
      h('td', { class: 'opened' }, u.openingDate ?? ''),
      h('td', { class: 'closed' }, u.closedDate ?? ''),
      h('td', { class: 'history' }, history(u)),
    ),
  );
  const count = h('p', { class: 'muted', 'aria-live': 'polite' }, t('ou.count', { n: rows.length }));
  filter.addEventListener('input', () => {
    const q = filter.value.trim().toLowerCase();
    let shown = 0;
    for (const r of rows) {
      r.hidden = q !== '' && !r.textContent!.toLowerCase().includes(q);
      if (!r.hidden) shown += 1;
    }
    count.textContent = t('ou.count', { n: shown });
  });
  return h(
    'section',
    { class: 'panel' },
    field(t('ou.filter'), filter),
    count,
    h(
      'div',
      { class: 'scroll' },
      h(
        'table',
        { id: 'org-unit-list' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ['ou.code', 'ou.name', 'ou.level', 'ou.parent', 'ou.opened', 'ou.closed', 'ou.history'].map((k) => h('th', { scope: 'col' }, t(k as Key))),
          ),
        ),
        h('tbody', {}, rows),
      ),
    ),
  );
}

type Changed = (text: string, messageId: string, date?: string) => void;

function createForm(units: OrgUnit[], asOf: string, changed: Changed): HTMLElement {
  const code = h('input', { name: 'code', required: true, pattern: '[A-Za-z0-9_.\\-]{1,50}', autocomplete: 'off' });
  const name = h('input', { name: 'name', required: true });
  const nameEn = h('input', { name: 'nameEn', required: true });
  const level = select(
    ['commune', 'facility', 'district'].map((l) => ({ value: l, label: t(`admin.level.${l}` as Key) })),
    'facility',
    { name: 'level' },
  );
  const parent = select(unitOptions(units, ['province', 'district', 'commune']), undefined, { name: 'parent', style: 'width: 100%' });
  const facilityType = select(
    FACILITY_TYPES.map((f) => ({ value: f, label: f })),
    'tyt',
    { name: 'facilityType' },
  );
  const communeType = h('input', { name: 'communeType' });
  const opened = h('input', { type: 'date', name: 'openingDate', value: asOf, required: true });
  const syncLevel = () => {
    facilityType.disabled = level.value !== 'facility';
    communeType.disabled = level.value === 'facility';
  };
  level.addEventListener('change', syncLevel);
  syncLevel();
  const msg = message('org-create-message');
  const form = h(
    'form',
    { id: 'org-create-form', class: 'panel', novalidate: true },
    h('h3', {}, t('ou.createTitle')),
    h('div', { class: 'pickers' }, field(t('ou.code'), code), field(t('ou.nameVi'), name), field(t('ou.nameEn'), nameEn)),
    h(
      'div',
      { class: 'pickers' },
      field(t('ou.level'), level),
      field(t('ou.parent'), parent),
      field(t('ou.facilityType'), facilityType),
      field(t('ou.communeType'), communeType),
      field(t('ou.opened'), opened),
    ),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('ou.create'))),
    msg,
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (!code.value.trim() || !name.value.trim() || !nameEn.value.trim() || !parent.value || !DATE_RE.test(opened.value)) {
      return say(msg, t('ou.needFields'), false);
    }
    const body: Record<string, unknown> = {
      code: code.value.trim(),
      name: name.value.trim(),
      nameEn: nameEn.value.trim(),
      level: level.value,
      parent: parent.value,
      openingDate: opened.value,
    };
    if (level.value === 'facility') body.facilityType = facilityType.value;
    else if (communeType.value.trim()) body.communeType = communeType.value.trim();
    try {
      await api('/api/metadata/orgUnits', { method: 'POST', body });
      changed(t('ou.created', { code: String(body.code) }), 'org-create-message', opened.value > asOf ? opened.value : asOf);
    } catch (e) {
      say(msg, errorText(e), false);
    }
  });
  return form;
}

function editForm(units: OrgUnit[], changed: Changed): HTMLElement {
  const unit = select(unitOptions(units), undefined, { name: 'unit', style: 'width: 100%' });
  const name = h('input', { name: 'name', required: true });
  const nameEn = h('input', { name: 'nameEn', required: true });
  const closed = h('input', { type: 'date', name: 'closedDate', 'aria-describedby': 'org-closed-hint' });
  const fill = () => {
    const u = units.find((x) => x.id === unit.value);
    name.value = u?.name ?? '';
    nameEn.value = u?.nameEn ?? '';
    closed.value = u?.closedDate ?? '';
  };
  unit.addEventListener('change', fill);
  fill();
  const msg = message('org-edit-message');
  const form = h(
    'form',
    { id: 'org-edit-form', class: 'panel', novalidate: true },
    h('h3', {}, t('ou.editTitle')),
    h('div', { class: 'pickers' }, field(t('ou.unit'), unit), field(t('ou.nameVi'), name), field(t('ou.nameEn'), nameEn)),
    h('div', { class: 'pickers' }, field(t('ou.closed'), closed, h('small', { id: 'org-closed-hint', class: 'muted' }, t('ou.closedHint')))),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('ou.save'))),
    msg,
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const u = units.find((x) => x.id === unit.value);
    if (!u) return;
    if (closed.value !== '' && !DATE_RE.test(closed.value)) return say(msg, t('ou.needDate'), false);
    try {
      await api(`/api/metadata/orgUnits/${encodeURIComponent(u.id)}`, {
        method: 'PUT',
        body: { name: name.value.trim(), nameEn: nameEn.value.trim(), closedDate: closed.value === '' ? null : closed.value },
      });
      changed(t('ou.saved', { code: u.code }), 'org-edit-message');
    } catch (e) {
      say(msg, errorText(e), false);
    }
  });
  return form;
}

function mergeForm(units: OrgUnit[], asOf: string, changed: Changed): HTMLElement {
  const date = h('input', { type: 'date', name: 'mergeDate', required: true });
  const into = select(unitOptions(units, ['district', 'commune', 'facility']), undefined, { name: 'into', style: 'width: 100%' });
  const from = select(unitOptions(units, ['district', 'commune', 'facility']), undefined, { name: 'from', multiple: true, size: 8, style: 'width: 100%' });
  from.value = '';
  const filter = h('input', { type: 'search', name: 'mergeFilter', placeholder: t('admin.unitFilterHint') });
  filter.addEventListener('input', () => {
    const q = filter.value.trim().toLowerCase();
    for (const o of from.options) o.hidden = q !== '' && !o.text.toLowerCase().includes(q) && !o.selected;
  });
  const msg = message('org-merge-message');
  const form = h(
    'form',
    { id: 'org-merge-form', class: 'panel', novalidate: true },
    h('h3', {}, t('ou.mergeTitle')),
    h('p', { class: 'muted' }, t('ou.mergeIntro')),
    h('div', { class: 'pickers' }, field(t('ou.mergeDate'), date), field(t('ou.into'), into)),
    field(t('admin.unitFilter'), filter),
    field(t('ou.from'), from),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('ou.merge'))),
    msg,
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const chosen = [...from.selectedOptions].map((o) => o.value);
    if (!DATE_RE.test(date.value)) return say(msg, t('ou.needDate'), false);
    if (chosen.length === 0) return say(msg, t('ou.needFrom'), false);
    if (chosen.includes(into.value)) return say(msg, t('ou.intoInFrom'), false);
    const byId = new Map(units.map((u) => [u.id, u]));
    try {
      await api('/api/orgUnits/merges', { method: 'POST', body: { date: date.value, into: into.value, from: chosen } });
      changed(
        t('ou.merged', {
          from: chosen.map((id) => label(byId.get(id)!)).join(', '),
          into: label(byId.get(into.value)!),
          date: date.value,
        }),
        'org-merge-message',
        date.value > asOf ? date.value : asOf,
      );
    } catch (e) {
      say(msg, errorText(e), false);
    }
  });
  return form;
}
