import { randomUUID } from 'node:crypto';

/** aadObjectIds of seed/registry.demo.json and playground/.m365agentsplayground.yml. */
export const demoUsers = {
  fatima: '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a01', // wijkteammedewerker
  sem: '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a08', // wijkteammedewerker, Fatima's colleague
  jeroen: '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a02', // procesregisseur Lokale Kamer Rotterdam
  pieter: '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a06', // no VOG or screening
  unknown: '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a07', // not in the registry
} as const;

interface ActivityOptions {
  serviceUrl: string;
  aadObjectId?: string;
  conversationId?: string;
  conversationType?: 'personal' | 'channel' | 'groupChat';
  /** A team channel (conversationType 'channel'): its channel and team ids in channelData. */
  channel?: { id: string; teamId: string };
}

function base(options: ActivityOptions) {
  const id = randomUUID();
  const { channel } = options;
  return {
    id,
    channelId: 'msteams',
    serviceUrl: options.serviceUrl,
    timestamp: new Date().toISOString(),
    from: {
      id: `29:${options.aadObjectId ?? 'anonymous'}`,
      aadObjectId: options.aadObjectId,
      name: 'Test',
    },
    recipient: { id: '28:casusbot-test', name: 'casusbot' },
    conversation: {
      // A new post in a channel is a thread of its own: Teams names the conversation after it.
      id:
        options.conversationId ??
        (channel ? `${channel.id};messageid=${id}` : `a:${options.aadObjectId ?? 'x'}`),
      conversationType: channel ? 'channel' : (options.conversationType ?? 'personal'),
      isGroup: channel !== undefined || (options.conversationType ?? 'personal') !== 'personal',
      tenantId: 'tenant',
    },
    channelData: {
      tenant: { id: 'tenant' },
      ...(channel && {
        teamsChannelId: channel.id,
        teamsTeamId: channel.teamId,
        channel: { id: channel.id },
        team: { id: channel.teamId },
      }),
    },
  };
}

export function messageActivity(text: string, options: ActivityOptions) {
  return { ...base(options), type: 'message', text };
}

export function submitActivity(value: Record<string, unknown>, options: ActivityOptions) {
  return { ...base(options), type: 'message', value };
}

export function executeActivity(verb: string, data: unknown, options: ActivityOptions) {
  return {
    ...base(options),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}
