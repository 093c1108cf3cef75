import type { Casus } from '../../../src/domain/casus/casus.schema';
import { CosmosCasusRepository } from '../../../src/storage/cosmos-casus.repository';
import { demoUsers } from '../../helpers/activities';
import { startBotHarness, talkAs, type BotHarness } from '../../helpers/bot-harness';
import { inputValue } from '../../helpers/card-actions';
import { linkChannel } from '../../helpers/channel-mention';
import { because, press } from '../../helpers/decision-press';
import { submitCasus } from '../../helpers/intake-flow';
import { validStepValues } from '../../helpers/intake-values';
import {
  approvalMotivation,
  filledProposal,
  mohamed,
  proposeAndApprove,
} from '../../helpers/invitation-flow';
import { waitForCardTo } from '../../helpers/sent-cards';
import { signingEnv } from '../../helpers/signing-env';

const lkChannel = '19:lk-rotterdam-secrets@thread.tacv2';
const team = '19:team-rotterdam-secrets@thread.tacv2';

/**
 * The personal values and motivations this flow types, as typed: the betrokkene, the criteria's
 * motivations and evidence, the invitee's contact details, the decisions' motivations.
 */
export function typedPersonalValues(): string[] {
  const { betrokkene } = validStepValues;
  const proposal = filledProposal();
  return [
    betrokkene.naam,
    betrokkene.geboortedatum,
    betrokkene.bsn,
    validStepValues['criteria-1-2'].motivering1,
    validStepValues['criteria-1-2'].motivering2,
    validStepValues['criterium-3']['aanwijzing1-omschrijving'],
    validStepValues['criterium-3'].motivering3,
    validStepValues['criterium-4'].motivering4,
    validStepValues['criterium-4'].overigePartijen,
    proposal.contactNaam!,
    proposal.contactEmail!,
    proposal.expertiseMotivering!,
    proposal.rolMotivering!,
    approvalMotivation,
    because('accepteren'),
    because('afsluiten'),
  ];
}

/** A casus with an approved invitation of an invitee without a Teams account, and its link. */
export interface InvitedCasus {
  number: string;
  /** The single-use signing link the proposer got to send on. */
  url: string;
}

export interface OwnFlow {
  bot: BotHarness;
  /** This flow's own log lines (trace level). */
  lines: string[];
  /** The keys this bot was configured with: LINK_TOKEN_SECRET, EVIDENCE_SIGNING_KEY. */
  keys: { linkTokenSecret: string; evidenceSigningKey: string };
  jeroen: ReturnType<typeof talkAs>;
  /** Two casussen, each with an approved invitation: one to sign, one to close unsigned. */
  toSign: InvitedCasus;
  toClose: InvitedCasus;
  /** The part of a casus a signature writes: what a refused link must leave as it was. */
  record(number: string): Promise<string>;
}

/**
 * A flow that certainly hands the bot personal data and secrets, logged at trace level: a kamer's
 * channel linked (so every step posts there), two intakes with betrokkene data and motivations,
 * decisions with motivations, and an incidental participant proposed with name and e-mail and
 * approved with a motivation; the invitee has no Teams account, so the proposer gets the link.
 */
export async function runOwnFlow(): Promise<OwnFlow> {
  const lines: string[] = [];
  const { LINK_TOKEN_SECRET, EVIDENCE_SIGNING_KEY } = signingEnv();
  const keys = { linkTokenSecret: LINK_TOKEN_SECRET!, evidenceSigningKey: EVIDENCE_SIGNING_KEY! };
  const bot = await startBotHarness(
    {
      LOG_LEVEL: 'trace',
      LINK_TOKEN_SECRET: keys.linkTokenSecret,
      EVIDENCE_SIGNING_KEY: keys.evidenceSigningKey,
    },
    lines,
  );
  try {
    const fatima = talkAs(bot, demoUsers.fatima);
    const jeroen = talkAs(bot, demoUsers.jeroen);
    const weegtafel = talkAs(bot, mohamed);
    for (const who of [fatima, jeroen, weegtafel]) await who.say('help');
    await linkChannel(bot, 'ROT', demoUsers.jeroen, { id: lkChannel, teamId: team });

    const invitedCasus = async (): Promise<InvitedCasus> => {
      const number = await submitCasus(fatima);
      await press(jeroen, await jeroen.say(`casus ${number}`), 'accepteren');
      const mark = bot.connector.sent.length;
      await proposeAndApprove(
        jeroen,
        weegtafel,
        number,
        filledProposal({ contactEntraObjectId: '' }),
      );
      const card = await waitForCardTo(bot.connector, demoUsers.jeroen, mark, /Ondertekenlink/);
      return { number, url: String(inputValue(card, 'link')) };
    };
    const toSign = await invitedCasus();
    const toClose = await invitedCasus();

    const casussen = new CosmosCasusRepository(bot.store().casussen);
    const record = async (number: string): Promise<string> => {
      const found = await casussen.findByNumber(number);
      if (!found) throw new Error(`casus ${number} is not in the store`);
      const casus: Casus = found.value;
      // The outbox, card copies and threads are the bot's delivery bookkeeping, which goes on.
      const { state, audit, auditHead, invitations, declarations } = casus;
      return JSON.stringify({ state, audit, auditHead, invitations, declarations });
    };
    return { bot, lines, keys, jeroen, toSign, toClose, record };
  } catch (error) {
    await bot.stop();
    throw error;
  }
}
