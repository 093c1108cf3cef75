// What the access log gained under the barrage, judged: refusals and records of no casus (a
// search that found none) say nothing was shown; a record that a casus was shown must name
// someone who may see it, and one that it changed cannot be true (the barrage changes nothing).
import {
  accessRecordSchema,
  type AccessRecord,
} from '../../../src/domain/access/access-record.schema';
import type { BotHarness } from '../../helpers/bot-harness';
import type { Target } from './targets';

export interface AccessRecordsJudged {
  appended: number;
  refused: number;
  /** Records that say someone was shown or changed a casus when they were not. */
  untrue: string[];
}

export async function judgeAccessRecords(
  bot: Pick<BotHarness, 'store'>,
  ids: readonly string[],
  targets: readonly Target[],
): Promise<AccessRecordsJudged> {
  const wanted = new Set(ids);
  const { resources } = await bot.store().accessLog.items.query('SELECT * FROM c').fetchAll();
  const records: AccessRecord[] = resources
    .filter((row: { id: string }) => wanted.has(row.id))
    .map((row) => accessRecordSchema.parse(row));
  const untrue = records.filter((record) => {
    const target = targets.find((t) => t.id === record.casusId);
    if (!target || record.result === 'refused') return false;
    return record.result === 'changed' || !target.mayView.has(record.actor.personId.toLowerCase());
  });
  return {
    appended: records.length,
    refused: records.filter((record) => record.result === 'refused').length,
    untrue: untrue.map(
      (r) => `${r.what} ${r.result} of ${r.casusId} to ${r.actor.name} via ${r.why}`,
    ),
  };
}
