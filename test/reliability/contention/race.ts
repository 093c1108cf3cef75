// Fifty deciders press "Accepteren" on the same aangemeld casus at the same moment, each on the
// card they opened: one decision may be written, and the 49 others must be told who decided.
import { talkAs, type BotHarness } from '../../helpers/bot-harness';
import { pressOnce } from '../../helpers/decision-press';
import { shownText } from '../../helpers/fake-connector';
import { submitCasus } from '../../helpers/intake-flow';
import { demoUsers } from '../../helpers/activities';
import { casusSchema } from '../../../src/domain/casus/casus.schema';
import type { Someone } from './people';
import { casusIdOn, decidedOn, type Acknowledged } from './turns';

type Card = Record<string, unknown>;

export interface RaceResult {
  presses: number;
  /** Decisions taken from aangemeld, as the casus document records them. */
  writers: number;
  /** The submission of the casus ("is aangemeld"). */
  submission: Acknowledged;
  /** Answers "Besluit vastgelegd". */
  acknowledged: Acknowledged[];
  /** Answers that were not written and name, in the notice they show, who did decide. */
  toldWhoDecided: number;
  failures: string[];
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether a refused decision's card names, where it is shown at once, the person who decided. */
export function namesDecider(card: Card, names: readonly string[]): boolean {
  const text = shownText(card);
  return names.some((name) =>
    new RegExp(`intussen gewijzigd: ${escaped(name)} \\([^)]+\\) heeft al besloten`).test(text),
  );
}

export async function raceOnOneCasus(bot: BotHarness, deciders: Someone[]): Promise<RaceResult> {
  const number = await submitCasus(talkAs(bot, demoUsers.fatima));
  const chats = deciders.map((d) => talkAs(bot, d.id));
  const cards = await Promise.all(chats.map((chat) => chat.say(`casus ${number}`)));
  const casusId = casusIdOn(cards[0]!);
  const answers = await Promise.allSettled(
    chats.map((chat, i) =>
      pressOnce(chat, cards[i]!, 'accepteren', `Besluit ${i + 1}: de weegtafel neemt de casus op.`),
    ),
  );

  const { resource } = await bot
    .store()
    .casussen.item(casusId, casusId)
    .read<Record<string, unknown>>();
  const casus = casusSchema.parse(resource);
  const written = casus.audit.filter((line) => line.from === 'aangemeld');
  const winners = written.map((line) => line.actor.name);
  const result: RaceResult = {
    presses: answers.length,
    writers: written.length,
    submission: { casus: { number }, action: 'indienen', personId: demoUsers.fatima },
    acknowledged: [],
    toldWhoDecided: 0,
    failures: [],
  };
  answers.forEach((answer, i) => {
    if (answer.status === 'rejected') {
      result.failures.push(String(answer.reason).slice(0, 200));
    } else if (decidedOn(answer.value)) {
      result.acknowledged.push({
        casus: { id: casusId },
        action: 'accepteren',
        personId: deciders[i]!.id,
      });
    } else if (namesDecider(answer.value, winners)) {
      result.toldWhoDecided++;
    } else {
      result.failures.push(`not told who decided: ${shownText(answer.value).slice(0, 200)}`);
    }
  });
  return result;
}
