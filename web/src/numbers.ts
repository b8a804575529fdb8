// Vietnamese number notation: display (1.250 and 65,7) and parsing of what users type back into
// machine form (1250, 65.7) that the API accepts.

const formatters = new Map<number, Intl.NumberFormat>();

export function formatVi(value: number | null | undefined, maxDecimals = 2): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  let f = formatters.get(maxDecimals);
  if (!f) {
    f = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: maxDecimals });
    formatters.set(maxDecimals, f);
  }
  return f.format(value);
}

/** Machine-form string (as stored) to display form. Non-numbers are returned unchanged. */
export function displayStored(value: string): string {
  if (!/^-?\d+(\.\d+)?$/.test(value)) return value;
  return formatVi(Number(value), 10);
}

export type Parsed = { ok: true; value: number; machine: string } | { ok: false };

/**
 * Accepts "1.250", "1250", "65,7", "-3", "1.250,5". A dot followed by exactly three digits is a
 * thousands separator (Vietnamese); a comma is the decimal mark. "65.7" (a dot not followed by
 * three digits) is taken as the decimal mark too, because that is what a phone keypad gives.
 */
export function parseVi(text: string): Parsed {
  let s = text.trim().replace(/\s/g, '');
  if (s === '') return { ok: false };
  const negative = s.startsWith('-');
  if (negative || s.startsWith('+')) s = s.slice(1);
  if (!/^[\d.,]+$/.test(s)) return { ok: false };
  let intPart: string;
  let frac = '';
  if (s.includes(',')) {
    const parts = s.split(',');
    if (parts.length !== 2 || parts[1] === '' || parts[1].includes('.')) return { ok: false };
    intPart = parts[0];
    frac = parts[1];
    if (!/^(\d{1,3}(\.\d{3})*|\d+)$/.test(intPart)) return { ok: false };
    intPart = intPart.replace(/\./g, '');
  } else if (/^\d{1,3}(\.\d{3})+$/.test(s)) {
    intPart = s.replace(/\./g, '');
  } else if (/^\d+(\.\d+)?$/.test(s)) {
    [intPart, frac = ''] = s.split('.');
  } else {
    return { ok: false };
  }
  intPart = intPart.replace(/^0+(?=\d)/, '');
  frac = frac.replace(/0+$/, '');
  const machine = (negative ? '-' : '') + intPart + (frac ? '.' + frac : '');
  return { ok: true, value: Number(machine), machine };
}
