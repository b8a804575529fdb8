// The UI's strings, one dictionary per language (Vietnamese first), and the language choice,
// remembered in localStorage.
import { vi } from './strings_vi';
import { en } from './strings_en';

export type Lang = 'vi' | 'en';
export type Key = keyof typeof vi;

const STORAGE_KEY = 'solieu.lang';
let current: Lang = localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
document.documentElement.lang = current;

export function lang(): Lang {
  return current;
}

export function setLang(l: Lang): void {
  current = l;
  localStorage.setItem(STORAGE_KEY, l);
  document.documentElement.lang = l;
}

/** The string for key, with {name} placeholders filled from params. */
export function t(key: Key, params: Record<string, string | number> = {}): string {
  const dict: Record<Key, string> = current === 'en' ? en : vi;
  let s = dict[key] ?? vi[key] ?? key;
  for (const [k, v] of Object.entries(params)) s = s.split(`{${k}}`).join(String(v));
  return s;
}

/** Picks the name of a metadata object in the current language. */
export function nameOf(o: { name?: string; nameEn?: string } | undefined | null): string {
  if (!o) return '';
  return (current === 'en' ? o.nameEn || o.name : o.name || o.nameEn) ?? '';
}
