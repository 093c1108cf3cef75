import { DownloadLinks } from '../../src/app/links/download-links';
import { MemoryAccessLog, testAccess } from './memory-access-log';
import { testBetrokkeneKey, testBsnKey } from './betrokkene-key';
import type { Services } from '../../bot/routing/route-types';
import { EvidenceLinks } from '../../src/app/invitation/evidence-links';
import { LinkTokens } from '../../src/app/links/link-tokens';
import type { CasusNumberSequence } from '../../src/domain/casus/casus-number';
import type { CasusRepository } from '../../src/domain/casus/casus.repository';
import type { RegistryRepository } from '../../src/domain/registry/registry.repository';
import { StoreUnavailableError } from '../../src/storage/cosmos-errors';

/** A store that is down: every call fails the way the Cosmos adapters report it. */
export function unavailable<T extends object>(): T {
  return new Proxy({} as T, {
    get: () => () => Promise.reject(new StoreUnavailableError(new Error('ECONNREFUSED'))),
  });
}

/** The dispatcher's services while the store is down. */
export function servicesWithStoreDown(demoMode: boolean): Services {
  return {
    registry: unavailable<RegistryRepository>(),
    casussen: unavailable<CasusRepository>(),
    numbers: unavailable<CasusNumberSequence>(),
    betrokkeneKey: testBetrokkeneKey,
    bsnKey: testBsnKey,
    accessLog: new MemoryAccessLog(),
    access: testAccess(),
    notifications: { deliverSoon: () => undefined },
    participants: {
      links: new EvidenceLinks(
        new LinkTokens(new Uint8Array(32), () => new Date()),
        () => 'http://127.0.0.1',
        () => 'jti',
      ),
      conversations: unavailable(),
      signingLinks: () => Promise.reject(new Error('no links while the store is down')),
    },
    downloads: new DownloadLinks(
      new Uint8Array(32),
      () => new Date(),
      () => 'http://127.0.0.1',
      () => 'jti',
    ),
    newId: () => '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4aff',
    demoMode,
    now: () => new Date('2026-11-23T10:00:00Z'),
  };
}
