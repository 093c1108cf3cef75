import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { verifyEvidence } from '../../src/app/invitation/evidence-signature';
import type { SigningView } from '../../src/app/invitation/signing';
import { EntraSsoValidator } from '../../src/app/invitation/teams-sso';
import { verifyAuditChain } from '../../src/domain/casus/audit-chain';
import type { CasusRepository } from '../../src/domain/casus/casus.repository';
import type { Casus } from '../../src/domain/casus/casus.schema';
import { declarationText } from '../../src/domain/invitation/declarations/declaration-text';
import { closeInvitations } from '../../src/domain/invitation/lifecycle';
import { CosmosCasusRepository } from '../../src/storage/cosmos-casus.repository';
import { FakeEntraIssuer } from '../helpers/fake-entra-issuer';
import { validProposal } from '../helpers/invitation-fixtures';
import {
  casusWithApprovedInvitation,
  signingRig,
  submissionFor,
  type SigningRig,
} from '../helpers/signing-fixtures';
import { useTempStore } from '../helpers/temp-store';

const browser = { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chromium/140' };

describe('signing a geheimhoudingsverklaring (use case, embedded store)', function () {
  this.timeout(30_000);
  const temp = useTempStore('signing');
  let casussen: CasusRepository;
  let rig: SigningRig;

  before(async () => {
    casussen = new CosmosCasusRepository(temp.store.containers.casussen);
    rig = await signingRig(casussen);
  });

  async function stored(values = validProposal()) {
    const { casus, invitation } = casusWithApprovedInvitation(values);
    const created = await casussen.create(casus);
    assert.ok(created.ok);
    return { casus: created.value.value, invitation };
  }
  const reread = async (id: string) => (await casussen.get(id))!.value;
  const linkFor = async (casus: Casus, via?: 'teams-dialog', ttl = 3600) =>
    (
      await rig.tokens.issue(
        'ondertekenen',
        { invitationId: casus.invitations[0]!.id, casusId: casus.id, via },
        ttl,
        randomUUID(),
      )
    ).token;
  async function viewOf(token: string): Promise<SigningView> {
    const view = await rig.service.view(token);
    assert.ok(view.ok, JSON.stringify(view));
    return view.value;
  }

  it('shows the exact text with its hash and the casus by number only, and stores nothing', async () => {
    const { casus, invitation } = await stored();
    const view = await viewOf(await linkFor(casus));
    const expected = declarationText(invitation.declaration!, {
      naam: 'Rob de Boer',
      organisatie: 'Woonstede',
      casusnummer: casus.casusNumber!,
      beroepsgeheim: { soort: 'geen' },
    });
    assert.ok(expected.ok);
    assert.equal(view.declaration.text, expected.value.text);
    assert.match(view.declaration.sha256, /^[0-9a-f]{64}$/);
    assert.deepEqual(
      [view.casusNumber, view.invitee, view.declaration.variant, view.teamsIdentityExpected],
      [
        casus.casusNumber,
        { naam: 'Rob de Boer', organisatie: 'Woonstede' },
        'niet-gebonden',
        false,
      ],
    );
    assert.equal((await reread(casus.id)).revision, casus.revision);
  });

  it('signs once: the invitation signed with the link id, the JWS evidence, its hash on a chained audit line, the news in the outbox', async () => {
    const { casus } = await stored();
    const token = await linkFor(casus);
    const view = await viewOf(token);
    const signed = await rig.service.sign(submissionFor(view, token), browser);
    assert.ok(signed.ok, JSON.stringify(signed));
    assert.equal(signed.value.casusNumber, casus.casusNumber);

    const after = await reread(casus.id);
    assert.equal(after.revision, casus.revision + 1);
    assert.equal(after.invitations[0]!.state, 'ondertekend');
    assert.ok(after.invitations[0]!.signedWithLinkId);
    assert.equal(after.declarations.length, 1);
    const declaration = after.declarations[0]!;
    const { record } = declaration;
    assert.deepEqual(
      [record.textSha256, record.typedName, record.signer.kind, record.userAgent, record.signedAt],
      [view.declaration.sha256, 'Rob de Boer', 'link', browser.userAgent, signed.value.signedAt],
    );
    assert.ok(record.signer.kind === 'link');
    assert.equal(record.signer.tokenId, after.invitations[0]!.signedWithLinkId);
    assert.ok(record.shownAt <= record.signedAt);
    assert.deepEqual(await verifyEvidence(declaration, [rig.evidence.publicJwk]), {
      ok: true,
      value: { kid: rig.evidence.kid },
    });
    const line = after.audit.at(-1)!;
    assert.deepEqual(
      [line.action, line.invitationId, line.evidenceSha256, line.from, line.to],
      [
        'verklaring-ondertekend',
        record.invitationId,
        declaration.recordSha256,
        casus.state,
        casus.state,
      ],
    );
    assert.equal(verifyAuditChain(after).kind, 'intact');
    assert.deepEqual(
      after.outbox.slice(casus.outbox.length).map((entry) => entry.kind),
      ['uitnodiging:ondertekend', 'kanaal:verklaring-ondertekend'],
    );

    // The same link (and its page) once more: refused, and nothing changes.
    const again = await rig.service.sign(submissionFor(view, token), browser);
    assert.deepEqual(again.ok ? undefined : again.error.kind, 'al-ondertekend');
    const viewAgain = await rig.service.view(token);
    assert.deepEqual(viewAgain.ok ? undefined : viewAgain.error.kind, 'al-ondertekend');
    assert.equal((await reread(casus.id)).revision, after.revision);

    // Altered afterwards: the record no longer matches its JWS, the audit line no longer its hash.
    const forged = { ...declaration, record: { ...record, typedName: 'Iemand Anders' } };
    assert.deepEqual(await verifyEvidence(forged, [rig.evidence.publicJwk]), {
      ok: false,
      error: 'record-differs',
    });
    const altered = {
      ...after,
      audit: after.audit.map((l, i) =>
        i === after.audit.length - 1 ? { ...l, evidenceSha256: '0'.repeat(64) } : l,
      ),
    };
    const chain = verifyAuditChain(altered);
    assert.equal(chain.kind, 'broken');
  });

  it('refuses an expired, a tampered, a foreign or another purpose’s link, and stores nothing', async () => {
    const { casus } = await stored();
    const expired = await linkFor(casus, undefined, 60);
    const token = await linkFor(casus);
    const view = await viewOf(token);
    rig.setNow(new Date(Date.now() + 120_000));
    try {
      const late = await rig.service.view(expired);
      assert.equal(late.ok ? undefined : late.error.kind, 'verlopen');
      assert.match(late.ok ? '' : late.error.message, /verlopen/);
    } finally {
      rig.setNow(new Date());
    }
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as object;
    const other = await stored();
    const tampered = [
      header,
      Buffer.from(
        JSON.stringify({ ...claims, invitationId: other.invitation.id, casusId: other.casus.id }),
      ).toString('base64url'),
      signature,
    ].join('.');
    const viewing = (
      await rig.tokens.issue(
        'verklaring-bekijken',
        { invitationId: casus.invitations[0]!.id, casusId: casus.id },
        3600,
        randomUUID(),
      )
    ).token;
    const otherKey = (await signingRig(casussen)).tokens;
    const foreign = (
      await otherKey.issue(
        'ondertekenen',
        { invitationId: casus.invitations[0]!.id, casusId: casus.id },
        3600,
        randomUUID(),
      )
    ).token;
    // A genuine link of another invitation of the same deployment, posted with this page's receipt.
    const otherLink = await linkFor(other.casus);
    for (const bad of [tampered, viewing, foreign, 'zomaar-tekst']) {
      const shown = await rig.service.view(bad);
      assert.equal(shown.ok ? undefined : shown.error.kind, 'ongeldige-link');
      const posted = await rig.service.sign(submissionFor(view, bad), browser);
      assert.equal(posted.ok ? undefined : posted.error.kind, 'ongeldige-link');
    }
    const crossed = await rig.service.sign(submissionFor(view, otherLink), browser);
    assert.equal(crossed.ok ? undefined : crossed.error.kind, 'ongeldige-link');
    assert.equal((await reread(casus.id)).revision, casus.revision);
    assert.equal((await reread(other.casus.id)).revision, other.casus.revision);
  });

  it('refuses an incomplete submission, a receipt of another link and a text hash that is not the text shown', async () => {
    const { casus } = await stored();
    const token = await linkFor(casus);
    const view = await viewOf(token);
    const otherView = await viewOf(await linkFor(casus));
    const offPad = submissionFor(view, token).signature;
    offPad.strokes[0]![1] = { x: 1e22, y: 40, t: 16 };
    const cases: [object, string][] = [
      [{ consent: false }, 'onvolledig'],
      [{ typedName: ' ' }, 'onvolledig'],
      [{ signature: { ...submissionFor(view, token).signature, strokes: [] } }, 'onvolledig'],
      // Off the pad: stored, it could never be drawn into the evidence report.
      [{ signature: offPad }, 'onvolledig'],
      [{ shownReceipt: otherView.shownReceipt }, 'ongeldige-link'],
      [{ textSha256: 'a'.repeat(64) }, 'tekst-gewijzigd'],
    ];
    for (const [over, kind] of cases) {
      const result = await rig.service.sign(submissionFor(view, token, over), browser);
      assert.equal(result.ok ? undefined : result.error.kind, kind, JSON.stringify(over));
    }
    const page = await rig.service.sign('geen formulier', browser);
    assert.equal(page.ok ? undefined : page.error.kind, 'onvolledig');
    assert.equal((await reread(casus.id)).revision, casus.revision);
  });

  it('after the casus closed, its links are no longer valid, for the page and the signature', async () => {
    const { casus } = await stored();
    const token = await linkFor(casus);
    const view = await viewOf(token);
    const found = await casussen.get(casus.id);
    const closed = await casussen.replace(
      {
        ...found!.value,
        state: 'afgesloten',
        invitations: closeInvitations(found!.value.invitations, new Date().toISOString()),
      },
      found!.etag,
    );
    assert.ok(closed.ok);
    const shown = await rig.service.view(token);
    assert.equal(shown.ok ? undefined : shown.error.kind, 'niet-meer-geldig');
    const signed = await rig.service.sign(submissionFor(view, token), browser);
    assert.equal(signed.ok ? undefined : signed.error.kind, 'niet-meer-geldig');
    assert.deepEqual((await reread(casus.id)).declarations, []);
  });

  it('reads back after a write whose answer was lost: signed once, answered as signed', async () => {
    const { casus } = await stored();
    let cut = true;
    const lossy: CasusRepository = Object.create(casussen) as CasusRepository;
    lossy.replace = async (next, etag) => {
      const written = await casussen.replace(next, etag);
      if (cut && written.ok) {
        cut = false;
        return { ok: false, error: 'outcome-unknown' };
      }
      return written;
    };
    const lossyRig = { ...(await signingRig(lossy)) };
    const token = (
      await lossyRig.tokens.issue(
        'ondertekenen',
        { invitationId: casus.invitations[0]!.id, casusId: casus.id },
        3600,
        randomUUID(),
      )
    ).token;
    const view = await lossyRig.service.view(token);
    assert.ok(view.ok);
    const signed = await lossyRig.service.sign(submissionFor(view.value, token), browser);
    assert.ok(signed.ok, JSON.stringify(signed));
    const after = await reread(casus.id);
    assert.equal(after.declarations.length, 1);
    assert.equal(after.revision, casus.revision + 1);
  });

  describe('with Teams SSO configured', () => {
    const tenantId = '5c4d3e2f-1a0b-4c9d-8e7f-6a5b4c3d2e1f';
    const appId = '9f8e7d6c-5b4a-4392-8817-0a1b2c3d4e5f';
    const invitee = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
    let issuer: FakeEntraIssuer;
    let ssoRig: SigningRig;
    before(async () => {
      issuer = await new FakeEntraIssuer().start();
      ssoRig = await signingRig(
        casussen,
        new EntraSsoValidator(
          { appId, resource: undefined, tenantId, openIdMetadataUrl: issuer.metadataUrl },
          () => new Date(),
        ),
      );
    });
    after(() => issuer.stop());

    const ssoLink = async (casus: Casus, via?: 'teams-dialog') =>
      (
        await ssoRig.tokens.issue(
          'ondertekenen',
          { invitationId: casus.invitations[0]!.id, casusId: casus.id, via },
          1800,
          randomUUID(),
        )
      ).token;
    const dialogLink = (casus: Casus) => ssoLink(casus, 'teams-dialog');

    it('compares the Entra object id case-blind: typed in capitals, stored so earlier, or so in the token', async () => {
      const typedUpper = validProposal();
      typedUpper.contactpersoon = {
        ...typedUpper.contactpersoon,
        entraObjectId: invitee.toUpperCase(),
      };
      const typed = await stored(typedUpper);
      assert.equal(typed.invitation.proposal.contactpersoon.entraObjectId, invitee);

      // Stored before ids were kept in lower case: written as is, past the proposal's schema.
      const earlier = casusWithApprovedInvitation();
      const upper = earlier.casus.invitations[0]!;
      upper.proposal.contactpersoon.entraObjectId = invitee.toUpperCase();
      const created = await casussen.create(earlier.casus);
      assert.ok(created.ok);

      const lower = await stored({
        ...validProposal(),
        contactpersoon: { ...validProposal().contactpersoon, entraObjectId: invitee },
      });
      for (const [casus, oid] of [
        [typed.casus, invitee],
        [created.value.value, invitee],
        [lower.casus, invitee.toUpperCase()],
      ] as const) {
        const token = await dialogLink(casus);
        const shown = await ssoRig.service.view(token);
        assert.ok(shown.ok);
        const ssoToken = await issuer.token({ oid, tid: tenantId, aud: appId });
        const signed = await ssoRig.service.sign(
          submissionFor(shown.value, token, { ssoToken }),
          browser,
        );
        assert.ok(signed.ok, `${oid}: ${JSON.stringify(signed)}`);
        const { signer } = (await reread(casus.id)).declarations[0]!.record;
        assert.equal(signer.kind === 'teams-sso' && signer.objectId.toLowerCase(), invitee);
      }
    });

    it('an invitation naming no Entra object id is signed by its link, even with a valid Teams token', async () => {
      const { casus } = await stored(); // the proposal names nobody in the tenant
      assert.equal(casus.invitations[0]!.proposal.contactpersoon.entraObjectId, undefined);
      const token = await ssoLink(casus);
      const shown = await ssoRig.service.view(token);
      assert.ok(shown.ok);
      assert.equal(shown.value.teamsIdentityExpected, false);
      // Valid, of the tenant, but of whoever opened the link in Teams: it names nobody invited.
      const anyone = await issuer.token({
        oid: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
        tid: tenantId,
        aud: appId,
      });
      const signed = await ssoRig.service.sign(
        submissionFor(shown.value, token, { ssoToken: anyone }),
        browser,
      );
      assert.ok(signed.ok, JSON.stringify(signed));
      const after = await reread(casus.id);
      const { signer } = after.declarations[0]!.record;
      assert.deepEqual(signer, { kind: 'link', tokenId: after.invitations[0]!.signedWithLinkId });
      // A token that does not validate proves nothing and is still refused, not passed over.
      const other = await stored();
      const otherToken = await ssoLink(other.casus);
      const otherView = await ssoRig.service.view(otherToken);
      assert.ok(otherView.ok);
      const forged = await ssoRig.service.sign(
        submissionFor(otherView.value, otherToken, { ssoToken: 'bad.token.here' }),
        browser,
      );
      assert.equal(forged.ok ? undefined : forged.error.kind, 'andere-gebruiker');
      assert.deepEqual((await reread(other.casus.id)).declarations, []);
    });

    it('an invitee in the tenant signs in their Teams dialog only as themselves', async () => {
      const values = validProposal();
      values.contactpersoon = { ...values.contactpersoon, entraObjectId: invitee };
      const { casus } = await stored(values);
      const token = (
        await ssoRig.tokens.issue(
          'ondertekenen',
          { invitationId: casus.invitations[0]!.id, casusId: casus.id, via: 'teams-dialog' },
          1800,
          randomUUID(),
        )
      ).token;
      const shown = await ssoRig.service.view(token);
      assert.ok(shown.ok);
      assert.equal(shown.value.teamsIdentityExpected, true);
      const someoneElse = await issuer.token({
        oid: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
        tid: tenantId,
        aud: appId,
      });
      for (const over of [{}, { ssoToken: someoneElse }, { ssoToken: 'bad.token.here' }]) {
        const result = await ssoRig.service.sign(submissionFor(shown.value, token, over), browser);
        assert.equal(result.ok ? undefined : result.error.kind, 'andere-gebruiker');
      }
      assert.equal((await reread(casus.id)).revision, casus.revision);

      const ssoToken = await issuer.token({ oid: invitee, tid: tenantId, aud: appId });
      const signed = await ssoRig.service.sign(
        submissionFor(shown.value, token, { ssoToken }),
        browser,
      );
      assert.ok(signed.ok, JSON.stringify(signed));
      const { signer } = (await reread(casus.id)).declarations[0]!.record;
      assert.deepEqual(signer, {
        kind: 'teams-sso',
        objectId: invitee,
        tenantId,
        subject: `pairwise-${invitee}`,
      });
    });
  });
});
