import { helpCard } from '../../cards/help.card';
import { describeActor } from '../../presenters/actor.presenter';
import type { Turn } from '../route-types';

export async function showHelp(turn: Turn) {
  const kamers = new Map((await turn.services.registry.listKamers()).map((k) => [k.id, k]));
  return helpCard.render({
    user: describeActor(turn.actor, kamers),
    commands: turn.commandsFor(turn.actor),
    demoNotice: turn.services.demoMode ? [{}] : [],
  });
}
