import { randomUUID } from 'node:crypto';
import { MemoryAccessLog } from '../helpers/memory-access-log';
import { createLogger } from '../../src/logging/logger';
import assert from 'node:assert/strict';
import { openDeclarationByLink } from '../../src/app/invitation/open-declaration';
import { LinkTokens } from '../../src/app/links/link-tokens';
import type { CasusRepository } from '../../src/domain/casus/casus.repository';
import type { Casus } from '../../src/domain/casus/casus.schema';
import type { Person } from '../../src/domain/registry/registry.schema';
import type { RegistryRepository } from '../../src/domain/registry/registry.repository';
import { sampleCasus } from '../helpers/samples';
import {
  demoRegistry,
  jeroenId,
  withSignedInvitation,
  type SignedCasus,
} from '../helpers/signed-casus';

const secret = new Uint8Array(32).fill(7);

/** The registry and the store as the use case reads them, held in memory. */
function services(casus: Casus, clock: { now: Date }, persons: Person[] = demoRegistry.persons) {
  const registry = {
    getPerson: (id: string) => Promise.resolve(persons.find((p) => p.id === id)),
    getOrganisation: (id: string) =>
      Promise.resolve(demoRegistry.organisations.find((o) => o.id === id)),
    getKamer: (id: string) => Promise.resolve(demoRegistry.kamers.find((k) => k.id === id)),
    getDemoPersona: () => Promise.resolve(undefined),
  } as unknown as RegistryRepository;
  const casussen = {
    get: (id: string) =>
      Promise.resolve(id === casus.id ? { value: casus, etag: '"1"' } : undefined),
  } as unknown as CasusRepository;
  const now = () => clock.now;
  return {
    registry,
    casussen,
    now,
    newId: () => randomUUID(),
    tokens: new LinkTokens(secret, now),
    accessLog: new MemoryAccessLog(),
    logger: createLogger('silent'),
  };
}

describe('viewing link of a signed declaration', () => {
  let signed: SignedCasus;
  const clock = { now: new Date('2026-12-02T08:30:00Z') };
  const link = (over: { personId?: string; purpose?: 'ondertekenen'; key?: Uint8Array } = {}) =>
    new LinkTokens(over.key ?? secret, () => clock.now).issue(
      over.purpose ?? 'verklaring-bekijken',
      {
        invitationId: signed.invitationId,
        casusId: signed.casus.id,
        personId: over.personId ?? jeroenId,
      },
      15 * 60,
      'jti-1',
    );
  before(async () => {
    signed = await withSignedInvitation(
      {
        ...sampleCasus({ state: 'in_behandeling_lokaal', kamerId: 'lk-rotterdam' }),
        casusNumber: 'LK-ROT-2026-0042',
      },
      { at: Date.parse('2026-12-02T08:00:00Z') },
    );
  });
  beforeEach(() => {
    clock.now = new Date('2026-12-02T08:30:00Z');
  });

  it('opens the declaration for the person it was issued to', async () => {
    const { token } = await link();
    const deps = services(signed.casus, clock);
    const opened = await openDeclarationByLink(deps, token, 'verklaring-bekijken');
    assert.ok(opened.ok);
    assert.equal(opened.value.declaration.recordSha256, signed.declaration.recordSha256);
    // The reading is in the access log, as the person the link was issued to.
    assert.deepEqual(
      deps.accessLog.records.map((r) => [r.actor.personId, r.casusId, r.what, r.why, r.result]),
      [[jeroenId, signed.casus.id, 'view', 'verklaring-bekijken', 'shown']],
    );
  });

  it('refuses it once expired (15 minutes)', async () => {
    const { token } = await link();
    clock.now = new Date(clock.now.getTime() + 15 * 60_000 + 1000);
    const opened = await openDeclarationByLink(
      services(signed.casus, clock),
      token,
      'verklaring-bekijken',
    );
    assert.deepEqual(opened, { ok: false, error: 'verlopen' });
  });

  it('refuses a tampered token, one of another key, and a signing link', async () => {
    const { token } = await link();
    const [head, payload, sig] = token.split('.');
    const forgedPayload = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(payload!, 'base64url').toString()),
        sub: demoRegistry.persons[3]!.id,
      }),
    ).toString('base64url');
    for (const bad of [
      `${head}.${forgedPayload}.${sig}`,
      `${token.slice(0, -2)}xx`,
      (await link({ key: new Uint8Array(32).fill(9) })).token,
      (await link({ purpose: 'ondertekenen' })).token,
      'not-a-token',
    ]) {
      const opened = await openDeclarationByLink(
        services(signed.casus, clock),
        bad,
        'verklaring-bekijken',
      );
      assert.deepEqual(opened, { ok: false, error: 'ongeldig' });
    }
  });

  it('refuses a person who may not (or no longer) see the casus', async () => {
    const anouk = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a03'; // the ZVH: no escalation was asked
    const { token } = await link({ personId: anouk });
    const deps = services(signed.casus, clock);
    assert.deepEqual(await openDeclarationByLink(deps, token, 'verklaring-bekijken'), {
      ok: false,
      error: 'geen-toegang',
    });
    // The refused attempt is in the access log too.
    assert.deepEqual(
      deps.accessLog.records.map((r) => [r.actor.personId, r.what, r.result]),
      [[anouk, 'view', 'refused']],
    );
    // Jeroen's role at the Lokale Kamer is gone from the registry after the link was issued.
    const jeroenLink = (await link()).token;
    const withoutRole = demoRegistry.persons.map((p) =>
      p.id === jeroenId ? { ...p, roles: [] } : p,
    );
    assert.deepEqual(
      await openDeclarationByLink(
        services(signed.casus, clock, withoutRole),
        jeroenLink,
        'verklaring-bekijken',
      ),
      { ok: false, error: 'geen-toegang' },
    );
  });

  it('refuses every link once the casus is closed', async () => {
    const { token } = await link();
    const closed = { ...signed.casus, state: 'afgesloten' as const };
    assert.deepEqual(
      await openDeclarationByLink(services(closed, clock), token, 'verklaring-bekijken'),
      {
        ok: false,
        error: 'afgesloten',
      },
    );
  });
});
