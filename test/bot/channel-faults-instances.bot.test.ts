import assert from 'node:assert/strict';
import { channelEntriesOf } from '../../src/domain/channel/channel-entries';
import { demoUsers } from '../helpers/activities';
import { startAppProcess, type AppProcess } from '../helpers/app-process';
import { postActivity, talkAs, type BotHarness } from '../helpers/bot-harness';
import { startBotProcess, type BotProcess } from '../helpers/bot-process';
import { linkChannel } from '../helpers/channel-mention';
import {
  channelEntriesSettled,
  repliesIn,
  replyMatching,
  rootNow,
  storedCasus,
  threadIn,
  threadsFor,
  waitFor,
  type ThreadReply,
} from '../helpers/channel-thread-watch';
import { press } from '../helpers/decision-press';
import { submitCasus } from '../helpers/intake-flow';

const sem = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a08'; // wijkteammedewerker, Fatima's team
const sanne = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a05'; // functioneel beheerder
const lkChannel = '19:lk-instances@thread.tacv2';
const team = '19:team-instances@thread.tacv2';
const processEnv = { PORT: '0', DEMO_MODE: 'true', OUTBOX_SWEEP_INTERVAL_MS: '500' };

/** Another bot process on the first one's store and connector, reached as a harness of its own. */
const harnessOf = (bot: BotProcess, other: AppProcess): BotHarness => ({
  ...bot,
  url: other.botUrl,
  post: (activity) => postActivity(other.botUrl, activity),
});

const decide = async (bot: BotHarness, who: string, number: string, action: string) => {
  const as = talkAs(bot, who);
  return press(as, await as.say(`casus ${number}`), action);
};

/** The stable ids of the channel entries the casus's audit trail has given rise to, in order. */
const channelEntryRefs = async (bot: BotHarness, number: string) => {
  const { audit } = await storedCasus(bot, number);
  return audit
    .flatMap((_, i) => channelEntriesOf(audit.slice(0, i + 1)))
    .map(({ id }) => `kanaal-${id}`);
};

/** Each entry's replies, by its id, in the order the first of each arrived. */
const byEntry = (replies: ThreadReply[]) => {
  const grouped = new Map<string, string[]>();
  for (const { entryRef, text } of replies)
    grouped.set(entryRef, [...(grouped.get(entryRef) ?? []), text]);
  return grouped;
};

describe('bot processes: a channel post whose sender dies before marking it, and two senders on one store', function () {
  this.timeout(240_000);
  let bot: BotProcess;
  let other: AppProcess | undefined;
  beforeEach(async () => {
    bot = await startBotProcess({ OUTBOX_SWEEP_INTERVAL_MS: '500' });
    for (const who of [demoUsers.fatima, sem, demoUsers.jeroen, sanne])
      await talkAs(bot, who).say('help');
    await linkChannel(bot, 'ROT', sanne, { id: lkChannel, teamId: team });
  });
  afterEach(async () => {
    if (other?.child.exitCode === null) other.child.kill('SIGKILL');
    await other?.exited;
    other = undefined;
    await bot.stop();
  });

  it('killed (SIGKILL) once the connector has the reply, before its answer: restarted on the same store, every entry delivered, the repeat under the same id', async () => {
    const number = await submitCasus(talkAs(bot, demoUsers.fatima));
    const thread = await threadIn(bot.connector, lkChannel, number);
    await channelEntriesSettled(bot, number);

    // The reply is accepted and its answer held back; the process dies before it can hear it
    // (no later than the turn's own answer, so that the press itself is answered first).
    let held: string | undefined;
    let answered = false;
    const kill = () => bot.app.child.kill('SIGKILL');
    bot.connector.holding.set(thread.conversationId, (sent) => {
      held = JSON.stringify(sent.activity);
      if (answered) kill();
    });
    await decide(bot, demoUsers.jeroen, number, 'accepteren');
    answered = true;
    await waitFor('the reply at the connector', () => held);
    kill();
    assert.equal(await bot.app.exited, null, 'killed');
    bot.connector.holding.clear();
    const left = await storedCasus(bot, number);
    assert.ok(
      left.outbox.some((entry) => entry.kind === 'kanaal:accepteren'),
      'not marked',
    );
    assert.ok(left.deliveryLease, 'the dead instance still holds its claim');

    other = await startAppProcess({ ...processEnv, ...bot.storeEnv });
    const restarted = harnessOf(bot, other);
    // A step taken meanwhile waits behind the dead instance's claim, then goes in order.
    await decide(restarted, demoUsers.jeroen, number, 'afsluiten');
    await replyMatching(bot.connector, thread.conversationId, /: Afgesloten/, 120_000);
    await channelEntriesSettled(bot, number, 30_000);

    const [started, ...reported] = await channelEntryRefs(bot, number);
    assert.ok(started, 'the aanmelding, which started the thread');
    const replies = byEntry(repliesIn(bot.connector, thread.conversationId));
    assert.deepEqual([...replies.keys()], reported, 'no entry missing, none unknown, in order');
    const [accepted, closed] = reported.map((ref) => replies.get(ref)!);
    assert.equal(
      accepted!.length,
      2,
      'the reply the dead instance sent, and again after the restart',
    );
    assert.equal(new Set(accepted).size, 1, 'the repeat is the same reply');
    assert.match(accepted![0]!, /: Geaccepteerd door de Lokale Kamer/);
    assert.equal(closed!.length, 1);
    assert.equal(threadsFor(bot.connector, lkChannel, number).length, 1, 'one thread');
    assert.match(rootNow(bot.connector, thread), /Status\nAfgesloten/);
  });

  it('two instances writing and sweeping on one store: every entry posted once, all delivered', async () => {
    other = await startAppProcess({ ...processEnv, ...bot.storeEnv });
    const instances = [bot, harnessOf(bot, other)];
    const numbers: string[] = [];
    // Fatima on one instance and Sem on the other, side by side, three times.
    for (let round = 0; round < 3; round++) {
      numbers.push(
        ...(await Promise.all([
          submitCasus(talkAs(instances[0]!, demoUsers.fatima)),
          submitCasus(talkAs(instances[1]!, sem)),
        ])),
      );
    }
    // Each decision on the instance that did not take the step before.
    await Promise.all(
      numbers.map((number, i) =>
        decide(instances[(i + 1) % 2]!, demoUsers.jeroen, number, 'accepteren'),
      ),
    );
    await Promise.all(
      numbers.map((number, i) => decide(instances[i % 2]!, demoUsers.jeroen, number, 'afsluiten')),
    );
    for (const number of numbers) {
      const thread = await threadIn(bot.connector, lkChannel, number);
      await replyMatching(bot.connector, thread.conversationId, /: Afgesloten/);
      await channelEntriesSettled(bot, number);
    }
    // Both sweeps run a few more times over what is settled: nothing is sent again.
    await new Promise((resolve) => setTimeout(resolve, 1500));

    for (const number of numbers) {
      const threads = threadsFor(bot.connector, lkChannel, number);
      assert.equal(threads.length, 1, `one thread for ${number}`);
      const [, ...reported] = await channelEntryRefs(bot, number);
      const replies = repliesIn(bot.connector, threads[0]!.conversationId);
      assert.deepEqual(
        replies.map(({ entryRef }) => entryRef),
        reported,
        `${number}: each entry once, in order`,
      );
      assert.match(replies[0]!.text, /: Geaccepteerd door de Lokale Kamer/);
      assert.match(rootNow(bot.connector, threads[0]!), /Status\nAfgesloten/);
    }
    assert.equal(other.child.exitCode, null);
  });
});
