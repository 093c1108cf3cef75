import { defaultTermijnen } from '../../src/domain/deadlines/termijnen';
import { defaultBewaartermijnen } from '../../src/domain/retention/bewaartermijnen';
import {
  defaultPrioritisation,
  type Kamer,
  type Organisation,
} from '../../src/domain/registry/registry.schema';

/**
 * A small registry for domain tests: one gemeente (overheidsdeelnemer), two private vaste
 * deelnemers, one incidentele deelnemer, a Lokale Kamer and its ZVH.
 */
const org = (
  id: string,
  name: string,
  category: Organisation['category'],
  domain: Organisation['domain'],
): Organisation => ({ kind: 'organisatie', id, name, category, domain });

export const gemeente = org('gemeente-a', 'Gemeente Aastad', 'overheidsdeelnemer', 'bestuurlijk');
export const ggz = org('ggz-regio', 'GGZ Regio', 'private-vaste-deelnemer', 'zorg');
export const wijkteam = org(
  'wijkteam-noord',
  'Wijkteam Noord',
  'private-vaste-deelnemer',
  'sociaal',
);
export const woonstede = org('woonstede', 'Woonstede', 'incidentele-deelnemer', 'sociaal');
export const organisations = [gemeente, ggz, wijkteam, woonstede];

export const zvh: Kamer = {
  kind: 'kamer',
  prioritisation: defaultPrioritisation,
  termijnen: defaultTermijnen,
  bewaartermijnen: { ...defaultBewaartermijnen },
  type: 'zvh',
  id: 'zvh-x',
  name: 'Zorg- en Veiligheidshuis X',
  code: 'ZVHX',
  regio: 'Regio X',
};
export const lkA: Kamer = {
  kind: 'kamer',
  prioritisation: defaultPrioritisation,
  termijnen: defaultTermijnen,
  bewaartermijnen: { ...defaultBewaartermijnen },
  type: 'lokale-kamer',
  id: 'lk-a',
  name: 'Lokale Kamer Aastad',
  code: 'LKA',
  gemeente: 'Aastad',
  zvhId: 'zvh-x',
};
