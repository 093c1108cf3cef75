import { readFileSync, writeFileSync } from 'node:fs';
import { configAs } from '../../scripts/playground-config';
import { join } from 'node:path';
import { startTeamsClient, type TeamsClient } from '../../scripts/teams-client';
import { freePort } from './local-start';
import { tempDir } from './temp-dir';

const root = join(__dirname, '..', '..');

/** The committed config of the Teams-like client (Microsoft 365 Agents Playground). */
export const playgroundConfig = join(root, 'playground', '.m365agentsplayground.yml');

export type Playground = TeamsClient;

/**
 * Starts the Teams-like client as `npm start` does (through scripts/child-guard.cjs, offline, no
 * telemetry, no browser of its own), with a config in `dir` in which the given user is the current
 * user; waits until it listens and answers its ping.
 */
export async function startPlayground(options: {
  botUrl: string;
  port: number;
  currentUserAadObjectId: string;
  dir: string;
  timeoutMs?: number;
}): Promise<Playground> {
  const { botUrl, port, currentUserAadObjectId, dir, timeoutMs = 60_000 } = options;
  const configPath = join(dir, '.m365agentsplayground.yml');
  writeFileSync(
    configPath,
    configAs(readFileSync(playgroundConfig, 'utf8'), currentUserAadObjectId),
  );
  return startTeamsClient({
    botUrl,
    port,
    configPath,
    logFile: join(dir, 'playground.log'),
    timeoutMs,
  });
}

/**
 * Registers mocha hooks that start a Teams-like client for one user against a running bot (read
 * `botUrl()` in the before hook, so the bot may start in an earlier hook), in a fresh folder, on a
 * free port; stopped and removed after the suite.
 */
export function usePlayground(
  name: string,
  botUrl: () => string,
  currentUserAadObjectId: string,
): { readonly url: string; readonly logFile: string } {
  const state: { playground?: Playground; remove?: () => Promise<void> } = {};
  before(async () => {
    const dir = await tempDir(name);
    state.remove = () => dir.remove();
    state.playground = await startPlayground({
      botUrl: botUrl(),
      port: await freePort(),
      currentUserAadObjectId,
      dir: dir.path,
    });
  });
  after(async () => {
    await state.playground?.stop();
    await state.remove?.();
  });
  return {
    get url() {
      if (!state.playground) throw new Error('The client starts in a before hook');
      return state.playground.url;
    },
    get logFile() {
      if (!state.playground) throw new Error('The client starts in a before hook');
      return state.playground.logFile;
    },
  };
}
