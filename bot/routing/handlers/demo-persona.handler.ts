import { folded } from '../../../src/domain/shared/folded-text';
import { z } from 'zod';
import { listDemoPersonas, switchDemoPersona } from '../../../src/app/switch-demo-persona';
import { demoPersonasCard } from '../../cards/demo-personas.card';
import { describeActor, describeRoles } from '../../presenters/actor.presenter';
import { refusalCard } from '../../presenters/error-cards';
import { verbRoute, type Turn } from '../route-types';
import { showHelp } from './help.handler';

const today = (turn: Turn) => turn.services.now().toISOString().slice(0, 10);

/** Persons on one page of "rol": a registry of any size stays one small card per page. */
export const PERSONAS_PER_PAGE = 10;

/** "rol" or "rol <naam>": the registry persons a demo user can act as, a page at a time. */
export async function showDemoPersonas(turn: Turn, filter = '', requestedPage = 1) {
  const { registry } = turn.services;
  const kamers = new Map((await registry.listKamers()).map((k) => [k.id, k]));
  const organisations = new Map((await registry.listOrganisations()).map((o) => [o.id, o.name]));
  const wanted = folded(filter);
  const personas = (await listDemoPersonas(registry, today(turn))).filter(
    (person) => !wanted || folded(person.name).includes(wanted),
  );
  const pages = Math.max(1, Math.ceil(personas.length / PERSONAS_PER_PAGE));
  const page = Math.min(Math.max(1, requestedPage), pages);
  const current = describeActor(turn.actor, kamers);
  return demoPersonasCard.render({
    current: `${current.name} (${current.roles})`,
    filter: filter.slice(0, 100),
    personas: personas
      .slice((page - 1) * PERSONAS_PER_PAGE, page * PERSONAS_PER_PAGE)
      .map((person) => ({
        id: person.id,
        name: person.name,
        roles: describeRoles(person, kamers),
        organisation: organisations.get(person.organisationId) ?? person.organisationId,
      })),
    none: personas.length === 0 ? [{}] : [],
    pager:
      pages > 1
        ? [
            {
              page,
              pages,
              count: personas.length,
              buttons: [
                ...(page > 1 ? [{ title: 'Vorige pagina' as const, page: page - 1 }] : []),
                ...(page < pages ? [{ title: 'Volgende pagina' as const, page: page + 1 }] : []),
              ],
            },
          ]
        : [],
  });
}

export const demoPersonaVerbRoutes = [
  verbRoute({
    verb: 'demo.persona',
    demoOnly: true,
    data: z.object({ personId: z.guid() }),
    async handle(turn, { personId }) {
      const result = await switchDemoPersona(
        turn.services.registry,
        turn.actor.aadObjectId,
        personId,
        {
          demoMode: turn.services.demoMode,
          today: today(turn),
        },
      );
      if (!result.ok) {
        return refusalCard(
          'Deze rol bestaat niet',
          'Kies een persoon uit de lijst die "rol" toont.',
        );
      }
      return showHelp({ ...turn, actor: result.value });
    },
  }),
  verbRoute({
    verb: 'demo.personas',
    demoOnly: true,
    data: z.object({
      page: z.coerce.number().int().min(1).max(10_000),
      filter: z.string().max(100).default(''),
    }),
    handle: (turn, { page, filter }) => showDemoPersonas(turn, filter, page),
  }),
];
