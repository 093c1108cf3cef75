// The end of a phase: the workload stopped, the outboxes given time to empty, and what the store
// then holds judged against every answer and every notification owed.
import type { Container } from '@azure/cosmos';
import type { FakeConnector } from '../../helpers/fake-connector';
import { allCasussen, halfWritten, untruthful } from './casus-checks';
import { countNotifications, settleOutboxes, type NotificationCount } from './notification-checks';
import type { TurnRecord } from './turns';
import { faultUsers, type Workload } from './workload';

export interface Judged {
  turns: TurnRecord[];
  untruthful: TurnRecord[];
  halfWritten: string[];
  notifications: NotificationCount;
}

export async function stopAndJudge(
  workload: Workload,
  casussen: Container,
  connector: FakeConnector,
  settleMs: number,
  options: Parameters<typeof countNotifications>[3],
): Promise<Judged> {
  await workload.stop();
  await settleOutboxes(casussen, settleMs);
  const docs = await allCasussen(casussen);
  return {
    turns: workload.turns,
    untruthful: [...untruthful(workload.turns, docs), ...workload.untruthfulSteps],
    halfWritten: halfWritten(docs),
    notifications: await countNotifications(casussen, connector, faultUsers.deciders, options),
  };
}
