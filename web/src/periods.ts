// Period ids of the DHIS2 kinds the data sets use (Weekly 2025W36, Monthly 202509, Quarterly 2025Q3,
// Yearly 2025), their date ranges, and the list offered in the pickers.

export interface PeriodChoice {
  id: string;
  start: string; // YYYY-MM-DD
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

function isoWeekStart(year: number, week: number): Date {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const day = jan4.getUTCDay() || 7;
  const monday = new Date(jan4);
  monday.setUTCDate(jan4.getUTCDate() - day + 1 + (week - 1) * 7);
  return monday;
}

function isoWeekOf(d: Date): [number, number] {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const year = t.getUTCFullYear();
  const week = Math.ceil(((t.getTime() - Date.UTC(year, 0, 1)) / 86400000 + 1) / 7);
  return [year, week];
}

export function periodRange(id: string): PeriodChoice | null {
  let m: RegExpMatchArray | null;
  if ((m = id.match(/^(\d{4})W(\d{1,2})$/))) {
    const s = isoWeekStart(+m[1], +m[2]);
    const e = new Date(s);
    e.setUTCDate(s.getUTCDate() + 6);
    return { id, start: iso(s), end: iso(e) };
  }
  if ((m = id.match(/^(\d{4})(\d{2})$/))) {
    const y = +m[1];
    const mo = +m[2];
    return { id, start: `${y}-${pad(mo)}-01`, end: iso(new Date(Date.UTC(y, mo, 0))) };
  }
  if ((m = id.match(/^(\d{4})Q([1-4])$/))) {
    const y = +m[1];
    const q = +m[2];
    return {
      id,
      start: `${y}-${pad(q * 3 - 2)}-01`,
      end: iso(new Date(Date.UTC(y, q * 3, 0))),
    };
  }
  if ((m = id.match(/^(\d{4})$/))) return { id, start: `${m[1]}-01-01`, end: `${m[1]}-12-31` };
  return null;
}

/** Periods of the type from the first year up to the one containing today, newest first. */
export function periodsOf(type: string, firstYear: number, today = new Date()): PeriodChoice[] {
  const out: string[] = [];
  const y1 = today.getUTCFullYear();
  if (type === 'Monthly') {
    for (let y = firstYear; y <= y1; y++)
      for (let m = 1; m <= 12; m++) {
        if (y === y1 && m > today.getUTCMonth() + 1) break;
        out.push(`${y}${pad(m)}`);
      }
  } else if (type === 'Quarterly') {
    for (let y = firstYear; y <= y1; y++)
      for (let q = 1; q <= 4; q++) {
        if (y === y1 && (q - 1) * 3 > today.getUTCMonth()) break;
        out.push(`${y}Q${q}`);
      }
  } else if (type === 'Weekly') {
    const [wy, ww] = isoWeekOf(today);
    for (let y = firstYear; y <= wy; y++) {
      const last = isoWeekOf(new Date(Date.UTC(y, 11, 28)))[1];
      for (let w = 1; w <= last; w++) {
        if (y === wy && w > ww) break;
        out.push(`${y}W${w}`);
      }
    }
  } else {
    for (let y = firstYear; y <= y1; y++) out.push(String(y));
  }
  return out.reverse().map((id) => periodRange(id)!);
}
