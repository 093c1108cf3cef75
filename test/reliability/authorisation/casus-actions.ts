// The commands, the verbs without a casus, and the verbs on a casus itself (seeing it, the
// draft, the decisions), each as its user sends it.
import { routeTable } from '../../../bot/routing/route-table';
import {
  casusActionSchema,
  needsConfirmation,
  type CasusAction,
} from '../../../src/domain/casus/casus-machine';
import { walk } from '../../helpers/adaptive-card-check';
import { fieldFor } from '../../helpers/decision-press';
import { validStepValues } from '../../helpers/intake-values';
import { actorIds } from './actors';
import {
  carded,
  casusOf,
  execute,
  judgedByStore,
  motivation,
  noCasus,
  numberOf,
  offers,
  onCasus,
  ref,
  say,
  showsCasus,
  type ActionSpec,
  type Card,
  type Try,
} from './try';

/** What each command without a casus answers whoever may use it. */
const commandShows: Record<string, (card: Card, text: string) => boolean> = {
  help: (_c, text) => text.includes('Wat je kunt doen:'),
  'nieuwe casus': offers('intake.next'),
  'mijn casussen': (_c, text) => text.includes('"Mijn casussen"'),
  casus: offers('casus.search'),
  casuslijst: (_c, text) => text.includes('prioriteringscriteria die de overheidsdeelnemers'),
  rol: offers('demo.persona'),
  // The access log's form; without a number or a name it asks for one.
  toegangslog: offers('toegang.vraag'),
  'wie heeft casus': offers('toegang.vraag'),
  'wat heeft': offers('toegang.vraag'),
  // The contactpunt's search form.
  'betrokkene zoeken': offers('contactpunt.zoek'),
};
const never = () => false;

/** Whether the card has an "Open" (casus.open) for this casus. */
function opens(card: Card, casusId: string): boolean {
  let found = false;
  walk(card, (node) => {
    const data = node.data as { casusId?: unknown } | undefined;
    if (node.type === 'Action.Execute' && node.verb === 'casus.open' && data?.casusId === casusId)
      found = true;
  });
  return found;
}

/**
 * Every command typed without its argument, and each argument-less one by its help-card button.
 * A command with an argument is tried with one where its row is (`casus <nummer>` below, the
 * access log's in access-log-actions.ts).
 */
function commandSpecs(): ActionSpec[] {
  return routeTable.commands.flatMap((route) => {
    const shows = commandShows[route.command] ?? never;
    const typed = noCasus(route.command, async (bench, at) =>
      carded(await say(bench, at, route.command), shows),
    );
    if (route.argument) return [typed];
    const button = noCasus(`command.run ${route.command}`, async (bench, at) =>
      carded(await execute(bench, at, 'command.run', { command: route.command }), shows),
    );
    return [typed, button];
  });
}

const withoutCasus: ActionSpec[] = [
  noCasus('intake.start', async (bench, at) =>
    carded(await execute(bench, at, 'intake.start', {}), commandShows['nieuwe casus']!),
  ),
  noCasus('list.show casuslijst', async (bench, at) =>
    carded(
      await execute(bench, at, 'list.show', { list: 'casuslijst', page: 1 }),
      commandShows.casuslijst!,
    ),
  ),
  noCasus('list.show mijn-casussen', async (bench, at) =>
    carded(
      await execute(bench, at, 'list.show', { list: 'mijn-casussen', page: 1, draftsPage: 1 }),
      commandShows['mijn casussen']!,
    ),
  ),
  noCasus('casus.search.form', async (bench, at) =>
    carded(await execute(bench, at, 'casus.search.form', {}), commandShows.casus!),
  ),
  noCasus('demo.personas', async (bench, at) =>
    carded(await execute(bench, at, 'demo.personas', { page: 1 }), commandShows.rol!),
  ),
  noCasus('demo.persona', async (bench, at) =>
    carded(
      await execute(bench, at, 'demo.persona', { personId: actorIds.procesregisseur }),
      // The help card of the person chosen.
      commandShows.help!,
    ),
  ),
];

const seeing: ActionSpec[] = [
  onCasus('casus <nummer>', async (bench, at) =>
    carded(await say(bench, at, `casus ${numberOf(at)}`), showsCasus(at), [numberOf(at)]),
  ),
  onCasus('casus.search nummer', async (bench, at) =>
    carded(
      await execute(bench, at, 'casus.search', { by: 'nummer', casusNumber: numberOf(at) }),
      showsCasus(at),
      [numberOf(at)],
    ),
  ),
  onCasus('casus.search betrokkene', async (bench, at) =>
    carded(
      await execute(bench, at, 'casus.search', { by: 'betrokkene', ...casusOf(at).betrokkene }),
      // A hit is a row with the casus's "Open"; the form keeps what was typed.
      (card) => opens(card, casusOf(at).id),
      [casusOf(at).betrokkene.naam, casusOf(at).betrokkene.geboortedatum],
    ),
  ),
  onCasus('casus.refresh', async (bench, at) =>
    carded(await execute(bench, at, 'casus.refresh', { casusId: casusOf(at).id }), showsCasus(at)),
  ),
  onCasus('casus.open', async (bench, at) =>
    carded(await execute(bench, at, 'casus.open', { casusId: casusOf(at).id }), showsCasus(at)),
  ),
  onCasus('intake.open', async (bench, at) =>
    carded(
      // The draft to go on with, or the submitted casus: both name the betrokkene.
      await execute(bench, at, 'intake.open', { casusId: casusOf(at).id }),
      showsCasus(at),
    ),
  ),
];

/** A wizard button on the draft's first step, with its answers. */
const stepData = (at: Try) => ({
  ...ref(at),
  ...validStepValues.betrokkene,
  ...casusOf(at).betrokkene,
  step: 'betrokkene',
  target: 'criteria-1-2',
  returnTo: '',
});
const draftRef = (at: Try) => ({ ...ref(at), draftsPage: 1, submittedPage: 1 });

const draft: ActionSpec[] = [
  ...['intake.next', 'intake.back', 'intake.save', 'intake.goto', 'intake.add-aanwijzing'].map(
    (verb) =>
      onCasus(
        verb,
        async (bench, at) =>
          carded(
            await execute(bench, at, verb, stepData(at)),
            judgedByStore,
            Object.values(casusOf(at).betrokkene),
          ),
        true,
      ),
  ),
  ...['intake.submit', 'intake.discard', 'draft.remove'].map((verb) =>
    onCasus(
      verb,
      async (bench, at) => carded(await execute(bench, at, verb, draftRef(at)), judgedByStore),
      true,
    ),
  ),
  onCasus('draft.remove.ask', async (bench, at) =>
    carded(await execute(bench, at, 'draft.remove.ask', draftRef(at)), offers('draft.remove')),
  ),
];

/** Both presses of every action of the state machine: a reversible first press decides. */
function decisionSpecs(): ActionSpec[] {
  const data = (at: Try, action: CasusAction, field: string) => ({
    ...ref(at),
    action,
    [field]: motivation,
    ...(action === 'afsluiten' && { closeReason: 'plan-uitgevoerd' }),
  });
  return casusActionSchema.options.flatMap((action) => [
    onCasus(
      `casus.decide ${action}`,
      async (bench, at) =>
        carded(
          await execute(bench, at, 'casus.decide', data(at, action, fieldFor(action))),
          offers('casus.confirm'),
        ),
      !needsConfirmation(action),
    ),
    onCasus(
      `casus.confirm ${action}`,
      async (bench, at) =>
        carded(
          await execute(bench, at, 'casus.confirm', data(at, action, 'motivation')),
          judgedByStore,
        ),
      true,
    ),
  ]);
}

export function casusActionSpecs(): ActionSpec[] {
  return [...commandSpecs(), ...withoutCasus, ...seeing, ...draft, ...decisionSpecs()];
}
