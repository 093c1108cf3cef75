import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { closeServer } from './close-server';

const KID = 'entra-test-key';

export interface SsoTokenClaims {
  oid: string;
  tid: string;
  aud: string;
  sub?: string;
  /** Defaults to the v2 issuer of `tid`. */
  iss?: string;
  expiresIn?: string;
}

/**
 * A stand-in for Entra ID's tenant metadata and keys on loopback, and the Teams SSO tokens
 * (`authentication.getAuthToken()`) it would issue. `forge` signs with another key under the
 * published key's id. Point TEAMS_SSO_OPENID_METADATA_URL at `metadataUrl`.
 */
export class FakeEntraIssuer {
  private server: Server | undefined;
  private signingKey: CryptoKey | undefined;
  private otherKey: CryptoKey | undefined;
  private publicJwk: JWK | undefined;
  metadataUrl = '';
  keyRequests = 0;

  async start(): Promise<this> {
    const pair = await generateKeyPair('RS256');
    this.signingKey = pair.privateKey;
    this.otherKey = (await generateKeyPair('RS256')).privateKey;
    this.publicJwk = { ...(await exportJWK(pair.publicKey)), kid: KID, use: 'sig', alg: 'RS256' };
    const app = express();
    app.get('/tenant/v2.0/.well-known/openid-configuration', (_req, res) => {
      res.json({ jwks_uri: `${this.base}/tenant/discovery/v2.0/keys` });
    });
    app.get('/tenant/discovery/v2.0/keys', (_req, res) => {
      this.keyRequests++;
      res.json({ keys: [this.publicJwk] });
    });
    this.server = app.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.metadataUrl = `${this.base}/tenant/v2.0/.well-known/openid-configuration`;
    return this;
  }

  private get base(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
  }

  token(claims: SsoTokenClaims): Promise<string> {
    return this.sign(this.signingKey, claims);
  }

  forge(claims: SsoTokenClaims): Promise<string> {
    return this.sign(this.otherKey, claims);
  }

  private sign(key: CryptoKey | undefined, claims: SsoTokenClaims): Promise<string> {
    if (!key) throw new Error('The issuer is not started');
    return new SignJWT({ oid: claims.oid, tid: claims.tid, ver: '2.0' })
      .setProtectedHeader({ alg: 'RS256', kid: KID, typ: 'JWT' })
      .setIssuer(claims.iss ?? `https://login.microsoftonline.com/${claims.tid}/v2.0`)
      .setAudience(claims.aud)
      .setSubject(claims.sub ?? `pairwise-${claims.oid}`)
      .setIssuedAt()
      .setNotBefore('0s')
      .setExpirationTime(claims.expiresIn ?? '1h')
      .sign(key);
  }

  stop(): Promise<void> {
    return closeServer(this.server);
  }
}
