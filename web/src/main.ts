// The app shell: restores the session, draws the header (user, org unit, role, language, sign-out,
// unsent-value count) and navigation, and routes #/page?params to the pages (hash routing,
// because the server answers unknown paths with 404 rather than index.html).
import './style.css';
import { api, ApiError, setUnauthorizedHandler } from './api';
import { clear, h } from './dom';
import { lang, nameOf, setLang, t, type Key } from './i18n';
import { onCountChange, startAutoFlush, unsentCount } from './offline_queue';
import { canWriteValues, currentUser, isAdmin, setUser, type Me } from './session';
import { renderLogin } from './pages/login';

export type Page = (root: HTMLElement, params: URLSearchParams) => void | Promise<void>;

interface PageDef {
  title: Key;
  load: () => Promise<Page>;
  /** Only for roles that may write values. */
  writer?: boolean;
  /** Only for administrators. */
  admin?: boolean;
}

const pages: Record<string, PageDef> = {
  dashboard: { title: 'nav.dashboard', load: () => import('./pages/dashboard').then((m) => m.render) },
  entry: { title: 'nav.entry', load: () => import('./pages/entry').then((m) => m.render), writer: true },
  analysis: { title: 'nav.analysis', load: () => import('./pages/analysis').then((m) => m.render) },
  reports: { title: 'nav.reports', load: () => import('./pages/reports').then((m) => m.render) },
  surveillance: {
    title: 'nav.surveillance',
    load: () => import('./pages/surveillance').then((m) => m.render),
  },
  plans: { title: 'nav.plans', load: () => import('./pages/plans').then((m) => m.render) },
  quality: { title: 'nav.quality', load: () => import('./pages/quality').then((m) => m.render) },
  import: { title: 'nav.import', load: () => import('./pages/import').then((m) => m.render), writer: true },
  admin: { title: 'nav.admin', load: () => import('./pages/admin').then((m) => m.render), admin: true },
};

function allowed(p: PageDef): boolean {
  return (!p.writer || canWriteValues()) && (!p.admin || isAdmin());
}

const app = document.getElementById('app')!;
let renderSeq = 0;

function roleName(role: string): string {
  const key = `role.${role}` as Key;
  const s = t(key);
  return s === key ? role : s;
}

function defaultPage(): string {
  return currentUser()?.role === 'facility-data-clerk' ? 'entry' : 'dashboard';
}

function parseHash(): { page: string; params: URLSearchParams } {
  const raw = location.hash.replace(/^#\/?/, '');
  const [page, q = ''] = raw.split('?');
  return { page: page || defaultPage(), params: new URLSearchParams(q) };
}

function header(me: Me): HTMLElement {
  const unsent = h('span', { class: 'unsent', role: 'status', 'aria-live': 'polite', id: 'unsent' });
  const updateUnsent = (n: number) => {
    unsent.textContent = n > 0 ? t('queue.unsent', { n }) : '';
    unsent.hidden = n === 0;
  };
  updateUnsent(unsentCount());
  onCountChange(updateUnsent);
  const unit = me.orgUnits.map((o) => nameOf(o)).join(', ');
  const { page } = parseHash();
  const nav = h(
    'nav',
    { 'aria-label': t('nav.label') },
    Object.entries(pages)
      .filter(([, p]) => allowed(p))
      .map(([id, p]) =>
        h('a', { href: `#/${id}`, 'aria-current': id === page ? 'page' : null }, t(p.title)),
      ),
  );
  return h(
    'header',
    { class: 'top' },
    h(
      'div',
      { class: 'bar' },
      h('strong', { class: 'brand' }, t('app.title')),
      h(
        'span',
        { class: 'who', id: 'who' },
        h('span', { class: 'user' }, me.username),
        ' · ',
        h('span', { class: 'role' }, roleName(me.role)),
        ' · ',
        h('span', { class: 'unit' }, unit),
      ),
      unsent,
      h(
        'button',
        {
          type: 'button',
          class: 'link',
          id: 'lang-toggle',
          lang: lang() === 'vi' ? 'en' : 'vi',
          onclick: () => {
            setLang(lang() === 'vi' ? 'en' : 'vi');
            void route();
          },
        },
        t('lang.switch'),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'link',
          id: 'sign-out',
          onclick: async () => {
            try {
              await api('/api/auth/logout', { method: 'POST', body: {} });
            } catch {
              // Signing out locally is what matters; the session expires on its own.
            }
            setUser(null);
            location.hash = '#/';
            void route();
          },
        },
        t('auth.signOut'),
      ),
    ),
    nav,
  );
}

export async function route(): Promise<void> {
  const seq = ++renderSeq;
  const me = currentUser();
  clear(app);
  if (!me) {
    renderLogin(app, async (user) => {
      setUser(user);
      await route();
    });
    return;
  }
  const { page, params } = parseHash();
  const def = pages[page] ?? pages[defaultPage()];
  app.append(header(me));
  const main = h('main', { id: 'main', tabindex: '-1' });
  app.append(main);
  document.title = `${t(def.title)} · ${t('app.title')}`;
  if (!allowed(def)) {
    main.append(h('p', { class: 'error', role: 'alert' }, t('error.notAllowed')));
    return;
  }
  main.append(h('p', { class: 'muted' }, t('common.loading')));
  try {
    const render = await def.load();
    if (seq !== renderSeq) return;
    clear(main);
    await render(main, params);
  } catch (e) {
    if (seq !== renderSeq) return;
    main.append(
      h('p', { class: 'error', role: 'alert' }, e instanceof ApiError ? e.localized() : String(e)),
    );
  }
}

async function start(): Promise<void> {
  setUnauthorizedHandler(() => {
    if (currentUser()) {
      setUser(null);
      void route();
    }
  });
  try {
    setUser(await api<Me>('/api/me', { redirectOn401: false }));
  } catch {
    setUser(null);
  }
  window.addEventListener('hashchange', () => void route());
  startAutoFlush();
  await route();
}

void start();
