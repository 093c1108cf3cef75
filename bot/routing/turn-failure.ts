import { StoreUnavailableError } from '../../src/storage/cosmos-errors';
import { WriteOutcomeUnknownError } from '../../src/domain/shared/write-outcome';
import type { Logger } from '../../src/logging/logger';
import type { AdaptiveCardJson } from '../cards/card-template';
import { storeUnavailableCard, unexpectedErrorCard } from '../presenters/error-cards';
import { outcomeUnknownCard, recordedCard } from '../presenters/turn-failure-cards';
import type { WriteRecord } from './turn-writes';

/**
 * The answer when a turn failed: never "er is niets gewijzigd" unless that is known. A confirmed
 * write is reported as recorded; a write without an answer as not known yet.
 */
export function failureAnswer(
  error: unknown,
  writes: WriteRecord,
  logger: Logger,
): AdaptiveCardJson {
  const cause = error instanceof StoreUnavailableError ? error.cause : error;
  if (writes.kind === 'written') {
    logger.error({ err: cause }, 'turn failed after its write');
    return recordedCard(writes.casus);
  }
  if (writes.kind === 'unanswered' || error instanceof WriteOutcomeUnknownError) {
    logger.error({ err: cause }, 'turn failed: write outcome unknown');
    return outcomeUnknownCard();
  }
  if (error instanceof StoreUnavailableError) {
    logger.error({ err: cause }, 'store unavailable');
    return storeUnavailableCard();
  }
  logger.error({ err: error }, 'turn failed');
  return unexpectedErrorCard();
}
