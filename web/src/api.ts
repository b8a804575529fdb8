// The JSON API client: same-origin fetch with the session cookie, the CSRF token on every write,
// and errors turned into ApiError carrying the server's bilingual message.
import { lang } from './i18n';

export interface ErrorBody {
  code: string;
  message_vi: string;
  message_en: string;
  where?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
    readonly payload: unknown = null,
  ) {
    super(body.message_en);
  }
  /** The message in the UI's language. */
  localized(): string {
    return lang() === 'en' ? this.body.message_en : this.body.message_vi;
  }
}

/** A failure to reach the server at all (offline, connection cut): the write may be queued. */
export class NetworkError extends Error {}

let csrfToken = '';
let onUnauthorized: () => void = () => {};

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** The CSRF header a write needs (for requests not made through api()). */
export function csrfHeader(): Record<string, string> {
  return csrfToken ? { 'X-CSRF-Token': csrfToken } : {};
}

export function setUnauthorizedHandler(f: () => void): void {
  onUnauthorized = f;
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  rawBody?: Blob | string;
  contentType?: string;
  /** When false, a 401 does not send the user back to the sign-in page. */
  redirectOn401?: boolean;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  } else if (options.rawBody !== undefined) {
    headers['Content-Type'] = options.contentType ?? 'application/octet-stream';
    body = options.rawBody;
  }
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (method !== 'GET' && typeof navigator !== 'undefined' && navigator.onLine === false) {
    throw new NetworkError('offline');
  }
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body, credentials: 'same-origin' });
  } catch (e) {
    throw new NetworkError(String(e));
  }
  const text = await response.text();
  let json: unknown = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  if (!response.ok) {
    const err = (json as { error?: ErrorBody } | null)?.error ?? {
      code: `http.${response.status}`,
      message_vi: `Máy chủ trả lời ${response.status}`,
      message_en: `The server answered ${response.status}`,
    };
    if (response.status === 401 && options.redirectOn401 !== false) onUnauthorized();
    throw new ApiError(response.status, err, json);
  }
  return json as T;
}

export function query(params: Record<string, string | string[] | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === '') continue;
    if (Array.isArray(v)) v.forEach((x) => q.append(k, x));
    else q.append(k, v);
  }
  const s = q.toString();
  return s ? '?' + s : '';
}
