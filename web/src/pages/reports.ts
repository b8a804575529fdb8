// Reports: choose one of the department's reports, its period and org unit; preview the HTML
// rendering in the page (a sandboxed frame: the server forbids framing its own responses, so the
// HTML is fetched and given to the frame as srcdoc) and download it as .docx, .xlsx or CSV.
import { ApiError, query } from '../api';
import { field, h, select } from '../dom';
import { nameOf, t, type Key } from '../i18n';
import { currentUser } from '../session';

const REPORTS = ['indicators-year', 'annex-01', 'annex-02', 'diseases', 'programme-results'];

export function render(root: HTMLElement, params: URLSearchParams): void {
  const me = currentUser()!;
  const report = select(
    REPORTS.map((r) => ({ value: r, label: t(`report.${r}` as Key) })),
    params.get('report') ?? 'indicators-year',
    { name: 'report' },
  );
  const period = h('input', { name: 'period', value: params.get('period') ?? '2025', 'aria-describedby': 'period-hint' });
  const org = select(
    me.orgUnits.map((o) => ({ value: o.code, label: `${nameOf(o)} (${o.code})` })),
    undefined,
    { name: 'org' },
  );
  const links = h('div', { class: 'actions', id: 'downloads' });
  const status = h('p', { role: 'status', id: 'report-status' });
  const frame = h('iframe', {
    title: t('reports.preview'),
    class: 'preview',
    id: 'report-preview',
    sandbox: '',
  });
  const url = (format: string) =>
    `/api/reports/${encodeURIComponent(report.value)}` +
    query({ period: period.value.trim(), format, org: org.value });
  const updateLinks = () => {
    links.replaceChildren(
      ...['docx', 'xlsx', 'csv'].map((f) =>
        h('a', { class: 'button', href: url(f), download: `${report.value}-${period.value.trim()}.${f}`, id: `download-${f}` }, t('reports.download', { format: f.toUpperCase() })),
      ),
    );
  };
  const preview = async () => {
    status.textContent = t('common.loading');
    try {
      const response = await fetch(url('html'), { credentials: 'same-origin' });
      const text = await response.text();
      if (!response.ok) {
        const err = JSON.parse(text).error;
        throw new ApiError(response.status, err);
      }
      frame.srcdoc = text;
      status.textContent = '';
    } catch (e) {
      status.textContent = e instanceof ApiError ? e.localized() : t('error.network');
    }
  };
  const form = h(
    'form',
    { class: 'pickers' },
    field(t('reports.report'), report),
    field(t('reports.period'), period, h('small', { id: 'period-hint', class: 'muted' }, t('reports.periodHint'))),
    field(t('reports.org'), org),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('reports.show'))),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    updateLinks();
    void preview();
  });
  [report, period, org].forEach((c) => c.addEventListener('change', updateLinks));
  root.append(h('h1', {}, t('nav.reports')), form, links, status, frame);
  updateLinks();
  void preview();
}
