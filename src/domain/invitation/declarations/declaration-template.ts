import type { DeclarationVariant } from '../invitation.schema';

/**
 * One version of one geheimhoudingsverklaring. `text` holds `{{veld}}` placeholders; the bound
 * variant also names the secrecy (`{{geheimhoudingsplicht}}`).
 */
export interface DeclarationTemplate {
  variant: DeclarationVariant;
  version: number;
  title: string;
  text: string;
}
