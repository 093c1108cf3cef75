import assert from 'node:assert/strict';
import { demoUsers, messageActivity } from '../helpers/activities';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness';

const tenant = '3f9e6c1a-7b2d-4c8e-9f0a-1b2c3d4e5f60';
const production = {
  DEMO_MODE: 'false',
  MICROSOFT_APP_ID: '6f1c2d3e-4a5b-4c6d-8e7f-8091a2b3c4d5',
  MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
  MICROSOFT_APP_TYPE: 'SingleTenant',
  MICROSOFT_APP_TENANT_ID: tenant,
};

/** An activity as Teams would send it from a tenant, but without a Bot Framework token. */
function fromTenant(tenantId: string, serviceUrl: string) {
  const activity = messageActivity('nieuwe casus', { serviceUrl, aadObjectId: demoUsers.fatima });
  return {
    ...activity,
    conversation: { ...activity.conversation, tenantId },
    channelData: { tenant: { id: tenantId } },
  };
}

describe('bot over HTTP: production mode (an Azure Bot app id is configured)', () => {
  let bot: BotHarness;
  before(async () => {
    bot = await startBotHarness(production);
  });
  after(async () => {
    await bot.stop();
  });

  it('refuses an activity without a valid Bot Framework token (401) and answers nothing', async () => {
    const response = await bot.post(fromTenant(tenant, bot.connector.serviceUrl));
    assert.equal(response.status, 401);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(bot.connector.sent.length, 0);
  });

  it('refuses an activity from another tenant before anything else (403)', async () => {
    const response = await bot.post(
      fromTenant('11111111-2222-4333-8444-555555555555', bot.connector.serviceUrl),
    );
    assert.equal(response.status, 403);
    assert.equal(bot.connector.sent.length, 0);
  });

  it('lets the Bot Framework adapter refuse a forged token (401), and answers nothing', async () => {
    const response = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer forged.token.value' },
      body: JSON.stringify(fromTenant(tenant, bot.connector.serviceUrl)),
    });
    assert.equal(response.status, 401);
    assert.equal(bot.connector.sent.length, 0);
  });

  it('still answers /healthz', async () => {
    assert.equal((await fetch(`${bot.url}/healthz`)).status, 200);
  });
});
