// The two bots under the barrage, each its own process on one store: one in demo (anonymous)
// mode, one as in Azure, trusting a local token issuer; and the tokens that issuer can make.
import { executeActivity, messageActivity } from '../../helpers/activities';
import { startAppProcess, type AppProcess } from '../../helpers/app-process';
import { startBotProcess, type BotProcess } from '../../helpers/bot-process';
import { cardOf, cardText } from '../../helpers/fake-connector';
import { FakeTokenIssuer } from '../../helpers/fake-token-issuer';
import {
  inTenant,
  productionAppId,
  productionEnv,
  productionTenant,
} from '../../helpers/production-env';
import type { AuthKind } from './plan';
import { insiders, outsiders } from './targets';

export interface HostileBots {
  anonymous: BotProcess;
  production: AppProcess;
  /** The Authorization header of each way to authenticate (undefined: none). */
  authorization: Record<AuthKind, string | undefined>;
  /** Ends both with SIGTERM: their exit codes. */
  terminate(): Promise<(number | null)[]>;
  stop(): Promise<void>;
}

const toBase64Url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

export async function startHostileBots(): Promise<HostileBots> {
  const issuer = await new FakeTokenIssuer().start();
  const anonymous = await startBotProcess();
  let production: AppProcess;
  try {
    production = await startAppProcess({
      PORT: '0',
      ...anonymous.storeEnv,
      ...productionEnv(issuer),
    });
  } catch (error) {
    await anonymous.stop();
    await issuer.stop();
    throw error;
  }
  const serviceUrl = anonymous.connector.serviceUrl;
  const valid = await issuer.token(productionAppId, serviceUrl);
  const [, payload] = valid.split('.');
  const authorization: Record<AuthKind, string | undefined> = {
    valid: `Bearer ${valid}`,
    missing: undefined,
    forged: `Bearer ${await issuer.forge(productionAppId, serviceUrl)}`,
    expired: `Bearer ${await issuer.token(productionAppId, serviceUrl, { expiresIn: '-10m' })}`,
    'other-bot': `Bearer ${await issuer.token('0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', serviceUrl)}`,
    // The valid token's claims unsigned ("alg": "none").
    garbage: `Bearer ${toBase64Url({ alg: 'none', typ: 'JWT' })}.${payload}.`,
    'other-scheme': `Basic ${valid}`,
    'other-service-url': `Bearer ${await issuer.token(productionAppId, 'https://smba.example.invalid/')}`,
  };
  const ended = (app: AppProcess) => {
    if (app.child.exitCode === null && app.child.signalCode === null) app.child.kill('SIGTERM');
    return app.exited;
  };
  return {
    anonymous,
    production,
    authorization,
    terminate: () => Promise.all([ended(anonymous.app), ended(production)]),
    async stop() {
      if (production.child.exitCode === null) production.child.kill('SIGKILL');
      await production.exited;
      await anonymous.stop();
      await issuer.stop();
    },
  };
}

/**
 * Whether both bots still serve as before: Fatima is greeted, someone the registry does not know
 * is not let in (a polluted prototype or a cached persona would show here). The failures, if any.
 */
export async function stillServing(bots: HostileBots): Promise<string[]> {
  const failures: string[] = [];
  const { anonymous, production } = bots;
  const serviceUrl = anonymous.connector.serviceUrl;
  const expect = (who: string, text: string | undefined, pattern: RegExp) => {
    if (!text || !pattern.test(text)) failures.push(`${who}: ${String(text).slice(0, 120)}`);
  };
  for (const [id, pattern] of [
    [insiders.fatima, /Hallo Fatima/],
    [outsiders.unknown, /Geen toegang/],
  ] as const) {
    try {
      const said = messageActivity('help', { serviceUrl, aadObjectId: id });
      const answer = await anonymous.post(said);
      if (answer.status !== 200) throw new Error(`answered ${answer.status}`);
      expect(
        `demo mode, ${id}`,
        cardText(cardOf(await anonymous.connector.waitForReply(said.id))),
        pattern,
      );
      const pressed = inTenant(
        executeActivity('command.run', { command: 'help' }, { serviceUrl, aadObjectId: id }),
        productionTenant,
      );
      const response = await fetch(`${production.botUrl}/api/messages`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: bots.authorization.valid ?? '',
        },
        body: JSON.stringify(pressed),
      });
      const body = (await response.json()) as { value?: unknown };
      expect(`production, ${id}`, cardText(body.value), pattern);
    } catch (error) {
      failures.push(`${id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  for (const [mode, app] of [
    ['demo mode', anonymous.app],
    ['production', production],
  ] as const) {
    if (app.child.exitCode !== null || app.child.signalCode !== null)
      failures.push(`${mode}: the process ended (${app.child.exitCode ?? app.child.signalCode})`);
  }
  return failures;
}
