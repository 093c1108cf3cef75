import { helpCard } from '../../cards/help.card';
import { describeActor } from '../../presenters/actor.presenter';
import type { OfferedCommand, Turn } from '../route-types';

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Where the command's own name reads badly as a button. */
const titles: Readonly<Record<string, string>> = { rol: 'Rol kiezen' };

/**
 * Every command as a button named after it; one that needs an argument ("casus <nummer>") opens
 * its form instead ("Casus zoeken"). Help itself is the card being read.
 */
function buttonFor({ command, argument }: OfferedCommand) {
  if (command === 'help') return [];
  if (argument) {
    return [
      { title: `${capitalised(command)} zoeken`, verb: 'casus.search.form' as const, command },
    ];
  }
  return [
    { title: titles[command] ?? capitalised(command), verb: 'command.run' as const, command },
  ];
}

export async function showHelp(turn: Turn, _args = '', options: { notUnderstood?: boolean } = {}) {
  const kamers = new Map((await turn.services.registry.listKamers()).map((k) => [k.id, k]));
  return helpCard.render({
    user: describeActor(turn.actor, kamers),
    notUnderstood: options.notUnderstood ? [{}] : [],
    commands: turn.commandsFor(turn.actor).map((offered) => ({
      command: offered.argument ? `${offered.command} <${offered.argument}>` : offered.command,
      description: offered.description,
      button: buttonFor(offered),
    })),
    demoNotice: turn.services.demoMode ? [{}] : [],
  });
}

/** Text that is no command: said so, above the commands as buttons. */
export const showNotUnderstood = (turn: Turn) => showHelp(turn, '', { notUnderstood: true });
