import type { Casus } from '../../src/domain/casus/casus.schema';
import type { AdaptiveCardJson } from '../cards/card-template';
import { casusCompactCard } from '../cards/casus-compact.card';
import { describeEvent, type KnownKamers } from './casus-event';
import { casusStateShortLabels } from './casus-status';
import type { CasusView } from './casus.presenter';

/** A submitted casus reduced to what a decider must not miss: its status and its latest event. */
export function compactCasusCard(
  casus: Casus,
  options: { table?: string; notice?: CasusView['notice']; kamers?: KnownKamers; why: string },
): AdaptiveCardJson {
  const status = casusStateShortLabels[casus.state];
  const last = casus.audit.at(-1);
  const latest = last && describeEvent(last, options.kamers);
  return casusCompactCard.render({
    casusNumber: casus.casusNumber ?? '',
    status,
    statusLine: options.table ? `${status} · ${options.table}` : status,
    notices: options.notice ? [options.notice] : [],
    latest: latest ? [{ what: latest.what, when: latest.when, who: latest.who }] : [],
    why: options.why,
  });
}
