// `npm run signing-keys:new -- <folder>`: makes the two signing secrets of a deployment, each in a
// file only its owner can read, to be set in Key Vault (README, "Deploying to a tenant") and then
// deleted. Nothing is printed: a secret in a terminal ends up in its scrollback and logs.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [folder, ...rest] = process.argv.slice(2);
if (!folder || rest.length > 0) {
  process.stderr.write('usage: npm run signing-keys:new -- <folder>\n');
  process.exit(2);
}
mkdirSync(folder, { recursive: true, mode: 0o700 });
const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const files = {
  'link-token-secret': randomBytes(32).toString('base64'),
  'evidence-signing-key': JSON.stringify(privateKey.export({ format: 'jwk' })),
};
for (const [name, value] of Object.entries(files)) {
  // `wx`: an existing key is never overwritten; it may already sign links and evidence.
  writeFileSync(join(folder, name), value, { mode: 0o600, flag: 'wx' });
}
process.stdout.write(`${Object.keys(files).join(' and ')} written to ${folder}\n`);
