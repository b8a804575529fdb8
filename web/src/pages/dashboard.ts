// The dashboard: the year's key indicators against plan (value, target, status colour, sparkline,
// change vs last year), a trend chart 2021-2025 with the 1 July 2025 reform marked, a choropleth
// map of the 45 communes for a chosen indicator, and the open outbreak alerts.
import { analytics } from '../analytics';
import { api, ApiError, query } from '../api';
import { clear, field, h, select } from '../dom';
import { nameOf, t } from '../i18n';
import { formatVi } from '../numbers';
import { currentUser, loadMetadata } from '../session';

interface KeyIndicator {
  id: string;
  code: string;
  name: string;
  nameEn?: string;
  unit?: string;
  decimals?: number;
  direction?: string;
  value: number | null;
  target: string | null;
  status: 'achieved' | 'not_achieved' | 'exceeded' | null;
  lastYear: number | null;
  trend: { period: string; value: number | null }[];
}

interface Alert {
  id: number;
  disease: { code: string; name: string; nameEn: string };
  orgUnit: { code: string; name: string; nameEn: string };
  firstWeek: string;
  lastWeek: string;
  maxObserved: number;
  status: string;
}

const FIRST_YEAR = 2021;
// The trend charts span the 2021-2025 plan period; the year picker runs to this year, and opens on
// the last complete year.
const LAST_YEAR = 2025;
const THIS_YEAR = Math.max(LAST_YEAR, new Date().getFullYear());
const REFORM_MONTH = '202507';

function years(to: number): string[] {
  const out: string[] = [];
  for (let y = FIRST_YEAR; y <= to; y++) out.push(String(y));
  return out;
}

function sparkline(values: (number | null)[]): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 100 30');
  svg.setAttribute('class', 'spark');
  svg.setAttribute('aria-hidden', 'true');
  const known = values.filter((v): v is number => v !== null);
  if (known.length < 2) return svg;
  const min = Math.min(...known);
  const max = Math.max(...known);
  const span = max - min || 1;
  const step = 100 / Math.max(values.length - 1, 1);
  const points = values
    .map((v, i) => (v === null ? null : `${(i * step).toFixed(1)},${(27 - ((v - min) / span) * 24).toFixed(1)}`))
    .filter(Boolean)
    .join(' ');
  const line = document.createElementNS(ns, 'polyline');
  line.setAttribute('points', points);
  svg.append(line);
  return svg;
}

interface KeyIndicators {
  year: string;
  orgUnit: { id: string; code: string; name: string };
  /** True when the figures are the demo's made-up values (the store says so). */
  synthetic: boolean;
  indicators: KeyIndicator[];
}

function card(k: KeyIndicator): HTMLElement {
  const change = k.value !== null && k.lastYear !== null ? k.value - k.lastYear : null;
  const statusText = k.status ? t(`status.${k.status}` as 'status.achieved') : k.target ? '' : t('status.none');
  const digits = k.decimals ?? 2;
  return h(
    'article',
    { class: `kpi ${k.status ?? 'none'}`, 'data-code': k.code },
    h('h3', {}, nameOf(k)),
    h(
      'p',
      { class: 'value' },
      k.value === null ? '—' : formatVi(k.value, digits),
      k.unit ? h('span', { class: 'unit' }, ` ${k.unit}`) : null,
    ),
    h(
      'p',
      { class: 'meta' },
      h('span', { class: 'target' }, `${t('dashboard.target')}: ${k.target ?? '—'}`),
      statusText ? ' · ' : null,
      statusText ? h('span', { class: 'badge', 'data-status': k.status ?? 'none' }, statusText) : null,
    ),
    h(
      'p',
      { class: 'meta' },
      `${t('dashboard.vsLastYear')}: `,
      h('span', { class: 'change' }, change === null ? '—' : `${change >= 0 ? '+' : '−'}${formatVi(Math.abs(change), digits)}`),
    ),
    sparkline(k.trend.map((p) => p.value)),
  );
}

export async function render(root: HTMLElement, params: URLSearchParams): Promise<void> {
  const started = performance.now();
  const md = await loadMetadata();
  const me = currentUser()!;
  const year = params.get('year') ?? String(THIS_YEAR - 1);
  const yearSelect = select(
    years(THIS_YEAR)
      .reverse()
      .map((y) => ({ value: y, label: y })),
    year,
    { name: 'year' },
  );
  yearSelect.addEventListener('change', () => (location.hash = `#/dashboard?year=${yearSelect.value}`));
  const kpis = h('div', { class: 'kpis', id: 'kpis' }, h('p', { class: 'muted' }, t('common.loading')));
  const notice = h('p', { class: 'notice', id: 'synthetic-notice', role: 'note', hidden: true }, t('dashboard.synthetic'));
  const trendBox = h('section', { class: 'panel' });
  const mapBox = h('section', { class: 'panel' });
  const alertsBox = h('section', { class: 'panel', id: 'alerts' });
  root.append(
    h('h1', {}, t('nav.dashboard')),
    h('div', { class: 'pickers' }, field(t('dashboard.year'), yearSelect)),
    notice,
    h('section', {}, h('h2', {}, t('dashboard.keyIndicators', { year })), kpis),
    h('div', { class: 'grid2' }, trendBox, mapBox),
    alertsBox,
  );

  let list: KeyIndicator[] = [];
  try {
    const r = await api<KeyIndicators>('/api/dashboard/indicators' + query({ year }));
    list = r.indicators;
    notice.hidden = !r.synthetic;
    clear(kpis);
    kpis.append(...list.map(card));
    if (list.length === 0) kpis.append(h('p', { class: 'muted' }, t('common.noData')));
  } catch (e) {
    clear(kpis);
    kpis.append(h('p', { class: 'error', role: 'alert' }, e instanceof ApiError ? e.localized() : String(e)));
  }
  performance.mark('solieu:indicators-rendered');
  root.dataset.indicatorsMs = String(Math.round(performance.now() - started));
  root.dataset.ready = 'indicators';

  void renderAlerts(alertsBox);
  const { chart, loadCommuneMap } = await import('../charts');

  // Trend: monthly values 2021-2025 of one indicator, with the reform marked.
  const trendChoices = (list.length ? list : md.indicators.slice(0, 10)).map((k) => ({
    value: k.id,
    label: nameOf(k),
  }));
  const trendSelect = select(trendChoices, trendChoices[0]?.value, { name: 'trendIndicator' });
  const trendEl = h('div', { class: 'chart', id: 'trend-chart' });
  trendBox.append(h('h2', {}, t('dashboard.trend')), field(t('dashboard.indicator'), trendSelect), trendEl);
  const drawTrend = async () => {
    const ou = me.orgUnits[0].id;
    const months: string[] = [];
    for (let y = FIRST_YEAR; y <= LAST_YEAR; y++)
      for (let m = 1; m <= 12; m++) months.push(`${y}${String(m).padStart(2, '0')}`);
    try {
      // Monthly where the indicator has monthly data; yearly figures (population-based rates)
      // otherwise, with the reform marked on its year.
      let periods = months;
      let table = await analytics([trendSelect.value], months, ou);
      if (months.every((m) => table.get(trendSelect.value, m, ou) === null)) {
        periods = years(LAST_YEAR);
        table = await analytics([trendSelect.value], periods, ou);
      }
      const label = (p: string) => (p.length === 6 ? `${p.slice(4)}/${p.slice(0, 4)}` : p);
      const reformAt = periods === months ? REFORM_MONTH : REFORM_MONTH.slice(0, 4);
      const c = chart(trendEl, 'trend');
      c.setOption({
        tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => formatVi(v as number, 2) },
        grid: { left: 48, right: 24, top: 28, bottom: 32 },
        xAxis: { type: 'category', data: periods.map(label) },
        yAxis: { type: 'value', scale: true, axisLabel: { formatter: (v: number) => formatVi(v) } },
        series: [
          {
            type: 'line',
            name: trendSelect.selectedOptions[0]?.text,
            data: periods.map((p) => table.get(trendSelect.value, p, ou)),
            connectNulls: false,
            showSymbol: periods !== months,
            markLine: {
              symbol: 'none',
              label: { formatter: t('dashboard.reform'), position: 'insideEndTop' },
              data: [{ xAxis: label(reformAt) }],
            },
          },
        ],
      });
    } catch (e) {
      trendEl.textContent = e instanceof ApiError ? e.localized() : String(e);
    }
  };
  trendSelect.addEventListener('change', () => void drawTrend());
  void drawTrend();

  // Map: the chosen indicator for the 45 communes (level 3 of the tree since the reform).
  const mapChoices = md.indicators
    .map((i) => ({ value: i.id, label: nameOf(i) }))
    .sort((a, b) => a.label.localeCompare(b.label, 'vi'));
  const defaultMap = md.indicators.find((i) => i.code === 'I_FULL_IMMUNIZATION')?.id ?? mapChoices[0]?.value;
  const mapSelect = select(mapChoices, params.get('map') ?? defaultMap, { name: 'mapIndicator' });
  const mapEl = h('div', { class: 'chart map', id: 'commune-map' });
  const mapNote = h('p', { class: 'muted', id: 'map-note' });
  mapBox.append(
    h('h2', {}, t('dashboard.map', { year })),
    field(t('dashboard.indicator'), mapSelect),
    mapEl,
    mapNote,
  );
  const drawMap = async () => {
    mapNote.textContent = '';
    const top = me.orgUnits[0];
    if (top.level === 'facility') {
      mapNote.textContent = t('dashboard.mapNotForFacility');
      return;
    }
    try {
      const [geo, table] = await Promise.all([
        loadCommuneMap(),
        analytics([mapSelect.value], [year], `${top.code};LEVEL-3`),
      ]);
      const names = new Map(geo.features.map((f) => [f.properties.code, f.properties.name]));
      const data = geo.features.map((f) => {
        const ouId = table.ou.find((id) => table.code(id) === f.properties.code);
        return { name: f.properties.code, value: ouId ? table.get(mapSelect.value, year, ouId) : null };
      });
      const known = data.map((d) => d.value).filter((v): v is number => v !== null);
      const c = chart(mapEl, 'map');
      c.setOption({
        tooltip: {
          trigger: 'item',
          formatter: (p: { name: string; value: number }) =>
            `${names.get(p.name) ?? p.name}: ${Number.isFinite(p.value) ? formatVi(p.value, 2) : '—'}`,
        },
        visualMap: {
          min: known.length ? Math.min(...known) : 0,
          max: known.length ? Math.max(...known) : 1,
          calculable: true,
          orient: 'horizontal',
          left: 'center',
          bottom: 0,
          formatter: (v: number) => formatVi(v, 1),
          inRange: { color: ['#fde8d7', '#f4a261', '#b5442a'] },
        },
        series: [
          {
            type: 'map',
            map: 'dien-bien-communes',
            nameProperty: 'code',
            roam: true,
            data,
            emphasis: { label: { show: false } },
          },
        ],
      });
      mapEl.dataset.regions = String(geo.features.length);
      mapEl.dataset.matched = String(data.filter((d) => d.value !== null).length);
      mapNote.textContent = t('dashboard.mapMatched', {
        matched: data.filter((d) => d.value !== null).length,
        total: geo.features.length,
      });
    } catch (e) {
      mapNote.textContent = e instanceof ApiError ? e.localized() : String(e);
    }
  };
  mapSelect.addEventListener('change', () => void drawMap());
  void drawMap();
}

async function renderAlerts(box: HTMLElement): Promise<void> {
  box.append(h('h2', {}, t('dashboard.openAlerts')));
  try {
    const r = await api<{ alerts: Alert[] }>('/api/surveillance/alerts?status=open');
    if (r.alerts.length === 0) {
      box.append(h('p', { class: 'muted' }, t('surveillance.noAlerts')));
      return;
    }
    box.append(
      h(
        'ul',
        { class: 'alerts' },
        r.alerts.map((a) =>
          h(
            'li',
            {},
            h('a', { href: `#/surveillance?alert=${a.id}` }, `${nameOf(a.disease)} — ${nameOf(a.orgUnit)}`),
            ` (${a.firstWeek}–${a.lastWeek}, ${t('surveillance.maxObserved')}: ${formatVi(a.maxObserved)})`,
          ),
        ),
      ),
    );
  } catch (e) {
    box.append(h('p', { class: 'error' }, e instanceof ApiError ? e.localized() : String(e)));
  }
}
