import assert from 'node:assert/strict';
import { TestAdapter, type Activity } from 'botbuilder';
import { CasusBot } from '../../bot/casus-bot';
import { Dispatcher } from '../../bot/routing/dispatcher';
import { routeTable } from '../../bot/routing/route-table';
import type { ConversationDirectory } from '../../src/app/notifications/conversation-directory';
import { createLogger } from '../../src/logging/logger';
import { cardText } from '../helpers/fake-connector';
import { PersonalChats } from '../../bot/personal-chats';
import { servicesWithStoreDown } from '../helpers/unavailable-store';

describe('CasusBot when the store is down', () => {
  it('still answers a personal chat with "probeer het later opnieuw", and remembers no chat of a sender the registry could not confirm', async () => {
    const logLines: string[] = [];
    const logger = createLogger('warn', { write: (line: string) => void logLines.push(line) });
    const dispatcher = new Dispatcher(routeTable, servicesWithStoreDown(false));
    const asked: string[] = [];
    const directory: ConversationDirectory = {
      get: (userId) => Promise.resolve(void asked.push(`get ${userId}`)),
      save: (userId) => Promise.resolve(void asked.push(`save ${userId}`)),
    };
    const bot = new CasusBot(dispatcher, new PersonalChats(directory), logger);
    const adapter = new TestAdapter((context) => bot.run(context));

    const replies: Partial<Activity>[] = [];
    await adapter
      .send({
        type: 'message',
        text: 'help',
        from: { id: 'user-1', name: 'Fatima', aadObjectId: '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a01' },
        conversation: { id: 'personal-1', conversationType: 'personal', isGroup: false, name: '' },
      })
      .assertReply((reply) => void replies.push(reply));

    const card = replies[0]?.attachments?.[0]?.content as object;
    assert.match(cardText(card), /Probeer het later opnieuw/);
    assert.deepEqual(asked, []);
    assert.ok(
      logLines.some((line) => line.includes('store unavailable')),
      logLines.join('\n'),
    );
  });
});
