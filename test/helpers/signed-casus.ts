import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { CompactSign, generateKeyPair } from 'jose';
import type { Casus } from '../../src/domain/casus/casus.schema';
import { applyInvitationChange } from '../../src/domain/invitation/casus-invitations';
import { decideOnInvitation } from '../../src/domain/invitation/decide';
import { declarationText } from '../../src/domain/invitation/declarations/declaration-text';
import { markSigned } from '../../src/domain/invitation/lifecycle';
import { proposeInvitation } from '../../src/domain/invitation/propose';
import type { InvitationProposalInput } from '../../src/domain/invitation/proposal.schema';
import type {
  EvidenceRecord,
  SignedDeclaration,
} from '../../src/domain/invitation/signed-declaration.schema';
import type { Kamer, Organisation, Person } from '../../src/domain/registry/registry.schema';
import { canonicalJson } from '../../src/domain/shared/canonical-json';
import { CosmosCasusRepository } from '../../src/storage/cosmos-casus.repository';
import { CosmosConversationDirectory } from '../../src/storage/cosmos-conversation.directory';
import type { BotHarness } from './bot-harness';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const seed = JSON.parse(readFileSync('seed/registry.demo.json', 'utf8')) as {
  organisations: Organisation[];
  kamers: Kamer[];
  persons: Person[];
};
const organisation = (id: string) => seed.organisations.find((o) => o.id === id)!;
const person = (id: string) => seed.persons.find((p) => p.id === id)!;
const actor = (id: string) => ({
  person: person(id),
  organisation: organisation(person(id).organisationId),
});

export const jeroenId = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a02';
export const mohamedId = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a04';
/** The invitee's Entra object id: in the tenant, so they signed inside Teams. */
export const inviteeObjectId = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a31';
/** A registry person of the incidentele deelnemer Woonstichting Maasstad (not the invitee). */
export const incidentalPersonId = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a32';

/** Registry entry of someone of an incidentele-deelnemer organisation, screened as any other. */
export const incidentalPerson: Person = {
  kind: 'persoon',
  id: incidentalPersonId,
  name: 'Rob de Boer',
  organisationId: 'woonstichting-maasstad',
  roles: [{ role: 'wijkteammedewerker' }],
  screening: { kind: 'vog', date: '2025-09-01' },
  commercialWorkForParticipant: false,
};

export const proposal = (): InvitationProposalInput => ({
  organisatie: { naam: 'Woonstichting Maasstad', categorie: 'woningcorporatie' },
  contactpersoon: {
    naam: 'Rob de Boer',
    email: 'rob.deboer@maasstad.example',
    entraObjectId: inviteeObjectId,
  },
  expertise: {
    omschrijving: 'Kennis van het huurdossier en de overlastaanpak in de wijk.',
    motivering: 'Betrokkene dreigt zijn woning te verliezen door huurachterstand en overlast.',
  },
  rol: {
    fasen: ['opstellen', 'uitvoeren'],
    motivering: 'De corporatie kan een huurregeling en begeleid wonen in het plan opnemen.',
  },
  beroepsgeheim: { soort: 'geen' },
  casusoverleg: '2026-12-10',
});

const signatureStrokes = [
  [
    { x: 20, y: 80, t: 0 },
    { x: 60, y: 30, t: 40 },
    { x: 100, y: 90, t: 80 },
    { x: 140, y: 40, t: 120 },
  ],
  [
    { x: 170, y: 70, t: 400 },
    { x: 260, y: 65, t: 480 },
  ],
];

/**
 * A signed declaration as the signing use case writes it: the record, its canonical JSON signed
 * by a key of the test (ES256, jose), and the record's hash. The stored SVG carries a script, as a
 * hostile page could send: the views must never show it.
 */
export async function signedDeclarationFor(
  casus: Casus & { casusNumber: string },
  invitationId: string,
  at: string,
): Promise<SignedDeclaration> {
  const invitation = casus.invitations.find((i) => i.id === invitationId)!;
  const ref = invitation.declaration!;
  const document = declarationText(ref, {
    naam: invitation.proposal.contactpersoon.naam,
    organisatie: invitation.proposal.organisatie.naam,
    casusnummer: casus.casusNumber,
    beroepsgeheim: invitation.proposal.beroepsgeheim,
  });
  assert.ok(document.ok);
  const record: EvidenceRecord = {
    id: randomUUID(),
    invitationId,
    casusId: casus.id,
    casusNumber: casus.casusNumber,
    declaration: ref,
    textSha256: sha256(document.value.text),
    typedName: 'Rob de Boer',
    consent: true,
    signature: {
      width: 300,
      height: 120,
      strokes: signatureStrokes,
      svg: '<svg xmlns="http://www.w3.org/2000/svg"><script>alert("svg-script")</script><path d="M0 0"/></svg>',
    },
    shownAt: new Date(Date.parse(at) - 60_000).toISOString(),
    signedAt: at,
    signer: {
      kind: 'teams-sso',
      objectId: inviteeObjectId,
      tenantId: '11111111-2222-4333-8444-555555555555',
      subject: 'pairwise-subject-of-rob',
    },
    userAgent: 'Mozilla/5.0 (TestBrowser) <script>ua</script>',
  };
  const { privateKey } = await generateKeyPair('ES256');
  const payload = canonicalJson(record);
  const jws = await new CompactSign(new TextEncoder().encode(payload))
    .setProtectedHeader({ alg: 'ES256', kid: 'test-signing-key' })
    .sign(privateKey);
  return { record, jws, recordSha256: sha256(payload) };
}

export interface SignedCasus {
  casus: Casus & { casusNumber: string };
  invitationId: string;
  declaration: SignedDeclaration;
}

const repository = (bot: BotHarness) => new CosmosCasusRepository(bot.store().casussen);

/** The casus as stored now. */
export async function storedCasus(bot: BotHarness, casusId: string): Promise<Casus> {
  const found = await repository(bot).get(casusId);
  assert.ok(found);
  return found.value;
}

/** The casus under this number as stored now (the repository's own lookup). */
export async function storedByNumber(bot: BotHarness, casusNumber: string): Promise<Casus> {
  const found = await repository(bot).findByNumber(casusNumber);
  assert.ok(found, `casus ${casusNumber} is stored`);
  return found.value;
}

/**
 * Takes a casus in behandeling at Lokale Kamer Rotterdam (by number) through an invitation with
 * the domain's own functions: Jeroen proposes Woonstichting Maasstad, Mohamed approves, and it is
 * signed (`signed: false` stops at approval). Written to the bot's store in one replace.
 */
export async function inviteAndSign(
  bot: BotHarness,
  casusNumber: string,
  options: InvitationOptions = {},
): Promise<SignedCasus> {
  const repo = repository(bot);
  // The bot may still be marking the last notification sent: read again when it wrote first.
  for (let attempt = 0; attempt < 5; attempt++) {
    const found = await repo.findByNumber(casusNumber);
    assert.ok(found);
    const made = await withSignedInvitation({ ...found.value, casusNumber }, options);
    const written = await repo.replace(made.casus, found.etag);
    if (written.ok) return { ...made, casus: { ...written.value.value, casusNumber } };
    assert.equal(written.error, 'conflict', `replace failed: ${written.error}`);
  }
  throw new Error(`casus ${casusNumber} kept changing under the test`);
}

/** How far an invitation goes, and for whom (by default Woonstichting Maasstad's Rob de Boer). */
export interface InvitationOptions {
  /** `false`: approved and not signed. */
  signed?: boolean;
  /** `false`: only proposed (then never signed). */
  approved?: boolean;
  values?: InvitationProposalInput;
  at?: number;
}

/** The same, pure: the casus with the invitation proposed, approved and (by default) signed. */
export async function withSignedInvitation(
  start: Casus & { casusNumber: string },
  options: InvitationOptions = {},
): Promise<SignedCasus> {
  const kamer = seed.kamers.find((k) => k.id === start.kamerId)!;
  const base = options.at ?? Date.now() - 10 * 60_000;
  const time = (minutes: number) => new Date(base + minutes * 60_000).toISOString();
  const invitationId = randomUUID();
  const proposed = proposeInvitation({
    values: options.values ?? proposal(),
    casus: start,
    kamer,
    proposer: actor(jeroenId),
    organisations: seed.organisations,
    id: invitationId,
    at: time(0),
    today: time(0).slice(0, 10),
  });
  assert.ok(proposed.ok, JSON.stringify(!proposed.ok && proposed.error));
  let casus: Casus = applyInvitationChange(start, {
    invitation: proposed.value,
    action: 'uitnodiging-voorgesteld',
    actor: proposed.value.proposedBy,
    onBehalfOf: 'de overheidsdeelnemers',
    at: time(0),
    legalBasis: 'art. 2.21 lid 1 BGS',
  });
  if (options.approved === false) {
    return {
      casus: { ...casus, casusNumber: start.casusNumber },
      invitationId,
      declaration: {} as SignedDeclaration,
    };
  }
  const approved = decideOnInvitation({
    invitation: proposed.value,
    action: 'goedkeuren',
    motivation: 'De corporatie is nodig voor een huurregeling in het plan van aanpak.',
    decider: actor(mohamedId),
    casus,
    kamer,
    at: time(1),
  });
  assert.ok(approved.ok, JSON.stringify(!approved.ok && approved.error));
  casus = applyInvitationChange(casus, {
    invitation: approved.value,
    action: 'uitnodiging-goedgekeurd',
    actor: approved.value.history.at(-1)!.actor!,
    onBehalfOf: 'de overheidsdeelnemers',
    at: time(1),
    motivation: 'De corporatie is nodig voor een huurregeling in het plan van aanpak.',
    legalBasis: 'art. 2.21 lid 1 BGS jo. art. 2.27 WGS',
  });
  let declaration: SignedDeclaration | undefined;
  if (options.signed !== false) {
    const signedAt = time(2);
    declaration = await signedDeclarationFor(
      { ...casus, casusNumber: start.casusNumber },
      invitationId,
      signedAt,
    );
    const signed = markSigned(approved.value, signedAt);
    assert.ok(signed.ok);
    casus = applyInvitationChange(casus, {
      invitation: signed.value,
      action: 'verklaring-ondertekend',
      actor: {
        id: inviteeObjectId,
        name: 'Rob de Boer',
        organisationId: 'woonstichting-maasstad',
        organisationName: 'Woonstichting Maasstad',
        role: 'incidentele-deelnemer',
      },
      onBehalfOf: 'Woonstichting Maasstad',
      at: signedAt,
      legalBasis: 'art. 2.21 lid 2 BGS',
      declaration,
    });
  }
  return {
    casus: { ...casus, casusNumber: start.casusNumber },
    invitationId,
    declaration: declaration ?? ({} as SignedDeclaration),
  };
}

/** The demo registry, for tests that need its entries as the domain sees them. */
export const demoRegistry = seed;

/** Lets the bot reach someone in their personal chat, as after their first contact in Teams. */
export async function rememberChat(bot: BotHarness, userId: string): Promise<void> {
  await new CosmosConversationDirectory(bot.store().conversations).save(userId, {
    channelId: 'msteams',
    serviceUrl: bot.connector.serviceUrl,
    conversation: { id: `a:${userId}`, conversationType: 'personal', tenantId: 'tenant' },
    user: { id: `29:${userId}`, aadObjectId: userId },
    bot: { id: '28:casusbot-test', name: 'casusbot' },
  });
}
