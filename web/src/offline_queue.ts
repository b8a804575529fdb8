// Values the clerk saved while the connection was down: kept in localStorage (so they survive a
// reload), sent in order when the connection returns (the `online` event and a periodic retry),
// and removed once the server has answered for each.
import { api, ApiError, NetworkError } from './api';

export interface QueuedWrite {
  de: string;
  pe: string;
  ou: string;
  co: string;
  /** null: delete the value. */
  value: string | null;
  queuedAt: string;
}

export interface SendResult {
  item: QueuedWrite;
  ok: boolean;
  error?: ApiError;
}

const KEY = 'solieu.unsent';
const RETRY_MS = 15000;
const listeners = new Set<(count: number) => void>();
const resultListeners = new Set<(r: SendResult) => void>();
let flushing = false;

function read(): QueuedWrite[] {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

function write(items: QueuedWrite[]): void {
  localStorage.setItem(KEY, JSON.stringify(items));
  listeners.forEach((f) => f(items.length));
}

const sameKey = (a: QueuedWrite, b: QueuedWrite) =>
  a.de === b.de && a.pe === b.pe && a.ou === b.ou && a.co === b.co;

/** Queues a write; a later write of the same value key replaces the earlier one. */
export function enqueue(item: Omit<QueuedWrite, 'queuedAt'>): void {
  const full = { ...item, queuedAt: new Date().toISOString() };
  write([...read().filter((q) => !sameKey(q, full)), full]);
}

export function unsentCount(): number {
  return read().length;
}

export function pending(): QueuedWrite[] {
  return read();
}

export function onCountChange(f: (count: number) => void): void {
  listeners.add(f);
}

export function onSent(f: (r: SendResult) => void): void {
  resultListeners.add(f);
}

export async function sendOne(item: Omit<QueuedWrite, 'queuedAt'>): Promise<unknown> {
  if (item.value === null) {
    const q = new URLSearchParams({ de: item.de, pe: item.pe, ou: item.ou, co: item.co });
    return api(`/api/dataValues?${q}`, { method: 'DELETE' });
  }
  return api('/api/dataValues', {
    method: 'PUT',
    body: { de: item.de, pe: item.pe, ou: item.ou, co: item.co, value: item.value },
  });
}

/** Sends the queue in order; stops at the first network failure and keeps the rest. */
export async function flush(): Promise<void> {
  if (flushing || read().length === 0) return;
  if (navigator.onLine === false) return;
  flushing = true;
  try {
    for (;;) {
      const items = read();
      if (items.length === 0) break;
      const item = items[0];
      let result: SendResult;
      try {
        await sendOne(item);
        result = { item, ok: true };
      } catch (e) {
        if (e instanceof NetworkError) break;
        // Refused by the server (locked period, bad value, session gone): it will never pass by
        // retrying, so it leaves the queue and the page shows why.
        result = { item, ok: false, error: e instanceof ApiError ? e : undefined };
        if (e instanceof ApiError && e.status === 401) break;
      }
      write(read().filter((q) => !(sameKey(q, item) && q.queuedAt === item.queuedAt)));
      resultListeners.forEach((f) => f(result));
    }
  } finally {
    flushing = false;
  }
}

export function startAutoFlush(): void {
  window.addEventListener('online', () => void flush());
  setInterval(() => void flush(), RETRY_MS);
  void flush();
}
