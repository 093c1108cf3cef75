import type { Notice } from '../cards/notice';
import type { Listed } from '../../src/domain/casus/casus.repository';
import type { Casus } from '../../src/domain/casus/casus.schema';
import type { Kamer } from '../../src/domain/registry/registry.schema';
import type { AdaptiveCardJson } from '../cards/card-template';
import { draftRemoveCard, myCasussenCard } from '../cards/my-casussen.card';
import { casusStateLabels, formatDate, formatDateTime } from './casus-status';

const stepNumbers = { betrokkene: 1, 'criteria-1-2': 2, 'criterium-3': 3, 'criterium-4': 4 };

/** What tells one casus from another in a list: its betrokkene, or "leeg" when none is typed yet. */
export const betrokkeneOf = (casus: Casus): string =>
  casus.submission?.intake.betrokkene.naam || casus.intake.values.naam?.trim() || 'leeg';

function stepText(casus: Casus): string {
  const step = casus.intake.step;
  return step === 'samenvatting' ? 'samenvatting' : `stap ${stepNumbers[step]} van 5`;
}

export function myCasussenListCard(
  casussen: readonly Listed<Casus>[],
  kamers: readonly Kamer[],
  notice?: Notice,
): AdaptiveCardJson {
  return myCasussenCard.render({
    notices: notice ? [notice] : [],
    empty: casussen.length === 0 ? [{}] : [],
    casussen: casussen.map(({ value: casus, changedAt }) => {
      const draft = casus.state === 'concept';
      const kamer = kamers.find((k) => k.id === casus.kamerId)?.name ?? '';
      const submittedAt = casus.submission?.submittedAt ?? casus.createdAt;
      return {
        title: casus.casusNumber ?? 'Concept',
        status: casusStateLabels[casus.state],
        betrokkene: betrokkeneOf(casus),
        subtitle: draft
          ? `${stepText(casus)} · gewijzigd ${formatDateTime(changedAt)}`
          : `${kamer} · aangemeld ${formatDate(submittedAt)}`,
        open: draft ? [] : [{ casusId: casus.id }],
        resume: draft ? [{ casusId: casus.id }] : [],
        remove: draft ? [{ casusId: casus.id, revision: casus.revision }] : [],
      };
    }),
  });
}

/** "Verwijderen" pressed: what will be removed, and the second press that removes it. */
export function draftRemoveConfirmCard(casus: Casus): AdaptiveCardJson {
  return draftRemoveCard.render({
    casusId: casus.id,
    revision: casus.revision,
    betrokkene: betrokkeneOf(casus),
    details: `Concept, ${stepText(casus)}, gestart ${formatDate(casus.createdAt)}.`,
  });
}
