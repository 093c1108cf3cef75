import type { Casus } from '../../src/domain/casus/casus.schema';
import type { AdaptiveCardJson } from '../cards/card-template';
import { casusCompactCard } from '../cards/casus-compact.card';
import { casusStateShortLabels } from './casus-status';
import { describeEvent, type CasusView } from './casus.presenter';

/** A submitted casus reduced to what a decider must not miss: its status and its latest event. */
export function compactCasusCard(
  casus: Casus,
  options: { table?: string; notice?: CasusView['notice']; why: string },
): AdaptiveCardJson {
  const status = casusStateShortLabels[casus.state];
  const last = casus.audit.at(-1);
  return casusCompactCard.render({
    casusNumber: casus.casusNumber ?? '',
    status,
    statusLine: options.table ? `${status} · ${options.table}` : status,
    notices: options.notice ? [options.notice] : [],
    latest: last ? [describeEvent(last)] : [],
    why: options.why,
  });
}
