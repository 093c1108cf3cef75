import { link, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface DataDirLock {
  release(): Promise<void>;
}

async function holderOf(path: string): Promise<number | undefined> {
  try {
    const pid = Number((await readFile(path, 'utf8')).trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Creates `path` holding our pid, or says it exists (the one atomic step a lock has). The pid is
 * written to a file of our own first and then hard-linked into place, so the file never exists
 * empty: a contender reading it half-written would take an empty file for a dead holder's.
 */
async function createExclusive(path: string): Promise<boolean> {
  const own = `${path}.${process.pid}.tmp`;
  await writeFile(own, String(process.pid));
  try {
    await link(own, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await rm(own, { force: true });
  }
}

/** Replaces `path` with our pid in one step (a rename), so nobody ever reads it empty. */
async function replaceWithOwnPid(path: string): Promise<void> {
  const own = `${path}.${process.pid}.tmp`;
  await writeFile(own, String(process.pid));
  await rename(own, path);
}

function inUse(dir: string, holder: number, path: string): Error {
  return new Error(
    `The data folder ${dir} is in use by process ${holder}. Stop that process, or delete ${path} if it is not casusbot.`,
  );
}

/**
 * Two processes replaying and appending to one journal would corrupt it, so a data folder is
 * held by one process at a time. A lock left by a killed process (kill -9) is taken over, by one
 * process only: the takeover itself is guarded by a second exclusive file, so two processes that
 * both find the same stale lock cannot both end up holding it.
 */
export async function lockDataDir(dir: string, attempt = 0): Promise<DataDirLock> {
  const path = join(dir, 'lock.pid');
  const release = { release: () => rm(path, { force: true }) };
  if (await createExclusive(path)) return release;

  const stale = await holderOf(path);
  if (stale !== undefined && stale !== process.pid && isAlive(stale)) throw inUse(dir, stale, path);

  const guard = join(dir, 'lock.pid.takeover');
  if (!(await createExclusive(guard))) {
    const taker = await holderOf(guard);
    if (taker !== undefined && isAlive(taker)) throw inUse(dir, taker, path);
    // A takeover that died half-way: clear it and try once more from the start.
    if (attempt > 0) throw new Error(`Could not take over the stale lock ${path}`);
    await rm(guard, { force: true });
    return lockDataDir(dir, attempt + 1);
  }
  try {
    // Still the stale holder we found: nobody else took over meanwhile.
    const now = await holderOf(path);
    if (now !== stale && now !== undefined && isAlive(now)) throw inUse(dir, now, path);
    await replaceWithOwnPid(path);
    return release;
  } finally {
    await rm(guard, { force: true });
  }
}
