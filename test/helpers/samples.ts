import { randomUUID } from 'node:crypto';
import type { Casus } from '../../src/domain/casus/casus.schema';

/** A minimal valid casus in state `concept`. */
export function sampleCasus(overrides: Partial<Casus> = {}): Casus {
  return {
    kind: 'casus',
    id: randomUUID(),
    revision: 0,
    state: 'concept',
    createdAt: new Date().toISOString(),
    createdBy: {
      id: randomUUID(),
      name: 'Fatima El Amrani',
      organisationId: 'wijkteam-rotterdam-noord',
      organisationName: 'Wijkteam Rotterdam-Noord',
    },
    intake: { step: 'betrokkene', values: {} },
    audit: [],
    outbox: [],
    invitations: [],
    declarations: [],
    cards: [],
    ...overrides,
  };
}
