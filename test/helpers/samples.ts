import { randomUUID } from 'node:crypto';
import type { Casus } from '../../src/domain/casus/casus.schema';
import { submissionOf } from './intake-values';

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

/** A casus submitted yesterday and in behandeling at Lokale Kamer Rotterdam, under its number. */
export function casusInBehandeling(casusNumber: string): Casus & { casusNumber: string } {
  return {
    ...sampleCasus({
      state: 'in_behandeling_lokaal',
      kamerId: 'lk-rotterdam',
      casusNumber,
      revision: 2,
      submission: submissionOf(new Date(Date.now() - 86_400_000).toISOString()),
    }),
    casusNumber,
  };
}
