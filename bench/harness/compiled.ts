// The bench measures compiled JavaScript, as production runs it (`node dist/bot/main.js`), not
// TypeScript through tsx: tsx's loader and source maps are not part of what a deployment pays.
// The bot, the floor and the bench's preloads are compiled together (bench/tsconfig.json) so that
// the meters patch the same module instances as the bot loads.
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const BUILD_DIR = join('bench-results', 'dist');

/** Compiles the processes the bench starts, from a clean directory. */
export async function compileProcesses(): Promise<void> {
  await rm(BUILD_DIR, { recursive: true, force: true });
  await promisify(execFile)(process.execPath, [
    require.resolve('typescript/bin/tsc'),
    '-p',
    join('bench', 'tsconfig.json'),
  ]);
}

/** Where the compiled form of a source file (relative to the repository) is. */
export const compiled = (source: string): string =>
  `./${join(BUILD_DIR, source.replace(/\.ts$/, '.js'))}`;
