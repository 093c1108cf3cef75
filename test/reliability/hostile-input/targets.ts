// The real casussen the barrage aims at, made through the bot as demo users would, and who is who.
import type { Casus } from '../../../src/domain/casus/casus.schema';
import seed from '../../../seed/registry.demo.json';
import { talkAs, type BotHarness, type Conversation } from '../../helpers/bot-harness';
import { press } from '../../helpers/decision-press';
import { submitCasus, walkToSummary } from '../../helpers/intake-flow';

const idOf = (name: string): string => {
  const person = seed.persons.find((candidate) => candidate.name.startsWith(name));
  if (!person) throw new Error(`${name} is not in seed/registry.demo.json`);
  return person.id;
};

/** Registry persons admitted to the system who may see the submitted casussen (intake side, Lokale Kamer). */
export const insiders = {
  fatima: idOf('Fatima'),
  sem: idOf('Sem'),
  jeroen: idOf('Jeroen'),
  mohamed: idOf('Mohamed'),
};

/**
 * Everyone else the barrage speaks as: registry persons with access who may not see these
 * casussen (a procesregisseur of another kamer, a functioneel beheerder), one without screening,
 * and ids the registry does not know.
 */
export const outsiders = {
  anouk: idOf('Anouk'),
  sanne: idOf('Sanne'),
  pieter: idOf('Pieter'),
  unknown: '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a07',
  stranger: '0d9c8b7a-6f5e-4d3c-8b2a-190817161514',
};

/** Registry persons the bot admits: their personal chat is remembered, so it must stay as it is. */
export const admitted: ReadonlySet<string> = new Set([
  ...Object.values(insiders),
  outsiders.anouk,
  outsiders.sanne,
]);

/** Persons with the intake role: a turn of theirs could legitimately start a draft. */
export const intakeRole: ReadonlySet<string> = new Set([insiders.fatima, insiders.sem]);

export interface Target {
  id: string;
  revision: number;
  state: string;
  casusNumber: string | undefined;
  /** Who may see it; everyone else must get none of `secrets`. */
  mayView: ReadonlySet<string>;
  /** Personal data, motivations, its number and id: what an answer to anyone else must not carry. */
  secrets: string[];
}

const distinct = {
  betrokkene: { naam: 'Karin de Wit', bsn: '234567004', geboortedatum: '1975-02-19' },
  'criteria-1-2': { motivering1: 'Karin verloor haar woning en heeft een gokschuld opgebouwd.' },
};
const draftValues = {
  betrokkene: { naam: 'Ruben Vermeulen', bsn: '234567016', geboortedatum: '1999-07-30' },
  'criteria-1-2': { motivering1: 'Ruben zwerft sinds de zomer en mijdt elke vorm van hulp.' },
};
const acceptedBecause = 'Jeroen aanvaardt: woonstichting en schuldhulp zitten al aan tafel.';

function secretsOf(casus: Casus): string[] {
  const values = casus.intake.values as Record<string, unknown>;
  const personal = [
    'naam',
    'bsn',
    'motivering1',
    'motivering2',
    'motivering3',
    'motivering4',
    'aanwijzing1-omschrijving',
    'overigePartijen',
  ].map((field) => values[field]);
  const motivations = casus.audit.map((entry) => entry.motivation);
  return [...personal, ...motivations, casus.casusNumber, casus.id].filter(
    (value): value is string => typeof value === 'string' && value.length >= 8,
  );
}

/** Every registry person the barrage speaks as says "help" once: their chat is then known. */
async function greetAll(bot: BotHarness): Promise<void> {
  for (const id of admitted) await talkAs(bot, id).say('help');
}

/**
 * Two submitted casussen (one accepted by the procesregisseur) and a draft, by Fatima. Runs
 * before the barrage, so that every notification they cause is delivered before the store is
 * photographed.
 */
export async function makeTargets(bot: BotHarness): Promise<Target[]> {
  await greetAll(bot);
  const fatima: Conversation = talkAs(bot, insiders.fatima);
  const jeroen = talkAs(bot, insiders.jeroen);
  const accepted = await submitCasus(fatima);
  await press(jeroen, await jeroen.say(`casus ${accepted}`), 'accepteren', acceptedBecause);
  await submitCasus(fatima, distinct);
  await walkToSummary(fatima, draftValues);
  const { resources } = await bot.store().casussen.items.readAll<Casus>().fetchAll();
  const submittedAudience = new Set(Object.values(insiders));
  return resources
    .filter((casus) => casus.kind === 'casus')
    .map((casus) => ({
      id: casus.id,
      revision: casus.revision,
      state: casus.state,
      casusNumber: casus.casusNumber,
      // A draft is its author's alone.
      mayView: casus.state === 'concept' ? new Set([insiders.fatima]) : submittedAudience,
      secrets: secretsOf(casus),
    }));
}
