import type { DeclarationVariant } from '../invitation.schema';
import type { DeclarationTemplate } from './declaration-template';
import { gebondenV1 } from './gebonden-v1';
import { nietGebondenV1 } from './niet-gebonden-v1';

/**
 * Every version of every geheimhoudingsverklaring, oldest first. A new text is a new file appended
 * here; the old ones stay, so what was signed can always be shown again exactly as it was.
 */
export const declarationVersions: {
  readonly [V in DeclarationVariant]: readonly [DeclarationTemplate, ...DeclarationTemplate[]];
} = {
  gebonden: [gebondenV1],
  'niet-gebonden': [nietGebondenV1],
};

/** The version offered to new invitations. */
export function currentDeclaration(variant: DeclarationVariant): DeclarationTemplate {
  const versions = declarationVersions[variant];
  return versions[versions.length - 1] ?? versions[0];
}

export function declarationTemplate(
  variant: DeclarationVariant,
  version: number,
): DeclarationTemplate | undefined {
  return declarationVersions[variant].find((t) => t.version === version);
}
