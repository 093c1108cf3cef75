import { z } from 'zod';
import { casusVerbRoutes, showCasus } from './handlers/casus.handler';
import { demoPersonaVerbRoutes, showDemoPersonas } from './handlers/demo-persona.handler';
import { showHelp, showNotUnderstood } from './handlers/help.handler';
import { intakeVerbRoutes, startNewIntake } from './handlers/intake.handler';
import { invitationVerbRoutes } from './handlers/invitation.handler';
import { myCasussenVerbRoutes, showMyCasussen } from './handlers/my-casussen.handler';
import { navigationVerbRoutes, showCasuslijst } from './handlers/navigation.handler';
import { participantsVerbRoutes } from './handlers/participants.handler';
import { signingLinkVerbRoutes } from './handlers/signing-link.handler';
import { searchVerbRoutes } from './handlers/search.handler';
import {
  accessLogVerbRoutes,
  showAccessLog,
  whatDidPersonSee,
  whoSawCasus,
} from './handlers/access-log.handler';
import { contactpuntVerbRoutes, showContactpunt } from './handlers/contactpunt.handler';
import { contactpuntRequestRoutes } from './handlers/contactpunt-verzoek.handler';
import { refusalCard } from '../presenters/error-cards';
import {
  hasIntakeRole,
  isContactpunt,
  isDecisionMaker,
  isPrivacyOfficer,
} from '../../src/domain/registry/roles';
import { verbRoute, type CommandRoute, type Turn, type VerbRoute } from './route-types';
import type { AdaptiveCardJson } from '../cards/card-template';

/**
 * A command's button on the help card: the same handler as typing it. Only commands without an
 * argument, and demo-only ones only in demo mode, as when typed.
 */
const commandButtonRoute = verbRoute({
  verb: 'command.run',
  data: z.object({ command: z.string().max(50) }),
  async handle(turn, { command }) {
    const route = routeTable.commands.find((candidate) => candidate.command === command);
    if (!route || route.argument || (route.demoOnly && !turn.services.demoMode)) {
      return refusalCard('Onbekende actie', 'Deze kaart hoort niet bij casusbot of is verouderd.');
    }
    return route.handle(turn, '');
  },
});

/**
 * Every text command and card verb the bot answers, in one place. The Teams manifest's command
 * lists are checked against `commands`.
 */
export const routeTable: {
  commands: readonly CommandRoute[];
  verbs: readonly VerbRoute[];
  notUnderstood(turn: Turn): Promise<AdaptiveCardJson>;
} = {
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
      argument: 'nummer',
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
      command: 'toegangslog',
      description: 'Wie heeft welke casus ingezien (alleen de privacy officer)',
      offeredTo: (actor) => isPrivacyOfficer(actor.person),
      handle: showAccessLog,
    },
    {
      command: 'wie heeft casus',
      argument: 'nummer',
      description:
        'Wie heeft een casus ingezien, bijvoorbeeld: wie heeft casus LK-ROT-2026-0007 ingezien',
      offeredTo: (actor) => isPrivacyOfficer(actor.person),
      handle: whoSawCasus,
    },
    {
      command: 'wat heeft',
      argument: 'naam',
      description: 'Wat heeft iemand ingezien, bijvoorbeeld: wat heeft Jeroen de Vries ingezien',
      offeredTo: (actor) => isPrivacyOfficer(actor.person),
      handle: whatDidPersonSee,
    },
    {
      command: 'betrokkene zoeken',
      aliases: ['inzage', 'contactpunt'],
      description:
        'Alle casussen van een betrokkene, voor inzage, correctie, bezwaar of wissing (alleen het contactpunt)',
      offeredTo: (actor) => isContactpunt(actor.person),
      handle: showContactpunt,
    },
    {
      command: 'rol',
      description: 'Het werk van een andere rol bekijken (alleen in de demomodus)',
      demoOnly: true,
      handle: showDemoPersonas,
    },
  ],
  verbs: [
    ...demoPersonaVerbRoutes,
    ...intakeVerbRoutes,
    ...casusVerbRoutes,
    ...invitationVerbRoutes,
    commandButtonRoute,
    ...navigationVerbRoutes,
    ...myCasussenVerbRoutes,
    ...searchVerbRoutes,
    ...participantsVerbRoutes,
    ...signingLinkVerbRoutes,
    ...accessLogVerbRoutes,
    ...contactpuntVerbRoutes,
    ...contactpuntRequestRoutes,
  ],
  notUnderstood: showNotUnderstood,
};
