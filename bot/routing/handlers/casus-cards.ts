import type { AccessRefusal } from '../../../src/app/casus/casus-access';
import type { Actor } from '../../../src/app/identify-actor';
import { today } from '../../../src/app/intake/intake-services';
import type { Casus } from '../../../src/domain/casus/casus.schema';
import { mayExportDossier } from '../../../src/domain/casus/dossier-export';
import type { Kamer } from '../../../src/domain/registry/registry.schema';
import type { AdaptiveCardJson } from '../../cards/card-template';
import { casusCardFor } from '../../presenters/casus.presenter';
import { loadCasusView, type CasusViewExtra } from '../../presenters/casus-view';
import { refusalCard } from '../../presenters/error-cards';
import type { Services, Turn } from '../route-types';

/** The casus card for the turn's actor, with what the turn adds (a notice, a draft, a confirmation). */
export function cardFor(
  turn: Turn,
  casus: Casus,
  kamer: Kamer,
  extra: CasusViewExtra = {},
): Promise<AdaptiveCardJson> {
  return casusCardAs(turn.services, turn.actor, casus, kamer, extra);
}

/**
 * The same card for an actor outside a turn of their own (a press in a channel). Every casus card
 * is rendered for the one person it goes to (a refresh renders it again for whoever sees it), so
 * the dossier link on it is theirs: signed, no store call, checked again when it is opened.
 */
export async function casusCardAs(
  services: Pick<Services, 'registry' | 'now' | 'downloads'>,
  actor: Actor,
  casus: Casus,
  kamer: Kamer,
  extra: CasusViewExtra = {},
): Promise<AdaptiveCardJson> {
  const day = today(services);
  const [view, dossier] = await Promise.all([
    loadCasusView(services.registry, casus, kamer, extra, day),
    mayExportDossier(actor, casus, kamer, day)
      ? services.downloads.issue(actor.person.id, { kind: 'dossier', format: 'pdf', ref: casus.id })
      : undefined,
  ]);
  return casusCardFor(actor, casus, { ...view, ...(dossier && { dossierUrl: dossier.url }) });
}

export const notFound = (): AdaptiveCardJson =>
  refusalCard(
    'Casus niet gevonden',
    'Er is geen casus met dit nummer die jij mag inzien. Controleer het nummer.',
  );

export function accessRefusal(reason: AccessRefusal): AdaptiveCardJson {
  switch (reason.kind) {
    case 'not-found':
    case 'not-authorised':
      return notFound();
  }
}
