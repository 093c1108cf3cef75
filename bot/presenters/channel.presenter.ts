import type { Casus } from '../../src/domain/casus/casus.schema';
import type { ChannelEvent, ChannelView } from '../../src/domain/channel/channel-view';
import { urgenties } from '../../src/domain/intake/vocabulary';
import type { Kamer } from '../../src/domain/registry/registry.schema';
import type { AdaptiveCardJson } from '../cards/card-template';
import { channelReplyCard, channelThreadCard } from '../cards/channel.cards';
import { roleName } from './actor.presenter';
import { casusStateLabels, eventLabels, formatDateTime, lastDayOf } from './casus-status';
import { nextStep } from './next-step';

/** The kamers a thread is about: the Lokale Kamer, and the ZVH above it once it is involved. */
export interface ThreadKamers {
  lokaleKamer: Kamer;
  zvh: Kamer | undefined;
}

const zvhHolds: readonly Casus['state'][] = ['opschaling_aangevraagd', 'in_behandeling_zvh'];

/** The kamer that holds the casus in a state: the ZVH while it decides on or works on it. */
const holderIn = (state: Casus['state'], kamers: ThreadKamers): Kamer =>
  (zvhHolds.includes(state) && kamers.zvh) || kamers.lokaleKamer;

/** The root card of the casus's thread in `kamer`'s channel. */
export function channelThreadCardFor(
  view: ChannelView,
  kamers: ThreadKamers,
  kamer: Kamer,
): AdaptiveCardJson {
  const holder = holderIn(view.state, kamers);
  const { lastDecision, deadline } = view;
  return channelThreadCard.render({
    casusId: view.casusId,
    casusNumber: view.casusNumber,
    status: casusStateLabels[view.state],
    origin:
      kamer.id === kamers.lokaleKamer.id
        ? []
        : [{ text: `Opgeschaald vanuit ${kamers.lokaleKamer.name}` }],
    facts: [
      { label: 'Status', value: casusStateLabels[view.state] },
      { label: 'Kamer', value: holder.name },
      { label: 'Urgentie', value: urgenties.labels[view.urgentie] },
      ...(lastDecision
        ? [
            {
              label: 'Laatste stap',
              value: `${eventLabels[lastDecision.action]}, door ${roleName(lastDecision.role)} van ${lastDecision.organisationName}, ${formatDateTime(lastDecision.at)}`,
            },
          ]
        : []),
      { label: 'Volgende stap', value: nextStep(view, holder, []) },
      ...(deadline
        ? [
            {
              label: 'Termijn',
              value: deadline.overdue
                ? `Verstreken: dit had uiterlijk ${lastDayOf(deadline.dueAt)} moeten gebeuren`
                : `Uiterlijk ${lastDayOf(deadline.dueAt)}`,
              color: deadline.overdue ? ('Attention' as const) : ('Default' as const),
            },
          ]
        : []),
    ],
  });
}

/** A reply in the thread: one step, or a deadline notice. */
export function channelReplyCardFor(
  casusNumber: string,
  entryId: string,
  event: ChannelEvent,
  kamers: ThreadKamers,
): AdaptiveCardJson {
  const entryRef = `kanaal-${entryId}`;
  if (event.kind === 'step') {
    return channelReplyCard.render({
      casusNumber,
      entryRef,
      what: `${casusNumber}: ${eventLabels[event.action]}`,
      color: event.action === 'afwijzen' ? 'Attention' : 'Default',
      details: [
        {
          text: `Door ${roleName(event.role)} van ${event.organisationName}, ${formatDateTime(event.at)}`,
        },
      ],
    });
  }
  const holder = holderIn(event.state, kamers);
  const step = nextStep({ state: event.state }, holder, []);
  return channelReplyCard.render({
    casusNumber,
    entryRef,
    what:
      event.notice === 'termijn-verlopen'
        ? `${casusNumber}: termijn verstreken`
        : `${casusNumber}: herinnering, de termijn loopt af`,
    color: event.notice === 'termijn-verlopen' ? 'Attention' : 'Default',
    details: [
      { text: step },
      {
        text:
          event.notice === 'termijn-verlopen'
            ? `De termijn liep tot en met ${lastDayOf(event.dueAt)}.`
            : `Vandaag is de laatste werkdag: uiterlijk ${lastDayOf(event.dueAt)}.`,
      },
    ],
  });
}
