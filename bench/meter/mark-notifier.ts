// Preloaded into the bot after store-meter.ts. A turn hands the casus to the notifier
// (`deliverSoon`) before it answers, and the delivery's first store requests may leave while the
// turn is still rendering its card: by the clock they would be the turn's. This wraps the two ways
// into a delivery (a turn's hand-off, the sweep) so that everything they do runs in the
// `afterTurn` context. The methods themselves run unchanged.
import type * as Notifier from '../../bot/notifications/casus-notifier';
import { afterTurn } from './after-turn';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the app's own module instance, resolved as the app resolves it
const { CasusNotifier } = require('../../bot/notifications/casus-notifier') as typeof Notifier;

for (const method of ['deliverSoon', 'sweep'] as const) {
  const original = Reflect.get(CasusNotifier.prototype, method) as (...args: unknown[]) => unknown;
  Object.defineProperty(CasusNotifier.prototype, method, {
    value(this: unknown, ...args: unknown[]) {
      return afterTurn.run(true, () => original.apply(this, args));
    },
  });
}
