import { randomUUID } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import { appendAuditLine } from '../../src/domain/casus/audit-chain';
import { casusSchema, type Casus } from '../../src/domain/casus/casus.schema';
import { personSchema, type Person } from '../../src/domain/registry/registry.schema';

const SEED_CONCURRENCY = 32;

/** A casus as the app wrote it, without the store's own fields (`_etag`, `_ts`, …). */
export async function readCasus(casussen: Container, id: string): Promise<Casus> {
  const { resource } = await casussen.item(id, id).read<Record<string, unknown>>();
  if (!resource) throw new Error(`casus ${id} is not in the store`);
  return casusSchema.parse(resource);
}

/**
 * A copy of a casus the app made, under another id (and number): its audit trail linked anew,
 * since the chain starts from the casus id, so the copy verifies as the app's own casussen do.
 */
export function cloneCasus(template: Casus, id: string, casusNumber?: string): Casus {
  let chained: Pick<Casus, 'audit' | 'auditHead'> = { audit: [] };
  for (const entry of template.audit) {
    const line = { ...entry };
    delete line.prevHash;
    delete line.hash;
    chained = appendAuditLine({ id, audit: chained.audit }, line);
  }
  return { ...template, id, ...(casusNumber !== undefined && { casusNumber }), ...chained };
}

/**
 * The same casus as another worker of the same organisation made it: its creator, and the actor
 * of the lines the creator wrote. The bench's drafts are Sem's, so that Fatima's own "nieuwe
 * casus" (which picks up an empty draft of hers) never takes one of them.
 */
export function madeBy(template: Casus, worker: { id: string; name: string }): Casus {
  const creator = template.createdBy.id;
  const createdBy = { ...template.createdBy, ...worker };
  return {
    ...template,
    createdBy,
    audit: template.audit.map((line) =>
      line.actor.id === creator ? { ...line, actor: { ...line.actor, ...worker } } : line,
    ),
  };
}

/** Numbers the app's own sequence will not reach in a run: it starts at 0001 each year. */
export class CasusNumbers {
  private next = 3000;
  constructor(private readonly prefix: string) {}
  take(): string {
    if (this.next > 9999) throw new Error('out of casus numbers for the bench');
    return `${this.prefix}-${String(this.next++)}`;
  }
}

/** The number's prefix of the template (`LK-ROT-2026`), to number the copies alike. */
export const numberPrefix = (casus: Casus): string =>
  (casus.casusNumber ?? '').split('-').slice(0, 3).join('-');

/** Writes documents, several at a time (the store's journal is the bottleneck, not the client). */
export async function writeAll(
  container: Container,
  documents: readonly object[],
  how: 'create' | 'upsert' = 'create',
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < documents.length) {
      const document = documents[next++]!;
      if (how === 'create') await container.items.create(document);
      else await container.items.upsert(document);
    }
  };
  await Promise.all(Array.from({ length: SEED_CONCURRENCY }, worker));
}

/** `count` copies of a template, numbered when the template has a number. */
export function copies(template: Casus, count: number, numbers: CasusNumbers): Casus[] {
  return Array.from({ length: count }, () =>
    cloneCasus(template, randomUUID(), template.casusNumber ? numbers.take() : undefined),
  );
}

/**
 * A region's registry is a few hundred people: intake staff of the private participants, and the
 * tables of another Lokale Kamer and the ZVH (not of Lokale Kamer Rotterdam, whose few deciders
 * are the demo's and would otherwise all be notified of every casus there).
 */
export function regionRegistry(count: number): Person[] {
  const person = (i: number, organisationId: string, role: Person['roles'][number]): Person =>
    personSchema.parse({
      kind: 'persoon',
      id: randomUUID(),
      name: `Medewerker ${String(i + 1).padStart(3, '0')}`,
      organisationId,
      roles: [role],
      screening: { kind: 'vog', date: '2025-05-01' },
    });
  return Array.from({ length: count }, (_, i) => {
    if (i % 10 === 0)
      return person(i, 'gemeente-schiedam', { role: 'weegtafellid', kamerId: 'lk-schiedam' });
    if (i % 25 === 1)
      return person(i, 'gemeente-rotterdam', {
        role: 'procesregisseur',
        kamerId: i % 2 ? 'lk-schiedam' : 'zvh-rotterdam-rijnmond',
      });
    return person(i, i % 3 ? 'wijkteam-rotterdam-noord' : 'ggz-maasoever', {
      role: 'wijkteammedewerker',
    });
  });
}

/** How many casus documents the store holds (the bench's own count, not the bot's). */
export async function countCasussen(casussen: Container): Promise<number> {
  const { resources } = await casussen.items
    .query<number>('SELECT VALUE COUNT(1) FROM c WHERE c.kind = "casus"')
    .fetchAll();
  return resources[0] ?? 0;
}
