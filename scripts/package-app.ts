// `npm run package`: writes dist/casusbot-teams-app.zip for upload to Teams, with the app id and
// URLs from the environment (MICROSOFT_APP_ID, PUBLIC_BASE_URL, PRIVACY_URL, TERMS_OF_USE_URL,
// TEAMS_SSO_APP_ID, optionally DEVELOPER_NAME and TEAMS_SSO_RESOURCE). The manifest is validated against the official schema first.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPackage, packageValuesSchema } from './app-package';

async function main(): Promise<void> {
  const values = packageValuesSchema.safeParse(process.env);
  if (!values.success) {
    const problems = values.error.issues.map(
      (issue) => `  - ${issue.path.join('.')}: ${issue.message}`,
    );
    process.stderr.write(`casusbot: cannot build the Teams app package:\n${problems.join('\n')}\n`);
    process.exit(1);
  }
  const out = join(__dirname, '..', 'dist', 'casusbot-teams-app.zip');
  mkdirSync(join(__dirname, '..', 'dist'), { recursive: true });
  writeFileSync(out, await buildPackage(values.data));
  process.stdout.write(`wrote ${out}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`casusbot: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
