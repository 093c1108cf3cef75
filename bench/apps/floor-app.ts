// The floor the bench measures the bot against: a bare botbuilder CloudAdapter behind express on
// loopback, anonymous like the bot in the bench, answering an `adaptiveCard/action` invoke.
//   verb `floor.bare`:  a one-line card, nothing else.
//   verb `floor.store`: one point read and one ETag-guarded replace of a ~5 KB document in the
//                       same store (same SDK, same client settings as the app), and one template
//                       expansion: the least a decision can cost.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { CosmosClient, type Container } from '@azure/cosmos';
import { Template } from 'adaptivecards-templating';
import {
  ActivityTypes,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type TurnContext,
} from 'botbuilder';
import express from 'express';
import { FLOOR_CONTAINER, FLOOR_DATABASE, type floorDocument } from './floor-documents';

const card = (text: string) => ({
  type: 'AdaptiveCard',
  version: '1.5',
  body: [{ type: 'TextBlock', text, wrap: true }],
});

// Parsed once, expanded per turn, as the app's card templates are.
const template = new Template(card('Casus ${casusNumber} · revisie ${revision} · ${state}'));

async function openContainer(): Promise<Container> {
  const client = new CosmosClient({
    endpoint: process.env.COSMOS_ENDPOINT ?? '',
    key: process.env.COSMOS_KEY ?? '',
    connectionPolicy: { enableEndpointDiscovery: false, requestTimeout: 10_000 },
  });
  const { database } = await client.databases.createIfNotExists({ id: FLOOR_DATABASE });
  const { container } = await database.containers.createIfNotExists({
    id: FLOOR_CONTAINER,
    partitionKey: { paths: ['/id'], version: 2 },
  });
  return container;
}

async function readAndReplace(container: Container, id: string): Promise<object> {
  const item = container.item(id, id);
  const { resource, etag } = await item.read<ReturnType<typeof floorDocument>>();
  if (!resource) throw new Error(`floor document ${id} is missing`);
  const next = { ...resource, revision: resource.revision + 1 };
  await item.replace(next, { accessCondition: { type: 'IfMatch', condition: etag } });
  return template.expand({ $root: next }) as object;
}

async function main(): Promise<void> {
  const container = await openContainer();
  // No app id: anonymous, as botbuilder's samples configure it from an empty environment.
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const logic = async (context: TurnContext): Promise<void> => {
    const { activity } = context;
    if (activity.type !== 'invoke' || activity.name !== 'adaptiveCard/action') return;
    const action = (activity.value as { action?: { verb?: string; data?: { docId?: string } } })
      .action;
    const value =
      action?.verb === 'floor.store'
        ? await readAndReplace(container, String(action.data?.docId))
        : card('OK');
    await context.sendActivity({
      type: ActivityTypes.InvokeResponse,
      value: {
        status: 200,
        body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value },
      },
    });
  };
  const app = express();
  app.post('/api/messages', express.json({ limit: '256kb' }), (req, res) => {
    void adapter.process(req, res, logic);
  });
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  process.once('SIGTERM', () => server.close(() => process.exit(0)));
  process.stdout.write(
    `${JSON.stringify({ level: 30, msg: 'floor listening', url: `http://127.0.0.1:${port}` })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
