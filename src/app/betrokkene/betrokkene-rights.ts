import { z } from 'zod';
import {
  betrokkeneRightsBasis,
  type BetrokkeneRightsAction,
} from '../../domain/betrokkene/rights-audit';
import { auditLineOf } from '../../domain/casus/applied-activity';
import { appendAuditLine } from '../../domain/casus/audit-chain';
import type { Versioned } from '../../domain/casus/casus.repository';
import { personRef } from '../../domain/casus/casus-transition';
import type { AuditEntry, Casus } from '../../domain/casus/casus.schema';
import { birthDateSchema } from '../../domain/intake/intake-form';
import { betrokkeneSchema, MAX_TEXT, MIN_MOTIVATION } from '../../domain/intake/intake.schema';
import { anonymiseCasus } from '../../domain/retention/anonymise';
import { erasureBlocked } from '../../domain/betrokkene/erasure';
import { SWEEP_ON_BEHALF_OF } from '../../domain/retention/retention-audit';
import { fail, ok, type Result } from '../../domain/shared/result';
import { WriteOutcomeUnknownError } from '../../domain/shared/write-outcome';
import type { Actor } from '../identify-actor';
import { asContactpunt, type BetrokkeneServices, type NotContactpunt } from './find-betrokkene';

/** The betrokkene's fields a rectificatie can correct, with their Dutch names. */
export const correctableFields = {
  naam: 'Naam',
  geboortedatum: 'Geboortedatum',
  gemeente: 'Gemeente',
  bsn: 'BSN',
} as const;
export const correctableFieldSchema = z.enum(['naam', 'geboortedatum', 'gemeente', 'bsn']);
export type CorrectableField = z.infer<typeof correctableFieldSchema>;

export type RightsRefusal =
  | { kind: NotContactpunt }
  | { kind: 'not-found' }
  /** The card showed an older revision: someone changed the casus since. */
  | { kind: 'stale'; casus: Casus }
  /** An erasure granted for a casus that still runs, or is held (`erasureBlocked`). */
  | { kind: 'still-open' | 'on-hold'; casus: Casus }
  /** The casus as loaded, when the input was checked after loading it. */
  | { kind: 'invalid'; field: 'waarde' | 'motivering'; message: string; casus?: Casus };

/** A refused input: the first of its messages, on the field it belongs to. */
const invalid = (
  casus: Casus,
  field: 'waarde' | 'motivering',
  error: { issues: readonly { message: string }[] },
): RightsRefusal => ({ kind: 'invalid', casus, field, message: error.issues[0]?.message ?? '' });

interface Target {
  casusId: string;
  revision: number;
  activityId: string | undefined;
}

const motivationSchema = z
  .string()
  .trim()
  .min(MIN_MOTIVATION, `Geef een motivering van minstens ${MIN_MOTIVATION} tekens.`)
  .max(MAX_TEXT, `Houd de motivering korter dan ${MAX_TEXT} tekens.`);

/**
 * The casus at the card's revision, for the contactpunt; a stub or a draft is no casus here. A
 * casus that already holds this activity's line (Teams delivered the press twice, or the answer
 * of its write was lost) is `done`: the request was recorded, and is not recorded again.
 */
async function load(
  services: BetrokkeneServices,
  actor: Actor,
  target: Target,
): Promise<Result<{ stored: Versioned<Casus>; done: boolean }, RightsRefusal>> {
  const allowed = asContactpunt(actor, services.access, 'change');
  if (!allowed.ok) return fail({ kind: allowed.error });
  const stored = await services.casussen.get(target.casusId);
  const mine = stored && auditLineOf(stored.value, target.activityId);
  if (stored && mine?.actor.id === actor.person.id) return ok({ stored, done: true });
  if (
    !stored ||
    stored.value.state === 'concept' ||
    stored.value.anonymised ||
    !stored.value.kamerId
  )
    return fail({ kind: 'not-found' as const });
  if (stored.value.revision !== target.revision)
    return fail({ kind: 'stale' as const, casus: stored.value });
  return ok({ stored, done: false });
}

const lineOf = (
  actor: Actor,
  at: string,
  casus: Casus,
  action: BetrokkeneRightsAction,
  motivation: string,
  activityId: string | undefined,
): Omit<AuditEntry, 'prevHash' | 'hash'> => ({
  at,
  actor: { ...personRef(actor.person, actor.organisation), role: 'contactpunt' },
  onBehalfOf: SWEEP_ON_BEHALF_OF,
  action,
  from: casus.state,
  to: casus.state,
  motivation,
  legalBasis: betrokkeneRightsBasis[action],
  ...(activityId ? { activityId } : {}),
});

/**
 * One ETag-guarded write; a lost answer is read back: this activity's line in it means done, an
 * unchanged casus is written once more, anything else is a stale card.
 */
async function write(
  services: BetrokkeneServices,
  next: Casus,
  etag: string,
  done: (casus: Casus) => boolean,
): Promise<Result<Casus, RightsRefusal>> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const written = await services.casussen.replace(next, etag);
    if (written.ok) return ok(written.value.value);
    const current = await services.casussen.get(next.id);
    if (!current) return fail({ kind: 'not-found' });
    if (done(current.value)) return ok(current.value);
    if (written.error !== 'outcome-unknown' || current.etag !== etag)
      return fail({ kind: 'stale', casus: current.value });
  }
  throw new WriteOutcomeUnknownError('een verzoek van betrokkene');
}

const byActivity = (actor: Actor, activityId: string | undefined) => (casus: Casus) =>
  activityId !== undefined &&
  casus.audit.some((line) => line.activityId === activityId && line.actor.id === actor.person.id);

/**
 * Rectificatie (AVG art. 16): the corrected value replaces the stored one, in the submitted intake
 * and in the answers as typed, with the search keys it feeds; the audit line names the field and
 * the motivation, never the old value.
 */
export async function rectifyBetrokkene(
  services: BetrokkeneServices,
  actor: Actor,
  input: Target & { field: CorrectableField; value: string; motivation: string },
): Promise<Result<Casus, RightsRefusal>> {
  const loaded = await load(services, actor, input);
  if (!loaded.ok) return loaded;
  if (loaded.value.done) return ok(loaded.value.stored.value);
  const { value: casus, etag } = loaded.value.stored;
  const submitted = casus.submission;
  if (!submitted) return fail({ kind: 'not-found' });
  // The same rules as at intake: a date of birth is a real day, not in the future or long ago.
  const today = services.now().toISOString().slice(0, 10);
  const schema =
    input.field === 'geboortedatum' ? birthDateSchema(today) : betrokkeneSchema.shape[input.field];
  const parsed = schema.safeParse(input.value);
  if (!parsed.success) return fail(invalid(casus, 'waarde', parsed.error));
  if (input.field !== 'bsn' && !parsed.data)
    return fail({ kind: 'invalid', casus, field: 'waarde', message: 'Vul de juiste waarde in.' });
  const motivation = motivationSchema.safeParse(input.motivation);
  if (!motivation.success) return fail(invalid(casus, 'motivering', motivation.error));
  const betrokkene = { ...submitted.intake.betrokkene, [input.field]: parsed.data };
  if (betrokkene.bsn === undefined) delete betrokkene.bsn;
  const at = services.now().toISOString();
  const next: Casus = {
    ...casus,
    revision: casus.revision + 1,
    intake: {
      ...casus.intake,
      values: { ...casus.intake.values, [input.field]: parsed.data ?? '' },
    },
    submission: { ...submitted, intake: { ...submitted.intake, betrokkene } },
    betrokkeneKey: services.betrokkeneKey(betrokkene.naam, betrokkene.geboortedatum),
    ...(betrokkene.bsn ? { bsnKey: services.bsnKey(betrokkene.bsn) } : {}),
    ...appendAuditLine(
      casus,
      lineOf(
        actor,
        at,
        casus,
        'rectificatie',
        `${correctableFields[input.field]}: ${motivation.data}`,
        input.activityId,
      ),
    ),
  };
  // A BSN corrected away takes its search key with it.
  if (!betrokkene.bsn) delete next.bsnKey;
  return write(services, next, etag, byActivity(actor, input.activityId));
}

export type RequestKind = 'bezwaar' | 'wissing';
export type RequestDecision = 'toegewezen' | 'afgewezen';

/**
 * A bezwaar (AVG art. 21) or an erasure request (art. 17) with the decision taken: an audit line
 * with its motivation. A granted erasure is carried out at once, by the same anonymisation as the
 * retention sweep; its stub keeps no motivation (it would describe the betrokkene), so its line
 * names the request by its legal basis.
 */
export async function decideRequest(
  services: BetrokkeneServices,
  actor: Actor,
  input: Target & { kind: RequestKind; decision: RequestDecision; motivation: string },
): Promise<Result<Casus, RightsRefusal>> {
  const loaded = await load(services, actor, input);
  if (!loaded.ok) return loaded;
  if (loaded.value.done) return ok(loaded.value.stored.value);
  const { value: casus, etag } = loaded.value.stored;
  const motivation = motivationSchema.safeParse(input.motivation);
  if (!motivation.success) return fail(invalid(casus, 'motivering', motivation.error));
  const at = services.now().toISOString();
  if (input.kind === 'wissing' && input.decision === 'toegewezen') {
    const blocked = erasureBlocked(casus);
    if (blocked) return fail({ kind: blocked, casus });
    const stub = anonymiseCasus(casus, {
      at,
      reason: 'wissing',
      actor: { ...personRef(actor.person, actor.organisation), role: 'contactpunt' },
      onBehalfOf: SWEEP_ON_BEHALF_OF,
      legalBasis: 'art. 17 AVG (verzoek om wissing toegewezen); art. 1.1 BGS (contactpunt)',
      newOutboxId: services.newId(),
      activityId: input.activityId,
    });
    return write(services, stub, etag, (current) => current.anonymised?.reason === 'wissing');
  }
  const action: BetrokkeneRightsAction =
    input.kind === 'wissing'
      ? 'wissingsverzoek-afgewezen'
      : input.decision === 'toegewezen'
        ? 'bezwaar-toegewezen'
        : 'bezwaar-afgewezen';
  const next: Casus = {
    ...casus,
    revision: casus.revision + 1,
    ...appendAuditLine(casus, lineOf(actor, at, casus, action, motivation.data, input.activityId)),
  };
  return write(services, next, etag, byActivity(actor, input.activityId));
}
