// 2. Authorisation matrix: every command, card verb, dialog and page (from the code), by every
// kind of actor, against a casus in every state, compared with the documented matrix
// (test/reliability/authorisation/matrix.ts). A refused cell must change nothing and answer
// nothing of a casus the actor may not know. Every read of a casus's details and every change is
// in the access log, and the log says no one saw or changed what they did not.
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { DownloadLinks } from '../../../src/app/links/download-links';
import { LinkTokens } from '../../../src/app/links/link-tokens';
import { roleSchema } from '../../../src/domain/registry/registry.schema';
import { startBotHarness, talkAs } from '../../helpers/bot-harness';
import { SHORT_REGISTRY_BOUND } from '../../helpers/registry-bound';
import { addRegistryPersons } from '../../helpers/registry-actors';
import { signingEnv } from '../../helpers/signing-env';
import { tempDir } from '../../helpers/temp-dir';
import { accessLogActionSpecs } from '../authorisation/access-log-actions';
import { actorIds, actorOrder, addedPersons } from '../authorisation/actors';
import { casusActionSpecs } from '../authorisation/casus-actions';
import { actionsInCode, DOWNLOAD_ROUTE } from '../authorisation/catalogue';
import { runCells, templatesOf, type CellResult } from '../authorisation/cells';
import { buildCasussen } from '../authorisation/casussen';
import { invitationActionSpecs } from '../authorisation/invitation-actions';
import { privacyActionSpecs } from '../authorisation/privacy-actions';
import { JournalWatch } from '../authorisation/journal-watch';
import {
  casusColumns,
  documentedMatrix,
  registryRoles,
  routesWithoutRow,
} from '../authorisation/matrix';
import { findings, legend, matrixLines } from '../authorisation/print';
import { atLeast, atMost, exactly, type Figure, type Section } from '../figures';

const MATRIX_FILE = 'test-results/authorisation-matrix.txt';
/** Answers that showed a casus's details, and changes: 1,204 in the run of 2026-12-04. */
const MIN_READS = 1000;

/** What the code has against what the matrix documents. */
function coverage() {
  const code = actionsInCode().filter((id) => !(id in routesWithoutRow));
  const specs = new Map(
    [
      ...casusActionSpecs(),
      ...invitationActionSpecs(),
      ...accessLogActionSpecs(),
      ...privacyActionSpecs(),
    ].map((spec) => [spec.id, spec]),
  );
  const roles = roleSchema.options.map((option) => option.shape.role.value as string);
  return {
    code,
    specs,
    withoutRow: code.filter((id) => !(id in documentedMatrix)),
    staleRows: Object.keys(documentedMatrix).filter((id) => !code.includes(id)),
    untried: code.filter((id) => !specs.has(id)),
    rolesWithoutActors: [
      ...roles.filter((role) => !(role in registryRoles)),
      ...Object.keys(registryRoles).filter((role) => !roles.includes(role)),
    ],
    expectedCells: code.reduce(
      (sum, id) =>
        sum + actorOrder.length * (specs.get(id)?.onCasus === false ? 1 : casusColumns.length),
      0,
    ),
  };
}

function figuresOf(results: readonly CellResult[], covered: ReturnType<typeof coverage>): Figure[] {
  const refused = results.filter((cell) => cell.allowed !== true);
  const reads = results.filter((cell) => cell.read);
  const tampered = results.flatMap((cell) => (cell.tampered ? [cell.tampered] : []));
  const downloadCells = results.filter((cell) => cell.action.startsWith(DOWNLOAD_ROUTE)).length;
  return [
    atLeast(
      'cells tried',
      results.filter((c) => c.allowed !== undefined).length,
      covered.expectedCells,
    ),
    exactly(
      'cells as documented',
      results.filter((c) => c.allowed !== undefined && c.allowed === c.documented).length,
      covered.expectedCells,
    ),
    atMost('refused cells that changed something', refused.filter((c) => c.changed).length),
    atMost('refused answers with casus data', refused.filter((c) => c.leaked.length > 0).length),
    atMost(
      'allowed answers with data of a casus not theirs',
      results.filter((c) => c.allowed === true && c.leaked.length > 0).length,
    ),
    atLeast(
      'reads of casus details and changes, looked for in the access log',
      reads.length,
      MIN_READS,
    ),
    atMost('of them not in the access log', reads.filter((c) => c.unrecorded).length),
    atMost(
      'access records saying someone was shown or changed what they were not',
      results.reduce((sum, c) => sum + c.falseRecords.length, 0),
    ),
    atLeast(
      'tampered download links tried',
      tampered.reduce((sum, t) => sum + t.tried, 0),
      downloadCells * 3,
    ),
    atMost(
      'tampered download links served',
      tampered.reduce((sum, t) => sum + t.served.length, 0),
    ),
    atMost(
      'actions in the code without a row, or rows without one',
      covered.withoutRow.length + covered.staleRows.length + covered.untried.length,
    ),
    atMost('registry roles without actors in the matrix', covered.rolesWithoutActors.length),
  ];
}

export const authorisation: Section = {
  name: 'authorisation',
  title: '2. Authorisation matrix',
  async run(context) {
    const covered = coverage();
    for (const id of covered.withoutRow) context.note(`no row in the matrix: ${id}`);
    for (const id of covered.staleRows) context.note(`row for no action of the code: ${id}`);
    for (const id of covered.untried) context.note(`no way to try: ${id}`);
    for (const role of covered.rolesWithoutActors) context.note(`role without actors: ${role}`);
    // The link secret is ours too, so a declaration's link can be issued to any actor; no Teams
    // SSO (the signature itself is not tried here).
    const { LINK_TOKEN_SECRET = '', EVIDENCE_SIGNING_KEY = '' } = signingEnv();
    const env = {
      DEMO_MODE: 'false',
      ...SHORT_REGISTRY_BOUND,
      // The invitations are written beside the bot: its sweep delivers what they queued.
      OUTBOX_SWEEP_INTERVAL_MS: '500',
      LINK_TOKEN_SECRET,
      EVIDENCE_SIGNING_KEY,
    };
    // Our own data folder, so the cells can read the store's journal.
    const data = await tempDir('authorisation');
    const bot = await startBotHarness(
      { ...env, EMBEDDED_COSMOS_DATA_DIR: data.path },
      context.logLines,
    );
    try {
      await addRegistryPersons(bot, addedPersons);
      const casussen = await buildCasussen(bot);
      // Everyone has opened a chat with the bot once, so "Open in mijn chat" can reach them.
      for (const actor of actorOrder) await talkAs(bot, actorIds[actor]).say('help');
      const bench = {
        bot,
        tokens: new LinkTokens(Buffer.from(LINK_TOKEN_SECRET, 'base64'), () => new Date()),
        downloads: new DownloadLinks(
          Buffer.from(LINK_TOKEN_SECRET, 'base64'),
          () => new Date(),
          () => bot.url,
          randomUUID,
        ),
        channel: {
          id: '19:matrix@thread.tacv2',
          teamId: '19:matrix-team@thread.tacv2',
          rootId: '1',
        },
      };
      const templates = await templatesOf(bench, casussen);
      const specs = covered.code.flatMap((id) => covered.specs.get(id) ?? []);
      const journal = new JournalWatch(data.path);
      const results = await runCells({ bench, journal, casussen, templates }, specs, (line) =>
        context.note(line),
      );
      const printed = [...legend(), ...matrixLines(results)];
      await mkdir('test-results', { recursive: true });
      const all = [...printed, '', ...findings(results, Infinity)];
      await writeFile(MATRIX_FILE, `${all.join('\n')}\n`);
      for (const line of [...printed, ...findings(results)]) context.note(line);
      context.note(`the matrix as the bot showed it: ${MATRIX_FILE}`);
      return figuresOf(results, covered);
    } finally {
      await bot.stop();
      await data.remove();
    }
  },
};
