import {
  isNoCasus,
  type AccessRecord,
  type AccessResult,
  type AccessWhat,
} from '../../src/domain/access/access-record.schema';
import type { Kamer, Organisation } from '../../src/domain/registry/registry.schema';
import { roleName } from './actor.presenter';
import { formatDateTime } from './casus-status';

export const accessWhatLabels: Record<AccessWhat, string> = {
  view: 'ingezien',
  search: 'gezocht',
  export: 'geëxporteerd',
  decision: 'besluit',
  share: 'gedeeld of uitgenodigd',
  change: 'gewijzigd',
  anonymise: 'geanonimiseerd',
};

export const accessResultLabels: Record<AccessResult, string> = {
  shown: 'getoond',
  refused: 'geweigerd',
  changed: 'vastgelegd',
};

/** One line of an access-log answer, in words the privacy officer reads. */
export interface AccessLine {
  wanneer: string;
  wie: string;
  organisatie: string;
  rollen: string;
  casus: string;
  kamer: string;
  wat: string;
  waarom: string;
  resultaat: string;
}

/** "procesregisseur@lk-rotterdam" → "procesregisseur (Lokale Kamer Rotterdam)". */
function rolesText(roles: readonly string[], kamers: ReadonlyMap<string, Kamer>): string {
  return roles
    .map((role) => {
      const [name = role, kamerId] = role.split('@');
      const kamer = kamerId ? (kamers.get(kamerId)?.name ?? kamerId) : undefined;
      return kamer ? `${roleName(name)} (${kamer})` : roleName(name);
    })
    .join(', ');
}

export function accessLines(
  records: readonly AccessRecord[],
  kamers: readonly Kamer[],
  organisations: readonly Organisation[],
): AccessLine[] {
  const byId = new Map(kamers.map((k) => [k.id, k]));
  const organisationName = new Map(organisations.map((o) => [o.id, o.name]));
  return records.map((record) => ({
    wanneer: formatDateTime(record.at),
    wie: record.actor.name,
    organisatie: organisationName.get(record.actor.organisationId) ?? record.actor.organisationId,
    rollen: rolesText(record.actor.roles, byId),
    casus: record.casusNumber ?? (isNoCasus(record.casusId) ? '—' : 'concept'),
    kamer: record.kamerId ? (byId.get(record.kamerId)?.name ?? record.kamerId) : '—',
    wat: accessWhatLabels[record.what],
    waarom: record.why,
    resultaat: accessResultLabels[record.result],
  }));
}

const columns: readonly (keyof AccessLine)[] = [
  'wanneer',
  'wie',
  'organisatie',
  'rollen',
  'casus',
  'kamer',
  'wat',
  'waarom',
  'resultaat',
];

/**
 * CSV as RFC 4180 quotes it, with semicolons (Dutch Excel's list separator) and a byte-order
 * mark so that Excel reads UTF-8. A field a spreadsheet would
 * take as a formula (=, +, -, @ first) gets a leading apostrophe: the file is opened, not run.
 */
export function accessLinesCsv(lines: readonly AccessLine[]): string {
  const field = (value: string) => {
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",;\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const rows = [
    columns.join(';'),
    ...lines.map((line) => columns.map((c) => field(line[c])).join(';')),
  ];
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}
