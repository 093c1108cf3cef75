import assert from 'node:assert/strict';
import { once } from 'node:events';
import { request } from 'node:http';
import { Agent, createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/identity';
import containerJson from '../../src/storage/cosmos-containers.json';
import {
  startEmbeddedCosmos,
  type EmbeddedCosmos,
} from '../../src/storage/embedded/embedded-cosmos';
import { openStore, type Store } from '../../src/storage/store';
import { loopbackCertificate } from '../helpers/loopback-tls';
import { tempDir } from '../helpers/temp-dir';

/** Records the scopes the SDK asks for; the embedded server itself checks no token. */
class RecordingCredential implements TokenCredential {
  readonly scopes: string[] = [];
  getToken(scopes: string | string[], _options?: GetTokenOptions): Promise<AccessToken> {
    this.scopes.push(...(Array.isArray(scopes) ? scopes : [scopes]));
    return Promise.resolve({
      token: 'entra-test-token',
      expiresOnTimestamp: Date.now() + 3_600_000,
    });
  }
}

/**
 * A TLS proxy on loopback in front of the (plain http) embedded server that keeps every
 * Authorization header: the SDK sends bearer tokens over https only.
 */
async function authorizationRecorder(target: string, tls: { key: string; cert: string }) {
  const headers: string[] = [];
  const upstream = new URL(target);
  const server: Server = createServer(tls, (incoming, outgoing) => {
    headers.push(decodeURIComponent(String(incoming.headers.authorization ?? '')));
    const forwarded = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(outgoing);
      },
    );
    incoming.pipe(forwarded);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    endpoint: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    headers,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

describe('Cosmos access by Entra ID (real @azure/cosmos SDK, no key)', () => {
  let embedded: EmbeddedCosmos;
  let recorder: Awaited<ReturnType<typeof authorizationRecorder>>;
  let store: Store;
  let dir: Awaited<ReturnType<typeof tempDir>> | undefined;
  const credential = new RecordingCredential();

  before(async () => {
    dir = await tempDir('entra');
    embedded = await startEmbeddedCosmos({ dataDir: dir.path, port: 0 });
    const tls = await loopbackCertificate();
    recorder = await authorizationRecorder(embedded.endpoint, tls);
    store = await openStore(
      {
        kind: 'cosmos',
        endpoint: recorder.endpoint,
        auth: { kind: 'entra', clientId: undefined },
        database: 'entra',
      },
      { credential, agent: new Agent({ ca: tls.cert, keepAlive: true }) },
    );
  });

  after(async () => {
    await store?.close();
    await recorder?.close();
    await embedded?.close();
    await dir?.remove();
  });

  it('signs every request with an Entra token for the Cosmos scope, never with a key', async () => {
    await store.containers.conversations.items.create({ id: 'entra-check', reference: {} });
    const { resource } = await store.containers.conversations
      .item('entra-check', 'entra-check')
      .read<{ id: string }>();
    assert.equal(resource?.id, 'entra-check');

    assert.ok(credential.scopes.length > 0, 'the credential was asked for a token');
    for (const scope of credential.scopes) assert.match(scope, /^https:\/\/.+\/\.default$/);
    assert.ok(recorder.headers.length > 0);
    for (const header of recorder.headers) {
      assert.equal(header, 'type=aad&ver=1.0&sig=entra-test-token');
    }
  });

  it('creates every container with the partition key and indexing policy from the shared JSON', async () => {
    for (const [name, expected] of Object.entries(containerJson)) {
      const { resource } = await store.database.container(name).read();
      assert.deepEqual(resource?.partitionKey?.paths, expected.partitionKeyPaths, name);
      assert.deepEqual(
        resource?.indexingPolicy?.includedPaths?.map((p) => p.path),
        expected.indexingPolicy.includedPaths.map((p) => p.path),
        name,
      );
    }
  });
});
