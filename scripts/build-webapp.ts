// Part of `npm run build` (and `npm run bundle`): writes the signing page's browser bundle into
// dist/, where the compiled bot serves it from; production has no esbuild to make it on demand.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLE_DIR, bundleSigningAssets } from '../bot/http/signing-assets';

export async function writeSigningBundle(root: string): Promise<string> {
  const { script, style } = await bundleSigningAssets(root);
  const dir = join(root, 'dist', BUNDLE_DIR);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'app.js'), script);
  writeFileSync(join(dir, 'app.css'), style);
  return dir;
}

if (require.main === module) {
  writeSigningBundle(join(__dirname, '..')).then(
    (dir) => process.stdout.write(`wrote ${dir}\n`),
    (error: unknown) => {
      process.stderr.write(`casusbot: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
