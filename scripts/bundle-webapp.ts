// `npm run bundle`: writes dist/casusbot-webapp.zip for `az webapp deploy --type zip`: the compiled
// bot (dist/), package.json, the lockfile and the production node_modules. App Service runs it
// as is (`node dist/bot/main.js`, see infra/modules/app-service.bicep), with no build on the server.
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import JSZip from 'jszip';
import { writeSigningBundle } from './build-webapp';

const root = join(__dirname, '..');
const out = join(root, 'dist', 'casusbot-webapp.zip');

function addTree(zip: JSZip, base: string, dir: string): void {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    // Executable shims are symlinks the app never runs; a zip cannot hold them portably.
    if (entry === '.bin') continue;
    const stat = statSync(path);
    if (stat.isDirectory()) addTree(zip, base, path);
    else zip.file(relative(base, path), readFileSync(path), { unixPermissions: stat.mode });
  }
}

async function main(): Promise<void> {
  // A module deleted from the source must not linger in the zip from an earlier build.
  for (const part of ['bot', 'src', 'cards', 'public']) {
    rmSync(join(root, 'dist', part), { recursive: true, force: true });
  }
  execFileSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  await writeSigningBundle(root);
  const staging = mkdtempSync(join(tmpdir(), 'casusbot-webapp-'));
  try {
    for (const part of ['bot', 'src', 'cards', 'public']) {
      cpSync(join(root, 'dist', part), join(staging, 'dist', part), { recursive: true });
    }
    for (const file of ['package.json', 'package-lock.json']) {
      cpSync(join(root, file), join(staging, file));
    }
    // Exactly the locked production dependencies; install scripts are not needed to run.
    execFileSync('npm', ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], {
      cwd: staging,
      stdio: 'inherit',
    });
    const zip = new JSZip();
    addTree(zip, staging, staging);
    writeFileSync(
      out,
      await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'UNIX' }),
    );
    process.stdout.write(`wrote ${out}\n`);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`casusbot: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
