import { z } from 'zod';
import { discardIntake } from '../../../src/app/intake/discard-intake';
import { today, type IntakeRefusal } from '../../../src/app/intake/intake-services';
import { openOwnCasus } from '../../../src/app/intake/open-own-casus';
import { saveIntakeStep, type StepMove } from '../../../src/app/intake/save-intake-step';
import { startIntake } from '../../../src/app/intake/start-intake';
import { submitIntake, type SubmitRefusal } from '../../../src/app/intake/submit-intake';
import type { Casus } from '../../../src/domain/casus/casus.schema';
import { formValuesObject, intakeSteps } from '../../../src/domain/intake/intake-form';
import type { AdaptiveCardJson } from '../../cards/card-template';
import { information, warning, type Notice } from '../../cards/notice';
import { refusalCard } from '../../presenters/error-cards';
import { intakeCard, submittedCard, type IntakeView } from '../../presenters/intake.presenter';
import { showMyCasussen } from './my-casussen.handler';
import { verbRoute, type Turn } from '../route-types';

const STALE = warning(
  'Deze kaart was niet meer actueel. Hieronder staat de laatste stand van het concept; er is niets gewijzigd.',
);

/** Card data of every wizard button: the draft, its revision on the card, the step, and the inputs. */
const intakeActionSchema = formValuesObject.extend({
  casusId: z.uuid(),
  revision: z.coerce.number().int().min(0),
  step: z.enum(intakeSteps),
  target: z.enum(intakeSteps).optional(),
  /** '' on a card that was not opened from the summary's "Aanpassen". */
  returnTo: z
    .enum(['', 'samenvatting'])
    .optional()
    .transform((value) => (value === 'samenvatting' ? value : undefined)),
});

async function kamers(turn: Turn) {
  return turn.services.registry.listKamers();
}

/** What every intake card needs from the registry and the clock. */
async function intakeView(turn: Turn, extra: Partial<IntakeView> = {}): Promise<IntakeView> {
  const [all, organisations] = await Promise.all([
    kamers(turn),
    turn.services.registry.listOrganisations(),
  ]);
  return { kamers: all, organisations, today: today(turn.services), ...extra };
}

/**
 * The card that shows one's own casus as it is now (a draft or a submitted one), with a notice on
 * top. A submitted casus shown is a view, as through "casus <nummer>"; a draft is its author's
 * alone (and each change of it is recorded as one).
 */
async function currentCard(turn: Turn, casus: Casus, notice?: Notice): Promise<AdaptiveCardJson> {
  if (casus.state === 'concept') return intakeCard(casus, await intakeView(turn, { notice }));
  turn.services.access.viewed(casus, 'shown');
  return submittedCard(casus, await kamers(turn), notice);
}

async function refusal(
  turn: Turn,
  reason: IntakeRefusal | SubmitRefusal,
): Promise<AdaptiveCardJson> {
  switch (reason.kind) {
    case 'no-intake-role':
      return refusalCard(
        'Alleen voor intake',
        'Alleen medewerkers met een intake-rol, zoals wijkteammedewerkers, kunnen een casus aanmelden.',
      );
    case 'not-found':
      return refusalCard(
        'Casus niet gevonden',
        'Deze casus bestaat niet (meer). Typ "mijn casussen" voor je overzicht.',
      );
    case 'not-yours':
      return refusalCard(
        'Niet jouw casus',
        'Deze casus is door een andere medewerker aangemaakt; je kunt hem niet openen of wijzigen.',
      );
    case 'not-editable':
      return currentCard(
        turn,
        reason.casus,
        warning(
          'Deze casus is al aangemeld en kan niet meer als concept worden gewijzigd. Er is niets gewijzigd.',
        ),
      );
    case 'stale':
      return currentCard(turn, reason.casus, STALE);
    case 'incomplete':
      return intakeCard(
        { ...reason.casus, intake: { ...reason.casus.intake, step: reason.step } },
        await intakeView(turn, {
          errors: reason.errors,
          notice: warning('Deze stap moet nog worden aangevuld. Er is niets ingediend.'),
        }),
      );
    case 'criteria-not-met':
      return currentCard(
        turn,
        reason.casus,
        warning('De casus voldoet niet aan alle criteria van art. 2.20 BGS en is niet ingediend.'),
      );
  }
}

export async function startNewIntake(turn: Turn): Promise<AdaptiveCardJson> {
  const started = await startIntake(turn.services, turn.actor, turn.activityId);
  if (!started.ok) return refusal(turn, started.error);
  // The same activity once more finds its draft as it is now, which may be submitted since.
  return currentCard(turn, started.value);
}

const notices: Partial<Record<StepMove, Notice>> = {
  save: information('Tussentijds opgeslagen. Je kunt later verder via "mijn casussen".'),
  'add-aanwijzing': information('Er staat een aanwijzing bij. Wat je had ingevuld is opgeslagen.'),
};

const stepRoute = (verb: string, move: StepMove) =>
  verbRoute({
    verb,
    data: intakeActionSchema,
    async handle(turn, { casusId, revision, step, target, returnTo, ...values }) {
      const saved = await saveIntakeStep(turn.services, turn.actor, {
        casusId,
        revision,
        step,
        move,
        target,
        returnTo,
        values,
        activityId: turn.activityId,
      });
      if (!saved.ok) return refusal(turn, saved.error);
      const { casus, errors } = saved.value;
      const now = casus.intake.step;
      const movedOn = move === 'next' && !errors && now !== step;
      return intakeCard(
        casus,
        await intakeView(turn, {
          errors,
          notice: notices[move],
          // The verdict of the step just left; the summary shows them all anyway.
          left: movedOn && step !== 'samenvatting' && now !== 'samenvatting' ? step : undefined,
          // "Aanpassen" from the summary, and every save on the way: next goes back there.
          returnTo: now !== 'samenvatting' && move !== 'back' ? returnTo : undefined,
        }),
      );
    },
  });

export const intakeVerbRoutes = [
  verbRoute({ verb: 'intake.start', data: z.object({}), handle: (turn) => startNewIntake(turn) }),
  verbRoute({
    verb: 'intake.open',
    data: z.object({ casusId: z.uuid() }),
    async handle(turn, { casusId }) {
      const opened = await openOwnCasus(turn.services, turn.actor, casusId);
      // Someone else's casus, asked for by its id: a refused attempt, recorded under that casus.
      if (!opened.ok && opened.error.kind === 'not-yours')
        turn.services.access.viewed({ id: casusId }, 'refused');
      if (!opened.ok) return refusal(turn, opened.error);
      return currentCard(turn, opened.value);
    },
  }),
  stepRoute('intake.next', 'next'),
  stepRoute('intake.back', 'back'),
  stepRoute('intake.save', 'save'),
  stepRoute('intake.goto', 'goto'),
  stepRoute('intake.add-aanwijzing', 'add-aanwijzing'),
  verbRoute({
    verb: 'intake.submit',
    data: intakeActionSchema.pick({ casusId: true, revision: true }),
    async handle(turn, { casusId, revision }) {
      const submitted = await submitIntake(turn.services, turn.actor, {
        casusId,
        revision,
        activityId: turn.activityId,
      });
      if (!submitted.ok) return refusal(turn, submitted.error);
      turn.services.notifications.deliverSoon(submitted.value.id);
      return submittedCard(submitted.value, await kamers(turn));
    },
  }),
  verbRoute({
    verb: 'intake.discard',
    data: intakeActionSchema.pick({ casusId: true, revision: true }),
    async handle(turn, { casusId, revision }) {
      const discarded = await discardIntake(turn.services, turn.actor, {
        casusId,
        revision,
        activityId: turn.activityId,
      });
      if (!discarded.ok) return refusal(turn, discarded.error);
      return showMyCasussen(turn);
    },
  }),
];
