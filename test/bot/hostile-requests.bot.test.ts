import assert from 'node:assert/strict';
import { once } from 'node:events';
import { connect, createServer, type Server } from 'node:net';
import express from 'express';
import { demoUsers, executeActivity, messageActivity } from '../helpers/activities';
import { startAppProcess, type AppProcess } from '../helpers/app-process';
import { cardOf, cardText, FakeConnector } from '../helpers/fake-connector';
import { tempDir } from '../helpers/temp-dir';

/** Teams waits 5 s for an answer; every request here must get one sooner. */
const TEAMS_LIMIT_MS = 5000;

interface Answer {
  status: number;
  body: string;
  ms: number;
}

async function post(url: string, body: string, headers: Record<string, string> = {}) {
  const started = Date.now();
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: response.status, body: await response.text(), ms: Date.now() - started };
}

/** A valid activity broken in every way a byte can break it: cut short, and one byte changed. */
function brokenBodies(valid: string): string[] {
  const bodies: string[] = [];
  for (let end = 0; end < valid.length; end += 2) bodies.push(valid.slice(0, end));
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const replacements = ['"', '{', '}', '[', ']', ',', ':', '0', 'x', '\\', ' ', '\u0000'];
  for (let i = 0; i < 300; i++) {
    const at = Math.floor(random() * valid.length);
    const by = replacements[Math.floor(random() * replacements.length)] ?? '';
    bodies.push(valid.slice(0, at) + by + valid.slice(at + 1));
  }
  return bodies;
}

describe('bot over HTTP: hostile requests never stop the process (anonymous mode)', function () {
  this.timeout(180_000);
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let app: AppProcess;
  let connector: FakeConnector;

  before(async () => {
    dir = await tempDir('hostile');
    connector = await new FakeConnector().start();
    app = await startAppProcess({
      PORT: '0',
      DEMO_MODE: 'true',
      EMBEDDED_COSMOS_DATA_DIR: dir.path,
    });
  });
  after(async () => {
    if (app.child.exitCode === null) app.child.kill('SIGKILL');
    await app.exited;
    await connector.stop();
    await dir.remove();
  });

  /** The process is alive and still serves a real turn. */
  async function assertStillServing(): Promise<void> {
    assert.equal(app.child.exitCode, null, 'the bot process is still running');
    const activity = messageActivity('help', {
      serviceUrl: connector.serviceUrl,
      aadObjectId: demoUsers.fatima,
    });
    assert.equal((await post(app.botUrl, JSON.stringify(activity))).status, 200);
    assert.match(cardText(cardOf(await connector.waitForReply(activity.id))), /Hallo Fatima/);
  }

  it('answers 400 with a short JSON error to bodies without a usable activity, and logs no body', async () => {
    const cases = ['{}', '{"type":5}', '{"text":"help"}', '[]', '"message"', 'null', '7'];
    for (const body of cases) {
      const answer = await post(app.botUrl, body);
      assert.equal(answer.status, 400, `${body} → ${answer.status} ${answer.body}`);
      assert.ok((JSON.parse(answer.body) as { error?: string }).error, 'a short JSON error');
    }
    const empty = await fetch(`${app.botUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': '0' },
    });
    assert.equal(empty.status, 400);
    const refusals = await app.waitForLogs(
      (line) => line.msg === 'request refused',
      cases.length + 1,
    );
    assert.ok(refusals.length >= cases.length + 1, `${refusals.length} refusals logged`);
    assert.ok(refusals.every((line) => !JSON.stringify(line).includes('help')));
    await assertStillServing();
  });

  it('answers every broken JSON body (cut short or one byte changed) with 400 or a turn, never 500', async () => {
    const valid = JSON.stringify(
      messageActivity('help', { serviceUrl: connector.serviceUrl, aadObjectId: demoUsers.fatima }),
    );
    const bodies = brokenBodies(valid);
    assert.ok(bodies.length > 500);
    const statuses = new Map<number, number>();
    for (const body of bodies) {
      const answer: Answer = await post(app.botUrl, body);
      assert.ok([200, 400].includes(answer.status), `${answer.status} for ${JSON.stringify(body)}`);
      assert.ok(answer.ms < TEAMS_LIMIT_MS, `${answer.ms} ms for ${JSON.stringify(body)}`);
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
    }
    assert.ok((statuses.get(400) ?? 0) > 400, JSON.stringify([...statuses]));
    await assertStillServing();
  });

  describe('activities with parts of the wrong type', () => {
    let blackhole: Server;
    let blackholeUrl = '';
    before(async () => {
      // Accepts connections, never answers: a serviceUrl nobody serves.
      blackhole = createServer(() => undefined).listen(0, '127.0.0.1');
      await once(blackhole, 'listening');
      const address = blackhole.address();
      blackholeUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
    });
    after(() => {
      blackhole.close();
    });

    const base = () =>
      messageActivity('help', { serviceUrl: connector.serviceUrl, aadObjectId: demoUsers.fatima });
    const variants: [string, () => unknown][] = [
      [
        'channelData as an array on a conversationUpdate',
        () => ({
          ...base(),
          type: 'conversationUpdate',
          channelData: [],
          membersAdded: [{ id: '28:casusbot-test' }],
        }),
      ],
      [
        'membersAdded as an object',
        () => ({ ...base(), type: 'conversationUpdate', membersAdded: { id: 'x' } }),
      ],
      [
        'membersAdded with a numeric id',
        () => ({ ...base(), type: 'conversationUpdate', membersAdded: [{ id: 5 }] }),
      ],
      ['from as a string', () => ({ ...base(), from: 'fatima' })],
      ['from.aadObjectId as a number', () => ({ ...base(), from: { id: 'x', aadObjectId: 5 } })],
      ['no conversation', () => ({ ...base(), conversation: undefined })],
      [
        'conversation.isGroup as a string',
        () => ({
          ...base(),
          conversation: { id: 'a', conversationType: 'personal', isGroup: 'no' },
        }),
      ],
      ['recipient missing', () => ({ ...base(), recipient: undefined })],
      ['text as a number', () => ({ ...base(), text: 42 })],
      [
        'a mention without whom it mentions',
        () => ({ ...base(), entities: [{ type: 'mention', text: '<at>x</at>' }] }),
      ],
      ['entities as a string', () => ({ ...base(), entities: 'mention' })],
      ['serviceUrl not a URL', () => ({ ...base(), serviceUrl: 'not a url' })],
      ['serviceUrl of another scheme', () => ({ ...base(), serviceUrl: 'file:///etc/passwd' })],
      ['invoke name as a number', () => ({ ...base(), type: 'invoke', name: 12 })],
      ['channelId missing', () => ({ ...base(), channelId: undefined })],
      ['tenant id as an object', () => ({ ...base(), channelData: { tenant: { id: { x: 1 } } } })],
      ['channelData.team as a string', () => ({ ...base(), channelData: { team: 'x' } })],
      // Copied into the reply, where botbuilder's serializer would quote them in a huge error.
      ['locale as an array', () => ({ ...base(), locale: ['x'.repeat(100_000)] })],
      [
        'conversation.name as an array',
        () => ({ ...base(), conversation: { ...base().conversation, name: ['x'] } }),
      ],
      [
        'recipient.role as an array',
        () => ({ ...base(), recipient: { ...base().recipient, role: ['x'] } }),
      ],
      [
        'conversation.aadObjectId as an array',
        () => ({ ...base(), conversation: { ...base().conversation, aadObjectId: ['x'] } }),
      ],
      ['a message without an id', () => ({ ...base(), id: undefined })],
      // botbuilder's Teams handler reads the channel data of these unchecked (a TypeError).
      [
        'members removed without channel data',
        () => ({
          ...base(),
          type: 'conversationUpdate',
          channelData: undefined,
          membersRemoved: [{ id: '29:someone' }],
        }),
      ],
      [
        'a message update without channel data',
        () => ({ ...base(), type: 'messageUpdate', channelData: undefined }),
      ],
      [
        'a message delete without channel data',
        () => ({ ...base(), type: 'messageDelete', channelData: undefined }),
      ],
      [
        'an invoke without an id',
        () => ({ ...base(), type: 'invoke', name: 'adaptiveCard/action', id: undefined }),
      ],
    ];
    for (const [what, activity] of variants) {
      it(`refuses ${what} with 400, quickly`, async () => {
        const answer = await post(app.botUrl, JSON.stringify(activity()));
        assert.equal(answer.status, 400, answer.body);
        assert.ok(answer.ms < TEAMS_LIMIT_MS);
      });
    }

    it('keeps the log bounded when a serviceUrl answers with a huge error', async () => {
      const evil = express()
        .use(
          (_req, res) => void res.status(400).json({ error: { message: 'x'.repeat(1_000_000) } }),
        )
        .listen(0, '127.0.0.1');
      await once(evil, 'listening');
      try {
        const address = evil.address();
        const serviceUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
        const activity = messageActivity('help', { serviceUrl, aadObjectId: demoUsers.fatima });
        assert.equal((await post(app.botUrl, JSON.stringify(activity))).status, 200);
        const [failed] = await app.waitForLogs(
          (line) => line.msg === 'reply not delivered' && line.activityId === activity.id,
          1,
        );
        assert.ok(failed, 'the failed reply is logged');
        assert.ok(
          JSON.stringify(failed).length < 4000,
          `${JSON.stringify(failed).length} characters`,
        );
      } finally {
        evil.close();
        evil.closeAllConnections();
      }
    });

    it('answers a turn whose serviceUrl never answers within Teams’ limit, and goes on serving', async () => {
      const activity = messageActivity('help', {
        serviceUrl: blackholeUrl,
        aadObjectId: demoUsers.fatima,
      });
      const answer = await post(app.botUrl, JSON.stringify(activity));
      assert.equal(answer.status, 200);
      assert.ok(answer.ms < TEAMS_LIMIT_MS, `${answer.ms} ms`);
      await assertStillServing();
    });
  });

  it('answers a mention without text, and a sender whose id is not an Entra object id', async () => {
    const mention = {
      ...messageActivity('help', {
        serviceUrl: connector.serviceUrl,
        aadObjectId: demoUsers.fatima,
      }),
      text: undefined,
      entities: [
        { type: 'mention', text: '<at>casusbot</at>', mentioned: { id: '28:casusbot-test' } },
      ],
    };
    assert.equal((await post(app.botUrl, JSON.stringify(mention))).status, 200);
    assert.match(cardText(cardOf(await connector.waitForReply(mention.id))), /Hallo Fatima/);
    for (const aadObjectId of ['a/b?c#d', '..', 'x'.repeat(60)]) {
      const odd = messageActivity('help', { serviceUrl: connector.serviceUrl, aadObjectId });
      assert.equal((await post(app.botUrl, JSON.stringify(odd))).status, 200);
      assert.match(cardText(cardOf(await connector.waitForReply(odd.id))), /Geen toegang/);
    }
  });

  it('answers other paths and methods with short JSON', async () => {
    for (const [method, path, status] of [
      ['GET', '/api/messages', 405],
      ['PUT', '/api/messages', 405],
      ['GET', '/nowhere', 404],
      ['POST', '/api/%', 404],
    ] as const) {
      const response = await fetch(`${app.botUrl}${path}`, { method });
      assert.equal(response.status, status, `${method} ${path}`);
      assert.ok(((await response.json()) as { error?: string }).error);
    }
  });

  it('lets a request whose body never arrives go with 408, instead of holding the connection', async () => {
    const { port } = new URL(app.botUrl);
    const socket = connect(Number(port), '127.0.0.1');
    await once(socket, 'connect');
    socket.write(
      'POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"type":',
    );
    const started = Date.now();
    const [answer] = (await once(socket, 'data')) as [Buffer];
    assert.match(answer.toString(), /^HTTP\/1\.1 408/);
    assert.ok(Date.now() - started < 15_000, `${Date.now() - started} ms`);
    socket.destroy();
  });

  describe('invokes', () => {
    const invoke = (name: string, value: unknown) => ({
      ...executeActivity(
        'x',
        {},
        { serviceUrl: connector.serviceUrl, aadObjectId: demoUsers.fatima },
      ),
      name,
      value,
    });

    it('answers a dialog request it has no dialog for with a message, not 501', async () => {
      const answer = await post(app.botUrl, JSON.stringify(invoke('task/fetch', { data: {} })));
      assert.equal(answer.status, 200);
      assert.equal((JSON.parse(answer.body) as { task: { type: string } }).task.type, 'message');
    });

    it('refuses an unknown invoke with a clear 400, not 501', async () => {
      for (const name of ['composeExtension/query', 'signin/verifyState', 'made/up']) {
        const answer = await post(app.botUrl, JSON.stringify(invoke(name, {})));
        assert.equal(answer.status, 400, name);
        assert.equal(
          (JSON.parse(answer.body) as { error: { code: string } }).error.code,
          'NotSupported',
        );
      }
    });

    it('logs a caller’s invoke name or verb only in the shape of one, never typed text', async () => {
      // U+2028 and U+2029 stay raw in the JSON log line (the activity id): still read as one line.
      const oddId = `x\u2028\u2029${Date.now()}`;
      const typed = { ...invoke('Jan Jansen', {}), id: oddId };
      assert.equal((await post(app.botUrl, JSON.stringify(typed))).status, 400);
      const verb = executeActivity(
        'Jan Jansen 1988',
        {},
        {
          serviceUrl: connector.serviceUrl,
          aadObjectId: demoUsers.fatima,
        },
      );
      assert.equal((await post(app.botUrl, JSON.stringify(verb))).status, 200);
      const [invoked] = await app.waitForLogs((line) => line.activityId === oddId, 1);
      assert.equal(invoked?.msg, 'unsupported invoke', 'the line with U+2028 in it is read whole');
      assert.equal(invoked.invoke, '(other)');
      const [unknown] = await app.waitForLogs((line) => line.activityId === verb.id, 1);
      assert.deepEqual([unknown?.msg, unknown?.verb], ['unknown card verb', '(other)']);
      const shaped = app.logs.filter((line) => line.invoke === 'composeExtension/query');
      assert.ok(shaped.length > 0, 'a name in the shape of one is still logged');
      assert.ok(!app.logs.some((line) => JSON.stringify(line).includes('Jan Jansen')));
    });

    it('answers a card action without value.action with an error card', async () => {
      for (const value of [
        undefined,
        {},
        { action: 'x' },
        { action: { type: 'Action.Execute' } },
      ]) {
        const answer = await post(app.botUrl, JSON.stringify(invoke('adaptiveCard/action', value)));
        assert.equal(answer.status, 200, JSON.stringify(value));
        const body = JSON.parse(answer.body) as {
          statusCode: number;
          type: string;
          value: unknown;
        };
        assert.equal(body.type, 'application/vnd.microsoft.card.adaptive');
        assert.match(cardText(body.value), /Onbekende actie/);
      }
      const errors = app.logs.filter((line) => line.msg === 'unhandled turn error');
      assert.deepEqual(errors, []);
      await assertStillServing();
    });
  });
});
