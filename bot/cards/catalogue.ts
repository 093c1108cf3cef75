import type { CardTemplate } from './card-template';
import { casusCard } from './casus.card';
import { casusCompactCard } from './casus-compact.card';
import { casusNotificationCard } from './casus-notification.card';
import { casusSupersededCard } from './casus-superseded.card';
import { channelReplyCard, channelThreadCard } from './channel.cards';
import { casuslijstCard } from './casuslijst.card';
import { demoPersonasCard } from './demo-personas.card';
import { errorCard } from './error.card';
import { helpCard } from './help.card';
import { intakeStepCards } from './intake-step.cards';
import { intakeSubmittedCard } from './intake-submitted.card';
import { intakeSummaryCard } from './intake-summary.card';
import { draftRemoveCard, myCasussenCard } from './my-casussen.card';
import { casusSearchCard } from './casus-search.card';
import { notAuthorisedCard } from './not-authorised.card';
import { invitationFormCard } from './invitation-form.card';
import { informationSharedCard } from './information-shared.card';
import { invitationParticipantsCard } from './invitation-participants.card';
import { invitationShareCard } from './invitation-share.card';
import { invitationLinkCard } from './invitation-link.card';
import { invitationSignCard } from './invitation-sign.card';
import { accessLogCard } from './access-log.card';
import { contactpuntCard } from './contactpunt.card';
import { contactpuntVerzoekCard } from './contactpunt-verzoek.card';

/** Every card the bot sends; the card tests render each with `cards/samples/<name>.json`. */
export const cardCatalogue: readonly CardTemplate<never>[] = [
  helpCard,
  notAuthorisedCard,
  errorCard,
  demoPersonasCard,
  ...Object.values(intakeStepCards),
  intakeSummaryCard,
  intakeSubmittedCard,
  myCasussenCard,
  draftRemoveCard,
  casusSearchCard,
  casusCard,
  casusSupersededCard,
  casusNotificationCard,
  casusCompactCard,
  casuslijstCard,
  invitationFormCard,
  invitationParticipantsCard,
  invitationShareCard,
  informationSharedCard,
  invitationSignCard,
  invitationLinkCard,
  channelThreadCard,
  channelReplyCard,
  accessLogCard,
  contactpuntCard,
  contactpuntVerzoekCard,
];
