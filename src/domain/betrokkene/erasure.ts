import type { CasusState } from '../casus/casus.schema';

/**
 * Whether an erasure request can be granted in this state. While a casus runs, processing its data
 * is needed for the task the WGS gives the Zorg- en Veiligheidshuis, so art. 17 lid 3 onder b en
 * e AVG exclude erasure; once it is closed or rejected, the request can be weighed and granted.
 */
export const erasureAllowedIn = (state: CasusState): boolean =>
  state === 'afgesloten' || state === 'afgewezen';

export const ERASURE_WHILE_OPEN =
  'Deze casus loopt nog: de gegevens zijn nodig voor de taak van het Zorg- en Veiligheidshuis (art. 17 lid 3 AVG), dus wissing kan nu niet worden toegewezen. Wijs het verzoek af met die motivering, of leg het vast zodra de casus is afgesloten. Er is niets gewijzigd.';
