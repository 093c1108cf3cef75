import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import JSZip from 'jszip';
import { z } from 'zod';
import { defaultSsoResource } from '../src/config/signing-config';

const root = join(__dirname, '..');
const manifestDir = join(root, 'manifest');
const schemaDir = join(
  root,
  'node_modules',
  '@microsoft',
  'app-manifest',
  'build',
  'json-schemas',
  'teams',
  'v1.22',
);

/** What an operator fills in for their tenant (see README, "Teams app package"). */
export const packageValuesSchema = z.object({
  MICROSOFT_APP_ID: z.guid(),
  PUBLIC_BASE_URL: z.url({ protocol: /^https$/ }),
  PRIVACY_URL: z.url({ protocol: /^https$/ }),
  TERMS_OF_USE_URL: z.url({ protocol: /^https$/ }),
  DEVELOPER_NAME: z.string().trim().min(1).max(32).default('Zorg- en Veiligheidshuis'),
  /** The app registration of Teams SSO in the signing dialog (`webApplicationInfo`). */
  TEAMS_SSO_APP_ID: z.guid(),
  /** By default `api://<public host>/<TEAMS_SSO_APP_ID>`, as the app expects (TEAMS_SSO_RESOURCE). */
  TEAMS_SSO_RESOURCE: z.string().startsWith('api://').optional(),
});
export type PackageValues = z.infer<typeof packageValuesSchema>;

/** Fills `{{NAME}}` placeholders; one left over is an error, not a broken package. */
function fill(text: string, values: PackageValues): string {
  const all: Record<string, string> = {
    ...values,
    PUBLIC_HOST: new URL(values.PUBLIC_BASE_URL).host,
    TEAMS_SSO_RESOURCE:
      values.TEAMS_SSO_RESOURCE ??
      defaultSsoResource(values.PUBLIC_BASE_URL, values.TEAMS_SSO_APP_ID),
  };
  const filled = text.replace(/\{\{([A-Z_]+)\}\}/g, (match, name: string) => all[name] ?? match);
  const left = /\{\{[A-Z_]+\}\}/.exec(filled);
  if (left) throw new Error(`No value for ${left[0]} in the app manifest`);
  return filled;
}

export interface RenderedManifest {
  manifest: Record<string, unknown>;
  localization: Record<string, unknown>;
}

export function renderManifest(values: PackageValues): RenderedManifest {
  return {
    manifest: JSON.parse(
      fill(readFileSync(join(manifestDir, 'manifest.json'), 'utf8'), values),
    ) as Record<string, unknown>,
    localization: JSON.parse(
      fill(readFileSync(join(manifestDir, 'en-us.json'), 'utf8'), values),
    ) as Record<string, unknown>,
  };
}

/** Problems the official JSON schemas (bundled by @microsoft/app-manifest) find; empty when valid. */
export function manifestProblems(rendered: RenderedManifest): string[] {
  // The official localization schema has patterns that are invalid as unicode regular expressions.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const check = (schemaFile: string, document: unknown, what: string) => {
    const validate = ajv.compile(
      JSON.parse(readFileSync(join(schemaDir, schemaFile), 'utf8')) as object,
    );
    return validate(document)
      ? []
      : (validate.errors ?? []).map((e) => `${what}${e.instancePath} ${e.message ?? ''}`);
  };
  return [
    ...check('MicrosoftTeams.schema.json', rendered.manifest, 'manifest'),
    ...check('MicrosoftTeams.Localization.schema.json', rendered.localization, 'en-us.json'),
  ];
}

/** The zip Teams admins upload: manifest, localization and both icons at the root. */
export async function buildPackage(values: PackageValues): Promise<Buffer> {
  const rendered = renderManifest(values);
  const problems = manifestProblems(rendered);
  if (problems.length > 0)
    throw new Error(`The app manifest is not valid:\n${problems.join('\n')}`);
  const zip = new JSZip();
  zip.file('manifest.json', JSON.stringify(rendered.manifest, null, 2));
  zip.file('en-us.json', JSON.stringify(rendered.localization, null, 2));
  for (const icon of ['color.png', 'outline.png'])
    zip.file(icon, readFileSync(join(manifestDir, icon)));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
