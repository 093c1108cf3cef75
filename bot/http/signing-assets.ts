import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type * as Esbuild from 'esbuild';

/** The signing page's browser code: one script and one stylesheet. */
export interface SigningAssets {
  script: string;
  style: string;
}

/** The sources, relative to the repository root. */
const SOURCE = { entry: 'webapp/signing/main.ts', style: 'webapp/signing/app.css' };
/** Where `npm run build` puts the bundle, relative to `dist/`. */
export const BUNDLE_DIR = join('public', 'ondertekenen');

/** Bundles the page with esbuild (a devDependency: at build time, or on demand from source). */
export async function bundleSigningAssets(root: string): Promise<SigningAssets> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only where it is installed
  const esbuild = require('esbuild') as typeof Esbuild;
  const result = await esbuild.build({
    entryPoints: [join(root, SOURCE.entry)],
    bundle: true,
    write: false,
    minify: true,
    format: 'iife',
    target: ['es2022'],
    platform: 'browser',
    legalComments: 'none',
    logLevel: 'silent',
  });
  const script = result.outputFiles[0]?.text;
  if (script === undefined) throw new Error('esbuild wrote no signing bundle');
  return { script, style: await readFile(join(root, SOURCE.style), 'utf8') };
}

/**
 * Production runs compiled code (`node dist/bot/main.js`) with production dependencies only, so it
 * serves the bundle `npm run build` wrote beside it. From source (`npm start`, the tests) the
 * bundle is made on demand, once per process, so it is never older than the page's code.
 */
export function signingAssetsLoader(): () => Promise<SigningAssets> {
  let loading: Promise<SigningAssets> | undefined;
  const compiled = __filename.endsWith('.js');
  // bot/http → the repository root, or dist/bot/http → dist.
  const base = join(__dirname, '..', '..');
  return () => {
    loading ??= (
      compiled
        ? Promise.all([
            readFile(join(base, BUNDLE_DIR, 'app.js'), 'utf8'),
            readFile(join(base, BUNDLE_DIR, 'app.css'), 'utf8'),
          ]).then(([script, style]) => ({ script, style }))
        : bundleSigningAssets(base)
    ).catch((error: unknown) => {
      // A failed build or a missing file is tried again at the next request, not cached.
      loading = undefined;
      throw error;
    });
    return loading;
  };
}
