import type { Casus } from '../casus/casus.schema';

/**
 * Why an erasure request cannot be granted now, if it cannot. While a casus runs, processing its
 * data is needed for the task the WGS gives the Zorg- en Veiligheidshuis, and while a bewaarplicht
 * (legal hold) stands it is needed for a complaint or a court case: art. 17 lid 3 onder b en e
 * AVG exclude erasure then. Once the casus is closed or rejected and not held, it can be granted.
 */
export function erasureBlocked(
  casus: Pick<Casus, 'state' | 'retention'>,
): 'still-open' | 'on-hold' | undefined {
  if (casus.state !== 'afgesloten' && casus.state !== 'afgewezen') return 'still-open';
  return casus.retention?.hold ? 'on-hold' : undefined;
}

export const ERASURE_ON_HOLD =
  'Op deze casus staat een bewaarplicht: de gegevens zijn nodig voor een klacht of rechtszaak (art. 17 lid 3 AVG), dus wissing kan nu niet worden toegewezen. Wijs het verzoek af met die motivering, of leg het vast zodra de bewaarplicht is opgeheven. Er is niets gewijzigd.';

export const ERASURE_WHILE_OPEN =
  'Deze casus loopt nog: de gegevens zijn nodig voor de taak van het Zorg- en Veiligheidshuis (art. 17 lid 3 AVG), dus wissing kan nu niet worden toegewezen. Wijs het verzoek af met die motivering, of leg het vast zodra de casus is afgesloten. Er is niets gewijzigd.';
