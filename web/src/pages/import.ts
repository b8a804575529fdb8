// Import: upload a DHIS2 dataValueSets file (JSON, XML, CSV), ADX or a filled .xlsx entry sheet,
// run it as a dry run, show the summary and every conflict (row, field, reason), then commit the
// same file: all or nothing, or keeping the good rows when the user asks for it. The upload shows
// its progress (large files on slow connections).
import { ApiError, NetworkError, query } from '../api';
import { clear, field, h, select } from '../dom';
import { lang, t } from '../i18n';
import { formatVi } from '../numbers';
import { upload } from '../upload';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Conflict {
  object?: string;
  property?: string;
  errorCode?: string;
  rows?: number[];
  lines?: number[];
  message_vi?: string;
  message_en?: string;
  value?: string;
}

interface Summary {
  status: string;
  description?: string;
  description_vi?: string;
  importCount: { imported: number; updated: number; ignored: number; deleted: number };
  conflicts?: Conflict[];
}

function contentTypeFor(name: string, text: string): string {
  const lower = name.toLowerCase();
  if (lower.endsWith('.xlsx')) return XLSX;
  if (lower.endsWith('.json')) return 'application/json';
  if (lower.endsWith('.csv')) return 'text/csv';
  if (lower.endsWith('.adx') || /<adx[\s>]/.test(text.slice(0, 2000))) return 'application/adx+xml';
  if (lower.endsWith('.xml')) return 'application/xml';
  return 'application/json';
}

export function render(root: HTMLElement): void {
  const file = h('input', { type: 'file', name: 'file', accept: '.json,.xml,.csv,.adx,.xlsx' });
  const keepGood = h('input', { type: 'checkbox', name: 'keepGood', id: 'keep-good' });
  const idScheme = select(
    [
      { value: 'UID', label: 'UID' },
      { value: 'CODE', label: t('import.byCode') },
    ],
    'UID',
    { name: 'idScheme' },
  );
  const dryRun = h('button', { type: 'button', id: 'dry-run' }, t('import.dryRun'));
  const commit = h('button', { type: 'button', id: 'commit', disabled: true }, t('import.commit'));
  const out = h('section', { id: 'import-result', 'aria-live': 'polite' });
  const bar = h('progress', { id: 'upload-progress', max: 100, value: 0, 'aria-label': t('import.progress'), hidden: true });
  const barText = h('span', { id: 'upload-progress-text', class: 'muted' });
  root.append(
    h('h1', {}, t('nav.import')),
    h('p', { class: 'muted' }, t('import.intro')),
    h('div', { class: 'pickers' }, field(t('import.file'), file), field(t('import.idScheme'), idScheme)),
    h('div', { class: 'checkbox' }, keepGood, h('label', { for: 'keep-good' }, t('import.keepGood'))),
    h('div', { class: 'actions' }, dryRun, commit),
    h('div', { class: 'progress' }, bar, barText),
    out,
  );
  // A dry run answers for one file and one choice of options: any change asks for a new one.
  file.addEventListener('change', () => (commit.disabled = true));
  idScheme.addEventListener('change', () => (commit.disabled = true));
  keepGood.addEventListener('change', () => (commit.disabled = true));
  const run = async (dry: boolean) => {
    const f = file.files?.[0];
    clear(out);
    if (!f) {
      out.append(h('p', { class: 'error', role: 'alert' }, t('import.chooseFile')));
      return;
    }
    out.append(h('p', {}, t('import.sending', { size: formatVi(Math.round(f.size / 1024)) })));
    const head = await f.slice(0, 2000).text();
    bar.hidden = false;
    bar.value = 0;
    barText.textContent = '';
    dryRun.disabled = commit.disabled = true;
    try {
      const s = await upload<Summary>(
        '/api/dataValueSets' +
          query({
            dryRun: dry ? 'true' : 'false',
            idScheme: idScheme.value,
            atomicMode: keepGood.checked ? 'NONE' : undefined,
          }),
        f,
        contentTypeFor(f.name, head),
        (sent, total) => {
          bar.value = total ? Math.round((sent / total) * 100) : 0;
          barText.textContent = t('import.progressText', {
            sent: formatVi(Math.round(sent / 1024)),
            total: formatVi(Math.round(total / 1024)),
          });
        },
      );
      show(s, dry);
    } catch (e) {
      clear(out);
      if (e instanceof ApiError && e.payload && typeof e.payload === 'object' && 'importCount' in e.payload) {
        show(e.payload as Summary, dry);
      } else {
        out.append(h('p', { class: 'error', role: 'alert' }, e instanceof ApiError ? e.localized() : e instanceof NetworkError ? t('error.network') : String(e)));
      }
    } finally {
      dryRun.disabled = false;
      bar.value = 100;
    }
  };
  const show = (s: Summary, dry: boolean) => {
    clear(out);
    const c = s.importCount;
    out.append(
      h('h2', {}, dry ? t('import.dryRunResult') : t('import.result')),
      h('p', { class: `summary ${s.status.toLowerCase()}`, id: 'import-status' }, `${s.status}: ${(lang() === 'en' ? s.description : s.description_vi) ?? ''}`),
      h(
        'p',
        {},
        t('import.counts', {
          imported: formatVi(c.imported),
          updated: formatVi(c.updated),
          ignored: formatVi(c.ignored),
          deleted: formatVi(c.deleted),
        }),
      ),
    );
    const conflicts = s.conflicts ?? [];
    if (conflicts.length > 0) {
      out.append(
        h(
          'div',
          { class: 'scroll' },
          h(
            'table',
            { id: 'conflicts' },
            h('thead', {}, h('tr', {}, [t('import.row'), t('import.fieldName'), t('import.code'), t('import.reason')].map((x) => h('th', { scope: 'col' }, x)))),
            h(
              'tbody',
              {},
              conflicts.map((k) =>
                h(
                  'tr',
                  {},
                  h('td', {}, (k.rows ?? []).slice(0, 20).join(', ') + ((k.rows?.length ?? 0) > 20 ? '…' : '')),
                  h('td', {}, k.property ?? ''),
                  h('td', {}, k.errorCode ?? ''),
                  h('td', {}, (lang() === 'en' ? k.message_en : k.message_vi) ?? k.value ?? ''),
                ),
              ),
            ),
          ),
        ),
      );
    }
    // All or nothing with a conflict would store nothing: say how to keep the good rows instead.
    commit.disabled = !(dry && s.status !== 'ERROR');
    if (dry && s.status === 'ERROR' && !keepGood.checked) {
      out.append(h('p', { class: 'hint', id: 'keep-good-hint' }, t('import.keepGoodHint')));
    }
  };
  dryRun.addEventListener('click', () => void run(true));
  commit.addEventListener('click', () => void run(false));
}
