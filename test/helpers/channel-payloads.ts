/**
 * Every activity any fake connector of this test process received for a channel or a group chat
 * (conversation ids `19:…@thread…`): everyone there reads them. The privacy hook
 * (test/helpers/channel-privacy.hook.ts) checks them all once the suite has run.
 */
export const sharedChatPayloads: { conversationId: string; body: unknown }[] = [];

export const isSharedConversation = (conversationId: string): boolean =>
  /^19:.*@thread/.test(conversationId);

export function recordIfShared(conversationId: string, body: unknown): void {
  if (isSharedConversation(conversationId)) sharedChatPayloads.push({ conversationId, body });
}
