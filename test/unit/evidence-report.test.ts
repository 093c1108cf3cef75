import assert from 'node:assert/strict';
import { evidenceFacts } from '../../src/app/invitation/evidence-facts';
import { renderEvidenceReport } from '../../bot/reports/evidence-report';
import { pdfText } from '../helpers/pdf-text';
import { sampleCasus } from '../helpers/samples';
import { withSignedInvitation } from '../helpers/signed-casus';

const inBehandeling = () => ({
  ...sampleCasus({ state: 'in_behandeling_lokaal', kamerId: 'lk-rotterdam' }),
  casusNumber: 'LK-ROT-2026-0042',
});

describe('evidence report (PDF)', () => {
  it('holds the casus by number, the parties, the exact text, every evidence field, the hashes, the JWS and how to verify', async () => {
    const signed = await withSignedInvitation(inBehandeling(), {
      at: Date.parse('2026-12-02T08:00:00Z'),
    });
    const invitation = signed.casus.invitations[0]!;
    const facts = evidenceFacts({
      casus: signed.casus,
      kamer: {} as never,
      invitation,
      declaration: signed.declaration,
    });
    assert.equal(facts.textMatches, true, 'the regenerated text is the one whose hash was signed');
    const pdf = await renderEvidenceReport(facts, {
      generatedAt: new Date('2026-12-02T09:00:00Z'),
    });
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    const { text, pages } = pdfText(pdf);
    assert.ok(pages >= 2, `a report of ${pages} page(s)`);
    // Long values (hashes, the JWS) wrap across lines; joined, they must be there whole.
    const joined = text.replace(/\n/g, '');
    const { record } = signed.declaration;
    for (const expected of [
      'Bewijsrapport geheimhoudingsverklaring',
      'LK-ROT-2026-0042',
      'Woonstichting Maasstad',
      'Rob de Boer',
      'versie 1',
      'niet gebonden aan een bijzondere geheimhoudingsplicht',
      '2026-12-02 08:02:00 UTC', // signed
      '2026-12-02 08:01:00 UTC', // shown
      record.signer.kind === 'teams-sso' ? record.signer.objectId : '',
      record.signer.kind === 'teams-sso' ? record.signer.tenantId : '',
      'pairwise-subject-of-rob',
      'Mozilla/5.0 (TestBrowser) <script>ua</script>',
      'Ja: uitdrukkelijk aangevinkt',
      record.textSha256,
      signed.declaration.recordSha256,
      signed.declaration.jws,
      'ES256, sleutel-id test-signing-key',
      signed.casus.audit.at(-1)!.hash!,
      'npm run casus:verify -- LK-ROT-2026-0042',
      'komt overeen',
    ]) {
      assert.ok(joined.includes(expected), `the report holds ${expected.slice(0, 60)}`);
    }
    // The declaration's own text, a sentence of it as signed.
    const sentence = facts
      .text!.split('\n')
      .find((l) => l.length > 60)!
      .slice(0, 50);
    assert.ok(joined.includes(sentence), `the report holds the text: ${sentence}`);
    assert.doesNotMatch(joined, /NIET OVEREEN|NIET GEVONDEN/);
  });

  it('says so when the recorded text hash does not match the text', async () => {
    const signed = await withSignedInvitation(inBehandeling());
    const altered = {
      ...signed.declaration,
      record: { ...signed.declaration.record, textSha256: 'a'.repeat(64) },
    };
    const facts = evidenceFacts({
      casus: signed.casus,
      kamer: {} as never,
      invitation: signed.casus.invitations[0]!,
      declaration: altered,
    });
    assert.equal(facts.textMatches, false);
    const { text } = pdfText(await renderEvidenceReport(facts, { generatedAt: new Date() }));
    assert.match(text, /komt niet overeen met de vastgelegde hash/);
    assert.match(text.replace(/\n/g, ''), /Bewijsstuk opnieuw berekendKOMT NIET OVEREEN/);
  });

  it('still renders the report of an older record whose points lie far off the pad', async () => {
    const signed = await withSignedInvitation(inBehandeling());
    const { record } = signed.declaration;
    // Written before points were checked: any finite number passed, and pdfkit refuses 1e22.
    const huge = {
      ...signed.declaration,
      record: {
        ...record,
        signature: {
          ...record.signature,
          strokes: [
            [
              { x: 1e22, y: 40, t: 0 },
              { x: 20, y: -1e22, t: 1e22 },
              { x: -1e300, y: 1e300, t: 20 },
            ],
            [{ x: 5e21, y: 5e21, t: 30 }],
          ],
        },
      },
    };
    const facts = evidenceFacts({
      casus: signed.casus,
      kamer: {} as never,
      invitation: signed.casus.invitations[0]!,
      declaration: huge,
    });
    const pdf = await renderEvidenceReport(facts, { generatedAt: new Date() });
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    const { text } = pdfText(pdf);
    assert.match(text, /Handtekening \(getekend uit de vastgelegde punten\)/);
    assert.match(text.replace(/\n/g, ''), /Zo controleer je dit bewijs/);
  });
});
