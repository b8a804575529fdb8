// Data entry: pick a data set, one of the user's own org units and a period of the data set's
// type; the form lists the data set's elements in order with one input per category option combo,
// validates as the user types, saves each value when the field is left (queued in the browser
// when the connection is down), shows completeness, and is read-only once the form is approved.
import { api, ApiError, NetworkError, query } from '../api';
import { clear, field, h, select } from '../dom';
import { lang, nameOf, t } from '../i18n';
import { displayStored, formatVi, parseVi } from '../numbers';
import { enqueue, onSent, pending, sendOne } from '../offline_queue';
import { periodsOf, type PeriodChoice } from '../periods';
import { canWriteValues, loadMetadata, type DataElement, type DataSet, type OrgUnit } from '../session';

interface StoredValue {
  dataElement: string;
  categoryOptionCombo: string;
  value: string;
}

interface ValidationViolation {
  rule: string;
  name: string;
  nameEn: string;
  instruction?: string;
  instructionEn?: string;
  importance?: string;
  left?: number | null;
  right?: number | null;
}

interface WriteResult {
  status: string;
  validation?: ValidationViolation[];
}

interface Approval {
  approved: boolean;
  approvedBy: string | null;
  approvedAt: string | null;
  completed: boolean;
}

interface Cell {
  input: HTMLInputElement;
  status: HTMLElement;
  message: HTMLElement;
  de: DataElement;
  co: string;
  /** The value the server holds (machine form), or null. */
  stored: string | null;
}

const FIRST_YEAR = 2021;

/** Checks a typed value against the element's value type; returns the machine form or an error. */
export function checkValue(
  text: string,
  valueType: string,
): { ok: true; machine: string | null } | { ok: false; message: string } {
  if (text.trim() === '') return { ok: true, machine: null };
  const p = parseVi(text);
  if (!p.ok) return { ok: false, message: t('entry.notNumber', { text: text.trim() }) };
  const v = p.value;
  const integer = Number.isInteger(v);
  switch (valueType) {
    case 'INTEGER_ZERO_OR_POSITIVE':
      if (!integer || v < 0) return { ok: false, message: t('entry.needZeroOrPositiveInteger') };
      break;
    case 'INTEGER_POSITIVE':
      if (!integer || v <= 0) return { ok: false, message: t('entry.needPositiveInteger') };
      break;
    case 'INTEGER_NEGATIVE':
      if (!integer || v >= 0) return { ok: false, message: t('entry.needNegativeInteger') };
      break;
    case 'INTEGER':
      if (!integer) return { ok: false, message: t('entry.needInteger') };
      break;
    case 'PERCENTAGE':
      if (v < 0 || v > 100) return { ok: false, message: t('entry.needPercentage') };
      break;
    case 'UNIT_INTERVAL':
      if (v < 0 || v > 1) return { ok: false, message: t('entry.needUnitInterval') };
      break;
    default:
      break;
  }
  if (Math.abs(v) > 1e12) return { ok: false, message: t('entry.tooLarge') };
  return { ok: true, machine: p.machine };
}

function isOpenOn(ou: OrgUnit, p: PeriodChoice): boolean {
  return (!ou.openingDate || ou.openingDate <= p.end) && (!ou.closedDate || p.end < ou.closedDate);
}

export async function render(root: HTMLElement, params: URLSearchParams): Promise<void> {
  const md = await loadMetadata();
  const visible = new Map(md.orgUnits.map((o) => [o.id, o]));
  const dataSets = md.dataSets
    .filter((ds) => ds.orgUnits.some((id) => visible.has(id)))
    .sort((a, b) => nameOf(a).localeCompare(nameOf(b), 'vi'));
  root.append(h('h1', {}, t('nav.entry')));
  if (dataSets.length === 0) {
    root.append(h('p', { class: 'muted' }, t('entry.noDataSets')));
    return;
  }
  const dsSelect = select(
    dataSets.map((ds) => ({ value: ds.id, label: nameOf(ds) })),
    undefined,
    { name: 'dataSet' },
  );
  const ouSelect = select([], undefined, { name: 'orgUnit' });
  const peSelect = select([], undefined, { name: 'period' });
  const pickers = h(
    'div',
    { class: 'pickers' },
    field(t('entry.dataSet'), dsSelect),
    field(t('entry.orgUnit'), ouSelect),
    field(t('entry.period'), peSelect),
  );
  const formArea = h('section', { id: 'form-area', 'aria-live': 'polite' });
  root.append(pickers, formArea);

  const requestedOu = params.get('ou');
  const requestedDs = params.get('ds');
  const requestedPe = params.get('pe');
  if (requestedDs) {
    const ds = dataSets.find((d) => d.id === requestedDs || d.code === requestedDs);
    if (ds) dsSelect.value = ds.id;
  }

  const fillOrgUnits = () => {
    const ds = dataSets.find((d) => d.id === dsSelect.value)!;
    const units = ds.orgUnits
      .map((id) => visible.get(id))
      .filter((o): o is OrgUnit => !!o)
      .sort((a, b) => nameOf(a).localeCompare(nameOf(b), 'vi'));
    const previous = ouSelect.value;
    ouSelect.replaceChildren(
      ...units.map((o) => h('option', { value: o.id }, `${nameOf(o)} (${o.code})`)),
    );
    if (units.some((o) => o.id === previous)) ouSelect.value = previous;
  };
  const fillPeriods = () => {
    const ds = dataSets.find((d) => d.id === dsSelect.value)!;
    const ou = visible.get(ouSelect.value);
    const today = new Date().toISOString().slice(0, 10);
    const periods = periodsOf(ds.periodType, FIRST_YEAR).filter((p) => !ou || isOpenOn(ou, p));
    const previous = peSelect.value;
    peSelect.replaceChildren(...periods.map((p) => h('option', { value: p.id }, p.id)));
    if (periods.some((p) => p.id === previous)) peSelect.value = previous;
    else {
      const ended = periods.find((p) => p.end < today);
      if (ended) peSelect.value = ended.id;
    }
  };
  fillOrgUnits();
  if (requestedOu) {
    const match = [...ouSelect.options].find(
      (o) => o.value === requestedOu || visible.get(o.value)?.code === requestedOu,
    );
    if (!match) {
      formArea.append(
        h('p', { class: 'error', role: 'alert', id: 'ou-refused' }, t('entry.notYourUnit', { ou: requestedOu })),
      );
      return;
    }
    ouSelect.value = match.value;
  }
  fillPeriods();
  if (requestedPe && [...peSelect.options].some((o) => o.value === requestedPe)) {
    peSelect.value = requestedPe;
  }

  let formSeq = 0;
  const show = async () => {
    const seq = ++formSeq;
    clear(formArea);
    const ds = dataSets.find((d) => d.id === dsSelect.value)!;
    const ou = visible.get(ouSelect.value);
    const pe = peSelect.value;
    if (!ou || !pe) {
      formArea.append(h('p', { class: 'muted' }, t('entry.noPeriod')));
      return;
    }
    // Only while this page is still shown: a form that finishes loading after the user went to
    // another page must not put #/entry back in the address (the next route would reopen it).
    if (formArea.isConnected) history.replaceState(null, '', `#/entry?ds=${ds.code}&ou=${ou.code}&pe=${pe}`);
    formArea.append(h('p', { class: 'muted' }, t('common.loading')));
    try {
      const [values, approval] = await Promise.all([
        api<{ dataValues?: StoredValue[] }>(
          '/api/dataValueSets' + query({ dataSet: ds.id, period: pe, orgUnit: ou.id }),
        ),
        api<Approval>('/api/dataApprovals' + query({ dataSet: ds.id, period: pe, orgUnit: ou.id })),
      ]);
      if (seq !== formSeq) return;
      clear(formArea);
      buildForm(formArea, ds, ou, pe, values.dataValues ?? [], approval);
    } catch (e) {
      if (seq !== formSeq) return;
      clear(formArea);
      formArea.append(
        h('p', { class: 'error', role: 'alert' }, e instanceof ApiError ? e.localized() : t('error.network')),
      );
    }
  };
  dsSelect.addEventListener('change', () => {
    fillOrgUnits();
    fillPeriods();
    void show();
  });
  ouSelect.addEventListener('change', () => {
    fillPeriods();
    void show();
  });
  peSelect.addEventListener('change', () => void show());
  await show();

  function buildForm(
    area: HTMLElement,
    ds: DataSet,
    ou: OrgUnit,
    pe: string,
    values: StoredValue[],
    approval: Approval,
  ): void {
    const stored = new Map(values.map((v) => [`${v.dataElement}|${v.categoryOptionCombo}`, v.value]));
    const queued = new Map(
      pending()
        .filter((q) => q.pe === pe && q.ou === ou.id)
        .map((q) => [`${q.de}|${q.co}`, q.value]),
    );
    let readOnly = !canWriteValues() || approval.approved;
    const lockBanner = h('p', { class: 'locked', role: 'status', id: 'lock-reason', hidden: true });
    const showLock = (reason: string) => {
      readOnly = true;
      lockBanner.hidden = false;
      lockBanner.textContent = reason;
      cells.forEach((c) => (c.input.readOnly = true));
      completeButton.disabled = true;
    };
    const progress = h('span', { id: 'completeness' });
    const bar = h('progress', { max: 1, value: 0, 'aria-labelledby': 'completeness' });
    const completeStatus = h('span', { id: 'complete-status', role: 'status' });
    const completeButton = h('button', { type: 'button', id: 'complete' }, t('entry.complete'));
    const warnings = h('div', { class: 'warnings', id: 'warnings', role: 'status', 'aria-live': 'polite' });
    const cells: Cell[] = [];

    const updateProgress = () => {
      const filled = cells.filter((c) => c.input.value.trim() !== '').length;
      progress.textContent = t('entry.filled', { filled: formatVi(filled), total: formatVi(cells.length) });
      bar.max = Math.max(cells.length, 1);
      bar.value = filled;
    };

    const setStatus = (cell: Cell, kind: '' | 'saving' | 'saved' | 'failed' | 'queued' | 'invalid', text = '') => {
      cell.status.className = `status ${kind}`;
      cell.status.textContent =
        text ||
        (kind === 'saving'
          ? t('entry.saving')
          : kind === 'saved'
            ? t('entry.saved')
            : kind === 'queued'
              ? t('entry.queued')
              : kind === 'failed'
                ? t('entry.failed')
                : '');
      cell.input.setAttribute('aria-invalid', kind === 'invalid' || kind === 'failed' ? 'true' : 'false');
      cell.input.dataset.state = kind;
    };

    const showViolations = (cell: Cell, list: ValidationViolation[] | undefined) => {
      clear(warnings);
      if (!list || list.length === 0) return;
      warnings.append(
        h('h2', {}, t('entry.ruleWarnings')),
        h(
          'ul',
          {},
          list.map((v) =>
            h(
              'li',
              {},
              h('strong', {}, nameOf(v)),
              v.instruction ? ` — ${lang() === 'en' ? v.instructionEn || v.instruction : v.instruction}` : '',
              v.left != null && v.right != null
                ? ` (${formatVi(v.left)} / ${formatVi(v.right)})`
                : '',
            ),
          ),
        ),
      );
      cell.message.textContent = t('entry.ruleWarningShort');
    };

    const save = async (cell: Cell) => {
      if (readOnly) return;
      const check = checkValue(cell.input.value, cell.de.valueType);
      if (!check.ok) {
        setStatus(cell, 'invalid');
        cell.message.textContent = check.message;
        return;
      }
      if (check.machine === cell.stored) {
        if (cell.input.dataset.state !== 'queued') setStatus(cell, cell.stored === null ? '' : cell.input.dataset.state === 'saved' ? 'saved' : '');
        return;
      }
      const item = { de: cell.de.id, pe, ou: ou.id, co: cell.co, value: check.machine };
      setStatus(cell, 'saving');
      try {
        const result = (await sendOne(item)) as WriteResult | null;
        cell.stored = check.machine;
        setStatus(cell, 'saved');
        cell.message.textContent = '';
        showViolations(cell, result?.validation);
      } catch (e) {
        if (e instanceof NetworkError) {
          enqueue(item);
          cell.stored = check.machine;
          setStatus(cell, 'queued');
          return;
        }
        if (e instanceof ApiError) {
          setStatus(cell, 'failed');
          cell.message.textContent = e.localized();
          if (e.body.code === 'api.locked' || e.body.code === 'api.approved') showLock(e.localized());
          return;
        }
        setStatus(cell, 'failed');
      }
    };

    const table = h('table', { class: 'entry-form' });
    table.append(
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('entry.dataElement')), h('th', { scope: 'col' }, t('entry.values')))),
    );
    const body = h('tbody');
    table.append(body);
    ds.dataElements.forEach((deId, index) => {
      const de = md.dataElements.get(deId);
      if (!de) return;
      const combo = md.categoryCombos.get(de.categoryCombo);
      const cocs = combo?.categoryOptionCombos ?? [{ id: 'HllvX50cXC0', code: 'default', name: '', nameEn: '' }];
      const isDefault = cocs.length === 1 && cocs[0].code === 'default';
      const labelId = `de-${de.id}`;
      const unit = lang() === 'en' ? de.unitEn || de.unit : de.unit;
      const nameCell = h(
        'th',
        { scope: 'row', id: labelId },
        h('span', { class: 'num' }, `${index + 1}. `),
        nameOf(de),
        unit ? h('span', { class: 'unit' }, ` (${unit})`) : null,
      );
      const inputs = h('td', { class: 'inputs' });
      for (const coc of cocs) {
        const id = `v-${de.id}-${coc.id}`;
        const key = `${de.id}|${coc.id}`;
        const storedValue = stored.get(key) ?? null;
        const queuedValue = queued.has(key) ? queued.get(key)! : undefined;
        const input = h('input', {
          id,
          type: 'text',
          inputmode: de.valueType.startsWith('INTEGER') ? 'numeric' : 'decimal',
          autocomplete: 'off',
          'data-de': de.code,
          'data-co': coc.code,
          'aria-describedby': `${id}-msg ${id}-status`,
        });
        const shown = queuedValue !== undefined ? queuedValue : storedValue;
        input.value = shown === null ? '' : displayStored(shown);
        input.readOnly = readOnly;
        const status = h('span', { class: 'status', id: `${id}-status` });
        const message = h('span', { class: 'message', id: `${id}-msg`, role: 'alert' });
        const label = isDefault
          ? h('label', { for: id, class: 'visually-hidden' }, nameOf(de))
          : h('label', { for: id }, nameOf(coc));
        const cell: Cell = { input, status, message, de, co: coc.id, stored: queuedValue !== undefined ? queuedValue : storedValue };
        cells.push(cell);
        if (queuedValue !== undefined) setStatus(cell, 'queued');
        input.addEventListener('input', () => {
          const check = checkValue(input.value, de.valueType);
          message.textContent = check.ok ? '' : check.message;
          setStatus(cell, check.ok ? '' : 'invalid');
          updateProgress();
        });
        input.addEventListener('change', () => void save(cell));
        input.addEventListener('keydown', (ev) => {
          if (ev.key !== 'Enter') return;
          ev.preventDefault();
          const i = cells.indexOf(cell);
          const next = cells[i + 1];
          if (next) next.input.focus();
          else input.blur();
        });
        inputs.append(h('div', { class: 'cell' }, label, input, status, message));
      }
      body.append(h('tr', {}, nameCell, inputs));
    });

    onSent((r) => {
      const cell = cells.find((c) => c.de.id === r.item.de && c.co === r.item.co && r.item.pe === pe && r.item.ou === ou.id);
      if (!cell || !document.body.contains(cell.input)) return;
      if (r.ok) setStatus(cell, 'saved');
      else {
        setStatus(cell, 'failed');
        cell.message.textContent = r.error?.localized() ?? t('entry.failed');
      }
    });

    completeButton.addEventListener('click', async () => {
      completeStatus.textContent = '';
      try {
        await api('/api/completeDataSetRegistrations', {
          method: 'POST',
          body: { dataSet: ds.id, period: pe, orgUnit: ou.id },
        });
        completeStatus.textContent = t('entry.completed');
      } catch (e) {
        completeStatus.textContent = e instanceof ApiError ? e.localized() : t('error.network');
      }
    });

    area.append(
      h('h2', {}, `${nameOf(ds)} — ${nameOf(ou)} — ${pe}`),
      lockBanner,
      h(
        'div',
        { class: 'progress' },
        bar,
        ' ',
        progress,
        ' ',
        completeButton,
        ' ',
        completeStatus,
        // The same form as an Excel sheet, for stations that fill it offline and send it by import.
        h(
          'a',
          {
            id: 'entry-sheet',
            class: 'button secondary',
            href: `/api/dataSets/${encodeURIComponent(ds.id)}/entrySheet${query({ orgUnit: ou.id, period: pe })}`,
            download: `${ds.code}-${ou.code}-${pe}.xlsx`,
          },
          t('entry.entrySheet'),
        ),
      ),
      warnings,
      table,
    );
    updateProgress();
    if (approval.completed) completeStatus.textContent = t('entry.completed');
    if (!canWriteValues()) showLock(t('entry.readOnlyRole'));
    else if (approval.approved)
      showLock(t('entry.locked', { by: approval.approvedBy ?? '', at: (approval.approvedAt ?? '').slice(0, 10) }));
  }
}
