import { createHash } from 'node:crypto';
import { decodeProtectedHeader } from 'jose';
import { invitationDeclarationText } from '../../domain/invitation/declarations/declaration-text';
import type { SignedDeclaration } from '../../domain/invitation/signed-declaration.schema';
import { canonicalJson } from '../../domain/shared/canonical-json';
import type { OpenedDeclaration } from './open-declaration';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** "2026-12-02 07:04:31 UTC": evidence times are the server clock in UTC, said so. */
export function utc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

export interface EvidenceField {
  label: string;
  value: string;
  /** Hashes, ids, the JWS: set in a monospace font and broken anywhere. */
  code?: boolean;
}

/** Everything the declaration view and the evidence report show, in the order they show it. */
export interface EvidenceFacts {
  casusNumber: string;
  organisation: string;
  invitee: string;
  declaration: { title: string; variant: string; version: number };
  /** The exact text, regenerated from the versioned template; `textMatches` says it is the one signed. */
  text: string | undefined;
  textMatches: boolean;
  signature: SignedDeclaration['record']['signature'];
  evidence: EvidenceField[];
  hashes: EvidenceField[];
  jws: string;
  auditLine: EvidenceField[];
  howToVerify: string[];
}

const variantLabels = {
  gebonden: 'gebonden aan een geheimhoudingsplicht',
  'niet-gebonden': 'niet gebonden aan een bijzondere geheimhoudingsplicht (art. 1.11 WGS)',
} as const;

function signerFields(record: SignedDeclaration['record']): EvidenceField[] {
  switch (record.signer.kind) {
    case 'teams-sso':
      return [
        { label: 'Ondertekend via', value: 'Microsoft Teams (eenmalige aanmelding, SSO)' },
        { label: 'Entra object-id', value: record.signer.objectId, code: true },
        { label: 'Tenant-id', value: record.signer.tenantId, code: true },
        { label: 'SSO-subject', value: record.signer.subject, code: true },
      ];
    case 'link':
      return [
        { label: 'Ondertekend via', value: 'Persoonlijke ondertekenlink' },
        { label: 'Token-id van de link', value: record.signer.tokenId, code: true },
      ];
  }
}

/** "ES256, sleutel-id …": what the JWS says it was signed with (checked by whoever verifies it). */
function jwsHeader(jws: string): string {
  try {
    const decoded = decodeProtectedHeader(jws);
    return [decoded.alg, decoded.kid && `sleutel-id ${decoded.kid}`].filter(Boolean).join(', ');
  } catch {
    return 'onleesbaar: dit is geen geldige JWS';
  }
}

/**
 * The facts of one signed declaration, with what can be checked checked again here: the text
 * regenerated from its versioned template against the recorded hash, the record against its hash,
 * and the audit line that carries that hash.
 */
export function evidenceFacts({
  casus,
  invitation,
  declaration,
}: OpenedDeclaration): EvidenceFacts {
  const { record } = declaration;
  const document = invitationDeclarationText(record.declaration, invitation, casus.casusNumber);
  const text = document.ok ? document.value.text : undefined;
  const textMatches = text !== undefined && sha256(text) === record.textSha256;
  const recordHash = sha256(canonicalJson(record));
  const index = casus.audit.findIndex((line) => line.evidenceSha256 === declaration.recordSha256);
  const line = casus.audit[index];
  const header = jwsHeader(declaration.jws);
  const points = record.signature.strokes.reduce((sum, stroke) => sum + stroke.length, 0);
  return {
    casusNumber: casus.casusNumber,
    organisation: invitation.proposal.organisatie.naam,
    invitee: invitation.proposal.contactpersoon.naam,
    declaration: {
      title: document.ok ? document.value.title : 'Geheimhoudingsverklaring',
      variant: variantLabels[record.declaration.variant],
      version: record.declaration.version,
    },
    text,
    textMatches,
    signature: record.signature,
    evidence: [
      { label: 'Bewijsstuk-id', value: record.id, code: true },
      { label: 'Uitnodiging-id', value: record.invitationId, code: true },
      { label: 'Casus-id', value: record.casusId, code: true },
      { label: 'Casusnummer', value: record.casusNumber },
      {
        label: 'Verklaring',
        value: `${variantLabels[record.declaration.variant]}, versie ${record.declaration.version}`,
      },
      { label: 'Getypte naam', value: record.typedName },
      { label: 'Toestemming', value: 'Ja: uitdrukkelijk aangevinkt op de ondertekenpagina' },
      { label: 'Tekst getoond op', value: utc(record.shownAt) },
      { label: 'Ondertekend op', value: utc(record.signedAt) },
      ...signerFields(record),
      { label: 'Browser (user agent)', value: record.userAgent || '(niet meegestuurd)' },
      {
        label: 'Handtekening',
        value: `${record.signature.strokes.length} lijnen, ${points} punten, vlak ${record.signature.width} × ${record.signature.height}`,
      },
    ],
    hashes: [
      { label: 'SHA-256 van de tekst (vastgelegd)', value: record.textSha256, code: true },
      {
        label: 'Tekst opnieuw berekend',
        value: textMatches
          ? 'komt overeen'
          : 'KOMT NIET OVEREEN: de getoonde tekst is niet de ondertekende',
      },
      {
        label: 'SHA-256 van het bewijsstuk (vastgelegd)',
        value: declaration.recordSha256,
        code: true,
      },
      {
        label: 'Bewijsstuk opnieuw berekend',
        value: recordHash === declaration.recordSha256 ? 'komt overeen' : 'KOMT NIET OVEREEN',
      },
      { label: 'Handtekening van de server (JWS)', value: header },
    ],
    jws: declaration.jws,
    auditLine: line
      ? [
          { label: 'Regel', value: `${index + 1} van ${casus.audit.length}` },
          { label: 'Tijd', value: utc(line.at) },
          { label: 'Handeling', value: line.action },
          { label: 'evidenceSha256', value: line.evidenceSha256 ?? '', code: true },
          { label: 'Hash van de vorige regel', value: line.prevHash ?? '(geen)', code: true },
          { label: 'Hash van deze regel', value: line.hash ?? '(geen)', code: true },
        ]
      : [{ label: 'Regel', value: 'NIET GEVONDEN: geen auditregel draagt deze hash' }],
    howToVerify: [
      'Bereken de SHA-256 (hex) van de tekst van de verklaring in UTF-8, precies zoals hierboven, en vergelijk met "SHA-256 van de tekst".',
      'Bereken de SHA-256 van de canonieke JSON (RFC 8785) van het bewijsstuk, de payload van de JWS, en vergelijk met "SHA-256 van het bewijsstuk".',
      'Controleer de JWS met de gepubliceerde publieke sleutel van casusbot (de sleutel-id staat in de kop van de JWS); de payload moet het bewijsstuk zijn.',
      `Controleer de hashketen van de auditregels: npm run casus:verify -- ${casus.casusNumber}. De regel hierboven draagt de hash van het bewijsstuk, dus een gewijzigd bewijsstuk of een gewijzigde regel valt op.`,
    ],
  };
}
