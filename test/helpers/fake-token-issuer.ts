import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { closeServer } from './close-server';

const ISSUER = 'https://api.botframework.com';
const KID = 'casusbot-test-key';

/**
 * A stand-in for the Bot Framework's token service on loopback: it publishes OpenID metadata and a
 * signing key as login.botframework.com does (with the `msteams` endorsement), and signs tokens
 * as the channel would. `forge` signs with another key under the published key's id.
 */
export class FakeTokenIssuer {
  private server: Server | undefined;
  private signingKey: CryptoKey | undefined;
  private otherKey: CryptoKey | undefined;
  private publicJwk: JWK | undefined;
  metadataUrl = '';
  /** Requests whose user agent matches are never answered (a key service that hangs). */
  hangFor: RegExp | undefined;

  async start(): Promise<this> {
    const pair = await generateKeyPair('RS256');
    this.signingKey = pair.privateKey;
    this.otherKey = (await generateKeyPair('RS256')).privateKey;
    this.publicJwk = { ...(await exportJWK(pair.publicKey)), kid: KID, use: 'sig', alg: 'RS256' };
    const app = express();
    app.use((req, _res, next) => {
      if (!this.hangFor?.test(req.get('user-agent') ?? '')) next();
    });
    app.get('/v1/.well-known/openidconfiguration', (_req, res) => {
      res.json({ issuer: ISSUER, jwks_uri: `${this.base}/v1/.well-known/keys` });
    });
    app.get('/v1/.well-known/keys', (_req, res) => {
      res.json({ keys: [{ ...this.publicJwk, endorsements: ['msteams'] }] });
    });
    this.server = app.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.metadataUrl = `${this.base}/v1/.well-known/openidconfiguration`;
    return this;
  }

  private get base(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
  }

  /** A channel token for this bot and this serviceUrl, as Teams' calls carry. */
  token(appId: string, serviceUrl: string, options: { expiresIn?: string } = {}): Promise<string> {
    return this.sign(this.signingKey, appId, serviceUrl, options.expiresIn ?? '10m');
  }

  /** Names the published key but is signed by another one. */
  forge(appId: string, serviceUrl: string): Promise<string> {
    return this.sign(this.otherKey, appId, serviceUrl, '10m');
  }

  private sign(
    key: CryptoKey | undefined,
    appId: string,
    serviceUrl: string,
    expiresIn: string,
  ): Promise<string> {
    if (!key) throw new Error('The issuer is not started');
    return new SignJWT({ serviceurl: serviceUrl, appid: appId, ver: '1.0' })
      .setProtectedHeader({ alg: 'RS256', kid: KID, typ: 'JWT' })
      .setIssuer(ISSUER)
      .setAudience(appId)
      .setIssuedAt()
      .setNotBefore('0s')
      .setExpirationTime(expiresIn)
      .sign(key);
  }

  stop(): Promise<void> {
    return closeServer(this.server);
  }
}
