import assert from 'node:assert/strict';
import { Dispatcher, normaliseCommandText } from '../../bot/routing/dispatcher';
import { routeTable } from '../../bot/routing/route-table';
import { createLogger } from '../../src/logging/logger';
import { cardText } from '../helpers/fake-connector';
import { servicesWithStoreDown } from '../helpers/unavailable-store';

const logger = createLogger('silent');

describe('dispatcher', () => {
  const dispatcher = new Dispatcher(routeTable, servicesWithStoreDown(true));

  it('answers "probeer het later opnieuw" when the store is unavailable, for text and for buttons', async () => {
    const sender = {
      aadObjectId: '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a01',
      activityId: 'a',
      chat: 'personal',
    } as const;
    for (const card of [
      await dispatcher.onText(sender, 'help', logger),
      await dispatcher.onVerb(sender, 'demo.persona', { personId: sender.aadObjectId }, logger),
    ]) {
      assert.match(cardText(card), /Probeer het later opnieuw[\s\S]*niets gewijzigd/);
    }
  });

  it('matches commands case- and space-insensitively, the longest command first', () => {
    assert.equal(normaliseCommandText('  Help   Mij '), 'help mij');
    assert.equal(dispatcher.matchCommand('HELP')?.route.command, 'help');
    assert.equal(dispatcher.matchCommand('hulp')?.route.command, 'help');
    assert.deepEqual(
      {
        command: dispatcher.matchCommand('rol  Jeroen')?.route.command,
        args: dispatcher.matchCommand('rol  Jeroen')?.args,
      },
      { command: 'rol', args: 'jeroen' },
    );
    assert.equal(dispatcher.matchCommand('rollen'), undefined);
    assert.equal(dispatcher.matchCommand('helpdesk'), undefined);
  });
});
