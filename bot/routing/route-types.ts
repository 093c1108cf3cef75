import type { z } from 'zod';
import type { AccessLogStore } from '../../src/app/access/access-log';
import type { AccessRecorder } from '../../src/app/access/access-recorder';
import type { BetrokkeneKeyer, BsnKeyer } from '../../src/app/casus/betrokkene-key';
import type { Actor } from '../../src/app/identify-actor';
import type { DownloadLinks } from '../../src/app/links/download-links';
import type { EvidenceLinks } from '../../src/app/invitation/evidence-links';
import type { SigningLinks } from '../../src/app/invitation/signing-link';
import type { ConversationDirectory } from '../../src/app/notifications/conversation-directory';
import type { CasusNumberSequence } from '../../src/domain/casus/casus-number';
import type { CasusRepository, Versioned } from '../../src/domain/casus/casus.repository';
import type { Casus } from '../../src/domain/casus/casus.schema';
import type { RegistryRepository } from '../../src/domain/registry/registry.repository';
import type { AdaptiveCardJson } from '../cards/card-template';

/** What the use cases behind the routes need; wired once in the composition root. */
export interface Services {
  registry: RegistryRepository;
  casussen: CasusRepository;
  numbers: CasusNumberSequence;
  /** The keyed hash under which a casus's betrokkene can be found (set at submit). */
  betrokkeneKey: BetrokkeneKeyer;
  /** The keyed hash under which a casus's betrokkene can be found by BSN (set at submit). */
  bsnKey: BsnKeyer;
  /** The access log: who saw or changed which casus (the privacy officer reads it). */
  accessLog: AccessLogStore;
  /** This turn's access records, with who acts and the command or card action that caused them. */
  access: AccessRecorder;
  /** Sends a casus's pending notifications after the turn's write (never blocks the answer). */
  notifications: TurnNotifications;
  /**
   * "Deelnemers en verklaringen": links to signed declarations, who can be sent a share in Teams,
   * and new links to sign for an approved invitee.
   */
  participants: {
    links: EvidenceLinks;
    conversations: ConversationDirectory;
    signingLinks: SigningLinks;
  };
  /** Links to documents made on request (dossier, inzage, access-log list), for the asker only. */
  downloads: DownloadLinks;
  demoMode: boolean;
  now(): Date;
  newId(): string;
}

/**
 * The notifier as turns use it. `claimFor` is applied to every casus a turn writes (TurnWrites),
 * and `deliverSoon` is handed what the turn wrote: the delivery then reads nothing and claims
 * nothing, and adds one write (marking what was sent).
 */
export interface TurnNotifications {
  claimFor?(casus: Casus): Casus;
  deliverSoon(casusId: string, written?: Versioned<Casus>): void;
}

/** One turn as a handler sees it: who acts, and nothing of Teams beyond the activity id. */
export interface Turn {
  actor: Actor;
  activityId: string | undefined;
  services: Services;
  /** The commands the help card offers an actor. */
  commandsFor(actor: Actor): OfferedCommand[];
}

/** A command as the help card offers it. */
export interface OfferedCommand {
  command: string;
  description: string;
  /** What the command needs after it ("nummer"): the help card offers a form instead of running it. */
  argument?: string;
}

/** A text command typed in the chat. */
export interface CommandRoute {
  command: string;
  aliases?: readonly string[];
  description: string;
  argument?: string;
  demoOnly?: boolean;
  /** Whether the help card offers it to this actor (the handler still checks, whatever help shows). */
  offeredTo?(actor: Actor): boolean;
  handle(turn: Turn, args: string): Promise<AdaptiveCardJson>;
}

/** A card button (Action.Execute verb, or an Action.Submit fallback carrying `verb`). */
export interface VerbRoute<S extends z.ZodType = z.ZodType> {
  verb: string;
  data: S;
  demoOnly?: boolean;
  handle(turn: Turn, data: z.infer<S>): Promise<AdaptiveCardJson>;
}

/** Helps TypeScript infer a verb route's data type from its schema. */
export const verbRoute = <S extends z.ZodType>(route: VerbRoute<S>): VerbRoute<S> => route;
