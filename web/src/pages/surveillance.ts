// Surveillance: the alert list, an alert's page with observed cases against the upper bound of
// the detection algorithm, the verification (discard, monitor, declare an outbreak), and the
// outbreak records.
import { api, ApiError, query } from '../api';
import { field, h, select } from '../dom';
import { nameOf, t, type Key } from '../i18n';
import { formatVi } from '../numbers';
import { canVerify } from '../session';

interface Named {
  id: string;
  code: string;
  name: string;
  nameEn: string;
}

interface Alert {
  id: number;
  disease: Named;
  orgUnit: Named;
  status: string;
  firstWeek: string;
  lastWeek: string;
  weeks: number;
  maxObserved: number;
  verifiedBy: string;
  verifiedAt: string;
  note: string;
  outbreakId: number | null;
  history?: { at?: string; time?: string; user?: string; action?: string; what?: string }[];
}

interface Outbreak {
  id: number;
  disease: Named;
  orgUnit: Named;
  startDate: string;
  endDate: string | null;
  cases: number;
  deaths: number;
  actions?: string;
}

function statusText(s: string): string {
  const key = `alertStatus.${s}` as Key;
  const v = t(key);
  return v === key ? s : v;
}

function errorText(e: unknown): string {
  return e instanceof ApiError ? e.localized() : String(e);
}

function shiftWeek(week: string, delta: number): string {
  const m = week.match(/^(\d{4})W(\d{1,2})$/);
  if (!m) return week;
  let y = +m[1];
  let w = +m[2] + delta;
  while (w < 1) {
    y -= 1;
    w += 52;
  }
  while (w > 52) {
    y += 1;
    w -= 52;
  }
  return `${y}W${String(w).padStart(2, '0')}`;
}

export async function render(root: HTMLElement, params: URLSearchParams): Promise<void> {
  const alertId = params.get('alert');
  if (alertId) return renderAlert(root, alertId);
  const status = params.get('status') ?? 'open';
  const statusSelect = select(
    ['open', 'monitoring', 'discarded', 'outbreak', ''].map((s) => ({ value: s, label: s ? statusText(s) : t('surveillance.all') })),
    status,
    { name: 'status' },
  );
  statusSelect.addEventListener('change', () => (location.hash = `#/surveillance?status=${statusSelect.value}`));
  const list = h('section', { id: 'alert-list' });
  const outbreaks = h('section', { id: 'outbreaks' });
  root.append(
    h('h1', {}, t('nav.surveillance')),
    h('div', { class: 'pickers' }, field(t('surveillance.status'), statusSelect)),
    list,
    outbreaks,
  );
  try {
    const r = await api<{ alerts: Alert[] }>('/api/surveillance/alerts' + query({ status: status || undefined }));
    list.append(h('h2', {}, t('surveillance.alerts')));
    if (r.alerts.length === 0) list.append(h('p', { class: 'muted' }, t('surveillance.noAlerts')));
    else
      list.append(
        h(
          'div',
          { class: 'scroll' },
          h(
            'table',
            {},
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                [t('surveillance.disease'), t('surveillance.orgUnit'), t('surveillance.weeks'), t('surveillance.maxObserved'), t('surveillance.status')].map(
                  (s) => h('th', { scope: 'col' }, s),
                ),
              ),
            ),
            h(
              'tbody',
              {},
              r.alerts.map((a) =>
                h(
                  'tr',
                  {},
                  h('td', {}, h('a', { href: `#/surveillance?alert=${a.id}` }, nameOf(a.disease))),
                  h('td', {}, nameOf(a.orgUnit)),
                  h('td', {}, `${a.firstWeek}–${a.lastWeek}`),
                  h('td', { class: 'n' }, formatVi(a.maxObserved)),
                  h('td', {}, statusText(a.status)),
                ),
              ),
            ),
          ),
        ),
      );
  } catch (e) {
    list.append(h('p', { class: 'error', role: 'alert' }, errorText(e)));
  }
  try {
    const r = await api<{ outbreaks: Outbreak[] }>('/api/surveillance/outbreaks');
    outbreaks.append(h('h2', {}, t('surveillance.outbreaks')));
    if (r.outbreaks.length === 0) outbreaks.append(h('p', { class: 'muted' }, t('surveillance.noOutbreaks')));
    else
      outbreaks.append(
        h(
          'ul',
          {},
          r.outbreaks.map((o) =>
            h(
              'li',
              {},
              `${nameOf(o.disease)} — ${nameOf(o.orgUnit)}: ${o.startDate}${o.endDate ? '–' + o.endDate : ''}, `,
              t('surveillance.casesDeaths', { cases: formatVi(o.cases), deaths: formatVi(o.deaths) }),
            ),
          ),
        ),
      );
  } catch (e) {
    outbreaks.append(h('p', { class: 'error' }, errorText(e)));
  }
}

async function renderAlert(root: HTMLElement, id: string): Promise<void> {
  let alert: Alert;
  try {
    alert = await api<Alert>(`/api/surveillance/alerts/${encodeURIComponent(id)}`);
  } catch (e) {
    root.append(h('p', { class: 'error', role: 'alert' }, errorText(e)));
    return;
  }
  const state = h('p', { id: 'alert-status', role: 'status' }, `${t('surveillance.status')}: ${statusText(alert.status)}`);
  root.append(
    h('p', {}, h('a', { href: '#/surveillance' }, t('surveillance.back'))),
    h('h1', {}, `${nameOf(alert.disease)} — ${nameOf(alert.orgUnit)}`),
    h('p', {}, `${alert.firstWeek}–${alert.lastWeek} · ${t('surveillance.maxObserved')}: ${formatVi(alert.maxObserved)}`),
    state,
  );
  const chartEl = h('div', { class: 'chart', id: 'alert-chart' });
  root.append(h('h2', {}, t('surveillance.observedVsBound')), chartEl);
  void (async () => {
    try {
      const series = await api<{ weeks: { week: string; observed: number; upperBound: number | null; alarm: boolean }[] }>(
        '/api/surveillance/series' +
          query({
            disease: alert.disease.id,
            ou: alert.orgUnit.id,
            from: shiftWeek(alert.firstWeek, -20),
            to: shiftWeek(alert.lastWeek, 4),
          }),
      );
      const { chart } = await import('../charts');
      chart(chartEl, 'alert').setOption({
        tooltip: { trigger: 'axis' },
        legend: { bottom: 0 },
        grid: { left: 40, right: 16, top: 16, bottom: 56 },
        xAxis: { type: 'category', data: series.weeks.map((w) => w.week) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          {
            type: 'bar',
            name: t('surveillance.observed'),
            data: series.weeks.map((w) => ({ value: w.observed, itemStyle: { color: w.alarm ? '#c0392b' : '#5b8db8' } })),
          },
          { type: 'line', name: t('surveillance.upperBound'), data: series.weeks.map((w) => w.upperBound), connectNulls: false },
        ],
      });
    } catch (e) {
      chartEl.textContent = errorText(e);
    }
  })();

  if (!canVerify()) return;
  const note = h('textarea', { name: 'note', rows: 2 });
  const result = h('p', { role: 'status', id: 'verify-result' });
  const decide = async (decision: string) => {
    result.textContent = '';
    try {
      const r = await api<{ alert: Alert }>(`/api/surveillance/alerts/${alert.id}/verification`, {
        method: 'POST',
        body: { decision, note: note.value },
      });
      state.textContent = `${t('surveillance.status')}: ${statusText(r.alert.status)}`;
      result.textContent = t('surveillance.recorded');
    } catch (e) {
      result.textContent = errorText(e);
    }
  };
  const box = h(
    'section',
    { class: 'panel' },
    h('h2', {}, t('surveillance.verify')),
    field(t('surveillance.note'), note),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', id: 'decide-monitor', onclick: () => decide('monitor') }, t('surveillance.monitor')),
      h('button', { type: 'button', id: 'decide-discard', onclick: () => decide('discard') }, t('surveillance.discard')),
      h('button', { type: 'button', id: 'decide-outbreak', class: 'danger', onclick: () => decide('outbreak') }, t('surveillance.declare')),
    ),
    result,
  );
  root.append(box);
}
