import type { DecidingTable } from '../casus/casus-machine';
import type { Casus } from '../casus/casus.schema';
import type { Kamer } from '../registry/registry.schema';

/** The table handling a casus: its Lokale Kamer, or the ZVH after escalation. */
export interface HandlingTable {
  table: Exclude<DecidingTable, 'intake'>;
  kamerId: string;
}

/**
 * Where the casus is in behandeling, or undefined when it is not: only then can a party be invited
 * (WGS art. 2.31 lid 9: for a casus the samenwerkingsverband handles).
 */
export function handlingTable(
  casus: Pick<Casus, 'state' | 'kamerId'>,
  kamer: Kamer,
): HandlingTable | undefined {
  switch (casus.state) {
    case 'in_behandeling_lokaal':
      return casus.kamerId ? { table: 'lokale-kamer', kamerId: casus.kamerId } : undefined;
    case 'in_behandeling_zvh':
      return kamer.type === 'lokale-kamer' ? { table: 'zvh', kamerId: kamer.zvhId } : undefined;
    case 'concept':
    case 'aangemeld':
    case 'aanvulling_gevraagd':
    case 'afgewezen':
    case 'opschaling_aangevraagd':
    case 'afgesloten':
      return undefined;
  }
}

export function tableName(table: HandlingTable): string {
  return table.table === 'zvh' ? 'het Zorg- en Veiligheidshuis' : 'de Lokale Kamer';
}
