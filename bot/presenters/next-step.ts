import type { CasusAction } from '../../src/domain/casus/casus-machine';
import type { Casus } from '../../src/domain/casus/casus.schema';
import type { Kamer } from '../../src/domain/registry/registry.schema';
import { withArticle } from './casus-status';

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * What happens next with the casus, for this viewer: the step that is theirs when they may take
 * it, otherwise who holds the casus now. `table` is the kamer that holds it.
 */
export function nextStep(
  casus: Pick<Casus, 'state'>,
  table: Kamer,
  allowed: readonly CasusAction[],
): string {
  const holder = withArticle(table);
  const mine = allowed.length > 0;
  switch (casus.state) {
    case 'concept':
      return 'De aanmelder rondt de intake af.';
    case 'aangemeld':
      return mine
        ? 'Beslis over de aanmelding: accepteren, afwijzen of eerst informatie vragen.'
        : `${capitalised(holder)} beslist over de aanmelding.`;
    case 'aanvulling_gevraagd':
      return mine
        ? 'Geef de gevraagde aanvulling; daarna beslist de Lokale Kamer opnieuw.'
        : 'De Lokale Kamer wacht op een aanvulling van de aanmelder.';
    case 'in_behandeling_lokaal':
      return mine
        ? 'Werk het plan van aanpak uit. Sluit de casus af als het klaar is, of schaal op naar het ZVH als een doorbraak nodig is.'
        : `${capitalised(holder)} behandelt de casus.`;
    case 'opschaling_aangevraagd':
      return mine
        ? 'Beslis of het Zorg- en Veiligheidshuis de casus overneemt.'
        : `${capitalised(holder)} beslist over de opschaling.`;
    case 'in_behandeling_zvh':
      return mine
        ? 'Werk aan de doorbraak. Sluit de casus af, of schaal af naar de Lokale Kamer als de doorbraak er is.'
        : `${capitalised(holder)} behandelt de casus.`;
    case 'afgewezen':
    case 'afgesloten':
      return 'Geen: deze casus is niet meer open.';
  }
}
