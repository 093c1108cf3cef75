// One casus in each column of the matrix, made through the bot as its users make them (intake,
// decisions); only the invitations are written with the domain's own functions (as
// test/helpers/signed-casus.ts does), since signing needs a browser. Each casus has its own
// betrokkene, so an answer that names one can be traced to it.
import { randomUUID } from 'node:crypto';
import { isValidBsn } from '../../../src/domain/intake/bsn';
import type { InvitationProposalInput } from '../../../src/domain/invitation/proposal.schema';
import { formatDate } from '../../../bot/presenters/casus-status';
import { talkAs, type BotHarness } from '../../helpers/bot-harness';
import { press } from '../../helpers/decision-press';
import { submitCasus, walkToSummary } from '../../helpers/intake-flow';
import { validStepValues } from '../../helpers/intake-values';
import { inviteAndSign, proposal } from '../../helpers/signed-casus';
import { actorIds, unsignedInviteeId } from './actors';
import { casusColumns, type CasusColumn } from './matrix';

export interface BuiltCasus {
  column: CasusColumn;
  id: string;
  /** Undefined for the concept, which has none yet. */
  number?: string;
  betrokkene: { naam: string; geboortedatum: string; bsn: string };
  /** Its invitations (random ids, found nowhere, on a casus that never was in behandeling). */
  invitations: { proposed: string; approved: string; signed: string };
  /** Whether it has them: then its invitees know it by its number. */
  invited: boolean;
  /** What only this casus holds: its betrokkene and the motivations typed on it. */
  personalValues: string[];
}

/** The decisions after the aanmelding, by whom, to reach each column. */
const paths: Record<Exclude<CasusColumn, 'concept'>, [string, keyof typeof deciders][]> = {
  aangemeld: [],
  aanvulling_gevraagd: [['informatie-vragen', 'lk']],
  afgewezen: [['afwijzen', 'lk']],
  in_behandeling_lokaal: [['accepteren', 'lk']],
  opschaling_aangevraagd: [
    ['accepteren', 'lk'],
    ['opschalen', 'lk'],
  ],
  in_behandeling_zvh: [
    ['accepteren', 'lk'],
    ['opschalen', 'lk'],
    ['opschaling-accepteren', 'zvh'],
  ],
  terug_lokaal: [
    ['accepteren', 'lk'],
    ['opschalen', 'lk'],
    ['opschaling-accepteren', 'zvh'],
    ['afschalen', 'zvh'],
  ],
  afgesloten: [
    ['accepteren', 'lk'],
    ['opschalen', 'lk'],
    ['opschaling-accepteren', 'zvh'],
    ['afsluiten', 'zvh'],
  ],
};
const deciders = { lk: actorIds.procesregisseur, zvh: actorIds.zvh };

/** A valid BSN (elfproef) of its own for each casus. */
function bsnFor(index: number): string {
  for (let n = 100_000_000 + index * 7_919; ; n++) {
    if (isValidBsn(String(n))) return String(n);
  }
}

const namen = ['Aart', 'Bea', 'Cor', 'Dina', 'Evert', 'Fenna', 'Gijs', 'Hester', 'Ilse'];

const approvedProposal = (): InvitationProposalInput => ({
  ...proposal(),
  organisatie: { naam: 'Buurtcentrum De Brug', categorie: 'welzijn' },
  contactpersoon: {
    naam: 'Sara Brugman',
    email: 'sara.brugman@debrug.example',
    entraObjectId: unsignedInviteeId,
  },
});
const proposedOnly = (): InvitationProposalInput => ({
  ...proposal(),
  organisatie: { naam: 'Stichting Schuldhulp Rijnmond', categorie: 'sociaal-domein' },
  contactpersoon: { naam: 'Piet Schuldhulp', email: 'piet@schuldhulp.example' },
});

/** The casus of one column, through the bot. */
async function build(bot: BotHarness, column: CasusColumn, index: number): Promise<BuiltCasus> {
  const fatima = talkAs(bot, actorIds.worker);
  const betrokkene = {
    naam: `${namen[index]} Matrix-${column.replace(/_/g, '-')}`,
    geboortedatum: `19${60 + index}-0${1 + (index % 9)}-1${index}`,
    bsn: bsnFor(index),
  };
  const overrides = { betrokkene: { ...validStepValues.betrokkene, ...betrokkene } };
  const motivation = (action: string) =>
    `Besluit ${action} over ${betrokkene.naam}: zo besproken in het casusoverleg.`;
  const base: Omit<BuiltCasus, 'id' | 'personalValues' | 'number'> = {
    column,
    betrokkene,
    invitations: { proposed: randomUUID(), approved: randomUUID(), signed: randomUUID() },
    invited: false,
  };
  const personalValues = [
    betrokkene.naam,
    betrokkene.geboortedatum,
    formatDate(betrokkene.geboortedatum),
    betrokkene.bsn,
  ];
  if (column === 'concept') {
    const summary = await walkToSummary(fatima, overrides);
    const id = String(/"casusId":"([0-9a-f-]{36})"/.exec(JSON.stringify(summary))?.[1]);
    return { ...base, id, personalValues };
  }
  const number = await submitCasus(fatima, overrides);
  const steps = paths[column];
  let casusId = '';
  for (const [i, [action, by]] of steps.entries()) {
    const who = talkAs(bot, deciders[by]);
    await press(who, await who.say(`casus ${number}`), action, motivation(action));
    personalValues.push(motivation(action));
    // In behandeling for the first time: the table's invitations, before the casus moves on.
    if (i === 0 && action === 'accepteren') {
      await inviteAndSign(bot, number, { approved: false, values: proposedOnly() });
      await inviteAndSign(bot, number, { signed: false, values: approvedProposal() });
      const signed = await inviteAndSign(bot, number);
      casusId = signed.casus.id;
      base.invitations = {
        proposed: signed.casus.invitations[0]!.id,
        approved: signed.casus.invitations[1]!.id,
        signed: signed.invitationId,
      };
      base.invited = true;
    }
  }
  if (!casusId) {
    const card = JSON.stringify(await fatima.say(`casus ${number}`));
    casusId = String(/"casusId":"([0-9a-f-]{36})"/.exec(card)?.[1]);
  }
  return { ...base, id: casusId, number, personalValues };
}

/** Every column's casus, in the matrix's order. */
export async function buildCasussen(bot: BotHarness): Promise<BuiltCasus[]> {
  // The cards' example number is LK-ROT-<year>-0007: no casus here may have it.
  const year = new Date().getFullYear();
  await bot.store().counters.items.upsert({ id: `ROT-${year}`, value: 100 });
  const built: BuiltCasus[] = [];
  for (const [index, column] of casusColumns.entries()) built.push(await build(bot, column, index));
  return built;
}
