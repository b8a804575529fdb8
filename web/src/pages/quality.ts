// Data quality (Chất lượng số liệu): on demand, the validation rules' violations and the outlying
// values in one of the user's units (and everything below it) over a range of periods, listed in
// the UI's language with a link to the form where the value can be corrected.
import { api, ApiError, NetworkError, query } from '../api';
import { clear, field, h, select } from '../dom';
import { lang, nameOf, t } from '../i18n';
import { formatVi } from '../numbers';
import { canWriteValues, currentUser, loadMetadata } from '../session';

interface UnitRef {
  id: string;
  code: string;
  name: string;
}

interface Violation {
  rule: string;
  name: string;
  nameEn: string;
  importance: string;
  period: string;
  orgUnit: UnitRef;
  left: number | null;
  operator: string;
  right: number | null;
  instruction?: string;
  instructionEn?: string;
}

interface Outlier {
  dataElement: UnitRef;
  categoryOptionCombo: string;
  period: string;
  orgUnit: UnitRef;
  value: number;
  centre: number;
  score: number;
  lower: number;
  upper: number;
}

const OPERATORS: Record<string, string> = {
  equal_to: '=',
  not_equal_to: '≠',
  greater_than: '>',
  greater_than_or_equal_to: '≥',
  less_than: '<',
  less_than_or_equal_to: '≤',
  compulsory_pair: '⇔',
  exclusive_pair: '⊕',
};

function errorText(e: unknown): string {
  if (e instanceof ApiError) return e.localized();
  if (e instanceof NetworkError) return t('error.network');
  return String(e);
}

export async function render(root: HTMLElement, params: URLSearchParams): Promise<void> {
  const md = await loadMetadata();
  const me = currentUser()!;
  const units = select(
    me.orgUnits.map((o) => ({ value: o.code, label: `${nameOf(o)} (${o.code})` })),
    params.get('ou') ?? me.orgUnits[0].code,
    { name: 'orgUnit' },
  );
  const from = h('input', { name: 'from', value: params.get('from') ?? '202501', 'aria-describedby': 'range-hint', size: 8 });
  const to = h('input', { name: 'to', value: params.get('to') ?? '202512', 'aria-describedby': 'range-hint', size: 8 });
  const dataSet = select(
    md.dataSets.map((d) => ({ value: d.code, label: nameOf(d) })),
    params.get('ds') ?? md.dataSets.find((d) => d.code === 'DS_MCH_M')?.code,
    { name: 'dataSet' },
  );
  const method = select(
    [
      { value: 'modified-z', label: t('quality.method.modifiedZ') },
      { value: 'z', label: t('quality.method.z') },
      { value: 'min-max', label: t('quality.method.minMax') },
    ],
    'modified-z',
    { name: 'method' },
  );
  const validationOut = h('section', { id: 'violations', 'aria-live': 'polite' });
  const outliersOut = h('section', { id: 'outliers', 'aria-live': 'polite' });
  const runValidation = h('button', { type: 'button', id: 'run-validation' }, t('quality.runValidation'));
  const runOutliers = h('button', { type: 'button', id: 'run-outliers' }, t('quality.runOutliers'));
  root.append(
    h('h1', {}, t('nav.quality')),
    h('p', { class: 'muted' }, t('quality.intro')),
    h(
      'div',
      { class: 'pickers' },
      field(t('quality.orgUnit'), units),
      field(t('quality.from'), from),
      field(t('quality.to'), to),
    ),
    h('small', { id: 'range-hint', class: 'muted' }, t('quality.rangeHint')),
    h('div', { class: 'panel' }, h('h2', {}, t('quality.validation')), h('div', { class: 'actions' }, runValidation), validationOut),
    h(
      'div',
      { class: 'panel' },
      h('h2', {}, t('quality.outliers')),
      h('div', { class: 'pickers' }, field(t('quality.dataSet'), dataSet), field(t('quality.method'), method)),
      h('div', { class: 'actions' }, runOutliers),
      outliersOut,
    ),
  );

  const range = () => ({ orgUnit: units.value, from: from.value.trim(), to: to.value.trim() });
  const entryLink = (ou: UnitRef, period: string, label: string) =>
    canWriteValues() && /^\d{6}$/.test(period)
      ? h('a', { href: `#/entry?ou=${encodeURIComponent(ou.code)}&pe=${period}` }, label)
      : label;

  runValidation.addEventListener('click', async () => {
    clear(validationOut);
    validationOut.append(h('p', { class: 'muted' }, t('common.loading')));
    try {
      const r = await api<{ rules: number; periods: number; violations: Violation[] }>('/api/validation' + query(range()));
      clear(validationOut);
      validationOut.append(
        h('p', { id: 'violation-count' }, t('quality.violationCount', { n: formatVi(r.violations.length), rules: r.rules })),
      );
      if (r.violations.length === 0) return;
      validationOut.append(
        h(
          'div',
          { class: 'scroll' },
          h(
            'table',
            { id: 'violation-list' },
            h(
              'thead',
              {},
              h('tr', {}, [t('quality.rule'), t('quality.unit'), t('quality.period'), t('quality.sides'), t('quality.instruction')].map((x) => h('th', { scope: 'col' }, x))),
            ),
            h(
              'tbody',
              {},
              r.violations.slice(0, 500).map((v) =>
                h(
                  'tr',
                  { 'data-rule': v.rule },
                  h('th', { scope: 'row' }, lang() === 'en' ? v.nameEn || v.name : v.name),
                  h('td', {}, entryLink(v.orgUnit, v.period, `${v.orgUnit.name} (${v.orgUnit.code})`)),
                  h('td', {}, v.period),
                  h('td', { class: 'n' }, `${formatVi(v.left)} ${OPERATORS[v.operator] ?? v.operator} ${formatVi(v.right)}`),
                  h('td', {}, (lang() === 'en' ? v.instructionEn : v.instruction) ?? ''),
                ),
              ),
            ),
          ),
        ),
      );
      if (r.violations.length > 500) validationOut.append(h('p', { class: 'muted' }, t('quality.firstN', { n: 500 })));
    } catch (e) {
      clear(validationOut);
      validationOut.append(h('p', { class: 'error', role: 'alert' }, errorText(e)));
    }
  });

  runOutliers.addEventListener('click', async () => {
    clear(outliersOut);
    outliersOut.append(h('p', { class: 'muted' }, t('common.loading')));
    try {
      const r = await api<{ outliers: Outlier[] }>(
        '/api/outliers' + query({ ...range(), dataSet: dataSet.value, method: method.value }),
      );
      clear(outliersOut);
      outliersOut.append(h('p', { id: 'outlier-count' }, t('quality.outlierCount', { n: formatVi(r.outliers.length) })));
      if (r.outliers.length === 0) return;
      const deName = (d: UnitRef) => nameOf(md.dataElements.get(d.id)) || d.name;
      outliersOut.append(
        h(
          'div',
          { class: 'scroll' },
          h(
            'table',
            { id: 'outlier-list' },
            h(
              'thead',
              {},
              h('tr', {}, [t('quality.dataElement'), t('quality.unit'), t('quality.period'), t('quality.value'), t('quality.expected'), t('quality.score')].map((x) => h('th', { scope: 'col' }, x))),
            ),
            h(
              'tbody',
              {},
              r.outliers.slice(0, 500).map((o) =>
                h(
                  'tr',
                  {},
                  h('th', { scope: 'row' }, deName(o.dataElement)),
                  h('td', {}, entryLink(o.orgUnit, o.period, `${o.orgUnit.name} (${o.orgUnit.code})`)),
                  h('td', {}, o.period),
                  h('td', { class: 'n' }, formatVi(o.value)),
                  h('td', { class: 'n' }, `${formatVi(o.lower, 1)} – ${formatVi(o.upper, 1)}`),
                  h('td', { class: 'n' }, formatVi(o.score, 2)),
                ),
              ),
            ),
          ),
        ),
      );
      if (r.outliers.length > 500) outliersOut.append(h('p', { class: 'muted' }, t('quality.firstN', { n: 500 })));
    } catch (e) {
      clear(outliersOut);
      outliersOut.append(h('p', { class: 'error', role: 'alert' }, errorText(e)));
    }
  });
}
