// The sign-in page: username and password, the server's reason when refused (wrong password,
// locked account), in the chosen language.
import { api, ApiError } from '../api';
import { field, h } from '../dom';
import { lang, setLang, t } from '../i18n';
import type { Me } from '../session';

export function renderLogin(root: HTMLElement, onSignedIn: (me: Me) => void): void {
  const username = h('input', { name: 'username', autocomplete: 'username', required: true });
  const password = h('input', {
    name: 'password',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
  });
  const message = h('p', { class: 'error', role: 'alert', id: 'login-error' });
  const submit = h('button', { type: 'submit' }, t('auth.signIn'));
  const form = h(
    'form',
    { class: 'login', 'aria-labelledby': 'login-title' },
    h('h1', { id: 'login-title' }, t('app.title')),
    h('p', { class: 'muted' }, t('auth.intro')),
    field(t('auth.username'), username),
    field(t('auth.password'), password),
    message,
    h('div', { class: 'actions' }, submit),
    h(
      'button',
      {
        type: 'button',
        class: 'link',
        id: 'lang-toggle',
        onclick: () => {
          setLang(lang() === 'vi' ? 'en' : 'vi');
          root.replaceChildren();
          renderLogin(root, onSignedIn);
        },
      },
      t('lang.switch'),
    ),
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    message.textContent = '';
    submit.disabled = true;
    try {
      const me = await api<Me>('/api/auth/login', {
        method: 'POST',
        body: { username: username.value.trim(), password: password.value },
        redirectOn401: false,
      });
      onSignedIn(me);
    } catch (e) {
      message.textContent = e instanceof ApiError ? e.localized() : t('error.network');
      submit.disabled = false;
      password.select();
    }
  });
  root.append(h('main', { id: 'main' }, form));
  username.focus();
}
