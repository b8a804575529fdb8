// Data analysis: a pivot table (data items and org units down, periods across, with totals) from
// /api/analytics, on today's structure or as it was, switchable to a chart or a commune map, and
// exported as CSV or as .xlsx (the pivot as displayed, totals included). The query lives in the address (#/analysis?dx=..&pe=..&ou=..) so it can be shared.
import { analytics, type AnalyticsTable } from '../analytics';
import { ApiError } from '../api';
import { clear, download, field, h, select } from '../dom';
import { nameOf, t } from '../i18n';
import { formatVi } from '../numbers';
import { currentUser, loadMetadata } from '../session';

type View = 'table' | 'chart' | 'map';

export async function render(root: HTMLElement, params: URLSearchParams): Promise<void> {
  const md = await loadMetadata();
  const me = currentUser()!;
  const top = me.orgUnits[0];
  const dx = (params.get('dx') ?? 'I_FULL_IMMUNIZATION').split(';').filter(Boolean);
  const pe = params.get('pe') ?? '2021;2022;2023;2024;2025';
  const ou = params.get('ou') ?? (top.level === 'facility' ? 'USER_ORGUNIT' : `${top.code};LEVEL-3`);
  const structure = params.get('structure') === 'as-it-was' ? 'as-it-was' : 'today';
  const view = (['table', 'chart', 'map'].includes(params.get('view') ?? '') ? params.get('view') : 'table') as View;

  const items = h('select', { name: 'dx', multiple: true, size: 8 });
  const addGroup = (label: string, list: { id: string; code: string; name: string; nameEn?: string }[]) => {
    const g = h('optgroup', { label });
    for (const o of [...list].sort((a, b) => nameOf(a).localeCompare(nameOf(b), 'vi'))) {
      g.append(h('option', { value: o.code, selected: dx.includes(o.code) || dx.includes(o.id) }, nameOf(o)));
    }
    items.append(g);
  };
  addGroup(t('analysis.indicators'), md.indicators);
  addGroup(t('analysis.dataElements'), [...md.dataElements.values()]);
  const levels = [
    { value: 'USER_ORGUNIT', label: t('analysis.ownUnit') },
    { value: `${top.code};LEVEL-2`, label: t('analysis.districts') },
    { value: `${top.code};LEVEL-3`, label: t('analysis.communes') },
    { value: `${top.code};LEVEL-4`, label: t('analysis.facilities') },
  ];
  if (!levels.some((l) => l.value === ou)) levels.push({ value: ou, label: ou });
  const ouSelect = select(levels, ou, { name: 'ou' });
  const peInput = h('input', { name: 'pe', value: pe, 'aria-describedby': 'pe-hint' });
  const structureSelect = select(
    [
      { value: 'today', label: t('analysis.structureToday') },
      { value: 'as-it-was', label: t('analysis.structureAsItWas') },
    ],
    structure,
    { name: 'structure' },
  );
  const viewSelect = select(
    [
      { value: 'table', label: t('analysis.viewTable') },
      { value: 'chart', label: t('analysis.viewChart') },
      { value: 'map', label: t('analysis.viewMap') },
    ],
    view,
    { name: 'view' },
  );
  const form = h(
    'form',
    { class: 'pickers' },
    field(t('analysis.items'), items),
    field(t('analysis.orgLevel'), ouSelect),
    field(t('analysis.periods'), peInput, h('small', { id: 'pe-hint', class: 'muted' }, t('analysis.periodsHint'))),
    field(t('analysis.structure'), structureSelect),
    field(t('analysis.view'), viewSelect),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('analysis.show'))),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const chosen = [...items.selectedOptions].map((o) => o.value);
    const q = new URLSearchParams({
      dx: chosen.join(';'),
      pe: peInput.value.replace(/\s/g, ''),
      ou: ouSelect.value,
      structure: structureSelect.value,
      view: viewSelect.value,
    });
    location.hash = `#/analysis?${q}`;
  });
  const out = h('section', { id: 'pivot-area' });
  root.append(h('h1', {}, t('nav.analysis')), form, out);
  if (dx.length === 0) return;

  out.append(h('p', { class: 'muted' }, t('common.loading')));
  let table: AnalyticsTable;
  try {
    table = await analytics(dx, pe.split(';'), ou, structure);
  } catch (e) {
    clear(out);
    out.append(h('p', { class: 'error', role: 'alert' }, e instanceof ApiError ? e.localized() : String(e)));
    return;
  }
  clear(out);
  const summable = (id: string) => {
    const de = md.dataElements.get(id);
    return !!de && de.aggregationType === 'SUM';
  };
  out.append(
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', id: 'export-csv', onclick: () => exportCsv(table, summable) }, t('analysis.exportCsv')),
      h('button', { type: 'button', id: 'export-xlsx', onclick: () => void exportXlsx(table, summable) }, t('analysis.exportXlsx')),
    ),
  );
  if (view === 'table') out.append(pivot(table, summable));
  else if (view === 'chart') await drawChart(out, table);
  else await drawMap(out, table);
  out.dataset.ready = '1';
}

function pivot(table: AnalyticsTable, summable: (id: string) => boolean): HTMLElement {
  const head = h(
    'tr',
    {},
    h('th', { scope: 'col' }, t('analysis.item')),
    h('th', { scope: 'col' }, t('analysis.orgUnit')),
    table.pe.map((p) => h('th', { scope: 'col', class: 'n' }, table.name(p))),
    h('th', { scope: 'col', class: 'n' }, t('analysis.total')),
  );
  const body = h('tbody');
  for (const dx of table.dx) {
    const canSum = summable(dx);
    const columnTotals = table.pe.map(() => 0);
    for (const ou of table.ou) {
      const values = table.pe.map((p) => table.get(dx, p, ou));
      values.forEach((v, i) => (columnTotals[i] += v ?? 0));
      const rowTotal = values.reduce<number>((s, v) => s + (v ?? 0), 0);
      body.append(
        h(
          'tr',
          { 'data-dx': table.code(dx), 'data-ou': table.code(ou) },
          h('th', { scope: 'row' }, table.name(dx)),
          h('td', {}, table.name(ou)),
          values.map((v) => h('td', { class: 'n' }, v === null ? '' : formatVi(v, 2))),
          h('td', { class: 'n total' }, canSum ? formatVi(rowTotal, 2) : ''),
        ),
      );
    }
    if (canSum && table.ou.length > 1) {
      body.append(
        h(
          'tr',
          { class: 'total' },
          h('th', { scope: 'row' }, table.name(dx)),
          h('td', {}, t('analysis.total')),
          columnTotals.map((v) => h('td', { class: 'n' }, formatVi(v, 2))),
          h('td', { class: 'n' }, formatVi(columnTotals.reduce((s, v) => s + v, 0), 2)),
        ),
      );
    }
  }
  return h(
    'div',
    { class: 'scroll' },
    h('table', { class: 'pivot', id: 'pivot' }, h('thead', {}, head), body),
    h('p', { class: 'muted' }, t('analysis.totalsNote')),
  );
}

/** The pivot's rows as the table shows them: header, one row per item and unit, total rows. */
function pivotRows(table: AnalyticsTable, summable: (id: string) => boolean): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [
    [t('analysis.item'), t('analysis.orgUnit'), ...table.pe.map((p) => table.name(p)), t('analysis.total')],
  ];
  for (const dx of table.dx) {
    const canSum = summable(dx);
    const columnTotals = table.pe.map(() => 0);
    for (const ou of table.ou) {
      const values = table.pe.map((p) => table.get(dx, p, ou));
      values.forEach((v, i) => (columnTotals[i] += v ?? 0));
      const rowTotal = values.reduce<number>((s, v) => s + (v ?? 0), 0);
      rows.push([table.name(dx), table.name(ou), ...values, canSum ? rowTotal : null]);
    }
    if (canSum && table.ou.length > 1) {
      rows.push([table.name(dx), t('analysis.total'), ...columnTotals, columnTotals.reduce((s, v) => s + v, 0)]);
    }
  }
  return rows;
}

async function exportXlsx(table: AnalyticsTable, summable: (id: string) => boolean): Promise<void> {
  // The writer (and its zip library) is fetched only now, so the page itself stays small.
  const { workbook } = await import('../xlsx');
  download(
    'solieu-analytics.xlsx',
    workbook(t('nav.analysis'), pivotRows(table, summable)),
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
}

function exportCsv(table: AnalyticsTable, summable: (id: string) => boolean): void {
  const q = (s: string) => (/[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [
    ['dx_code', 'dx', 'ou_code', 'ou', ...table.pe, 'total'].map(q).join(','),
  ];
  for (const dx of table.dx)
    for (const ou of table.ou) {
      const values = table.pe.map((p) => table.get(dx, p, ou));
      const total = summable(dx) ? String(values.reduce<number>((s, v) => s + (v ?? 0), 0)) : '';
      lines.push(
        [table.code(dx), table.name(dx), table.code(ou), table.name(ou), ...values.map((v) => (v === null ? '' : String(v))), total]
          .map(q)
          .join(','),
      );
    }
  // The BOM makes Excel read the file as UTF-8 (Vietnamese names); numbers stay in machine form.
  download('solieu-analytics.csv', '\ufeff' + lines.join('\r\n') + '\r\n', 'text/csv;charset=utf-8');
}

async function drawChart(out: HTMLElement, table: AnalyticsTable): Promise<void> {
  const { chart } = await import('../charts');
  const el = h('div', { class: 'chart tall', id: 'analysis-chart' });
  out.append(el);
  const series = table.dx.flatMap((dx) =>
    table.ou.slice(0, 20).map((ou) => ({
      type: 'bar' as const,
      name: `${table.name(dx)} — ${table.name(ou)}`,
      data: table.pe.map((p) => table.get(dx, p, ou)),
    })),
  );
  chart(el, 'analysis').setOption({
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => formatVi(v as number, 2) },
    legend: { type: 'scroll', bottom: 0 },
    grid: { left: 56, right: 16, top: 16, bottom: 64 },
    xAxis: { type: 'category', data: table.pe.map((p) => table.name(p)) },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatVi(v) } },
    series,
  });
}

async function drawMap(out: HTMLElement, table: AnalyticsTable): Promise<void> {
  const { chart, loadCommuneMap } = await import('../charts');
  const geo = await loadCommuneMap();
  const el = h('div', { class: 'chart map', id: 'analysis-map' });
  const dx = table.dx[0];
  const pe = table.pe[table.pe.length - 1];
  out.append(h('p', {}, `${table.name(dx)} — ${table.name(pe)}`), el);
  const byCode = new Map(table.ou.map((id) => [table.code(id), id]));
  const data = geo.features.map((f) => {
    const id = byCode.get(f.properties.code);
    return { name: f.properties.code, value: id ? table.get(dx, pe, id) : null };
  });
  const known = data.map((d) => d.value).filter((v): v is number => v !== null);
  if (known.length === 0) out.append(h('p', { class: 'muted' }, t('analysis.mapNeedsCommunes')));
  chart(el, 'analysis-map').setOption({
    tooltip: { trigger: 'item' },
    visualMap: {
      min: known.length ? Math.min(...known) : 0,
      max: known.length ? Math.max(...known) : 1,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      inRange: { color: ['#fde8d7', '#f4a261', '#b5442a'] },
    },
    series: [{ type: 'map', map: 'dien-bien-communes', nameProperty: 'code', data }],
  });
}
