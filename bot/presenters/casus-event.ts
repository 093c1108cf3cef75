import type { AuditEntry } from '../../src/domain/casus/casus.schema';
import { closeReasonLabels } from '../../src/domain/casus/close-reason';
import type { Kamer } from '../../src/domain/registry/registry.schema';
import { roleName } from './actor.presenter';
import { eventLabels, formatDateTime } from './casus-status';

/** The kamers a casus card knows (its Lokale Kamer and ZVH): audit lines name them. */
export type KnownKamers = readonly (Kamer | undefined)[];

export interface DescribedEvent {
  what: string;
  when: string;
  /** Who, in which role at which kamer, on whose behalf, and the article it rests on. */
  who: string;
  /** The short form for a notification: name, role and kamer. */
  by: string;
}

/** One line of the audit trail, as people read it. */
export function describeEvent(entry: AuditEntry, kamers: KnownKamers = []): DescribedEvent {
  const role = roleName(entry.actor.role);
  const kamer = kamers.find((k) => k !== undefined && k.id === entry.actor.kamerId)?.name;
  const capacity = [role, kamer].filter(Boolean).join(', ');
  const behalf =
    entry.onBehalfOf === entry.actor.organisationName ? '' : `, namens ${entry.onBehalfOf}`;
  return {
    what: eventLabels[entry.action],
    when: formatDateTime(entry.at),
    who: `${entry.actor.name}, ${entry.actor.organisationName} (${capacity}${behalf}) · ${entry.legalBasis}`,
    by: `${entry.actor.name} (${capacity})`,
  };
}

/** "Reden: Plan van aanpak uitgevoerd", for a closure; nothing for other events. */
export function reasonOf(entry: AuditEntry): string | undefined {
  return entry.closeReason && `Reden: ${closeReasonLabels[entry.closeReason]}`;
}

/** A typed text cut to `max` characters for a card, saying so; the whole text stays in the casus. */
export function shortened(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max).join('').trimEnd()}… (ingekort)`;
}
