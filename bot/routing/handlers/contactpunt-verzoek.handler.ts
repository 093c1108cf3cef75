import { z } from 'zod';
import {
  correctableFields,
  correctableFieldSchema,
  decideRequest,
  rectifyBetrokkene,
  type RightsRefusal,
} from '../../../src/app/betrokkene/betrokkene-rights';
import type { Casus } from '../../../src/domain/casus/casus.schema';
import { MIN_MOTIVATION } from '../../../src/domain/intake/intake.schema';
import { isContactpunt } from '../../../src/domain/registry/roles';
import type { Result } from '../../../src/domain/shared/result';
import type { AdaptiveCardJson } from '../../cards/card-template';
import { listStateLabels } from '../../cards/casuslijst.card';
import { contactpuntVerzoekCard } from '../../cards/contactpunt-verzoek.card';
import { information, warning, type Notice } from '../../cards/notice';
import { formatDate } from '../../presenters/casus-status';
import { contactpuntView } from '../../presenters/contactpunt.presenter';
import { refusalCard } from '../../presenters/error-cards';
import { verbRoute, type Turn } from '../route-types';
import { notContactpunt } from './contactpunt.handler';
import {
  ERASURE_ON_HOLD,
  ERASURE_WHILE_OPEN,
  erasureBlocked,
} from '../../../src/domain/betrokkene/erasure';

type Form =
  | { soort: 'rectificatie'; veld?: string; waarde?: string; motivering?: string }
  | { soort: 'bezwaar'; verzoek?: string; besluit?: string; motivering?: string }
  | { soort: 'bevestigen'; motivering: string };

const oneOf = <T extends string>(value: string | undefined, options: readonly T[]) =>
  options.find((option) => option === value) ?? '';

/** The request card for one casus: which form, with what was typed, and a word about it. */
function requestCard(casus: Casus, form: Form, notice?: Notice): AdaptiveCardJson {
  const target = { casusId: casus.id, revision: casus.revision };
  const submitted = casus.submission?.submittedAt ?? casus.createdAt;
  return contactpuntVerzoekCard.render({
    casusNumber: casus.casusNumber ?? '',
    detail: `${listStateLabels[casus.state]} · aangemeld ${formatDate(submitted)}`,
    notices: notice ? [notice] : [],
    rectificatie:
      form.soort === 'rectificatie'
        ? [
            {
              ...target,
              veld: oneOf(form.veld, correctableFieldSchema.options),
              waarde: (form.waarde ?? '').slice(0, 200),
              motivering: (form.motivering ?? '').slice(0, 2000),
            },
          ]
        : [],
    bezwaar:
      form.soort === 'bezwaar'
        ? [
            {
              ...target,
              soort: oneOf(form.verzoek, ['bezwaar', 'wissing'] as const),
              besluit: oneOf(form.besluit, ['toegewezen', 'afgewezen'] as const),
              motivering: (form.motivering ?? '').slice(0, 2000),
            },
          ]
        : [],
    confirm: form.soort === 'bevestigen' ? [{ ...target, motivering: form.motivering }] : [],
  });
}

/** What a refused write answers: the form again (stale, invalid), or a refusal. */
function refused(
  turn: Turn,
  refusal: RightsRefusal,
  form: Form,
  casusId: string,
): AdaptiveCardJson | Promise<AdaptiveCardJson> {
  switch (refusal.kind) {
    case 'not-contactpunt':
      return notContactpunt(turn, 'change');
    case 'not-found':
      return refusalCard(
        'Casus niet gevonden',
        'Deze casus bestaat niet (meer), of de persoonsgegevens zijn al verwijderd.',
      );
    case 'still-open':
      return requestCard(refusal.casus, form, warning(ERASURE_WHILE_OPEN));
    case 'on-hold':
      return requestCard(refusal.casus, form, warning(ERASURE_ON_HOLD));
    case 'stale':
      return requestCard(
        refusal.casus,
        form,
        warning(
          'Deze casus is gewijzigd sinds deze kaart is gemaakt. Er is niets vastgelegd: kijk het verzoek na en leg het opnieuw vast.',
        ),
      );
    case 'invalid':
      if (refusal.casus) return requestCard(refusal.casus, form, warning(refusal.message));
      return turn.services.casussen.get(casusId).then((stored) => {
        // A draft, a stub or a forged id is no casus of a betrokkene here, as for the other refusals.
        if (!stored || stored.value.state === 'concept' || stored.value.anonymised)
          return refused(turn, { kind: 'not-found' }, form, casusId);
        return requestCard(stored.value, form, warning(refusal.message));
      });
  }
}

async function done(
  turn: Turn,
  result: Result<Casus, RightsRefusal>,
  form: Form,
  id: string,
  what: string,
) {
  if (!result.ok) return refused(turn, result.error, form, id);
  turn.services.notifications.deliverSoon(result.value.id);
  return contactpuntView(
    undefined,
    information(`${what} in casus ${result.value.casusNumber ?? ''}.`),
  );
}

const target = { casusId: z.uuid(), revision: z.coerce.number().int().min(0) };

export const contactpuntRequestRoutes = [
  verbRoute({
    verb: 'contactpunt.verzoek',
    data: z.object({ ...target, soort: z.enum(['rectificatie', 'bezwaar']) }),
    async handle(turn, { casusId, soort }) {
      if (!isContactpunt(turn.actor.person)) return notContactpunt(turn, 'change');
      const stored = await turn.services.casussen.get(casusId);
      if (!stored || stored.value.anonymised || stored.value.state === 'concept')
        return refused(turn, { kind: 'not-found' }, { soort }, casusId);
      return requestCard(stored.value, { soort });
    },
  }),
  verbRoute({
    verb: 'contactpunt.rectificatie',
    data: z.object({
      ...target,
      veld: z.string().max(20).default(''),
      waarde: z.string().max(200).default(''),
      motivering: z.string().max(2000).default(''),
    }),
    async handle(turn, { casusId, revision, veld, waarde, motivering }) {
      const form: Form = { soort: 'rectificatie', veld, waarde, motivering };
      const field = correctableFieldSchema.safeParse(veld);
      if (!field.success) {
        if (!isContactpunt(turn.actor.person)) return notContactpunt(turn, 'change');
        return refused(
          turn,
          { kind: 'invalid', field: 'waarde', message: 'Kies welk gegeven je corrigeert.' },
          form,
          casusId,
        );
      }
      const result = await rectifyBetrokkene(turn.services, turn.actor, {
        casusId,
        revision,
        activityId: turn.activityId,
        field: field.data,
        value: waarde,
        motivation: motivering,
      });
      return done(
        turn,
        result,
        form,
        casusId,
        `De correctie van ${correctableFields[field.data].toLowerCase()} is vastgelegd`,
      );
    },
  }),
  verbRoute({
    verb: 'contactpunt.besluit',
    data: z.object({
      ...target,
      soort: z.string().max(20).default(''),
      besluit: z.string().max(20).default(''),
      motivering: z.string().max(2000).default(''),
      bevestigd: z.boolean().default(false),
    }),
    async handle(turn, { casusId, revision, soort, besluit, motivering, bevestigd }) {
      const form: Form = { soort: 'bezwaar', verzoek: soort, besluit, motivering };
      const kind = soort === 'bezwaar' || soort === 'wissing' ? soort : undefined;
      const decision = besluit === 'toegewezen' || besluit === 'afgewezen' ? besluit : undefined;
      if (!kind || !decision || motivering.trim().length < MIN_MOTIVATION) {
        if (!isContactpunt(turn.actor.person)) return notContactpunt(turn, 'change');
        const message =
          !kind || !decision
            ? 'Kies het soort verzoek en het besluit.'
            : `Geef een motivering van minstens ${MIN_MOTIVATION} tekens.`;
        return refused(turn, { kind: 'invalid', field: 'motivering', message }, form, casusId);
      }
      if (kind === 'wissing' && decision === 'toegewezen' && !bevestigd) {
        if (!isContactpunt(turn.actor.person)) return notContactpunt(turn, 'change');
        const stored = await turn.services.casussen.get(casusId);
        if (!stored || stored.value.anonymised)
          return refused(turn, { kind: 'not-found' }, form, casusId);
        if (stored.value.revision !== revision)
          return refused(turn, { kind: 'stale', casus: stored.value }, form, casusId);
        const blocked = erasureBlocked(stored.value);
        if (blocked) return refused(turn, { kind: blocked, casus: stored.value }, form, casusId);
        return requestCard(stored.value, { soort: 'bevestigen', motivering: motivering.trim() });
      }
      const result = await decideRequest(turn.services, turn.actor, {
        casusId,
        revision,
        activityId: turn.activityId,
        kind,
        decision,
        motivation: motivering,
      });
      const what =
        kind === 'wissing' && decision === 'toegewezen'
          ? 'De persoonsgegevens zijn gewist; alleen het verloop is bewaard'
          : `${kind === 'bezwaar' ? 'Het bezwaar' : 'Het verzoek om wissing'} is vastgelegd als ${decision}`;
      return done(turn, result, form, casusId, what);
    },
  }),
];
