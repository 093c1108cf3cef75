// The actions the code has, read from the code itself: the route table's commands and card verbs
// (a verb whose data has an enum `action`, `by`, `list` or `about` once per value, `command.run` once per
// command it runs), the channel's verb and commands, the dialog invokes and the HTTP server's
// routes (the download route once per kind of document it makes). A new one without a row in the
// matrix makes the section miss.
import { z } from 'zod';
import { downloadProviders } from '../../../bot/downloads/download-providers';
import { createHttpApp } from '../../../bot/http/http-server';
import { OPEN_IN_CHAT_VERB } from '../../../bot/routing/channel-verbs';
import { routeTable } from '../../../bot/routing/route-table';

/** The fields whose values make one card verb several actions (casus.decide accepteren, …). */
const VARIANT_FIELDS = ['action', 'by', 'list', 'about'] as const;

function variantsOf(verb: string, data: z.ZodType): string[] {
  if (verb === 'command.run') {
    return routeTable.commands.filter((c) => !c.argument).map((c) => `${verb} ${c.command}`);
  }
  if (!(data instanceof z.ZodObject)) return [verb];
  const shape = data.shape as Record<string, z.ZodType>;
  for (const field of VARIANT_FIELDS) {
    const schema = shape[field];
    if (schema instanceof z.ZodEnum) {
      return (schema.options as string[]).map((option) => `${verb} ${option}`);
    }
  }
  return [verb];
}

type Layer = {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
};

/** The route that serves every download link: one action per kind of document it makes. */
export const DOWNLOAD_ROUTE = 'GET /download/:file';

/** The kinds of document the bot makes on request, from its providers built with stand-ins. */
export const downloadKinds = (): string[] => Object.keys(downloadProviders({} as never));

/**
 * The HTTP server's routes ("GET /ondertekenen"), from an app built with stand-ins: only the
 * routes are read, nothing is called.
 */
export function httpRoutes(): string[] {
  const app = createHttpApp(
    {
      adapter: {},
      bot: {},
      isStoreHealthy: () => Promise.resolve(true),
      logger: {},
      evidence: {},
      downloads: {},
      signing: {},
    } as never,
    { shuttingDown: false },
    { track() {} } as never,
  );
  const routes: string[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        const methods = Object.keys(layer.route.methods).map((m) => m.toUpperCase());
        const route = `${methods.length > 2 ? 'ALL' : methods.join(',')} ${layer.route.path}`;
        routes.push(
          ...(route === DOWNLOAD_ROUTE
            ? downloadKinds().map((kind) => `${route} ${kind}`)
            : [route]),
        );
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return routes;
}

/** Every action of the code, each once. */
export function actionsInCode(): string[] {
  const ids = routeTable.commands.flatMap((c) =>
    c.argument ? [c.command, `${c.command} <${c.argument}>`] : [c.command],
  );
  ids.push(...routeTable.verbs.flatMap((route) => variantsOf(route.verb, route.data)));
  // Channel commands are words in ChannelCommands.onText; the dialogs are named in CasusBot.
  ids.push(OPEN_IN_CHAT_VERB, 'koppel', 'ontkoppel', 'task/fetch', 'task/submit');
  ids.push(...httpRoutes());
  return [...new Set(ids)];
}
