import type { Organisation, Person } from '../registry/registry.schema';
import type { AccessRecord } from './access-record.schema';
import { casusActionSchema } from '../casus/casus-machine';
import type { AuditEntry, Casus } from '../casus/casus.schema';
import { invitationAuditActionSchema } from '../invitation/invitation-audit';
import type { AccessWhat } from './access-record.schema';

/** The actor as an access record names them: id, name, organisation, roles with their kamer. */
export function accessActorOf(person: Person, organisation: Organisation): AccessRecord['actor'] {
  return {
    personId: person.id,
    name: person.name,
    organisationId: organisation.id,
    roles: person.roles.map((role) =>
      'kamerId' in role ? `${role.role}@${role.kamerId}` : role.role,
    ),
  };
}

/** The sweep and other work no person asked for. */
export const systemActor: AccessRecord['actor'] = Object.freeze({
  personId: 'systeem',
  name: 'casusbot (automatisch)',
  organisationId: 'casusbot',
  roles: [],
});

const intakeSide = new Set(['indienen', 'aanvullen', 'intake-gestart']);
const decisions = new Set<string>([
  ...casusActionSchema.options,
  'bewaartermijn-verlengd',
  'bewaarplicht-ingesteld',
  'bewaarplicht-opgeheven',
] satisfies AuditEntry['action'][]);
const shares = new Set<string>(invitationAuditActionSchema.options);

/**
 * What a write of this casus was, by the audit line it added: the last line, if it was written at
 * or after the turn began (none: another change, such as a draft's answers).
 */
export function accessWhatOfChange(casus: Casus | undefined, turnBegan: string): AccessWhat {
  const last = casus?.audit.at(-1);
  const line = last && last.at >= turnBegan ? last : undefined;
  if (!line || intakeSide.has(line.action)) return 'change';
  if (line.action === 'geanonimiseerd') return 'anonymise';
  if (decisions.has(line.action)) return 'decision';
  return shares.has(line.action) ? 'share' : 'change';
}
