import { once } from 'node:events';
import type { Server as HttpServer } from 'node:http';
import type { Server as HttpsServer } from 'node:https';

/** Closes a test server now, keep-alive connections included, and waits until it has. */
export async function closeServer(server: HttpServer | HttpsServer | undefined): Promise<void> {
  if (!server) return;
  const closed = once(server, 'close');
  server.close();
  server.closeAllConnections();
  await closed;
}
