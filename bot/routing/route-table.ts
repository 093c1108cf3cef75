import { showDemoPersonas, switchDemoPersonaRoute } from './handlers/demo-persona.handler';
import { showHelp } from './handlers/help.handler';
import type { CommandRoute, VerbRoute } from './route-types';

/**
 * Every text command and card verb the bot answers, in one place. The Teams manifest's command
 * lists are checked against `commands`.
 */
export const routeTable: { commands: readonly CommandRoute[]; verbs: readonly VerbRoute[] } = {
  commands: [
    {
      command: 'help',
      aliases: ['hulp', '?'],
      description: 'Dit overzicht van de opdrachten',
      handle: showHelp,
    },
    {
      command: 'rol',
      description: 'Het werk van een andere rol bekijken (alleen in de demomodus)',
      demoOnly: true,
      handle: showDemoPersonas,
    },
  ],
  verbs: [switchDemoPersonaRoute],
};
