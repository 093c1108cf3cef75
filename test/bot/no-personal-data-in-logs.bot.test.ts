import assert from 'node:assert/strict';
import { demoUsers } from '../helpers/activities';
import { startBotHarness, talkAs } from '../helpers/bot-harness';
import { actionData } from '../helpers/card-actions';
import { submitCasus } from '../helpers/intake-flow';
import { validStepValues } from '../helpers/intake-values';

describe('logs (WGS art. 2.25: only what is necessary)', () => {
  it('never contain betrokkene data or motivations, even at trace level, through intake and decisions', async function () {
    this.timeout(60_000);
    const lines: string[] = [];
    const bot = await startBotHarness({ LOG_LEVEL: 'trace' }, lines);
    try {
      const fatima = talkAs(bot, demoUsers.fatima);
      const jeroen = talkAs(bot, demoUsers.jeroen);
      await jeroen.say('help');
      const number = await submitCasus(fatima);
      const decision = 'Besproken in de weegtafel; de schuldhulp van betrokkene loopt vast.';
      const card = await jeroen.say(`casus ${number}`);
      const { casusId, revision } = actionData(card, 'casus.decide');
      await jeroen.execute('casus.decide', {
        casusId,
        revision,
        action: 'informatie-vragen',
        motivation: decision,
      });
      await new Promise((resolve) => setTimeout(resolve, 500)); // let the notifications go out
    } finally {
      await bot.stop();
    }

    assert.ok(lines.length > 10, 'the flow was logged');
    assert.ok(
      lines.every((line) => JSON.parse(line) !== null),
      'every line is JSON',
    );
    assert.ok(
      lines.some((line) => (JSON.parse(line) as { activityId?: string }).activityId),
      'turns carry their activity id',
    );
    const secrets = [
      validStepValues.betrokkene.naam,
      validStepValues.betrokkene.bsn,
      validStepValues.betrokkene.geboortedatum,
      ...Object.values(validStepValues['criteria-1-2']).filter((v) => v.length > 20),
      validStepValues['criterium-3'].motivering3,
      validStepValues['criterium-4'].motivering4,
      'schuldhulp van betrokkene',
    ];
    const leaks = secrets.filter((secret) => lines.some((line) => line.includes(secret)));
    assert.deepEqual(leaks, []);
  });
});
