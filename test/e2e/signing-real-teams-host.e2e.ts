import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { Frame, Page } from 'playwright-core';
import { evidenceSigningJwkSchema } from '../../src/config/signing-config';
import { verifyAuditChain } from '../../src/domain/casus/audit-chain';
import type { Casus } from '../../src/domain/casus/casus.schema';
import { canonicalJson } from '../../src/domain/shared/canonical-json';
import { EvidenceSigner, verifyEvidence } from '../../src/app/invitation/evidence-signature';
import { CosmosCasusRepository } from '../../src/storage/cosmos-casus.repository';
import { checkDeclarations } from '../../scripts/verify-evidence';
import { postActivity } from '../helpers/bot-harness';
import { dialogInvoke, signingDialogUrl, type BotEndpoint } from '../helpers/dialog-invoke';
import { useE2eApp } from '../helpers/e2e-app';
import { FakeConnector } from '../helpers/fake-connector';
import { openBrowser, type HeadlessBrowser } from '../helpers/browser';
import { FakeEntraIssuer } from '../helpers/fake-entra-issuer';
import { casusInBehandeling } from '../helpers/samples';
import { inviteeObjectId, withSignedInvitation } from '../helpers/signed-casus';
import { completeAndSubmit, drawSignature, shownTextSha256 } from '../helpers/signing-page';
import { signingEnv } from '../helpers/signing-env';
import { screenshots } from '../helpers/teams-client';
import { hostMessages, openInTeamsTestHost } from '../helpers/teams-test-host';

const tenantId = '3f2e1d0c-9b8a-4765-8432-10fedcba9876';
/** Someone else of the same tenant, signed in to Teams where the invitee's dialog was opened. */
const colleague = '3f2e1d0c-9b8a-4765-8432-10fedcba0001';
const casusNumber = 'LK-ROT-2026-0031';

describe('the invitee signs inside the Teams test host against the real app, with Teams SSO (headless Chromium)', () => {
  const keys = signingEnv();
  const state: { issuer?: FakeEntraIssuer; browser?: HeadlessBrowser; connector?: FakeConnector } =
    {};
  const target = useE2eApp('real-teams-host', {
    env: async () => {
      state.issuer = await new FakeEntraIssuer().start();
      return {
        ...keys,
        TEAMS_SSO_TENANT_ID: tenantId,
        TEAMS_SSO_OPENID_METADATA_URL: state.issuer.metadataUrl,
      };
    },
  });
  /** The bot over HTTP, as Teams posts to it; its answers to invokes come back in the response. */
  const bot = (): BotEndpoint => ({
    connector: state.connector!,
    post: (activity) => postActivity(target.botUrl(), activity),
  });
  const ids = { casusId: '', invitationId: '' };
  let approved: Casus;
  const stored = async (): Promise<Casus> => {
    const found = await new CosmosCasusRepository(target.container('casussen')).get(ids.casusId);
    assert.ok(found, 'the casus is in the store');
    return found.value;
  };

  before(async () => {
    // Proposed by Jeroen and approved by Mohamed with the domain's own functions; the invitee has
    // an Entra object id, so with SSO configured only their Teams identity may sign.
    const made = await withSignedInvitation(casusInBehandeling(casusNumber), { signed: false });
    await target.container('casussen').items.create(made.casus);
    Object.assign(ids, { casusId: made.casus.id, invitationId: made.invitationId });
    approved = await stored();
  });
  before(async () => {
    state.connector = await new FakeConnector().start();
  });
  after(async () => {
    await state.connector?.stop();
    await state.issuer?.stop();
  });
  beforeEach(async () => {
    state.browser = await openBrowser();
  });
  afterEach(async () => {
    const errors = state.browser?.pageErrors.splice(0);
    await state.browser?.close();
    assert.deepEqual(errors, [], 'no errors in the page');
  });

  /** The dialog Teams opens for the invitee's "Ondertekenen", with `user` signed in to Teams. */
  async function openDialog(user: string): Promise<{ page: Page; dialog: Frame; url: string }> {
    const { page } = state.browser!;
    const url = await signingDialogUrl(bot(), inviteeObjectId, ids);
    const ssoToken = await state.issuer!.token({
      oid: user,
      tid: tenantId,
      aud: keys.TEAMS_SSO_APP_ID!,
    });
    // The host on the bot's own origin: teams-js trusts that parent, and the CSP allows it ('self').
    const dialog = await openInTeamsTestHost(page, `${new URL(url).origin}/teams-host`, {
      dialogUrl: url,
      auth: { ssoToken },
      user: { objectId: user, tenantId },
    });
    await dialog.getByText(`Casus ${casusNumber}`).waitFor();
    await page.waitForFunction('window.hostMessages.some((m) => m.func === "getContext")');
    return { page, dialog, url };
  }

  it('someone else signed in to Teams is refused on the page, and nothing is stored', async () => {
    const { page, dialog } = await openDialog(colleague);
    await drawSignature(page, dialog);
    await completeAndSubmit(dialog, 'Rob de Boer');
    await dialog
      .locator('#melding')
      .getByText('Je bent in Teams aangemeld als iemand anders dan de genodigde.', { exact: false })
      .waitFor({ timeout: 20_000 });
    assert.match(await dialog.locator('#melding').innerText(), /Er is niets vastgelegd\./);
    await page.screenshot({ path: `${screenshots}/signing-real-teams-host-geweigerd.png` });
    const funcs = (await hostMessages(page)).map((m) => m.func);
    assert.ok(funcs.includes('authentication.getAuthToken'));
    assert.ok(!funcs.includes('tasks.completeTask'), 'the dialog stays open');
    const after = await stored();
    assert.equal(after.revision, approved.revision, 'the casus is not written');
    assert.deepEqual(after.declarations, []);
    assert.equal(after.invitations[0]?.state, approved.invitations[0]?.state);
  });

  it('the invitee signs; the evidence names them by Teams SSO, with the hashes of what they saw', async () => {
    const { page, dialog, url } = await openDialog(inviteeObjectId);
    const shownSha256 = await shownTextSha256(dialog);
    await drawSignature(page, dialog);
    await completeAndSubmit(dialog, 'Rob de Boer');
    await dialog.getByRole('heading', { name: 'Ondertekend' }).waitFor({ timeout: 20_000 });
    await page.waitForFunction('window.hostMessages.some((m) => m.func === "tasks.completeTask")');
    await page.screenshot({ path: `${screenshots}/signing-real-teams-host-ondertekend.png` });

    // Teams closes the dialog and hands what the page submitted to the bot as task/submit.
    const completed = (await hostMessages(page)).filter((m) => m.func === 'tasks.completeTask');
    assert.equal(completed.length, 1);
    const result = completed[0]!.args[0] as Record<string, unknown>;
    assert.deepEqual(
      { invitationId: result.invitationId, casusId: result.casusId, status: result.status },
      { ...ids, status: 'ondertekend' },
    );
    const answer = await dialogInvoke(bot(), 'task/submit', result, inviteeObjectId);
    assert.equal(answer.task.type, 'message');
    assert.match(
      JSON.stringify(answer.task.value),
      new RegExp(`verklaring voor casus ${casusNumber} ondertekend`),
    );
    assert.equal((await fetch(url)).status, 409, 'the link is used up');

    const casus = await stored();
    assert.equal(casus.declarations.length, 1);
    const declaration = casus.declarations[0]!;
    const { record } = declaration;
    assert.deepEqual(record.signer, {
      kind: 'teams-sso',
      objectId: inviteeObjectId,
      tenantId,
      subject: `pairwise-${inviteeObjectId}`,
    });
    assert.equal(record.textSha256, shownSha256, 'the hash of the text the page showed');
    assert.equal(record.typedName, 'Rob de Boer');
    assert.equal(record.signature.strokes.length, 2);
    assert.equal(casus.invitations.find((i) => i.id === ids.invitationId)?.state, 'ondertekend');
    const recordSha256 = createHash('sha256').update(canonicalJson(record), 'utf8').digest('hex');
    assert.equal(declaration.recordSha256, recordSha256);
    const line = casus.audit.find((entry) => entry.action === 'verklaring-ondertekend');
    assert.equal(line?.evidenceSha256, recordSha256, 'the audit line carries the record hash');
    assert.equal(verifyAuditChain(casus).kind, 'intact');

    // The JWS, as `npm run casus:verify` checks it, against the public half of the app's key.
    const { publicJwk, kid } = await EvidenceSigner.create(
      evidenceSigningJwkSchema.parse(JSON.parse(keys.EVIDENCE_SIGNING_KEY!)),
    );
    assert.deepEqual(await verifyEvidence(declaration, [publicJwk]), { ok: true, value: { kid } });
    const checked = await checkDeclarations(casus, publicJwk);
    assert.equal(checked.broken, false, checked.lines.join('\n'));
  });
});
