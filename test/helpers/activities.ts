import { randomUUID } from 'node:crypto';

/** aadObjectIds of seed/registry.demo.json and playground/.m365agentsplayground.yml. */
export const demoUsers = {
  fatima: '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a01', // wijkteammedewerker
  jeroen: '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a02', // procesregisseur Lokale Kamer Rotterdam
  pieter: '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a06', // no VOG or screening
  unknown: '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a07', // not in the registry
} as const;

interface ActivityOptions {
  serviceUrl: string;
  aadObjectId?: string;
  conversationId?: string;
  conversationType?: 'personal' | 'channel' | 'groupChat';
}

function base(options: ActivityOptions) {
  return {
    id: randomUUID(),
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
      id: options.conversationId ?? `a:${options.aadObjectId ?? 'x'}`,
      conversationType: options.conversationType ?? 'personal',
      isGroup: (options.conversationType ?? 'personal') !== 'personal',
      tenantId: 'tenant',
    },
    channelData: { tenant: { id: 'tenant' } },
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
