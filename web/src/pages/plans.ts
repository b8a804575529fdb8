// Plans (Kế hoạch): the plan target of every indicator for one year (or five-year period) and org
// unit, shown as the department prints it (≥95, <15, 0,4-0,5, 668.030) and edited in that same
// notation. The server parses the notation, so a bad target gets its bilingual reason next to the
// cell and nothing is stored. Clerks and viewers see the table without inputs.
import { api, ApiError, NetworkError, query } from '../api';
import { field, h, select } from '../dom';
import { lang, nameOf, t } from '../i18n';
import { canEditPlans, currentUser, loadMetadata, type Indicator } from '../session';

export interface Target {
  indicator: string;
  code: string;
  name: string;
  period: string;
  orgUnit: string;
  orgUnitCode: string;
  target: string;
  display: string;
  source: string;
}

const YEARS = ['2021', '2022', '2023', '2024', '2025', '2026', '2027', '2028', '2029', '2030'];
const FIVE_YEARS = ['2021-01-01/P5Y', '2026-01-01/P5Y'];

function periodLabel(p: string): string {
  const m = /^(\d{4})-01-01\/P5Y$/.exec(p);
  return m ? t('plans.fiveYears', { from: m[1], to: String(+m[1] + 4) }) : p;
}

export async function render(root: HTMLElement, params: URLSearchParams): Promise<void> {
  const md = await loadMetadata();
  const me = currentUser()!;
  const editable = canEditPlans();
  const period = params.get('period') ?? '2025';
  const all = (await api<{ targets: Target[] }>('/api/targets')).targets;

  // The units to choose from: the user's own, and any other unit the server shows targets of.
  const units = new Map<string, string>(me.orgUnits.map((o) => [o.id, nameOf(o)]));
  const ouNames = new Map(md.orgUnits.map((o) => [o.id, nameOf(o)]));
  for (const x of all) if (!units.has(x.orgUnit)) units.set(x.orgUnit, ouNames.get(x.orgUnit) ?? x.orgUnitCode);
  const withTargets = new Set(all.map((x) => x.orgUnit));
  const ou =
    params.get('ou') ?? (withTargets.has(me.orgUnits[0].id) ? me.orgUnits[0].id : [...withTargets][0] ?? me.orgUnits[0].id);

  const periodSelect = select(
    [...YEARS, ...FIVE_YEARS].map((p) => ({ value: p, label: periodLabel(p) })),
    period,
    { name: 'period' },
  );
  const ouSelect = select(
    [...units].map(([value, label]) => ({ value, label })),
    ou,
    { name: 'orgUnit' },
  );
  const filter = h('input', { type: 'search', name: 'filter', placeholder: t('plans.filterHint') });
  const go = () => (location.hash = `#/plans${query({ period: periodSelect.value, ou: ouSelect.value })}`);
  periodSelect.addEventListener('change', go);
  ouSelect.addEventListener('change', go);

  const current = new Map(
    all.filter((x) => x.period === period && x.orgUnit === ou).map((x) => [x.indicator, x]),
  );
  const rows = [...md.indicators].sort((a, b) => {
    // Indicators with a target first: they are what the yearly plan is about.
    const d = Number(current.has(b.id)) - Number(current.has(a.id));
    return d || nameOf(a).localeCompare(nameOf(b), 'vi');
  });

  const body = h('tbody');
  for (const ind of rows) body.append(row(ind, current.get(ind.id) ?? null, period, ou, editable));
  filter.addEventListener('input', () => {
    const q = filter.value.trim().toLowerCase();
    for (const tr of body.rows) tr.hidden = q !== '' && !(tr.dataset.search ?? '').includes(q);
  });

  root.append(
    h('h1', {}, t('nav.plans')),
    h('p', { class: 'muted' }, editable ? t('plans.introEdit') : t('plans.introRead')),
    h(
      'div',
      { class: 'pickers' },
      field(t('plans.period'), periodSelect),
      field(t('plans.orgUnit'), ouSelect),
      field(t('plans.filter'), filter),
    ),
    h('p', { class: 'muted', id: 'plans-count' }, t('plans.count', { n: current.size, total: md.indicators.length })),
    h(
      'div',
      { class: 'scroll' },
      h(
        'table',
        { id: 'plans', class: 'plans' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            [t('plans.indicator'), t('plans.unit'), t('plans.direction'), t('plans.target'), t('plans.source')].map((x) =>
              h('th', { scope: 'col' }, x),
            ),
          ),
        ),
        body,
      ),
    ),
  );
}

function row(ind: Indicator, target: Target | null, period: string, ou: string, editable: boolean): HTMLTableRowElement {
  const name = nameOf(ind);
  const unit = (lang() === 'en' ? ind.unitEn : ind.unit) ?? '';
  const direction = ind.direction && ind.direction !== 'none' ? t(`plans.dir.${ind.direction}` as 'plans.dir.higher') : '';
  let cell: HTMLElement;
  if (!editable) {
    cell = h('span', { class: 'target' }, target?.display ?? '—');
  } else {
    const input = h('input', {
      type: 'text',
      name: `target-${ind.code}`,
      value: target?.display ?? '',
      inputmode: 'text',
      autocomplete: 'off',
      'aria-label': t('plans.targetOf', { name }),
      'aria-describedby': `plan-${ind.code}-msg`,
    });
    const status = h('span', { class: 'status', 'aria-live': 'polite' });
    const message = h('span', { class: 'message', id: `plan-${ind.code}-msg`, role: 'alert' });
    let saved = target?.display ?? '';
    let source = target?.source ?? '';
    input.addEventListener('change', async () => {
      const typed = input.value.trim();
      message.textContent = '';
      input.removeAttribute('aria-invalid');
      if (typed === saved) return;
      if (typed === '') {
        // The API has no deletion of a target: an emptied cell goes back to what is stored.
        message.textContent = t('plans.cannotClear');
        input.value = saved;
        return;
      }
      status.className = 'status';
      status.textContent = t('entry.saving');
      try {
        const r = await api<Target>('/api/targets', {
          method: 'PUT',
          body: { indicator: ind.id, period, orgUnit: ou, target: typed, ...(source ? { source } : {}) },
        });
        saved = r.display;
        source = r.source;
        input.value = r.display;
        status.className = 'status saved';
        status.textContent = t('entry.saved');
      } catch (e) {
        status.className = 'status failed';
        status.textContent = t('entry.failed');
        input.setAttribute('aria-invalid', 'true');
        message.textContent =
          e instanceof ApiError ? e.localized() : e instanceof NetworkError ? t('error.network') : String(e);
      }
    });
    cell = h('div', { class: 'cell' }, input, status, message);
  }
  return h(
    'tr',
    { 'data-code': ind.code, 'data-search': `${name} ${ind.code}`.toLowerCase() },
    h('th', { scope: 'row' }, name, h('small', { class: 'muted' }, ` ${ind.code}`)),
    h('td', {}, unit),
    h('td', {}, direction),
    h('td', { class: 'n' }, cell),
    h('td', { class: 'source muted' }, target?.source ?? ''),
  );
}
