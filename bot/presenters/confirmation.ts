import type { CasusAction } from '../../src/domain/casus/casus-machine';
import { closeReasonLabels, type CloseReason } from '../../src/domain/casus/close-reason';
import type { Kamer } from '../../src/domain/registry/registry.schema';
import type { CasusCardView } from '../cards/casus.card';
import { confirmTitles, consequenceOf } from './decision-forms';

/** An irreversible decision that passed every check on its first press; nothing is written yet. */
export interface Confirmation {
  action: CasusAction;
  motivation: string;
  closeReason: CloseReason | undefined;
}

/** The confirmation on the card: what will happen, the reason and motivation, and the button. */
export function confirmationOf(
  confirm: Confirmation,
  kamer: Kamer,
  zvh: Kamer | undefined,
): CasusCardView['confirm'][number] {
  return {
    title: confirmTitles[confirm.action] ?? 'Ja, bevestigen',
    action: confirm.action,
    consequence: consequenceOf(confirm.action, kamer, zvh),
    motivation: confirm.motivation,
    closeReason: confirm.closeReason ?? '',
    reasons: confirm.closeReason
      ? [{ text: `Reden: ${closeReasonLabels[confirm.closeReason]}` }]
      : [],
  };
}
