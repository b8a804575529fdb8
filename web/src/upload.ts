// Uploads a file body with XMLHttpRequest rather than fetch, because only XHR reports upload
// progress: a clerk sending a large import over a mountain mobile connection sees it moving.
// Answers and errors come back in the same shapes as api() (ApiError, NetworkError).
import { ApiError, csrfHeader, NetworkError, type ErrorBody } from './api';

export function upload<T>(
  path: string,
  body: Blob,
  contentType: string,
  onProgress: (sent: number, total: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Content-Type', contentType);
    xhr.setRequestHeader('Accept', 'application/json');
    for (const [k, v] of Object.entries(csrfHeader())) xhr.setRequestHeader(k, v);
    xhr.upload.addEventListener('progress', (e) => onProgress(e.loaded, e.lengthComputable ? e.total : body.size));
    xhr.addEventListener('error', () => reject(new NetworkError('upload failed')));
    xhr.addEventListener('abort', () => reject(new NetworkError('upload aborted')));
    xhr.addEventListener('load', () => {
      let json: unknown = null;
      try {
        json = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        json = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(json as T);
        return;
      }
      const err: ErrorBody = (json as { error?: ErrorBody } | null)?.error ?? {
        code: `http.${xhr.status}`,
        message_vi: `Máy chủ trả lời ${xhr.status}`,
        message_en: `The server answered ${xhr.status}`,
      };
      reject(new ApiError(xhr.status, err, json));
    });
    xhr.send(body);
  });
}
