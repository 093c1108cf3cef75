// Realistic activities as Teams sends them (messages, card buttons, dialogs, membership and
// installation events), from every kind of sender: what the hostile kinds then break.
import fc from 'fast-check';
import { OPEN_IN_CHAT_VERB } from '../../../bot/routing/channel-verbs';
import { routeTable } from '../../../bot/routing/route-table';
import { casusActionSchema } from '../../../src/domain/casus/casus-machine';
import { intakeSteps } from '../../../src/domain/intake/intake-form';
import { executeActivity, messageActivity, submitActivity } from '../../helpers/activities';
import { inTenant } from '../../helpers/production-env';
import { coerced } from './guard';
import { hostileString, ordinary, wrongValue } from './strings';
import { admitted, insiders, outsiders, type Target } from './targets';

export type Json = Record<string, unknown>;

/** Every verb the bot's cards carry, from its own route table. */
export const realVerbs = [...routeTable.verbs.map((route) => route.verb), OPEN_IN_CHAT_VERB];

export interface Aim {
  serviceUrl: string;
  /** The tenant the activities name ('tenant' in demo mode, the bot's own in production). */
  tenantId: string;
  targets: Target[];
}

/** How a card button's data names its casus. */
export type CasusRef = 'forged' | 'stale' | 'current';

const motivationLike = fc.oneof(
  fc.constant('Besproken in het casusoverleg: alle partners stemmen in met dit besluit.'),
  hostileString(),
);

/** The fields card data carries, each with realistic and odd values. */
const dataFields: Record<string, fc.Arbitrary<unknown>> = {
  step: fc.constantFrom(...intakeSteps, 'samenvatting', 'x'),
  target: fc.constantFrom(...intakeSteps),
  action: fc.constantFrom(...casusActionSchema.options, 'verwijderen'),
  motivation: motivationLike,
  motivationOpschalen: motivationLike,
  motivationAfschalen: motivationLike,
  motivationAfsluiten: motivationLike,
  closeReason: fc.constantFrom('plan-uitgevoerd', 'overleden', 'x'),
  invitationId: fc.uuid(),
  page: fc.oneof(fc.integer({ min: -2, max: 50 }), fc.constant('1')),
  list: fc.constantFrom('concepten', 'aangemeld', 'open', 'x'),
  command: fc.constantFrom('help', 'nieuwe casus', 'casuslijst', 'mijn casussen', 'rol', 'casus'),
  casusNumber: fc.constantFrom('LK-ROT-2026-0001', 'LK-ROT-2026-0002', 'LK-ROT-9999-9999'),
  naam: fc.constantFrom('Jan Jansen', 'Karin de Wit', 'Jansen'),
  geboortedatum: fc.constantFrom('1988-04-12', '1975-02-19', '31-02-2000'),
  by: fc.constantFrom('nummer', 'naam', 'x'),
  filter: hostileString(),
  personId: fc.constantFrom(...Object.values(insiders), ...Object.values(outsiders)),
  back: fc.array(fc.oneof(wrongValue(), fc.constant({ verb: 'list.show', data: {} })), {
    maxLength: 2,
  }),
  bsn: fc.constantFrom('111222333', '234567004', '000000000'),
};

/** Card data: some of the fields above, and a reference to a casus of the given kind. */
function cardData(aim: Aim, ref: CasusRef): fc.Arbitrary<Json> {
  const target = fc.constantFrom(...aim.targets);
  const fields = fc
    .subarray(Object.keys(dataFields), { maxLength: 5 })
    .chain((keys) =>
      fc.record(Object.fromEntries(keys.map((key) => [key, dataFields[key] ?? fc.constant('')]))),
    );
  const casus =
    ref === 'forged'
      ? fc.record({
          casusId: fc.oneof(
            fc.uuid(),
            fc.constantFrom(...aim.targets.map((t) => t.casusNumber ?? t.id.toUpperCase())),
            hostileString(),
            wrongValue(),
          ),
          revision: fc.oneof(fc.integer({ min: -3, max: 40 }), wrongValue()),
        })
      : target.chain((t) =>
          fc.record({
            casusId: fc.constant(t.id),
            revision:
              ref === 'current'
                ? fc.constant(t.revision)
                : fc
                    .oneof(fc.integer({ min: -2, max: t.revision + 50 }), wrongValue())
                    .filter((revision) => coerced(revision) !== t.revision),
          }),
        );
  return fc.tuple(fields, casus).map(([extra, ref]) => ({ ...extra, ...ref }));
}

const everyone = [...Object.values(insiders), ...Object.values(outsiders)];
const channel = { id: '19:kanaal@thread.tacv2', teamId: '19:team@thread.tacv2' };

/** Who sends it, and from where: a personal chat mostly, sometimes a group chat or a channel. */
function sender(aim: Aim, from: readonly (string | undefined)[]) {
  return fc
    .record({
      aadObjectId: fc.constantFrom(...from),
      place: fc.constantFrom('personal', 'personal', 'personal', 'groupChat', 'channel'),
    })
    .map(({ aadObjectId, place }) => ({
      serviceUrl: aim.serviceUrl,
      aadObjectId,
      // A known person's turn elsewhere may rightly be remembered: they speak in their own chat.
      ...(aadObjectId && admitted.has(aadObjectId)
        ? { conversationType: 'personal' as const }
        : place === 'channel'
          ? { channel }
          : { conversationType: place }),
    }));
}

/** A card button's activity: Action.Execute mostly, Action.Submit as a message, or a dialog. */
function button(aim: Aim, verb: fc.Arbitrary<string>, data: fc.Arbitrary<Json>, from: string[]) {
  return fc
    .tuple(fc.constantFrom('execute', 'execute', 'submit', 'dialog'), verb, data, sender(aim, from))
    .map(([how, chosen, values, options]) => {
      if (how === 'submit') return submitActivity({ ...values, verb: chosen }, options);
      const activity = executeActivity(chosen, values, options);
      if (how === 'execute') return activity;
      const name = values.page === undefined ? 'task/fetch' : 'task/submit';
      const dialog = { verb: 'invitation.sign', ...values, msteams: { type: name } };
      return { ...activity, name, value: { data: dialog, context: { theme: 'default' } } };
    });
}

/** Membership and installation events, for the bot itself or others, in teams that may not exist. */
function event(aim: Aim): fc.Arbitrary<Json> {
  const eventType = fc.constantFrom(
    undefined,
    'channelDeleted',
    'teamDeleted',
    'teamMemberRemoved',
    'channelRenamed',
  );
  return fc
    .tuple(
      fc.constantFrom('conversationUpdate', 'installationUpdate'),
      eventType,
      fc.constantFrom('28:casusbot-test', '29:someone'),
      sender(aim, [outsiders.unknown, outsiders.stranger, undefined]),
      fc.constantFrom('add', 'remove', 'add-upgrade', 'x'),
    )
    .map(([type, kind, member, options, action]) => {
      const base = messageActivity('', options);
      const team = { id: kind ? '19:elders@thread.tacv2' : channel.teamId };
      return {
        ...base,
        type,
        text: undefined,
        ...(type === 'installationUpdate' ? { action } : { membersAdded: [{ id: member }] }),
        ...(kind === 'teamMemberRemoved' && { membersRemoved: [{ id: member }] }),
        channelData: { ...base.channelData, eventType: kind, team, channel: { id: channel.id } },
      };
    });
}

/** Any realistic activity, its card data naming a casus as `ref` says, sent by one of `from`. */
export function activity(aim: Aim, ref: CasusRef, from: string[] = everyone): fc.Arbitrary<Json> {
  const text = fc.oneof(fc.constantFrom(...ordinary), hostileString());
  const message = fc
    .tuple(text, sender(aim, [...from, undefined]))
    .map(([typed, options]) => messageActivity(typed, options));
  const arbitrary: fc.Arbitrary<Json> = fc.oneof(
    { weight: 2, arbitrary: message },
    { weight: 6, arbitrary: button(aim, fc.constantFrom(...realVerbs), cardData(aim, ref), from) },
    { weight: 1, arbitrary: event(aim) },
  );
  return tenanted(aim, arbitrary);
}

const tenanted = (aim: Aim, arbitrary: fc.Arbitrary<Json>) =>
  arbitrary.map((built) => inTenant(built as Json & { conversation: object }, aim.tenantId));

/** Card buttons with made-up verbs, and activities of made-up types and invoke names. */
export function unknownNames(aim: Aim): fc.Arbitrary<Json> {
  const madeUpVerb = fc.oneof(
    fc.constantFrom(...realVerbs).map((verb) => verb.toUpperCase()),
    fc.constantFrom(...realVerbs).map((verb) => `${verb} `),
    fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'casus.', '.'),
    hostileString(),
  );
  const name = fc.oneof(
    fc.constantFrom(
      'composeExtension/query',
      'signin/verifyState',
      'adaptiveCard/Action',
      'ADAPTIVECARD/ACTION',
      'actionableMessage/executeAction',
      'fileConsent/invoke',
      'config/fetch',
      'task/fetchx',
      '',
    ),
    hostileString(),
  );
  const type = fc.constantFrom(
    'messageReaction',
    'typing',
    'event',
    'endOfConversation',
    'messageUpdate',
    'messageDelete',
    'Message',
    'trace',
    'x',
  );
  return fc.oneof(
    tenanted(aim, button(aim, madeUpVerb, cardData(aim, 'forged'), everyone)),
    fc
      .tuple(activity(aim, 'forged'), name)
      .map(([built, invoke]) => ({ ...built, type: 'invoke', name: invoke })),
    fc.tuple(activity(aim, 'forged'), type).map(([built, kind]) => ({ ...built, type: kind })),
  );
}
