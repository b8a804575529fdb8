// The signed-in user (from /api/me or the login answer) and the metadata the pages share,
// fetched once per session.
import { api, setCsrfToken } from './api';

export interface OrgUnitRef {
  id: string;
  code: string;
  name: string;
  nameEn?: string;
  level?: string;
}

export interface Me {
  username: string;
  role: 'administrator' | 'province-data-manager' | 'facility-data-clerk' | 'viewer' | string;
  orgUnits: OrgUnitRef[];
  permissions: { readValues: boolean; writeValues: boolean; readAudit: boolean };
  csrfToken?: string;
}

export interface OrgUnit extends OrgUnitRef {
  level: string;
  parent: string | null;
  openingDate: string | null;
  closedDate: string | null;
}

export interface DataSet {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  periodType: string;
  expiryDays: number;
  dataElements: string[];
  orgUnits: string[];
}

export interface DataElement {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  valueType: string;
  aggregationType: string;
  categoryCombo: string;
  unit?: string;
  unitEn?: string;
}

export interface CategoryCombo {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  categoryOptionCombos: { id: string; code: string; name: string; nameEn: string }[];
}

export interface Indicator {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  decimals?: number;
  direction?: string;
  unit?: string;
  unitEn?: string;
}

export interface Metadata {
  orgUnits: OrgUnit[];
  dataSets: DataSet[];
  dataElements: Map<string, DataElement>;
  categoryCombos: Map<string, CategoryCombo>;
  indicators: Indicator[];
}

let me: Me | null = null;
let metadata: Promise<Metadata> | null = null;

export function currentUser(): Me | null {
  return me;
}

export function setUser(user: Me | null): void {
  me = user;
  metadata = null;
  setCsrfToken(user?.csrfToken ?? '');
}

export function canWriteValues(): boolean {
  return !!me?.permissions.writeValues;
}

export function canVerify(): boolean {
  return me?.role === 'administrator' || me?.role === 'province-data-manager';
}

/** Plan targets are set by the same roles the server lets write them. */
export function canEditPlans(): boolean {
  return canVerify();
}

export function isAdmin(): boolean {
  return me?.role === 'administrator';
}

/** Drops the cached metadata, so names changed on the administration page show everywhere. */
export function reloadMetadata(): void {
  metadata = null;
}

export function loadMetadata(): Promise<Metadata> {
  if (!metadata) {
    metadata = (async () => {
      const [ou, ds, de, cc, ind] = await Promise.all([
        api<{ orgUnits: OrgUnit[] }>('/api/metadata/orgUnits'),
        api<{ dataSets: DataSet[] }>('/api/metadata/dataSets'),
        api<{ dataElements: DataElement[] }>('/api/metadata/dataElements'),
        api<{ categoryCombos: CategoryCombo[] }>('/api/metadata/categoryCombos'),
        api<{ indicators: Indicator[] }>('/api/metadata/indicators'),
      ]);
      return {
        orgUnits: ou.orgUnits,
        dataSets: ds.dataSets,
        dataElements: new Map(de.dataElements.map((d) => [d.id, d])),
        categoryCombos: new Map(cc.categoryCombos.map((c) => [c.id, c])),
        indicators: ind.indicators,
      };
    })();
    metadata.catch(() => {
      metadata = null;
    });
  }
  return metadata;
}
