import { z } from 'zod';
import { listDemoPersonas, switchDemoPersona } from '../../../src/app/switch-demo-persona';
import { demoPersonasCard } from '../../cards/demo-personas.card';
import { describeActor, describeRoles } from '../../presenters/actor.presenter';
import { refusalCard } from '../../presenters/error-cards';
import { verbRoute, type Turn } from '../route-types';
import { showHelp } from './help.handler';

const today = (turn: Turn) => turn.services.now().toISOString().slice(0, 10);

/** "rol": the registry persons a demo user can act as, one button each. */
export async function showDemoPersonas(turn: Turn) {
  const { registry } = turn.services;
  const kamers = new Map((await registry.listKamers()).map((k) => [k.id, k]));
  const organisations = new Map((await registry.listOrganisations()).map((o) => [o.id, o.name]));
  const personas = await listDemoPersonas(registry, today(turn));
  const current = describeActor(turn.actor, kamers);
  return demoPersonasCard.render({
    current: `${current.name} (${current.roles})`,
    personas: personas.map((person) => ({
      id: person.id,
      name: person.name,
      roles: describeRoles(person, kamers),
      organisation: organisations.get(person.organisationId) ?? person.organisationId,
    })),
  });
}

export const switchDemoPersonaRoute = verbRoute({
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
      return refusalCard('Deze rol bestaat niet', 'Kies een persoon uit de lijst die "rol" toont.');
    }
    return showHelp({ ...turn, actor: result.value });
  },
});
