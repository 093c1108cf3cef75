// Contention: 50 simultaneous decisions on one casus, then 500+ mixed turns over 50 casussen at
// once, against the real bot over HTTP with its real embedded store; afterwards every casus
// document is read back and checked.
import { percentile } from '../../../bench/measure/stats';
import { startBotHarness } from '../../helpers/bot-harness';
import { SHORT_REGISTRY_BOUND } from '../../helpers/registry-bound';
import { addPeople, fiftyDeciders, fiftyWorkers, removeExtraDeciders } from '../contention/people';
import { mixedTurns } from '../contention/mixed';
import { raceOnOneCasus } from '../contention/race';
import { checkStore } from '../contention/store-check';
import { atLeast, atMost, below, exactly, type Section } from '../figures';

/** Turns of the mixed load in flight at once, at most: one per casus (a race in a lifecycle makes two). */
const IN_FLIGHT = 50;

export const contention: Section = {
  name: 'contention',
  title: '3. Contention',
  async run(context) {
    // The registry is changed behind the bot's back (people added, deciders taken out again).
    // Logging at the production default, so that the secrets section has this load's lines.
    const bot = await startBotHarness(
      { ...SHORT_REGISTRY_BOUND, LOG_LEVEL: 'info' },
      context.logLines,
    );
    try {
      await addPeople(bot);
      const race = await raceOnOneCasus(bot, fiftyDeciders);
      await removeExtraDeciders(bot);
      const started = performance.now();
      const mixed = await mixedTurns(bot, fiftyWorkers, IN_FLIGHT);
      const seconds = (performance.now() - started) / 1000;
      const store = await checkStore(bot.store().casussen, [
        race.submission,
        ...race.acknowledged,
        ...mixed.acknowledged,
      ]);

      const p99 = percentile(mixed.latencies, 99);
      context.note(
        `contention: ${context.logLines.length} log lines so far; ${mixed.latencies.length} turns in ${seconds.toFixed(1)} s, up to ${mixed.maxInFlight} in flight, p50 ${Math.round(percentile(mixed.latencies, 50))} ms, p99 ${Math.round(p99)} ms; ${store.casussen} casussen, ${store.written} changes written, ${race.acknowledged.length + mixed.acknowledged.length + 1} acknowledged`,
      );
      for (const line of [
        ...race.failures,
        ...mixed.failures,
        ...store.inconsistent,
        ...store.missing,
      ])
        context.note(`contention: ${line}`);
      return [
        exactly('simultaneous decisions on one casus', race.presses, fiftyDeciders.length),
        exactly('of those, written', race.writers, 1),
        exactly('of those, answered "Besluit vastgelegd"', race.acknowledged.length, 1),
        exactly('of those, told who decided', race.toldWhoDecided, fiftyDeciders.length - 1),
        atLeast('mixed turns answered, over 50 casussen', mixed.answered, 500),
        atMost('mixed turns failed or not as asked', mixed.failures.length),
        below('mixed turn latency p99', Number.isNaN(p99) ? Infinity : p99, 5000),
        atLeast('casus documents checked', store.casussen, fiftyWorkers.length + 1),
        atMost('audit chains inconsistent with their casus', store.inconsistent.length),
        atMost('duplicate casus numbers', store.duplicateNumbers),
        atMost('acknowledged changes missing', store.missing.length),
      ];
    } finally {
      await bot.stop();
    }
  },
};
