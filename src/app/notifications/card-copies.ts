import type { Casus } from '../../domain/casus/casus.schema';
import type { CasusAudience } from '../casus/casus-audience';

type CardCopy = Casus['cards'][number];

/**
 * What an earlier copy of the casus card becomes in a delivery:
 * - `current`: its holder may still see the casus; it follows the change in place;
 * - `superseded`: its holder just got a newer card in the same chat (one current card per chat);
 * - `withdrawn`: its holder may no longer see the casus (role removed, screening lapsed, casus
 *   moved out of their view), so it gets a neutral card without casus content and is let go.
 */
export type CopyFate = 'current' | 'superseded' | 'withdrawn';

export function fateOfCopies(
  copies: readonly CardCopy[],
  renewed: ReadonlySet<string>,
  audience: Pick<CasusAudience, 'get'>,
): { copy: CardCopy; fate: CopyFate }[] {
  return copies.map((copy) => ({
    copy,
    fate: !audience.get(copy.personId)
      ? 'withdrawn'
      : renewed.has(copy.personId)
        ? 'superseded'
        : 'current',
  }));
}
