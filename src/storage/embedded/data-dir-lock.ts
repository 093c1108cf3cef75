import { readFile, rm, writeFile } from 'node:fs/promises';
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

/**
 * Two processes replaying and appending to one journal would corrupt it, so a data folder is
 * held by one process at a time. A lock left by a killed process (kill -9) is taken over.
 */
export async function lockDataDir(dir: string): Promise<DataDirLock> {
  const path = join(dir, 'lock.pid');
  try {
    await writeFile(path, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = Number((await readFile(path, 'utf8')).trim());
    if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
      throw new Error(
        `The data folder ${dir} is in use by process ${holder}. Stop that process, or delete ${path} if it is not casusbot.`,
        { cause: error },
      );
    }
    await writeFile(path, String(process.pid));
  }
  return { release: () => rm(path, { force: true }) };
}
