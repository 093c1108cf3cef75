import { casusVerbRoutes, showCasus, showCasuslijst } from './handlers/casus.handler';
import { showDemoPersonas, switchDemoPersonaRoute } from './handlers/demo-persona.handler';
import { showHelp } from './handlers/help.handler';
import { intakeVerbRoutes, showMyCasussen, startNewIntake } from './handlers/intake.handler';
import { hasIntakeRole, isDecisionMaker } from '../../src/domain/registry/roles';
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
      command: 'nieuwe casus',
      description: 'Een casus aanmelden, getoetst aan art. 2.20 BGS',
      offeredTo: (actor) => hasIntakeRole(actor.person),
      handle: startNewIntake,
    },
    {
      command: 'mijn casussen',
      description: 'Je concepten en aangemelde casussen',
      offeredTo: (actor) => hasIntakeRole(actor.person),
      handle: showMyCasussen,
    },
    {
      command: 'casus',
      description: 'Status en verloop van een casus, bijvoorbeeld: casus LK-ROT-2026-0007',
      handle: showCasus,
    },
    {
      command: 'casuslijst',
      description: 'De open casussen van je kamer, in volgorde van prioriteit',
      offeredTo: (actor) => isDecisionMaker(actor),
      handle: showCasuslijst,
    },
    {
      command: 'rol',
      description: 'Het werk van een andere rol bekijken (alleen in de demomodus)',
      demoOnly: true,
      handle: showDemoPersonas,
    },
  ],
  verbs: [switchDemoPersonaRoute, ...intakeVerbRoutes, ...casusVerbRoutes],
};
