import { z } from 'zod';

/**
 * A betrokkene's request as the contactpunt records it on the casus (AVG art. 16, 17, 21): the
 * casus state does not change on these lines (`from` and `to` are the same). A granted erasure is
 * the anonymisation's own line, with the request's motivation.
 */
export const betrokkeneRightsActionSchema = z.enum([
  'rectificatie',
  'bezwaar-toegewezen',
  'bezwaar-afgewezen',
  'wissingsverzoek-afgewezen',
]);
export type BetrokkeneRightsAction = z.infer<typeof betrokkeneRightsActionSchema>;

export const betrokkeneRightsLabels: Record<BetrokkeneRightsAction, string> = {
  rectificatie: 'Gegevens van betrokkene gecorrigeerd (rectificatie)',
  'bezwaar-toegewezen': 'Bezwaar van betrokkene toegewezen',
  'bezwaar-afgewezen': 'Bezwaar van betrokkene afgewezen',
  'wissingsverzoek-afgewezen': 'Verzoek om wissing afgewezen',
};

/** The articles a rights line rests on. */
export const betrokkeneRightsBasis: Record<BetrokkeneRightsAction, string> = {
  rectificatie: 'art. 16 AVG; art. 1.1 BGS (contactpunt)',
  'bezwaar-toegewezen': 'art. 21 AVG; art. 1.1 BGS (contactpunt)',
  'bezwaar-afgewezen': 'art. 21 AVG; art. 1.1 BGS (contactpunt)',
  'wissingsverzoek-afgewezen': 'art. 17 AVG; art. 1.1 BGS (contactpunt)',
};
