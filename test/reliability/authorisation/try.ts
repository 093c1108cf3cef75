// One try of one cell: the actor, the casus (or none), and how an action is tried and judged.
// For an action that writes, "allowed" is that the casus changed; for the others, that the
// answer is what the action gives whoever may do it (the casus card, the form, the link).
import type { DownloadLinks } from '../../../src/app/links/download-links';
import type { LinkTokens } from '../../../src/app/links/link-tokens';
import { talkAs, type BotHarness } from '../../helpers/bot-harness';
import { hasAction } from '../../helpers/card-actions';
import type { TestChannel } from '../../helpers/channel-mention';
import type { ActorKind } from './actors';
import type { BuiltCasus } from './casussen';
import type { Column } from './matrix';

export interface Bench {
  bot: BotHarness;
  /** Link tokens under the bot's own secret: a declaration's link issued to any actor. */
  tokens: LinkTokens;
  /** Download links under the bot's own secret: a document's link issued to any actor. */
  downloads: DownloadLinks;
  /** A linked kamer channel's thread, where "Open in mijn chat" is pressed. */
  channel: TestChannel & { rootId: string };
}

export interface Target {
  column: Column;
  casus?: BuiltCasus;
  /** The casus's revision now (every cell starts from the same document). */
  revision: number;
}

export interface Try {
  actor: ActorKind;
  actorId: string;
  target: Target;
}

export interface Answer {
  /** What the actor got, as sent: searched for casus data. */
  text: string;
  /** For an action that does not write: the answer is what an allowed actor gets. */
  shows: boolean;
  /** What the actor typed themselves: an answer that repeats it tells them nothing. */
  sent?: readonly string[];
  /** A link tried tampered too: how many ways, and those that were served anyway. */
  tampered?: { tried: number; served: string[] };
}

export interface ActionSpec {
  id: string;
  onCasus: boolean;
  /** Allowed means the casus changed; otherwise `shows`. */
  writes: boolean;
  /** Allowed, it shows the casus's details where the answer does not (a card sent to a chat). */
  showsElsewhere?: boolean;
  /** Brings the world into the state the action starts from (outside the cell's snapshots). */
  prepare?(bench: Bench): Promise<void>;
  run(bench: Bench, at: Try): Promise<Answer>;
}

export type Card = Record<string, unknown>;
type Judge = (card: Card, text: string) => boolean;

export const carded = (card: Card, shows: Judge, sent: readonly string[] = []): Answer => {
  const text = JSON.stringify(card);
  return { text, shows: shows(card, text), sent };
};
/** Writes are judged by the store, not by the answer. */
export const judgedByStore: Judge = () => false;

export const execute = (bench: Bench, at: Try, verb: string, data: object): Promise<Card> =>
  talkAs(bench.bot, at.actorId).execute(verb, data);
export const say = (bench: Bench, at: Try, text: string): Promise<Card> =>
  talkAs(bench.bot, at.actorId).say(text);

export function casusOf(at: Try): BuiltCasus {
  if (!at.target.casus) throw new Error('a casus action without its casus');
  return at.target.casus;
}
/** A concept has no number yet: by-number actions ask for its id, which is no number. */
export const numberOf = (at: Try): string => casusOf(at).number ?? casusOf(at).id;
export const ref = (at: Try) => ({ casusId: casusOf(at).id, revision: at.target.revision });
export const motivation = 'Zo besproken in het casusoverleg van deze week, met alle partners.';

/** A card that shows the casus itself: its betrokkene. */
export const showsCasus =
  (at: Try): Judge =>
  (_card, text) =>
    text.includes(casusOf(at).betrokkene.naam);
export const offers =
  (verb: string): Judge =>
  (card) =>
    hasAction(card, verb);

export const onCasus = (id: string, run: ActionSpec['run'], writes = false): ActionSpec => ({
  id,
  onCasus: true,
  writes,
  run,
});
export const noCasus = (id: string, run: ActionSpec['run']): ActionSpec => ({
  id,
  onCasus: false,
  writes: false,
  run,
});
