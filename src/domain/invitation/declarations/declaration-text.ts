import { fail, ok, type Result } from '../../shared/result';
import type { DeclarationRef, DeclarationVariant, Invitation } from '../invitation.schema';
import type { BeroepsgeheimKeuze } from '../proposal.schema';
import { declarationTemplate } from './declaration-registry';

/** The variant follows from the proposal: any professional secrecy means the bound text. */
export function chooseVariant(beroepsgeheim: BeroepsgeheimKeuze): DeclarationVariant {
  return beroepsgeheim.soort === 'geen' ? 'niet-gebonden' : 'gebonden';
}

/** How the bound text names the secrecy that applies to the WGS data. */
export function secrecyPhrase(beroepsgeheim: BeroepsgeheimKeuze): string | undefined {
  switch (beroepsgeheim.soort) {
    case 'geen':
      return undefined;
    case 'jeugdwet-7-3-11':
      return 'de geheimhoudingsplicht van artikel 7.3.11 van de Jeugdwet';
    case 'medisch':
      return 'het medisch beroepsgeheim';
    case 'advocaat':
      return 'het beroepsgeheim van de advocaat';
    case 'anders':
      return beroepsgeheim.omschrijving;
  }
}

export interface DeclarationFill {
  naam: string;
  organisatie: string;
  casusnummer: string;
  beroepsgeheim: BeroepsgeheimKeuze;
}

export interface DeclarationDocument {
  ref: DeclarationRef;
  title: string;
  /** The exact text shown and signed; its SHA-256 goes into the evidence record. */
  text: string;
}

export type DeclarationTextRefusal = 'onbekende-versie' | 'variant-past-niet';

/**
 * The exact text of one version of a variant, filled in. Typed values are put in on one line each
 * and in one pass, so a name can neither add lines to the declaration nor smuggle in a placeholder.
 */
export function declarationText(
  ref: DeclarationRef,
  fill: DeclarationFill,
): Result<DeclarationDocument, DeclarationTextRefusal> {
  const template = declarationTemplate(ref.variant, ref.version);
  if (!template) return fail('onbekende-versie');
  if (chooseVariant(fill.beroepsgeheim) !== ref.variant) return fail('variant-past-niet');
  const values: Record<string, string | undefined> = {
    naam: fill.naam,
    organisatie: fill.organisatie,
    casusnummer: fill.casusnummer,
    geheimhoudingsplicht: secrecyPhrase(fill.beroepsgeheim),
  };
  const text = template.text.replace(/\{\{([a-z]+)\}\}/g, (_match, key: string) => {
    const value = values[key];
    // A template that asks for a field nobody fills is a bug in the template, not bad input.
    if (value === undefined) throw new Error(`Declaration field ${key} has no value`);
    return oneLine(value);
  });
  return ok({ ref, title: template.title, text });
}

/** One line, composed Unicode: the same name typed on two devices gives the same text and hash. */
function oneLine(value: string): string {
  return value
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Zl}\p{Zp}\s]+/gu, ' ')
    .trim();
}

/**
 * The text an invitee of this casus signs under `ref`: filled in from their invitation, the one way
 * the signing page and the evidence report both make it, so their hashes agree.
 */
export function invitationDeclarationText(
  ref: DeclarationRef,
  invitation: Pick<Invitation, 'proposal'>,
  casusNumber: string,
): Result<DeclarationDocument, DeclarationTextRefusal> {
  const { proposal } = invitation;
  return declarationText(ref, {
    naam: proposal.contactpersoon.naam,
    organisatie: proposal.organisatie.naam,
    casusnummer: casusNumber,
    beroepsgeheim: proposal.beroepsgeheim,
  });
}
