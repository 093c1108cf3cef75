import type { Actor } from '../../src/app/identify-actor';
import type { Casus } from '../../src/domain/casus/casus.schema';
import type { Kamer } from '../../src/domain/registry/registry.schema';
import { RETENTION_LEGAL_BASIS } from '../../src/domain/retention/retention-audit';
import {
  extensionMonths,
  retentionAuthority,
  retentionStepsOpen,
} from '../../src/domain/retention/retention-decision';
import type { CasusCardView } from '../cards/casus.card';
import { formatDate } from './casus-status';

const ended = (casus: Casus) => (casus.state === 'afgewezen' ? 'afwijzing' : 'afsluiting');

/** What the card says of the bewaartermijn: when the personal data goes, or that it went. */
function retentionText(casus: Casus): string | undefined {
  if (casus.anonymised) {
    const why =
      casus.anonymised.reason === 'wissing'
        ? 'op verzoek van de betrokkene (art. 17 AVG)'
        : 'de bewaartermijn was verstreken';
    return `De persoonsgegevens van deze casus zijn op ${formatDate(casus.anonymised.at)} verwijderd: ${why}. Alleen het verloop is bewaard, zonder motiveringen.`;
  }
  const clock = casus.retention;
  if (!clock) return undefined;
  if (clock.hold) {
    return `Bewaarplicht sinds ${formatDate(clock.hold.since)}: de bewaartermijn staat stil en de persoonsgegevens blijven bewaard tot de bewaarplicht is opgeheven.`;
  }
  return `Na de ${ended(casus)} worden de persoonsgegevens bewaard tot ${formatDate(clock.expiresAt)}; daarna blijft alleen het verloop bewaard (${RETENTION_LEGAL_BASIS}).`;
}

/**
 * The "Bewaartermijn" section of a closed or rejected casus, with the forms for whoever decided on
 * it: extend the term, or set or lift a legal hold. `draft` is a refused motivation, shown again.
 */
export function retentionSection(
  viewer: Actor,
  casus: Casus,
  kamer: Kamer,
  draft: string,
): CasusCardView['retention'] {
  const text = retentionText(casus);
  if (!text) return [];
  const open = retentionStepsOpen(casus);
  const decides =
    open.length > 0 && retentionAuthority(viewer.person, viewer.organisation, casus, kamer);
  return [
    {
      text,
      forms: decides
        ? [
            {
              draft,
              extend: open.includes('verlengen')
                ? [
                    {
                      choices: extensionMonths.map((months) => ({
                        title: `${months} maanden`,
                        value: String(months),
                      })),
                    },
                  ]
                : [],
              hold: open.includes('bewaarplicht') ? [{}] : [],
              release: open.includes('opheffen') ? [{}] : [],
            },
          ]
        : [],
    },
  ];
}
