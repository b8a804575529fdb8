// Reading the DHIS2-shaped answer of /api/analytics ({headers, metaData, rows}) into a lookup.
import { api, query } from './api';

export interface AnalyticsResponse {
  headers: { name: string }[];
  metaData: {
    items: Record<string, { name: string; code?: string }>;
    dimensions: Record<string, string[]>;
  };
  rows: string[][];
}

export class AnalyticsTable {
  private readonly values = new Map<string, number>();
  readonly dx: string[];
  readonly pe: string[];
  readonly ou: string[];

  constructor(readonly response: AnalyticsResponse) {
    const col = (n: string) => response.headers.findIndex((hd) => hd.name === n);
    const [dx, pe, ou, value] = [col('dx'), col('pe'), col('ou'), col('value')];
    for (const row of response.rows) {
      this.values.set(`${row[dx]}|${row[pe]}|${row[ou]}`, Number(row[value]));
    }
    this.dx = response.metaData.dimensions.dx ?? [];
    this.pe = response.metaData.dimensions.pe ?? [];
    this.ou = response.metaData.dimensions.ou ?? [];
  }

  get(dx: string, pe: string, ou: string): number | null {
    return this.values.get(`${dx}|${pe}|${ou}`) ?? null;
  }

  name(id: string): string {
    return this.response.metaData.items[id]?.name ?? id;
  }

  code(id: string): string {
    return this.response.metaData.items[id]?.code ?? id;
  }
}

export async function analytics(
  dx: string[],
  pe: string[],
  ou: string,
  structure?: string,
): Promise<AnalyticsTable> {
  const r = await api<AnalyticsResponse>(
    '/api/analytics' +
      query({
        dimension: [`dx:${dx.join(';')}`, `pe:${pe.join(';')}`, `ou:${ou}`],
        structure,
      }),
  );
  return new AnalyticsTable(r);
}
