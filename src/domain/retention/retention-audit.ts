import { z } from 'zod';

/** The audit lines of a casus's bewaartermijn: its extension, a legal hold, and its end. */
export const retentionAuditActionSchema = z.enum([
  'bewaartermijn-verlengd',
  'bewaarplicht-ingesteld',
  'bewaarplicht-opgeheven',
  'geanonimiseerd',
]);
export type RetentionAuditAction = z.infer<typeof retentionAuditActionSchema>;

/** Opslagbeperking: personal data no longer than the purpose needs. */
export const RETENTION_LEGAL_BASIS = 'art. 5 lid 1 onder e AVG';

/**
 * Who the sweep's audit line names: no person decided, the term ran out. The nil UUID is never a
 * registry person, so nobody is mistaken for it.
 */
export const sweepAuditActor = Object.freeze({
  id: '00000000-0000-0000-0000-000000000000',
  name: 'casusbot',
  organisationId: 'casusbot',
  organisationName: 'casusbot (automatisch)',
  role: 'systeem',
});
export const SWEEP_ON_BEHALF_OF = 'de gezamenlijke verwerkingsverantwoordelijken (art. 26 AVG)';
